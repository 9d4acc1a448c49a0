"""The registry of findings formats: the names ``--format`` offers, and ``render``."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from galint.output.findings import (
    FORMATS,
    REGISTRY,
    Summary,
    github,
    gitlab,
    junit,
    render,
    sarif,
    statistics,
    text,
)
from galint.output.findings import json as json_format
from galint.rules import all_rules


def test_the_format_choices_in_order() -> None:
    assert FORMATS == ("text", "json", "sarif", "junit", "github", "gitlab")
    assert set(REGISTRY) == {*FORMATS, "statistics"}


def test_the_command_line_offers_the_registry() -> None:
    from galint.cli import cli

    def output_format(command: str) -> click.Choice:
        [choice] = [
            p.type
            for p in cli.get_command(click.Context(cli), command).params
            if p.name == "output_format"
        ]
        return choice

    choice = output_format("check")
    assert tuple(choice.choices) == FORMATS
    choice = output_format("report")
    assert tuple(choice.choices) == ("text", "csv", "json", "html")


def test_render_calls_each_formatter_with_what_it_takes(example_summary: Summary) -> None:
    summary = example_summary._replace(paths=("b.yaml", "a.yaml"))
    rules = all_rules()
    expected = {
        "text": text.render(summary),
        "json": json_format.render(summary),
        "sarif": sarif.render(summary, rules, "/x"),
        "junit": junit.render(summary, ["b.yaml", "a.yaml"], fail_on="error"),
        "github": github.render(summary),
        "gitlab": gitlab.render(summary, "/x"),
        "statistics": statistics.render(summary, rules),
    }
    for name, output in expected.items():
        assert render(name, summary, rules, "/x", "error") == output, name


def test_an_unknown_format_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        render("yaml", Summary(0, []))


def test_render_imports_only_the_formatter_it_uses() -> None:
    code = (
        "import sys\n"
        "from galint.output.findings import Summary, render\n"
        "render('json', Summary(0, []))\n"
        "loaded = {m.rsplit('.', 1)[-1] for m in sys.modules if m.startswith('galint.output.')}\n"
        "print(sorted(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['findings', 'json', 'model']"

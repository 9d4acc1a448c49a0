"""Rules from other packages, found through the entry-point group ``galint.rules``."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from installing import install_into

from galint import rules as registry

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = """
from galint.load import Problem  # the deprecated name, which plugins still use
from galint.rule import Rule  # likewise


def check(report):
    if report.country_code == "XA":
        yield Problem("Arcadia is fictional", ("country", "code"))


RULE = Rule(
    code="Z901",
    slug="fictional-country",
    severity="warning",
    summary="The country is fictional.",
    explanation="Failing: code XA. Passing: code ME.",
    check=check,
)
"""


@pytest.mark.slow
def test_an_installed_plugin_runs_with_the_builtin_rules(tmp_path: Path) -> None:
    project = tmp_path / "plugin"
    project.mkdir()
    (project / "galint_demo.py").write_text(PLUGIN, encoding="utf-8")
    (project / "pyproject.toml").write_text(
        textwrap.dedent(
            """\
            [build-system]
            requires = ["setuptools>=68"]
            build-backend = "setuptools.build_meta"
            [project]
            name = "galint-demo"
            version = "1.0"
            [project.entry-points."galint.rules"]
            demo = "galint_demo:RULE"
            [tool.setuptools]
            py-modules = ["galint_demo"]
            """
        ),
        encoding="utf-8",
    )
    site = install_into(tmp_path / "site", project)
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-m", "galint", "check", str(ROOT / "examples" / "arcadia" / "2013.yaml")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert ":4:9: Z901 [fictional-country] Arcadia is fictional" in done.stdout
    listed = subprocess.run(
        [sys.executable, "-m", "galint", "rules"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Z901  fictional-country" in listed.stdout


def _entry_points(value: str) -> object:
    def fake(group: str) -> list[EntryPoint]:
        assert group == "galint.rules"
        return [EntryPoint(name="broken", value=value, group=group)]

    return fake


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "no_such_module_for_galint:RULE",
            "the rule plugin 'broken' (no_such_module_for_galint:RULE) cannot be loaded",
        ),
        ("os.path:join", "is not a galint Rule"),
        ("galint.rules.empty_section:RULE", "two rules are named 'C003'"),
    ],
)
def test_a_broken_plugin_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], value: str, message: str
) -> None:
    import importlib.metadata

    from galint import cli

    monkeypatch.setattr(importlib.metadata, "entry_points", _entry_points(value))
    registry.all_rules.cache_clear()
    monkeypatch.setattr(sys, "argv", ["galint", "check", str(ROOT / "examples" / "arcadia")])
    try:
        with pytest.raises(SystemExit) as done:
            cli.main()
    finally:
        registry.all_rules.cache_clear()
    assert done.value.code == 2
    assert message in capsys.readouterr().err


def test_plugins_are_looked_up_when_the_rules_are_loaded_not_on_import(tmp_path: Path) -> None:
    """importlib.metadata, slow to import, is not on the way of what needs no rules (and
    with a cache of no note, loading the rules asks it)."""
    code = (
        "import sys, galint.rules as r; before = 'importlib.metadata' in sys.modules; "
        "r.all_rules(); print(before, 'importlib.metadata' in sys.modules)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "True"]

"""What the commands share: configuration and rule selection from options, rules, writing
output. Each helper turns a problem into a click usage error (exit 2)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from galint.core.rule import Rule
    from galint.pipeline.config import Config
    from galint.pipeline.engine import Selection

EXIT_OK, EXIT_FOUND, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def rules() -> tuple[Rule, ...]:
    """Every rule, built-in and plugged in."""
    from galint.rules import RuleLoadError, all_rules

    try:
        return all_rules()
    except RuleLoadError as error:
        raise click.UsageError(str(error)) from error


def config(path: str | None, isolated: bool, paths: Iterable[str]) -> Config:
    """The configuration named, or found above the first path, or none."""
    from galint.pipeline.config import Config, ConfigError, discover, load

    if path is None and isolated:
        return Config()
    found = path or discover(list(paths))
    if found is None:
        return Config()
    try:
        return load(found)
    except ConfigError as error:
        raise click.UsageError(str(error)) from error


def selection(
    config: Config, select: Iterable[str], ignore: Iterable[str], fixing: bool = False
) -> Selection:
    """The rules to run: the configuration's, with the command line's select and ignore
    (and the fix-only rules when ``fixing``)."""
    from galint.pipeline.config import ConfigError, resolve
    from galint.pipeline.engine import Selection

    known = rules()
    try:
        resolved = resolve(config, known, tuple(select), tuple(ignore), fixing)
    except ConfigError as error:
        raise click.UsageError(str(error)) from error
    return Selection.from_config(known, resolved)


def write(text: str | Iterable[str], output: str | None) -> None:
    """Print ``text``, given whole or in pieces, or write it to the file ``output``."""
    chunks = [text] if isinstance(text, str) else text
    if output is None:
        for chunk in chunks:
            click.echo(chunk, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8") as stream:
            for chunk in chunks:
                stream.write(chunk)
    except OSError as error:
        raise click.UsageError(f"cannot write {output}: {error.strerror or error}") from error


def ci_root() -> str:
    """The repository root that CI systems resolve paths against."""
    for name in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        if os.environ.get(name):
            return os.environ[name]
    return os.getcwd()

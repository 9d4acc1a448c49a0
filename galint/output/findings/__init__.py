"""The findings of ``galint check`` in each output format: text, JSON, SARIF, JUnit XML,
GitHub Actions commands, GitLab Code Quality, and the per-rule statistics.

Owns: ``Summary`` (``model``, what every formatter is given), the registry of formats below,
and one module per format. A formatter never decides what is wrong, it only writes it out.
May import: galint.core, galint.form, galint.analysis and the result types of galint.pipeline;
and galint.rules.internal, for the name of the rule that reports a crashed rule (JUnit).

This module stays light: the command line reads ``FORMATS`` at start-up, and ``render``
imports only the formatter it is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from galint.output.findings.model import Summary

if TYPE_CHECKING:
    from galint.core.rule import Rule

__all__ = ["FORMATS", "REGISTRY", "Format", "Summary", "render"]


class Format(NamedTuple):
    """Where a format's ``render`` function is, and what it needs besides the summary."""

    module: str
    # The arguments render() takes by name, among: rules, root, fail_on, paths.
    takes: tuple[str, ...] = ()
    # Offered by ``--format`` (statistics is asked for with ``--statistics`` instead).
    listed: bool = True
    function: str = "render"


REGISTRY: dict[str, Format] = {
    "text": Format("galint.output.findings.text"),
    "json": Format("galint.output.findings.json"),
    "sarif": Format("galint.output.findings.sarif", ("rules", "root")),
    "junit": Format("galint.output.findings.junit", ("paths", "fail_on")),
    "github": Format("galint.output.findings.github"),
    "gitlab": Format("galint.output.findings.gitlab", ("root",)),
    "statistics": Format("galint.output.findings.statistics", ("rules",), listed=False),
}

# The choices of ``galint check --format``, in the order its help lists them.
FORMATS = tuple(name for name, entry in REGISTRY.items() if entry.listed)


def render(
    name: str,
    summary: Summary,
    rules: Sequence[Rule] = (),
    root: str = ".",
    fail_on: str = "warning",
) -> str:
    """``summary`` in the format ``name``; ``root`` is what CI formats make paths relative to,
    ``fail_on`` the lowest severity that fails a JUnit test case."""
    entry = REGISTRY.get(name)
    if entry is None:
        raise ValueError(f"unknown format {name!r} (known: {', '.join(REGISTRY)})")
    given = {"rules": rules, "root": root, "fail_on": fail_on, "paths": summary.paths}
    function = getattr(importlib.import_module(entry.module), entry.function)
    return function(summary, **{argument: given[argument] for argument in entry.takes})

"""Formatters: findings in, text out. They never decide what is wrong."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from galint.core.diagnostic import SEVERITIES, Diagnostic
from galint.core.rule import Rule
from galint.pipeline.suppress import Suppressed

FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab")


class Summary(NamedTuple):
    files: int
    findings: Sequence[Diagnostic]
    suppressed: Sequence[Suppressed] = ()
    # Findings hidden because the baseline records them.
    baseline_hidden: int = 0
    verbose: bool = False
    # Every file checked, in order (JUnit has a test case per file).
    paths: Sequence[str] = ()

    def counts(self) -> dict[str, int]:
        counted = Counter(finding.severity for finding in self.findings)
        return {severity: counted.get(severity, 0) for severity in reversed(SEVERITIES)}


def render(
    name: str,
    summary: Summary,
    rules: Sequence[Rule] = (),
    root: str = ".",
    fail_on: str = "warning",
) -> str:
    """``summary`` in the format ``name``; ``root`` is what CI formats make paths relative to."""
    if name == "json":
        from galint.output.findings import json

        return json.render(summary)
    if name == "sarif":
        from galint.output.findings import sarif

        return sarif.render(summary, rules, root)
    if name == "junit":
        from galint.output.findings import junit

        return junit.render(summary, summary.paths, fail_on=fail_on)
    if name == "github":
        from galint.output.findings import github

        return github.render(summary)
    if name == "gitlab":
        from galint.output.findings import gitlab

        return gitlab.render(summary, root)
    if name == "statistics":
        from galint.output.findings import statistics

        return statistics.render(summary, rules)
    from galint.output.findings import text

    return text.render(summary)

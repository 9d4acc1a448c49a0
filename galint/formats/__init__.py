"""Formatters: findings in, text out. They never decide what is wrong."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from galint.finding import SEVERITIES, Finding
from galint.suppress import Suppressed

FORMATS = ("text", "json")


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    findings: Sequence[Finding]
    suppressed: Sequence[Suppressed] = ()
    # Findings hidden because the baseline records them.
    baseline_hidden: int = 0
    verbose: bool = False

    def counts(self) -> dict[str, int]:
        counted = Counter(finding.severity for finding in self.findings)
        return {severity: counted.get(severity, 0) for severity in reversed(SEVERITIES)}


def render(name: str, summary: Summary) -> str:
    if name == "json":
        from galint.formats.json import render as render_json

        return render_json(summary)
    from galint.formats.text import render as render_text

    return render_text(summary)

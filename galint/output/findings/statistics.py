"""How many findings each rule has, most first, as ``ruff --statistics`` prints them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from galint.core.rule import Rule
from galint.output.findings.model import Summary
from galint.output.findings.text import summary_line


def render(summary: Summary, rules: Sequence[Rule]) -> str:
    """A line per rule with findings (count, code, slug, summary), then the total."""
    counts = Counter(finding.code for finding in summary.findings)
    # The slug as the findings carry it: a plugin's rule may be missing from ``rules``.
    slugs = {finding.code: finding.rule for finding in summary.findings}
    summaries = {rule.code: rule.summary for rule in rules}
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    lines = []
    if ordered:
        count_width = len(str(ordered[0][1]))
        code_width = max(len(code) for code in counts)
        slug_width = max(len(slug) for slug in slugs.values()) + 2
        for code, count in ordered:
            line = (
                f"  {count:>{count_width}}  {code:<{code_width}}  "
                f"{'[' + slugs[code] + ']':<{slug_width}}  {summaries.get(code, '')}"
            )
            lines.append(line.rstrip())
    lines.append(summary_line(summary))
    return "\n".join(lines) + "\n"

"""A timeframe names no date that can be checked.

"Soon", "in the near future", "in the coming period", "short term" or "TBD" cannot be held
against a calendar: nobody can tell later whether the action is late. Name a year, a quarter,
a month or a deadline; "continuous" is fine for work that never ends.

Failing:

```yaml
planned:
  - Sign a Memorandum of Cooperation with the Ministry of Education (in the coming period).
```

Passing:

```yaml
planned:
  - Sign a Memorandum of Cooperation with the Ministry of Education (III - IV Q 2013).
```
"""

from __future__ import annotations

from collections.abc import Iterator

from galint.analysis.timeframe.items import place, reading
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> Iterator[Diagnostic]:
    for section in report.sections():
        for item in section.items:
            if not section.plans and item.timeframe is None:
                continue  # only a field can be a vague timeframe outside plans
            found = reading(item)
            timeframe = found.effective
            # Vague words in an account of past work are not a plan's timeframe.
            if timeframe.kind != "vague" or not (section.plans or found.field is timeframe):
                continue
            path, span = place(report.document, item, timeframe)
            yield Diagnostic(
                f'timeframe "{timeframe.matched}" of {item.ref or "this item"} is vague: '
                "it names no date that can be checked (give a year, quarter, month or deadline)",
                path,
                span=span,
            )


RULE = Rule(
    code="T002",
    slug="vague-timeframe",
    severity="warning",
    summary="A timeframe names no date that can be checked ('soon', 'TBD').",
    explanation=__doc__ or "",
    check=check,
)

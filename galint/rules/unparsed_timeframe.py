"""A `timeframe` field galint cannot read.

The `timeframe` field is read on its own, so it must be a timeframe and nothing else: a year,
a range of years, a quarter, a half, a month, a date, a deadline, or "continuous". Sentences
belong in `text`.

Failing:

```yaml
- text: Establish a system for collecting data on juvenile justice.
  timeframe: when the budget allows
```

Passing:

```yaml
- text: Establish a system for collecting data on juvenile justice.
  timeframe: III - IV Q 2013
```
"""

from __future__ import annotations

from collections.abc import Iterator

from galint.analysis.timeframe import EXPECTED
from galint.analysis.timeframe.items import reading
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> Iterator[Diagnostic]:
    for item in report.items():
        if item.timeframe is None:
            continue
        field = reading(item).field
        if field is not None and field.kind == "none":
            yield Diagnostic(
                f'timeframe "{item.timeframe}" cannot be read: expected {EXPECTED}',
                (*item.path, "timeframe"),
            )


RULE = Rule(
    code="T003",
    slug="unparsed-timeframe",
    severity="warning",
    summary="A timeframe field cannot be read as a timeframe.",
    explanation=__doc__ or "",
    check=check,
)

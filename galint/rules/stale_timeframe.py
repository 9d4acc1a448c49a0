"""A new plan whose timeframe ended before the report's own year.

A 2014 follow-up action "during 2013" was over before the report was written: either it is
not a plan (report it in section A) or its timeframe is a copy left over from the previous
report.

Failing:

```yaml
form: global-alliance/2014
# ...
    follow-up:
      - Continue conducting the Safer Internet project (during 2013);
```

Passing:

```yaml
form: global-alliance/2014
# ...
    follow-up:
      - Continue conducting the Safer Internet project (during 2014);
```
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from galint.analysis.timeframe.items import place, quoted, reading
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> Iterator[Diagnostic]:
    if report.edition is None:
        return
    year_start = datetime.date(report.edition.year, 1, 1)
    for section in report.sections():
        if not section.plans:
            continue
        for item in section.items:
            timeframe = reading(item).effective
            if timeframe.kind == "interval" and timeframe.end and timeframe.end < year_start:
                path, span = place(report.document, item, timeframe)
                yield Diagnostic(
                    f"timeframe {quoted(timeframe)} ended before {report.edition.year}, "
                    f"the year of this report: plan {item.ref} is already over",
                    path,
                    span=span,
                )


RULE = Rule(
    code="T004",
    slug="stale-timeframe",
    severity="warning",
    summary="A new plan's timeframe ended before the report's own year.",
    explanation=__doc__ or "",
    check=check,
)

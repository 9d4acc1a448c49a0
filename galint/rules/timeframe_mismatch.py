"""An item's `timeframe` field and the timeframe in its text disagree.

The field wins, but a reader of the text sees the other one. Make them say the same, or drop
the timeframe from one of them.

Failing:

```yaml
- text: Conduct specialized training for police and judges (III - IV Q 2013);
  timeframe: 2014
```

Passing:

```yaml
- text: Conduct specialized training for police and judges (III - IV Q 2013);
  timeframe: III - IV Q 2013
```
"""

from __future__ import annotations

from collections.abc import Iterator

from galint.analysis.timeframe.items import quoted, reading
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> Iterator[Diagnostic]:
    for item in report.items():
        if item.timeframe is None:
            continue
        found = reading(item)
        if found.disagree and found.field is not None:
            yield Diagnostic(
                f"timeframe field {quoted(found.field)} disagrees with the text's "
                f"{quoted(found.text)}; galint uses the field",
                (*item.path, "timeframe"),
            )


RULE = Rule(
    code="T005",
    slug="timeframe-mismatch",
    severity="warning",
    summary="An item's timeframe field and the timeframe in its text disagree.",
    explanation=__doc__ or "",
    check=check,
)

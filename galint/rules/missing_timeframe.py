"""A planned action (2013) or a follow-up action (2014, section C) does not say when.

"Actions that will be undertaken and timeframe": a plan without a timeframe cannot be followed
up, or found overdue. Give one in the text, as the form's authors do ("(III - IV Q 2013)",
"during 2014", "by the end of 2015", "(continuous)"), or in the item's `timeframe` field.

Failing:

```yaml
follow-up:
  - Montenegro will develop standard procedures to identify victims.
```

Passing:

```yaml
follow-up:
  - Montenegro will develop standard procedures to identify victims (Q4 2014).
  - text: Cooperation with other States on victim identification will be enhanced.
    timeframe: 2014-2015
```
"""

from __future__ import annotations

from collections.abc import Iterator

from galint.analysis.timeframe.items import reading
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> Iterator[Diagnostic]:
    for section in report.sections():
        if not section.plans:
            continue
        for item in section.items:
            if item.timeframe is None and reading(item).text.kind == "none" and item.text.strip():
                name = "follow-up action" if section.spec.letter else "planned action"
                yield Diagnostic(
                    f"{name} {item.ref} has no timeframe: say when, in the text "
                    "(e.g. '(Q4 2014)') or in a 'timeframe:' field",
                    item.text_path,
                )


RULE = Rule(
    code="T001",
    slug="missing-timeframe",
    severity="warning",
    summary="A planned or follow-up action has no timeframe.",
    explanation=__doc__ or "",
    check=check,
)

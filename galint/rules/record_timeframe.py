"""Fix only: record in a `timeframe` field the timeframe an item's text gives.

A planned or follow-up action whose text says when ("(III - IV Q 2013)", "by the end of
2014") but that has no `timeframe` field gets one, with the words as the text writes them;
the text is kept as it is. Only words that mean the same when read as a field: a field that
read otherwise would turn a clean item into a timeframe-mismatch or unparsed-timeframe
finding. A value that YAML readers would take for a number or a date is quoted
(`timeframe: "2014"`).

Before:

```yaml
policy-target-2:
  planned:
    - text: Establish a system for collecting data on juvenile justice (III - IV Q 2013)
      id: "2.1"
```

After `galint check --fix`:

```yaml
policy-target-2:
  planned:
    - text: Establish a system for collecting data on juvenile justice (III - IV Q 2013)
      id: "2.1"
      timeframe: III - IV Q 2013
```

Fix safety: safe. The field says what the text already says, as galint reads it.
"""

from __future__ import annotations

from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> list[Diagnostic]:
    from galint.fix import diagnostics  # the fix machinery, only when fixes are asked for

    return diagnostics(report, "record-timeframe")


RULE = Rule(
    code="A002",
    slug="record-timeframe",
    severity="info",
    summary="Fix only: record the timeframe an item's text gives in its timeframe field.",
    explanation=__doc__ or "",
    check=check,
    fix_only=True,
)

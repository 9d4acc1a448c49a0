"""A plan of the previous report is only planned again, with no word on what was done.

A 2013 plan copied into C) follow-up of the 2014 report tells the reader that it is still
planned, not whether anything happened in the year between: was it started, delayed, done
and extended? Say so in A) implementation (or B) assessment), and keep the new plan in C.
The finding is at the item of section C that restates the plan.

Failing (the 2013 report planned "Montenegro will develop protocol and standard procedures
to identify victims (2013-2014)"):

```yaml
policy-target-1:
  goal-1:
    implementation:
      - Law enforcement authorities have access to the ICSE database through the NCB Interpol
    follow-up:
      - Montenegro will develop, protocol and standard procedures to identify victims.
```

Passing:

```yaml
policy-target-1:
  goal-1:
    implementation:
      - Law enforcement authorities have access to the ICSE database through the NCB Interpol
      - text: A draft protocol on victim identification was discussed with the prosecution.
        follows: "1.1"
        status: in-progress
    follow-up:
      - Montenegro will adopt the protocol and standard procedures to identify victims.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from galint.analysis.trace import cite, trace_of
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> Iterator[Diagnostic]:
    result = trace_of(report)
    if result is None:
        return
    for plan in result.plans:
        if plan.status != "carried" or not plan.matches:
            continue
        restated = plan.matches[0]
        yield Diagnostic(
            f"{cite(plan, result.previous)} is only planned again here: no word on what was "
            "done; report on it in section A) implementation or B) assessment",
            restated.item.path,
        )


RULE = Rule(
    code="F002",
    slug="carried-over",
    severity="warning",
    summary="A previous plan is only restated as a new plan, with no word on what was done.",
    explanation=__doc__ or "",
    check=check,
)

"""A plan of the previous report is not followed up.

Section A of the 2014 form asks what became of the measures announced in 2013. A plan the new
report never mentions, neither in A) implementation, B) assessment nor C) follow-up, leaves the
reader to guess whether it was done, dropped or forgotten. galint pairs the report with its
predecessor (`previous:`, `--previous`, or the same country's report in the run) and looks for
each plan: by an explicit link (`follows:` with the plan's id) or by the words of its text.
The finding is at section A of the plan's policy target.

Failing (2013.yaml, then the 2014 report with `previous: 2013.yaml`):

```yaml
policy-target-2:
  planned:
    - Establish a system for collecting data on juvenile justice (III - IV Q 2013);
```

```yaml
policy-target-2:
  goal-1:
    implementation:
      - Specialized trainings for judges and prosecutors were organized.
```

Passing:

```yaml
policy-target-2:
  goal-1:
    implementation:
      - Specialized trainings for judges and prosecutors were organized.
      - text: The juvenile justice data system was not set up; the tender failed in 2013.
        follows: "2.1"
        status: delayed
```
"""

from __future__ import annotations

from collections.abc import Iterator

from galint.analysis.trace import cite, implementation_path, trace_of
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> Iterator[Diagnostic]:
    result = trace_of(report)
    if result is None:
        return
    for plan in result.plans:
        if plan.status != "missing":
            continue
        yield Diagnostic(
            f"{cite(plan, result.previous)} is not followed up: say in section A) what became "
            f'of it, or link an item to it with follows: "{plan.plan.ref}"',
            implementation_path(report, plan.target),
            key=True,
        )


RULE = Rule(
    code="F001",
    slug="missing-follow-up",
    severity="warning",
    summary="A plan of the previous report is not mentioned in this one.",
    explanation=__doc__ or "",
    check=check,
)

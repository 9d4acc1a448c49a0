"""An operational goal of the form is missing from a policy target (2014 reports).

The 2014 form asks for sections A, B and C under every operational goal: one under policy
target 1, two under each of targets 2, 3 and 4. A goal left out is reported at its policy
target.

Failing:

```yaml
form: global-alliance/2014
policy-target-2:
  goal-1:
    implementation: [...]
    assessment: [...]
    follow-up: [...]
  # goal-2 is not there
```

Passing:

```yaml
form: global-alliance/2014
policy-target-2:
  goal-1: {implementation: [...], assessment: [...], follow-up: [...]}
  goal-2: {implementation: [...], assessment: [...], follow-up: [...]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> Iterator[Diagnostic]:
    for target in report.targets:
        if not target.present or not target.valid:
            continue
        for goal in target.goals:
            if not goal.present:
                yield Diagnostic(
                    f"policy target {target.number} is missing operational goal "
                    f"{goal.spec.ref}: add '{goal.spec.key}:' for \"{goal.spec.title}\"",
                    target.path,
                    key=True,
                )


RULE = Rule(
    code="C002",
    slug="missing-goal",
    severity="error",
    summary="An operational goal of the form is missing from a policy target.",
    explanation=__doc__ or "",
    check=check,
)

"""A policy target of the form is missing from the report.

Every report answers all four policy targets of the Global Alliance. A target left out cannot
be told apart from one forgotten; when there is nothing to report, keep the target and say so
in its sections.

Failing:

```yaml
form: global-alliance/2013
country: {code: ME, name: Montenegro}
policy-target-1:
  undertaken: [...]
  planned: [...]
# policy-target-2, -3 and -4 are not there
```

Passing:

```yaml
form: global-alliance/2013
country: {code: ME, name: Montenegro}
policy-target-1: {undertaken: [...], planned: [...]}
policy-target-2: {undertaken: [...], planned: [...]}
policy-target-3: {undertaken: [...], planned: [...]}
policy-target-4: {undertaken: [...], planned: [...]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> Iterator[Diagnostic]:
    for target in report.targets:
        if not target.present:
            yield Diagnostic(
                f"policy target {target.number} is missing: add '{target.spec.key}:' "
                f'for "{target.spec.title}"'
            )


RULE = Rule(
    code="C001",
    slug="missing-target",
    severity="error",
    summary="A policy target of the form is missing from the report.",
    explanation=__doc__ or "",
    check=check,
)

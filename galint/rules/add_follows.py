"""Fix only: link an item to the previous plan that tracing found it follows up.

galint pairs a 2014 report with its predecessor and looks for each previous plan in it: by
an explicit `follows:` link, or by the words of the texts. A plan found by its words alone is
followed up, but the reader has to guess which item speaks of it. This fix writes the link
tracing found, on the item that matches the plan best: `follows: "2.1"` (several plans:
`follows: ["1.1", "1.3"]`). An item that has `follows` already is left as it is.

Before (a 2014 report with `previous: 2013.yaml`, whose plan 2.1 is "Establish a system for
collecting data on juvenile justice"):

```yaml
policy-target-2:
  goal-1:
    implementation:
      - A system for collecting data on juvenile justice was established.
```

After `galint check --fix --unsafe-fixes`:

```yaml
policy-target-2:
  goal-1:
    implementation:
      - text: A system for collecting data on juvenile justice was established.
        follows: "2.1"
```

Fix safety: unsafe. A link found by comparing texts can be wrong, so `--fix` writes it only
with `--unsafe-fixes`; a person should review the links before they are kept.
"""

from __future__ import annotations

from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> list[Diagnostic]:
    from galint.fix import diagnostics  # the fix machinery, only when fixes are asked for

    return diagnostics(report, "add-follows")


RULE = Rule(
    code="A003",
    slug="add-follows",
    severity="info",
    summary="Fix only: link an item to the previous plan tracing found it follows up.",
    explanation=__doc__ or "",
    check=check,
    fix_only=True,
)

"""Fix only: write each plan's default id into the file.

A planned action (2013) or a follow-up action (2014, section C) without an `id` is known by
its place: the fourth plan of policy target 2 is "2.4". The next report follows it up with
`follows: "2.4"`, and that link breaks as soon as a plan is added above it. This fix writes
the id the item has now, quoted: other YAML tools would read an unquoted 2.10 as the number
2.1. A plain-text item becomes a mapping with `text` (the same words, quoted the same way)
and `id`; in a mapping, `id` goes after `text`, or first when the file writes ids first.

Before:

```yaml
policy-target-2:
  planned:
    - Establish a system for collecting data on juvenile justice
```

After `galint check --fix`:

```yaml
policy-target-2:
  planned:
    - text: Establish a system for collecting data on juvenile justice
      id: "2.1"
```

Fix safety: safe. The id is the one galint already gives the item: writing it changes no
reading of the report, it only keeps it when the items move.
"""

from __future__ import annotations

from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> list[Diagnostic]:
    from galint.fix import diagnostics  # the fix machinery, only when fixes are asked for

    return diagnostics(report, "add-ids")


RULE = Rule(
    code="A001",
    slug="add-ids",
    severity="info",
    summary="Fix only: write each plan's default id into the file.",
    explanation=__doc__ or "",
    check=check,
    fix_only=True,
)

"""A `follows` names a plan the previous report does not have.

`follows` links an item to the plan of the previous report it reports on, by the plan's id:
its explicit `id`, or its position (`2.4`: the fourth planned item of policy target 2 in a 2013
report; `2.1.3`: the third follow-up action of goal 2.1 in a 2014 report). An id the previous
report does not have is a typo, or an id that moved when plans were inserted above it. Only
checked when the previous report is known.

Failing (the 2013 report has four planned items under policy target 3):

```yaml
policy-target-3:
  goal-1:
    implementation:
      - text: Continued the cycle of workshops with active participation of parents.
        follows: "3.5"
```

Passing:

```yaml
policy-target-3:
  goal-1:
    implementation:
      - text: Continued the cycle of workshops with active participation of parents.
        follows: "3.3"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from galint.analysis.trace import plan_ids
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Item, Report
from galint.io.load import Path, value_at

# Ids listed in a message before it says "and N more".
_SHOWN = 12


def check(report: Report) -> Iterator[Diagnostic]:
    previous = report.predecessor
    if previous is None:
        return
    known = plan_ids(previous)
    shown = ", ".join(list(known)[:_SHOWN]) + (
        f" and {len(known) - _SHOWN} more" if len(known) > _SHOWN else ""
    )
    for item in report.items():
        for ref, path in _references(report, item):
            if ref in known:
                continue
            have = f"its plans are {shown}" if known else "it has no plans"
            yield Diagnostic(
                f"follows '{ref}', but the previous report ({previous.path}) has no plan "
                f"with that id: {have}",
                path,
            )


def _references(report: Report, item: Item) -> Iterator[tuple[str, Path]]:
    """Each id in the item's ``follows``, with the path of the value that holds it."""
    if not item.follows:
        return
    base: Path = (*item.path, "follows")
    raw = value_at(report.document.data, base)
    if isinstance(raw, list):
        # The model drops values that are no id (the schema rules report those): skip them too.
        candidates = [((*base, n), value) for n, value in enumerate(raw)]
    else:
        candidates = [(base, raw)]
    for path, value in candidates:
        ref = _ident(value, report.document.sources.get(path))
        if ref:
            yield ref, path


def _ident(value: object, source: str | None) -> str | None:
    """An id as written, as the model reads it: an unquoted 2.10 means "2.10"."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return source if source is not None else str(value)
    return None


RULE = Rule(
    code="F003",
    slug="unknown-reference",
    severity="error",
    summary="A 'follows' names a plan id the previous report does not have.",
    explanation=__doc__ or "",
    check=check,
)

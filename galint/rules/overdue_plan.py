"""A plan of the previous report is past its timeframe, and the report neither says it was done
nor gives it a new date.

A 2013 plan "(III - IV Q 2013)" was due before the 2014 report was written. The new report
should say that it was done (an item that follows it with `status: done`, or `dropped`), or
plan it again with a new timeframe. A plan is overdue when its timeframe (its `timeframe`
field, else the timeframe in its text) ended before the report's `submitted` date, or before
the report's year when it has none; plans still running ("2013-2014" in a 2014 report),
continuous or undated plans are never overdue.

galint does not guess from grammar: "Trainings were organized" may report a plan as done, or
only as started. So a plan that section A) or B) reports on in plain text is taken as
accounted for, and only these are overdue: a plan not mentioned at all; a plan only restated
in C) follow-up without a timeframe that ends later; a plan whose linked items give a status
other than `done` or `dropped` (`in-progress`, `delayed`...) and no later timeframe.

Failing (the 2013 report planned "Establish a system for collecting data on juvenile justice
(III - IV Q 2013)" as its fourth plan of policy target 2):

```yaml
policy-target-2:
  goal-1:
    follow-up:
      - Establish a system for collecting data on juvenile justice.
```

Passing:

```yaml
policy-target-2:
  goal-1:
    follow-up:
      - text: Establish a system for collecting data on juvenile justice.
        follows: "2.4"
        timeframe: Q2 2015
```
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from galint.analysis.timeframe.items import quoted, reading
from galint.analysis.trace import Match, PlanTrace, cite, implementation_path, trace_of
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report

# Statuses that close a plan: nothing more is owed on it.
CLOSED = frozenset({"done", "dropped"})


def check(report: Report) -> Iterator[Diagnostic]:
    result = trace_of(report)
    if result is None or report.edition is None:
        return
    cutoff = _cutoff(report, report.edition.year)
    for plan in result.plans:
        timeframe = reading(plan.plan).effective
        if timeframe.kind != "interval" or timeframe.end is None or timeframe.end >= cutoff:
            continue
        if _accounted_for(plan, cutoff):
            continue
        message = (
            f"{cite(plan, result.previous)} was due by {timeframe.end.isoformat()} "
            f"(timeframe {quoted(timeframe)}), and this report neither says it was done nor "
            "gives it a new date"
        )
        if not plan.matches:
            yield Diagnostic(message, implementation_path(report, plan.target), key=True)
        else:
            yield Diagnostic(message, _where(plan.matches))


def _cutoff(report: Report, year: int) -> datetime.date:
    """The submission date when the report gives a valid one, else the start of its year."""
    if report.submitted:
        try:
            return datetime.date.fromisoformat(report.submitted)
        except ValueError:
            pass  # the schema rules report the date; the year still says when the report is
    return datetime.date(year, 1, 1)


def _accounted_for(plan: PlanTrace, cutoff: datetime.date) -> bool:
    for match in plan.matches:
        status = match.item.status
        if status in CLOSED:
            return True
        # Reported on in plain words: whether it is finished cannot be read from grammar.
        if match.section in "AB" and status is None:
            return True
        later = reading(match.item).effective
        if later.kind == "continuous":
            return True
        if later.kind == "interval" and (later.end is None or later.end >= cutoff):
            return True
    return False


def _where(matches: list[Match]) -> tuple[str | int, ...]:
    """The status of the first item that reports on the plan, else the item restating it."""
    for match in matches:
        if match.section in "AB" and match.item.status is not None:
            return (*match.item.path, "status")
    return matches[0].item.path


RULE = Rule(
    code="F004",
    slug="overdue-plan",
    severity="warning",
    summary="A previous plan's timeframe has ended, and it is neither reported done nor re-dated.",
    explanation=__doc__ or "",
    check=check,
)

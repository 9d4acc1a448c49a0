"""What a hover says: the form's wording of a key; on a planned item or follow-up action,
its timeframe as galint reads it; on a ``follows`` id, the plan it names; on a plan, what
the next report in the workspace made of it."""

from __future__ import annotations

import os
from collections.abc import Callable

from galint.analysis import timeframe
from galint.analysis.trace import PlanTrace, Trace, plan_ids, shorten, where
from galint.form.model import Item, Report, describe
from galint.server import schema
from galint.server.locate import Spot, follows_ref, item_at

STATUS = {
    "followed": "followed up (reported on in section A or B)",
    "carried": "only carried over (restated as a new plan in section C)",
    "missing": "missing (the report does not speak of it)",
}


def hover(report: Report, spot: Spot, successor: Callable[[], Trace | None]) -> str | None:
    """The hover's Markdown for ``spot`` in ``report``, or None when there is nothing to say;
    ``successor`` gives the trace of the next report, when a plan is hovered."""
    edition = report.edition.form if report.edition else None
    if spot.key:
        wording = schema.wording(spot.path, edition)
        name = spot.path[-1] if spot.path else ""
        return f"**{name}**: {wording}" if wording else None
    parts = []
    ref = follows_ref(report.document, spot)
    if ref is not None:
        parts.append(_followed_plan(report, ref))
    found = item_at(report, spot.path)
    if found is not None and found[1].plans:
        item = found[0]
        parts.append(_timeframe(item))
        traced = successor()
        if traced is not None:
            parts.extend(_status(item, traced))
    return "\n\n".join(parts) or None


def _timeframe(item: Item) -> str:
    """``Timeframe: "(III - IV Q 2013)" read as 2013-07-01 .. 2013-12-31 (from the text)``."""
    reading = timeframe.read(item.timeframe, item.text)
    found = reading.effective
    origin = "the timeframe field" if found is reading.field else "the text"
    if found.kind == "none":
        return "**Timeframe**: none found, in a `timeframe:` field or in the text"
    if found.kind == "interval":
        start = found.start.isoformat() if found.start else "(open)"
        end = found.end.isoformat() if found.end else "(open)"
        read_as = f"{start} .. {end}"
    elif found.kind == "continuous":
        read_as = "continuous (no end date)"
    else:
        read_as = "vague: it names no date that can be checked"
    return f'**Timeframe**: "{found.matched}" read as {read_as} (from {origin})'


def _followed_plan(report: Report, ref: str) -> str:
    previous = report.predecessor
    if previous is None:
        why = report.predecessor_error or "no previous report is paired with this one"
        return f"**Plan {ref}**: unknown: {why}"
    plan = plan_ids(previous).get(ref)
    name = os.path.basename(previous.path)
    if plan is None:
        return f"**Plan {ref}**: {name} has no plan with this id"
    line = previous.document.line(plan.path)
    return f"**Plan {ref}** of {name} (line {line}):\n\n{plan.text}"


def _status(item: Item, successor: Trace) -> list[str]:
    traced: PlanTrace | None = next((p for p in successor.plans if p.plan is item), None)
    if traced is None:
        return []
    name = os.path.basename(successor.current.path)
    parts = [f"**In {name}**: plan {traced.plan.ref} is {STATUS.get(traced.status, traced.status)}"]
    for match in traced.matches:
        place = describe(match.item.path)
        parts.append(f"- {where(match)}, {place}: {shorten(match.item.text, 100)}")
    return ["\n".join(parts)]

"""Go to definition: from a ``follows`` id to the plan in the previous report, and from
``previous:`` to that file."""

from __future__ import annotations

import os
from typing import NamedTuple

from galint.analysis.trace import plan_ids
from galint.core.diagnostic import Span
from galint.form.model import Report
from galint.server.locate import Spot, follows_ref


class Target(NamedTuple):
    """A place in a file: its path, and the span there (None: the file's start)."""

    path: str
    span: Span | None
    text: str  # the file's text, to turn the span into a range


def definition(report: Report, spot: Spot) -> Target | None:
    if not spot.key and spot.path == ("previous",) and report.previous:
        path = os.path.join(os.path.dirname(report.path), report.previous)
        return Target(os.path.normpath(path), None, "") if os.path.isfile(path) else None
    ref = follows_ref(report.document, spot)
    previous = report.predecessor
    if ref is None or previous is None:
        return None
    plan = plan_ids(previous).get(ref)
    if plan is None:
        return None
    document = previous.document
    return Target(previous.path, document.span(plan.path), document.text)

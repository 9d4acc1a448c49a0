"""What lies at a place in a report: the innermost key or value written there, the item it
belongs to, and the plan id a ``follows`` names."""

from __future__ import annotations

from typing import NamedTuple

from galint.core.diagnostic import Path, Span
from galint.form.model import Item, Report, Section
from galint.io.load import Document, value_at
from galint.server.positions import contains


class Spot(NamedTuple):
    """A key or a value of the document, and where it was written."""

    path: Path
    key: bool
    span: Span


def at(document: Document, line: int, column: int, inclusive: bool = False) -> Spot | None:
    """The innermost key or value written at galint's ``line`` and ``column``."""
    best: Spot | None = None
    for spans, key in ((document.keys, True), (document.values, False)):
        for path in spans:
            span = spans[path]
            if contains(span, line, column, inclusive) and (
                best is None or _size(span) < _size(best.span)
            ):
                best = Spot(path, key, span)
    return best


def _size(span: Span) -> tuple[int, int]:
    return span.end_line - span.line, span.end_column - span.column


def item_at(report: Report, path: Path) -> tuple[Item, Section] | None:
    """The item of a section that ``path`` leads into, with its section."""
    for section in report.sections():
        if path[: len(section.path)] != section.path:
            continue
        for item in section.items:
            if path[: len(item.path)] == item.path:
                return item, section
    return None


def follows_ref(document: Document, spot: Spot) -> str | None:
    """The plan id a ``follows`` value at ``spot`` names, as written (2.10 is "2.10")."""
    path = spot.path
    if spot.key or not path:
        return None
    inside = path[-1] == "follows" or (len(path) > 1 and path[-2] == "follows")
    if not inside:
        return None
    value = value_at(document.data, path)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return value if isinstance(value, str) else document.sources.get(path, str(value))

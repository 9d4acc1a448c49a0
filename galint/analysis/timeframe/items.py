"""Where an item's timeframe was read, in words and in the file: shared by the timeframe rules."""

from __future__ import annotations

from galint.analysis.timeframe import Reading, Timeframe, read
from galint.core.diagnostic import Span
from galint.form.model import Item
from galint.io.load import Document, Path


def reading(item: Item) -> Reading:
    return read(item.timeframe, item.text)


def quoted(timeframe: Timeframe) -> str:
    """``"III - IV Q 2013" read as 2013-07-01..2013-12-31``: what was read, and how."""
    return f'"{timeframe.matched}" read as {timeframe.describe()}'


def place(document: Document, item: Item, timeframe: Timeframe) -> tuple[Path, Span | None]:
    """The path of the field, or the exact characters of the text, the timeframe came from."""
    if item.timeframe is not None and reading(item).field is timeframe:
        return (*item.path, "timeframe"), None
    if timeframe.span is not None:
        return item.text_path, document.subspan(item.text_path, *timeframe.span)
    return item.text_path, None


def label(item: Item, plans: bool) -> str:
    """How a message names the item: ``plan 2.4`` or ``follow-up 2.1.3``."""
    if item.ref is None:
        return "item"
    return f"{'plan' if plans else 'item'} {item.ref}"

"""The value a timeframe is read into, and the forms a ``timeframe:`` field may take."""

import datetime
from typing import NamedTuple

EXPECTED = (
    "a year, quarter, half, month, date, deadline or 'continuous', "
    "e.g. 'Q3 2014', 'H1 2015', 'by 31.12.2014'"
)


class Timeframe(NamedTuple):
    """What a timeframe says; ``kind`` is "interval", "continuous", "vague" or "none".

    ``start``/``end`` are the first and last day covered (None: open), ``matched`` the words
    read and ``span`` where they stand in the text.
    """

    kind: str
    start: datetime.date | None = None
    end: datetime.date | None = None
    matched: str = ""
    span: tuple[int, int] | None = None

    def describe(self) -> str:
        """Short reading: "2013-07-01..2013-12-31", "..2014-06-30", "continuous"."""
        if self.kind != "interval":
            return self.kind
        lo = self.start.isoformat() if self.start else ""
        hi = self.end.isoformat() if self.end else ""
        return f"{lo}..{hi}"


NONE = Timeframe("none")

"""An item's timeframe, from its ``timeframe:`` field and from its text: which one counts, and
whether the two disagree."""

import functools

from galint.analysis.timeframe.sentence import extract
from galint.analysis.timeframe.standalone import parse
from galint.analysis.timeframe.value import Timeframe


class Reading:
    """An item's timeframe: its ``timeframe`` field (None when it has none) and its text's.

    The text is read when first asked for: most rules look at the texts of plans only, and
    a field, when there is one, wins anyway.
    """

    __slots__ = ("_text", "field", "source")

    def __init__(self, field: Timeframe | None, source: str) -> None:
        self.field = field
        self.source = source
        self._text: Timeframe | None = None

    @property
    def text(self) -> Timeframe:
        """The timeframe found in the item's text."""
        if self._text is None:
            self._text = extract(self.source)
        return self._text

    @property
    def effective(self) -> Timeframe:
        """The field wins over the text when it can be read."""
        if self.field is not None and self.field.kind != "none":
            return self.field
        return self.text

    @property
    def disagree(self) -> bool:
        """Field and text both name a timeframe, and not the same one."""
        if self.field is None or self.field.kind == "none" or self.text.kind == "none":
            return False
        mine, theirs = self.field, self.text
        return (mine.kind, mine.start, mine.end) != (theirs.kind, theirs.start, theirs.end)


# Every rule asks for the same item's reading, and a rule tells where a timeframe came from by
# comparing it with the field's (``reading.field is timeframe``): so each is read once.
@functools.lru_cache(maxsize=1024)
def read(field: str | None, text: str) -> Reading:
    """Read an item's timeframe once, however many rules ask."""
    return Reading(None if field is None else parse(field), text)

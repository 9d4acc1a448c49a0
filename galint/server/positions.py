"""Between galint's places and the protocol's: galint counts lines and columns from 1, in
characters; LSP counts from 0, columns in the code units the client and server agreed on
(UTF-16 unless both said otherwise). Lines break at CR, LF or CRLF, as both count them."""

from __future__ import annotations

from lsprotocol import types

from galint.core.diagnostic import Span
from galint.io.lines import Lines, split_lines

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """How many code units of ``encoding`` ``text`` takes."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class Positions:
    """The places of one text."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.lines = split_lines(text)
        self._offsets: Lines | None = None

    def position(self, line: int, column: int) -> types.Position:
        """The position of galint's ``line`` and ``column``, kept within the text."""
        if line > len(self.lines):
            return types.Position(len(self.lines) - 1, units(self.lines[-1], self.encoding))
        index = max(line, 1) - 1
        written = self.lines[index]
        return types.Position(index, units(written[: max(column, 1) - 1], self.encoding))

    def range(self, span: Span) -> types.Range:
        return types.Range(
            self.position(span.line, span.column), self.position(span.end_line, span.end_column)
        )

    def point(self, position: types.Position) -> tuple[int, int]:
        """galint's line and column of a position, kept within the text."""
        if position.line >= len(self.lines):
            return len(self.lines), len(self.lines[-1]) + 1
        written = self.lines[max(position.line, 0)]
        if self.encoding == UTF32 or written.isascii():
            return position.line + 1, min(position.character, len(written)) + 1
        counted = 0
        for column, char in enumerate(written):
            if counted >= position.character:
                return position.line + 1, column + 1
            counted += units(char, self.encoding)
        return position.line + 1, len(written) + 1

    def at_offset(self, offset: int) -> types.Position:
        """The position of character ``offset`` of the text."""
        if self._offsets is None:
            self._offsets = Lines(self.text)
        return self.position(*self._offsets.position(offset))

    def line_start(self, offset: int) -> int:
        """The offset where the line holding character ``offset`` starts."""
        if self._offsets is None:
            self._offsets = Lines(self.text)
        _, column = self._offsets.position(offset)
        return offset - column + 1


def contains(span: Span, line: int, column: int, inclusive: bool = False) -> bool:
    """Whether galint's ``line`` and ``column`` fall within ``span`` (its end too when
    ``inclusive``: where a cursor stands after the last character typed)."""
    if (line, column) < (span.line, span.column):
        return False
    end = (span.end_line, span.end_column)
    return (line, column) <= end if inclusive else (line, column) < end


def overlaps(span: Span, start: tuple[int, int], end: tuple[int, int]) -> bool:
    """Whether ``span`` and the region from ``start`` to ``end`` share a character or touch."""
    return (span.line, span.column) <= end and start <= (span.end_line, span.end_column)

"""Lines and columns as editors count them: lines break at CR, LF or CRLF, and nowhere else.

libyaml also breaks lines at U+0085, U+2028 and U+2029 (YAML 1.1), so its own line numbers
are used only when the text holds none of those; otherwise positions are counted here from
the character offsets of its marks.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

import yaml

from galint.core.diagnostic import Span

LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Where libyaml breaks lines and editors do not.
OTHER_BREAKS = re.compile("[\x85\u2028\u2029]")

# Where a value was written, from the parser's marks of its start and end.
Locate = Callable[[yaml.Mark, yaml.Mark], Span]


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as editors count them (CR, LF or CRLF; nothing else)."""
    return LINE_BREAK.split(text)


def mark_span(start: yaml.Mark, end: yaml.Mark) -> Span:
    """The span of libyaml's own lines and columns."""
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def locator(text: str) -> Locate:
    """How to turn the parser's marks in ``text`` into spans as editors count them."""
    # libyaml's own lines and columns are editors' when it breaks lines where they do, and
    # the text ends with a line break (else libyaml may count one more at its end).
    if text.endswith(("\n", "\r")) and (text.isascii() or not OTHER_BREAKS.search(text)):
        return mark_span
    return Lines(text).span


class Lines:
    """Lines and columns from character offsets."""

    def __init__(self, text: str) -> None:
        if "\r" in text:
            self.starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
        else:  # LF only, as most files: the same starts, counted without a regex
            lengths = map((1).__add__, map(len, text.split("\n")))  # each line and its LF
            self.starts = [0, *itertools.accumulate(lengths)]
            self.starts.pop()

    def span(self, start: yaml.Mark, end: yaml.Mark) -> Span:
        """The span from mark ``start`` to mark ``end``."""
        starts = self.starts
        first, last = start.index, end.index
        line = bisect.bisect_right(starts, first)
        end_line = line if line == len(starts) or last < starts[line] else None
        if end_line is None:
            end_line = bisect.bisect_right(starts, last, line)
        return Span(line, first - starts[line - 1] + 1, end_line, last - starts[end_line - 1] + 1)

    def position(self, index: int) -> tuple[int, int]:
        """The line and column of character ``index``."""
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


def byte_span(raw: bytes, offset: int) -> Span:
    """Where byte ``offset`` stands, lines broken at CR, LF or CRLF as editors break them."""
    lines = split_lines(raw[:offset].decode("utf-8", "replace"))
    return Span.point(len(lines), len(lines[-1]) + 1)

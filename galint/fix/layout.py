"""Where an item is written in a file's text, which items galint leaves alone, and the
comparisons that tell whether a fixed text still says what the original said."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator

from galint.core.diagnostic import Span
from galint.form.model import describe
from galint.io.load import Document, Path, value_at

# The line breaks libyaml counts, so that line numbers of spans index these lines.
BREAK = re.compile(r"\r\n|[\r\n]")
BOM = "\ufeff"


class Refuse(Exception):
    """A fix cannot be made faithfully; the message says why."""


def split_lines(text: str) -> list[str]:
    """Lines with their endings, broken where libyaml breaks them."""
    lines: list[str] = []
    start = 0
    for match in BREAK.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def ending(line: str) -> str:
    match = BREAK.search(line)
    return match.group() if match else ""


def without_ending(line: str) -> str:
    return line[: len(line) - len(ending(line))]


def newline_of(lines: list[str]) -> str:
    """The file's line break: that of its first line that has one."""
    return next((ending(line) for line in lines if ending(line)), "\n")


# --- items galint leaves alone --------------------------------------------------------------


def unfixable(document: Document, lines: list[str], path: Path) -> str | None:
    """Why the item at ``path`` is left alone, if it is."""
    span = document.values.get(path)
    if span is None or span.line > len(lines):
        return f"{describe(path)} is written through an alias (*name); galint leaves it alone"
    if is_flow(document, lines, path[:-1]):
        return (
            f"{describe(path[:-1])} is a flow-style list ([...]); "
            "write it as a block list ('- ' items) to let galint fix its items"
        )
    if lines[span.line - 1][span.column - 1 : span.column] in ("&", "*", "!"):
        # A change to an anchored item would change its aliases too, or break them.
        return f"{describe(path)} carries an anchor, an alias or a tag; galint leaves it alone"
    return None


def is_flow(document: Document, lines: list[str], path: Path) -> bool:
    """Whether the collection at ``path`` is written in flow style, ``[...]`` or ``{...}``."""
    span = document.values.get(path)
    if span is None or span.line > len(lines):
        return False
    return lines[span.line - 1][span.column - 1 : span.column] in ("[", "{")


# --- the lines of an item -------------------------------------------------------------------


def walk(value: object, path: Path) -> Iterator[tuple[Path, object]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*path, key), child
            yield from walk(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield (*path, index), child
            yield from walk(child, (*path, index))


def extent(document: Document, lines: list[str], path: Path) -> tuple[int, int]:
    """The first and last line (1-based) written for the value at ``path``."""
    start = document.values.get(path)
    if start is None:
        raise Refuse(f"galint cannot find where {describe(path)} is written")
    return start.line, last_line(document, lines, path, start.line)


def last_line(document: Document, lines: list[str], path: Path, floor: int) -> int:
    """The last line, ``floor`` or below, holding the value at ``path``.

    A block collection's span runs to the next token, past the comments after it, so the last
    line is the last one of a scalar, a key or a flow collection inside the value.
    """
    value = value_at(document.data, path)
    last = floor
    for sub, child in [(path, value), *(((*path, *s), v) for s, v in walk(value, ()))]:
        span = document.values.get(sub)
        block = isinstance(child, (dict, list)) and not is_flow(document, lines, sub)
        if span is not None and not block:
            last = max(last, _last_line(lines, span.end_line, span.end_column, floor))
        key = document.keys.get(sub) if sub != path else None
        if key is not None:
            last = max(last, key.end_line)
    return last


def _last_line(lines: list[str], line: int, column: int, floor: int) -> int:
    """The last line holding a value that ends at ``line``:``column``.

    A block scalar (``|``, ``>``) ends where the next line's indentation does, and an empty
    value where the next token starts; the last line is the last non-blank one before.
    """
    if line > len(lines) or not lines[line - 1][: column - 1].strip():
        line -= 1
        while line > floor and not lines[line - 1].strip():
            line -= 1
    return max(line, floor)


class Region:
    """A part of a text given as whole lines, from ``column`` (1-based) of its first line,
    which is line ``first`` of the file: offsets into it, and back to file positions."""

    def __init__(self, lines: list[str], first: int, column: int) -> None:
        self.first = first
        self.skip = column - 1
        self.starts: list[int] = []
        offset = -self.skip
        for line in lines:
            self.starts.append(offset)
            offset += len(line)
        self.lines = lines
        self.text = "".join(lines)[self.skip :]

    def offset(self, line: int, column: int) -> int:
        """The offset of the file position ``line``:``column`` (1-based)."""
        return self.starts[line - self.first] + column - 1

    def line_end(self, line: int) -> int:
        """The offset of the end of ``line``'s content, before its line break."""
        return self.starts[line - self.first] + len(without_ending(self.lines[line - self.first]))

    def span(self, start: int, end: int) -> Span:
        """The file positions of offsets ``start`` to ``end``."""
        return Span(*self._position(start), *self._position(end))

    def _position(self, offset: int) -> tuple[int, int]:
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        line = self.lines[index]
        if offset >= self.starts[index] + len(line) and ending(line):
            return self.first + index + 1, 1  # just past a line break: the next line's start
        return self.first + index, offset - self.starts[index] + 1


def splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each edit made: characters ``start:end`` replaced by the edit's text.

    An edit given twice is made once. Edits are made in the order of their places; edits at
    the same place (insertions, or an insertion and what starts there) in the order given.
    """
    out: list[str] = []
    done = 0
    for start, end, content in sorted(dict.fromkeys(edits), key=lambda edit: edit[:2]):
        if start < done:
            raise Refuse("two fixes would change the same text")
        out += (text[done:start], content)
        done = end
    out.append(text[done:])
    return "".join(out)


# --- comparing ------------------------------------------------------------------------------


def comment_marks(block: list[str], data: object) -> int:
    """How many '#' of ``block`` start comments: all of them but those inside values."""
    return "".join(block).count("#") - _hashes(data)


def _hashes(value: object) -> int:
    if isinstance(value, str):
        return value.count("#")
    if isinstance(value, dict):
        return sum(_hashes(key) + _hashes(child) for key, child in value.items())
    if isinstance(value, list):
        return sum(_hashes(child) for child in value)
    return 0


def own_line_comments(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.lstrip().startswith("#")]


def same(a: object, b: object) -> bool:
    """Equal data, with keys in the same order; NaN equals NaN."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b

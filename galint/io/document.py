"""A parsed report: JSON-like data, and where every value and key of it was written."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import yaml

from galint.core.diagnostic import START, Path, Span
from galint.io.lines import Locate, mark_span, split_lines

# Where a value or key was written, as the parser's marks of its start and end.
Marks = tuple[yaml.Mark, yaml.Mark]


def value_at(data: object, path: Path) -> object:
    """The value at ``path`` in JSON-like ``data``, or None when there is none."""
    for part in path:
        try:
            data = data[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data


class Spans(Mapping[Path, Span]):
    """Where each path was written. The parser's marks are kept and turned into a Span when
    asked for: a report has hundreds of values, and a run looks up the places of a few."""

    __slots__ = ("locate", "marks")

    def __init__(self, locate: Locate | None = None) -> None:
        self.marks: dict[Path, Marks] = {}
        self.locate = locate

    def __getitem__(self, path: Path) -> Span:
        start, end = self.marks[path]
        assert self.locate is not None
        return self.locate(start, end)

    def __contains__(self, path: object) -> bool:
        return path in self.marks

    def __iter__(self) -> Iterator[Path]:
        return iter(self.marks)

    def __len__(self) -> int:
        return len(self.marks)


@dataclass(slots=True)
class Document:
    """A parsed report: its data, and where each value and each mapping key was written."""

    path: str
    data: object
    values: Spans = field(default_factory=Spans)
    keys: Spans = field(default_factory=Spans)
    # The source text of plain scalars read as numbers or booleans: an id written 2.10 is "2.10".
    sources: dict[Path, str] = field(default_factory=dict)
    # The source text, for positions inside a value (subspan).
    text: str = ""
    lines: list[str] | None = None

    def subspan(self, path: Path, start: int, end: int) -> Span:
        """Where characters ``start:end`` of the text value at ``path`` were written.

        Exact for a text written on one line, plain or quoted without escapes; otherwise the
        whole value, since folding and escapes move characters around.
        """
        whole = self.span(path)
        value = value_at(self.data, path)
        if not isinstance(value, str) or whole.line != whole.end_line or path not in self.values:
            return whole
        if self.lines is None:
            self.lines = split_lines(self.text)
        line = self.lines[whole.line - 1] if whole.line <= len(self.lines) else ""
        written = line[whole.column - 1 : whole.end_column - 1]
        offset = 1 if written[:1] in ("'", '"') and written[1:-1] == value else 0
        if not offset and written != value:
            return whole
        column = whole.column + offset
        return Span(whole.line, column + start, whole.line, column + end)

    def line(self, path: Path) -> int:
        """The line where ``path`` starts: ``span(path).line``, without making the span."""
        marks = self.values.marks.get(path)
        if marks is not None and self.values.locate is mark_span:
            return marks[0].line + 1
        return self.span(path).line

    def span(self, path: Path, key: bool = False) -> Span:
        """Where ``path`` was written; the nearest enclosing value when it was not."""
        values, keys = self.values.marks, self.keys.marks
        marks = keys.get(path) if key else None
        while marks is None and path:
            marks = values.get(path)
            if marks is None:
                # A missing key is best shown at the mapping that should hold it.
                path = path[:-1]
                marks = keys.get(path)
        if marks is None:
            marks = values.get(())
            if marks is None:
                return START
        locate = self.values.locate
        assert locate is not None  # set by the loader, with the marks
        return locate(*marks)

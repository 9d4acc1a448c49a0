"""Positions, severities and findings: what every stage after parsing speaks."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import NamedTuple

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


class Span(NamedTuple):
    """A region of a file: 1-based lines and columns; the end column is just past the end.

    A named tuple: a report's every value and key has one, and tuples are made fastest.
    """

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column + 1)


START = Span.point(1, 1)


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: str
    message: str

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

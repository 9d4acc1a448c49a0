"""Diagnostics: what a rule or the loader says is wrong, where, and how it may be fixed.

One type from the rule to the formatter. A rule yields a ``Diagnostic`` with its message and
its ``path`` in the report (``("policy-target-2", "goal-1", "implementation")``); the pipeline
fills in the rest: the ``file``, the ``span`` the path was written at, the rule's ``code``,
``rule`` (slug) and configured ``severity``. A diagnostic may carry a ``Fix``: text ``Edit``s
to the file, safe (applied by ``--fix``) or unsafe (only with ``--unsafe-fixes``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

SEVERITIES = ("info", "warning", "error")

# A place in a report's data: the keys and list indexes that lead to it.
Path = tuple[str | int, ...]

SAFE = "safe"
UNSAFE = "unsafe"


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


class Edit(NamedTuple):
    """Replace the text of ``span`` (from its start up to, not including, its end) with
    ``content``; an empty span inserts."""

    span: Span
    content: str


class Fix(NamedTuple):
    """How to fix a diagnostic: edits to apply together, and whether that is safe."""

    edits: tuple[Edit, ...]
    applicability: str = SAFE
    description: str = ""

    @property
    def safe(self) -> bool:
        return self.applicability == SAFE


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something wrong in a report.

    A rule gives the ``message`` and the ``path`` it is about (the mapping key rather than
    its value when ``key`` is set), or an exact ``span`` when it is not about a value (a
    syntax error); ``rule`` names the rule when one check serves several. The pipeline sets
    ``code``, ``rule``, ``severity``, ``file`` and ``span``.
    """

    message: str
    path: Path = ()
    key: bool = False
    span: Span | None = None
    rule: str | None = None
    code: str = ""
    severity: str = ""
    file: str = ""
    fix: Fix | None = None

    @property
    def line(self) -> int:
        return (self.span or START).line

    @property
    def column(self) -> int:
        return (self.span or START).column

    @property
    def end_line(self) -> int:
        return (self.span or START).end_line

    @property
    def end_column(self) -> int:
        return (self.span or START).end_column

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, object]:
        """The diagnostic as galint's JSON output writes it."""
        return {
            "path": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnostic:
        """A diagnostic read back from galint's JSON output."""
        span = Span(data["line"], data["column"], data["end_line"], data["end_column"])
        return cls(
            data["message"],
            span=span,
            rule=data["rule"],
            code=data["code"],
            severity=data["severity"],
            file=data["path"],
        )

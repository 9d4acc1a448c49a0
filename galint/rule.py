"""What a rule is: its metadata in one record, and a check over the model."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from galint.load import Problem

if TYPE_CHECKING:
    from galint.model import Report

Check = Callable[["Report"], Iterable[Problem]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and documentation; ``check`` is None for rules the loader applies.

    ``explanation`` is Markdown with a failing and a passing example; ``galint explain``,
    ``galint rules`` and docs/rules.md all read it.
    """

    code: str
    slug: str
    severity: str
    summary: str
    explanation: str
    check: Check | None = None

    def matches(self, selector: str) -> bool:
        """Whether ``selector`` (a code, a code prefix or a slug) names this rule."""
        return self.slug == selector or self.code.startswith(selector.upper())

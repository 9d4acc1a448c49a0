"""What a rule is: its metadata in one record, and a check over the model."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from galint.core.diagnostic import Diagnostic

# check(report), or check(report, options) for a rule that declares options.
Check = Callable[..., Iterable[Diagnostic]]


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """A rule's identity and documentation; ``check`` is None for rules the loader applies.

    ``explanation`` is Markdown with a failing and a passing example; ``galint explain``,
    ``galint rules`` and docs/rules.md all read it. ``options`` are the rule's options with
    their defaults; a rule that has options receives them, as configured, as the second
    argument of its check.

    ``fix_only``: a rule whose diagnostics only offer a fix. They are never reported as
    findings; ``--fix`` applies them; ``galint rules`` and the docs list them.
    """

    code: str
    slug: str
    severity: str
    summary: str
    explanation: str
    check: Check | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    fix_only: bool = False

    def matches(self, selector: str) -> bool:
        """Whether ``selector`` (a code, a code prefix or a slug) names this rule."""
        return self.slug == selector or self.code.startswith(selector.upper())

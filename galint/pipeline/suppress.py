"""Inline suppressions: ``# galint: ignore[RULE,...] reason`` comments in the report.

A comment after content applies to its own line; a comment on a line of its own applies to the
next line with content. ``# galint: ignore-file[RULE,...] reason`` before the report's first
key applies to the whole file. Rules are named by code, code prefix or slug.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from galint.core.diagnostic import Diagnostic, Span
from galint.core.rule import Rule
from galint.io.load import split_lines

_DIRECTIVE = re.compile(
    r"(?:^|(?<=\s))#\s*galint\s*:\s*(?P<kind>[\w-]*)\s*"
    r"(?:\[(?P<rules>[^\]]*)\])?[ \t]*(?P<reason>.*)$"
)
_CONTENT = re.compile(r"\s*(?:#|$)")


@dataclass(slots=True)
class Directive:
    span: Span
    file_level: bool
    selectors: tuple[str, ...]
    reason: str
    # The line the directive applies to (None: the whole file).
    target: int | None
    used: bool = False


class Suppressed(NamedTuple):
    finding: Diagnostic
    reason: str


@dataclass(slots=True)
class Outcome:
    kept: list[Diagnostic]
    suppressed: list[Suppressed] = field(default_factory=list)
    # Directives that are wrong or suppress nothing, said by invalid- and unused-suppression.
    problems: list[Diagnostic] = field(default_factory=list)


def directives(text: str) -> tuple[list[Directive], list[Diagnostic]]:
    """The directives in ``text``, and the problems with malformed ones."""
    found: list[Directive] = []
    problems: list[Diagnostic] = []
    if "galint" not in text:
        return found, problems
    lines = split_lines(text)
    seen_content = False
    pending: list[Directive] = []
    for number, line in enumerate(lines, start=1):
        content = not _CONTENT.match(line)
        if content:
            for directive in pending:
                directive.target = number
            pending = []
        match = _DIRECTIVE.search(line) if "galint" in line else None
        if match is None:
            seen_content = seen_content or content
            continue
        span = Span(number, match.start() + 1, number, len(line) + 1)
        kind = match.group("kind")
        names = match.group("rules")
        selectors = tuple(n.strip() for n in (names or "").split(",") if n.strip())
        trailing = bool(line[: match.start()].strip())
        if kind not in ("ignore", "ignore-file"):
            problems.append(
                Diagnostic(
                    f"unknown directive 'galint: {kind}'; use 'galint: ignore[RULE] reason'",
                    span=span,
                    rule="invalid-suppression",
                )
            )
        elif not selectors:
            problems.append(
                Diagnostic(
                    f"'galint: {kind}' must name the rules it silences, "
                    f"e.g. 'galint: {kind}[empty-section] reason'",
                    span=span,
                    rule="invalid-suppression",
                )
            )
        elif kind == "ignore-file" and (trailing or seen_content):
            problems.append(
                Diagnostic(
                    "'galint: ignore-file' must come before the report's first key",
                    span=span,
                    rule="invalid-suppression",
                )
            )
        else:
            directive = Directive(
                span,
                kind == "ignore-file",
                selectors,
                match.group("reason").strip(),
                number if trailing else None,
            )
            found.append(directive)
            if not trailing and kind == "ignore":
                pending.append(directive)
        seen_content = seen_content or content
    return found, problems


def apply(
    findings: Sequence[Diagnostic], text: str, known: Sequence[Rule], enabled: Sequence[Rule]
) -> Outcome:
    """Split ``findings`` into kept and suppressed; report directives that are wrong or unused."""
    found, problems = directives(text)
    outcome = Outcome(kept=[], problems=problems)
    if not found:
        outcome.kept = list(findings)
        return outcome
    valid: list[Directive] = []
    for directive in found:
        unknown = [s for s in directive.selectors if not any(r.matches(s) for r in known)]
        if unknown:
            outcome.problems.append(
                Diagnostic(
                    f"no rule matches {', '.join(repr(u) for u in unknown)}; see 'galint rules'",
                    span=directive.span,
                    rule="invalid-suppression",
                )
            )
        else:
            valid.append(directive)
    by_code = {rule.code: rule for rule in known}
    for finding in findings:
        rule = by_code.get(finding.code)
        directive = next(
            (
                d
                for d in valid
                if (d.file_level or d.target == finding.line)
                and rule is not None
                and any(rule.matches(s) for s in d.selectors)
            ),
            None,
        )
        if directive is None:
            outcome.kept.append(finding)
        else:
            directive.used = True
            outcome.suppressed.append(Suppressed(finding, directive.reason))
    for directive in valid:
        # A directive for rules that did not run cannot be judged unused.
        ran = any(r.matches(s) for r in enabled for s in directive.selectors)
        if not directive.used and ran:
            names = ", ".join(directive.selectors)
            outcome.problems.append(
                Diagnostic(
                    f"this suppression of [{names}] suppresses nothing; remove it",
                    span=directive.span,
                    rule="unused-suppression",
                )
            )
    return outcome

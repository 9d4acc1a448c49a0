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
    seen_content = False
    pending: list[Directive] = []  # directives on lines of their own, waiting for content
    for number, line in enumerate(split_lines(text), start=1):
        content = not _CONTENT.match(line)
        if content:
            for directive in pending:
                directive.target = number
            pending = []
        match = _DIRECTIVE.search(line) if "galint" in line else None
        if match is not None:
            directive, problem = _read(match, line, number, seen_content)
            if problem is not None:
                problems.append(problem)
            elif directive is not None:
                found.append(directive)
                if directive.target is None and not directive.file_level:
                    pending.append(directive)
        seen_content = seen_content or content
    return found, problems


def _read(
    match: re.Match[str], line: str, number: int, seen_content: bool
) -> tuple[Directive | None, Diagnostic | None]:
    """The directive a comment holds, or why it cannot be one."""
    span = Span(number, match.start() + 1, number, len(line) + 1)
    kind = match.group("kind")
    selectors = tuple(n.strip() for n in (match.group("rules") or "").split(",") if n.strip())
    trailing = bool(line[: match.start()].strip())
    if kind not in ("ignore", "ignore-file"):
        why = f"unknown directive 'galint: {kind}'; use 'galint: ignore[RULE] reason'"
    elif not selectors:
        why = (
            f"'galint: {kind}' must name the rules it silences, "
            f"e.g. 'galint: {kind}[empty-section] reason'"
        )
    elif kind == "ignore-file" and (trailing or seen_content):
        why = "'galint: ignore-file' must come before the report's first key"
    else:
        reason = match.group("reason").strip()
        target = number if trailing else None
        return Directive(span, kind == "ignore-file", selectors, reason, target), None
    return None, Diagnostic(why, span=span, rule="invalid-suppression")


def apply(
    findings: Sequence[Diagnostic], text: str, known: Sequence[Rule], enabled: Sequence[Rule]
) -> Outcome:
    """Split ``findings`` into kept and suppressed; report directives that are wrong or unused."""
    found, problems = directives(text)
    outcome = Outcome(kept=[], problems=problems)
    if not found:
        outcome.kept = list(findings)
        return outcome
    valid = [d for d in found if _names_known_rules(d, known, outcome.problems)]
    by_code = {rule.code: rule for rule in known}
    for finding in findings:
        directive = _silencer(finding, by_code.get(finding.code), valid)
        if directive is None:
            outcome.kept.append(finding)
        else:
            directive.used = True
            outcome.suppressed.append(Suppressed(finding, directive.reason))
    outcome.problems.extend(_unused(valid, enabled))
    return outcome


def _names_known_rules(
    directive: Directive, known: Sequence[Rule], problems: list[Diagnostic]
) -> bool:
    """Whether every rule the directive names exists; if not, the problem is recorded."""
    unknown = [s for s in directive.selectors if not any(r.matches(s) for r in known)]
    if unknown:
        problems.append(
            Diagnostic(
                f"no rule matches {', '.join(repr(u) for u in unknown)}; see 'galint rules'",
                span=directive.span,
                rule="invalid-suppression",
            )
        )
    return not unknown


def _silencer(
    finding: Diagnostic, rule: Rule | None, valid: Sequence[Directive]
) -> Directive | None:
    """The first directive that silences ``finding`` (of ``rule``), if any."""
    if rule is None:
        return None
    for directive in valid:
        on_line = directive.file_level or directive.target == finding.line
        if on_line and any(rule.matches(s) for s in directive.selectors):
            return directive
    return None


def _unused(valid: Sequence[Directive], enabled: Sequence[Rule]) -> list[Diagnostic]:
    """Directives that silenced nothing, among those whose rules ran (a directive for rules
    that did not run cannot be judged unused)."""
    unused = []
    for directive in valid:
        ran = any(r.matches(s) for r in enabled for s in directive.selectors)
        if not directive.used and ran:
            names = ", ".join(directive.selectors)
            unused.append(
                Diagnostic(
                    f"this suppression of [{names}] suppresses nothing; remove it",
                    span=directive.span,
                    rule="unused-suppression",
                )
            )
    return unused

"""The skeleton of the next report: every key of the next edition, one stub per previous plan.

``galint new --from PREVIOUS`` writes it. In section A (implementation) of each policy
target's first operational goal, each plan the previous report made under that target gets
a stub that links to it (``follows``), under a comment quoting the plan, so that the author
only has to say what became of it. Everything else is left empty (null), for galint to point
at until it is written.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterator

from galint.analysis.trace import plans_of
from galint.form.model import Item, Report
from galint.form.spec import SCHEMA_FILE, EditionSpec, SectionSpec, form

# Where the schema is for the editor's YAML language server: the installed file. The caller
# knows where the new report goes and can pass a path relative to it instead.
DEFAULT_SCHEMA = SCHEMA_FILE.as_posix()

# A plan quoted in a comment is wrapped at this width and cut after this many lines.
COMMENT_WIDTH = 96
COMMENT_LINES = 4


def next_edition(edition: EditionSpec) -> EditionSpec:
    """The edition of the form that follows ``edition``; ValueError if there is none."""
    later = [e for e in form().editions if e.year > edition.year]
    if not later:
        raise ValueError(f"no edition of the form follows {edition.form}")
    return min(later, key=lambda e: e.year)


def skeleton(
    previous: Report, previous_path_for_key: str, schema: str | None = DEFAULT_SCHEMA
) -> str:
    """YAML text of the report that follows ``previous``.

    ``previous_path_for_key`` is written as the ``previous:`` key (relative to the new report);
    ``schema`` is the ``$schema`` reference of the first line, or None for no such line.
    """
    if previous.edition is None:
        raise ValueError(f"{previous.path} names no known edition of the form")
    edition = next_edition(previous.edition)
    plans: dict[int, list[Item]] = {}
    for plan, target in plans_of(previous):
        plans.setdefault(target, []).append(plan)

    lines: list[str] = []
    if schema is not None:
        lines.append(f"# yaml-language-server: $schema={_comment_text(schema)}")
    lines.append(f"form: {edition.form}")
    lines.append("country:")
    lines.append(f"  code: {_scalar(previous.country_code or '')}")
    lines.append(f"  name: {_scalar(previous.country_name or '')}")
    lines.append(f"previous: {_scalar(previous_path_for_key)}")
    report_on = _report_on(edition)
    for target in form().targets:
        lines.append("")
        lines.extend(_comment(f"Policy target {target.number}: {target.title}", "", 1))
        lines.append(f"{target.key}:")
        stubs = plans.get(target.number, [])
        if edition.per == "target":
            lines.extend(_sections(edition, report_on, "  ", stubs))
            continue
        for n, goal in enumerate(target.goals):
            lines.append(f"  {goal.key}:")
            # The form asks about the previous plans per goal, but a 2013 plan names no goal:
            # its stubs go to the target's first goal, and the author moves them if need be.
            lines.extend(_sections(edition, report_on, "    ", stubs if n == 0 else []))
    return "\n".join(lines) + "\n"


def _report_on(edition: EditionSpec) -> SectionSpec | None:
    """The section that reports on the previous plans: A) implementation."""
    lettered = [s for s in edition.sections if s.letter == "A"]
    if lettered:
        return lettered[0]
    return next((s for s in edition.sections if not s.plans), None)


def _sections(
    edition: EditionSpec, report_on: SectionSpec | None, indent: str, stubs: list[Item]
) -> Iterator[str]:
    """The sections of one target or goal, all empty but for the stubs in ``report_on``."""
    for section in edition.sections:
        heading = f"{section.letter}) {section.title}" if section.letter else section.title
        yield from _comment(heading, indent, 1)
        yield f"{indent}{section.key}:"
        if section is report_on:
            yield from _stubs(indent, stubs)


def _stubs(indent: str, stubs: list[Item]) -> Iterator[str]:
    for plan in stubs:
        ref = plan.ref or ""
        quoted = plan.text if plan.timeframe is None else f"{plan.text} [{plan.timeframe}]"
        yield from _comment(f"{ref}: {quoted}", indent + "  ", COMMENT_LINES)
        yield f'{indent}  - text: ""'
        yield f"{indent}    follows: {_scalar(ref)}"


def _comment(text: str, indent: str, max_lines: int) -> list[str]:
    """``text`` as YAML comment lines: one paragraph, wrapped, cut with an ellipsis if long."""
    width = max(COMMENT_WIDTH - len(indent) - 2, 20)
    wrapped = textwrap.wrap(_comment_text(text), width, break_on_hyphens=False) or [""]
    if len(wrapped) > max_lines:
        wrapped = wrapped[:max_lines]
        last = wrapped[-1]
        wrapped[-1] = (last[: width - 1] if len(last) >= width else last) + "…"
    return [f"{indent}# {wrapped[0]}".rstrip()] + [
        f"{indent}#   {line}".rstrip() for line in wrapped[1:]
    ]


def _comment_text(text: str) -> str:
    """``text`` on one line, with only characters a YAML comment may hold."""
    # Any line break (\n, \r, U+2028, NEL...) would end the comment; control characters and a
    # byte-order mark are not allowed in YAML at all.
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(printable.split())


# Characters JSON leaves as they are but YAML reads as line breaks or does not allow.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def _scalar(value: str) -> str:
    """A YAML double-quoted scalar: JSON's string syntax is valid YAML."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)

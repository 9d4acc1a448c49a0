"""The imported report as galint's YAML: the form's keys in the form's order, items as the
author wrote them, and unplaced text as comments where it was found."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import yaml

from galint.form.spec import form

if TYPE_CHECKING:
    from galint.importing.result import Imported, Unplaced

Slot = tuple[int, int, str]

WIDTH = 96
# A section answered only with this ("/", "-", "...") is written as the author's scalar.
_NO_WORDS = re.compile(r"^[^\w]+$")


@dataclass(slots=True)
class Rendered:
    text: str
    # The line of the comment that holds each unplaced text, in the order of ``unplaced``.
    comment_lines: list[int] = field(default_factory=list)


def render(imported: Imported) -> Rendered:
    out = _Out()
    out.add(f"# Imported by galint from {_one_line(imported.source)} (sha256 {imported.sha256})")
    edition = imported.edition
    out.add(f"form: {edition.form if edition else 'null'}")
    out.add("country:")
    code, name = imported.country or ("", "")
    if not code:
        out.add("  # galint import: the country was not found; write its ISO 3166 code and name")
    out.add(f"  code: {_scalar(code)}")
    out.add(f"  name: {_scalar(name)}")
    out.unplaced(imported, (), "")
    for target in form().targets:
        out.target(imported, target.number)
    return Rendered("\n".join(out.lines) + "\n", out.comment_lines)


class _Out:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.comment_lines: list[int] = []
        self.done: set[int] = set()

    def add(self, line: str) -> None:
        self.lines.append(line)

    def target(self, imported: Imported, number: int) -> None:
        slots = [slot for slot in imported.sections if slot[0] == number]
        places = {u.place for u in imported.unplaced if u.place[:1] == (number,)}
        if not slots and not places:
            return
        self.add("")
        self.add(f"# Policy target {number}")
        if slots:
            self.add(f"policy-target-{number}:")
        self.unplaced(imported, (number,), "  ")
        edition = imported.edition
        if edition is not None and edition.per == "target":
            self.sections(imported, (number, 0), "  ")
        elif edition is not None:
            goals = {slot[1] for slot in slots} | {p[1] for p in places if len(p) > 1}
            for goal in sorted(goals):
                self.goal(imported, number, goal, slots)

    def goal(self, imported: Imported, number: int, goal: int, slots: list[Slot]) -> None:
        if any(slot[:2] == (number, goal) for slot in slots):
            self.add(f"  goal-{goal}:")
        self.unplaced(imported, (number, goal), "    ")
        self.sections(imported, (number, goal), "    ")

    def sections(self, imported: Imported, where: tuple[int, int], indent: str) -> None:
        assert imported.edition is not None
        for section in imported.edition.sections:
            slot = (*where, section.key)
            if slot not in imported.sections:
                continue
            if section.letter:
                self.add(f"{indent}# {section.letter})")
            items = imported.sections[slot]
            if not items:
                self.add(f"{indent}{section.key}:")
            elif len(items) == 1 and _NO_WORDS.match(items[0]):
                self.add(f"{indent}{section.key}: {_scalar(items[0])}")
            else:
                self.add(f"{indent}{section.key}:")
                self.lines.extend(f"{indent}  - {_scalar(item)}" for item in items)

    def unplaced(self, imported: Imported, place: tuple[int, ...], indent: str) -> None:
        for n, unplaced in enumerate(imported.unplaced):
            if unplaced.place == place and n not in self.done:
                self.done.add(n)
                self.comment_lines.append(len(self.lines) + 1)
                self.lines.extend(_comment(unplaced, indent))


def _comment(unplaced: Unplaced, indent: str) -> Iterator[str]:
    yield f"{indent}# galint import: not placed in the form ({_one_line(unplaced.where)}):"
    width = max(WIDTH - len(indent) - 4, 30)
    for line in textwrap.wrap(
        _one_line(unplaced.text), width, break_long_words=False, break_on_hyphens=False
    ) or [""]:
        yield f"{indent}#   {line}"


def _one_line(text: str) -> str:
    """``text`` on one line, with only characters a YAML comment may hold."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _scalar(text: str) -> str:
    """``text`` as a one-line YAML scalar: plain where YAML reads it back as the same
    string, quoted where not."""
    dumped = yaml.safe_dump(text, allow_unicode=True, width=1 << 30, default_flow_style=True)
    return dumped.removesuffix("\n").removesuffix("\n...").removesuffix("\n")

"""A page's furniture: page numbers, and the headers and footers every page repeats. They are
left out before the form's headings are looked for, since a page may break a heading, and
each is said in a note."""

from __future__ import annotations

import re
from collections.abc import Sequence

from galint.importing.lines import MARKER, Line, squeeze
from galint.importing.recognize import heading

# Page numbers as documents print them: "3", "- 3 -", "Page 3", "Page 3 of 12", "3/12".
PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+)?[-\u2013]?\s*\d{1,3}\s*[-\u2013]?\s*(?:(?:of|/)\s*\d{1,3})?\s*$",
    re.IGNORECASE,
)
# A header or footer is this close to a page's end: lines away from a page number or a page
# break.
NEAR = 2
# Shorter lines are not taken for headers ("/", "None").
SHORTEST = 8


def strip(lines: Sequence[Line]) -> tuple[list[Line], list[str]]:
    """``lines`` without page numbers and the headers and footers next to them or to a page
    break; and what was left out."""
    numbers = {n for n, line in enumerate(lines) if _page_number(line)}
    repeated = _headers(lines, numbers)
    kept: list[Line] = []
    notes: list[str] = []
    dropped = False
    for n, line in enumerate(lines):
        if n in numbers:
            notes.append(f"left out the page number {squeeze(line.text)!r} ({line.where})")
        elif n in repeated:
            notes.append(f"left out a page header or footer: {squeeze(line.text)!r} ({line.where})")
        else:
            # The space a page break leaves does not end a paragraph.
            if dropped or (kept and kept[-1].page != line.page):
                line.after_blank = False
            kept.append(line)
            dropped = False
            continue
        dropped = True
    return kept, notes


def _headers(lines: Sequence[Line], numbers: set[int]) -> set[int]:
    """The lines repeated at a page's edge wherever they come: an answer written twice is
    not always there."""
    breaks = {n for n in range(1, len(lines)) if lines[n].page != lines[n - 1].page}
    edges = numbers | breaks | {n - 1 for n in breaks} | {0, len(lines) - 1}
    near = {n for edge in edges for n in range(edge - NEAR, edge + NEAR + 1)}
    places: dict[str, list[int]] = {}
    for n, line in enumerate(lines):
        if _candidate(line):
            places.setdefault(_key(line), []).append(n)
    found = set()
    for where in places.values():
        if len(where) >= 2 and near.issuperset(where) and not heading(lines[where[0]].text):
            found.update(where)
    return found


def _page_number(line: Line) -> bool:
    return not line.label and not line.listed and PAGE_NUMBER.match(line.text) is not None


def _candidate(line: Line) -> bool:
    return (
        not line.listed
        and not line.label
        and not line.row
        and len(line.text.strip()) >= SHORTEST
        and MARKER.match(line.text) is None
    )


def _key(line: Line) -> str:
    return " ".join(line.text.casefold().split())

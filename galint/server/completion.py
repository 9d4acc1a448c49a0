"""Completion: the plan ids of the previous report inside ``follows:``, each with its plan's
text, and the form's keys where the schema allows them.

What is being typed is read from the lines as written, not from the parsed report: while a
key is half typed, the text often does not parse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from galint.analysis.trace import plans_of, shorten
from galint.form.model import Report
from galint.server import schema

# ``follows: "1.`` and ``follows: ["1.1", 2.`` (a flow list).
_FOLLOWS_VALUE = re.compile(
    r"^\s*(?:-\s+)?follows\s*:\s*(?:\[(?:[^\]]*,)?\s*)?(?P<quote>[\"']?)(?P<typed>[\w.]*)$"
)
# An entry of a block list: ``  - "1.``.
_LIST_ENTRY = re.compile(r"^(?P<indent>\s*)-\s*(?P<quote>[\"']?)(?P<typed>[\w.]*)$")
_FOLLOWS_KEY = re.compile(r"^\s*(?:-\s+)?follows\s*:\s*(?:#.*)?$")
# A key being typed: ``    tim`` or ``  - te``.
_KEY_TYPED = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)*)(?P<typed>[\w-]*)$")
# A line that holds a key: its indent, its dashes, the key.
_KEY_LINE = re.compile(
    r"^(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[\w-]+|\"[^\"]*\"|'[^']*')\s*:(?:\s|$)"
)
_FORM = re.compile(r"^form\s*:\s*[\"']?(?P<form>[\w/-]+)", re.MULTILINE)


class Offer(NamedTuple):
    """One completion: what is shown, what is written, what it is, and its place in order."""

    label: str
    insert: str
    detail: str
    documentation: str
    replace: int  # how many characters before the cursor it replaces
    plan: bool


def complete(lines: Sequence[str], line: int, column: int, report: Report | None) -> list[Offer]:
    """What may be written at galint's ``line`` and ``column``; ``report`` is the latest
    model of the text (its predecessor gives the plan ids)."""
    if line > len(lines):
        return []
    written = lines[line - 1]
    before, after = written[: column - 1], written[column - 1 :]
    match = _FOLLOWS_VALUE.match(before)
    if match is None:
        entry = _LIST_ENTRY.match(before)
        if entry is not None and _under_follows(lines, line, len(entry.group("indent"))):
            match = entry
    if match is not None:
        return _plan_ids(report, match.group("quote"), match.group("typed"), after)
    typed = _KEY_TYPED.match(before)
    if typed is not None:
        indent, dashes = len(typed.group("indent")), typed.group("dashes")
        return _keys(lines, line, indent, dashes, typed.group("typed"))
    return []


def _under_follows(lines: Sequence[str], line: int, indent: int) -> bool:
    """Whether the list entry at ``line`` belongs to a ``follows:`` key."""
    for above in reversed(lines[: line - 1]):
        stripped = above.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(above) - len(above.lstrip(" ")) < indent or not stripped.startswith("-"):
            return _FOLLOWS_KEY.match(above) is not None
    return False


def _plan_ids(report: Report | None, quote: str, typed: str, after: str) -> list[Offer]:
    previous = report.predecessor if report is not None else None
    if previous is None:
        return []
    closing = "" if quote and after.startswith(quote) else (quote or '"')
    offers = []
    for item, _ in plans_of(previous):
        ref = item.ref
        if ref is None:
            continue
        line = previous.document.line(item.path)
        offers.append(
            Offer(
                ref,
                f"{quote or chr(34)}{ref}{closing}",
                shorten(item.text, 70),
                f"Plan {ref} (line {line}): {item.text}",
                len(quote) + len(typed),
                True,
            )
        )
    return offers


def _keys(lines: Sequence[str], line: int, indent: int, dashes: str, typed: str) -> list[Offer]:
    if dashes.count("-") > 1:
        return []  # a list in a list: no key of the form goes there
    found = _parent(lines, line, indent + len(dashes), indent if dashes else None)
    if found is None:
        return []
    path, present = found
    if not dashes:
        present |= _siblings_below(lines, line, indent)
    text = "\n".join(lines)
    edition = match.group("form") if (match := _FORM.search(text)) else None
    return [
        Offer(key, f"{key}: ", _title(wording), wording, len(typed), False)
        for key, wording in schema.keys(path, edition).items()
        if key not in present
    ]


def _siblings_below(lines: Sequence[str], line: int, depth: int) -> set[str]:
    """The keys written after ``line`` in the mapping whose keys stand at column ``depth``."""
    found = set()
    for below in lines[line:]:
        stripped = below.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key_line = _KEY_LINE.match(below)
        indent = len(below) - len(below.lstrip(" "))
        dashes = len(key_line.group("dashes")) if key_line else 0
        if indent + dashes < depth or (dashes and indent + dashes == depth):
            break  # the mapping ends: a key above it, or the next item of its list
        if key_line is not None and indent + dashes == depth:
            found.add(key_line.group("key").strip("\"'"))
    return found


def _title(wording: str) -> str:
    """The first words of the form's wording: ``C) Follow-up actions``."""
    return wording.split(":", 1)[0] if len(wording) > 60 else wording


class _Walk:
    """Going up from a line: the path of the mapping it is in, from its innermost key."""

    def __init__(self, depth: int, item: int | None) -> None:
        self.path: list[str | int] = []
        self.present: set[str] = set()
        # Within the mapping the key goes into (its siblings are collected), or above it.
        self.own = item is None
        if item is None:
            # Looking for the mapping whose keys stand at column ``depth``.
            self.depth, self.in_list = depth, False
        else:
            # A new list item: looking for the key that holds the list with dashes at ``item``.
            self.path, self.depth, self.in_list = [0], item, True

    def step(self, above: str) -> bool | None:
        """Take in the line ``above``: True to go on, False when the path is complete (no
        line can add to it), None when no key of the form goes where the cursor is."""
        key_line = _KEY_LINE.match(above)
        indent = len(above) - len(above.lstrip(" "))
        dashes = (
            len(key_line.group("dashes"))
            if key_line
            else len(above) - indent - len(above.lstrip(" -"))
        )
        column = indent + dashes
        if self.in_list:
            if column > self.depth or (dashes and indent == self.depth):
                return True  # within an earlier item of the same list
        elif column > self.depth:
            return True  # a value of an earlier key
        elif column == self.depth:
            if key_line is None:
                return None
            if self.own:
                self.present.add(key_line.group("key").strip("\"'"))
            if dashes:  # the first line of a list item: the mapping is that item
                self.path.insert(0, 0)
                self.depth, self.in_list, self.own = indent, True, False
            return True
        if key_line is None:
            return None
        self.own = False
        self.path.insert(0, key_line.group("key").strip("\"'"))
        if dashes:
            self.path.insert(0, 0)
            self.depth, self.in_list = indent, True
        else:
            self.depth, self.in_list = column, False
        return column > 0 or bool(dashes)


def _parent(
    lines: Sequence[str], line: int, depth: int, item: int | None
) -> tuple[tuple[str | int, ...], set[str]] | None:
    """The path of the mapping that a key typed at column ``depth`` of ``line`` goes into
    (a new list item's, when ``item`` is the column of its dash), and the keys it has."""
    walk = _Walk(depth, item)
    for above in reversed(lines[: line - 1]):
        stripped = above.strip()
        if not stripped or stripped.startswith("#") or above.startswith("\t"):
            continue
        going = walk.step(above)
        if going is None:
            return None
        if not going:
            break
    if walk.in_list and walk.depth == 0 and walk.path[:1] == [0]:
        return None  # the report is a mapping, never a list
    return tuple(walk.path), walk.present

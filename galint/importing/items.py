"""Cutting a section's text into items, as its author wrote them.

Each bullet, list paragraph or table row starts an item; lines broken inside an item (a page,
a cell, a PDF's line ends) are joined; several items run together in one paragraph and
separated by ";" become one item each. The wording is kept: nothing is corrected, no id is
added, timeframes stay in the text. A footnote's URL repeated at a page end is left out when
the text before already has it, and the words a page break repeats are kept once.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from galint.importing.lines import ONLY_MARKER, split_marker, squeeze
from galint.importing.structure import Piece

TERMINAL = re.compile("[.;:!?][)\\]\"'\u2019\u201d]*\\s*$")
# Items in one paragraph, separated by ";" before a capital letter.
SEMICOLON = re.compile(r"(?<=;)\s+(?=[A-Z])")
URL_ONLY = re.compile(
    r"^\s*(?:\[?\d{1,2}\]?\s+)?(?P<url>(?:https?://|www\.)\S+)\s*$", re.IGNORECASE
)
# Text is wrapped when this share of its lines stop in the middle of a sentence.
RUNNING = 0.15
# A page break repeats at least this many words of the line before it.
REPEAT = 4
WORDS = re.compile(r"\S+")


@dataclass(slots=True)
class Layout:
    """What the whole document tells about its line breaks, for plain text."""

    # Lines are broken at a width (a PDF's or an e-mail's text), so that a line ending a
    # sentence may still go on in the next.
    wrapped: bool = False
    width: int = 0
    # Empty lines come between paragraphs, not between every line.
    blank_separates: bool = True

    @classmethod
    def of(cls, texts: Sequence[tuple[str, bool, bool]]) -> Layout:
        """From each content line's text, whether it is bulleted and follows an empty line.
        Text is wrapped when many lines stop in the middle of a sentence that the next line
        goes on with; the longest line then tells the width."""
        lines = [entry for entry in texts if entry[0]]
        if not lines:
            return cls()
        running = sum(
            1
            for (text, _, _), (after, bulleted, _) in itertools.pairwise(lines)
            if not bulleted and after[:1].islower() and not TERMINAL.search(text)
        )
        blanks = sum(1 for _, _, blank in lines if blank)
        return cls(
            wrapped=running >= RUNNING * len(lines),
            width=max(len(text) for text, _, _ in lines),
            blank_separates=blanks < 0.5 * len(lines),
        )


@dataclass(slots=True)
class _Item:
    text: str
    # Started by a bullet or a list paragraph: only another one ends it.
    bulleted: bool
    last_line: str = ""
    marker: str = ""


@dataclass(slots=True)
class Cut:
    items: list[str] = field(default_factory=list)
    # What was left out or merged, for the person who checks the import.
    notes: list[str] = field(default_factory=list)


def cut(pieces: Sequence[Piece], layout: Layout, earlier: list[str]) -> Cut:
    """The items of one section's ``pieces``; ``earlier`` holds the document's items so far
    (for footnotes), and gets these."""
    result = Cut()
    items: list[_Item] = []
    for piece in pieces:
        if _footnote(piece, earlier, items, result):
            continue
        marker, text = split_marker(piece.text)
        current = items[-1] if items else None
        if marker and current is not None and _dash_in_text(marker, current):
            marker, text = "", piece.text
        if ONLY_MARKER.match(piece.text):
            items.append(_Item("", True, marker=marker))
            continue
        marked = bool(marker) or piece.line.listed
        if current is None or marked or _starts(piece, current, layout):
            items.append(_Item(squeeze(text), marked, piece.text, marker))
            continue
        _join(current, text, piece, result)
    result.items = [part for item in items for part in _split(item)]
    earlier.extend(result.items)
    return result


def _split(item: _Item) -> list[str]:
    """An item, or the items run together in it with ";" when no bullet started it."""
    parts = [item.text] if item.bulleted else SEMICOLON.split(item.text)
    return [part.strip() for part in parts if part.strip()]


def _footnote(piece: Piece, earlier: list[str], items: list[_Item], result: Cut) -> bool:
    """A URL alone on its line, which the text before already has: a footnote repeated at
    a page's end, left out."""
    url = URL_ONLY.match(piece.text)
    if url is None or not _seen(url.group("url"), earlier, items):
        return False
    result.notes.append(
        f"left out the footnote {url.group('url')} ({piece.line.where}): the text has it"
    )
    return True


def _dash_in_text(marker: str, current: _Item) -> bool:
    """A dash or an "o" that starts a line in the middle of a sentence, in a list bulleted
    otherwise, is the text's own ("(III" then "- IV Q 2013)")."""
    return (
        marker in _TEXT_MARKS
        and bool(current.text)
        and current.marker != marker
        and TERMINAL.search(current.last_line or current.text) is None
    )


_TEXT_MARKS = frozenset({"-", "\u2013", "\u2014", "o"})


def _starts(piece: Piece, current: _Item, layout: Layout) -> bool:
    """Whether ``piece`` starts an item rather than going on with ``current``: where the
    source does not say, a line of text that is not wrapped is a paragraph of its own
    unless it goes on with a sentence a page broke; a wrapped line is one when the line
    before ended a sentence and it starts another, or when the line before ended although
    the next word would have fit on it."""
    if piece.fresh or not current.text:
        return piece.fresh
    if piece.line.starts is not None:
        return piece.line.starts
    ended = TERMINAL.search(current.last_line or current.text) is not None
    if piece.line.row and ended:
        return True
    if current.bulleted:
        return False
    if not layout.wrapped:
        return ended or not piece.text[:1].islower()
    if piece.line.after_blank and layout.blank_separates:
        return True
    if ended and piece.text[:1].isupper():
        return True
    first = piece.text.split(maxsplit=1)[0] if piece.text.split() else ""
    return len(current.last_line) + 1 + len(first) <= layout.width


def _join(current: _Item, text: str, piece: Piece, result: Cut) -> None:
    """Go on with ``current``: the words a page break repeated are kept once."""
    before = WORDS.findall(current.text)
    after = WORDS.findall(text)
    for size in range(min(len(before), len(after), 12), REPEAT - 1, -1):
        if [_plain(w) for w in before[-size:]] == [_plain(w) for w in after[:size]]:
            repeated = " ".join(after[:size])
            result.notes.append(
                f"kept once the words a break repeated: {repeated!r} ({piece.line.where})"
            )
            text = " ".join(after[size:])
            break
    if current.text.endswith("-") and current.text[-2:-1].isalnum():
        current.text = squeeze(current.text + text)
    else:
        current.text = squeeze(f"{current.text} {text}")
    current.last_line = piece.text


def _plain(word: str) -> str:
    return word.strip(".,;:()\"'\u2019\u201c\u201d").casefold()


def _seen(url: str, earlier: Sequence[str], items: Sequence[_Item]) -> bool:
    core = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.casefold()).rstrip("/")
    if not core:
        return False
    texts = [*earlier, *(item.text for item in items)]
    return any(core in text.casefold() for text in texts)

"""Lines of a document as every reader gives them: the text, where it was, and what the source
says of its layout (a table row's first cell, a list paragraph, a paragraph start)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


class Unreadable(Exception):
    """The file cannot be imported; the message says why, for its author."""


@dataclass(slots=True)
class Line:
    """One line of text, or one paragraph when the source knows paragraphs (Word)."""

    text: str
    # Where a person finds it in the source: "line 12", "paragraph 4", "page 3".
    where: str
    # The first cell of a table row with several, which in the form's tables holds the
    # section's heading; "" elsewhere.
    label: str = ""
    # A list paragraph (Word's bullets and numbering, which are not in the text).
    listed: bool = False
    # Whether the line starts a paragraph: True or False when the source tells (Word's
    # paragraphs, a PDF's spacing), None when only the text can tell (plain text).
    starts: bool | None = None
    # From a table row: a row is a paragraph of its cell unless a page broke it.
    row: bool = False
    # An empty line (or a wider gap on a PDF page) came before it.
    after_blank: bool = False
    # The page it is on, when the source has pages (1-based), else 0.
    page: int = 0


# Bullets and list numbers that a document's text keeps: private-use glyphs of the Symbol and
# Wingdings fonts (U+F0B7 ...), typographic bullets, dashes, "o", "*", "1.", "a)", "(iv)".
_GLYPHS = (
    "\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf075"
    "\u2022\u25cf\u25e6\u25aa\u25a0\u25a1\u2023\u2043\u2219\u00b7\u27a2\u25ba"
    "\u2013\u2014\u2012\u2010"
)
MARKER = re.compile(
    rf"^[ \t]*(?:[{_GLYPHS}*>\-o](?=[ \t]|$)"
    rf"|\(?(?:\d{{1,2}}|[a-z]|[ivx]{{1,4}})[.)](?=[ \t]))[ \t]*"
)
# A line that is only a bullet (its text came on the next line, or in the next cell).
ONLY_MARKER = re.compile(rf"^[ \t]*(?:[{_GLYPHS}*o\-]|\(?(?:\d{{1,2}}|[a-z])[.)])[ \t]*$")

# Formatting that some text exports keep as tags: <u>already</u>.
_TAGS = re.compile(r"</?(?:u|b|i|em|strong|sup|sub|span)\b[^<>]{0,40}>", re.IGNORECASE)
_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\r": None,
        "\x0b": " ",
    }
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """Text as the reader sees it: composed characters, ordinary spaces, no formatting tags
    or control characters. Tabs are kept: they separate a table's cells."""
    text = unicodedata.normalize("NFC", text).translate(_SPACES)
    return _CONTROL.sub("", _TAGS.sub("", text))


def split_marker(text: str) -> tuple[str, str]:
    """The bullet or list number ``text`` starts with ("" if none), and the text after it."""
    found = MARKER.match(text)
    if found is None:
        return "", text.strip()
    return found.group().strip(), text[found.end() :].strip()


def squeeze(text: str) -> str:
    """Runs of spaces and tabs as one space, none at the ends."""
    return " ".join(text.split())


def cells(text: str) -> list[str]:
    """The tab-separated cells of a line, without the empty ones at its end."""
    parts = [part.strip() for part in text.split("\t")]
    while parts and not parts[-1]:
        parts.pop()
    return parts


def from_cells(text: str, where: str, page: int = 0, after_blank: bool = False) -> Line:
    """A line of plain text, with a table row's first cell as its label when its cells were
    kept apart by tabs (a table flattened into text)."""
    parts = cells(text)
    if len(parts) == 1 and "\t" in text and not ONLY_MARKER.match(parts[0]):
        # A first cell whose neighbours are empty: a heading's cell, or a part of one that
        # a page broke.
        return Line(
            "", where, label=squeeze(parts[0]), row=True, page=page, after_blank=after_blank
        )
    if len(parts) < 2:
        return Line(
            squeeze(parts[0]) if parts else "",
            where,
            row="\t" in text,
            page=page,
            after_blank=after_blank,
        )
    first, rest = parts[0], squeeze(" ".join(p for p in parts[1:] if p))
    if not first or ONLY_MARKER.match(first):
        # An empty first cell, or a bullet kept in a cell of its own ("•\tText").
        joined = f"{first} {rest}" if first else rest
        return Line(joined, where, row=bool(not first), page=page, after_blank=after_blank)
    return Line(rest, where, label=squeeze(first), row=True, page=page, after_blank=after_blank)

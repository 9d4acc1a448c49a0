"""PDF files through pdfminer.six: its text lines, put back in reading order with the page's
geometry.

Lines at one height make a row. A table's ruling lines tell its columns: in a row, the text of
the first column is the label (the form's tables put the section's heading there), the rest
its answer. A line starts a paragraph after a bullet, a wider gap than the page's line
spacing, or a line that ended short of its column's edge; otherwise it goes on with the one
before.
"""

from __future__ import annotations

import io
import itertools
import logging
import time
from dataclasses import dataclass
from typing import Any

from galint.importing.lines import MARKER, ONLY_MARKER, Line, Unreadable, clean, squeeze

# A ruling line this thin and this tall is a column's edge.
THIN = 2.0
TALL = 8.0


@dataclass(slots=True)
class _Text:
    x0: float
    x1: float
    y0: float
    y1: float
    text: str
    column: int = 0
    columns: int = 0

    @property
    def middle(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def pdf_lines(raw: bytes, deadline: float) -> list[Line]:
    """The lines of a PDF; Unreadable if it is not one, is damaged, locked, or has no text."""
    if not raw.lstrip()[:1024].find(b"%PDF") >= 0:
        raise Unreadable("the file is not a PDF (it does not start with %PDF)")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    from pdfminer.high_level import extract_pages
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    lines: list[Line] = []
    # The last line of text before, which a page break does not end.
    previous: list[_Text] = []
    try:
        for number, page in enumerate(extract_pages(io.BytesIO(raw)), start=1):
            previous = _page(page, number, previous, lines)
            if time.monotonic() > deadline:
                raise Unreadable(
                    f"reading the PDF took too long and was stopped at page {number}; "
                    "a report's text is read in seconds"
                )
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise Unreadable(
            "the PDF is protected by a password (encrypted); save a copy without the "
            "password and import that"
        ) from error
    except Unreadable:
        raise
    except Exception as error:  # pdfminer raises many kinds on a damaged file
        raise Unreadable(f"the PDF is damaged: {type(error).__name__}: {error}") from error
    if not any(line.text or line.label for line in lines):
        raise Unreadable("the PDF holds no text (a scanned image?); galint reads text only")
    return lines


def _page(page: Any, number: int, previous: list[_Text], lines: list[Line]) -> list[_Text]:
    """Add the page's lines to ``lines``; the last line of text on it."""
    from pdfminer.layout import LTCurve, LTTextLine

    texts: list[_Text] = []
    rules: list[tuple[float, float, float]] = []
    for item in _walk(page, (LTTextLine, LTCurve)):
        if isinstance(item, LTTextLine):
            text = clean(item.get_text()).strip()
            if text:
                texts.append(_Text(item.x0, item.x1, item.y0, item.y1, text))
        elif item.width <= THIN and item.height >= TALL:
            rules.append((item.x0, item.y0, item.y1))
    for text in texts:
        _columns(text, rules)
    return _lines(_rows(texts), number, previous, lines)


def _walk(item: Any, kinds: tuple[type, ...]) -> Any:
    if isinstance(item, kinds):
        yield item
        if not hasattr(item, "_objs") or item.__class__.__name__.startswith("LTTextLine"):
            return
    if hasattr(item, "__iter__") and not isinstance(item, kinds[0]):
        for child in item:
            yield from _walk(child, kinds)


def _columns(text: _Text, rules: list[tuple[float, float, float]]) -> None:
    """Which column of a ruled table the text is in (0 outside tables), of how many."""
    across = sorted(x for x, low, high in rules if low - 1 <= text.middle <= high + 1)
    text.column = sum(1 for x in across if x < text.x0 - 1)
    text.columns = max(len(across) - 1, 0)


def _rows(texts: list[_Text]) -> list[list[_Text]]:
    """Texts at one height, left to right, rows from the top of the page down."""
    rows: list[list[_Text]] = []
    for text in sorted(texts, key=lambda t: (-t.middle, t.x0)):
        if rows and abs(rows[-1][0].middle - text.middle) < 0.5 * max(text.height, 1.0):
            rows[-1].append(text)
        else:
            rows.append([text])
    return [sorted(row, key=lambda t: t.x0) for row in rows]


def _lines(
    rows: list[list[_Text]], page: int, previous: list[_Text], lines: list[Line]
) -> list[_Text]:
    steps = sorted(a[0].y0 - b[0].y0 for a, b in itertools.pairwise(rows))
    step = steps[len(steps) // 4] if steps else 12.0
    edges: dict[int, float] = {}
    for row in rows:
        for text in _answer(row):
            edges[text.column] = max(edges.get(text.column, 0.0), text.x1)
    for row in rows:
        label = " ".join(t.text for t in row if _labels(t))
        content = " ".join(t.text for t in _answer(row))
        line = Line(squeeze(content), f"page {page}", label=squeeze(label), page=page)
        line.row = any(t.column for t in row)
        line.starts = _starts(_answer(row), previous, step, edges)
        lines.append(line)
        if line.text:
            previous = _answer(row)
    return previous


def _labels(text: _Text) -> bool:
    """In the first column of a ruled table of several."""
    return text.columns >= 2 and text.column == 1


def _answer(row: list[_Text]) -> list[_Text]:
    return [t for t in row if not _labels(t)]


def _starts(row: list[_Text], previous: list[_Text], step: float, edges: dict[int, float]) -> bool:
    """Whether a row starts a paragraph rather than going on with the one before: after a
    bullet, a wider gap than the page's line spacing, or a line that ended short of its
    column's edge although the next word would have fit."""
    if not row or not previous:
        return True
    first = row[0]
    text = " ".join(t.text for t in row)
    if ONLY_MARKER.match(first.text) or MARKER.match(text):
        return True
    if 0 < previous[0].y0 - first.y0 > 1.6 * step:
        return True
    last = previous[-1]
    width = (last.x1 - last.x0) / max(len(last.text), 1)
    next_word = text.split()[0] if text.split() else ""
    return last.x1 + width * (len(next_word) + 2) < edges.get(last.column, last.x1)

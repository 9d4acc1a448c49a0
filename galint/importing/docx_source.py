"""Word documents through python-docx: paragraphs, list paragraphs and table cells in the order
of the document. A table row with several cells gives its first cell as the line's label (the
form's tables put the section's heading there) and a line per paragraph of the others."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from galint.importing.lines import Line, Unreadable, clean, squeeze
from galint.importing.text_source import text_lines

# A .docx unpacks to far more than it weighs, but not to this: beyond, it is a zip bomb.
MAX_UNPACKED = 64 * 1024 * 1024
# Tables inside tables inside tables... are read this deep.
MAX_NESTING = 4


def docx_lines(raw: bytes) -> list[Line]:
    """The lines of a .docx file; Unreadable if it is not one or is damaged."""
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise Unreadable(
            "the file is an older Word document (.doc) named .docx; "
            "save it as .docx and import it again"
        )
    if not raw.startswith(b"PK"):
        raise Unreadable("the file is not a Word .docx document (a .docx is a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise Unreadable(f"the .docx file is damaged: {error}") from error
    if unpacked > MAX_UNPACKED:
        raise Unreadable(
            f"the .docx file unpacks to {unpacked:,} bytes; "
            f"galint reads no more than {MAX_UNPACKED:,}"
        )
    if "word/document.xml" not in names:
        raise Unreadable("the zip archive is not a Word document (it has no word/document.xml)")
    try:
        import docx

        document = docx.Document(io.BytesIO(raw))
        return list(_body(document))
    except Unreadable:
        raise
    except Exception as error:  # python-docx and lxml raise many kinds on a damaged file
        raise Unreadable(
            f"the .docx file cannot be read: {type(error).__name__}: {error}"
        ) from error


def _body(document: Any) -> Iterator[Line]:
    paragraphs = tables = 0
    blank = False
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            tables += 1
            yield from _table(block, f"table {tables}", 0)
            blank = False
            continue
        paragraphs += 1
        lines = _paragraph(block, f"paragraph {paragraphs}", blank)
        blank = not lines
        yield from lines


def _paragraph(paragraph: Any, where: str, blank: bool, label: str = "") -> list[Line]:
    """A paragraph's lines: more than one where it has line breaks (Shift+Enter)."""
    text = clean(paragraph.text)
    if not text.strip():
        return []
    listed = _listed(paragraph)
    lines = text_lines(text, where)
    for n, line in enumerate(lines):
        line.where = where
        line.starts = True if n == 0 else None
        line.listed = listed and n == 0
        line.after_blank = blank and n == 0
    if label and lines:
        lines[0].label = label
        lines[0].row = True
    return lines


def _listed(paragraph: Any) -> bool:
    """A list paragraph: Word numbering (numPr) or a list style."""
    style = getattr(paragraph.style, "name", "") or ""
    if style.lower().startswith("list"):
        return True
    # python-docx has no public property for a paragraph's numbering.
    properties = paragraph._p.pPr
    return properties is not None and properties.numPr is not None


def _table(table: Any, where: str, depth: int) -> Iterator[Line]:
    if depth >= MAX_NESTING:
        return
    above: list[Any] = []
    for number, row in enumerate(table.rows, start=1):
        cells = _distinct(row.cells)
        # A cell merged down from the row above is read once, where it starts.
        fresh = [
            cell for n, cell in enumerate(cells) if not (n < len(above) and _same(cell, above[n]))
        ]
        above = cells
        yield from _row(fresh, cells, f"{where}, row {number}", depth)


def _row(fresh: list[Any], cells: list[Any], where: str, depth: int) -> Iterator[Line]:
    if len(cells) < 2:
        for cell in fresh:
            yield from _cell(cell, where, depth, "")
        return
    label = ""
    if fresh and _same(fresh[0], cells[0]):
        label = squeeze(" ".join(clean(p.text) for p in fresh[0].paragraphs))
        fresh = fresh[1:]
    lines = [line for cell in fresh for line in _cell(cell, where, depth, "")]
    if len(cells) > 2 and lines:
        # Several answer cells in a row (an action and its timeframe): one line.
        joined = squeeze(" ".join(line.text for line in lines))
        lines = [Line(joined, where, listed=lines[0].listed, starts=True)]
    for line in lines:
        line.row = True
    if label:
        if lines:
            lines[0].label = label
        else:
            lines = [Line("", where, label=label, row=True, starts=True)]
    yield from lines


def _cell(cell: Any, where: str, depth: int, label: str) -> Iterator[Line]:
    for block in cell.iter_inner_content():
        if hasattr(block, "rows"):
            yield from _table(block, where, depth + 1)
        else:
            yield from _paragraph(block, where, False, label)


def _distinct(cells: Any) -> list[Any]:
    """A row's cells, a cell merged across columns once."""
    found: list[Any] = []
    for cell in cells:
        if not found or not _same(cell, found[-1]):
            found.append(cell)
    return found


def _same(one: Any, other: Any) -> bool:
    # python-docx gives a merged cell once per grid column, each a new proxy of one element.
    return one._tc is other._tc

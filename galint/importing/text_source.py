"""Plain text: decoded (UTF-8, UTF-16 with its mark, else Windows-1252), then cut into lines;
a form feed starts a page and tabs separate a table's cells."""

from __future__ import annotations

import codecs

from galint.importing.lines import Line, Unreadable, clean, from_cells


def decode(raw: bytes) -> tuple[str, list[str]]:
    """The text of a plain-text file, and notes on how it was read."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError as error:
            raise Unreadable(f"the UTF-16 text cannot be decoded ({error.reason})") from error
    if b"\x00" in raw[:4096]:
        raise Unreadable("the file is not text (it holds NUL bytes); is it a renamed document?")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        # Word's "Plain text" on Windows saves in the ANSI code page.
        text = raw.decode("cp1252", errors="replace")
        return text, [
            "the file is not UTF-8 text: it was read as Windows-1252 (check its accented letters)"
        ]


def text_lines(text: str, where: str = "line") -> list[Line]:
    """Lines of plain text; a form feed starts a page, tabs separate a table's cells."""
    lines: list[Line] = []
    blank = False
    number = 0
    for page, content in enumerate(text.split("\f"), start=1):
        for raw in content.splitlines():
            number += 1
            cleaned = clean(raw)
            if not cleaned.strip():
                blank = True
                continue
            lines.append(from_cells(cleaned, f"{where} {number}", page=page, after_blank=blank))
            blank = False
    return lines

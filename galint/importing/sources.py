"""Reading a submission into lines, by the kind of file: plain text (``text_source``), Word
through python-docx (``docx_source``), PDF through pdfminer.six (``pdf_source``).

A file that cannot be read raises ``Unreadable`` with a message for the person who sent it.
"""

from __future__ import annotations

from galint.importing.lines import Line, Unreadable
from galint.importing.text_source import decode, text_lines

__all__ = ["KINDS", "Unreadable", "kind_of", "read"]

# What each kind of file is called, by its name's ending.
KINDS = {".txt": "text", ".text": "text", ".docx": "docx", ".pdf": "pdf"}


def kind_of(name: str) -> str | None:
    """ "text", "docx" or "pdf" for a file name, None for other files."""
    lowered = name.lower()
    return next((kind for end, kind in KINDS.items() if lowered.endswith(end)), None)


def read(raw: bytes, kind: str, deadline: float) -> tuple[list[Line], list[str]]:
    """The lines of a file of ``kind`` and notes on how it was read; Unreadable if it
    cannot be. ``deadline`` (a time.monotonic() value) bounds reading a PDF."""
    if not raw.strip():
        raise Unreadable("the file is empty")
    if kind == "docx":
        from galint.importing.docx_source import docx_lines

        return docx_lines(raw), []
    if kind == "pdf":
        from galint.importing.pdf_source import pdf_lines

        return pdf_lines(raw, deadline), []
    text, notes = decode(raw)
    if not text.strip():
        raise Unreadable("the file is empty")
    return text_lines(text), notes

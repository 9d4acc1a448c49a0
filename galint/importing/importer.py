"""Importing one file: read it, place its text in the form, cut the sections into items."""

from __future__ import annotations

import hashlib
import os
import time

from galint.importing import countries
from galint.importing.items import Layout, cut
from galint.importing.result import Imported, Unplaced
from galint.importing.sources import Unreadable, kind_of, read
from galint.importing.structure import Draft, place
from galint.io.load import MAX_BYTES

# Reading one file stops after this long (a PDF crafted to take pdfminer hours).
TIME_LIMIT = 20.0


def import_path(path: str, max_bytes: int = MAX_BYTES, time_limit: float = TIME_LIMIT) -> Imported:
    """Import the file at ``path``; its problems are in the result, never raised."""
    kind = kind_of(path)
    if kind is None:
        return Imported(path, "", problem="galint imports .docx, .pdf and .txt files only")
    try:
        if os.path.isdir(path):
            return Imported(path, "", problem="is a directory, not a file")
        with open(path, "rb") as stream:
            raw = stream.read(max_bytes + 1)
    except OSError as error:
        return Imported(path, "", problem=f"cannot be read ({error.strerror or error})")
    return import_bytes(raw, path, kind, max_bytes, time_limit)


def import_bytes(
    raw: bytes,
    name: str,
    kind: str,
    max_bytes: int = MAX_BYTES,
    time_limit: float = TIME_LIMIT,
) -> Imported:
    """Import a file's bytes; ``name`` is how the report names its source, ``kind`` is
    "text", "docx" or "pdf"."""
    imported = Imported(name, hashlib.sha256(raw).hexdigest())
    if len(raw) > max_bytes:
        imported.problem = (
            f"the file is larger than {max_bytes:,} bytes; a report is far smaller, "
            "so galint does not read it"
        )
        return imported
    try:
        lines, notes = read(raw, kind, time.monotonic() + time_limit)
    except Unreadable as error:
        imported.problem = str(error)
        return imported
    imported.notes.extend(notes)
    draft = place(lines, countries.find)
    if draft.edition is None or not draft.headings:
        imported.problem = (
            "no heading of the Global Alliance form was found (policy targets, operational "
            "goals, sections); is this a report on the form?"
        )
        imported.other_form = True
        return imported
    _fill(imported, draft, lines)
    return imported


def _fill(imported: Imported, draft: Draft, lines: list) -> None:  # type: ignore[type-arg]
    imported.edition = draft.edition
    imported.country = draft.country or countries.from_file_name(imported.source)
    layout = Layout.of([(line.text, line.listed, line.after_blank) for line in lines if line.text])
    earlier: list[str] = []
    for slot, pieces in draft.sections.items():
        done = cut(pieces, layout, earlier)
        imported.sections[slot] = done.items
        imported.notes.extend(done.notes)
    imported.unplaced = [
        Unplaced(where, piece.text, piece.line.where) for where, piece in draft.unplaced
    ]
    imported.notes.extend(draft.left_out)

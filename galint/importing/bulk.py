"""Importing many files: the supported files under a folder, and where each report goes
(``OUT/<country code>/<year>.yaml``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

from galint.importing.result import Imported
from galint.importing.sources import kind_of


def sources_under(folder: str) -> Iterator[str]:
    """The .docx, .pdf and .txt files under ``folder``, sorted; hidden files, Word's lock
    files (``~$report.docx``) and symbolic links are passed over."""
    found = []
    for top, folders, files in os.walk(folder):
        folders[:] = sorted(
            f for f in folders if not f.startswith(".") and not os.path.islink(os.path.join(top, f))
        )
        for name in files:
            path = os.path.join(top, name)
            if name.startswith((".", "~$")) or os.path.islink(path) or kind_of(name) is None:
                continue
            found.append(path)
    yield from sorted(found)


def output_path(folder: str, imported: Imported, taken: set[str]) -> str:
    """Where the report imported from a file goes under ``folder``: by country and year, and
    by the source's name too when another file of the run took that place."""
    code = imported.country[0] if imported.country else "unknown"
    year = str(imported.edition.year) if imported.edition else "report"
    stem = os.path.splitext(os.path.basename(imported.source))[0]
    path = os.path.join(folder, code, f"{year}.yaml")
    if code == "unknown" or os.path.normpath(path) in taken:
        path = os.path.join(folder, code, f"{year}-{_safe(stem)}.yaml")
    number = 2
    base = path
    while os.path.normpath(path) in taken:
        path = base.removesuffix(".yaml") + f"-{number}.yaml"
        number += 1
    taken.add(os.path.normpath(path))
    return path


def _safe(stem: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem).strip("-") or "file"

"""Which files a run checks: those named, and the reports found under the directories named."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from galint.form import FORM_KEY

SUFFIXES = (".yaml", ".yml")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})
# A report declares the form at the top level; other YAML files (CI configs...) are skipped.
_FORM_LINE = re.compile(rb"^" + FORM_KEY.encode() + rb"[ \t]*:", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Candidate:
    path: str
    # Named on the command line: always checked, report or not.
    explicit: bool


def candidates(paths: list[str], named_are_reports: bool = True) -> Iterator[Candidate]:
    """Files to consider, in a stable order, each once.

    A file named in ``paths`` is checked whatever it holds, unless ``named_are_reports`` is
    false: then, as in directories, only files that declare the form key are.
    """
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            for found in _walk(path):
                if _same(found) not in seen:
                    seen.add(_same(found))
                    yield Candidate(found, explicit=False)
        elif _same(path) not in seen:
            seen.add(_same(path))
            yield Candidate(path, explicit=named_are_reports)


def _same(path: str) -> str:
    """One spelling per file: './a.yaml' and 'a.yaml' are one file (a symlink is another)."""
    return os.path.normpath(os.path.abspath(path))


def declares_form(raw: bytes) -> bool:
    return _FORM_LINE.search(raw.removeprefix(codecs.BOM_UTF8)) is not None


def _walk(top: str) -> Iterator[str]:
    root = os.path.realpath(top)
    found: list[str] = []
    for directory, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in files:
            if not name.endswith(SUFFIXES) or name.startswith("."):
                continue
            path = os.path.join(directory, name)
            if os.path.islink(path) and not _inside(os.path.realpath(path), root):
                continue
            found.append(os.path.normpath(path))
    yield from sorted(found)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)

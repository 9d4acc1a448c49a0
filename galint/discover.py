"""Which files a run checks: those named, and the reports found under the directories named."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from galint.form import FORM_KEY

SUFFIXES = (".yaml", ".yml")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})
# A report declares the form at the top level; other YAML files (CI configs...) are skipped.
_FORM_LINE = re.compile(rb"^" + FORM_KEY.encode() + rb"[ \t]*:", re.MULTILINE)


class Candidate(NamedTuple):
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
                if (same := _same(found)) not in seen:
                    seen.add(same)
                    yield Candidate(found, explicit=False)
        elif (same := _same(path)) not in seen:
            seen.add(same)
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


# Enough of a file to find its form and country in the usual layout.
_SNIFF_BYTES = 4096
_FORM = re.compile(rb"^form[ \t]*:[ \t]*['\"]?([\w./-]+)", re.MULTILINE)
_COUNTRY = re.compile(rb"^country[ \t]*:", re.MULTILINE)
_CODE = re.compile(rb"\bcode[ \t]*:[ \t]*['\"]?([A-Za-z]{2})\b")


def sniff(raw: bytes) -> tuple[str | None, str | None]:
    """The form and the country code a file seems to declare, from its first bytes."""
    head = raw[:_SNIFF_BYTES]
    found_form = _FORM.search(head)
    code = None
    country = _COUNTRY.search(head)
    if country is not None:
        # The rest of the line (a flow mapping) and the indented lines below it.
        block = [head[country.end() :].split(b"\n", 1)[0]]
        for line in head[country.end() :].split(b"\n")[1:6]:
            if not line[:1].isspace():
                break
            block.append(line)
        found_code = _CODE.search(b"\n".join(block))
        code = found_code.group(1).decode("ascii").upper() if found_code else None
    return (found_form.group(1).decode("ascii", "replace") if found_form else None, code)


def group(candidates: Iterable[Candidate]) -> list[list[Candidate]]:
    """The files by country, in the order countries are first met; files whose country cannot
    be seen are grouped by folder."""
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        try:
            with open(candidate.path, "rb") as stream:
                head = stream.read(_SNIFF_BYTES)
        except OSError:
            head = b""
        _, code = sniff(head)
        key = code or f"?{os.path.dirname(os.path.abspath(candidate.path))}"
        groups.setdefault(key, []).append(candidate)
    return list(groups.values())

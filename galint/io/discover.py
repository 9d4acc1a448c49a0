"""Which files a run checks: those named, and the reports found under the directories named."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from galint.form.spec import FORM_KEY

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
    """The report-like files under ``top``, sorted. os.scandir() tells files, folders and
    symbolic links apart from the folder's listing, mostly without a system call per file
    (os.walk() plus os.path.islink() takes two); unreadable folders are passed over."""
    root = os.path.realpath(top)
    found: list[str] = []
    folders = [top]
    while folders:
        directory = folders.pop()
        # Paths are put together as os.path.normpath(os.path.join(directory, name)) would:
        # a name from a listing holds no separator and, not starting with ".", is no "..".
        prefix = os.path.normpath(directory)
        prefix = "" if prefix == os.curdir else os.path.join(prefix, "")
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith("."):
                        continue
                    try:
                        is_dir = entry.is_dir()
                    except OSError:
                        is_dir = False
                    if is_dir:
                        # A linked folder is not walked: it may lead anywhere.
                        if name not in SKIPPED_DIRS and not entry.is_symlink():
                            folders.append(entry.path)
                    elif name.endswith(SUFFIXES) and (
                        _inside(os.path.realpath(entry.path), root)
                        if entry.is_symlink()
                        else entry.is_file()  # not a pipe or a socket: reading would wait
                    ):
                        found.append(prefix + name)
        except OSError:
            continue
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
    return (found_form.group(1).decode("ascii", "replace") if found_form else None, _code(head))


def _code(head: bytes) -> str | None:
    country = _COUNTRY.search(head)
    if country is None:
        return None
    # The rest of the line (a flow mapping) and the indented lines below it.
    lines = head[country.end() :].split(b"\n", 6)
    block = [lines[0]]
    for line in lines[1:6]:
        if not line[:1].isspace():
            break
        block.append(line)
    found_code = _CODE.search(b"\n".join(block))
    return found_code.group(1).decode("ascii").upper() if found_code else None


def group(candidates: Iterable[Candidate]) -> list[list[Candidate]]:
    """The files by country, in the order countries are first met; files whose country cannot
    be seen are grouped by folder."""
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        # os.open() and os.read() rather than open(): no file object for one read.
        try:
            descriptor = os.open(candidate.path, os.O_RDONLY)
            try:
                head = os.read(descriptor, _SNIFF_BYTES)
            finally:
                os.close(descriptor)
        except OSError:
            head = b""
        code = _code(head)
        key = code or f"?{os.path.dirname(os.path.abspath(candidate.path))}"
        groups.setdefault(key, []).append(candidate)
    return list(groups.values())

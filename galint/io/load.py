"""Reading a file into a Document: its bytes checked for size and encoding, then parsed.

Every failure becomes a problem (a Diagnostic) at its place in the file, never an exception.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

import yaml

from galint.core.diagnostic import START, Diagnostic, Path, Span
from galint.io.builder import MAX_ALIAS_VALUES, MAX_DEPTH, Stop, build
from galint.io.document import Document, Spans, value_at
from galint.io.lines import Lines, byte_span, split_lines

__all__ = [
    "MAX_ALIAS_VALUES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "Document",
    "Loaded",
    "Path",
    "Spans",
    "load_bytes",
    "load_path",
    "parse",
    "split_lines",
    "value_at",
]

MAX_BYTES = 2 * 1024 * 1024


@dataclass(slots=True)
class Loaded:
    """What reading a file gave: its document (None when it could not be read) and its
    problems."""

    path: str
    document: Document | None
    problems: list[Diagnostic]


def load_path(
    path: str, max_bytes: int = MAX_BYTES, accept: Callable[[bytes], bool] | None = None
) -> Loaded | None:
    """Read and parse one file; every failure becomes a problem, never an exception.

    With ``accept``, a file whose bytes it turns down is not parsed and None is returned.
    """
    try:
        if os.path.isdir(path):
            return _refused(path, "unreadable", "is a directory, not a report file")
        with open(path, "rb") as stream:
            raw = _read_at_most(stream, max_bytes + 1)
    except FileNotFoundError:
        return _refused(path, "unreadable", "no such file")
    except PermissionError:
        return _refused(path, "unreadable", "permission denied")
    except OSError as error:
        return _refused(path, "unreadable", f"cannot be read ({error.strerror or error})")
    # A large YAML file found in a directory may well be something else than a report.
    if accept is not None and not accept(raw):
        return None
    if len(raw) > max_bytes:
        return _refused(
            path,
            "file-too-large",
            f"the file is larger than {max_bytes:,} bytes; a report is far smaller, "
            "so galint does not read it",
        )
    return load_bytes(raw, path)


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """The first ``limit`` bytes of a file, or all of it when it is shorter.

    A regular file is read at its size, and one byte more to see if it grew meanwhile: a read
    of ``limit`` bytes first makes a buffer of that size, which took 20 us a file (two
    thirds of reading a report). Other files (a pipe, /dev/zero) tell no size."""
    size = os.fstat(stream.fileno()).st_size
    if not 0 < size < limit:
        return stream.read(limit)
    raw = stream.read(size + 1)
    if len(raw) <= size:
        return raw
    return raw + stream.read(limit - len(raw))


def load_bytes(raw: bytes, path: str) -> Loaded:
    """Parse a file's bytes, which must be UTF-8 text (a byte order mark is skipped)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _refused(path, "not-utf8", "the file is UTF-16 text; save it as UTF-8")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    nul = raw.find(b"\x00")
    if nul >= 0:
        return _refused(
            path,
            "not-utf8",
            "the file is binary, not UTF-8 text (it holds a NUL byte)",
            byte_span(raw, nul),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return _refused(
            path,
            "not-utf8",
            f"the file is not UTF-8 text: byte 0x{raw[error.start]:02x} cannot be decoded "
            "(save the file as UTF-8)",
            byte_span(raw, error.start),
        )
    return parse(text, path)


def parse(text: str, path: str) -> Loaded:
    """Parse the text of the file at ``path``."""
    # A byte order mark written twice: libyaml would skip the second one but leave it out of
    # some positions.
    text = text.lstrip("\ufeff") if text.startswith("\ufeff") else text
    problems: list[Diagnostic] = []
    try:
        document = build(path, text, problems)
    except yaml.YAMLError as error:
        problems.append(_syntax_problem(error, text))
        return Loaded(path, None, problems)
    except Stop:
        return Loaded(path, None, problems)
    return Loaded(path, document, problems)


def _syntax_problem(error: yaml.YAMLError, text: str) -> Diagnostic:
    """The problem of the parser's error, where editors show it."""
    if isinstance(error, yaml.reader.ReaderError):
        # libyaml reads UTF-8, so the reader's position is a byte offset.
        raw = text.encode("utf-8")
        span = byte_span(raw, min(error.position, len(raw)))
        return Diagnostic(f"YAML syntax: {error.reason}", span=span, rule="yaml-syntax")
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None)
    # The mark's offset counts characters; its line does not count lines as editors do.
    span = Span.point(*Lines(text).position(min(mark.index, len(text)))) if mark else START
    if problem and "maximum nesting depth" in problem:
        return Diagnostic(
            f"the document nests deeper than {MAX_DEPTH} levels; a report needs fewer than ten",
            span=span,
            rule="yaml-limit",
        )
    context = getattr(error, "context", None)
    if problem:
        message = f"{problem} {context}" if context else problem
    else:
        message = str(error).splitlines()[0] if str(error) else "the YAML cannot be read"
    return Diagnostic(f"YAML syntax: {message}", span=span, rule="yaml-syntax")


def _refused(path: str, rule: str, message: str, span: Span = START) -> Loaded:
    return Loaded(path, None, [Diagnostic(message, span=span, rule=rule)])

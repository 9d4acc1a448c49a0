"""Reading a file into JSON-like data that remembers where every value and key stands.

The document is built from libyaml's event stream rather than PyYAML's composer: that keeps
memory and time bounded on hostile input (deep nesting makes libyaml's composer recurse and
its scanner slow down quadratically; aliases can expand a 400-byte file to a billion values),
and it lets galint see duplicate keys and tags, which PyYAML's loaders silently accept.

Plain scalars are resolved with the YAML 1.2 core schema, as editors' YAML language servers
do: ``NO`` (Norway) stays a string and ``2014-06-30`` stays the text the author wrote.
"""

from __future__ import annotations

import bisect
import codecs
import itertools
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import yaml

from galint.core.diagnostic import START, Diagnostic, Path, Span

# Deprecated name of Diagnostic, for rule plugins written against it.
Problem = Diagnostic

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_VALUES = 10_000

CORE = "tag:yaml.org,2002:"
SCALAR_TAGS = {CORE + name for name in ("str", "int", "float", "bool", "null")}
COLLECTION_TAGS = {CORE + "seq", CORE + "map"}

# The C loader is used only for its event parser; nothing is constructed from the events.
# PyYAML built without libyaml falls back to its pure-Python parser.
_EventParser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALAR = yaml.ScalarEvent


def value_at(data: object, path: Path) -> object:
    """The value at ``path`` in JSON-like ``data``, or None when there is none."""
    for part in path:
        try:
            data = data[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data


# Where a value or key was written, as the parser's marks of its start and end.
Marks = tuple[yaml.Mark, yaml.Mark]


class Spans(Mapping[Path, Span]):
    """Where each path was written. The parser's marks are kept and turned into a Span when
    asked for: a report has hundreds of values, and a run looks up the places of a few."""

    __slots__ = ("locate", "marks")

    def __init__(self, locate: Callable[[yaml.Mark, yaml.Mark], Span] | None = None) -> None:
        self.marks: dict[Path, Marks] = {}
        self.locate = locate

    def __getitem__(self, path: Path) -> Span:
        start, end = self.marks[path]
        assert self.locate is not None
        return self.locate(start, end)

    def __contains__(self, path: object) -> bool:
        return path in self.marks

    def __iter__(self) -> Iterator[Path]:
        return iter(self.marks)

    def __len__(self) -> int:
        return len(self.marks)


@dataclass(slots=True)
class Document:
    """A parsed report: its data, and where each value and each mapping key was written."""

    path: str
    data: object
    values: Spans = field(default_factory=Spans)
    keys: Spans = field(default_factory=Spans)
    # The source text of plain scalars read as numbers or booleans: an id written 2.10 is "2.10".
    sources: dict[Path, str] = field(default_factory=dict)
    # The source text, for positions inside a value (subspan).
    text: str = ""
    lines: list[str] | None = None

    def subspan(self, path: Path, start: int, end: int) -> Span:
        """Where characters ``start:end`` of the text value at ``path`` were written.

        Exact for a text written on one line, plain or quoted without escapes; otherwise the
        whole value, since folding and escapes move characters around.
        """
        whole = self.span(path)
        value = value_at(self.data, path)
        if not isinstance(value, str) or whole.line != whole.end_line or path not in self.values:
            return whole
        if self.lines is None:
            self.lines = split_lines(self.text)
        line = self.lines[whole.line - 1] if whole.line <= len(self.lines) else ""
        written = line[whole.column - 1 : whole.end_column - 1]
        offset = 1 if written[:1] in ("'", '"') and written[1:-1] == value else 0
        if not offset and written != value:
            return whole
        column = whole.column + offset
        return Span(whole.line, column + start, whole.line, column + end)

    def line(self, path: Path) -> int:
        """The line where ``path`` starts: ``span(path).line``, without making the span."""
        marks = self.values.marks.get(path)
        if marks is not None and self.values.locate is _mark_span:
            return marks[0].line + 1
        return self.span(path).line

    def span(self, path: Path, key: bool = False) -> Span:
        """Where ``path`` was written; the nearest enclosing value when it was not."""
        values, keys = self.values.marks, self.keys.marks
        marks = keys.get(path) if key else None
        while marks is None and path:
            marks = values.get(path)
            if marks is None:
                # A missing key is best shown at the mapping that should hold it.
                path = path[:-1]
                marks = keys.get(path)
        if marks is None:
            marks = values.get(())
            if marks is None:
                return START
        locate = self.values.locate
        assert locate is not None  # set by the loader, with the marks
        return locate(*marks)


@dataclass(slots=True)
class Loaded:
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
            _byte_span(raw, nul),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return _refused(
            path,
            "not-utf8",
            f"the file is not UTF-8 text: byte 0x{raw[error.start]:02x} cannot be decoded "
            "(save the file as UTF-8)",
            _byte_span(raw, error.start),
        )
    return parse(text, path)


def parse(text: str, path: str) -> Loaded:
    # A byte order mark written twice: libyaml would skip the second one but leave it out of
    # some positions.
    text = text.lstrip("\ufeff") if text.startswith("\ufeff") else text
    problems: list[Diagnostic] = []
    builder = _Builder(path, text, problems)
    try:
        parser = _EventParser(text)
        try:
            builder.run(parser)
        finally:
            parser.dispose()
    except yaml.YAMLError as error:
        problems.append(_syntax_problem(error, text))
        return Loaded(path, None, problems)
    except _Stop:
        return Loaded(path, None, problems)
    return Loaded(path, builder.document, problems)


class _Stop(Exception):
    """The document cannot be read any further; the problem is already recorded."""


class _Frame:
    """A mapping or list being read: what it holds so far, and the key waiting for a value."""

    __slots__ = (
        "anchor", "container", "is_map", "key", "key_marks", "key_path", "path", "size", "start"
    )  # fmt: skip

    def __init__(
        self,
        container: list[object] | dict[str, object],
        path: Path,
        start: yaml.Mark,
        anchor: str | None,
    ) -> None:
        self.container = container
        self.path = path
        self.start = start
        self.anchor = anchor
        self.size = 1
        self.is_map = isinstance(container, dict)
        self.key: str | None = None  # a mapping's key waiting for its value, its path, its marks
        self.key_path: Path | None = None
        self.key_marks: Marks | None = None


class _Builder:
    def __init__(self, path: str, text: str, problems: list[Diagnostic]) -> None:
        self.path = path
        self.problems = problems
        # libyaml's own lines and columns are editors' when it breaks lines where they do, and
        # the text ends with a line break (else libyaml may count one more at its end).
        quick = text.endswith(("\n", "\r")) and (text.isascii() or not _OTHER_BREAKS.search(text))
        self.span: Callable[[yaml.Mark, yaml.Mark], Span] = (
            _mark_span if quick else _Lines(text).span
        )
        self.document = Document(path, None, Spans(self.span), Spans(self.span), text=text)
        self.values, self.keys = self.document.values.marks, self.document.keys.marks
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[object, int]] = {}
        self.open_anchors: set[str] = set()
        self.anchor_sources: dict[str, str] = {}
        self.alias_values = 0
        self.documents = 0

    def run(self, parser: Any, quick: bool = True) -> None:
        """Build the document from the parser's events (``quick``: the usual ones without a
        call each; the tests build documents both ways)."""
        handlers: dict[type, Callable[[Any], None]] = {
            yaml.ScalarEvent: self.scalar,
            yaml.SequenceStartEvent: self.start,
            yaml.MappingStartEvent: self.start,
            yaml.SequenceEndEvent: self.end,
            yaml.MappingEndEvent: self.end,
            yaml.AliasEvent: self.alias,
        }
        get = parser.get_event
        stack, set_key, values, keys = self.stack, self.set_key, self.values, self.keys
        while (event := get()) is not None:  # None after the stream's end
            # Most events are text in a mapping or a list, with no tag or anchor: what
            # scalar(), set_key() and add() do with them, without the calls.
            if (
                type(event) is _SCALAR
                and stack
                and event.tag is None
                and not event.anchor
                and quick
            ):
                text = event.value
                frame = stack[-1]
                if frame.is_map and frame.key is None:
                    path = (*frame.path, text)
                    if path in keys and text in frame.container:  # type: ignore[operator]
                        set_key(text, (event.start_mark, event.end_mark))  # a duplicate
                    else:
                        frame.key, frame.key_path = text, path
                        frame.key_marks = (event.start_mark, event.end_mark)
                elif not event.implicit[0] or (text and text[0] not in _NOT_ONLY_TEXT):
                    frame.size += 1
                    container = frame.container
                    if frame.is_map:
                        path = frame.key_path  # type: ignore[assignment]
                        values[path] = (event.start_mark, event.end_mark)
                        keys[path] = frame.key_marks  # type: ignore[assignment]
                        container[frame.key] = text  # type: ignore[call-overload,index]
                        frame.key = frame.key_path = frame.key_marks = None
                    else:
                        values[(*frame.path, len(container))] = (event.start_mark, event.end_mark)
                        container.append(text)  # type: ignore[union-attr]
                else:
                    self.scalar(event)  # maybe a number, true, false or null
                continue
            handler = handlers.get(type(event))
            if handler is None:  # a subclass of an event type
                handler = next((h for t, h in handlers.items() if isinstance(event, t)), None)
            if handler is not None:
                handler(event)
            elif isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    self.problems.append(
                        Diagnostic(
                            "the file holds more than one YAML document; "
                            "a report is a single document (remove the second '---')",
                            span=self.span(event.start_mark, event.end_mark),
                            rule="yaml-syntax",
                        )
                    )
                    return

    def scalar(self, event: yaml.ScalarEvent) -> None:
        marks = (event.start_mark, event.end_mark)
        text = event.value
        tag = event.tag
        if tag is not None and tag != "!":
            value = self.resolve(event, self.span(*marks))
        elif not event.implicit[0] or (text and text[0] not in _NOT_ONLY_TEXT):
            value = text  # quoted, or plain words: most scalars of a report
        else:
            value = _resolve_plain(text)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
            if value is not None and not isinstance(value, str):
                self.anchor_sources[event.anchor] = text
        if self.expects_key():
            self.set_key(text, marks)
        else:
            if value is not None and not isinstance(value, str):
                self.document.sources[self.next_path()] = text
            self.add(value, marks, 1)

    def start(self, event: yaml.SequenceStartEvent | yaml.MappingStartEvent) -> None:
        if self.expects_key():
            self.problems.append(
                Diagnostic(
                    "a key must be plain text, not a list or a mapping",
                    span=self.span(event.start_mark, event.end_mark),
                    rule="yaml-syntax",
                )
            )
            raise _Stop
        if len(self.stack) >= MAX_DEPTH:
            self.problems.append(
                Diagnostic(
                    f"the document nests deeper than {MAX_DEPTH} levels; "
                    "a report needs fewer than ten",
                    span=self.span(event.start_mark, event.end_mark),
                    rule="yaml-limit",
                )
            )
            raise _Stop
        self.check_tag(event.tag, COLLECTION_TAGS, event)
        container: list[object] | dict[str, object]
        container = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        path = self.next_path()
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame(container, path, event.start_mark, event.anchor))

    def end(self, event: yaml.Event) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.container, frame.size)
        self.add(frame.container, (frame.start, event.end_mark), frame.size)

    def alias(self, event: yaml.AliasEvent) -> None:
        marks = (event.start_mark, event.end_mark)
        span = self.span(*marks)
        name = event.anchor
        if name in self.open_anchors:
            self.problems.append(
                Diagnostic(
                    f"the alias *{name} refers to the value that contains it; "
                    "such a value never ends",
                    span=span,
                    rule="yaml-limit",
                )
            )
            raise _Stop
        if name not in self.anchors:
            self.problems.append(
                Diagnostic(
                    f"the alias *{name} names no anchor &{name} before it",
                    span=span,
                    rule="yaml-syntax",
                )
            )
            raise _Stop
        value, size = self.anchors[name]
        self.alias_values += size
        source = self.anchor_sources.get(name)
        if self.alias_values > MAX_ALIAS_VALUES:
            self.problems.append(
                Diagnostic(
                    f"aliases expand to more than {MAX_ALIAS_VALUES:,} values; galint refuses "
                    "documents built to grow when read (a 'billion laughs')",
                    span=span,
                    rule="yaml-limit",
                )
            )
            raise _Stop
        if self.expects_key():
            if not isinstance(value, (str, int, float, bool)) and value is not None:
                self.problems.append(
                    Diagnostic(
                        "a key must be plain text, not a list or a mapping",
                        span=span,
                        rule="yaml-syntax",
                    )
                )
                raise _Stop
            self.set_key(_key_text(value), marks)
        else:
            if source is not None:
                self.document.sources[self.next_path()] = source
            self.add(value, marks, size)

    def expects_key(self) -> bool:
        if not self.stack:
            return False
        frame = self.stack[-1]
        return frame.is_map and frame.key is None

    def next_path(self) -> Path:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if not frame.is_map:
            return (*frame.path, len(frame.container))
        assert frame.key_path is not None
        return frame.key_path

    def set_key(self, key: str, marks: Marks) -> None:
        frame = self.stack[-1]
        assert isinstance(frame.container, dict)
        path = (*frame.path, key)
        if path in self.keys and key in frame.container:
            first, span = self.span(*self.keys[path]), self.span(*marks)
            self.problems.append(
                Diagnostic(
                    f"duplicate key '{key}': also at line {span.line}; only the last one is read",
                    span=first,
                    rule="duplicate-key",
                )
            )
            self.problems.append(
                Diagnostic(
                    f"duplicate key '{key}': first at line {first.line}; this one replaces it",
                    span=span,
                    rule="duplicate-key",
                )
            )
            # Positions below the first occurrence no longer describe the data.
            for known in [p for p in self.values if p[: len(path)] == path]:
                del self.values[known]
                self.keys.pop(known, None)
        frame.key = key
        frame.key_path = path
        frame.key_marks = marks

    def add(self, value: object, marks: Marks, size: int) -> None:
        if not self.stack:
            self.values[()] = marks
            if self.documents <= 1:
                self.document.data = value
            return
        frame = self.stack[-1]
        frame.size += size
        container = frame.container
        if isinstance(container, list):
            self.values[(*frame.path, len(container))] = marks
            container.append(value)
        else:
            path, key = frame.key_path, frame.key
            assert path is not None and key is not None and frame.key_marks is not None
            self.values[path] = marks
            self.keys[path] = frame.key_marks
            container[key] = value
            frame.key = frame.key_path = frame.key_marks = None

    def resolve(self, event: yaml.ScalarEvent, span: Span) -> object:
        tag = event.tag
        plain = event.implicit[0]
        if tag in (None, "!"):
            return _resolve_plain(event.value) if plain else event.value
        self.check_tag(tag, SCALAR_TAGS, event)
        if tag == CORE + "str" or tag not in SCALAR_TAGS:
            return event.value
        value = _resolve_plain(event.value)
        wanted = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}
        kind = wanted[tag[len(CORE) :]]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.problems.append(
                Diagnostic(
                    f"'{event.value}' is not a valid {_short_tag(tag)} value",
                    span=span,
                    rule="unsupported-tag",
                )
            )
            return event.value
        return value

    def check_tag(self, tag: str | None, allowed: set[str], event: yaml.Event) -> None:
        if tag in (None, "!") or tag in allowed:
            return
        self.problems.append(
            Diagnostic(
                f"the tag {_short_tag(tag)} is not allowed: a report holds only plain text, "
                "numbers, true/false, lists and mappings; the value is read as if untagged",
                span=self.span(event.start_mark, event.end_mark),
                rule="unsupported-tag",
            )
        )


_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")


# What a plain scalar that is not text can start with.
_NOT_ONLY_TEXT = frozenset("~nNtTfF+-.0123456789")
# The plain scalars that are null or a boolean.
_WORD_VALUES: dict[str, object] = {
    **dict.fromkeys(("~", "null", "Null", "NULL"), None),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}


def _resolve_plain(text: str) -> object:
    """A plain scalar's value under the YAML 1.2 core schema."""
    if not text:
        return None
    first = text[0]
    if first not in _NOT_ONLY_TEXT:
        return text  # most scalars of a report: words
    if first in "~nNtTfF":
        return _WORD_VALUES.get(text, text)
    if _INT.match(text):
        # Python refuses to convert more than 4,300 digits; such a "number" stays text.
        return int(text) if len(text) <= 4300 else text
    if _OCT.match(text):
        return int(text[2:], 8) if len(text) <= 4300 else text
    if _HEX.match(text):
        return int(text[2:], 16) if len(text) <= 3500 else text
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text[0] == "-" else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def _key_text(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _short_tag(tag: str | None) -> str:
    if tag and tag.startswith(CORE):
        return "!!" + tag[len(CORE) :]
    return tag or "!"


class _Lines:
    """Lines and columns from character offsets.

    libyaml also breaks lines at U+0085, U+2028 and U+2029 (YAML 1.1); editors and YAML 1.2
    break only at CR and LF, so positions are counted here from the marks' offsets.
    """

    def __init__(self, text: str) -> None:
        if "\r" in text:
            self.starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
        else:  # LF only, as most files: the same starts, counted without a regex
            lengths = map((1).__add__, map(len, text.split("\n")))  # each line and its LF
            self.starts = [0, *itertools.accumulate(lengths)]
            self.starts.pop()

    def span(self, start: yaml.Mark, end: yaml.Mark) -> Span:
        starts = self.starts
        first, last = start.index, end.index
        line = bisect.bisect_right(starts, first)
        end_line = line if line == len(starts) or last < starts[line] else None
        if end_line is None:
            end_line = bisect.bisect_right(starts, last, line)
        return Span(line, first - starts[line - 1] + 1, end_line, last - starts[end_line - 1] + 1)

    def position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Where libyaml breaks lines and editors do not.
_OTHER_BREAKS = re.compile("[\x85\u2028\u2029]")


def _mark_span(start: yaml.Mark, end: yaml.Mark) -> Span:
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as editors count them (CR, LF or CRLF; nothing else)."""
    return LINE_BREAK.split(text)


def _byte_span(raw: bytes, offset: int) -> Span:
    """Where byte ``offset`` stands, lines broken at CR, LF or CRLF as editors break them."""
    lines = split_lines(raw[:offset].decode("utf-8", "replace"))
    return Span.point(len(lines), len(lines[-1]) + 1)


def _syntax_problem(error: yaml.YAMLError, text: str) -> Diagnostic:
    if isinstance(error, yaml.reader.ReaderError):
        # libyaml reads UTF-8, so the reader's position is a byte offset.
        raw = text.encode("utf-8")
        span = _byte_span(raw, min(error.position, len(raw)))
        return Diagnostic(f"YAML syntax: {error.reason}", span=span, rule="yaml-syntax")
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None)
    # The mark's offset counts characters; its line does not count lines as editors do.
    span = Span.point(*_Lines(text).position(min(mark.index, len(text)))) if mark else START
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

"""Building a document from libyaml's event stream, with limits against hostile input.

The document is built from the parser's events rather than by PyYAML's composer: that keeps
memory and time bounded on hostile input (deep nesting makes libyaml's composer recurse and
its scanner slow down quadratically; aliases can expand a 400-byte file to a billion values),
and it lets galint see duplicate keys and tags, which PyYAML's loaders silently accept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

import yaml

from galint.core.diagnostic import Diagnostic, Path
from galint.io.document import Document, Marks, Spans
from galint.io.lines import locator
from galint.io.scalars import key_text, resolve_plain

MAX_DEPTH = 64
MAX_ALIAS_VALUES = 10_000

CORE = "tag:yaml.org,2002:"
SCALAR_TAGS = {CORE + name for name in ("str", "int", "float", "bool", "null")}
COLLECTION_TAGS = {CORE + "seq", CORE + "map"}

# The C loader is used only for its event parser; nothing is constructed from the events.
# PyYAML built without libyaml falls back to its pure-Python parser.
EventParser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def build(path: str, text: str, problems: list[Diagnostic]) -> Document:
    """The document written in ``text``; its problems are added to ``problems``.

    Raises yaml.YAMLError when the text is not YAML, and Stop when it cannot be read further.
    """
    builder = Builder(path, text, problems)
    parser = EventParser(text)
    try:
        builder.run(parser)
    finally:
        parser.dispose()
    return builder.document


class Stop(Exception):
    """The document cannot be read any further; the problem is already recorded."""


class Frame:
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


class Builder:
    """Builds a document from the parser's events, one handler for each kind of event."""

    def __init__(self, path: str, text: str, problems: list[Diagnostic]) -> None:
        self.problems = problems
        self.span = locator(text)
        self.document = Document(path, None, Spans(self.span), Spans(self.span), text=text)
        self.values, self.keys = self.document.values.marks, self.document.keys.marks
        self.stack: list[Frame] = []  # the mappings and lists being read, innermost last
        self.anchors: dict[str, tuple[object, int]] = {}  # each anchor's value and its size
        self.open_anchors: set[str] = set()  # anchors on the values being read
        self.anchor_sources: dict[str, str] = {}  # the text of anchored numbers and booleans
        self.alias_values = 0  # how many values the aliases have brought so far
        self.documents = 0
        self.finished = False

    def run(self, parser: Any) -> None:
        """Build the document from the parser's events, up to the end of the stream or the
        start of a second document."""
        handlers: dict[type, Callable[[Any], None]] = {
            yaml.ScalarEvent: self.scalar,
            yaml.SequenceStartEvent: self.start,
            yaml.MappingStartEvent: self.start,
            yaml.SequenceEndEvent: self.end,
            yaml.MappingEndEvent: self.end,
            yaml.AliasEvent: self.alias,
            yaml.DocumentStartEvent: self.document_start,
        }
        # get_event() gives None after the stream's end.
        while not self.finished and (event := parser.get_event()) is not None:
            handler = handlers.get(type(event))
            if handler is not None:  # None for the stream's start and end, a document's end
                handler(event)

    def document_start(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            self.problem(
                "the file holds more than one YAML document; "
                "a report is a single document (remove the second '---')",
                event,
                "yaml-syntax",
            )
            self.finished = True

    def scalar(self, event: yaml.ScalarEvent) -> None:
        marks = (event.start_mark, event.end_mark)
        text = event.value
        value = self.resolve(event)
        # A number or boolean keeps the text it was written as (an id written 2.10).
        source = None if value is None or isinstance(value, str) else text
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
            if source is not None:
                self.anchor_sources[event.anchor] = source
        if self.expects_key():
            self.set_key(text, marks)
            return
        if source is not None:
            self.document.sources[self.next_path()] = source
        self.add(value, marks, 1)

    def start(self, event: yaml.SequenceStartEvent | yaml.MappingStartEvent) -> None:
        if self.expects_key():
            self.stop("a key must be plain text, not a list or a mapping", event, "yaml-syntax")
        if len(self.stack) >= MAX_DEPTH:
            self.stop(
                f"the document nests deeper than {MAX_DEPTH} levels; a report needs fewer than ten",
                event,
                "yaml-limit",
            )
        self.check_tag(event.tag, COLLECTION_TAGS, event)
        container: list[object] | dict[str, object]
        container = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(Frame(container, self.next_path(), event.start_mark, event.anchor))

    def end(self, event: yaml.SequenceEndEvent | yaml.MappingEndEvent) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.container, frame.size)
        self.add(frame.container, (frame.start, event.end_mark), frame.size)

    def alias(self, event: yaml.AliasEvent) -> None:
        name = event.anchor
        if name in self.open_anchors:
            self.stop(
                f"the alias *{name} refers to the value that contains it; such a value never ends",
                event,
                "yaml-limit",
            )
        if name not in self.anchors:
            self.stop(f"the alias *{name} names no anchor &{name} before it", event, "yaml-syntax")
        value, size = self.anchors[name]
        self.alias_values += size
        if self.alias_values > MAX_ALIAS_VALUES:
            self.stop(
                f"aliases expand to more than {MAX_ALIAS_VALUES:,} values; galint refuses "
                "documents built to grow when read (a 'billion laughs')",
                event,
                "yaml-limit",
            )
        marks = (event.start_mark, event.end_mark)
        if self.expects_key():
            if isinstance(value, (list, dict)):
                self.stop("a key must be plain text, not a list or a mapping", event, "yaml-syntax")
            self.set_key(key_text(value), marks)
            return
        source = self.anchor_sources.get(name)
        if source is not None:
            self.document.sources[self.next_path()] = source
        self.add(value, marks, size)

    def expects_key(self) -> bool:
        """Whether the next value read is a key of the mapping being read."""
        if not self.stack:
            return False
        frame = self.stack[-1]
        return frame.is_map and frame.key is None

    def next_path(self) -> Path:
        """The path of the next value read."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if not frame.is_map:
            return (*frame.path, len(frame.container))
        assert frame.key_path is not None
        return frame.key_path

    def set_key(self, key: str, marks: Marks) -> None:
        """Take ``key`` as the key of the next value of the mapping being read."""
        frame = self.stack[-1]
        assert isinstance(frame.container, dict)
        path = (*frame.path, key)
        if path in self.keys and key in frame.container:
            self.duplicate(key, path, marks)
        frame.key = key
        frame.key_path = path
        frame.key_marks = marks

    def duplicate(self, key: str, path: Path, marks: Marks) -> None:
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

    def add(self, value: object, marks: Marks, size: int) -> None:
        """Put a value read (``size`` values with those it holds) where it belongs."""
        if not self.stack:
            self.values[()] = marks
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

    def resolve(self, event: yaml.ScalarEvent) -> object:
        """A scalar's value: by the core schema when plain, as written when quoted, as its tag
        says when it has one of the core schema."""
        tag, text = event.tag, event.value
        if tag is None or tag == "!":
            return resolve_plain(text) if event.implicit[0] else text
        self.check_tag(tag, SCALAR_TAGS, event)
        if tag == CORE + "str" or tag not in SCALAR_TAGS:
            return text
        value = resolve_plain(text)
        kind = _KINDS[tag]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.problem(
                f"'{text}' is not a valid {_short_tag(tag)} value", event, "unsupported-tag"
            )
            return text
        return value

    def check_tag(self, tag: str | None, allowed: set[str], event: yaml.Event) -> None:
        if tag is None or tag == "!" or tag in allowed:
            return
        self.problem(
            f"the tag {_short_tag(tag)} is not allowed: a report holds only plain text, "
            "numbers, true/false, lists and mappings; the value is read as if untagged",
            event,
            "unsupported-tag",
        )

    def problem(self, message: str, event: yaml.Event, rule: str) -> None:
        """Record a problem at ``event``."""
        span = self.span(event.start_mark, event.end_mark)
        self.problems.append(Diagnostic(message, span=span, rule=rule))

    def stop(self, message: str, event: yaml.Event, rule: str) -> NoReturn:
        """Record a problem at ``event`` and stop reading: the document cannot be read further."""
        self.problem(message, event, rule)
        raise Stop


# The values that a scalar with each tag of the core schema must have.
_KINDS: dict[str, type | tuple[type, ...]] = {
    CORE + "int": int,
    CORE + "float": (int, float),
    CORE + "bool": bool,
    CORE + "null": type(None),
}


def _short_tag(tag: str | None) -> str:
    if tag and tag.startswith(CORE):
        return "!!" + tag[len(CORE) :]
    return tag or "!"

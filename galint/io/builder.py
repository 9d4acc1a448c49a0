"""Building a document from libyaml's event stream, with limits against hostile input.

The document is built from the parser's events rather than by PyYAML's composer: that keeps
memory and time bounded on hostile input (deep nesting makes libyaml's composer recurse and
its scanner slow down quadratically; aliases can expand a 400-byte file to a billion values),
and it lets galint see duplicate keys and tags, which PyYAML's loaders silently accept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from galint.core.diagnostic import Diagnostic, Path, Span
from galint.io.document import Document, Marks, Spans
from galint.io.lines import locator
from galint.io.scalars import _NOT_ONLY_TEXT, key_text, resolve_plain

MAX_DEPTH = 64
MAX_ALIAS_VALUES = 10_000

CORE = "tag:yaml.org,2002:"
SCALAR_TAGS = {CORE + name for name in ("str", "int", "float", "bool", "null")}
COLLECTION_TAGS = {CORE + "seq", CORE + "map"}

# The C loader is used only for its event parser; nothing is constructed from the events.
# PyYAML built without libyaml falls back to its pure-Python parser.
EventParser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALAR = yaml.ScalarEvent


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
    def __init__(self, path: str, text: str, problems: list[Diagnostic]) -> None:
        self.path = path
        self.problems = problems
        self.span = locator(text)
        self.document = Document(path, None, Spans(self.span), Spans(self.span), text=text)
        self.values, self.keys = self.document.values.marks, self.document.keys.marks
        self.stack: list[Frame] = []
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
            value = resolve_plain(text)
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
            raise Stop
        if len(self.stack) >= MAX_DEPTH:
            self.problems.append(
                Diagnostic(
                    f"the document nests deeper than {MAX_DEPTH} levels; "
                    "a report needs fewer than ten",
                    span=self.span(event.start_mark, event.end_mark),
                    rule="yaml-limit",
                )
            )
            raise Stop
        self.check_tag(event.tag, COLLECTION_TAGS, event)
        container: list[object] | dict[str, object]
        container = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        path = self.next_path()
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(Frame(container, path, event.start_mark, event.anchor))

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
            raise Stop
        if name not in self.anchors:
            self.problems.append(
                Diagnostic(
                    f"the alias *{name} names no anchor &{name} before it",
                    span=span,
                    rule="yaml-syntax",
                )
            )
            raise Stop
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
            raise Stop
        if self.expects_key():
            if not isinstance(value, (str, int, float, bool)) and value is not None:
                self.problems.append(
                    Diagnostic(
                        "a key must be plain text, not a list or a mapping",
                        span=span,
                        rule="yaml-syntax",
                    )
                )
                raise Stop
            self.set_key(key_text(value), marks)
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
            return resolve_plain(event.value) if plain else event.value
        self.check_tag(tag, SCALAR_TAGS, event)
        if tag == CORE + "str" or tag not in SCALAR_TAGS:
            return event.value
        value = resolve_plain(event.value)
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


def _short_tag(tag: str | None) -> str:
    if tag and tag.startswith(CORE):
        return "!!" + tag[len(CORE) :]
    return tag or "!"

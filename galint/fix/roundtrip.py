"""The one ruamel.yaml round trip of a file: read, add the new keys to the items, dump.

ruamel.yaml keeps what a re-written file should keep: quoting, unicode, comments, the
indentation (measured from the file), and very long lines unfolded. Its output is only read
for the lines of the items that change (see ``galint.fix.edits``); whatever it would
reformat elsewhere never reaches the file.

ruamel.yaml is imported here, when a fix is computed, and nowhere else: ``galint check``
without fixes does not pay for it.
"""

from __future__ import annotations

import io
import sys
from collections import Counter
from typing import TYPE_CHECKING, Any

import yaml

from galint.fix.changes import Change, in_key_order, position
from galint.fix.layout import Refuse, walk
from galint.form.model import describe
from galint.io.load import Document, Path, value_at

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

_STR_TAG = "tag:yaml.org,2002:str"


def round_trip(document: Document, wanted: dict[Path, list[Change]], order: tuple[str, ...]) -> str:
    """The whole document, read and dumped by ruamel.yaml with the changes made."""
    yaml_rt = _ruamel(document)
    try:
        # Comments would keep a CR of a CRLF file, and ruamel.yaml writes LF: the line endings
        # of the fixed lines are the original's anyway (see galint.fix.edits).
        data = yaml_rt.load(document.text.replace("\r\n", "\n"))
    except Exception as error:
        raise Refuse(f"ruamel.yaml cannot read this file: {_first_line(error)}") from error
    for path, changes in wanted.items():
        parent = value_at(data, path[:-1])
        index = path[-1]
        if not isinstance(index, int) or not isinstance(parent, list) or index >= len(parent):
            raise Refuse(f"ruamel.yaml reads {describe(path)} differently from galint")
        _edit_node(parent, path, in_key_order(changes, order), order)
    stream = io.StringIO()
    try:
        yaml_rt.dump(data, stream)
    except Exception as error:
        raise Refuse(f"ruamel.yaml cannot write this file: {_first_line(error)}") from error
    return stream.getvalue()


def _ruamel(document: Document) -> YAML:
    from ruamel.yaml import YAML

    yaml_rt = YAML()  # round trip
    yaml_rt.preserve_quotes = True
    yaml_rt.allow_unicode = True
    yaml_rt.width = sys.maxsize  # never fold a long line
    mapping, sequence, offset = _indentation(document)
    yaml_rt.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml_rt


def _first_line(error: Exception) -> str:
    problem = getattr(error, "problem", None)  # a marked error's own words, e.g. the duplicate
    lines = (problem if isinstance(problem, str) else str(error)).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _indentation(document: Document) -> tuple[int, int, int]:
    """The file's most common mapping indent, sequence indent and dash offset.

    Measured from the spans: a block mapping starts at its first key and a block sequence at
    its first dash, so the distances to the parent key are the ones ruamel.yaml's
    ``indent(mapping=, sequence=, offset=)`` takes.
    """
    mappings = Counter[int]()
    sequences = Counter[tuple[int, int]]()
    for path, value in walk(document.data, ()):
        key = document.keys.get(path)
        span = document.values.get(path)
        if key is None or span is None or span.line == key.line or not value:
            continue  # not a block collection under a key
        if isinstance(value, dict):
            mappings[span.column - key.column] += 1
        elif isinstance(value, list):
            first = document.values.get((*path, 0))
            if first is not None and first.line == span.line and first.column > span.column:
                sequences[(first.column - key.column, span.column - key.column)] += 1
    mapping = mappings.most_common(1)[0][0] if mappings else 2
    sequence, offset = sequences.most_common(1)[0][0] if sequences else (2, 0)
    mapping = max(mapping, 1)
    offset = max(offset, 0)
    return mapping, max(sequence, offset + 2), offset


# --- the items ------------------------------------------------------------------------------


def _edit_node(
    parent: CommentedSeq, path: Path, changes: list[Change], order: tuple[str, ...]
) -> None:
    """Make the changes on ruamel.yaml's node of the item, moving comments with the lines.

    ruamel.yaml hangs a comment on the value before it: the comment at the end of an item's
    line, and the comment lines below it, belong to its last value. A key added after that
    value must take the comment lines along, or they would end up inside the item.
    """
    from ruamel.yaml.comments import CommentedMap

    index = path[-1]
    assert isinstance(index, int)
    node = parent[index]
    if isinstance(node, CommentedMap):
        for change in changes:
            keys = list(node)
            at = position(keys, change.key, order)
            node.insert(at, change.key, _ruamel_value(change))
            if at > 0:
                _move_comment_lines(node, keys[at - 1], change.key)
        return
    if not isinstance(node, str):
        raise Refuse(f"ruamel.yaml reads {describe(path)} differently from galint")
    _make_mapping(parent, index, node, changes, order)


def _make_mapping(
    parent: CommentedSeq, index: int, node: str, changes: list[Change], order: tuple[str, ...]
) -> None:
    """Replace the plain-text item ``node`` by a mapping with ``text`` and the new keys; its
    comments go along: the one at the end of its line stays there, the lines below it follow
    the last key."""
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap()
    mapping["text"] = node  # the same object: a quoted scalar stays quoted the same way
    for change in changes:
        keys = list(mapping)
        mapping.insert(position(keys, change.key, order), change.key, _ruamel_value(change))
    parent[index] = mapping
    entry = parent.ca.items.pop(index, None)
    if not entry:
        return
    if any(part is not None for part in entry[1:]):
        parent.ca.items[index] = [None, *entry[1:]]
    token = entry[0]
    if token is None:
        return
    eol, lines = _split_comment(token.value, _is_block(node))
    # The end-of-line comment keeps its distance from the text, which moved right by "text: ".
    column = _column(token) + len("text: ")
    last = list(mapping)[-1]
    if eol:
        mapping.ca.items["text"] = [None, None, _token(eol, column), None]
    if lines:
        if last == "text":
            mapping.ca.items["text"] = [None, None, _token((eol or "\n") + lines, column), None]
        else:
            mapping.ca.items[last] = [None, None, _token("\n" + lines, 0), None]


def _move_comment_lines(node: CommentedMap, before: object, key: str) -> None:
    """Give ``key`` the comment lines that followed the value of ``before``."""
    entry = node.ca.items.get(before)
    if not entry or len(entry) < 3 or entry[2] is None:
        return
    token = entry[2]
    eol, lines = _split_comment(token.value, _is_block(node[before]))
    if not lines:
        return
    if eol:
        token.value = eol
    else:
        entry[2] = None
        if all(part is None for part in entry):
            del node.ca.items[before]
    node.ca.items[key] = [None, None, _token("\n" + lines, 0), None]


def _split_comment(value: str, block: bool) -> tuple[str, str]:
    """A comment token's end-of-line comment (with its newline) and the lines after it.

    After a block scalar (``|``, ``>``), which ends with its own line break, every line of the
    token is a line after it.
    """
    if block:
        return "", value
    if value.startswith("\n"):
        return "", value[1:]
    eol, newline, lines = value.partition("\n")
    return eol + newline, lines


def _is_block(value: object) -> bool:
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    return isinstance(value, (FoldedScalarString, LiteralScalarString))


def _token(value: str, column: int) -> Any:
    """A comment for ruamel.yaml to write at ``column``, or on the lines below when ``value``
    starts with a newline."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    return CommentToken(value, CommentMark(column))


def _column(token: Any) -> int:
    column = getattr(getattr(token, "start_mark", None), "column", None)
    return column if isinstance(column, int) else 0


def _ruamel_value(change: Change) -> object:
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if change.key == "follows" and isinstance(change.value, tuple):
        if len(change.value) == 1:
            return DoubleQuotedScalarString(change.value[0])
        refs = CommentedSeq(DoubleQuotedScalarString(ref) for ref in change.value)
        refs.fa.set_flow_style()  # follows: ["1.1", "1.2"], as ids are written elsewhere
        return refs
    value = str(change.value)
    if change.key == "id" or _needs_quotes(value):
        return DoubleQuotedScalarString(value)
    return value


def _needs_quotes(value: str) -> bool:
    """Whether a YAML 1.2 or 1.1 reader would take the plain text for a number, date, etc."""
    from galint.io.scalars import resolve_plain

    if not isinstance(resolve_plain(value), str):
        return True
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False))
    return tag != _STR_TAG

"""``galint check --fix``: write what galint can tell about a report's items into the file.

Three fixes, planned from the typed model (``plan_fixes``) and written by ``apply``:

* ``add-ids`` (safe): a planned (2013) or follow-up (2014) item without an ``id`` gets its
  default id, quoted (``id: "2.10"``: other YAML tools would read an unquoted 2.10 as 2.1).
  A plain-text item becomes a mapping with ``text`` (the same scalar, same quoting) and ``id``.
* ``record-timeframe`` (safe): a planned or follow-up item without a ``timeframe`` field whose
  text names one gets ``timeframe:`` with the words as the text writes them ("III - IV Q 2013"),
  when those words, read as a field, mean what they mean in the text.
* ``add-follows`` (unsafe): the ``follows`` link that tracing found by comparing texts, given by
  the caller; only written with ``unsafe=True``, since a link found by text can be wrong.

Key order: new keys go where docs/format.md writes them, ``text, id, timeframe, follows,
status``, each after the last key of that order the item already has. ``text`` comes first
unless the file already writes ``id`` before ``text`` (as examples/arcadia does): it is the
order of the format's documentation, the item's words stay on the line of its dash, and adding
an id to a mapping item is then a one-line addition in a diff.

How the file is written: the document is read and dumped by ruamel.yaml (round trip: quoting
kept, very long lines not wrapped, unicode kept, indentation detected from the file), but only
the lines of the items that are fixed are taken from its output; every other line is the
original line, byte for byte. So whatever ruamel.yaml would reformat elsewhere (a folded plain
scalar, spacing before a comment, a ``---``), the diff holds the fixed items and nothing else.
The result is then parsed again and checked: same data apart from the added keys, same
comments, same problems. If any check fails the file is left unchanged, with a reason.

Items of a flow-style list (``planned: [a (2014), b]``) are skipped, with a reason: fixing them
would mean rewriting the whole list in another style, which is the author's call.

ruamel.yaml is imported only when a file is fixed: ``galint check`` without ``--fix`` does not
pay for it.
"""

from __future__ import annotations

import copy
import difflib
import io
import math
import re
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from galint.analysis.timeframe import Timeframe, extract
from galint.analysis.timeframe import parse as parse_timeframe
from galint.form.model import Item, Report, describe
from galint.io.atomic import write_atomic
from galint.io.load import Document, Path, Problem, parse, value_at

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

__all__ = [
    "ADD_FOLLOWS",
    "ADD_IDS",
    "RECORD_TIMEFRAME",
    "Fix",
    "FixResult",
    "apply",
    "plan_fixes",
    "unified_diff",
    "write_atomic",
]

ADD_IDS = "add-ids"
RECORD_TIMEFRAME = "record-timeframe"
ADD_FOLLOWS = "add-follows"

_KEY_OF = {ADD_IDS: "id", RECORD_TIMEFRAME: "timeframe", ADD_FOLLOWS: "follows"}
_TEXT_FIRST = ("text", "id", "timeframe", "follows", "status")
_ID_FIRST = ("id", "text", "timeframe", "follows", "status")

# The line breaks libyaml counts, so that line numbers of spans index these lines.
_BREAK = re.compile(r"\r\n|[\r\n]")
_BOM = "\ufeff"
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class Fix:
    """One change to one item: which fix (``rule``), where (its model ``path``), and what.

    ``key`` and ``value`` are what is written: ``id`` "2.4", ``timeframe`` "Q4 2014",
    ``follows`` a tuple of ids.
    """

    rule: str
    path: Path
    description: str
    safe: bool
    key: str = ""
    value: str | tuple[str, ...] = ""


@dataclass
class FixResult:
    """What ``apply`` did: the new text, the fixes in it, and what it left out and why.

    ``skipped_reason`` is set when the file was left unchanged although fixes were planned;
    ``skipped`` lists single fixes left out of an otherwise fixed file.
    """

    text: str
    fixes: list[Fix]
    skipped_reason: str | None = None
    skipped: list[tuple[Fix, str]] = field(default_factory=list)


class _Refuse(Exception):
    """The fixes cannot be written faithfully; the message says why."""


# --- planning -------------------------------------------------------------------------------


def plan_fixes(
    report: Report, unsafe: bool = False, links: Mapping[tuple, list[str]] | None = None
) -> list[Fix]:
    """The fixes for ``report``, in document order: what ``apply`` would write."""
    fixes: list[Fix] = []
    data = report.document.data
    for section in report.sections():
        for item in section.items:
            raw = value_at(data, item.path)
            # A key written with an empty value is the author's; the schema rules report it.
            present = set(raw) if isinstance(raw, dict) else set()
            name = _name(item)
            if section.plans and "id" not in present and item.default_id:
                fixes.append(
                    Fix(
                        ADD_IDS,
                        item.path,
                        f'{name}: write id: "{item.default_id}"',
                        True,
                        "id",
                        item.default_id,
                    )
                )
            if section.plans and "timeframe" not in present:
                found = extract(item.text)
                # Only words that mean the same as a field: a field that read otherwise would
                # turn a clean item into a timeframe-mismatch or unparsed-timeframe finding.
                if found.kind != "none" and found.matched.strip() and _same_time(found):
                    fixes.append(
                        Fix(
                            RECORD_TIMEFRAME,
                            item.path,
                            f'{name}: write timeframe: "{found.matched}", as its text says',
                            True,
                            "timeframe",
                            found.matched,
                        )
                    )
            if unsafe and links is not None and "follows" not in present:
                refs = _refs(links.get(item.path))
                if refs:
                    shown = ", ".join(f'"{ref}"' for ref in refs)
                    fixes.append(
                        Fix(
                            ADD_FOLLOWS,
                            item.path,
                            f"{name}: write follows: {shown}, found by comparing texts",
                            False,
                            "follows",
                            refs,
                        )
                    )
    return fixes


def _same_time(found: Timeframe) -> bool:
    field = parse_timeframe(found.matched)
    return (field.kind, field.start, field.end) == (found.kind, found.start, found.end)


def _name(item: Item) -> str:
    return f"plan {item.ref}" if item.ref else describe(item.path)


def _refs(refs: object) -> tuple[str, ...]:
    """The ids to write, once each, in the caller's order; anything but text is dropped."""
    if not isinstance(refs, (list, tuple)):
        return ()
    return tuple(dict.fromkeys(ref for ref in refs if isinstance(ref, str) and ref.strip()))


# --- applying -------------------------------------------------------------------------------


def apply(
    text: str,
    report: Report,
    unsafe: bool = False,
    links: Mapping[tuple, list[str]] | None = None,
) -> FixResult:
    """Write the planned fixes into ``text``, the text ``report`` was read from.

    Never raises: when the fixes cannot be written faithfully, the text comes back unchanged,
    with no fixes and the reason.
    """
    fixes = plan_fixes(report, unsafe, links)
    if not fixes:
        return FixResult(text, [])
    try:
        return _apply(text, report, fixes)
    except _Refuse as refusal:
        return FixResult(text, [], str(refusal))
    except Exception as error:  # the contract is to never fail a run; say what happened
        reason = f"galint could not fix this file ({type(error).__name__}: {error})"
        return FixResult(text, [], reason)


def _apply(text: str, report: Report, fixes: list[Fix]) -> FixResult:
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    before = parse(body, report.path)
    document = before.document
    if document is None or (
        report.document.text != body and not _same(document.data, report.document.data)
    ):
        raise _Refuse("the text is not the one the report was read from")
    lines = _split_lines(body)

    skipped: list[tuple[Fix, str]] = []
    wanted: dict[Path, list[Fix]] = {}
    for fix in fixes:
        reason = _unfixable(document, lines, fix.path)
        if reason:
            skipped.append((fix, reason))
        else:
            wanted.setdefault(fix.path, []).append(fix)
    if not wanted:
        return FixResult(text, [], None, skipped)

    order = _ID_FIRST if _id_first(report) else _TEXT_FIRST
    dumped = _round_trip(body, document, wanted, order)
    after = parse(dumped, report.path)
    if after.document is None:
        raise _Refuse("ruamel.yaml wrote YAML that galint cannot read back")

    expected = copy.deepcopy(document.data)
    for path, item_fixes in wanted.items():
        _edit_plain(expected, path, item_fixes, order)

    new_lines = _splice(lines, document, after.document, wanted, expected)
    new_body = "".join(new_lines)
    _verify(before.problems, document, lines, new_body, new_lines, expected, report.path)
    applied = [fix for fix in fixes if fix.path in wanted]
    return FixResult(bom + new_body, applied, None, skipped)


def _split_lines(text: str) -> list[str]:
    """Lines with their endings, broken where libyaml breaks them."""
    lines: list[str] = []
    start = 0
    for match in _BREAK.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def _ending(line: str) -> str:
    match = _BREAK.search(line)
    return match.group() if match else ""


def _without_ending(line: str) -> str:
    return line[: len(line) - len(_ending(line))]


def _unfixable(document: Document, lines: list[str], path: Path) -> str | None:
    """Why the item at ``path`` is left alone, if it is."""
    span = document.values.get(path)
    if span is None or span.line > len(lines):
        return f"{describe(path)} is written through an alias (*name); galint leaves it alone"
    if _is_flow(document, lines, path[:-1]):
        return (
            f"{describe(path[:-1])} is a flow-style list ([...]); "
            "write it as a block list ('- ' items) to let galint fix its items"
        )
    if lines[span.line - 1][span.column - 1 : span.column] in ("&", "*", "!"):
        # A change to an anchored item would change its aliases too, or break them.
        return f"{describe(path)} carries an anchor, an alias or a tag; galint leaves it alone"
    return None


def _is_flow(document: Document, lines: list[str], path: Path) -> bool:
    """Whether the collection at ``path`` is written in flow style, ``[...]`` or ``{...}``."""
    span = document.values.get(path)
    if span is None or span.line > len(lines):
        return False
    return lines[span.line - 1][span.column - 1 : span.column] in ("[", "{")


def _id_first(report: Report) -> bool:
    """Whether the file's mapping items mostly write ``id`` before ``text``."""
    votes = Counter[bool]()
    for item in report.items():
        raw = value_at(report.document.data, item.path)
        if isinstance(raw, dict) and "id" in raw and "text" in raw:
            keys = list(raw)
            votes[keys.index("id") < keys.index("text")] += 1
    return votes[True] > votes[False]


def _position(keys: Sequence[object], key: str, order: tuple[str, ...]) -> int:
    """Where ``key`` goes: after the last key that ``order`` puts before it, else first."""
    before = set(order[: order.index(key)])
    position = 0
    for index, existing in enumerate(keys):
        if existing in before:
            position = index + 1
    return position


def _sorted(fixes: list[Fix], order: tuple[str, ...]) -> list[Fix]:
    return sorted(fixes, key=lambda fix: order.index(fix.key))


def _edit_plain(data: object, path: Path, fixes: list[Fix], order: tuple[str, ...]) -> None:
    """The fixes applied to galint's own reading of the file: what the result must read as."""
    parent = value_at(data, path[:-1])
    assert isinstance(parent, list)
    item = parent[path[-1]]
    mapping: dict[str, object] = {"text": item} if isinstance(item, str) else dict(item)
    for fix in _sorted(fixes, order):
        keys = list(mapping)
        keys.insert(_position(keys, fix.key, order), fix.key)
        value = _plain_value(fix)
        mapping = {key: value if key == fix.key else mapping[key] for key in keys}
    parent[path[-1]] = mapping


def _plain_value(fix: Fix) -> str | list[str]:
    """The value as galint will read it back: one link is written as a text, several as a list."""
    if isinstance(fix.value, tuple):
        return fix.value[0] if len(fix.value) == 1 else list(fix.value)
    return fix.value


# --- ruamel.yaml ----------------------------------------------------------------------------


def _round_trip(
    body: str, document: Document, wanted: dict[Path, list[Fix]], order: tuple[str, ...]
) -> str:
    """The whole document, read and dumped by ruamel.yaml with the fixes made."""
    yaml_rt = _ruamel(document)
    try:
        # Comments would keep a CR of a CRLF file, and ruamel.yaml writes LF: the line endings
        # of the result are the original's anyway (see _splice).
        data = yaml_rt.load(body.replace("\r\n", "\n"))
    except Exception as error:
        raise _Refuse(f"ruamel.yaml cannot read this file: {_first_line(error)}") from error
    for path, fixes in wanted.items():
        parent = value_at(data, path[:-1])
        index = path[-1]
        if not isinstance(index, int) or not isinstance(parent, list) or index >= len(parent):
            raise _Refuse(f"ruamel.yaml reads {describe(path)} differently from galint")
        _edit_node(parent, path, _sorted(fixes, order), order)
    stream = io.StringIO()
    try:
        yaml_rt.dump(data, stream)
    except Exception as error:
        raise _Refuse(f"ruamel.yaml cannot write this file: {_first_line(error)}") from error
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
    for path, value in _walk(document.data, ()):
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


def _walk(value: object, path: Path) -> Iterator[tuple[Path, object]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*path, key), child
            yield from _walk(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield (*path, index), child
            yield from _walk(child, (*path, index))


def _edit_node(parent: CommentedSeq, path: Path, fixes: list[Fix], order: tuple[str, ...]) -> None:
    """Make the fixes on ruamel.yaml's node of the item, moving comments with the lines.

    ruamel.yaml hangs a comment on the value before it: the comment at the end of an item's
    line, and the comment lines below it, belong to its last value. A key added after that
    value must take the comment lines along, or they would end up inside the item.
    """
    from ruamel.yaml.comments import CommentedMap

    index = path[-1]
    assert isinstance(index, int)
    node = parent[index]
    if isinstance(node, CommentedMap):
        for fix in fixes:
            keys = list(node)
            position = _position(keys, fix.key, order)
            node.insert(position, fix.key, _ruamel_value(fix))
            if position > 0:
                _move_comment_lines(node, keys[position - 1], fix.key)
        return
    if not isinstance(node, str):
        raise _Refuse(f"ruamel.yaml reads {describe(path)} differently from galint")
    mapping = CommentedMap()
    mapping["text"] = node  # the same object: a quoted scalar stays quoted the same way
    for fix in fixes:
        keys = list(mapping)
        mapping.insert(_position(keys, fix.key, order), fix.key, _ruamel_value(fix))
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


def _ruamel_value(fix: Fix) -> object:
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if fix.key == "follows" and isinstance(fix.value, tuple):
        if len(fix.value) == 1:
            return DoubleQuotedScalarString(fix.value[0])
        refs = CommentedSeq(DoubleQuotedScalarString(ref) for ref in fix.value)
        refs.fa.set_flow_style()  # follows: ["1.1", "1.2"], as ids are written elsewhere
        return refs
    value = str(fix.value)
    if fix.key == "id" or _needs_quotes(value):
        return DoubleQuotedScalarString(value)
    return value


def _needs_quotes(value: str) -> bool:
    """Whether a YAML 1.2 or 1.1 reader would take the plain text for a number, date, etc."""
    from galint.io.load import _resolve_plain

    if not isinstance(_resolve_plain(value), str):
        return True
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False))
    return tag != _STR_TAG


# --- splicing and checking ------------------------------------------------------------------


def _splice(
    lines: list[str],
    before: Document,
    after: Document,
    wanted: dict[Path, list[Fix]],
    expected: object,
) -> list[str]:
    """The original lines, with the lines of each fixed item taken from ruamel.yaml's output."""
    dumped = _split_lines(after.text)
    newline = next((_ending(line) for line in lines if _ending(line)), "\n")
    result: list[str] = []
    done = 0  # original lines already copied
    for path in sorted(wanted, key=lambda p: before.values[p].line):
        first, last = _extent(before, lines, path)
        new_first, new_last = _extent(after, dumped, path)
        if first <= done:
            raise _Refuse(f"{describe(path)} shares its lines with another item")
        old_block = lines[first - 1 : last]
        new_block = _shift(
            dumped[new_first - 1 : new_last],
            lines[first - 1][: before.values[path].column - 1],
            after.values[path].column,
        )
        old_data = value_at(before.data, path)
        new_data = value_at(expected, path)
        if _comment_marks(old_block, old_data) != _comment_marks(new_block, new_data):
            raise _Refuse(f"the comments of {describe(path)} would move or be lost")
        item_newline = _ending(old_block[0]) or newline
        endings = [item_newline] * (len(new_block) - 1) + [_ending(old_block[-1])]
        result.extend(lines[done : first - 1])
        result.extend(
            _without_ending(line) + end for line, end in zip(new_block, endings, strict=True)
        )
        done = last
    result.extend(lines[done:])
    return result


def _extent(document: Document, lines: list[str], path: Path) -> tuple[int, int]:
    """The first and last line (1-based) written for the item at ``path``.

    A block collection's span runs to the next token, past the comments after it, so the last
    line is the last one of a scalar, a key or a flow collection inside the item.
    """
    start = document.values.get(path)
    if start is None:
        raise _Refuse(f"galint cannot find where {describe(path)} is written")
    item = value_at(document.data, path)
    last = start.line
    for sub, value in [(path, item), *(((*path, *s), v) for s, v in _walk(item, ()))]:
        span = document.values.get(sub)
        block = isinstance(value, (dict, list)) and not _is_flow(document, lines, sub)
        if span is not None and not block:
            last = max(last, _last_line(lines, span.end_line, span.end_column, start.line))
        key = document.keys.get(sub) if sub != path else None
        if key is not None:
            last = max(last, key.end_line)
    return start.line, last


def _last_line(lines: list[str], line: int, column: int, floor: int) -> int:
    """The last line holding a value that ends at ``line``:``column``.

    A block scalar (``|``, ``>``) ends where the next line's indentation does; its last line
    is the last non-blank one before.
    """
    if line > len(lines) or not lines[line - 1][: column - 1].strip():
        line -= 1
        while line > floor and not lines[line - 1].strip():
            line -= 1
    return max(line, floor)


def _shift(block: list[str], prefix: str, column: int) -> list[str]:
    """ruamel.yaml's lines of an item moved under the original's dash.

    The first line keeps the original's text before the item (its indentation and dash); the
    lines after it move by as many columns as the item did, so they stay aligned with it.
    """
    delta = len(prefix) - (column - 1)
    shifted = [prefix + block[0][column - 1 :]]
    for line in block[1:]:
        content = line.rstrip("\r\n")
        if delta >= 0:
            shifted.append(" " * delta + line if content else line)
            continue
        lead = len(content) - len(content.lstrip(" "))
        if lead >= -delta:
            shifted.append(line[-delta:])
        elif not content.strip():
            shifted.append(line[lead:])  # a blank line: any indentation will do
        else:
            raise _Refuse("ruamel.yaml indents an item less than the file does")
    return shifted


def _comment_marks(block: list[str], data: object) -> int:
    """How many '#' of ``block`` start comments: all of them but those inside values."""
    return "".join(block).count("#") - _hashes(data)


def _hashes(value: object) -> int:
    if isinstance(value, str):
        return value.count("#")
    if isinstance(value, dict):
        return sum(_hashes(key) + _hashes(child) for key, child in value.items())
    if isinstance(value, list):
        return sum(_hashes(child) for child in value)
    return 0


def _own_line_comments(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.lstrip().startswith("#")]


def _verify(
    problems: list[Problem],
    before: Document,
    lines: list[str],
    body: str,
    new_lines: list[str],
    expected: object,
    path: str,
) -> None:
    """Refuse unless the new text reads as the old one plus the fixes, comments and all."""
    loaded = parse(body, path)
    if loaded.document is None:
        raise _Refuse("the fixed file would not be valid YAML")
    if Counter(p.rule for p in loaded.problems) != Counter(p.rule for p in problems):
        raise _Refuse("the fixed file would read with other YAML problems")
    if not _same(loaded.document.data, expected):
        raise _Refuse("the fixed file would not read as the original with the fixes")
    if loaded.document.sources != before.sources:
        raise _Refuse("the fixed file would write numbers differently")
    if _own_line_comments(new_lines) != _own_line_comments(lines):
        raise _Refuse("the fixed file would not keep every comment in place")


def _same(a: object, b: object) -> bool:
    """Equal data, with keys in the same order; NaN equals NaN."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


def unified_diff(path: str, old: str, new: str) -> str:
    """The change as ``diff -u`` and git print it, with ``a/PATH`` and ``b/PATH`` headers."""
    if old == new:
        return ""
    out: list[str] = []
    for line in difflib.unified_diff(
        _diff_lines(old),
        _diff_lines(new),
        fromfile=f"a/{path.lstrip('/')}",
        tofile=f"b/{path.lstrip('/')}",
    ):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _diff_lines(text: str) -> list[str]:
    """Lines split at LF only, as git does: a CR stays part of its line."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines

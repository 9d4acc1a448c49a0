"""From changes to text edits: one ruamel.yaml round trip for all the changes of a report,
then, item by item, the edits that turn the original lines into ruamel.yaml's.

For an item, ruamel.yaml's lines are the original item made over (a plain text becomes a
mapping with ``text``; a line ruamel.yaml writes otherwise) with the new keys inserted. So the
edits of an item are of two kinds:

* its *base* edits: the original text, between the places where keys can go in, replaced by
  ruamel.yaml's where the two differ (``- Train officers`` becomes ``- text: Train
  officers``). Every change to the item needs them; each of its diagnostics carries them all,
  and applying identical edits once, as ruff does, makes them compose.
* one *insertion* per change: the new key's text, inserted at the end of the value of the
  key it follows (after its end-of-line comment, before any comment lines below), or before
  the item's first key. Insertions never overlap a base edit; two at the same place are
  written in the format's key order (``changes.FIX_RULES``).

Applying every edit of an item gives exactly ruamel.yaml's lines, which is checked; applying
those of some changes gives the item with only those keys added.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from galint.core.diagnostic import Diagnostic, Edit, Fix
from galint.fix.changes import Change, changed_item, key_order, planned, rank
from galint.fix.layout import (
    Refuse,
    Region,
    comment_marks,
    ending,
    extent,
    is_flow,
    last_line,
    newline_of,
    same,
    splice,
    split_lines,
    unfixable,
    without_ending,
)
from galint.form.model import Report, describe
from galint.io.load import Document, Path, parse, value_at

# The reports whose diagnostics were made last: the three fix rules ask for the same report
# one after the other, and share one round trip.
_CACHE: dict[int, tuple[Report, Report | None, list[Diagnostic]]] = {}
_CACHE_SIZE = 4


def diagnostics(report: Report, rule: str) -> list[Diagnostic]:
    """The diagnostics of the fix rule ``rule`` for ``report``, each with its fix.

    The fixes of all three rules are computed together, once per report.
    """
    cached = _CACHE.get(id(report))
    if cached is None or cached[0] is not report or cached[1] is not report.predecessor:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        cached = (report, report.predecessor, fix_diagnostics(report))
        _CACHE[id(report)] = cached
    return [diagnostic for diagnostic in cached[2] if diagnostic.rule == rule]


def fix_diagnostics(report: Report, changes: Sequence[Change] | None = None) -> list[Diagnostic]:
    """One diagnostic per change (by default, every change ``planned`` for the report), at
    the item's path, with its fix."""
    if changes is None:
        changes = planned(report)
    fixes = compute(report, changes)
    return [
        Diagnostic(change.description, change.path, rule=change.rule, fix=fixes[change])
        for change in changes
    ]


def compute(report: Report, changes: Sequence[Change]) -> dict[Change, Fix]:
    """The fix of each change, over the text ``report`` was read from.

    Never raises. A fix that cannot be computed has no edits, and its description says why:
    the item is one galint leaves alone (``layout.unfixable``), or making it would not be
    faithful to the file (for a reason of the whole file, every fix says so).
    """
    if not changes:
        return {}
    try:
        return _compute(report, changes)
    except Refuse as refusal:
        reason = str(refusal)
    except Exception as error:  # the contract is to never fail a run; say what happened
        reason = f"galint could not fix this file ({type(error).__name__}: {error})"
    return {change: _cannot(change, reason) for change in changes}


def _cannot(change: Change, reason: str) -> Fix:
    return Fix((), change.applicability, reason)


def _compute(report: Report, changes: Sequence[Change]) -> dict[Change, Fix]:
    from galint.fix.roundtrip import round_trip

    document = report.document
    lines = split_lines(document.text)
    fixes: dict[Change, Fix] = {}
    wanted: dict[Path, list[Change]] = {}
    for change in changes:
        reason = unfixable(document, lines, change.path)
        if reason:
            fixes[change] = _cannot(change, reason)
        else:
            wanted.setdefault(change.path, []).append(change)
    if not wanted:
        return fixes
    order = key_order(report)
    dumped = round_trip(document, wanted, order)
    after = parse(dumped, report.path).document
    if after is None:
        raise Refuse("ruamel.yaml wrote YAML that galint cannot read back")
    items = _Items(document, lines, after, split_lines(dumped), order)
    for path in sorted(wanted, key=lambda p: document.values[p].line):
        try:
            edits = items.edits(path, wanted[path])
        except Refuse as refusal:
            fixes.update((change, _cannot(change, str(refusal))) for change in wanted[path])
            continue
        for change in wanted[path]:
            fixes[change] = Fix(edits[change.key], change.applicability, change.description)
    return fixes


@dataclass
class _Items:
    """The original document and ruamel.yaml's, and the edits from one to the other."""

    before: Document
    lines: list[str]
    after: Document
    dumped: list[str]
    order: tuple[str, ...]
    done: int = 0  # the last line of the item before

    def edits(self, path: Path, changes: list[Change]) -> dict[str, tuple[Edit, ...]]:
        """The edits of each key added to the item at ``path``: the item's base edits, then
        the key's insertion."""
        first, last = extent(self.before, self.lines, path)
        if first <= self.done:
            raise Refuse(f"{describe(path)} shares its lines with another item")
        self.done = last
        column = self.before.values[path].column
        old = _Text(
            self.before, self.lines, path, Region(self.lines[first - 1 : last], first, column)
        )
        new = self._new_text(path, old.region)
        old_item = value_at(self.before.data, path)
        expected = changed_item(old_item, changes, self.order)
        if not same(value_at(self.after.data, path), expected):
            raise Refuse("the fixed file would not read as the original with the fixes")
        if comment_marks(old.region.lines, old_item) != comment_marks(new.region.lines, expected):
            raise Refuse(f"the comments of {describe(path)} would move or be lost")
        base, pieces = _split(old, new)
        edits = {key: [*base, (at, at, text)] for key, (at, text) in pieces.items()}
        in_order = [edits[change.key] for change in sorted(changes, key=lambda c: rank(c.rule))]
        if splice(old.region.text, [edit for each in in_order for edit in each]) != new.region.text:
            raise Refuse(f"galint cannot split the fix of {describe(path)} into its changes")
        span = old.region.span
        return {
            key: tuple(Edit(span(start, end), text) for start, end, text in each)
            for key, each in edits.items()
        }

    def _new_text(self, path: Path, old: Region) -> _Text:
        """ruamel.yaml's lines of the item, moved under the original's dash (see _shift),
        with the original's line breaks."""
        new_first, new_last = extent(self.after, self.dumped, path)
        column = self.after.values[path].column
        prefix = old.lines[0][: old.skip]
        block = _shift(self.dumped[new_first - 1 : new_last], prefix, column)
        item_newline = ending(old.lines[0]) or newline_of(self.lines)
        endings = [item_newline] * (len(block) - 1) + [ending(old.lines[-1])]
        block = [without_ending(line) + end for line, end in zip(block, endings, strict=True)]
        region = Region(block, new_first, len(prefix) + 1)
        return _Text(self.after, self.dumped, path, region, len(prefix) - (column - 1))


@dataclass
class _Text:
    """An item's text in a document: where its keys start and end, as offsets into
    ``region``; ``delta`` is how far the region's lines moved from the document's."""

    document: Document
    lines: list[str]
    path: Path
    region: Region
    delta: int = 0

    def keys(self) -> list[str]:
        """The item's keys; a plain-text item has one, ``text``: itself."""
        item = value_at(self.document.data, self.path)
        return [str(key) for key in item] if isinstance(item, dict) else ["text"]

    def start(self, key: str) -> int:
        """Where the key ``key`` starts."""
        span = self.document.keys.get((*self.path, key))
        if span is None:  # the plain text itself
            return 0
        return self.region.offset(span.line, span.column + self.delta)

    def end(self, key: str) -> int:
        """Where the key's value ends: in a block mapping, at the end of its last line (past
        the comment at the end of it); in a flow mapping, at the end of the value."""
        path = (*self.path, key)
        span = self.document.keys.get(path)
        if span is None:
            return self.region.line_end(self.region.first + len(self.region.lines) - 1)
        if is_flow(self.document, self.lines, self.path):
            end = self.document.values.get(path, span)
            return self.region.offset(end.end_line, end.end_column + self.delta)
        return self.region.line_end(last_line(self.document, self.lines, path, span.line))


Piece = tuple[int, int, str]  # replace offsets start..end (end excluded) of a text with this


def _split(old: _Text, new: _Text) -> tuple[list[Piece], dict[str, tuple[int, str]]]:
    """The base edits of an item, and where each new key is inserted, with what.

    ``anchors`` are the places of the original text where keys can go in: before the first
    key, and at the end of each. In ruamel.yaml's text, the new keys sit there; the text
    between them, less the new keys, is what the base edits write.
    """
    old_keys, new_keys = old.keys(), new.keys()
    if not old_keys:
        return _split_empty(old, new)
    anchors = [old.start(old_keys[0])] + [old.end(key) for key in old_keys]
    new_anchors = [new.start(old_keys[0])] + [new.end(key) for key in old_keys]
    before, after = list(new_anchors), list(new_anchors)  # around the insertions
    pieces: dict[str, tuple[int, str]] = {}
    seen = 0  # original keys seen
    for index, key in enumerate(new_keys):
        if key in old_keys:
            seen += 1
            continue
        if seen == 0:  # before the first key: up to the next key
            if index + 1 >= len(new_keys):
                raise Refuse(f"galint cannot split the fix of {describe(old.path)}")
            start, end = new.start(key), new.start(new_keys[index + 1])
            before[0] = min(before[0], start)
        else:  # after the key before, up to the end of this one
            start, end = new.end(new_keys[index - 1]), new.end(key)
            after[seen] = max(after[seen], end)
        pieces[key] = (anchors[seen], new.region.text[start:end])
    old_bounds = [0, *anchors, len(old.region.text)]
    new_starts, new_ends = [0, *after], [*before, len(new.region.text)]
    base: list[Piece] = []
    new_spans = zip(new_starts, new_ends, strict=True)
    segments = zip(itertools.pairwise(old_bounds), new_spans, strict=True)
    for (old_start, old_end), (new_start, new_end) in segments:
        if old_start > old_end or new_start > new_end:
            raise Refuse(f"galint cannot split the fix of {describe(old.path)}")
        text = new.region.text[new_start:new_end]
        if old.region.text[old_start:old_end] != text:
            base.append((old_start, old_end, text))
    return base, pieces


def _split_empty(old: _Text, new: _Text) -> tuple[list[Piece], dict[str, tuple[int, str]]]:
    """An empty mapping, ``{}``: its one new key goes in after the ``{``, or replaces it when
    ruamel.yaml writes the mapping in block style. (Two keys would not compose.)"""
    new_keys = new.keys()
    if len(new_keys) != 1:
        raise Refuse(f"galint cannot split the fix of {describe(old.path)}")
    old_text, new_text = old.region.text, new.region.text
    start, end = new.start(new_keys[0]), new.end(new_keys[0])
    at = 1 if new_text.startswith("{") else 0
    segments = [((0, at), new_text[:start]), ((at, len(old_text)), new_text[end:])]
    base = [(first, last, text) for (first, last), text in segments if old_text[first:last] != text]
    return base, {new_keys[0]: (at, new_text[start:end])}


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
            raise Refuse("ruamel.yaml indents an item less than the file does")
    return shifted

"""Applying the fixes of chosen diagnostics to a file's text, and checking the result."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from galint.core.diagnostic import Diagnostic
from galint.fix.changes import rank
from galint.fix.layout import (
    BOM,
    Refuse,
    comment_marks,
    extent,
    own_line_comments,
    same,
    splice,
    split_lines,
    unfixable,
)
from galint.form.model import Report, describe
from galint.io.load import Document, Path, parse, value_at


@dataclass
class FixResult:
    """What ``apply`` did: the new text, the diagnostics whose fixes it holds, and what it
    left out and why.

    ``skipped_reason`` is set when the file was left unchanged although fixes were given;
    ``skipped`` lists the diagnostics left out of an otherwise fixed file.
    """

    text: str
    applied: list[Diagnostic]
    skipped_reason: str | None = None
    skipped: list[tuple[Diagnostic, str]] = field(default_factory=list)


def apply(
    text: str,
    report: Report,
    diagnostics: Sequence[Diagnostic],
    problems: Sequence[Diagnostic] | None = None,
) -> FixResult:
    """Make the fixes of ``diagnostics`` in ``text``, the text ``report`` was read from.

    Diagnostics without a fix are passed over. ``problems`` are the loader's diagnostics of
    ``text``, when the caller has them: the result must read with the same ones, and without
    them the text is parsed again to know them.

    Never raises: when the fixes cannot be made faithfully, the text comes back unchanged,
    with nothing applied and the reason.
    """
    chosen = [diagnostic for diagnostic in diagnostics if diagnostic.fix is not None]
    if not chosen:
        return FixResult(text, [])
    try:
        return _apply(text, report, chosen, problems)
    except Refuse as refusal:
        return FixResult(text, [], str(refusal))
    except Exception as error:  # the contract is to never fail a run; say what happened
        reason = f"galint could not fix this file ({type(error).__name__}: {error})"
        return FixResult(text, [], reason)


def _apply(
    text: str,
    report: Report,
    chosen: list[Diagnostic],
    problems: Sequence[Diagnostic] | None,
) -> FixResult:
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom) :]
    document = report.document
    if body != document.text:
        raise Refuse("the text is not the one the report was read from")
    lines = split_lines(body)
    applied, skipped = _sort_out(document, lines, chosen)
    if not applied:
        return FixResult(text, [], None, skipped)
    starts = _line_starts(lines)
    edits = [
        (_offset(starts, *edit.span[:2]), _offset(starts, *edit.span[2:]), edit.content)
        # Insertions at one place are made in the order of the fix rules (the key order).
        for diagnostic in sorted(applied, key=lambda d: rank(d.rule))
        for edit in diagnostic.fix.edits  # type: ignore[union-attr]
    ]
    new_body = splice(body, edits)
    if problems is None:
        problems = parse(body, report.path).problems
    _verify(document, lines, problems, new_body, applied)
    return FixResult(bom + new_body, applied, None, skipped)


def _sort_out(
    document: Document, lines: list[str], chosen: list[Diagnostic]
) -> tuple[list[Diagnostic], list[tuple[Diagnostic, str]]]:
    """The diagnostics to apply, and those skipped with their reasons.

    A fix without edits is one galint could not compute: it is skipped when its item is one
    galint leaves alone by design; otherwise the file is refused with its reason.
    """
    applied: list[Diagnostic] = []
    skipped: list[tuple[Diagnostic, str]] = []
    for diagnostic in chosen:
        assert diagnostic.fix is not None
        reason = unfixable(document, lines, diagnostic.path)
        if reason:
            skipped.append((diagnostic, reason))
        elif not diagnostic.fix.edits:
            raise Refuse(diagnostic.fix.description)
        else:
            applied.append(diagnostic)
    return applied, skipped


def _line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def _offset(starts: list[int], line: int, column: int) -> int:
    """The offset of a 1-based position; line ``len(lines) + 1`` is the end of the text."""
    if not 1 <= line < len(starts) + (column == 1):
        raise Refuse(f"a fix is out of the file (line {line})")
    return min(starts[line - 1] + column - 1, starts[-1])


# --- checking -------------------------------------------------------------------------------


def _verify(
    before: Document,
    lines: list[str],
    problems: Sequence[Diagnostic],
    body: str,
    applied: list[Diagnostic],
) -> None:
    """Refuse unless the new text reads as the old one plus the fixes, comments and all."""
    loaded = parse(body, before.path)
    after = loaded.document
    if after is None:
        raise Refuse("the fixed file would not be valid YAML")
    if Counter(p.rule for p in loaded.problems) != Counter(p.rule for p in problems):
        raise Refuse("the fixed file would read with other YAML problems")
    fixed = {diagnostic.path for diagnostic in applied}
    if not same(after.data, _expected(before.data, after.data, fixed, applied)):
        raise Refuse("the fixed file would not read as the original with the fixes")
    if after.sources != before.sources:
        raise Refuse("the fixed file would write numbers differently")
    new_lines = split_lines(body)
    if own_line_comments(new_lines) != own_line_comments(lines):
        raise Refuse("the fixed file would not keep every comment in place")
    for path in fixed:
        old_first, old_last = extent(before, lines, path)
        new_first, new_last = extent(after, new_lines, path)
        old_marks = comment_marks(lines[old_first - 1 : old_last], value_at(before.data, path))
        new_marks = comment_marks(new_lines[new_first - 1 : new_last], value_at(after.data, path))
        if old_marks != new_marks:
            raise Refuse(f"the comments of {describe(path)} would move or be lost")


def _expected(old: object, new: object, fixed: set[Path], applied: list[Diagnostic]) -> object:
    """What the fixed file must read as: the original, each fixed item with the keys its
    fixes insert (read from the text they insert)."""
    added: dict[Path, dict[str, object]] = {}
    for diagnostic in applied:
        assert diagnostic.fix is not None
        keys = added.setdefault(diagnostic.path, {})
        for edit in diagnostic.fix.edits:
            if edit.span[:2] == edit.span[2:]:  # an insertion
                keys.update(_key_of(edit.content))
    expected = _copy_along(old, fixed)
    for path in fixed:
        parent = value_at(expected, path[:-1])
        item = _expected_item(value_at(old, path), added[path], value_at(new, path))
        parent[path[-1]] = item  # type: ignore[index]
    return expected


def _expected_item(item: object, added: dict[str, object], written: object) -> object:
    """The item (a plain text becomes a mapping with ``text``) with the ``added`` keys: in
    the order they are ``written`` if the item's own keys keep theirs."""
    mapping: dict[str, object] = dict(item) if isinstance(item, dict) else {"text": item}
    if set(added) & set(mapping):
        raise Refuse("a fix would write a key the item has")
    mapping.update(added)
    if isinstance(written, dict) and set(written) == set(mapping):
        own = [key for key in written if key not in added]
        if own == [key for key in mapping if key not in added]:
            return {key: mapping[key] for key in written}
    return mapping


def _key_of(content: str) -> dict[str, object]:
    """The key and value an insertion adds, read from its text alone."""
    loaded = parse(content.strip().strip(",").strip(), "")
    data = loaded.document.data if loaded.document is not None else None
    if loaded.problems or not isinstance(data, dict) or len(data) != 1:
        raise Refuse("a fix does not insert one key")
    return data


def _copy_along(data: object, paths: set[Path]) -> object:
    """A copy of ``data`` in which the collections that lead to ``paths`` are new."""
    prefixes = {path[:n] for path in paths for n in range(len(path))}

    def copy(value: object, at: Path) -> object:
        if at not in prefixes:
            return value
        if isinstance(value, dict):
            return {key: copy(child, (*at, key)) for key, child in value.items()}
        if isinstance(value, list):
            return [copy(child, (*at, n)) for n, child in enumerate(value)]
        return value

    return copy(data, ())

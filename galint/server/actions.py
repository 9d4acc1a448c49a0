"""Code actions: a quick fix for each fix on offer where the cursor is, a quick fix that
silences a finding with a ``# galint: ignore[rule] reason`` comment, and
``source.fixAll.galint``, the safe fixes of the file, as ``galint check --fix`` makes them.

Every edit is the difference between the text and the text the pipeline's fixing gives, so
what an editor applies is exactly what the command line would write.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from lsprotocol import types

from galint.core.diagnostic import Diagnostic
from galint.io.load import split_lines
from galint.pipeline.buffers import fix_text, load_text
from galint.pipeline.engine import FileResult
from galint.pipeline.suppress import directives
from galint.server.positions import Positions, overlaps

FIX_ALL = "source.fixAll.galint"
# A line with its break (CR, LF or CRLF), or the last line without one.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
PLACEHOLDER = "reason"
# The command that selects the placeholder reason once a suppression comment is written.
SELECT_REASON = "galint.selectReason"


class Reason(NamedTuple):
    """Where the placeholder reason of a new suppression comment stands, to select it."""

    line: int  # 0-based
    start: int  # in characters
    end: int


def text_edits(before: str, after: str, positions: Positions) -> list[types.TextEdit]:
    """One edit that turns ``before`` into ``after``: the lines that differ, whole."""
    if before == after:
        return []
    old, new = _LINE.findall(before), _LINE.findall(after)
    same = min(len(old), len(new))
    head = 0
    while head < same and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < same - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    start = sum(map(len, old[:head]))
    stop = len(before) - sum(map(len, old[len(old) - tail :]))
    replacement = "".join(new[head : len(new) - tail])
    return [
        types.TextEdit(
            types.Range(positions.at_offset(start), positions.at_offset(stop)), replacement
        )
    ]


def workspace_edit(
    uri: str, version: int | None, edits: list[types.TextEdit], versioned: bool
) -> types.WorkspaceEdit:
    if versioned:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        return types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=document, edits=list(edits))]
        )
    return types.WorkspaceEdit(changes={uri: list(edits)})


def quick_fixes(
    text: str,
    result: FileResult,
    offered: Sequence[Diagnostic],
    region: tuple[tuple[int, int], tuple[int, int]],
) -> list[tuple[Diagnostic, str, list[Diagnostic]]]:
    """Each fix on offer whose item overlaps ``region`` (galint's start and end), with the
    text it makes and the findings about the same item."""
    found = []
    for diagnostic in offered:
        if diagnostic.fix is None or diagnostic.span is None:
            continue
        if not overlaps(diagnostic.span, *region):
            continue
        done = fix_text(text, result, [diagnostic], unsafe=True)
        if not done.applied or done.text == text:
            continue
        about = [
            finding
            for finding in result.findings
            if diagnostic.path and finding.path[: len(diagnostic.path)] == diagnostic.path
        ]
        found.append((diagnostic, done.text, about))
    return found


def fix_title(diagnostic: Diagnostic) -> str:
    fix = diagnostic.fix
    title = (fix.description if fix and fix.description else diagnostic.message).strip()
    title = f"galint {diagnostic.code}: {title[:1].upper()}{title[1:]}"
    return title if fix is None or fix.safe else f"{title} (unsafe: review it)"


def fix_all(text: str, result: FileResult, offered: Sequence[Diagnostic]) -> str | None:
    """The text with every safe fix made, as ``galint check --fix`` makes them; None when
    there is nothing to fix."""
    done = fix_text(text, result, [*result.findings, *offered], unsafe=False)
    return done.text if done.applied and done.text != text else None


def suppression(text: str, line: int, rule: str) -> tuple[str, Reason] | None:
    """``text`` with a comment that silences ``rule`` on galint's ``line``, and where its
    placeholder reason stands; None when no comment can be put there without changing what
    the report says.

    The comment goes on a line of its own before the finding's line, at its indentation, or
    else at the end of that line."""
    lines = split_lines(text)
    if not 1 <= line <= len(lines):
        return None
    written = lines[line - 1]
    indent = written[: len(written) - len(written.lstrip(" "))]
    comment = f"# galint: ignore[{rule}] "
    own_line = f"{indent}{comment}{PLACEHOLDER}"
    trailing = f"{written.rstrip()}  {comment}{PLACEHOLDER}"
    break_ = _break_of(text)
    choices = (
        (line - 1, [*lines[: line - 1], own_line, *lines[line - 1 :]], line + 1, own_line),
        (line - 1, [*lines[: line - 1], trailing, *lines[line:]], line, trailing),
    )
    before = load_text("", text)
    for index, new_lines, target, written_line in choices:
        new_text = break_.join(new_lines)
        if _silences(new_text, target, rule) and _same_data(before, new_text):
            start = len(written_line) - len(PLACEHOLDER)
            return new_text, Reason(index, start, len(written_line))
    return None


def _break_of(text: str) -> str:
    for line_break in ("\r\n", "\n", "\r"):
        if line_break in text:
            return line_break
    return "\n"


def _silences(text: str, target: int, rule: str) -> bool:
    found, _ = directives(text)
    return any(d.target == target and rule in d.selectors for d in found)


def _same_data(before: object, new_text: str) -> bool:
    after = load_text("", new_text)
    old = getattr(before, "document", None)
    return (
        old is not None
        and after.document is not None
        and after.document.data == old.data
        and len(after.problems) == len(getattr(before, "problems", []))
    )

"""Checking a report as an editor holds it: its unsaved text rather than the file on disk.

The language server's entry to the pipeline. The text is loaded, paired and checked by the
engine with the rules, suppressions and configuration of ``galint check``, and fixed by the
fixes of ``galint check --fix``; only where other reports come from differs: ``read`` gives
a report named by a path (the editor's open buffers first, then the disk), and
``neighbours`` are the reports it may be paired with by country, as the other files of a run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from galint.core.diagnostic import Diagnostic
from galint.fix import FixResult, apply
from galint.form.model import Report, build
from galint.io.load import MAX_BYTES, Loaded, load_bytes
from galint.pipeline.engine import FileResult, Selection, check_loaded
from galint.pipeline.pairing import Read, pair
from galint.pipeline.run import fixable


def load_text(path: str, text: str, max_bytes: int = MAX_BYTES) -> Loaded:
    """The text of the file at ``path`` read as the file's bytes would be."""
    raw = text.encode("utf-8", "surrogatepass")  # a lone surrogate is reported, not raised
    if len(raw) > max_bytes:
        message = (
            f"the file is larger than {max_bytes:,} bytes; a report is far smaller, "
            "so galint does not read it"
        )
        return Loaded(path, None, [Diagnostic(message, rule="file-too-large")])
    return load_bytes(raw, path)


def check_text(
    path: str,
    text: str,
    selection: Selection,
    read: Read,
    neighbours: Sequence[Report] = (),
    require_previous: bool = False,
    max_bytes: int = MAX_BYTES,
) -> FileResult:
    """The findings of the report whose text is ``text``, paired with its predecessor; the
    result keeps the report model, to fix it with ``offered_fixes`` and ``fix_text``."""
    loaded = load_text(path, text, max_bytes)
    report = None
    if loaded.document is not None:
        report = build(loaded.document)
        pair(report, neighbours, read, require_previous)
    return check_loaded(loaded, selection, report)


def offered_fixes(result: FileResult, fixing: Selection) -> list[Diagnostic]:
    """The diagnostics of the fix-only rules that ``fixing`` (a selection made for
    ``--fix``) runs, for a checked report: its fixes on offer. Computing them is the costly
    part of fixing (a ruamel.yaml round trip), so it is done only when asked."""
    if result.report is None:
        return []
    only = replace(fixing, rules=tuple(rule for rule in fixing.rules if rule.fix_only))
    loaded = Loaded(result.path, result.report.document, [])
    return [*result.fixes, *check_loaded(loaded, only, result.report).fixes]


def fix_text(
    text: str, result: FileResult, chosen: Sequence[Diagnostic], unsafe: bool = True
) -> FixResult:
    """``text`` with the fixes of ``chosen`` made, as ``galint check --fix`` makes them (the
    safe ones only, unless ``unsafe``); unchanged, with the reason, when they cannot be."""
    if result.report is None:
        return FixResult(text, [], "the file does not parse")
    return apply(text, result.report, fixable(chosen, unsafe))

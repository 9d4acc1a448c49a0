"""The code actions offered where the editor asks: the quick fixes of ``actions`` as the
protocol's code actions, with their edits, the findings they fix, and the command that
leaves the cursor on a new suppression's reason."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lsprotocol import types

from galint.server import actions
from galint.server.lint import SOURCE, to_lsp
from galint.server.positions import Positions
from galint.server.session import Checked

if TYPE_CHECKING:
    from galint.server.server import GalintServer

# Suppressions cannot silence what is said of suppressions.
UNSILENCED = frozenset({"unused-suppression", "invalid-suppression"})


def wanted(only: Sequence[str] | None, kind: str) -> bool:
    """Whether the client asks for actions of ``kind`` (all, when it names none)."""
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)


def offer_actions(server: GalintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    checked = server.current(uri)
    if checked is None or checked.report is None or checked.result is None:
        return []
    positions = server.positions(checked.buffer.text)
    only = params.context.only
    found: list[types.CodeAction] = []
    if wanted(only, types.CodeActionKind.QuickFix):
        region = (positions.point(params.range.start), positions.point(params.range.end))
        found += _quick_fixes(server, checked, positions, region)
        found += _suppressions(server, checked, params.context.diagnostics)
    if wanted(only, actions.FIX_ALL):
        fixed = actions.fix_all(checked.buffer.text, checked.result, server.session.fixes(uri))
        if fixed is not None:
            found.append(
                types.CodeAction(
                    title="galint: apply every safe fix",
                    kind=actions.FIX_ALL,
                    edit=_edit(server, checked, positions, fixed),
                )
            )
    return found


def _edit(
    server: GalintServer, checked: Checked, positions: Positions, new_text: str
) -> types.WorkspaceEdit:
    buffer = checked.buffer
    edits = actions.text_edits(buffer.text, new_text, positions)
    versioned = server.can("workspace", "workspace_edit", "document_changes")
    return actions.workspace_edit(buffer.uri, buffer.version, edits, versioned)


def _quick_fixes(
    server: GalintServer,
    checked: Checked,
    positions: Positions,
    region: tuple[tuple[int, int], tuple[int, int]],
) -> list[types.CodeAction]:
    assert checked.result is not None
    offered = server.session.fixes(checked.buffer.uri)
    found = []
    for diagnostic, new_text, about in actions.quick_fixes(
        checked.buffer.text, checked.result, offered, region
    ):
        safe = diagnostic.fix is not None and diagnostic.fix.safe
        found.append(
            types.CodeAction(
                title=actions.fix_title(diagnostic),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[to_lsp(finding, positions, server.links) for finding in about] or None,
                edit=_edit(server, checked, positions, new_text),
                is_preferred=safe,
            )
        )
    return found


def _suppressions(
    server: GalintServer, checked: Checked, diagnostics: Sequence[types.Diagnostic]
) -> list[types.CodeAction]:
    text = checked.buffer.text
    found = []
    for diagnostic in diagnostics:
        rule = _rule_of(server, diagnostic)
        if rule is None or rule in UNSILENCED:
            continue
        made = actions.suppression(text, diagnostic.range.start.line + 1, rule)
        if made is None:
            continue
        new_text, reason = made
        action = types.CodeAction(
            title=f"galint: silence {diagnostic.code} [{rule}] here, with a reason",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=_edit(server, checked, server.positions(text), new_text),
        )
        if server.can("window", "show_document", "support"):
            after = server.positions(new_text)
            start = after.position(reason.line + 1, reason.start + 1)
            end = after.position(reason.line + 1, reason.end + 1)
            action.command = types.Command(
                title="Select the reason",
                command=actions.SELECT_REASON,
                arguments=[checked.buffer.uri, start.line, start.character, end.character],
            )
        found.append(action)
    return found


def _rule_of(server: GalintServer, diagnostic: types.Diagnostic) -> str | None:
    """The name of the rule of one of galint's diagnostics, as the client sends it back."""
    if diagnostic.source != SOURCE or diagnostic.code is None:
        return None
    data = diagnostic.data
    if isinstance(data, dict) and isinstance(data.get("rule"), str):
        return str(data["rule"])
    code = str(diagnostic.code)
    return next((r.slug for r in server.session.configs.rules() if r.code == code), None)

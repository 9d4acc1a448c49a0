"""Code actions, as an editor asks for them and applies them: each edit is applied to the
text and the result checked, as the editor would then send it back."""

from __future__ import annotations

from typing import Any

import pytest
from lsprotocol import types

pytestmark = pytest.mark.asyncio

FIRST_FOLLOW_UP = (
    "      - Montenegro will develop, protocol and standard procedures to identify victims."
)


def line_range(editor: Any, name: str, needle: str) -> types.Range:
    start = editor.at(name, needle)
    return types.Range(start, types.Position(start.line, start.character + len(needle)))


async def test_quick_fixes_of_an_item_write_its_id_and_its_follows_link(editor: Any) -> None:
    await editor.open("2014.yaml")
    found = await editor.code_actions(
        "2014.yaml", line_range(editor, "2014.yaml", "Montenegro will develop, protocol")
    )
    fixes = {a.title: a for a in found if a.kind == types.CodeActionKind.QuickFix}
    assert sorted(fixes) == [
        'galint A001: Plan 1.1.1: write id: "1.1.1"',
        'galint A003: Plan 1.1.1: write follows: "1.1", found by comparing texts '
        "(unsafe: review it)",
    ]
    add_id = fixes['galint A001: Plan 1.1.1: write id: "1.1.1"']
    assert add_id.kind == types.CodeActionKind.QuickFix
    assert add_id.is_preferred is True
    assert add_id.edit is not None
    text = editor.applied("2014.yaml", add_id.edit)
    assert text == editor.texts["2014.yaml"].replace(
        FIRST_FOLLOW_UP,
        "      - text: Montenegro will develop, protocol and standard procedures to identify "
        'victims.\n        id: "1.1.1"',
    )
    await editor.change("2014.yaml", text)
    # The item has its id now: the fix is no longer offered.
    found = await editor.code_actions(
        "2014.yaml", line_range(editor, "2014.yaml", "Montenegro will develop, protocol")
    )
    assert [a.title for a in found if "A001" in a.title] == []


async def test_the_unsafe_follows_fix_writes_the_link_that_tracing_found(editor: Any) -> None:
    await editor.open("2014.yaml")
    found = await editor.code_actions(
        "2014.yaml", line_range(editor, "2014.yaml", "Montenegro will develop, protocol")
    )
    link = next(a for a in found if a.title.startswith("galint A003"))
    assert link.is_preferred is False
    text = editor.applied("2014.yaml", link.edit)
    assert text == editor.texts["2014.yaml"].replace(
        FIRST_FOLLOW_UP,
        "      - text: Montenegro will develop, protocol and standard procedures to identify "
        'victims.\n        follows: "1.1"',
    )


async def test_a_quick_fix_records_the_timeframe_the_text_gives(editor: Any) -> None:
    await editor.open("2013.yaml")
    plan = "Montenegro will ensure that law enforcement authorities"
    found = await editor.code_actions("2013.yaml", line_range(editor, "2013.yaml", plan))
    record = next(a for a in found if a.title.startswith("galint A002"))
    assert record.title == ('galint A002: Plan 1.5: write timeframe: "2013-2014", as its text says')
    text = editor.applied("2013.yaml", record.edit)
    assert (
        "    - text: Montenegro will ensure that law enforcement authorities have access to the "
        "ICSE database (2013-2014).\n      timeframe: 2013-2014\n"
    ) in text


async def test_a_finding_is_silenced_by_a_comment_with_the_cursor_on_its_reason(
    editor: Any,
) -> None:
    found = await editor.open("2014.yaml")
    empty = next(d for d in found if d.code == "C003" and "goal-2: section A)" in d.message)
    actions = await editor.code_actions("2014.yaml", empty.range, [empty])
    silence = next(a for a in actions if a.title.startswith("galint: silence"))
    assert silence.title == "galint: silence C003 [empty-section] here, with a reason"
    assert list(silence.diagnostics or []) == [empty]
    text = editor.applied("2014.yaml", silence.edit)
    assert (
        "  goal-2:\n    # A)\n    # galint: ignore[empty-section] reason\n    implementation: /\n"
    ) in text
    # The command selects the placeholder reason, to be typed over.
    assert silence.command is not None
    await editor.client.workspace_execute_command_async(
        types.ExecuteCommandParams(silence.command.command, silence.command.arguments)
    )
    shown = editor.client.shown_documents[-1]
    assert shown.uri == editor.uri("2014.yaml")
    line = text.split("\n")[shown.selection.start.line]
    assert line[shown.selection.start.character : shown.selection.end.character] == "reason"
    after = await editor.change("2014.yaml", text)
    assert empty.message not in [d.message for d in after]
    assert "X002" not in [d.code for d in after]


async def test_fix_all_makes_the_safe_fixes_only(editor: Any) -> None:
    await editor.open("2014.yaml")
    everything = types.Range(types.Position(0, 0), types.Position(0, 0))
    found = await editor.code_actions("2014.yaml", everything, only=["source.fixAll"])
    assert [(a.title, a.kind) for a in found] == [
        ("galint: apply every safe fix", "source.fixAll.galint")
    ]
    text = editor.applied("2014.yaml", found[0].edit)
    assert 'id: "1.1.1"' in text and 'id: "4.2.7"' in text
    assert "follows:" not in text  # the links found by comparing texts are unsafe
    # What the command line writes with --fix.
    (editor.folder / "2014.yaml").write_text(editor.texts["2014.yaml"], encoding="utf-8")
    import subprocess
    import sys

    from galint.cli import main  # noqa: F401 (the same fixes, through the command line)

    subprocess.run(
        [sys.executable, "-m", "galint", "check", "--fix", "--exit-zero", "2014.yaml"],
        cwd=editor.folder,
        capture_output=True,
        check=True,
    )
    assert (editor.folder / "2014.yaml").read_text(encoding="utf-8") == text

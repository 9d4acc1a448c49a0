"""The configuration applies in the editor as on the command line, and a change to it
checks every open report again."""

from __future__ import annotations

from typing import Any

import pytest
from lsprotocol import types

pytestmark = pytest.mark.asyncio


def codes(diagnostics: Any) -> set[str]:
    return {str(d.code) for d in diagnostics}


async def changed_on_disk(editor: Any, name: str, text: str) -> None:
    """Write a file as another program would, and tell the server as an editor does."""
    path = editor.folder / name
    kind = types.FileChangeType.Changed if path.exists() else types.FileChangeType.Created
    path.write_text(text, encoding="utf-8")
    editor.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams([types.FileEvent(path.as_uri(), kind)])
    )


async def test_the_server_asks_to_be_told_of_changed_configurations(editor: Any) -> None:
    await editor.open("2014.yaml")
    registered = [r for params in editor.client.registrations for r in params.registrations]
    assert [r.method for r in registered] == ["workspace/didChangeWatchedFiles"]
    globs = [w["globPattern"] for w in registered[0].register_options["watchers"]]
    assert {"**/.galint.yaml", "**/.galint.yml", "**/pyproject.toml"} <= set(globs)


async def test_a_new_configuration_checks_every_open_report_again(editor: Any) -> None:
    found = await editor.open("2014.yaml")
    assert "T001" in codes(found)
    text = (editor.folder / "2013.yaml").read_text(encoding="utf-8")
    text = text.replace("  undertaken:\n", "  undertaken: /\n  earlier:\n", 1)
    assert "C003" in codes(await editor.open("2013.yaml", text))
    mark = editor.mark()
    await changed_on_disk(
        editor, ".galint.yaml", "ignore: [missing-timeframe]\nseverity:\n  empty-section: error\n"
    )
    again = await editor.until("2014.yaml", mark, lambda found: "T001" not in codes(found))
    empty = [d for d in again if d.code == "C003"]
    assert empty and all(d.severity == types.DiagnosticSeverity.Error for d in empty)
    error = types.DiagnosticSeverity.Error
    await editor.until(
        "2013.yaml", mark, lambda found: any(d.severity == error for d in found if d.code == "C003")
    )


async def test_tool_galint_in_pyproject_applies(editor: Any) -> None:
    (editor.folder / "pyproject.toml").write_text(
        '[project]\nname = "reports"\n\n[tool.galint]\nselect = ["C"]\n', encoding="utf-8"
    )
    found = await editor.open("2014.yaml")
    assert codes(found) == {"C003"}


async def test_a_configuration_that_cannot_be_used_is_said_and_the_defaults_apply(
    editor: Any,
) -> None:
    (editor.folder / ".galint.yaml").write_text("selct: [C]\n", encoding="utf-8")
    found = await editor.open("2014.yaml")
    assert {"C003", "T001", "F001"} <= codes(found)
    [message] = editor.client.messages
    assert message.type == types.MessageType.Error
    assert "unknown key 'selct' (did you mean 'select'?)" in message.message
    assert message.message.endswith("the defaults apply until it is corrected")

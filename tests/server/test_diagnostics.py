"""Diagnostics as an editor sees them, over stdio: on open, after edits, with the
predecessor from the disk or from an open buffer."""

from __future__ import annotations

from typing import Any

import pytest
from lsprotocol import types

pytestmark = pytest.mark.asyncio


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


async def test_open_report_gets_every_rule_with_code_severity_link_and_range(editor: Any) -> None:
    found = await editor.open("2014.yaml")
    empty = next(d for d in found if d.code == "C003")
    assert empty.message == (
        "policy-target-2 > goal-2: section A) implementation holds only the placeholder '/'"
    )
    assert empty.severity == types.DiagnosticSeverity.Warning
    assert empty.source == "galint"
    # `    implementation: /` on line 48: the value '/', columns 21-22 (1-based).
    assert empty.range == types.Range(types.Position(47, 20), types.Position(47, 21))
    assert empty.code_description is not None
    assert empty.code_description.href.endswith("docs/rules.md#c003-empty-section")
    # The follow-up rules found the predecessor on disk, through 'previous: 2013.yaml'.
    assert "F001" in codes(found)
    assert codes(found).count("T001") > 10


async def test_edits_are_checked_from_the_unsaved_text(editor: Any) -> None:
    await editor.open("2014.yaml")
    found = await editor.replace("2014.yaml", "implementation: /", "implementation: TBD")
    assert any("placeholder 'TBD'" in d.message for d in found)
    found = await editor.replace(
        "2014.yaml", "implementation: TBD", "implementation:\n      - Training was held."
    )
    assert not any(d.message.startswith("policy-target-2 > goal-2: section A)") for d in found)
    assert (editor.folder / "2014.yaml").read_text(encoding="utf-8").count("implementation: /")


async def test_a_report_that_does_not_parse_gets_its_syntax_error(editor: Any) -> None:
    await editor.open("2014.yaml")
    broken = editor.texts["2014.yaml"].replace("form: global-alliance/2014", "form: [oops", 1)
    found = await editor.change("2014.yaml", broken)
    assert codes(found) == ["Y001"]
    assert found[0].severity == types.DiagnosticSeverity.Error
    assert found[0].message.startswith("YAML syntax:")
    assert found[0].range.start.line > 0


async def test_the_predecessor_comes_from_its_open_buffer_before_the_disk(editor: Any) -> None:
    found = await editor.open("2014.yaml")
    unknown = "follows: '9.9'"
    text = editor.texts["2014.yaml"].replace(
        "      - Montenegro will develop, protocol and standard procedures to identify victims.",
        "      - text: Montenegro will develop, protocol and standard procedures to identify "
        f"victims.\n        {unknown}",
        1,
    )
    found = await editor.change("2014.yaml", text)
    assert "F003" in codes(found)  # plan 9.9 is in no 2013 report
    # The 2013 report, open and given plan 9.9 without saving it: the 2014 report is
    # checked again, against the buffer.
    await editor.open("2013.yaml")
    await editor.replace(
        "2013.yaml",
        "  planned:\n",
        "  planned:\n    - text: Adopt a strategy (2014).\n      id: '9.9'\n",
    )
    again = await editor.published_after("2014.yaml", editor.last)
    assert "F003" not in codes(list(again.diagnostics))
    # Closed without saving: the disk's 2013 report counts again.
    mark = editor.mark()
    editor.close("2013.yaml")
    again = await editor.published_after("2014.yaml", mark)
    assert "F003" in codes(list(again.diagnostics))


async def test_a_document_that_is_no_report_gets_nothing(editor: Any) -> None:
    assert await editor.open("notes.yaml", "title: minutes of the meeting\n") == []


async def test_saving_checks_again(editor: Any) -> None:
    found = await editor.open("2014.yaml")
    mark = editor.mark()
    editor.client.text_document_did_save(
        types.DidSaveTextDocumentParams(editor.document("2014.yaml"))
    )
    again = await editor.published_after("2014.yaml", mark)
    assert again.version == 1 and list(again.diagnostics) == found


async def test_a_predecessor_changed_on_disk_checks_the_open_report_again(editor: Any) -> None:
    await editor.open("2014.yaml")
    text = editor.texts["2014.yaml"].replace(
        "      - Montenegro will develop, protocol and standard procedures to identify victims.",
        "      - text: Montenegro will develop, protocol and standard procedures to identify "
        "victims.\n        follows: '9.9'",
        1,
    )
    assert "F003" in codes(await editor.change("2014.yaml", text))
    previous = editor.folder / "2013.yaml"
    previous.write_text(
        previous.read_text(encoding="utf-8").replace(
            "  planned:\n", "  planned:\n    - text: Adopt a strategy (2014).\n      id: '9.9'\n", 1
        ),
        encoding="utf-8",
    )
    mark = editor.mark()
    editor.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(previous.as_uri(), types.FileChangeType.Changed)]
        )
    )
    again = await editor.published_after("2014.yaml", mark)
    assert "F003" not in codes(list(again.diagnostics))

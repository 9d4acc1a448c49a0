"""Hover, go to definition and completion, as an editor asks for them over stdio."""

from __future__ import annotations

from typing import Any

import pytest
from lsprotocol import types

pytestmark = pytest.mark.asyncio

LINKED = (
    "      - text: Law enforcement authorities have access to the ICSE database through the "
    "NCB Interpol\n        follows: '1.5'"
)


async def linked(editor: Any) -> None:
    """The 2014 report open, with one implementation item linked to plan 1.5."""
    await editor.open("2014.yaml")
    await editor.replace(
        "2014.yaml",
        "      - Law enforcement authorities have access to the ICSE database through the NCB "
        "Interpol",
        LINKED,
    )


async def test_hover_on_a_key_gives_the_forms_wording(editor: Any) -> None:
    await editor.open("2014.yaml")
    said = await editor.hover("2014.yaml", "assessment:", 2)
    assert said == (
        "**assessment**: B) Assessment of progress: Please assess progress made in your "
        "country to pursue this shared policy target and to reach this operational goal of "
        "the Global Alliance. A list of items, or a single text."
    )


async def test_hover_on_a_plan_gives_its_timeframe_as_read(editor: Any) -> None:
    await editor.open("2013.yaml")
    said = await editor.hover("2013.yaml", "Establish a system for collecting data", 5)
    assert said is not None
    assert said.splitlines()[0] == (
        '**Timeframe**: "III - IV Q 2013" read as 2013-07-01 .. 2013-12-31 (from the text)'
    )


async def test_hover_on_a_plan_gives_its_status_in_the_next_report(editor: Any) -> None:
    # The 2014 report is not open: it is found beside the 2013 report, on disk.
    await editor.open("2013.yaml")
    said = await editor.hover("2013.yaml", "Cooperation and coordination between law", 3)
    assert said is not None
    assert said.splitlines()[2:] == [
        "**In 2014.yaml**: plan 1.2 is followed up (reported on in section A or B)",
        "- C 1.1 l.24 (0.98), policy-target-1 > goal-1 > follow-up > item 2: Cooperation and "
        "coordination between law enforcement authorities of different States on victim…",
        "- A 1.1 l.14 (0.77), policy-target-1 > goal-1 > implementation > item 2: There is "
        "existing cooperation and coordination between law enforcement authorities of "
        "different…",
        "- A 1.1 l.13 (0.62), policy-target-1 > goal-1 > implementation > item 1: Montenegro "
        "enhanced cooperation and coordination between law enforcement authorities on victim…",
    ]


async def test_hover_on_a_follows_id_gives_the_plans_text(editor: Any) -> None:
    await linked(editor)
    said = await editor.hover("2014.yaml", "'1.5'", 1)
    assert said == (
        "**Plan 1.5** of 2013.yaml (line 18):\n\nMontenegro will ensure that law enforcement "
        "authorities have access to the ICSE database (2013-2014)."
    )


async def test_definition_of_a_follows_id_is_the_plan(editor: Any) -> None:
    await linked(editor)
    found = await editor.definition("2014.yaml", "'1.5'", 2)
    assert isinstance(found, types.Location)
    assert found.uri == editor.uri("2013.yaml")
    assert found.range.start == types.Position(17, 6)


async def test_definition_of_previous_is_the_file(editor: Any) -> None:
    await editor.open("2014.yaml")
    found = await editor.definition("2014.yaml", "previous: 2013.yaml", 12)
    assert isinstance(found, types.Location)
    assert found.uri == editor.uri("2013.yaml")
    assert found.range.start == types.Position(0, 0)


async def test_completion_inside_follows_offers_the_plan_ids(editor: Any) -> None:
    await linked(editor)
    text = editor.texts["2014.yaml"].replace("follows: '1.5'", "follows: ", 1)
    await editor.change("2014.yaml", text)
    items = await editor.completion("2014.yaml", editor.at("2014.yaml", "follows: ", 9))
    labels = [item.label for item in items]
    assert labels[:5] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    assert len(labels) == 16  # every plan of the 2013 report
    plan = items[4]
    assert plan.detail == "Montenegro will ensure that law enforcement authorities have access…"
    assert plan.text_edit is not None
    assert plan.text_edit.new_text == '"1.5"'


async def test_completion_offers_the_keys_the_form_allows(editor: Any) -> None:
    await editor.open("2014.yaml")
    text = editor.texts["2014.yaml"].replace("  goal-1:\n", "  goal-1:\n    fo\n", 1)
    await editor.change("2014.yaml", text)
    items = await editor.completion("2014.yaml", editor.at("2014.yaml", "    fo\n", 6))
    # goal-1 of policy target 1 has its three sections already.
    assert [item.label for item in items] == []
    text = text.replace("    fo\n", "", 1).replace(
        "      - Montenegro will develop, protocol",
        "      - text: Montenegro will develop, protocol",
        1,
    )
    text = text.replace("to identify victims.\n", "to identify victims.\n        ti\n", 1)
    await editor.change("2014.yaml", text)
    items = await editor.completion("2014.yaml", editor.at("2014.yaml", "        ti\n", 10))
    assert [item.label for item in items] == ["id", "timeframe", "follows", "status"]
    assert items[1].text_edit is not None
    assert items[1].text_edit.new_text == "timeframe: "

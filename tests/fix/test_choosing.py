"""Choosing fixes: any set of the fix rules' diagnostics writes exactly its own keys, whether
it is every fix, only the safe ones, one rule's, or one diagnostic for an editor's quick fix."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from galint.core.diagnostic import SAFE, UNSAFE, Diagnostic, Edit, Fix
from galint.fix import apply, fix_diagnostics, planned, traced_links
from galint.form.model import Report, build
from galint.io.load import load_path, parse
from galint.pipeline.pairing import attach

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

HEAD = "form: global-alliance/2014\ncountry: {code: XA, name: Arcadia}\n"
FOLLOW_UP = (
    f"{HEAD}policy-target-1:\n  goal-1:\n    implementation:\n      - Access was extended.\n"
    "    assessment:\n      - Good.\n"
    "    follow-up:\n      - Go on (Q4 2014)  # soon\n      # next\n"
    "      - text: Train more judges (2015)\n        status: planned\n"
)
PLAIN = ("policy-target-1", "goal-1", "follow-up", 0)
MAPPING = ("policy-target-1", "goal-1", "follow-up", 1)
LINKS = {PLAIN: ["1.4"], MAPPING: ["1.1", "1.2"]}

# Each key alone, and all of them, on the plain-text item and on the mapping item.
PLAIN_WITH = {
    "id": '      - text: Go on (Q4 2014)  # soon\n        id: "1.1.1"\n',
    "timeframe": "      - text: Go on (Q4 2014)  # soon\n        timeframe: Q4 2014\n",
    "follows": '      - text: Go on (Q4 2014)  # soon\n        follows: "1.4"\n',
}
MAPPING_WITH = {
    "id": '      - text: Train more judges (2015)\n        id: "1.1.2"\n',
    "timeframe": '      - text: Train more judges (2015)\n        timeframe: "2015"\n',
    "follows": '      - text: Train more judges (2015)\n        follows: ["1.1", "1.2"]\n',
}
ALL = (
    f"{HEAD}policy-target-1:\n  goal-1:\n    implementation:\n      - Access was extended.\n"
    "    assessment:\n      - Good.\n"
    "    follow-up:\n"
    '      - text: Go on (Q4 2014)  # soon\n        id: "1.1.1"\n        timeframe: Q4 2014\n'
    '        follows: "1.4"\n      # next\n'
    '      - text: Train more judges (2015)\n        id: "1.1.2"\n        timeframe: "2015"\n'
    '        follows: ["1.1", "1.2"]\n        status: planned\n'
)
KEYS = {"add-ids": "id", "record-timeframe": "timeframe", "add-follows": "follows"}


def report_from(text: str) -> Report:
    loaded = parse(text, "r.yaml")
    assert loaded.problems == [] and loaded.document is not None
    return build(loaded.document)


def diagnostics() -> tuple[Report, list[Diagnostic]]:
    report = report_from(FOLLOW_UP)
    return report, fix_diagnostics(report, planned(report, LINKS))


def with_only(plain: str | None, mapping: str | None) -> str:
    """FOLLOW_UP with one key added to the plain item and one to the mapping item."""
    text = FOLLOW_UP
    if plain is not None:
        text = text.replace("      - Go on (Q4 2014)  # soon\n", PLAIN_WITH[plain])
    if mapping is not None:
        text = text.replace(
            "      - text: Train more judges (2015)\n",
            MAPPING_WITH[mapping],
        )
    return text


def test_the_diagnostics() -> None:
    _, found = diagnostics()
    assert [(d.rule, d.path, d.fix.applicability) for d in found] == [  # type: ignore[union-attr]
        ("add-ids", PLAIN, SAFE),
        ("record-timeframe", PLAIN, SAFE),
        ("add-follows", PLAIN, UNSAFE),
        ("add-ids", MAPPING, SAFE),
        ("record-timeframe", MAPPING, SAFE),
        ("add-follows", MAPPING, UNSAFE),
    ]
    assert [d.message for d in found[:3]] == [
        'plan 1.1.1: write id: "1.1.1"',
        'plan 1.1.1: write timeframe: "Q4 2014", as its text says',
        'plan 1.1.1: write follows: "1.4", found by comparing texts',
    ]
    assert all(d.message == d.fix.description for d in found)  # type: ignore[union-attr]


def test_every_diagnostic_writes_everything() -> None:
    report, found = diagnostics()
    result = apply(FOLLOW_UP, report, found)
    assert result.text == ALL
    assert result.applied == found and result.skipped == [] and result.skipped_reason is None


def test_the_safe_ones_write_no_links() -> None:
    report, found = diagnostics()
    result = apply(FOLLOW_UP, report, [d for d in found if d.fix.safe])  # type: ignore[union-attr]
    assert result.text == ALL.replace('        follows: "1.4"\n', "").replace(
        '        follows: ["1.1", "1.2"]\n', ""
    )


@pytest.mark.parametrize("rule", list(KEYS))
def test_one_rule_writes_its_key_only(rule: str) -> None:
    report, found = diagnostics()
    result = apply(FOLLOW_UP, report, [d for d in found if d.rule == rule])
    assert result.text == with_only(KEYS[rule], KEYS[rule])


@pytest.mark.parametrize("index", range(6))
def test_the_quick_fix_of_one_diagnostic(index: int) -> None:
    report, found = diagnostics()
    diagnostic = found[index]
    result = apply(FOLLOW_UP, report, [diagnostic])
    key = KEYS[diagnostic.rule]  # type: ignore[index]
    assert result.text == (with_only(key, None) if index < 3 else with_only(None, key))
    assert result.applied == [diagnostic]


def test_any_choice_in_any_order() -> None:
    """Each choice writes the keys it names, in the format's order, whatever the order the
    diagnostics are given in."""
    report, found = diagnostics()
    for size in range(len(found) + 1):
        for chosen in itertools.combinations(found, size):
            text = apply(FOLLOW_UP, report, list(chosen)).text
            assert apply(FOLLOW_UP, report, list(reversed(chosen))).text == text
            after = {item.path: item for item in report_from(text).items()}
            for diagnostic in found:
                item = after[diagnostic.path]
                value = {"id": item.id, "timeframe": item.timeframe, "follows": item.follows}
                written = value[KEYS[diagnostic.rule]]  # type: ignore[index]
                assert bool(written) == (diagnostic in chosen), (chosen, text)


def test_diagnostics_of_an_item_share_its_base_edits() -> None:
    """The plain text becomes ``text: ...`` once, whichever of its fixes are applied."""
    _, found = diagnostics()
    base = Edit(found[0].fix.edits[0].span, "text: Go on (Q4 2014)  # soon")  # type: ignore[union-attr]
    for diagnostic in found[:3]:
        edits = diagnostic.fix.edits  # type: ignore[union-attr]
        assert edits[0] == base
        assert len(edits) == 2 and edits[1].span[:2] == edits[1].span[2:]  # an insertion
    for diagnostic in found[3:]:  # a mapping item: insertions only
        [edit] = diagnostic.fix.edits  # type: ignore[union-attr]
        assert edit.span[:2] == edit.span[2:]


def test_links_come_from_tracing() -> None:
    loaded = [load_path(str(EXAMPLES / "montenegro" / name)) for name in ("2013.yaml", "2014.yaml")]
    reports = [build(item.document) for item in loaded]  # type: ignore[union-attr, arg-type]
    attach(reports)
    links = traced_links(reports[1])
    assert links
    follows = [d for d in fix_diagnostics(reports[1]) if d.rule == "add-follows"]
    assert {d.path for d in follows} == set(links)
    assert all(not d.fix.safe for d in follows)  # type: ignore[union-attr]
    text = (EXAMPLES / "montenegro" / "2014.yaml").read_text(encoding="utf-8")
    result = apply(text, reports[1], follows, loaded[1].problems)  # type: ignore[union-attr]
    after = {item.path: item.follows for item in report_from(result.text).items()}
    assert {path: list(after[path]) for path in links} == {
        path: list(dict.fromkeys(refs)) for path, refs in links.items()
    }


def test_a_skipped_item_and_a_refused_file() -> None:
    text = (
        "form: global-alliance/2013\ncountry: {code: XA, name: Arcadia}\n"
        "policy-target-1:\n  planned: [a (2014)]\n"
        "policy-target-2:\n  planned:\n    - c (2015)\n"
    )
    report = report_from(text)
    found = fix_diagnostics(report)
    skipped = [d for d in found if d.path[0] == "policy-target-1"]
    assert all(d.fix.edits == () for d in skipped)  # type: ignore[union-attr]
    assert all("flow-style list" in d.fix.description for d in skipped)  # type: ignore[union-attr]
    result = apply(text, report, found)
    assert [d for d, _ in result.skipped] == skipped
    assert result.applied == [d for d in found if d not in skipped]
    # A fix that could not be made for a reason of the file leaves the file unchanged.
    cannot = Fix((), SAFE, "ruamel.yaml cannot read this file")
    refused = [Diagnostic("x", found[-1].path, rule="add-ids", fix=cannot)]
    result = apply(text, report, refused)
    assert result.text == text and result.skipped_reason == "ruamel.yaml cannot read this file"
    assert apply(text, report, [Diagnostic("no fix")]).applied == []


def test_flow_mapping_items() -> None:
    text = (
        "form: global-alliance/2013\ncountry: {code: XA, name: Arcadia}\n"
        "policy-target-1:\n  planned:\n    - {text: A (2014), status: planned}  # c\n"
        "    - {}\n"
    )
    report = report_from(text)
    found = fix_diagnostics(report)
    assert [d.rule for d in found] == ["add-ids", "record-timeframe", "add-ids"]
    assert apply(text, report, found).text.endswith(
        '    - {text: A (2014), id: "1.1", timeframe: "2014", status: planned} # c\n'
        '    - id: "1.2"\n'
    )
    assert apply(text, report, found[1:2]).text.endswith(
        '    - {text: A (2014), timeframe: "2014", status: planned} # c\n    - {}\n'
    )

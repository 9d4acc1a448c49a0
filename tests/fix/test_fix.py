"""Tests for galint.fix: the fixes on the examples, quoting and layout, choosing fixes, atomic
writes, diffs."""

from __future__ import annotations

import difflib
import json
import os
import random
import shutil
import stat
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from galint.analysis.timeframe import extract
from galint.core.diagnostic import SAFE
from galint.fix import (
    Change,
    FixResult,
    apply,
    applying,
    changes,
    fix_diagnostics,
    planned,
    roundtrip,
    unified_diff,
)
from galint.fix.changes import Links
from galint.fix.layout import split_lines
from galint.form.model import Report, build
from galint.io.atomic import write_atomic
from galint.io.load import Document, Loaded, load_path, parse
from galint.pipeline.engine import Selection, check_loaded
from galint.rules import all_rules, missing_timeframe

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BOM = "\ufeff"


def report_from(text: str) -> Report:
    loaded = parse(text.removeprefix(BOM), "r.yaml")
    assert loaded.problems == []
    assert loaded.document is not None
    return build(loaded.document)


def fix_text(
    text: str, report: Report, unsafe: bool = False, links: Links | None = None
) -> FixResult:
    """What ``--fix`` (with ``unsafe``, ``--unsafe-fixes``) writes: the fix rules' diagnostics
    (follows ``links`` as given, by default as tracing finds them), applied."""
    diagnostics = fix_diagnostics(report, planned(report, links))
    return apply(text, report, [d for d in diagnostics if unsafe or d.fix.safe])  # type: ignore[union-attr]


def fixed(text: str, unsafe: bool = False, links: Links | None = None) -> FixResult:
    return fix_text(text, report_from(text), unsafe, links)


def texts(report: Report) -> list[tuple[tuple, str]]:
    return [(item.path, item.text) for item in report.items()]


def plans(report: Report) -> list:
    return [item for section in report.sections() if section.plans for item in section.items]


def comment_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]


def walk(value: object, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from walk(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk(child, (*path, index))


def item_lines(document: Document, paths: set[tuple]) -> set[int]:
    """The lines the items at ``paths`` are written on: from the item to its last scalar."""
    lines: set[int] = set()
    for path in paths:
        first = document.values[path].line
        last = max(
            span.end_line
            for sub, span in document.values.items()
            if sub[: len(path)] == path and not isinstance(walk_get(document.data, sub), dict)
        )
        lines.update(range(first, last + 1))
    return lines


def walk_get(data: object, path: tuple) -> object:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data


def rule_counts(loaded: Loaded) -> Counter[str]:
    result = check_loaded(loaded, Selection.of(all_rules()))
    return Counter(finding.rule for finding in result.findings)


def changed_lines(old: str, new: str) -> tuple[set[int], set[int]]:
    """The 1-based lines removed from ``old`` and added in ``new``."""
    removed: set[int] = set()
    added: set[int] = set()
    matcher = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed.update(range(i1 + 1, i2 + 1))
            added.update(range(j1 + 1, j2 + 1))
    return removed, added


# --- the examples ---------------------------------------------------------------------------

EXAMPLE_FILES = ["montenegro/2013.yaml", "montenegro/2014.yaml", "arcadia/2013.yaml"]
EXAMPLE_FILES += ["arcadia/2014.yaml"]


@pytest.fixture(params=EXAMPLE_FILES)
def example(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    source = EXAMPLES / request.param
    target = tmp_path / source.parent.name / source.name
    target.parent.mkdir()
    shutil.copyfile(source, target)
    return target


def test_examples_fixed(example: Path) -> None:
    before_loaded = load_path(str(example))
    assert before_loaded is not None and before_loaded.document is not None
    before = build(before_loaded.document)
    old = example.read_text(encoding="utf-8")
    result = fix_text(old, before)
    assert result.skipped_reason is None
    assert result.skipped == []
    assert result.applied == fix_diagnostics(before)
    write_atomic(str(example), result.text)
    assert example.read_text(encoding="utf-8") == result.text

    loaded = load_path(str(example))
    assert loaded is not None and loaded.document is not None
    assert loaded.problems == []
    after = build(loaded.document)
    # Every comment line, in order; every item's text as it was.
    assert comment_lines(result.text) == comment_lines(old)
    assert texts(after) == texts(before)
    # Key order: mappings other than the fixed items are unchanged, and a fixed item keeps
    # its keys in their order.
    fixed_paths = {d.path for d in result.applied}
    new_data = loaded.document.data
    for path, value in walk(before_loaded.document.data):
        if isinstance(value, dict):
            new_keys = list(walk_get(new_data, path))
            if path in fixed_paths:
                assert [key for key in new_keys if key in value] == list(value)
            else:
                assert new_keys == list(value)
    # Every plan has its former default id, and the timeframe its text gave.
    for old_item, new_item in zip(plans(before), plans(after), strict=True):
        assert new_item.id == old_item.ref == old_item.default_id
        assert new_item.ref == old_item.ref
        found = extract(old_item.text)
        if old_item.timeframe is None and found.kind != "none":
            assert new_item.timeframe == found.matched
        else:
            assert new_item.timeframe == old_item.timeframe
    # The fixes record timeframes; they never make them up.
    assert len(list(missing_timeframe.check(after))) == len(list(missing_timeframe.check(before)))
    # No rule finds more than before (fewer ids to guess, perhaps; never a new problem).
    assert rule_counts(loaded) <= rule_counts(before_loaded)
    # The diff holds the fixed items' lines and nothing else.
    removed, added = changed_lines(old, result.text)
    assert removed <= item_lines(before.document, fixed_paths)
    assert added <= item_lines(after.document, fixed_paths)
    # A second run has nothing left to do.
    again = fix_text(result.text, after)
    assert again.applied == [] and again.text == result.text and again.skipped_reason is None


def test_montenegro_2013_fixes() -> None:
    report = build(load_path(str(EXAMPLES / "montenegro/2013.yaml")).document)  # type: ignore[union-attr]
    changes = planned(report)
    ids = [c for c in changes if c.rule == "add-ids"]
    timeframes = [c for c in changes if c.rule == "record-timeframe"]
    assert len(ids) == len(plans(report)) == 16
    assert all(c.applicability == SAFE for c in changes)
    assert ids[3] == Change(
        "add-ids", ("policy-target-1", "planned", 3), "id", "1.4", 'plan 1.4: write id: "1.4"'
    )
    assert {c.value for c in timeframes} >= {"2013-2014", "III - IV Q 2013", "continuous"}
    text = (EXAMPLES / "montenegro/2013.yaml").read_text(encoding="utf-8")
    result = fix_text(text, report)
    assert (
        "    - text: Establish a system for collecting data on juvenile justice and information "
        'system (III - IV Q 2013);\n      id: "2.4"\n      timeframe: III - IV Q 2013\n'
    ) in result.text
    # The first line and the blank lines between targets stay where they were.
    assert result.text.startswith("# yaml-language-server: $schema=../../schema/galint.schema")
    assert result.text.count("\n\n") == text.count("\n\n")


def test_montenegro_2014_follow_up_ids() -> None:
    report = build(load_path(str(EXAMPLES / "montenegro/2014.yaml")).document)  # type: ignore[union-attr]
    text = (EXAMPLES / "montenegro/2014.yaml").read_text(encoding="utf-8")
    result = fix_text(text, report)
    assert (
        "      - text: Montenegro will develop, protocol and standard procedures to identify "
        'victims.\n        id: "1.1.1"\n'
    ) in result.text
    # Implementation and assessment items are not plans: no ids for them.
    assert all(d.path[2] == "follow-up" for d in result.applied)


def test_arcadia_needs_no_fixes() -> None:
    for name in ("2013.yaml", "2014.yaml"):
        report = build(load_path(str(EXAMPLES / "arcadia" / name)).document)  # type: ignore[union-attr]
        assert planned(report) == [] and fix_diagnostics(report) == []
        text = (EXAMPLES / "arcadia" / name).read_text(encoding="utf-8")
        assert apply(text, report, []) == FixResult(text, [])


# --- small reports --------------------------------------------------------------------------

HEAD = "form: global-alliance/2013\ncountry: {code: XA, name: Arcadia}\n"


def report_2013(planned: str, undertaken: str = "  undertaken:\n    - Done.\n") -> str:
    return f"{HEAD}policy-target-1:\n{undertaken}  planned:\n{planned}"


def test_plain_item_becomes_mapping_text_first() -> None:
    result = fixed(report_2013("    - Train officers (Q3 2014)\n"))
    assert result.text == report_2013(
        '    - text: Train officers (Q3 2014)\n      id: "1.1"\n      timeframe: Q3 2014\n'
    )
    assert [d.rule for d in result.applied] == ["add-ids", "record-timeframe"]


@pytest.mark.parametrize(
    ("written", "timeframe"),
    [
        ("'Train: officers (2014)'", '"2014"'),  # ': ' must stay quoted; 2014 is a number
        ("'''Quoted'' words first (2014-2015)'", "2014-2015"),
        ('"\\"Quoted\\" words first (H1 2015)"', "H1 2015"),
        ("Use C# and a#b (H2 2014)", "H2 2014"),
        ('"A # that is no comment (Q1 2015)"', "Q1 2015"),
        (
            "Children \u2013 victims, INTERPOL\u2019s database (by the end of 2014)",
            "by the end of 2014",
        ),
        ('"Escaped \\u2013 dash (2013 - 2014)"', "2013 - 2014"),
        ("'2.10'", None),
    ],
)
def test_quoting_kept(written: str, timeframe: str | None) -> None:
    text = report_2013(f"    - {written}\n")
    before = report_from(text)
    result = fix_text(text, before)
    after = report_from(result.text)
    assert texts(after) == texts(before)
    lines = result.text.splitlines()
    start = lines.index("  planned:") + 1
    expected_text = written.replace("\\u2013", "\u2013")  # an escape may be written as itself
    assert lines[start] == f"    - text: {expected_text}"
    assert lines[start + 1] == '      id: "1.1"'
    if timeframe is None:
        assert len(lines) == start + 2
    else:
        assert lines[start + 2] == f"      timeframe: {timeframe}"
    assert "\\u" not in result.text.replace(written, "")  # unicode is written as itself


def test_comments_stay_with_their_lines() -> None:
    planned = (
        "    - First plan (2014)   # end of the first\n"
        "    # before the second\n"
        "    - text: Second plan (2015)  # on its text\n"
        "      status: planned\n"
        "    # after the second\n"
        "    - text: Third plan (2016)\n"
        "    # after the last item\n"
    )
    text = report_2013(planned) + "# the end\n"
    result = fixed(text)
    assert result.skipped_reason is None
    expected = report_2013(
        "    - text: First plan (2014)   # end of the first\n"
        '      id: "1.1"\n'
        '      timeframe: "2014"\n'
        "    # before the second\n"
        "    - text: Second plan (2015)  # on its text\n"
        '      id: "1.2"\n'
        '      timeframe: "2015"\n'
        "      status: planned\n"
        "    # after the second\n"
        "    - text: Third plan (2016)\n"
        '      id: "1.3"\n'
        '      timeframe: "2016"\n'
        "    # after the last item\n"
    )
    assert result.text == expected + "# the end\n"


def test_mapping_items_keep_their_keys() -> None:
    planned = (
        '    - text: Has an id (2014)\n      id: "7"\n'
        "    - status: planned\n      text: Status first (2015)\n"
        "    - text: Has a timeframe\n      timeframe: Q1 2015\n"
        "    - text: Has an empty id (2016)\n      id:\n"
    )
    result = fixed(report_2013(planned))
    after = report_from(result.text)
    items = plans(after)
    assert [item.id for item in items] == ["7", "1.2", "1.3", None]
    assert [item.timeframe for item in items] == ["2014", "2015", "Q1 2015", "2016"]
    data = after.document.data["policy-target-1"]["planned"]  # type: ignore[index]
    assert [list(item) for item in data] == [
        ["text", "id", "timeframe"],
        ["status", "text", "id", "timeframe"],
        ["text", "id", "timeframe"],
        ["text", "id", "timeframe"],  # an empty id is the author's; the schema rules report it
    ]


def test_id_first_when_the_file_writes_it_first() -> None:
    planned = '    - id: "1.1"\n      text: Kept (2014)\n    - New plan (2015)\n'
    result = fixed(report_2013(planned))
    assert result.text.endswith(
        '    - id: "1.2"\n      text: New plan (2015)\n      timeframe: "2015"\n'
    )


def test_folded_plain_scalar_keeps_its_text() -> None:
    planned = "    - Develop a long plan that\n      goes on the next line (continuous)\n"
    text = report_2013(planned)
    result = fixed(text)
    assert texts(report_from(result.text)) == texts(report_from(text))
    # ruamel.yaml cannot keep the folding of a plain scalar; the words are the same.
    assert "    - text: Develop a long plan that goes on the next line (continuous)\n" in (
        result.text
    )


def test_block_scalar_item() -> None:
    planned = (
        "    - text: |\n        Literal plan\n        by the end of 2014\n\n    - Next (2015)\n"
    )
    text = report_2013(planned)
    result = fixed(text)
    assert result.skipped_reason is None
    assert texts(report_from(result.text)) == texts(report_from(text))
    # The blank line after the block scalar stays after the item.
    assert (
        '        by the end of 2014\n      id: "1.1"\n      timeframe: by the end of 2014\n\n'
        "    - text: Next (2015)\n"
    ) in result.text


@pytest.mark.parametrize(
    "layout",
    [
        ("  planned:\n  - A (2014)\n  - B\n", '  - text: A (2014)\n    id: "1.1"\n'),
        ("  planned:\n    - A (2014)\n", '    - text: A (2014)\n      id: "1.1"\n'),
        ("  planned:\n      -   A (2014)\n", '      -   text: A (2014)\n          id: "1.1"\n'),
    ],
)
def test_indentation_of_the_file(layout: tuple[str, str]) -> None:
    written, expected = layout
    undertaken = "  undertaken:\n      -   Done.\n" if "-   " in written else ""
    text = f"{HEAD}policy-target-1:\n{undertaken}{written}"
    result = fixed(text)
    assert result.skipped_reason is None
    assert expected in result.text
    removed, _ = changed_lines(text, result.text)
    assert all(text.splitlines()[n - 1].lstrip().startswith("-") for n in removed)


def test_four_space_mappings() -> None:
    text = (
        "form: global-alliance/2014\ncountry:\n    code: XA\n    name: Arcadia\n"
        "policy-target-1:\n    goal-1:\n        implementation:\n            - Done.\n"
        "        assessment:\n            - Good.\n        follow-up:\n"
        "            - text: Go on (2015)\n              follows:\n                  - '1.1'\n"
    )
    result = fixed(text)
    assert result.text == text.replace(
        "            - text: Go on (2015)\n",
        '            - text: Go on (2015)\n              id: "1.1.1"\n'
        '              timeframe: "2015"\n',
    )


def test_crlf_and_bom_kept() -> None:
    text = BOM + report_2013("    - A plan (Q3 2014)  # note\n    - B plan\n").replace("\n", "\r\n")
    result = fixed(text)
    assert result.skipped_reason is None and len(result.applied) == 3
    assert result.text.startswith(BOM) and not result.text.startswith(BOM * 2)
    assert "\n" not in result.text.replace("\r\n", "")
    assert "\r\r" not in result.text
    assert result.text.endswith('    - text: B plan\r\n      id: "1.2"\r\n')
    assert "    - text: A plan (Q3 2014)  # note\r\n" in result.text


def test_no_final_newline() -> None:
    result = fixed(report_2013("    - A plan (Q3 2014)"))
    assert result.text.endswith(
        '    - text: A plan (Q3 2014)\n      id: "1.1"\n      timeframe: Q3 2014'
    )


def test_flow_list_is_skipped_with_a_reason() -> None:
    text = (
        f"{HEAD}policy-target-1:\n  planned: [a (2014), b]\n"
        "policy-target-2:\n  planned:\n    - c (2015)\n"
    )
    result = fixed(text)
    assert [d.path for d in result.applied] == [("policy-target-2", "planned", 0)] * 2
    assert len(result.skipped) == 3
    assert all("flow-style list" in reason for _, reason in result.skipped)
    assert "  planned: [a (2014), b]\n" in result.text
    only_flow = fixed(f"{HEAD}policy-target-1:\n  planned: [a (2014), b]\n")
    assert only_flow.applied == [] and only_flow.text.endswith("[a (2014), b]\n")
    assert only_flow.skipped_reason is None and len(only_flow.skipped) == 3


def test_anchored_items_are_left_alone() -> None:
    text = report_2013("    - &plan A (2014)\n    - *plan\n    - B (2015)\n")
    result = fixed(text)
    assert [d.path[-1] for d in result.applied] == [2, 2]
    assert "    - &plan A (2014)\n    - *plan\n    - text: B (2015)\n" in result.text
    assert {reason for _, reason in result.skipped} == {
        "policy-target-1 > planned > item 1 carries an anchor, an alias or a tag; "
        "galint leaves it alone",
        "policy-target-1 > planned > item 2 carries an anchor, an alias or a tag; "
        "galint leaves it alone",
    }


def test_what_ruamel_cannot_read_is_left_unchanged() -> None:
    # libyaml reads a duplicate key (galint reports it); ruamel.yaml refuses the file.
    text = report_2013("    - A (2014)\n") + "  planned:\n    - B (2015)\n"
    loaded = parse(text, "r.yaml")
    assert {p.rule for p in loaded.problems} == {"duplicate-key"}
    result = fix_text(text, build(loaded.document))  # type: ignore[arg-type]
    assert result.text == text and result.applied == []
    assert result.skipped_reason is not None
    assert "duplicate key" in result.skipped_reason


def test_computing_fixes_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(roundtrip, "round_trip", broken)
    text = report_2013("    - A (2014)\n")
    diagnostics = fix_diagnostics(report_from(text))
    reason = "galint could not fix this file (RuntimeError: boom)"
    assert [(d.fix.edits, d.fix.description) for d in diagnostics] == [((), reason)] * 2  # type: ignore[union-attr]
    result = fixed(text)
    assert result.text == text and result.applied == []
    assert result.skipped_reason == reason


def test_apply_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(applying, "_verify", broken)
    text = report_2013("    - A (2014)\n")
    result = fixed(text)
    assert result.text == text and result.applied == []
    assert result.skipped_reason == "galint could not fix this file (RuntimeError: boom)"


@pytest.mark.parametrize(
    ("corrupt", "reason"),
    [
        (lambda lines: [*lines, "# a comment too many\n"], "would not keep every comment"),
        (lambda lines: [line.replace("A (", "B (") for line in lines], "would not read as"),
        (lambda lines: [*lines, "  planned: []\n"], "other YAML problems"),
        (lambda lines: [line.replace("- text", "-text") for line in lines], "not be valid YAML"),
        (
            lambda lines: [line.replace("(2014)\n", "(2014)  # x\n") for line in lines],
            "comments of",
        ),
    ],
)
def test_a_wrong_result_is_never_written(
    monkeypatch: pytest.MonkeyPatch, corrupt: Callable[[list[str]], list[str]], reason: str
) -> None:
    """The last line of defence: whatever goes wrong on the way, the result is checked."""
    splice = applying.splice

    def corrupted(text: str, edits: list[tuple[int, int, str]]) -> str:
        return "".join(corrupt(split_lines(splice(text, edits))))

    monkeypatch.setattr(applying, "splice", corrupted)
    text = report_2013("    - A (2014)\n    # c\n")
    result = fixed(text)
    assert result.text == text and result.applied == []
    assert result.skipped_reason is not None and reason in result.skipped_reason


def test_text_not_of_the_report() -> None:
    report = report_from(report_2013("    - A (2014)\n"))
    other = report_2013("    - B (2015)\n")
    result = apply(other, report, fix_diagnostics(report))
    assert result.text == other and result.skipped_reason is not None


def test_timeframe_quoted_when_it_would_read_as_a_number() -> None:
    result = fixed(report_2013("    - A (2014)\n    - B (12.2014)\n    - C (2014-06-30)\n"))
    after = plans(report_from(result.text))
    assert [item.timeframe for item in after] == ["2014", "12.2014", "2014-06-30"]
    assert 'timeframe: "2014"\n' in result.text
    assert 'timeframe: "2014-06-30"\n' in result.text  # a date to YAML 1.1 readers


def test_timeframe_recorded_only_when_a_field_reads_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = report_2013("    - A (Q3 2014)\n")
    assert [c.rule for c in planned(report_from(text))] == ["add-ids", "record-timeframe"]
    monkeypatch.setattr(changes, "parse_timeframe", lambda words: extract(""))
    assert [c.rule for c in planned(report_from(text))] == ["add-ids"]


def test_nothing_to_plan_without_a_form() -> None:
    assert planned(report_from("form: something-else\nplanned: [a (2014)]\n")) == []


# --- add-follows ----------------------------------------------------------------------------

FOLLOW_UP = (
    "form: global-alliance/2014\ncountry: {code: XA, name: Arcadia}\n"
    "policy-target-1:\n  goal-1:\n    implementation:\n      - Access was extended.\n"
    "      - text: Procedures adopted.\n        follows: '1.2'\n"
    "    assessment:\n      - Good.\n"
    "    follow-up:\n      - text: Go on (Q4 2014)\n        id: a\n"
)
LINKS = {
    ("policy-target-1", "goal-1", "implementation", 0): ["1.1", "1.3", "1.1"],
    ("policy-target-1", "goal-1", "implementation", 1): ["1.9"],
    ("policy-target-1", "goal-1", "follow-up", 0): ["1.4", "", 1.5],  # type: ignore[list-item]
}


def test_add_follows_only_when_unsafe() -> None:
    assert [d.rule for d in fixed(FOLLOW_UP, links=LINKS).applied] == ["record-timeframe"]
    assert [d.rule for d in fixed(FOLLOW_UP, unsafe=True).applied] == ["record-timeframe"]
    result = fixed(FOLLOW_UP, unsafe=True, links=LINKS)
    assert [(d.rule, d.fix.safe) for d in result.applied] == [  # type: ignore[union-attr]
        ("add-follows", False),
        ("record-timeframe", True),
        ("add-follows", False),
    ]
    assert '      - text: Access was extended.\n        follows: ["1.1", "1.3"]\n' in result.text
    assert "        follows: '1.2'\n" in result.text  # an existing link is the author's
    assert (
        "      - text: Go on (Q4 2014)\n        id: a\n        timeframe: Q4 2014\n"
        '        follows: "1.4"\n'
    ) in result.text
    after = report_from(result.text)
    follows = {item.path: item.follows for item in after.items()}
    assert follows[("policy-target-1", "goal-1", "implementation", 0)] == ("1.1", "1.3")
    assert follows[("policy-target-1", "goal-1", "implementation", 1)] == ("1.2",)
    assert follows[("policy-target-1", "goal-1", "follow-up", 0)] == ("1.4",)
    again = fix_text(result.text, after, unsafe=True, links=LINKS)
    assert again.applied == [] and again.text == result.text


# --- importing, writing and diffs -----------------------------------------------------------


def test_importing_fix_does_not_import_ruamel() -> None:
    code = (
        "import sys, galint.fix, galint.rules; galint.rules.all_rules(); "
        "assert 'ruamel.yaml' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_write_atomic_writes_bytes_as_given(tmp_path: Path) -> None:
    target = tmp_path / "r.yaml"
    target.write_bytes(b"old\n")
    write_atomic(str(target), BOM + "a: \u2013\r\nb: 1\r\n")
    assert target.read_bytes() == b"\xef\xbb\xbfa: \xe2\x80\x93\r\nb: 1\r\n"
    assert os.listdir(tmp_path) == ["r.yaml"]


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_write_atomic_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "r.yaml"
    target.write_text("old\n")
    target.chmod(0o640)
    write_atomic(str(target), "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    target.chmod(0o755)
    write_atomic(str(target), "newer\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o755
    assert target.read_text() == "newer\n"


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_write_atomic_follows_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomic(str(link), "new\n")
    assert link.is_symlink() and real.read_text() == "new\n"


def test_write_atomic_failure_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.yaml"
    target.write_text("old\n")

    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(str(target), "new\n")
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["r.yaml"]


def test_write_atomic_unencodable_text(tmp_path: Path) -> None:
    target = tmp_path / "r.yaml"
    target.write_text("old\n")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(str(target), "a lone surrogate \ud800\n")
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["r.yaml"]


def test_unified_diff() -> None:
    assert unified_diff("r.yaml", "a\n", "a\n") == ""
    diff = unified_diff("dir/r.yaml", "a\nb\n", "a\nc\n")
    header = ["--- a/dir/r.yaml", "+++ b/dir/r.yaml", "@@ -1,2 +1,2 @@"]
    assert diff.splitlines() == [*header, " a", "-b", "+c"]
    diff = unified_diff("r.yaml", "a\nb", "a\nc")
    assert diff.endswith("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")
    assert unified_diff("r.yaml", "a\r\n", "b\r\n").endswith("-a\r\n+b\r\n")


# --- many small generated reports -----------------------------------------------------------

WORDS = [
    "Train officers",
    "children \u2013 victims",
    "INTERPOL\u2019s database",
    "a: b",
    "C# and a#b",
    "'quoted'",
    '"double"',
    "- dash",
    "? question",
    "yes",
    "2.10",
    "NO",
    "null",
    "50% more",
    "[bracket]",
    "{brace}",
    "&amp",
    "*star",
    "!bang",
    "|pipe",
    ">gt",
    "@at",
    "`tick`",
    "tab\there",
    "x:y",
    "end:",
    "ünïcödé",
    "\\backslash",
]
TIMEFRAMES = [
    "(2014)",
    "(III - IV Q 2013)",
    "(continuous)",
    "by the end of 2014",
    "(Q3 2014)",
    "during 2013",
    "in 2015.",
    "",
    "",
    "",
]


def plain_ok(value: str) -> bool:
    """Whether ``value`` reads back as itself written plain, in a list and as a mapping value."""
    if value != value.strip() or "\t" in value:
        return False
    loaded = parse(f"a:\n  - {value}\n  - k: {value}\n", "t.yaml")
    return loaded.problems == [] and loaded.document.data == {"a": [value, {"k": value}]}  # type: ignore[union-attr]


def scalar(rng: random.Random, value: str, indent: int) -> str:
    """``value`` written in a random style that reads back as ``value``."""
    styles = ["single", "double"]
    if plain_ok(value):
        styles += ["plain", "plain", "folded", "literal"]
    style = rng.choice(styles)
    if style == "plain":
        return value
    if style == "literal":
        return rng.choice(["|-", ">-"]) + "\n" + " " * (indent + 2) + value
    if style == "folded" and " " in value:
        words = value.split(" ")
        cut = rng.randrange(1, len(words))
        return " ".join(words[:cut]) + "\n" + " " * indent + " ".join(words[cut:])
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=rng.random() < 0.3)


def generate(rng: random.Random) -> str:
    """A small random report, in a random layout, that galint reads without problems."""
    mapping = rng.choice([2, 4])
    offset = rng.choice([0, 2])
    gap = rng.choice([1, 1, 3])
    edition = rng.choice(["2013", "2014"])
    out = ["# yaml-language-server: $schema=x\n"] if rng.random() < 0.5 else []
    out.append(f"form: global-alliance/{edition}\ncountry:\n{' ' * mapping}code: XA\n")

    def section(key: str, depth: int, plans: bool) -> None:
        pad = " " * (mapping * depth)
        out.append(f"{pad}{key}:\n")
        dash = pad + " " * offset + "-" + " " * gap
        content = len(dash)
        for n in range(rng.randrange(1, 4)):
            text = " ".join(rng.sample(WORDS, rng.randrange(1, 4)))
            text = f"{text} {rng.choice(TIMEFRAMES)}".strip()
            if rng.random() < 0.15:
                out.append(f"{pad}{' ' * offset}# comment {n}\n")
            if rng.random() < 0.5:
                line = dash + scalar(rng, text, content)
            else:
                keys = [("text", scalar(rng, text, content + 2 + 4))]
                if plans and rng.random() < 0.4:
                    keys.append(("id", f'"{rng.randrange(1, 9)}.{n + 1}"'))
                if rng.random() < 0.3:
                    keys.append(("timeframe", rng.choice(["Q4 2014", "'2015'", "continuous"])))
                if rng.random() < 0.3:
                    keys.append(("status", "planned"))
                if rng.random() < 0.2:
                    keys.append(("follows", rng.choice(['"1.1"', '["1.1", "1.2"]'])))
                rng.shuffle(keys)
                between = rng.choice(["", "", f"{' ' * content}# inner\n", "\n"])
                line = dash + f"\n{between}{' ' * content}".join(f"{k}: {v}" for k, v in keys)
            if rng.random() < 0.2:
                line += "  # eol"
            out.append(line + "\n")
            if rng.random() < 0.1:
                out.append("\n")

    for target in range(1, rng.randrange(2, 5)):
        out.append(f"policy-target-{target}:\n")
        if edition == "2013":
            section("undertaken", 1, False)
            section("planned", 1, True)
        else:
            for goal in range(1, 3 if target > 1 else 2):
                out.append(f"{' ' * mapping}goal-{goal}:\n")
                section("implementation", 2, False)
                section("assessment", 2, False)
                section("follow-up", 2, True)
    text = "".join(out)
    if rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.2:
        text = BOM + text
    if rng.random() < 0.2:
        text = text.rstrip("\r\n")
    return text


def test_generated_reports() -> None:
    rng = random.Random(20140630)
    refused = 0
    runs = 250
    for run in range(runs):
        text = generate(rng)
        before = report_from(text)
        links = {item.path: ["1.1"] for item in before.items() if rng.random() < 0.3} or None
        result = fix_text(text, before, unsafe=True, links=links or {})
        after = report_from(result.text)  # parses, without problems
        assert texts(after) == texts(before), (run, text)
        if result.skipped_reason is not None:
            refused += 1
            assert result.text == text and result.applied == []
            continue
        assert result.text.startswith(BOM) == text.startswith(BOM)
        assert ("\r\n" in result.text) == ("\r\n" in text), (run, text)
        assert comment_lines(result.text) == comment_lines(text), (run, text)
        fixed_paths = {d.path for d in result.applied}
        removed, added = changed_lines(text, result.text)
        assert removed <= item_lines(before.document, fixed_paths), (run, text)
        assert added <= item_lines(after.document, fixed_paths), (run, text)
        for item in plans(after):
            assert item.id is not None, (run, text, result.text)
        again = fix_text(result.text, after, unsafe=True, links=links or {})
        assert again.applied == [] and again.text == result.text, (run, text, result.text)
    # The checks refuse some layouts; they must not refuse most reports.
    assert refused <= runs // 20, refused

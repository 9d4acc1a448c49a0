"""Tests for galint.output.skeleton: the next report's skeleton reads back as what it says."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from galint.analysis.trace import trace
from galint.form.model import Report, build
from galint.io.load import load_path, parse
from galint.output.skeleton import DEFAULT_SCHEMA, skeleton
from galint.pipeline.engine import Selection, check_loaded
from galint.rules import (
    all_rules,
    carried_over,
    missing_follow_up,
    missing_previous,
    overdue_plan,
    unknown_reference,
)

ROOT = Path(__file__).resolve().parents[2]
FOLLOW_UP = [
    m.RULE
    for m in (missing_follow_up, carried_over, unknown_reference, overdue_plan, missing_previous)
]


def example(country: str, year: int) -> Report:
    loaded = load_path(str(ROOT / "examples" / country / f"{year}.yaml"))
    assert loaded is not None and loaded.document is not None
    return build(loaded.document)


def read_back(text: str, previous: Report) -> tuple[Report, list[tuple[int, str]]]:
    """The skeleton's model, paired with ``previous``, and its findings from every rule."""
    loaded = parse(text, "new.yaml")
    assert loaded.document is not None and loaded.problems == []
    report = build(loaded.document)
    report.predecessor = previous
    rules = [*all_rules(), *FOLLOW_UP]
    result = check_loaded(loaded, Selection.of(rules), report)
    return report, [(f.line, f.rule) for f in result.findings]


@pytest.mark.parametrize("country", ["montenegro", "arcadia"])
def test_untouched_skeleton_reports_only_its_empty_sections(country: str) -> None:
    previous = example(country, 2013)
    text = skeleton(previous, "2013.yaml")
    report, found = read_back(text, previous)
    # Seven goals, three sections each: A holds only blank stubs, B and C are empty.
    assert Counter(rule for _, rule in found) == {"empty-section": 21}
    assert report.edition is not None and report.edition.form == "global-alliance/2014"
    assert (report.country_code, report.country_name) == (
        previous.country_code,
        previous.country_name,
    )
    assert report.previous == "2013.yaml"
    # Every plan is linked, so every plan is followed.
    assert {p.status for p in trace(previous, report).plans} == {"followed"}


def test_stubs_are_in_section_a_of_each_targets_first_goal() -> None:
    previous = example("montenegro", 2013)
    report, _ = read_back(skeleton(previous, "2013.yaml"), previous)
    stubs = {
        (target.number, goal.spec.number, section.key): [i.follows for i in section.items]
        for target in report.targets
        for goal in target.goals
        for section in goal.sections
        if section.items
    }
    assert stubs == {
        (1, 1, "implementation"): [("1.1",), ("1.2",), ("1.3",), ("1.4",), ("1.5",)],
        (2, 1, "implementation"): [("2.1",), ("2.2",), ("2.3",), ("2.4",), ("2.5",)],
        (3, 1, "implementation"): [("3.1",), ("3.2",), ("3.3",), ("3.4",)],
        (4, 1, "implementation"): [("4.1",), ("4.2",)],
    }
    assert all(item.text == "" for item in report.items())
    sections = {s.shape for s in report.sections() if s.key != "implementation"}
    assert sections == {"null"}


def test_layout_and_comments() -> None:
    text = skeleton(example("montenegro", 2013), "../2013/me.yaml", "../schema.json")
    lines = text.splitlines()
    assert lines[:6] == [
        "# yaml-language-server: $schema=../schema.json",
        "form: global-alliance/2014",
        "country:",
        '  code: "ME"',
        '  name: "Montenegro"',
        'previous: "../2013/me.yaml"',
    ]
    at = lines.index('        follows: "1.2"')
    assert lines[at - 3 : at] == [
        "      # 1.2: Cooperation and coordination between law enforcement authorities of"
        " different",
        "      #   States on victim identification will be further enhanced (2013-2014);",
        '      - text: ""',
    ]
    assert all(len(line) <= 100 for line in lines if line.lstrip().startswith("#"))


def test_schema_line_default_and_none() -> None:
    previous = example("arcadia", 2013)
    assert skeleton(previous, "p.yaml").startswith(
        f"# yaml-language-server: $schema={DEFAULT_SCHEMA}"
    )
    assert skeleton(previous, "p.yaml", None).startswith("form: global-alliance/2014\n")


def test_explicit_ids_and_timeframe_fields_are_used() -> None:
    text = skeleton(example("arcadia", 2013), "2013.yaml")
    assert '    follows: "4.3"' in text.replace("        follows", "    follows")
    assert "[Q4 2013 - Q2 2014]" in text


HOSTILE = [
    "line one\nline two: with a colon\n- and a dash",
    "a # hash, 'single' and \"double\" quotes, a tab\there, a backslash \\ and {braces}",
    "carriage\r\nreturn, next line\x85and separators\u2028here\u2029too",
    "control \x07 bell, \x1b escape, DEL \x7f, BOM \ufeff and zero-width \u200b",
    "very long " * 200,
    "",
]


def test_any_plan_text_is_safe_in_a_comment() -> None:
    items = "".join(
        f"    - text: {_yaml_string(t)}\n      id: {_yaml_string(t[:5])}\n" for t in HOSTILE
    )
    old = parse(
        "form: global-alliance/2013\n"
        'country: {code: "NO", name: "Nor\\u2028way \\"#1\\""}\n'
        "policy-target-3:\n  planned:\n" + items,
        "old.yaml",
    )
    assert old.document is not None and old.problems == []
    previous = build(old.document)
    text = skeleton(previous, 'odd "name" #1.yaml')
    report, found = read_back(text, previous)
    assert report.country_code == "NO" and report.country_name == 'Nor\u2028way "#1"'
    assert report.previous == 'odd "name" #1.yaml'
    [section] = [s for s in report.targets[2].goals[0].sections if s.key == "implementation"]
    refs = [p.ref for p in section.items]
    assert [item.follows for item in section.items] == [(ref,) for ref in _ids(previous)]
    assert len(refs) == len(HOSTILE)
    assert {rule for _, rule in found} == {"empty-section"}
    # The very long plan is cut: a comment stays within a few lines.
    assert max(len(block) for block in _comment_blocks(text)) <= 4


def test_no_edition_after_the_last() -> None:
    with pytest.raises(ValueError, match="no edition of the form follows global-alliance/2014"):
        skeleton(example("arcadia", 2014), "2014.yaml")


def _yaml_string(text: str) -> str:
    """A double-quoted YAML scalar, written by hand so the test does not trust the code."""
    escaped = "".join(
        ch if ch.isprintable() and ch not in '"\\' else f"\\u{ord(ch):04x}" for ch in text
    )
    return f'"{escaped}"'


def _ids(report: Report) -> list[str]:
    return [
        item.ref or "" for target in report.targets for s in target.sections for item in s.items
    ]


def _comment_blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    for line in text.splitlines():
        if line.lstrip().startswith("# ") and not line.startswith("#"):
            blocks.append([line])
        elif line.lstrip().startswith("#   ") and blocks:
            blocks[-1].append(line)
    return blocks

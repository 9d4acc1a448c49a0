"""The timeframe rules on the examples and on small reports, and `galint timeframe`."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from galint.analysis.timeframe.items import reading
from galint.cli import cli
from galint.form.model import build
from galint.io.load import load_path, parse
from galint.pipeline.engine import Selection, check_loaded
from galint.rules import all_rules, find

ROOT = Path(__file__).resolve().parents[2]
D = datetime.date


def findings(text: str, slug: str) -> list[tuple[int, int, str]]:
    rule = find(slug)
    assert rule is not None
    result = check_loaded(parse(text, "r.yaml"), Selection.of(all_rules(), [rule]))
    return [(f.line, f.column, f.message) for f in result.findings]


def report_2014(follow_up: str, implementation: str = "[Done.]") -> str:
    return (
        "form: global-alliance/2014\ncountry: {code: ME, name: Montenegro}\n"
        "policy-target-1:\n  goal-1:\n"
        f"    implementation: {implementation}\n    assessment: [Good.]\n"
        f"    follow-up:\n{follow_up}"
    )


# Each planned item of Montenegro's 2013 report, read as a person reads it.
MONTENEGRO_2013 = {
    "1.1": ("interval", D(2013, 1, 1), D(2014, 12, 31)),
    "1.2": ("interval", D(2013, 1, 1), D(2014, 12, 31)),
    "1.3": ("interval", D(2013, 1, 1), D(2014, 12, 31)),
    "1.4": ("interval", D(2013, 1, 1), D(2014, 12, 31)),
    "1.5": ("interval", D(2013, 1, 1), D(2014, 12, 31)),
    "2.1": ("continuous", None, None),
    "2.2": ("interval", D(2013, 1, 1), D(2013, 12, 31)),
    "2.3": ("interval", D(2013, 7, 1), D(2013, 12, 31)),
    "2.4": ("interval", D(2013, 7, 1), D(2013, 12, 31)),
    "2.5": ("continuous", None, None),
    "3.1": ("interval", D(2013, 1, 1), D(2013, 12, 31)),
    "3.2": ("interval", D(2013, 1, 1), D(2013, 12, 31)),
    "3.3": ("interval", D(2013, 4, 1), D(2013, 9, 30)),
    "3.4": ("interval", D(2014, 2, 5), D(2014, 2, 5)),
    "4.1": ("interval", D(2013, 1, 1), D(2013, 12, 31)),
    "4.2": ("interval", D(2013, 7, 1), D(2013, 12, 31)),
}


def test_montenegro_2013_plans_read_as_a_person_reads_them() -> None:
    loaded = load_path(str(ROOT / "examples" / "montenegro" / "2013.yaml"))
    assert loaded is not None and loaded.document is not None
    report = build(loaded.document)
    plans = [item for s in report.sections() if s.plans for item in s.items]
    read = {}
    for item in plans:
        timeframe = reading(item).effective
        read[item.ref] = (timeframe.kind, timeframe.start, timeframe.end)
    assert read == MONTENEGRO_2013


def test_montenegro_2014_follow_ups_without_timeframe_are_flagged() -> None:
    path = ROOT / "examples" / "montenegro" / "2014.yaml"
    text = path.read_text(encoding="utf-8")
    found = findings(text, "missing-timeframe")
    lines = text.splitlines()
    flagged = {line for line, _, _ in found}
    follow_ups = [
        n for n, line in enumerate(lines, 1)
        if line.startswith("      - ") and _section_of(lines, n) == "follow-up"
    ]  # fmt: skip
    dated = [n for n in follow_ups if "(during 2014)" in lines[n - 1]]
    assert len(follow_ups) == 28
    assert len(dated) == 1
    assert flagged == set(follow_ups) - set(dated)
    assert all(column == 9 for _, column, _ in found)
    assert found[0][2] == (
        "follow-up action 1.1.1 has no timeframe: say when, in the text "
        "(e.g. '(Q4 2014)') or in a 'timeframe:' field"
    )


def _section_of(lines: list[str], n: int) -> str:
    for line in reversed(lines[: n - 1]):
        if line.startswith("    ") and not line.startswith("     ") and line.strip().endswith(":"):
            return line.strip()[:-1]
    return ""


def test_montenegro_2013_has_no_timeframe_findings() -> None:
    text = (ROOT / "examples" / "montenegro" / "2013.yaml").read_text(encoding="utf-8")
    for slug in ("missing-timeframe", "vague-timeframe", "stale-timeframe", "unparsed-timeframe"):
        assert findings(text, slug) == []


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("      - Develop procedures (Q4 2014).\n", []),
        ("      - text: Develop procedures.\n        timeframe: Q4 2014\n", []),
        ("      - Develop procedures.\n", [(8, 9)]),
        ("      - text: Develop procedures.\n", [(8, 15)]),
        ("      - text: Develop procedures.\n        timeframe: someday\n", []),
        ("      - /\n", [(8, 9)]),
    ],
)
def test_missing_timeframe(item: str, expected: list[tuple[int, int]]) -> None:
    found = findings(report_2014(item), "missing-timeframe")
    assert [(line, column) for line, column, _ in found] == expected


def test_missing_timeframe_leaves_undertaken_actions_alone() -> None:
    text = (
        "form: global-alliance/2013\ncountry: {code: ME, name: Montenegro}\n"
        "policy-target-1:\n  undertaken: [Signed a memorandum.]\n  planned: [Sign another.]\n"
    )
    assert [(line, column) for line, column, _ in findings(text, "missing-timeframe")] == [(5, 13)]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "      - Sign the memorandum (in the coming period).\n",
            [(8, 30, '"in the coming period"')],
        ),
        ("      - Sign the memorandum as soon as possible.\n", [(8, 29, '"as soon as possible"')]),
        ("      - text: Sign the memorandum.\n        timeframe: TBD\n", [(9, 20, '"TBD"')]),
        ("      - Sign the memorandum (Q3 2014).\n", []),
        ("      - Monitor the standards (continuous).\n", []),
    ],
)
def test_vague_timeframe(item: str, expected: list[tuple[int, int, str]]) -> None:
    found = findings(report_2014(item), "vague-timeframe")
    assert [(line, column) for line, column, _ in found] == [(ln, col) for ln, col, _ in expected]
    for (_, _, message), (_, _, quoted) in zip(found, expected, strict=True):
        assert quoted in message and "names no date that can be checked" in message


def test_vague_words_in_past_work_are_not_a_timeframe() -> None:
    text = report_2014("      - Sign it (Q3 2014).\n", "[Results will come soon.]")
    assert findings(text, "vague-timeframe") == []


def test_unparsed_timeframe_shows_what_was_expected() -> None:
    text = report_2014(
        "      - text: Sign the memorandum.\n        timeframe: when the budget allows\n"
    )
    [(line, column, message)] = findings(text, "unparsed-timeframe")
    assert (line, column) == (9, 20)
    assert message.startswith('timeframe "when the budget allows" cannot be read: expected a year')
    assert "'Q3 2014'" in message


def test_a_numeric_timeframe_field_is_read_as_written() -> None:
    text = report_2014("      - text: Sign the memorandum.\n        timeframe: 2015\n")
    for slug in ("unparsed-timeframe", "missing-timeframe", "stale-timeframe"):
        assert findings(text, slug) == []


def test_stale_timeframe_points_at_the_words_read() -> None:
    item = "      - Continue the Safer Internet project (during 2013);\n"
    [(line, column, message)] = findings(report_2014(item), "stale-timeframe")
    assert (line, column) == (8, 46)
    assert message == (
        'timeframe "during 2013" read as 2013-01-01..2013-12-31 ended before 2014, '
        "the year of this report: plan 1.1.1 is already over"
    )


@pytest.mark.parametrize(
    "item",
    [
        "      - Continue the Safer Internet project (during 2014);\n",
        "      - Continue the Safer Internet project (2013-2014);\n",
        "      - Continue the Safer Internet project (continuous);\n",
        "      - Continue the Safer Internet project by 2015;\n",
    ],
)
def test_not_stale(item: str) -> None:
    assert findings(report_2014(item), "stale-timeframe") == []


def test_stale_timeframe_in_a_field() -> None:
    item = "      - text: Continue the project.\n        timeframe: IV Q 2013\n"
    [(line, column, message)] = findings(report_2014(item), "stale-timeframe")
    assert (line, column) == (9, 20)
    assert '"IV Q 2013" read as 2013-10-01..2013-12-31' in message


def test_timeframe_mismatch() -> None:
    item = "      - text: Train judges (III - IV Q 2014);\n        timeframe: 2015\n"
    [(line, column, message)] = findings(report_2014(item), "timeframe-mismatch")
    assert (line, column) == (9, 20)
    assert message == (
        'timeframe field "2015" read as 2015-01-01..2015-12-31 disagrees with the text\'s '
        '"III - IV Q 2014" read as 2014-07-01..2014-12-31; galint uses the field'
    )
    same = "      - text: Train judges (III - IV Q 2014);\n        timeframe: Q3-Q4 2014\n"
    assert findings(report_2014(same), "timeframe-mismatch") == []


def test_the_timeframe_command() -> None:
    runner = CliRunner()
    done = runner.invoke(cli, ["timeframe", "III - IV Q 2013", "Article 211", "soon"])
    assert done.exit_code == 0
    assert done.output.splitlines() == [
        'III - IV Q 2013  ->  interval 2013-07-01..2013-12-31 (read "III - IV Q 2013")',
        "Article 211  ->  none (no timeframe found)",
        'soon  ->  vague, no dates (read "soon")',
    ]
    sentence = "Mark Safer Internet Day, 5 February 2014."
    done = runner.invoke(cli, ["timeframe", "--format", "json", sentence, "by the end of 2014"])
    assert json.loads(done.output) == [
        {"text": sentence, "kind": "interval", "start": "2014-02-05", "end": "2014-02-05",
         "matched": "5 February 2014"},
        {"text": "by the end of 2014", "kind": "interval", "start": None, "end": "2014-12-31",
         "matched": "by the end of 2014"},
    ]  # fmt: skip

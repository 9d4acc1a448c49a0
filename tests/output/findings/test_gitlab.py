"""GitLab Code Quality: the JSON GitLab reads, with stable and unique fingerprints."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from galint.core.diagnostic import Diagnostic
from galint.output.findings import Summary
from galint.output.findings.gitlab import render

ROOT = Path(__file__).resolve().parents[3]

MakeFinding = Callable[..., Diagnostic]


def issues(findings: list[Diagnostic], root: str = ".") -> list[Any]:
    output = render(Summary(1, findings), root)
    assert output.endswith("\n")
    return json.loads(output)


def test_an_issue(make_finding: MakeFinding) -> None:
    [issue] = issues([make_finding(line=23, end_line=24)])
    fingerprint = issue.pop("fingerprint")
    assert issue == {
        "description": "T001 [missing-timeframe] planned action 1.1 has no timeframe",
        "check_name": "missing-timeframe",
        "severity": "minor",
        "location": {"path": "reports/me.yaml", "lines": {"begin": 23, "end": 24}},
    }
    assert isinstance(fingerprint, str)
    assert len(fingerprint) == 64
    int(fingerprint, 16)


def test_no_findings_is_an_empty_list() -> None:
    assert issues([]) == []


@pytest.mark.parametrize(
    ("severity", "expected"), [("error", "major"), ("warning", "minor"), ("info", "info")]
)
def test_severities(make_finding: MakeFinding, severity: str, expected: str) -> None:
    [issue] = issues([make_finding(severity=severity)])
    assert issue["severity"] == expected


def test_paths_are_relative_to_root_with_forward_slashes(
    tmp_path: Path, make_finding: MakeFinding
) -> None:
    path = str(tmp_path / "reports" / "2014" / "me.yaml")
    [issue] = issues([make_finding(path=path)], str(tmp_path))
    assert issue["location"]["path"] == "reports/2014/me.yaml"


def test_the_fingerprint_survives_a_move(make_finding: MakeFinding) -> None:
    [before] = issues([make_finding(line=10, column=5, end_column=20)])
    [after] = issues([make_finding(line=30, column=9, end_column=40)])
    assert before["location"] != after["location"]
    assert before["fingerprint"] == after["fingerprint"]


def test_the_fingerprint_survives_a_move_quoted_in_the_message(make_finding: MakeFinding) -> None:
    [before] = issues([make_finding(line=20, message="key 'a': first at line 12")])
    [after] = issues([make_finding(line=25, message="key 'a': first at line 17")])
    assert before["fingerprint"] == after["fingerprint"]


def test_the_fingerprint_changes_with_the_problem(make_finding: MakeFinding) -> None:
    found = issues(
        [
            make_finding(),
            make_finding(message="planned action 1.2 has no timeframe"),
            make_finding(path="reports/other.yaml"),
            make_finding(code="T002", rule="vague-timeframe"),
        ]
    )
    assert len({issue["fingerprint"] for issue in found}) == 4


def test_equal_findings_have_unique_fingerprints(make_finding: MakeFinding) -> None:
    found = issues([make_finding(line=line) for line in (3, 8, 13)])
    assert len({issue["fingerprint"] for issue in found}) == 3


def test_a_real_run(example_summary: Summary) -> None:
    found = json.loads(render(example_summary, str(ROOT)))
    assert len(found) == 39
    assert {issue["location"]["path"] for issue in found} == {"examples/montenegro/2014.yaml"}
    assert {issue["severity"] for issue in found} == {"minor"}
    names = [issue["check_name"] for issue in found]
    assert (names.count("missing-timeframe"), names.count("empty-section")) == (27, 4)
    assert len({issue["fingerprint"] for issue in found}) == 39
    first = example_summary.findings[0]
    assert found[0]["location"]["lines"]["begin"] == first.line
    assert found[0]["description"] == f"{first.code} [{first.rule}] {first.message}"


def test_a_real_run_is_stable(example_summary: Summary) -> None:
    # The same findings, each moved down five lines: nothing looks new to GitLab.
    moved = [
        replace(f, span=f.span._replace(line=f.line + 5, end_line=f.end_line + 5))
        for f in example_summary.findings
    ]
    before = json.loads(render(example_summary, str(ROOT)))
    after = json.loads(render(Summary(example_summary.files, moved), str(ROOT)))
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]

"""The bulk summary's figures: what galint report counts per country and policy target."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from cli_run import run
from support import report_json

from galint.core.diagnostic import Diagnostic, Span
from galint.io.discover import Candidate
from galint.output.summary import html
from galint.output.summary.stats import summarise
from galint.pipeline.engine import FileResult, Selection
from galint.pipeline.engine import run as run_files
from galint.rules import all_rules

ROOT = Path(__file__).resolve().parents[3]


def test_examples_summary(capsys: pytest.CaptureFixture[str]) -> None:
    data = report_json(capsys, str(ROOT / "examples"))
    assert [c["code"] for c in data["countries"]] == ["XA", "ME"]
    montenegro = data["countries"][1]
    assert montenegro["name"] == "Montenegro"
    assert montenegro["editions"] == ["global-alliance/2013", "global-alliance/2014"]
    totals = montenegro["totals"]
    # 8 sections in 2013 (4 targets x 2), 21 in 2014 (7 goals x 3); 4 answered "/".
    assert (totals["sections"], totals["filled"], totals["empty"]) == (29, 25, 4)
    assert totals["plans_previous"] == 16
    assert totals["followed"] + totals["carried"] + totals["missing"] == 16
    # 16 plans of 2013 and 28 follow-up actions of 2014; 27 of those have no timeframe.
    assert (totals["actions"], totals["without_timeframe"]) == (44, 27)
    assert montenegro["rules"]["empty-section"] == 4
    assert montenegro["rules"]["missing-timeframe"] == 27
    assert [t["empty"] for t in montenegro["targets"]] == [0, 1, 2, 1]
    assert data["countries"][0]["totals"]["follow_up_rate"] == 1.0
    assert data["totals"]["countries"] == 2 and data["totals"]["files"] == 4


def test_a_target_left_out_is_no_report_not_empty_sections(
    capsys: pytest.CaptureFixture[str], submissions: Path
) -> None:
    for name in ("2013.yaml", "2014.yaml"):
        report = submissions / "montenegro" / name
        text = report.read_text(encoding="utf-8")
        report.write_text(text[: text.index("# Policy target 4")], encoding="utf-8")
    data = report_json(capsys, str(submissions))
    target_4 = data["countries"][1]["targets"][3]
    assert (target_4["sections"], target_4["empty"]) == (0, 0)
    assert data["countries"][1]["rules"]["missing-target"] == 2
    assert html.status(target_4) == "none"  # shown as "No report", not as empty sections


def test_the_configured_placeholders_decide_which_sections_are_filled(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A section answered with a configured placeholder is empty for the summary, as it is
    for the empty-section rule; with the default placeholders it is filled for both."""
    folder = tmp_path / "arcadia"
    shutil.copytree(ROOT / "examples" / "arcadia", folder)
    report = folder / "2013.yaml"
    text = report.read_text(encoding="utf-8")
    start = text.index("policy-target-2:\n  undertaken:\n") + len("policy-target-2:\n")
    end = text.index("  planned:\n", start)
    report.write_text(text[:start] + "  undertaken: pending\n" + text[end:], encoding="utf-8")
    pending = tmp_path / "pending.yaml"
    pending.write_text("rules:\n  empty-section:\n    placeholders: [pending]\n", encoding="utf-8")
    default = tmp_path / "default.yaml"
    default.write_text("rules: {}\n", encoding="utf-8")

    def empty_sections(config: Path) -> tuple[list[str], list[str]]:
        options = ("--config", str(config), "--format")
        code, out, err = run(capsys, "check", *options, "json", str(report))
        assert code in (0, 1), err
        flagged = [f["message"] for f in json.loads(out)["findings"] if f["code"] == "C003"]
        code, out, err = run(capsys, "report", *options, "csv", str(folder))
        assert code == 0, err
        return flagged, [row["empty"] for row in csv.DictReader(io.StringIO(out))]

    flagged, empty = empty_sections(pending)
    assert flagged == ["policy-target-2: section undertaken holds only the placeholder 'pending'"]
    assert empty == ["0", "1", "0", "0"]
    assert empty_sections(default) == ([], ["0", "0", "0", "0"])


def test_each_finding_counts_under_the_target_its_path_names() -> None:
    """The first key of a finding's path says its policy target, wherever the finding is
    shown; a finding without a path (located by its span alone) counts where its line is."""
    path = str(ROOT / "examples" / "montenegro" / "2014.yaml")
    [checked] = run_files([Candidate(path, True)], Selection.of(all_rules()))
    # Montenegro 2014 writes policy-target-2 on lines 29-60 and policy-target-3 on 61-90.
    findings = [
        Diagnostic("a", ("policy-target-3", "goal-1"), span=Span.point(30, 1), severity="error"),
        Diagnostic("b", ("policy-target-2",), key=True, span=Span.point(29, 1), severity="error"),
        Diagnostic("c", ("policy-target-5",), span=Span.point(70, 1), severity="error"),
        Diagnostic("d", ("country", "code"), span=Span.point(70, 1), severity="error"),
        Diagnostic("e", span=Span.point(70, 1), severity="info"),
        Diagnostic("f", span=Span.point(1, 1), severity="info"),
    ]
    result = FileResult(path, findings, checked.report)
    country = summarise([Candidate(path, True)], [result], {})
    assert [dict(t.severities) for t in country.targets] == [
        {},
        {"error": 1},
        {"error": 1, "info": 1},
        {},
    ]

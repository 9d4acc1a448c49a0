"""galint trace and galint new, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import run

ROOT = Path(__file__).resolve().parents[2]
OLD = str(ROOT / "examples" / "montenegro" / "2013.yaml")
NEW = str(ROOT / "examples" / "montenegro" / "2014.yaml")


def test_trace_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "trace", OLD, NEW)
    lines = out.splitlines()
    assert code == 0
    assert lines[1].split() == ["id", "status", "plan", "followed", "up", "in"]
    rows = {line.split()[0]: line.split()[1] for line in lines[2:]}
    assert len(rows) == 16
    assert [plan for plan, status in rows.items() if status == "missing"] == ["2.1", "2.4", "4.2"]


def test_trace_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "trace", "--format", "json", OLD, NEW)
    plans = json.loads(out)["plans"]
    assert code == 0
    assert len(plans) == 16
    assert set(plans[0]) >= {"id", "text", "line", "status", "matches"}
    match = plans[2]["matches"][0]
    assert set(match) == {"section", "target", "goal", "text", "line", "score", "via"}
    assert match["section"] in ("A", "B", "C") and match["via"] == "text"


def test_trace_refuses_the_wrong_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "trace", NEW, OLD)
    assert code == 2
    assert "must be an earlier edition" in err


def test_trace_of_a_broken_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "2013.yaml"
    broken.write_text("form: [\n", encoding="utf-8")
    code, _, err = run(capsys, "trace", str(broken), NEW)
    assert code == 2
    assert f"{broken}:2:1: YAML syntax" in err


def test_new_writes_a_skeleton_whose_stubs_are_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "2014.yaml"
    code, _, err = run(capsys, "new", "--from", OLD, "-o", str(target))
    assert code == 0
    assert "Wrote" in err
    text = target.read_text(encoding="utf-8")
    assert text.count("follows:") == 16
    code, out, _ = run(capsys, "check", "--select", "C003,F,S,Y", str(target))
    assert code == 1
    rules = {line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines()[:-1]}
    assert rules == {"empty-section"}  # every plan is linked: nothing is missing
    code, _, err = run(capsys, "new", "--from", OLD, "-o", str(target))
    assert code == 2
    assert "exists" in err

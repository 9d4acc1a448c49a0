"""Baselines hide recorded findings, survive edits elsewhere, and still show new problems."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_run import run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples" / "montenegro", tmp_path / "montenegro")
    return tmp_path


def test_write_then_hide(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    base = str(repo / "baseline.json")
    code, out, _ = run(capsys, "check", "--write-baseline", base, str(repo / "montenegro"))
    assert (code, out) == (0, f"Recorded 39 findings in {base}.\n")
    recorded = json.loads(Path(base).read_text(encoding="utf-8"))
    assert recorded["version"] == 1
    assert sum(entry["count"] for entry in recorded["findings"]) == 39
    assert {"path", "rule", "content", "count"} == set(recorded["findings"][0])
    assert recorded["findings"][0]["path"] == "montenegro/2014.yaml"
    code, out, _ = run(capsys, "check", "--baseline", base, str(repo / "montenegro"))
    assert (code, out) == (0, "No problems found in 2 files (39 hidden by the baseline).\n")


def test_survives_edits_elsewhere_and_shows_new_problems(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    base = str(repo / "baseline.json")
    run(capsys, "check", "--write-baseline", base, str(repo / "montenegro"))
    report = repo / "montenegro" / "2014.yaml"
    text = report.read_text(encoding="utf-8")
    text = text.replace(
        "policy-target-1:\n", "# Reviewed by the ministry.\n\npolicy-target-1:\n", 1
    )
    text = text.replace(
        "    follow-up:\n      - Montenegro will develop",
        "    follow-up:\n      - Train forensic staff.\n      - Montenegro will develop",
        1,
    )
    report.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--baseline", base, str(repo / "montenegro"))
    lines = out.splitlines()
    assert code == 1
    assert len(lines) == 2
    assert ":25:9: T001 [missing-timeframe] follow-up action 1.1.1 has no timeframe" in lines[0]
    assert lines[1] == "Found 1 problem (1 warning) in 2 files (39 hidden by the baseline)."


def test_equal_problems_are_counted(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    base = str(repo / "baseline.json")
    run(capsys, "check", "--write-baseline", base, str(repo / "montenegro"))
    report = repo / "montenegro" / "2014.yaml"
    text = report.read_text(encoding="utf-8")
    # A third section answered with "/": the baseline holds two of them.
    text = text.replace("    assessment:\n", "    assessment: /\n    review:\n", 1)
    report.write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "check", "--baseline", base, "--select", "C003", str(report))
    assert (
        out.splitlines()[-1] == "Found 1 problem (1 warning) in 1 file (4 hidden by the baseline)."
    )


@pytest.mark.parametrize(
    "content",
    ["not json", '{"version": 9, "findings": []}', '{"version": 1, "findings": [{"path": "x"}]}'],
)
def test_bad_baseline_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], repo: Path, content: str
) -> None:
    base = repo / "baseline.json"
    base.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "check", "--baseline", str(base), str(repo / "montenegro"))
    assert out == ""
    assert code == 2
    assert f"{base}:" in err


def test_missing_baseline_is_a_usage_error(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    code, _, err = run(
        capsys, "check", "--baseline", str(repo / "nope.json"), str(repo / "montenegro")
    )
    assert code == 2
    assert "cannot be read" in err

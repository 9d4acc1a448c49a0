"""check --fix, --diff and --unsafe-fixes, as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_run import run

from galint.form.model import build
from galint.io.load import load_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "montenegro"
    shutil.copytree(ROOT / "examples" / "montenegro", folder)
    return folder


def texts(path: Path) -> list[str]:
    loaded = load_path(str(path))
    assert loaded is not None and loaded.document is not None and loaded.problems == []
    return [item.text for item in build(loaded.document).items()]


def test_diff_shows_and_does_not_write(capsys: pytest.CaptureFixture[str], reports: Path) -> None:
    before = {p.name: p.read_bytes() for p in reports.iterdir() if p.is_file()}
    code, out, err = run(capsys, "check", "--diff", str(reports))
    assert code == 1
    assert out.startswith(f"--- a/{str(reports / '2013.yaml').lstrip('/')}\n")
    assert '+      id: "1.1"\n' in out and "+      timeframe: 2013-2014\n" in out
    assert err == "Would apply 61 fixes to 2 files.\n"
    assert {p.name: p.read_bytes() for p in reports.iterdir() if p.is_file()} == before


def test_fix_writes_keeps_texts_and_comments_and_is_idempotent(
    capsys: pytest.CaptureFixture[str], reports: Path
) -> None:
    originals = {
        name: (reports / name).read_text(encoding="utf-8") for name in ("2013.yaml", "2014.yaml")
    }
    before = {name: texts(reports / name) for name in originals}
    code, out, err = run(capsys, "check", "--fix", str(reports))
    assert code == 1  # the problems fixes cannot solve remain
    assert out.splitlines()[-1] == "Found 39 problems (39 warnings) in 2 files."
    assert err == "Applied 61 fixes to 2 files.\n"
    for name, original in originals.items():
        fixed = (reports / name).read_text(encoding="utf-8")
        assert texts(reports / name) == before[name]
        comments = [line for line in original.splitlines() if line.lstrip().startswith("#")]
        assert [line for line in fixed.splitlines() if line.lstrip().startswith("#")] == comments
    code, _, err = run(capsys, "check", "--diff", str(reports))
    assert (code, err) == (0, "Would apply 0 fixes to 0 files.\n")


def test_a_file_that_does_not_parse_is_never_touched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "2013.yaml"
    content = b"form: global-alliance/2013\npolicy-target-1:\n  planned: [a (2014)\n"
    broken.write_bytes(content)
    code, _, _ = run(capsys, "check", "--fix", str(broken))
    assert code == 1
    assert broken.read_bytes() == content


def test_unsafe_fixes_write_follows_links_only_when_asked(
    capsys: pytest.CaptureFixture[str], reports: Path
) -> None:
    run(capsys, "check", "--fix", str(reports))
    assert "follows:" not in (reports / "2014.yaml").read_text(encoding="utf-8")
    code, _, err = run(capsys, "check", "--fix", "--unsafe-fixes", str(reports))
    assert code == 1
    fixed = (reports / "2014.yaml").read_text(encoding="utf-8")
    assert fixed.count("follows:") >= 10
    assert err.startswith("Applied ")


def test_fix_only_rules_are_never_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--isolated", "--format", "json", str(ROOT / "examples"))
    assert code == 1
    findings = json.loads(out)["findings"]
    assert len(findings) == 39
    assert not [f for f in findings if f["code"].startswith("A")]

"""galint report: the secretariat's bulk check, on untrusted submissions."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from cli_run import run

from galint import bulk, cli
from galint.bulkformats import CSV_COLUMNS
from galint.discover import candidates, sniff
from galint.engine import Selection
from galint.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent


def report_json(capsys: pytest.CaptureFixture[str], *paths: str) -> dict:
    code, out, err = run(capsys, "report", "--format", "json", *paths)
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def submissions(tmp_path: Path) -> Path:
    folder = tmp_path / "submissions"
    shutil.copytree(ROOT / "examples", folder)
    return folder


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


def test_csv_has_the_documented_header_and_a_row_per_country_and_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "report", "--format", "csv", str(ROOT / "examples"))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["country"], r["target"]) for r in rows] == [
        (code, str(n)) for code in ("XA", "ME") for n in (1, 2, 3, 4)
    ]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{column}`" in readme for column in CSV_COLUMNS)


def test_text_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "report", str(ROOT / "examples"))
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split()[:3] == ["country", "editions", "sections"]
    assert lines[1].startswith("XA Arcadia")
    assert lines[2].startswith("ME Montenegro")
    assert lines[-1] == "2 countries, 4 files, 31 findings." or lines[-1].startswith(
        "2 countries, 4 files,"
    )


def test_a_configuration_among_the_submissions_is_not_read(
    capsys: pytest.CaptureFixture[str], submissions: Path
) -> None:
    (submissions / ".galint.yaml").write_text("ignore: [C, T]\n", encoding="utf-8")
    (submissions / "montenegro" / "pyproject.toml").write_text(
        '[tool.galint]\nignore = ["C", "T"]\n', encoding="utf-8"
    )
    data = report_json(capsys, str(submissions))
    assert data["countries"][1]["rules"]["empty-section"] == 4


def test_the_secretariats_own_config_is_read(
    capsys: pytest.CaptureFixture[str], submissions: Path, tmp_path: Path
) -> None:
    config = tmp_path / "secretariat.yaml"
    config.write_text("ignore: [T]\n", encoding="utf-8")
    code, out, _ = run(
        capsys, "report", "--format", "json", "--config", str(config), str(submissions)
    )
    assert code == 0
    assert "missing-timeframe" not in json.loads(out)["countries"][1]["rules"]


def test_symlinks_out_of_the_folders_are_not_followed(
    capsys: pytest.CaptureFixture[str], submissions: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.yaml"
    secret.write_text(
        "form: global-alliance/2013\ncountry: {code: SX, name: Secret}\n", encoding="utf-8"
    )
    (submissions / "link.yaml").symlink_to(secret)
    (submissions / "linked-dir").symlink_to(outside, target_is_directory=True)
    data = report_json(capsys, str(submissions))
    assert [c["code"] for c in data["countries"]] == ["XA", "ME"]
    assert not any("secret" in f for c in data["countries"] for f in c["files"])


def test_previous_outside_the_folders_is_not_read(
    capsys: pytest.CaptureFixture[str], submissions: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "examples" / "montenegro", outside)
    report = submissions / "montenegro" / "2014.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace(
            "previous: 2013.yaml", f"previous: {outside}/2013.yaml"
        ),
        encoding="utf-8",
    )
    (submissions / "montenegro" / "2013.yaml").unlink()
    data = report_json(capsys, str(submissions))
    montenegro = data["countries"][1]
    assert montenegro["totals"]["plans_previous"] == 0
    messages = [f["message"] for f in montenegro["findings"] if f["rule"] == "missing-previous"]
    assert len(messages) == 1
    assert "outside the folders checked" in messages[0]


def test_broken_and_hostile_files_do_not_stop_the_run(
    capsys: pytest.CaptureFixture[str], submissions: Path
) -> None:
    bad = submissions / "bad"
    bad.mkdir()
    (bad / "binary.yaml").write_bytes(b"form: x\n\x00\x01")
    (bad / "python.yaml").write_text(
        "form: !!python/object/apply:os.system ['touch pwned']\ncountry: {code: BD, name: B}\n",
        encoding="utf-8",
    )
    bomb = "form: global-alliance/2013\na: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    (bad / "bomb.yaml").write_text(bomb, encoding="utf-8")
    (bad / "huge.yaml").write_bytes(
        b"form: global-alliance/2013\n" + b"# " + b"x" * (3 * 1024 * 1024)
    )
    (bad / "syntax.yaml").write_text("form: global-alliance/2014\ncountry: [\n", encoding="utf-8")
    data = report_json(capsys, str(submissions))
    rules = {f["rule"] for c in data["countries"] for f in c["findings"]}
    assert {"not-utf8", "unsupported-tag", "yaml-limit", "file-too-large", "yaml-syntax"} <= rules
    assert not Path("pwned").exists() and not (bad / "pwned").exists()
    assert {"XA", "ME"} <= {c["code"] for c in data["countries"]}


def test_parallel_output_is_the_serial_output(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    codes = [f"{a}{b}" for a in "ABCDEFGH" for b in "ABCDEFGH"][:40]
    for code in codes:
        for name in ("2013.yaml", "2014.yaml"):
            text = (ROOT / "examples" / "montenegro" / name).read_text(encoding="utf-8")
            target = folder / code.lower() / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text.replace("code: ME", f"code: {code}"), encoding="utf-8")
    selection = Selection.of(all_rules())
    found = list(candidates([str(folder)]))
    assert len(found) >= bulk.PARALLEL_FROM

    def summary(jobs: int) -> list[tuple[str, list[str], list[tuple[str, int, int, str]]]]:
        return [
            (stats.key, stats.files, [(f.path, f.line, f.column, f.code) for f in stats.findings])
            for stats, _ in bulk.run(found, selection, [str(folder)], jobs=jobs)
        ]

    serial = summary(1)
    assert [key for key, _, _ in serial] == sorted(codes)
    assert summary(2) == serial


def test_country_groups_follow_the_declared_code_not_the_folder(tmp_path: Path) -> None:
    for folder, name in (("a", "2013.yaml"), ("b", "2014.yaml")):
        (tmp_path / folder).mkdir()
        shutil.copy(ROOT / "examples" / "montenegro" / name, tmp_path / folder / name)
    found = list(candidates([str(tmp_path)]))
    assert [len(g) for g in bulk.group(found)] == [2]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            b"form: global-alliance/2014\ncountry:\n  code: ME\n  name: M\n",
            ("global-alliance/2014", "ME"),
        ),
        (
            b"# c\nform: 'global-alliance/2013'\ncountry: {name: M, code: me}\n",
            ("global-alliance/2013", "ME"),
        ),
        (
            b"form: global-alliance/2014\ncountry:\n  name: M\nother:\n  code: XX\n",
            ("global-alliance/2014", None),
        ),
        (b"country: Montenegro\n", (None, None)),
    ],
)
def test_sniff(head: bytes, expected: tuple[str | None, str | None]) -> None:
    assert sniff(head) == expected


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", str(ROOT / "examples"))
    assert (code, err) == (0, "")


def test_a_progress_bar_on_a_terminal_for_a_long_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(cli, "PROGRESS_FROM", 2)
    monkeypatch.setattr(sys, "stderr", terminal)
    code, out, _ = run(capsys, "report", "--format", "csv", str(ROOT / "examples"))
    assert code == 0
    assert out.startswith("country,name,target")
    assert "Checking" in terminal.getvalue()
    assert "100%" in terminal.getvalue()


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
    from galint import html

    assert html.status(target_4) == "none"  # shown as "No report", not as empty sections

"""``galint import`` as a secretariat runs it: one file, a folder of submissions, bad files
among them, standard input, --strict and --check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from cli_run import run

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "examples" / "montenegro" / "source"
FILES = ROOT / "tests" / "importing" / "files"


def test_one_text_file_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", str(SOURCE / "2014.txt"))
    assert code == 0
    report = yaml.safe_load(out)
    assert report["form"] == "global-alliance/2014"
    assert report["country"] == {"code": "ME", "name": "Montenegro"}
    assert err.splitlines()[-1] == "Imported 1 of 1 file: 60 items, 0 unplaced texts."


def test_a_folder_of_submissions_then_check_and_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    submissions = tmp_path / "submissions"
    (submissions / "montenegro").mkdir(parents=True)
    shutil.copy(SOURCE / "2013.txt", submissions / "montenegro" / "ME 2013.txt")
    shutil.copy(FILES / "montenegro-2014.pdf", submissions / "montenegro" / "ME-2014.pdf")
    (submissions / "broken.docx").write_bytes(b"not a zip")
    (submissions / "minutes.txt").write_text("Minutes of the meeting of 3 March.\n")
    (submissions / "notes.odt").write_bytes(b"ignored: not a supported file")
    imported = tmp_path / "imported"
    code, out, _ = run(capsys, "import", str(submissions), "--output-dir", str(imported))
    assert code == 1
    assert sorted(p.relative_to(imported).as_posix() for p in imported.rglob("*.yaml")) == [
        "ME/2013.yaml",
        "ME/2014.yaml",
    ]
    lines = out.splitlines()
    assert (
        f"{submissions / 'broken.docx'}:1:1: I001 [unreadable-source] cannot import "
        f"{submissions / 'broken.docx'}: the file is not a Word .docx document (a .docx is a "
        "zip archive)"
    ) in lines
    assert any("I002 [other-form]" in line and "minutes.txt" in line for line in lines)
    assert lines[-1] == (
        "Imported 2 of 4 files: 90 items, 0 unplaced texts. 2 could not be imported."
    )
    code, out, _ = run(capsys, "report", str(imported))
    assert code == 0
    assert out.splitlines()[1].startswith("ME Montenegro  2013 2014")


def test_check_runs_galint_check_on_what_was_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_file = tmp_path / "2014.yaml"
    code, out, _ = run(capsys, "import", str(SOURCE / "2014.txt"), "-o", str(out_file), "--check")
    assert code == 1  # Montenegro's report has warnings: sections answered with '/'
    assert f"{out_file}:47:21: C003 [empty-section]" in out
    assert out.splitlines()[-1].startswith("Found ")


def test_unplaced_text_is_a_comment_a_finding_and_with_strict_a_failure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = (SOURCE / "2014.txt").read_text(encoding="utf-8").splitlines()
    # Between policy target 2's title and its first operational goal.
    at = lines.index("prosecute offenders. ") + 1
    lines.insert(at, "Contact: Ministry of Interior, Podgorica")
    source = tmp_path / "me.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    out_file = tmp_path / "me.yaml"
    code, out, _ = run(capsys, "import", str(source), "-o", str(out_file))
    assert code == 0
    written = out_file.read_text(encoding="utf-8").splitlines()
    line = written.index(f"  # galint import: not placed in the form (line {at + 1}):") + 1
    assert written[line - 2] == "policy-target-2:"
    assert written[line] == "  #   Contact: Ministry of Interior, Podgorica"
    assert (
        f"{out_file}:{line}:1: I003 [unplaced-text] text from line {at + 1} of {source} fits no "
        "place in the form and is kept in the comment here: 'Contact: Ministry of Interior, "
        "Podgorica'; move it into its section, or delete it"
    ) in out.splitlines()
    code, _, _ = run(capsys, "import", str(source), "-o", str(out_file), "--strict")
    assert code == 1


def test_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    raw = (SOURCE / "2013.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    code, out, _ = run(capsys, "import", "-")
    assert code == 0
    assert out.startswith("# Imported by galint from <stdin> (sha256 ")
    assert yaml.safe_load(out)["form"] == "global-alliance/2013"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a.txt", "b.txt"], "several files give several reports: give --output-dir"),
        (["{src}"], "is a folder: give --output-dir for its reports"),
        (["nothere.docx"], "nothere.docx: no such file or folder"),
        (["{txt}", "--check"], "--check checks the reports written: give -o or --output-dir"),
        (["{txt}", "-o", "x.yaml", "--output-dir", "d"], "give either -o/--output or --output-dir"),
    ],
)
def test_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("x")
    given = [str(tmp_path / a) if a.endswith(".txt") and not a.startswith("{") else a for a in args]
    given = [
        a.replace("{src}", str(SOURCE)).replace("{txt}", str(SOURCE / "2013.txt")) for a in given
    ]
    code, _, err = run(capsys, "import", *given)
    assert code == 2
    assert message in err


def test_without_the_extra_it_says_which_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import galint.importing

    monkeypatch.setattr(galint.importing, "missing", lambda: ["python-docx", "pdfminer.six"])
    code, out, err = run(capsys, "import", str(SOURCE / "2013.txt"))
    assert code == 2
    assert out == ""
    assert err == (
        "galint import needs the 'import' extra: pip install 'galint[import]' "
        "(missing: python-docx, pdfminer.six)\n"
    )


def test_two_files_of_one_country_and_year_both_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name in ("final.txt", "draft.txt"):
        shutil.copy(SOURCE / "2014.txt", tmp_path / name)
    out_dir = tmp_path / "out"
    code, _, _ = run(
        capsys,
        "import",
        str(tmp_path / "final.txt"),
        str(tmp_path / "draft.txt"),
        "--output-dir",
        str(out_dir),
    )
    assert code == 0
    assert sorted(p.name for p in (out_dir / "ME").iterdir()) == ["2014-draft.yaml", "2014.yaml"]

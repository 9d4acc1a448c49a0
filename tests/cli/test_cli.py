"""The command line, run as a user runs it: arguments in, output and exit status out."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from cli_run import run

import galint
from galint.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parents[2]
MONTENEGRO = str(ROOT / "examples" / "montenegro")
ARCADIA = str(ROOT / "examples" / "arcadia")
LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) \[(?P<rule>[a-z0-9-]+)\] .+$"
)


def test_montenegro_findings_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", MONTENEGRO)
    lines = out.splitlines()
    assert code == 1
    assert all(LINE.match(line) for line in lines[:-1])
    empty = [
        line.split(": ", 1)[0].rsplit("/", 1)[1] for line in lines if "[empty-section]" in line
    ]
    assert empty == ["2014.yaml:48:21", "2014.yaml:83:21", "2014.yaml:85:17", "2014.yaml:114:17"]
    # Every follow-up action of 2014 but one ("(during 2014)") says nothing of when.
    assert sum("[missing-timeframe]" in line for line in lines) == 27
    # Plans 2.1, 2.4 and 4.2 of 2013 vanish; 1.1, 1.4 and 2.5 are only planned again.
    assert sum("[missing-follow-up]" in line for line in lines) == 3
    assert sum("[carried-over]" in line for line in lines) == 3
    assert sum("[overdue-plan]" in line for line in lines) == 2
    assert lines[-1] == "Found 39 problems (39 warnings) in 2 files."


def test_clean_example_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", ARCADIA)
    assert (code, out) == (0, "No problems found in 2 files.\n")


def test_json_findings_have_exactly_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", MONTENEGRO)
    document = json.loads(out)
    assert code == 1
    assert document["files"] == 2
    assert document["counts"] == {"error": 0, "warning": 39, "info": 0}
    keys = {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "rule",
        "severity",
        "message",
    }
    assert [set(f) for f in document["findings"]] == [keys] * 39
    first = next(f for f in document["findings"] if f["rule"] == "empty-section")
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (
        48,
        21,
        48,
        22,
    )
    assert first["code"] == "C003"
    assert first["severity"] == "warning"


def test_parse_errors_use_the_same_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("form: global-alliance/2014\ncountry: [ME\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", str(bad))
    [finding] = json.loads(out)["findings"]
    assert code == 1
    assert finding["rule"] == "yaml-syntax"
    assert finding["code"] == "Y001"
    assert (finding["line"], finding["column"]) == (3, 1)
    assert finding["severity"] == "error"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--fail-on", "error"], 0),
        (["--fail-on", "warning"], 1),
        (["--fail-on", "info"], 1),
        (["--exit-zero"], 0),
        (["--ignore", "empty-section,missing-timeframe"], 1),
        (["--ignore", "empty-section,missing-timeframe,F"], 0),
        (["--ignore", "C"], 1),
        (["--ignore", "C", "--ignore", "T", "--ignore", "F"], 0),
        (["--select", "S,Y"], 0),
        (["--select", "C003"], 1),
    ],
)
def test_exit_status(capsys: pytest.CaptureFixture[str], args: list[str], expected: int) -> None:
    assert run(capsys, "check", *args, MONTENEGRO)[0] == expected


def test_select_ignore_leaves_out_findings(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--ignore", "C003,T001,F", MONTENEGRO)
    assert out == "No problems found in 2 files.\n"


def test_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--select", "no-such-rule", MONTENEGRO)
    assert code == 2
    assert "no rule matches 'no-such-rule'" in err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "--no-such-option")[0] == 2


def test_one_bad_path_does_not_stop_the_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "missing.yaml")
    code, out, _ = run(capsys, "check", missing, ARCADIA)
    assert code == 1
    assert out.splitlines() == [
        f"{missing}:1:1: Y007 [unreadable] no such file",
        "Found 1 problem (1 error) in 3 files.",
    ]


def test_directories_skip_yaml_that_is_not_a_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "ci.yaml").write_text("jobs: {build: {}}\n", encoding="utf-8")
    report = (ROOT / "examples" / "arcadia" / "2013.yaml").read_text(encoding="utf-8")
    (tmp_path / "report.yml").write_text(report, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert (code, out) == (0, "No problems found in 1 file.\n")


def test_a_named_file_is_always_checked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "ci.yaml"
    other.write_text("jobs: {build: {}}\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(other))
    assert code == 1
    assert "S001 [schema-required] the report is missing 'form'" in out
    code, out, _ = run(capsys, "check", "--reports-only", str(other))
    assert (code, out) == (0, "No problems found in 0 files.\n")


def test_rules_lists_every_rule_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    listed = json.loads(out)
    assert code == 0
    codes = [r["code"] for r in listed]
    assert len(codes) == len(set(codes))
    assert {"Y001", "S001", "C001", "C002", "C003", "X001"} <= set(codes)
    assert all(r["severity"] in ("error", "warning", "info") for r in listed)
    _, text, _ = run(capsys, "rules")
    assert len(text.splitlines()) == len(listed)
    assert re.search(r"^C003  empty-section +warning  ", text, re.MULTILINE)


@pytest.mark.parametrize("name", ["C003", "c003", "empty-section"])
def test_explain(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, _ = run(capsys, "explain", name)
    assert code == 0
    assert out.startswith("C003 [empty-section] (warning)\n")
    assert "Failing:" in out and "Passing:" in out


def test_explain_unknown_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "explain", "empty-sections")
    assert code == 2
    assert "Did you mean: empty-section" in err


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["$schema"] == "http://json-schema.org/draft-07/schema#"
    code, out, _ = run(capsys, "schema", "--path")
    assert Path(out.strip()).read_text(encoding="utf-8") == (
        ROOT / "schema" / "galint.schema.json"
    ).read_text(encoding="utf-8")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"galint, version {galint.__version__}\n")


def test_internal_error_exits_3_without_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import galint.pipeline.engine

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(galint.pipeline.engine, "run", broken)
    monkeypatch.delenv("GALINT_DEBUG", raising=False)
    code, _, err = run(capsys, "check", ARCADIA)
    assert code == 3
    assert "galint: internal error: RuntimeError: boom" in err
    assert "Traceback" not in err


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "galint", "check", ARCADIA],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "No problems found in 2 files.\n")


def galint_process(*args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    """``python -m galint ARGS`` (or ``code`` run before the entry point), as a process."""
    command = (
        ["-m", "galint"]
        if not code
        else ["-c", f"{code}\nfrom galint.cli import entry_point\nentry_point()"]
    )
    return subprocess.run(
        [sys.executable, *command, *args], capture_output=True, text=True, check=False
    )


def test_the_command_exits_with_main_s_status_and_all_of_its_output() -> None:
    # The command ends with os._exit() rather than the interpreter's clean-up: the output is
    # flushed first, however long, and the exit status is main()'s.
    done = galint_process("check", "--format", "json", MONTENEGRO)
    assert done.returncode == 1
    assert len(json.loads(done.stdout)["findings"]) == 39
    assert galint_process("check", ARCADIA).returncode == 0
    usage = galint_process("check", "--select", "nonsense", ARCADIA)
    assert usage.returncode == 2 and "nonsense" in usage.stderr


def test_the_command_runs_exit_handlers() -> None:
    # A plugin's or logging's atexit handlers still run, after galint's output.
    code = "import atexit, sys\natexit.register(lambda: print('handler ran', file=sys.stderr))"
    done = galint_process("check", ARCADIA, code=code)
    assert (done.returncode, done.stderr) == (0, "handler ran\n")


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("sarif", '{\n  "$schema": "https://docs.oasis-open.org/sarif/'),
        ("junit", '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="galint"'),
        ("github", "::warning file="),
        ("gitlab", '[\n  {\n    "description": "'),
    ],
)
def test_ci_formats_to_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, start: str
) -> None:
    out_file = tmp_path / f"findings.{name}"
    code, out, _ = run(capsys, "check", "--format", name, "--output", str(out_file), MONTENEGRO)
    assert (code, out) == (1, "")
    assert out_file.read_text(encoding="utf-8").startswith(start)


def test_statistics(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--statistics", MONTENEGRO)
    assert code == 1
    assert out.splitlines() == [
        "  27  T001  [missing-timeframe]  A planned or follow-up action has no timeframe.",
        "   4  C003  [empty-section]      A section is missing, empty, or answered only with a "
        "placeholder such as '/'.",
        "   3  F001  [missing-follow-up]  A plan of the previous report is not mentioned "
        "in this one.",
        "   3  F002  [carried-over]       A previous plan is only restated as a new plan, with no "
        "word on what was done.",
        "   2  F004  [overdue-plan]       A previous plan's timeframe has ended, and it is neither "
        "reported done nor re-dated.",
        "Found 39 problems (39 warnings) in 2 files.",
    ]


def test_unwritable_output_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "check", "--output", str(tmp_path / "no" / "such" / "dir.txt"), ARCADIA
    )
    assert code == 2
    assert "cannot write" in err


def test_each_command_is_imported_only_when_it_runs() -> None:
    """`galint check` runs on every commit: it does not load the other commands' modules."""
    code = (
        "import sys\n"
        "from galint.cli import cli\n"
        "cli.main(['check', '--help'], standalone_mode=False)\n"
        "print(sorted(m for m in sys.modules if m.startswith('galint.cli.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "['galint.cli.check', 'galint.cli.options']"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    listed = [
        line.split()[0]
        for line in capsys.readouterr().out.split("Commands:")[1].splitlines()
        if line.strip()
    ]
    assert listed == sorted(COMMANDS)
    for name in COMMANDS:
        assert cli.get_command(click.Context(cli), name) is not None

"""Configuration files: found upward, validated strictly, overridden by the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_run import run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A country's repository holding Montenegro's two reports under reports/."""
    reports = tmp_path / "reports"
    shutil.copytree(ROOT / "examples" / "montenegro", reports)
    return tmp_path


FOUND = [
    "carried-over",
    "empty-section",
    "missing-follow-up",
    "missing-timeframe",
    "overdue-plan",
]


def rules_found(out: str) -> list[str]:
    return sorted({line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines()[:-1]})


def test_no_configuration(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    code, out, _ = run(capsys, "check", str(repo / "reports"))
    assert code == 1
    assert rules_found(out) == FOUND


def test_galint_yaml_found_upward(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    (repo / ".galint.yaml").write_text("ignore: [missing-timeframe, F]\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(repo / "reports" / "2014.yaml"))
    assert code == 1
    assert rules_found(out) == ["empty-section"]


def test_pyproject_tool_table(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.galint]\nselect = ["T"]\nfail-on = "error"\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(repo / "reports"))
    assert code == 0  # warnings only, and fail-on is error
    assert rules_found(out) == ["missing-timeframe"]


def test_pyproject_without_tool_table_is_passed_over(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    (repo / "reports" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (repo / ".galint.yaml").write_text("select: [C003]\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", str(repo / "reports"))
    assert rules_found(out) == ["empty-section"]


def test_severity_override_and_fail_on(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    (repo / ".galint.yaml").write_text(
        "severity: {empty-section: error, T001: info, F: info}\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "check", "--fail-on", "error", str(repo / "reports"))
    assert code == 1
    assert out.splitlines()[-1] == "Found 39 problems (4 errors, 35 info) in 2 files."


def test_per_file_ignores(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    (repo / ".galint.yaml").write_text(
        "per-file-ignores:\n  'reports/2014.yaml': [T001, F, empty-section]\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "check", str(repo / "reports"))
    assert (code, out) == (0, "No problems found in 2 files.\n")


def test_rule_options(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    report = repo / "reports" / "2014.yaml"
    text = report.read_text(encoding="utf-8").replace(
        "implementation: /", "implementation: pending", 1
    )
    report.write_text(text, encoding="utf-8")
    _, before, _ = run(capsys, "check", "--select", "C003", str(report))
    (repo / ".galint.yaml").write_text(
        "rules:\n  empty-section:\n    placeholders: [pending, n/a]\n", encoding="utf-8"
    )
    _, after, _ = run(capsys, "check", "--select", "C003", str(report))
    assert before.splitlines()[-1] == "Found 3 problems (3 warnings) in 1 file."
    assert after.splitlines()[-1] == "Found 4 problems (4 warnings) in 1 file."


def test_command_line_overrides_the_file(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    (repo / ".galint.yaml").write_text("select: [T001]\nignore: [C003]\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", "--select", "C003,T001", str(repo / "reports"))
    # --select replaces the file's select; the file's ignore still applies.
    assert rules_found(out) == ["missing-timeframe"]
    _, out, _ = run(capsys, "check", "--ignore", "T001", str(repo / "reports"))
    assert out == "No problems found in 2 files.\n"


def test_explicit_config_and_isolated(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    (repo / ".galint.yaml").write_text("select: [C003]\n", encoding="utf-8")
    other = repo / "other.yaml"
    other.write_text("select: [T001]\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", "--config", str(other), str(repo / "reports"))
    assert rules_found(out) == ["missing-timeframe"]
    _, out, _ = run(capsys, "check", "--isolated", str(repo / "reports"))
    assert rules_found(out) == FOUND


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selct: [C003]\n", "unknown key 'selct' (did you mean 'select'?)"),
        ("select: [Q999]\n", "no rule matches 'Q999'"),
        (
            "severity: {empty-section: fatal}\n",
            "severity.empty-section must be one of info, warning, error",
        ),
        ("severity: {no-such-rule: error}\n", "no rule matches 'no-such-rule'"),
        (
            "rules: {empty-section: {placeholder: [x]}}\n",
            "rules.empty-section: unknown option 'placeholder'",
        ),
        (
            "rules: {empty-section: {placeholders: 3}}\n",
            "rules.empty-section.placeholders must be a list of texts",
        ),
        ("rules: {no-such-rule: {}}\n", "rules.no-such-rule: no rule is named 'no-such-rule'"),
        ("fail-on: never\n", "fail-on must be one of info, warning, error"),
        ("per-file-ignores: [a]\n", "per-file-ignores must be a mapping"),
        ("- a\n", "the configuration must be a mapping"),
        ("select: [C003\n", "YAML syntax"),
    ],
)
def test_bad_configuration_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], repo: Path, text: str, message: str
) -> None:
    config = repo / ".galint.yaml"
    config.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "check", str(repo / "reports"))
    assert code == 2
    assert out == ""
    assert str(config) in err
    assert message in err


def test_bad_pyproject_is_a_usage_error(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    config = repo / "pyproject.toml"
    config.write_text("[tool.galint]\nselect = 3\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(repo / "reports"))
    assert code == 2
    assert f"{config}: select must be a list of rule codes" in err

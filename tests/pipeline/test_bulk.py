"""galint report: the secretariat's bulk check, on untrusted submissions."""

from __future__ import annotations

import gc
import io
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from cli_run import run
from support import countries_folder, no_hang, report_json

from galint import cli
from galint.io.discover import candidates, sniff
from galint.output.summary.stats import CountryStats, summarise
from galint.pipeline import bulk
from galint.pipeline.engine import Selection
from galint.rules import all_rules

ROOT = Path(__file__).resolve().parents[2]


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
    codes = [f"{a}{b}" for a in "ABCDEFGH" for b in "ABCDEFGH"][:40]
    folder = countries_folder(tmp_path / "many", codes)
    selection = Selection.of(all_rules())
    found = list(candidates([str(folder)]))
    assert len(found) >= bulk.PARALLEL_FROM

    def summary(jobs: int) -> list[tuple[str, list[str], list[tuple[str, int, int, str]]]]:
        return [
            (stats.key, stats.files, [(f.file, f.line, f.column, f.code) for f in stats.findings])
            for stats in bulk.run(found, selection, [str(folder)], summarise, jobs=jobs)
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
    monkeypatch.setattr(cli.report, "PROGRESS_FROM", 2)
    monkeypatch.setattr(sys, "stderr", terminal)
    code, out, _ = run(capsys, "report", "--format", "csv", str(ROOT / "examples"))
    assert code == 0
    assert out.startswith("country,name,target")
    assert "Checking" in terminal.getvalue()
    assert "100%" in terminal.getvalue()


# --- streaming: galint report holds one country at a time -------------------------------------


def live_countries() -> int:
    gc.collect()
    return sum(isinstance(o, CountryStats) for o in gc.get_objects())


@pytest.mark.parametrize("output_format", ["json", "csv", "text", "html"])
def test_report_lets_each_country_go_once_written(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    output_format: str,
) -> None:
    codes = ["AA", "BB", "CC", "DD", "EE", "FF"]
    folder = countries_folder(tmp_path / "many", codes)
    alive: list[int] = []
    check_group = bulk.check_group

    def counting(*args: Any, **kwargs: Any) -> CountryStats:
        alive.append(live_countries())  # before this country is checked
        return check_group(*args, **kwargs)

    monkeypatch.setattr(bulk, "check_group", counting)
    code, out, _ = run(capsys, "report", "--format", output_format, str(folder))
    assert code == 0 and "BB" in out
    assert len(alive) == len(codes)
    if output_format == "html":
        # The page embeds every country, so it keeps them all until it is made.
        assert alive == list(range(len(codes)))
    else:
        # Every country written out and let go before the next is checked.
        assert alive == [0] * len(codes)


@pytest.mark.parametrize("output_format", ["json", "csv", "text"])
def test_output_file_is_not_touched_when_the_run_fails(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    output_format: str,
) -> None:
    folder = countries_folder(tmp_path / "many", ["AA", "BB", "CC"])
    output = tmp_path / "report.out"
    output.write_text("the last good report\n", encoding="utf-8")
    check_group = bulk.check_group
    checked: list[int] = []

    def failing(*args: Any, **kwargs: Any) -> CountryStats:
        checked.append(1)
        if len(checked) == 3:
            raise RuntimeError("worker died")
        return check_group(*args, **kwargs)

    monkeypatch.setattr(bulk, "check_group", failing)
    args = ("report", "--format", output_format)
    code, out, err = run(capsys, *args, "-o", str(output), str(folder))
    assert code == cli.EXIT_INTERNAL and "worker died" in err
    assert output.read_text(encoding="utf-8") == "the last good report\n"
    checked.clear()
    code, out, err = run(capsys, *args, str(folder))
    assert code == cli.EXIT_INTERNAL and out == ""  # nothing half-printed either


def test_report_ends_with_an_error_when_a_worker_dies(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = countries_folder(tmp_path / "many", ["AA", "BB", "CC", "DD"])
    check_group = bulk.check_group
    checked: list[int] = []

    def dying(*args: Any, **kwargs: Any) -> CountryStats:
        checked.append(1)  # in the worker: its own count
        if len(checked) == 2:
            os._exit(9)
        return check_group(*args, **kwargs)

    monkeypatch.setattr(bulk, "check_group", dying)
    monkeypatch.setattr(bulk, "PARALLEL_FROM", 2)
    with no_hang():
        code, out, err = run(capsys, "report", "-j", "2", "--format", "json", str(folder))
    assert code == cli.EXIT_INTERNAL and out == ""
    assert "a worker process ended (exit code 9)" in err


def test_a_country_of_many_pairs_is_traced_once_per_pair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A country's reports are checked, then summarised: the summary reuses the traces the
    rules made, however many pairs the country has, and lets them go afterwards."""
    from galint.analysis.trace import cache

    pairs = cache._CACHE_SIZE + 4
    for n in range(pairs):
        shutil.copytree(ROOT / "examples" / "montenegro", tmp_path / f"round-{n:02}")
    made: list[object] = []
    real = cache.trace

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(cache, "trace", counted)
    found = list(candidates([str(tmp_path)]))
    stats = bulk.check_group(found, Selection.of(all_rules()), [str(tmp_path)], summarise)
    assert len(made) == pairs == len({id(r) for r in made})
    assert sum(t.plans_previous for t in stats.targets) == pairs * 16
    assert not cache._CACHE

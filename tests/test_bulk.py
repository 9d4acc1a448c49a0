"""galint report: the secretariat's bulk check, on untrusted submissions."""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import json
import multiprocessing
import os
import shutil
import signal
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from cli_run import run

from galint import cli
from galint.core.diagnostic import Finding
from galint.io.discover import candidates, sniff
from galint.output import bulkformats
from galint.output.bulkformats import CSV_COLUMNS
from galint.pipeline import bulk, parallel
from galint.pipeline.engine import Selection
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
    codes = [f"{a}{b}" for a in "ABCDEFGH" for b in "ABCDEFGH"][:40]
    folder = countries_folder(tmp_path / "many", codes)
    selection = Selection.of(all_rules())
    found = list(candidates([str(folder)]))
    assert len(found) >= bulk.PARALLEL_FROM

    def summary(jobs: int) -> list[tuple[str, list[str], list[tuple[str, int, int, str]]]]:
        return [
            (stats.key, stats.files, [(f.path, f.line, f.column, f.code) for f in stats.findings])
            for stats in bulk.run(found, selection, [str(folder)], jobs=jobs)
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
    from galint.output import html

    assert html.status(target_4) == "none"  # shown as "No report", not as empty sections


# --- streaming: galint report holds one country at a time -------------------------------------


def countries_folder(folder: Path, codes: Sequence[str]) -> Path:
    """Montenegro's pair once per code, each in its own folder."""
    for code in codes:
        for name in ("2013.yaml", "2014.yaml"):
            text = (ROOT / "examples" / "montenegro" / name).read_text(encoding="utf-8")
            target = folder / code.lower() / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text.replace("code: ME", f"code: {code}"), encoding="utf-8")
    return folder


def odd_countries() -> list[bulk.CountryStats]:
    """Summaries with what a streamed text could get wrong: newlines and other line breaks
    in strings, non-ASCII, keys that repeat, no code, no targets."""
    finding = Finding("x/a.yaml", 3, 1, 3, 9, "C003", "empty-section", "warning", 'say "/"\n')
    odd = bulk.CountryStats(key="?x", code=None, name="Zé\nland\u2028\r\t", files=["x/a.yaml"])
    odd.targets = [bulk.TargetStats(1, sections=3, filled=1)]
    odd.findings = [finding]
    odd.plans = [
        bulk.PlanRow(
            "1.1", 1, "missing", "Plan\nwith\r\nbreaks", "x/a.yaml", 4,
            [bulk.FollowedIn("x/b.yaml", "Done…", "implementation", 1, 2, 9, 0.5, "text")],
        )
    ]  # fmt: skip
    return [odd, bulk.CountryStats(key="?x", code=None, name=None), odd]


def example_countries() -> list[bulk.CountryStats]:
    found = list(candidates([str(ROOT / "examples")], named_are_reports=True))
    return list(bulk.run(found, Selection.of(all_rules()), [str(ROOT / "examples")], jobs=1))


@pytest.mark.parametrize("which", ["examples", "odd", "none"])
def test_streamed_json_is_json_dumps_of_the_data(which: str) -> None:
    countries = {"examples": example_countries, "odd": odd_countries, "none": list}[which]()
    expected = json.dumps(bulkformats.data(countries), indent=2, ensure_ascii=False) + "\n"
    # A lazy iterable, read once, as galint report hands over bulk.run(...).
    assert "".join(bulkformats.json_chunks(iter(countries))) == expected
    assert bulkformats.render_json(countries) == expected
    assert json.loads(expected)["totals"]["countries"] == len(countries)


def test_the_json_output_of_galint_report_is_json_dumps_of_the_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = countries_folder(tmp_path / "many", ["AA", "BB", "CC"])
    found = list(candidates([str(folder)], named_are_reports=True))
    countries = list(bulk.run(found, Selection.of(all_rules()), [str(folder)], jobs=1))
    code, out, _ = run(capsys, "report", "--format", "json", str(folder))
    assert code == 0
    assert out == json.dumps(bulkformats.data(countries), indent=2, ensure_ascii=False) + "\n"
    output = tmp_path / "report.json"
    assert run(capsys, "report", "--format", "json", "-o", str(output), str(folder))[0] == 0
    assert output.read_text(encoding="utf-8") == out


def test_csv_and_text_outputs_take_the_countries_lazily() -> None:
    countries = example_countries() + odd_countries()
    rows = list(csv.DictReader(io.StringIO("".join(bulkformats.csv_chunks(iter(countries))))))
    assert [r["country"] for r in rows] == [c.code or c.key for c in countries for _ in c.targets]
    assert rows[-1]["name"] == "Zé\nland\u2028\r\t"
    text = bulkformats.render_text(iter(countries))
    findings = sum(len(c.findings) for c in countries)
    assert text.splitlines()[-1] == f"5 countries, 6 files, {findings} findings."


def test_spooled_text_comes_back_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulkformats, "BLOCK", 3)
    chunks = ["a\r\n", "", "Zé\u2028land\r", "x" * 10]
    pieces = list(bulkformats.spooled(iter(chunks)))
    assert "".join(pieces) == "".join(chunks)
    assert len(pieces) > 1 and all(len(piece) <= 3 for piece in pieces)
    assert list(bulkformats.spooled([])) == []


def live_countries() -> int:
    gc.collect()
    return sum(isinstance(o, bulk.CountryStats) for o in gc.get_objects())


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

    def counting(*args: Any, **kwargs: Any) -> bulk.CountryStats:
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

    def failing(*args: Any, **kwargs: Any) -> bulk.CountryStats:
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


def test_batches_keep_heavy_items_apart() -> None:
    assert list(parallel._batches(list(range(7)), 3, None)) == [[0, 1, 2], [3, 4, 5], [6]]
    sizes = [2, 2, 2, 108, 2, 2, 108, 108, 2]
    batches = list(parallel._batches(sizes, 4, lambda n: n))
    assert [n for batch in batches for n in batch] == sizes
    # At most 4 times the median weight (2) in a batch, unless one item alone is heavier.
    assert batches == [[2, 2, 2], [108], [2, 2], [108], [108], [2]]


def test_batches_shrink_towards_the_end_so_that_workers_finish_together() -> None:
    items = list(range(200))
    sizes = [len(batch) for batch in parallel._batches(items, 16, None, workers=2)]
    assert sum(sizes) == 200 and max(sizes) == 16
    assert sizes[0] == 16 and sizes[-3:] == [1, 1, 1]
    assert sizes == sorted(sizes, reverse=True)  # never larger than the one before
    assert [len(b) for b in parallel._batches(items, 16, None)] == [16] * 12 + [8]


_PREPARED: list[str] = []


def _prepare_worker() -> None:
    _PREPARED.append("prepared")


def _prepare_and_fail() -> None:
    raise RuntimeError("cannot prepare")


def _with_preparation(offset: int, item: int) -> tuple[int, list[str], int]:
    return item + offset, list(_PREPARED), os.getpid()


def test_workers_prepare_while_the_items_are_made() -> None:
    made = []

    def items() -> list[int]:
        made.append(os.getpid())
        return list(range(40))

    results = list(parallel.imap(_with_preparation, items, 100, 2, prepare=_prepare_worker))
    assert [n for n, _, _ in results] == list(range(100, 140))  # in order
    assert made == [os.getpid()]  # once, in this process
    assert {pid for _, _, pid in results} - {os.getpid()}  # by the workers
    assert all(prepared == ["prepared"] for _, prepared, _ in results)  # once each
    assert _PREPARED == []  # not here
    assert list(parallel.imap(_with_preparation, lambda: [], 0, 2, weight=abs)) == []


@contextlib.contextmanager
def no_hang(seconds: int = 30) -> Iterator[None]:
    """Fail, rather than wait for ever, when the work inside does not end."""

    def hung(*_: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_worker_that_cannot_prepare_still_works() -> None:
    with no_hang():
        work = parallel.imap(_with_preparation, lambda: [1, 2, 3], 0, 2, None, _prepare_and_fail)
        assert [n for n, _, _ in work] == [1, 2, 3]


def _dies_at_five(shared: None, item: int) -> int:
    if item == 5:
        os._exit(7)  # as a crash in C code or the kernel's out-of-memory killer would end it
    return item


def _unpicklable(shared: None, item: int) -> object:
    return lambda: item


def test_a_worker_that_dies_ends_the_run_with_an_error() -> None:
    with no_hang(), pytest.raises(parallel.WorkerDied, match="exit code 7"):
        list(parallel.imap(_dies_at_five, list(range(100)), None, 2))
    assert multiprocessing.active_children() == []  # the other one is stopped too


def test_a_result_that_cannot_be_sent_back_is_an_error() -> None:
    with no_hang(), pytest.raises(RuntimeError, match="pickle"):
        list(parallel.imap(_unpicklable, list(range(10)), None, 2))
    assert multiprocessing.active_children() == []


def test_workers_end_when_the_caller_stops_early() -> None:
    with no_hang():
        work = parallel.imap(_with_preparation, list(range(100)), 0, 2)
        assert next(work)[0] == 0
        work.close()
    assert multiprocessing.active_children() == []


def test_report_ends_with_an_error_when_a_worker_dies(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = countries_folder(tmp_path / "many", ["AA", "BB", "CC", "DD"])
    check_group = bulk.check_group
    checked: list[int] = []

    def dying(*args: Any, **kwargs: Any) -> bulk.CountryStats:
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
    stats = bulk.check_group(found, Selection.of(all_rules()), [str(tmp_path)])
    assert len(made) == pairs == len({id(r) for r in made})
    assert sum(t.plans_previous for t in stats.targets) == pairs * 16
    assert not cache._CACHE

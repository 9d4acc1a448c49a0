"""Property-based hardening: hostile input never makes galint fail, and limits hold.

1. Any text, any bytes, any mutation of the examples: the engine and the CLI finish with
   findings (never a traceback, an X001 or an exit code 2 or 3), and every finding lies in
   the file. The same for a 2014 report paired with a 2013 report, both mutated.
2. ``galint timeframe`` and ``galint.analysis.timeframe.parse``/``extract`` read any text.
3. ``--fix`` never loses data: comments, item texts and values are kept, only ids,
   timeframes and follows links are added, and a second run changes nothing.
4. Deep nesting, alias bombs and oversized files end with a finding, read within bounds.

Bugs they found are kept, fixed, as explicit examples at the end of the file.

The number of examples is set per test so that the file runs in well under a minute on two
cores; ``GALINT_FUZZ_SCALE=10`` multiplies them for a longer hunt. With ``CI`` set, the "ci"
profile derandomizes the run, so that CI is reproducible; locally every run draws anew.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from unittest import mock

import pytest
from fuzz_strategies import (
    IDS,
    deep_copy,
    mutated_examples,
    raw_bytes,
    raw_yaml,
    same_data,
    timeframe_text,
    yaml_documents,
)
from hypothesis import HealthCheck, Phase, event, example, given, settings
from hypothesis import strategies as st

import galint.io.load
from galint import cli
from galint.analysis.timeframe import Timeframe, extract
from galint.analysis.timeframe import parse as parse_timeframe
from galint.core.diagnostic import Diagnostic
from galint.fix import FixResult, apply, fix_diagnostics, planned
from galint.form.model import Report, build
from galint.io.discover import Candidate
from galint.io.load import MAX_ALIAS_VALUES, MAX_BYTES, MAX_DEPTH, Loaded, load_bytes, load_path
from galint.io.load import parse as parse_yaml
from galint.pipeline.engine import FileResult, Selection, check_loaded, run
from galint.rules import all_rules

pytestmark = pytest.mark.slow

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large]
SELECTION = Selection.of(all_rules())
BOM = "\ufeff"
KINDS = {"interval", "continuous", "vague", "none"}
ADDED_KEYS = ("id", "timeframe", "follows")
DEPTH = 100_000


SCALE = float(os.environ.get("GALINT_FUZZ_SCALE", "1"))


def fuzz(max_examples: int) -> settings:
    """The settings of one property: bounded by examples, never by time."""
    return settings(
        max_examples=max(1, round(max_examples * SCALE)),
        deadline=None,
        suppress_health_check=SLOW,
    )


# --- helpers --------------------------------------------------------------------------------


def assert_findings_in_file(findings: list[Diagnostic], text: str) -> None:
    """No X001, and every finding within ``text`` (as parsed): its lines, and columns within
    them.

    libyaml puts the end of a file that does not end with a line break at the start of the
    line after it: that one position past the last line is allowed, as the end of the file.
    """
    lines = galint.io.load.split_lines(text)
    eof = (len(lines) + 1, 1)
    for finding in findings:
        assert finding.code != "X001", finding.message
        assert finding.column >= 1, finding
        assert (finding.end_line, finding.end_column) >= (finding.line, finding.column), finding
        if (finding.line, finding.column) == eof:
            assert finding.end_line == finding.line, finding
            continue
        assert 1 <= finding.line <= finding.end_line <= len(lines), (finding, len(lines))
        assert finding.column <= len(lines[finding.line - 1]) + 1, (finding, lines)
        assert finding.end_column <= len(lines[finding.end_line - 1]) + 2, (finding, lines)


def check_text(text: str) -> FileResult:
    """Engine run on a text written as a file: as load_path would read it."""
    return check_bytes(text.encode("utf-8"))


def check_bytes(raw: bytes) -> FileResult:
    loaded = load_bytes(raw, "report.yaml")
    result = check_loaded(loaded, SELECTION)
    assert_findings_in_file(result.findings, as_read(raw))
    return result


def as_read(raw: bytes) -> str:
    """The text galint reads from a file's bytes: less a BOM, undecodable bytes replaced."""
    return raw.removeprefix(codecs.BOM_UTF8).decode("utf-8", "replace")


def run_cli(*args: str) -> tuple[int, str, str]:
    """``galint ARGS`` in-process: exit code, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    code: int | str | None = 0
    with (
        mock.patch.object(sys, "argv", ["galint", *args]),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            cli.main()
        except SystemExit as done:
            code = done.code
    assert isinstance(code, int) or code is None, code
    return code or 0, out.getvalue(), err.getvalue()


def assert_cli_check(code: int, out: str, err: str, texts: dict[str, str]) -> None:
    """A check run that worked: exit 0 or 1, no internal error, findings in their files."""
    assert code in (0, 1), (code, err)
    assert "internal error" not in err, err
    assert "Traceback" not in err, err
    findings = [Diagnostic.from_dict(finding) for finding in json.loads(out)["findings"]]
    for path, text in texts.items():
        assert_findings_in_file([f for f in findings if Path(f.file).name == path], text)


def write(path: Path, content: str | bytes) -> None:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


# --- 1. any input: findings, never a failure ------------------------------------------------

any_text = st.one_of(yaml_documents(), raw_yaml, mutated_examples())


@fuzz(1200)
@given(text=any_text)
def test_engine_reads_any_text(text: str) -> None:
    for code in sorted({finding.code for finding in check_text(text).findings}):
        event(f"finding {code}")
    # The same text handed to the parser directly (a BOM, if any, left in).
    loaded = parse_yaml(text, "report.yaml")
    assert_findings_in_file(check_loaded(loaded, SELECTION).findings, text)


@fuzz(1000)
@given(raw=raw_bytes)
@example(raw=b"\xff\xfe" + "form: x".encode("utf-16-le"))
@example(raw=b"form: global-alliance/2014\n\x00")
@example(raw=b"a: \xed\xa0\x80")
def test_engine_reads_any_bytes(raw: bytes) -> None:
    check_bytes(raw)


@fuzz(120)
@given(
    content=st.one_of(any_text, raw_bytes),
    options=st.sampled_from(
        (
            (),
            ("--fix",),
            ("--fix", "--unsafe-fixes"),
            ("--require-previous",),
            ("--fail-on", "info"),
            ("--verbose",),
        )
    ),
    other_format=st.sampled_from(("text", "sarif", "junit", "github", "gitlab", "statistics")),
)
def test_cli_checks_any_file(
    tmp_path: Path, content: str | bytes, options: tuple[str, ...], other_format: str
) -> None:
    report = tmp_path / "report.yaml"
    write(report, content)
    text = as_read(report.read_bytes())
    code, out, err = run_cli("check", "--isolated", "--format", "json", *options, str(report))
    if "--fix" in options:
        text = as_read(report.read_bytes())  # the findings are the fixed file's
    assert_cli_check(code, out, err, {report.name: text})
    # Every other output format renders the same findings without failing.
    shown = ("--statistics",) if other_format == "statistics" else ("--format", other_format)
    code, out, err = run_cli("check", "--isolated", *shown, str(report))
    assert code in (0, 1), (code, err)
    assert "internal error" not in err, err
    # A baseline of this run hides every finding of the next one.
    baseline = tmp_path / "baseline.json"
    code, out, err = run_cli("check", "--isolated", "--write-baseline", str(baseline), str(report))
    assert code == 0, err
    code, out, err = run_cli(
        "check", "--isolated", "--format", "json", "--baseline", str(baseline), str(report)
    )
    assert (code, json.loads(out)["findings"]) == (0, []), err


def example_pair(country: str) -> st.SearchStrategy[tuple[str, str]]:
    return st.tuples(
        mutated_examples(f"{country}/2013.yaml"), mutated_examples(f"{country}/2014.yaml")
    )


pairs = st.sampled_from(("arcadia", "montenegro")).flatmap(example_pair)


@fuzz(200)
@given(pair=pairs)
def test_follow_up_rules_read_any_pair(tmp_path: Path, pair: tuple[str, str]) -> None:
    old, new = tmp_path / "2013.yaml", tmp_path / "2014.yaml"
    write(old, pair[0])
    write(new, pair[1])
    texts = {old.name: as_read(old.read_bytes()), new.name: as_read(new.read_bytes())}
    # Paired by the 2014 report's previous: key (when the mutation kept it), by country, and
    # by --previous.
    for results in (
        run([Candidate(str(new), True)], SELECTION),
        run([Candidate(str(new), True), Candidate(str(old), True)], SELECTION),
        run([Candidate(str(new), True)], SELECTION, previous=str(old), require_previous=True),
    ):
        for result in results:
            assert_findings_in_file(result.findings, texts[Path(result.path).name])
            for code in sorted({f.code for f in result.findings if f.code.startswith("F")}):
                event(f"finding {code}")


@fuzz(40)
@given(pair=pairs, report_format=st.sampled_from(("json", "text", "csv", "html")))
def test_cli_follow_up_commands_read_any_pair(
    tmp_path: Path, pair: tuple[str, str], report_format: str
) -> None:
    old, new = tmp_path / "2013.yaml", tmp_path / "2014.yaml"
    write(old, pair[0])
    write(new, pair[1])
    texts = {old.name: as_read(old.read_bytes()), new.name: as_read(new.read_bytes())}
    code, out, err = run_cli("check", "--isolated", "--format", "json", str(new), str(old))
    assert_cli_check(code, out, err, texts)
    code, out, err = run_cli(
        "check", "--isolated", "--format", "json", "--previous", str(old), str(new)
    )
    assert_cli_check(code, out, err, {new.name: texts[new.name]})
    # Commands that need readable reports may refuse them (exit 2), never fail (exit 3).
    for args in (
        ("trace", str(old), str(new)),
        ("trace", "--format", "json", str(old), str(new)),
    ):
        code, out, err = run_cli(*args)
        assert code in (0, 2), (args, code, err)
        assert "internal error" not in err, err
    # The skeleton of the next report, when there is one, is readable YAML with every target
    # and goal of the form (its empty stubs and whatever it copies are for the author).
    code, out, err = run_cli("new", "--from", str(old))
    assert code in (0, 2), (code, err)
    assert "internal error" not in err, err
    if code == 0:
        skeleton = check_text(out)
        wrong = [f for f in skeleton.findings if f.code[0] == "Y" or f.code in ("C001", "C002")]
        assert not wrong, (wrong, out)
    # The secretariat's bulk report exits 0 whatever it finds.
    code, out, err = run_cli("report", "--format", report_format, "-j", "1", str(tmp_path))
    assert code == 0, err
    if report_format == "json":
        json.loads(out)


# --- 2. timeframes --------------------------------------------------------------------------


def assert_timeframe(found: Timeframe, text: str) -> None:
    assert found.kind in KINDS, found
    if found.start is not None and found.end is not None:
        assert found.start <= found.end, found
    if found.span is not None:
        start, end = found.span
        assert 0 <= start <= end <= len(text), found
        assert found.matched == text[start:end], found
    if found.kind == "interval":
        assert found.start is not None or found.end is not None, found
    else:
        assert found.start is None and found.end is None, found
    found.describe()


@fuzz(4000)
@given(text=timeframe_text)
@example(text="winter 2099")
@example(text="December - February 1990")
@example(text="\u017fpring 2014")
@example(text="(29.02 - 1.03.2013)")
def test_timeframe_reads_any_text(text: str) -> None:
    assert_timeframe(parse_timeframe(text), text)
    assert_timeframe(extract(text), text)


def iso(value: str | None) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


@fuzz(200)
@given(texts=st.lists(timeframe_text, min_size=1, max_size=4))
def test_cli_timeframe_reads_any_text(texts: list[str]) -> None:
    code, out, err = run_cli("timeframe", "--format", "json", "--", *texts)
    assert code == 0, err
    rows = json.loads(out)
    assert [row["text"] for row in rows] == texts
    for row in rows:
        assert row["kind"] in KINDS, row
        start, end = iso(row["start"]), iso(row["end"])
        if start is not None and end is not None:
            assert start <= end, row
        assert row["matched"] in row["text"], row
    code, out, err = run_cli("timeframe", "--", *texts)
    assert code == 0, err
    assert "internal error" not in err


# --- 3. --fix -------------------------------------------------------------------------------


def loaded_report(text: str) -> tuple[Loaded, Report | None]:
    """The file's report as ``galint check`` builds it (a BOM is read past)."""
    loaded = load_bytes(text.encode("utf-8"), "report.yaml")
    return loaded, build(loaded.document) if loaded.document is not None else None


def comment_lines(text: str) -> list[str]:
    lines = galint.io.load.split_lines(text.removeprefix(BOM))
    return [line.strip() for line in lines if line.lstrip().startswith("#")]


def in_order(wanted: list[str], found: list[str]) -> bool:
    remaining = iter(found)
    return all(line in remaining for line in wanted)


def at(data: object, path: tuple[str | int, ...]) -> object:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data


def without_added_keys(new: object, old: object, report: Report) -> object:
    """The fixed file's data less what the fixes may add: ids, timeframes, follows links on
    items (a plain-text item turned into a mapping turned back)."""
    data = deep_copy(new)
    for item in report.items():
        before, after = at(old, item.path), at(data, item.path)
        if not isinstance(after, dict):
            continue
        for key in ADDED_KEYS:
            if key in after and not (isinstance(before, dict) and key in before):
                added = after.pop(key)
                texts = added if key == "follows" and isinstance(added, list) else [added]
                assert texts and all(isinstance(t, str) and t for t in texts), (key, added)
        if isinstance(before, str) and list(after) == ["text"]:
            parent = at(data, item.path[:-1])
            assert isinstance(parent, list)
            parent[item.path[-1]] = after["text"]  # type: ignore[index]
    return data


Links = list[tuple[int, list[str]]]

# Follows links as tracing would give them: ids for some items, picked by their index.
links = st.lists(
    st.tuples(st.integers(0, 10_000), st.lists(st.sampled_from(IDS), min_size=1, max_size=3)),
    max_size=4,
)


def links_for(report: Report, picked: Links) -> dict[tuple[str | int, ...], list[str]]:
    items = list(report.items())
    return {items[index % len(items)].path: refs for index, refs in picked if items}


def fixed(
    text: str, report: Report, unsafe: bool, links: dict, problems: list[Diagnostic]
) -> FixResult:
    """What ``--fix`` writes with these follows ``links``: the fix rules' safe diagnostics
    (and, with ``unsafe``, all of them), applied."""
    diagnostics = fix_diagnostics(report, planned(report, links))
    chosen = [d for d in diagnostics if unsafe or (d.fix is not None and d.fix.safe)]
    return apply(text, report, chosen, problems)


EXAMPLE_TEXTS = {
    name: (Path(__file__).parent.parent / "examples" / name).read_text("utf-8")
    for name in ("montenegro/2013.yaml", "montenegro/2014.yaml")
}


@fuzz(600)
@given(
    text=st.one_of(mutated_examples(), mutated_examples(), yaml_documents()),
    unsafe=st.booleans(),
    picked=links,
)
@example(text=EXAMPLE_TEXTS["montenegro/2013.yaml"], unsafe=False, picked=[])
@example(text=EXAMPLE_TEXTS["montenegro/2014.yaml"], unsafe=True, picked=[(0, ["1.1"])])
def test_fix_keeps_everything_and_is_idempotent(text: str, unsafe: bool, picked: Links) -> None:
    loaded, report = loaded_report(text)
    if report is None:
        return  # a file that does not parse is never fixed
    follows = links_for(report, picked) if unsafe else {}
    result = fixed(text, report, unsafe, follows, loaded.problems)
    assert not (result.skipped_reason or "").startswith("galint could not fix"), (
        result.skipped_reason
    )
    if result.text == text:
        assert result.applied == []
        event(f"fix: unchanged, {(result.skipped_reason or 'nothing to fix')[:40]}")
        return
    event("fix: changed")
    assert result.applied and result.skipped_reason is None
    fixed_loaded, new_report = loaded_report(result.text)
    assert fixed_loaded.document is not None and new_report is not None
    assert not Counter(p.rule for p in fixed_loaded.problems) - Counter(
        p.rule for p in loaded.problems
    )
    assert in_order(comment_lines(text), comment_lines(result.text))
    assert [(i.path, i.text) for i in new_report.items()] == [
        (i.path, i.text) for i in report.items()
    ]
    assert loaded.document is not None
    old_data = loaded.document.data
    assert same_data(without_added_keys(fixed_loaded.document.data, old_data, report), old_data)
    again = fixed(result.text, new_report, unsafe, follows, fixed_loaded.problems)
    assert again.text == result.text, again.applied


# --- 4. limits ------------------------------------------------------------------------------


def nested(depth: int, style: str) -> str:
    if style == "flow-seq":
        return "[" * depth + "x" + "]" * depth
    if style == "flow-map":
        return "{a: " * depth + "x" + "}" * depth
    if style == "block-seq":
        return "- " * depth + "x\n"
    if style == "block-map":
        return "".join(" " * level + "a:\n" for level in range(depth)) + " " * depth + "x\n"
    # Block mappings and sequences under one another, then flow collections.
    block = "".join(" " * (2 * level) + "k:\n" + " " * (2 * level) + "-\n" for level in range(50))
    return block + " " * 100 + "[" * depth + "{a: x}" + "]" * depth


NESTING_STYLES = ("flow-seq", "flow-map", "block-seq", "block-map", "mixed")
# Indented block mappings take depth * depth / 2 characters: stay under the size bound.
BLOCK_MAP_DEPTH = 1_500


def refusal(findings: list[Diagnostic], rule: str) -> Diagnostic:
    assert [finding.rule for finding in findings if finding.severity == "error"] == [rule], findings
    return next(finding for finding in findings if finding.rule == rule)


@fuzz(20)
@given(depth=st.integers(MAX_DEPTH + 1, DEPTH), style=st.sampled_from(NESTING_STYLES))
@example(depth=DEPTH, style="flow-seq")
@example(depth=DEPTH, style="flow-map")
@example(depth=DEPTH, style="block-seq")
@example(depth=DEPTH, style="mixed")
@example(depth=BLOCK_MAP_DEPTH, style="block-map")
@example(depth=MAX_DEPTH + 1, style="flow-seq")
def test_deep_nesting_is_refused(depth: int, style: str) -> None:
    if style == "block-map":
        depth = min(depth, BLOCK_MAP_DEPTH)
    text = nested(depth, style)
    finding = refusal(check_text(text).findings, "yaml-limit")
    assert "nests deeper than" in finding.message


@fuzz(20)
@given(depth=st.integers(1, MAX_DEPTH - 1), style=st.sampled_from(NESTING_STYLES[:4]))
@example(depth=MAX_DEPTH - 1, style="flow-seq")
def test_nesting_within_the_bound_is_read(depth: int, style: str) -> None:
    # The root mapping of a report is one level: its values may nest MAX_DEPTH - 1 more.
    text = "form: x\nvalue:\n" + "".join(
        "  " + line + "\n" for line in nested(depth, style).splitlines()
    )
    result = check_text(text)
    assert "yaml-limit" not in [finding.rule for finding in result.findings]


def alias_bomb(width: int, levels: int, flow: bool) -> tuple[str, int]:
    """A "billion laughs": each level an anchored list of ``width`` aliases of the one before.

    Also returns how many values the aliases stand for, counted as galint counts them (each
    alias adds the size of its anchor's value, the collection itself included)."""
    size, expanded = 1 + width, 0
    lines = ["lol0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels + 1):
        expanded += width * size
        size = 1 + width * size
        aliases = [f"*l{level - 1}"] * width
        if flow:
            lines.append(f"lol{level}: &l{level} [" + ", ".join(aliases) + "]")
        else:
            lines.append(f"lol{level}: &l{level}\n" + "".join(f"  - {a}\n" for a in aliases))
    return "\n".join(lines) + "\n", expanded


@fuzz(40)
@given(width=st.integers(1, 12), levels=st.integers(1, 9), flow=st.booleans())
@example(width=10, levels=9, flow=True)  # the classic: a billion "lol"s from 1 KB
@example(width=10, levels=9, flow=False)
def test_alias_bombs_are_refused(width: int, levels: int, flow: bool) -> None:
    text, expanded = alias_bomb(width, levels, flow)
    findings = check_text(text).findings
    if expanded > MAX_ALIAS_VALUES:
        assert "billion laughs" in refusal(findings, "yaml-limit").message
    else:
        assert "yaml-limit" not in [finding.rule for finding in findings]


class CountingFile:
    """A file whose reads are counted, to check how much the loader reads."""

    def __init__(self, stream: IO[bytes], counter: list[int]) -> None:
        self.stream = stream
        self.counter = counter

    def __enter__(self) -> CountingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.counter.append(len(data))
        return data

    def fileno(self) -> int:
        return self.stream.fileno()


@contextlib.contextmanager
def counted_reads() -> Iterator[list[int]]:
    counter: list[int] = []

    def counting_open(path: str, mode: str = "r", *args: Any, **kwargs: Any) -> CountingFile:
        assert mode == "rb"
        return CountingFile(open(path, mode, *args, **kwargs), counter)

    with mock.patch.object(galint.io.load, "open", counting_open, create=True):
        yield counter


def write_size(path: Path, size: int) -> None:
    """A file of ``size`` bytes of valid YAML (so only its size can make it a finding)."""
    line = b"# " + b"x" * 1021 + b"\n"
    with open(path, "wb") as stream:
        for _ in range(size // len(line)):
            stream.write(line)
        stream.write(b"#" * (size % len(line)))


FIFTY_MB = 50 * 1024 * 1024


@fuzz(40)
@given(bound=st.integers(0, 8192), over=st.integers(-20, 100_000))
@example(bound=MAX_BYTES, over=FIFTY_MB - MAX_BYTES)
@example(bound=MAX_BYTES, over=1)
@example(bound=MAX_BYTES, over=0)
def test_files_over_the_size_bound_are_refused_unread(
    tmp_path: Path, bound: int, over: int
) -> None:
    size = max(0, bound + over)
    path = tmp_path / "large.yaml"
    write_size(path, size)
    with counted_reads() as reads:
        loaded = load_path(str(path), max_bytes=bound)
    assert reads, "load_path no longer reads through open(): update counted_reads"
    assert loaded is not None
    assert sum(reads) <= bound + 1, reads
    findings = check_loaded(loaded, SELECTION).findings
    if size > bound:
        finding = refusal(findings, "file-too-large")
        assert (finding.line, finding.column) == (1, 1)
        assert f"larger than {bound:,} bytes" in finding.message
    else:
        assert "file-too-large" not in [finding.rule for finding in findings]


def test_cli_refuses_a_50_mb_file_and_deep_nesting(tmp_path: Path) -> None:
    large, deep = tmp_path / "large.yaml", tmp_path / "deep.yaml"
    write_size(large, FIFTY_MB)
    write(deep, nested(DEPTH, "flow-seq"))
    bomb = tmp_path / "bomb.yaml"
    write(bomb, alias_bomb(10, 9, True)[0])
    code, out, err = run_cli(
        "check", "--isolated", "--format", "json", str(large), str(deep), str(bomb)
    )
    assert code == 1, err
    found = {
        (Path(f["path"]).name, f["rule"], f["line"], f["column"])
        for f in json.loads(out)["findings"]
    }
    assert ("large.yaml", "file-too-large", 1, 1) in found
    assert {(name, rule) for name, rule, _, _ in found} == {
        ("large.yaml", "file-too-large"),
        ("deep.yaml", "yaml-limit"),
        ("bomb.yaml", "yaml-limit"),
    }
    assert f"{MAX_BYTES:,}" in out


# --- bugs these properties found, fixed: their failing examples stay as regression tests ---


@settings(phases=[Phase.explicit], deadline=None)
@given(text=st.text())
@example(text="- \u2028Q1")  # Y001 at 3:1 in a one-line file; the end of the file is 1:6
@example(text="a: b\u2028c: d\u2028e: [")  # Y001 at 4:1; the end of the file is 1:15
@example(text="a\x85b: [x")  # Y001 at 2:2; the ':' it is about is at 1:4
def test_syntax_error_positions_count_lines_as_editors_do(text: str) -> None:
    result = check_loaded(load_bytes(text.encode("utf-8"), "report.yaml"), SELECTION)
    assert_findings_in_file(result.findings, text)


@settings(phases=[Phase.explicit], deadline=None)
@given(raw=st.binary())
@example(raw=b"\r\x00")  # Y006 at 1:2; the NUL is at 2:1
@example(raw=b"\r\x1f")  # Y001 (control character) at 1:2
@example(raw=b"form: x\rcountry: \xff")  # Y006 at 1:18 on a line of 7 characters
def test_byte_positions_count_lone_cr_as_a_line_break(raw: bytes) -> None:
    result = check_loaded(load_bytes(raw, "report.yaml"), SELECTION)
    assert_findings_in_file(result.findings, as_read(raw))


@settings(phases=[Phase.explicit], deadline=None)
@given(raw=st.binary())
@example(raw=codecs.BOM_UTF8 * 2 + b"a: 1\r\na: 2\r\n")  # Y002 at 1:7-2:1, not at 2:1
@example(raw=codecs.BOM_UTF8 * 2 + b"a: 1\na: 2\n")  # Y002 at 1:6-2:1, not at 2:1
def test_key_positions_after_two_boms(raw: bytes) -> None:
    result = check_loaded(load_bytes(raw, "report.yaml"), SELECTION)
    assert_findings_in_file(result.findings, as_read(raw))
    duplicates = [f for f in result.findings if f.rule == "duplicate-key"]
    assert [(f.line, f.end_line) for f in duplicates] == [(1, 1), (2, 2)], duplicates


SUPPRESSED_AFTER = """\
form: global-alliance/2013
country: {{code: ME, name: "Monte{}negro"}}
policy-target-1:
  undertaken: [A law was adopted.]
  # galint: ignore[empty-section] nothing was planned
  planned: /
"""


@settings(phases=[Phase.explicit], deadline=None)
@given(text=st.text())
@example(text=SUPPRESSED_AFTER.format("\u2028"))  # not silenced; X002 at 6:3, the comment is on 5
@example(text=SUPPRESSED_AFTER.format("\x85"))
@example(text="\u2028# galint: ignore[empty-section] a reason\n")  # X002 at 2:1-2:41; 2 is empty
def test_suppressions_count_lines_as_editors_do(text: str) -> None:
    result = check_loaded(load_bytes(text.encode("utf-8"), "report.yaml"), SELECTION)
    assert_findings_in_file(result.findings, text)
    if "planned: /" in text:
        assert [s.finding.rule for s in result.suppressed] == ["empty-section"]
        assert "unused-suppression" not in [f.rule for f in result.findings]


FIX_AFTER = """\
form: global-alliance/2013
country: {{code: ME, name: "Monte{}negro"}}
policy-target-1:
  planned:
    - Develop procedures (2013-2014)
"""


@settings(phases=[Phase.explicit], deadline=None)
@given(text=st.text())
@example(text=FIX_AFTER.format("\u2028"))  # "the fixed file would not be valid YAML"
@example(text=FIX_AFTER.format("\x85"))
def test_fix_applies_after_a_yaml11_line_break(text: str) -> None:
    loaded, report = loaded_report(text)
    assert report is not None
    result = fixed(text, report, False, {}, loaded.problems)
    assert result.skipped_reason is None
    assert [d.rule for d in result.applied] == ["add-ids", "record-timeframe"]

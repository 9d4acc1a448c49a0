"""The bulk summary as JSON, CSV and a terminal table, each written one country at a time."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_run import run
from support import countries_folder

from galint.core.diagnostic import Diagnostic, Span
from galint.io.discover import candidates
from galint.output.summary import formats, stats
from galint.output.summary.formats import CSV_COLUMNS
from galint.output.summary.stats import summarise
from galint.pipeline import bulk
from galint.pipeline.engine import Selection
from galint.rules import all_rules

ROOT = Path(__file__).resolve().parents[3]


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


def odd_countries() -> list[stats.CountryStats]:
    """Summaries with what a streamed text could get wrong: newlines and other line breaks
    in strings, non-ASCII, keys that repeat, no code, no targets."""
    finding = Diagnostic(
        'say "/"\n',
        span=Span(3, 1, 3, 9),
        code="C003",
        rule="empty-section",
        severity="warning",
        file="x/a.yaml",
    )
    odd = stats.CountryStats(key="?x", code=None, name="Zé\nland\u2028\r\t", files=["x/a.yaml"])
    odd.targets = [stats.TargetStats(1, sections=3, filled=1)]
    odd.findings = [finding]
    odd.plans = [
        stats.PlanRow(
            "1.1", 1, "missing", "Plan\nwith\r\nbreaks", "x/a.yaml", 4,
            [stats.FollowedIn("x/b.yaml", "Done…", "implementation", 1, 2, 9, 0.5, "text")],
        )
    ]  # fmt: skip
    return [odd, stats.CountryStats(key="?x", code=None, name=None), odd]


def example_countries() -> list[stats.CountryStats]:
    found = list(candidates([str(ROOT / "examples")], named_are_reports=True))
    return list(
        bulk.run(found, Selection.of(all_rules()), [str(ROOT / "examples")], summarise, jobs=1)
    )


@pytest.mark.parametrize("which", ["examples", "odd", "none"])
def test_streamed_json_is_json_dumps_of_the_data(which: str) -> None:
    countries = {"examples": example_countries, "odd": odd_countries, "none": list}[which]()
    expected = json.dumps(formats.data(countries), indent=2, ensure_ascii=False) + "\n"
    # A lazy iterable, read once, as galint report hands over bulk.run(...).
    assert "".join(formats.json_chunks(iter(countries))) == expected
    assert formats.render_json(countries) == expected
    assert json.loads(expected)["totals"]["countries"] == len(countries)


def test_the_json_output_of_galint_report_is_json_dumps_of_the_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = countries_folder(tmp_path / "many", ["AA", "BB", "CC"])
    found = list(candidates([str(folder)], named_are_reports=True))
    countries = list(bulk.run(found, Selection.of(all_rules()), [str(folder)], summarise, jobs=1))
    code, out, _ = run(capsys, "report", "--format", "json", str(folder))
    assert code == 0
    assert out == json.dumps(formats.data(countries), indent=2, ensure_ascii=False) + "\n"
    output = tmp_path / "report.json"
    assert run(capsys, "report", "--format", "json", "-o", str(output), str(folder))[0] == 0
    assert output.read_text(encoding="utf-8") == out


def test_csv_and_text_outputs_take_the_countries_lazily() -> None:
    countries = example_countries() + odd_countries()
    rows = list(csv.DictReader(io.StringIO("".join(formats.csv_chunks(iter(countries))))))
    assert [r["country"] for r in rows] == [c.code or c.key for c in countries for _ in c.targets]
    assert rows[-1]["name"] == "Zé\nland\u2028\r\t"
    text = formats.render_text(iter(countries))
    findings = sum(len(c.findings) for c in countries)
    assert text.splitlines()[-1] == f"5 countries, 6 files, {findings} findings."


def test_spooled_text_comes_back_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "BLOCK", 3)
    chunks = ["a\r\n", "", "Zé\u2028land\r", "x" * 10]
    pieces = list(formats.spooled(iter(chunks)))
    assert "".join(pieces) == "".join(chunks)
    assert len(pieces) > 1 and all(len(piece) <= 3 for piece in pieces)
    assert list(formats.spooled([])) == []

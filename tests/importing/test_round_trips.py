"""Reports written out as Word documents and plain text in the form's layouts, with the noise
of real exports (bullets of every kind, wrapped lines, tab-separated cells, page headers and
numbers, a policy target left out), import back to the same items. The PDF round trips print
the Word documents through LibreOffice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from benchmodules import load

from galint.importing.importer import import_path
from galint.importing.writer import render

ROOT = Path(__file__).resolve().parents[2]
docs = load("import_docs")
compare = load("import_compare")
REPORTS = sorted((ROOT / "examples").glob("*/20*.yaml")) + sorted(
    (ROOT / "tests" / "importing" / "reports").glob("*.yaml")
)


def read(source: Path) -> dict[str, Any]:
    """A report to write out. Arcadia is made up, so that no importer can know its name: it
    is written out as Iceland."""
    report = yaml.safe_load(source.read_text(encoding="utf-8"))
    if report["country"]["code"] == "XA":
        report["country"] = {"code": "IS", "name": "Iceland"}
    return report


def expected(report: dict[str, Any], style: Any) -> dict[str, Any]:
    """What an import of the report written in ``style`` must give: a policy target the
    style leaves out is not there."""
    return {k: v for k, v in report.items() if k != f"policy-target-{style.omit}"}


def imported(path: Path) -> dict[str, Any]:
    result = import_path(str(path))
    assert result.ok, result.problem
    assert result.unplaced == []
    return yaml.safe_load(render(result).text)


def same_items(got: dict[str, Any], report: dict[str, Any], style: Any, name: str) -> None:
    result = compare.compare(got, expected(report, style), name)
    assert result.differences == [], "\n".join(result.differences)


@pytest.mark.parametrize("style", sorted(set(docs.STYLES) - docs.AMBIGUOUS))
@pytest.mark.parametrize("source", REPORTS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_plain_text_imports_back(tmp_path: Path, source: Path, style: str) -> None:
    report = read(source)
    path = tmp_path / "report.txt"
    path.write_text(docs.text(report, docs.STYLES[style]), encoding="utf-8")
    same_items(imported(path), report, docs.STYLES[style], f"{source.name} {style}")


@pytest.mark.parametrize("style", sorted(docs.STYLES))
@pytest.mark.parametrize("source", REPORTS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_word_imports_back(tmp_path: Path, source: Path, style: str) -> None:
    report = read(source)
    path = docs.write_docx(report, tmp_path / "report.docx", docs.STYLES[style])
    same_items(imported(path), report, docs.STYLES[style], f"{source.name} {style}")


@pytest.mark.slow
@pytest.mark.parametrize("style", ["plain", "glyphs", "numbers", "circles"])
@pytest.mark.parametrize("source", REPORTS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_pdf_printed_by_libreoffice_imports_back(tmp_path: Path, source: Path, style: str) -> None:
    if docs.soffice() is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    report = read(source)
    word = docs.write_docx(report, tmp_path / "report.docx", docs.STYLES[style])
    pdf = docs.to_pdf(word, tmp_path)
    same_items(imported(pdf), report, docs.STYLES[style], f"{source.name} {style}")

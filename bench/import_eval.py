"""The share of items ``galint import`` gets identical on reports it was not built on.

Each report of ``bench/import_eval/`` (or of the folders given) is written out in every
layout of ``import_docs.STYLES``, as plain text and as Word (and as PDF printed by
LibreOffice with ``--pdf``), imported back, and compared item for item with the report
(``import_compare``: whitespace and trailing punctuation normalised). The target is 95%.

    .venv/bin/python bench/import_eval.py [FOLDER...] [--pdf] [-v]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import import_compare  # noqa: E402
import import_docs  # noqa: E402

from galint.importing.importer import import_path  # noqa: E402
from galint.importing.writer import render  # noqa: E402

TARGET = 0.95


def expected(report: dict[str, Any], style: import_docs.Style) -> dict[str, Any]:
    return {k: v for k, v in report.items() if k != f"policy-target-{style.omit}"}


def one(path: Path, report: dict[str, Any], style: import_docs.Style, name: str):  # type: ignore[no-untyped-def]
    result = import_path(str(path))
    if not result.ok:
        failed = import_compare.Comparison()
        failed.total = sum(
            len(v) for v in import_compare.items_of(expected(report, style)).values()
        )
        failed.differences.append(f"{name}: not imported: {result.problem}")
        return failed
    got = yaml.safe_load(render(result).text)
    return import_compare.compare(got, expected(report, style), name)


def evaluate(folders: list[Path], pdf: bool = False) -> dict[str, import_compare.Comparison]:
    """Each layout's comparison, over every report of the folders."""
    by_layout: dict[str, import_compare.Comparison] = {}
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for source in sorted(p for f in folders for p in f.glob("*.yaml")):
            report = yaml.safe_load(source.read_text(encoding="utf-8"))
            for name, style in import_docs.STYLES.items():
                text = folder / f"{source.stem}-{name}.txt"
                text.write_text(import_docs.text(report, style), encoding="utf-8")
                word = import_docs.write_docx(report, folder / f"{source.stem}-{name}.docx", style)
                paths = {"text": text, "docx": word}
                if pdf:
                    paths["pdf"] = import_docs.to_pdf(word, folder)
                for kind, path in paths.items():
                    result = one(path, report, style, f"{source.stem} {name} {kind}")
                    by_layout.setdefault(f"{kind} {name}", import_compare.Comparison()).add(result)
    return by_layout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[BENCH / "import_eval"])
    parser.add_argument("--pdf", action="store_true", help="also PDFs printed by LibreOffice")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every difference")
    args = parser.parse_args()
    if args.pdf and import_docs.soffice() is None:
        parser.error("--pdf needs LibreOffice (apt-get install libreoffice-writer-nogui)")
    by_layout = evaluate(args.folders, args.pdf)
    total = import_compare.Comparison()
    for layout, result in sorted(by_layout.items()):
        total.add(result)
        print(f"{layout:28} {result.same:5}/{result.total:<5} {result.share:7.1%}")
        if args.verbose:
            for difference in result.differences:
                print("   ", difference.replace("\n", "\n    "))
    print(f"{'all':28} {total.same:5}/{total.total:<5} {total.share:7.1%}  (target {TARGET:.0%})")


if __name__ == "__main__":
    main()

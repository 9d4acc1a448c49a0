"""How long ``galint import`` takes on a 20-page Word report (the target: under a second).

The report is Montenegro's 2014 report with each section's items written five times over,
in the list layout: 284 items, about 7,000 words, which LibreOffice prints on 23 pages (``--pages``
prints it and counts them). The import is timed several
times; the median is printed, with the work per page.

    .venv/bin/python bench/import_speed.py [--runs 7] [--pages]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import import_docs  # noqa: E402

from galint.importing.importer import import_path  # noqa: E402

REPEAT = 5


def long_report() -> dict[str, Any]:
    """Montenegro's 2014 report, each list of items written ``REPEAT`` times over."""
    report = yaml.safe_load((ROOT / "examples" / "montenegro" / "2014.yaml").read_text())
    for key, target in report.items():
        if not key.startswith("policy-target-"):
            continue
        for goal in target.values():
            for section, items in goal.items():
                if isinstance(items, list):
                    goal[section] = [f"{item} ({n + 1})" for n in range(REPEAT) for item in items]
    return report


def pages(pdf: Path) -> int:
    from pdfminer.high_level import extract_pages

    return sum(1 for _ in extract_pages(str(pdf)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pages", action="store_true", help="count the pages with LibreOffice")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = import_docs.write_docx(
            long_report(), Path(folder) / "long.docx", import_docs.STYLES["plain"]
        )
        if args.pages and import_docs.soffice():
            print(f"pages: {pages(import_docs.to_pdf(path, Path(folder)))}")
        import_path(str(path))  # imports python-docx, reads the form: not the file's cost
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            result = import_path(str(path))
            times.append(time.perf_counter() - start)
        size = path.stat().st_size
    words = sum(len(i.split()) for items in result.sections.values() for i in items)
    median = statistics.median(times)
    print(f"{path.name}: {result.items} items, {words} words, {size} bytes")
    fastest = min(times) * 1000
    print(f"import: median {median * 1000:.0f} ms of {args.runs} runs (fastest {fastest:.0f} ms)")
    print("target: under 1 s for 20 pages:", "met" if median < 1.0 else "NOT met")


if __name__ == "__main__":
    main()

"""The share of items identical on reports the importer was not built on
(bench/import_eval/), written out as plain text and Word in every layout: at least 95%."""

from __future__ import annotations

import pytest
from benchmodules import BENCH, load

evaluation = load("import_eval")
compare = load("import_compare")


@pytest.mark.slow
def test_reports_never_seen_import_at_least_95_percent_identical() -> None:
    by_layout = evaluation.evaluate([BENCH / "import_eval"])
    total = compare.Comparison()
    for result in by_layout.values():
        total.add(result)
    print(f"unseen reports: {total.same}/{total.total} items identical ({total.share:.1%})")
    assert total.total > 1000
    assert total.share >= evaluation.TARGET, "\n".join(total.differences)
    # The country and the edition are found in every one.
    assert [d for d in total.differences if "country" in d or "form" in d] == []

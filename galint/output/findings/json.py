"""One JSON object: the findings, and counts by severity."""

from __future__ import annotations

import json

from galint import __version__
from galint.output.findings.model import Summary


def render(summary: Summary) -> str:
    document = {
        "version": __version__,
        "files": summary.files,
        "counts": summary.counts(),
        "findings": [finding.to_dict() for finding in summary.findings],
        "suppressed": [
            {**item.finding.to_dict(), "reason": item.reason} for item in summary.suppressed
        ],
        "baseline_hidden": summary.baseline_hidden,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

"""GitLab Code Quality: a JSON list of issues, shown in merge requests and pipelines."""

from __future__ import annotations

import json

from galint.output.findings.fingerprint import fingerprints, relative_path
from galint.output.findings.model import Summary

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(summary: Summary, root: str) -> str:
    """The findings as Code Quality issues, paths relative to ``root`` (the project's root)."""
    issues = [
        {
            "description": f"{finding.code} [{finding.rule}] {finding.message}",
            "check_name": finding.rule,
            # GitLab tells new problems from old ones by this, across commits.
            "fingerprint": fingerprint,
            "severity": SEVERITIES[finding.severity],
            # Code Climate's format has "lines" or "positions", not both: lines are what
            # GitLab shows.
            "location": {
                "path": relative_path(finding.file, root),
                "lines": {"begin": finding.line, "end": finding.end_line},
            },
        }
        for finding, fingerprint in zip(
            summary.findings, fingerprints(summary.findings, root), strict=True
        )
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"

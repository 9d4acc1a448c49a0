"""SARIF 2.1.0, as GitHub code scanning reads it: one run, every rule, one result per finding.

The fingerprint helpers here are shared with the GitLab Code Quality format.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from galint import __version__
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.output.findings.fingerprint import fingerprints, relative_path
from galint.output.findings.model import Summary

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "galint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# GitHub cuts rule descriptions longer than this.
MAX_DESCRIPTION = 1024

# A position quoted in a message ("also at line 12") moves with edits above it; the
# fingerprint must not.


def render(summary: Summary, rules: Sequence[Rule], root: str) -> str:
    """The findings as a SARIF log, paths relative to ``root`` (the repository's checkout)."""
    rules = [rule for rule in rules if not rule.fix_only]  # they offer fixes, never results
    index = {rule.code: position for position, rule in enumerate(rules)}
    prints = fingerprints(summary.findings, root)
    results = [
        _result(finding, index.get(finding.code), root, fingerprint)
        for finding, fingerprint in zip(summary.findings, prints, strict=True)
    ]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "galint",
                        "version": __version__,
                        "rules": [_descriptor(rule) for rule in rules],
                    }
                },
                # galint counts columns in characters, not in UTF-16 code units.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def first_paragraph(markdown: str) -> str:
    """The first paragraph of a Markdown text, on one line."""
    paragraph = markdown.strip().split("\n\n", 1)[0]
    return " ".join(line.strip() for line in paragraph.splitlines())


def _descriptor(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": _limit(rule.summary)},
        # GitHub requires a full description; a rule without an explanation has its summary.
        "fullDescription": {"text": _limit(first_paragraph(rule.explanation) or rule.summary)},
        "help": {"text": rule.explanation or rule.summary, "markdown": rule.explanation},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _result(
    finding: Diagnostic, rule_index: int | None, root: str, fingerprint: str
) -> dict[str, object]:
    result: dict[str, object] = {"ruleId": finding.code}
    if rule_index is not None:  # a finding of a rule not passed in has no index to give
        result["ruleIndex"] = rule_index
    result.update(
        {
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact(finding.file, root),
                        "region": {
                            "startLine": finding.line,
                            "startColumn": finding.column,
                            "endLine": finding.end_line,
                            # Exclusive in SARIF as in galint.
                            "endColumn": finding.end_column,
                        },
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        }
    )
    return result


def _artifact(path: str, root: str) -> dict[str, str]:
    relative = relative_path(path, root)
    if relative.startswith("../") or relative == ".." or os.path.isabs(relative):
        # Outside the checkout: GitHub cannot show it anyway, but other viewers can open it.
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    # A URI reference: spaces, '#', '%' and '?' in file names must be escaped. Undecodable
    # bytes of a file name come back as they were on disk.
    return {"uri": quote(relative, safe="/", errors="surrogateescape"), "uriBaseId": SRCROOT}


def _limit(text: str) -> str:
    return text if len(text) <= MAX_DESCRIPTION else text[: MAX_DESCRIPTION - 1] + "…"

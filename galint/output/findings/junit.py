"""JUnit XML for CI test reports: each checked file is a test case, each problem a failure."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence

from galint.core.diagnostic import Diagnostic, severity_rank
from galint.output.findings.model import Summary
from galint.rules.internal import RULE_ERROR

# XML 1.0 cannot hold these, even escaped; lone surrogates come from undecodable file names.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render(summary: Summary, paths: Sequence[str], *, fail_on: str = "warning") -> str:
    """A ``<testsuites>`` with one suite, and a test case for each of ``paths`` in order.

    Findings at or above ``fail_on`` fail their file's case (``<error>`` for a rule that
    crashed, ``<failure>`` otherwise); the others are listed in its ``<system-out>``. A finding
    for a path not in ``paths`` still gets a case, after the others.
    """
    by_path: dict[str, list[Diagnostic]] = {path: [] for path in paths}
    for finding in summary.findings:
        by_path.setdefault(finding.file, []).append(finding)
    threshold = severity_rank(fail_on)

    suite = ET.Element("testsuite", name="galint")
    # Counted per case, not per finding, so that failures + errors never exceed tests and
    # readers that compute "passed = tests - failures - errors" stay right.
    ended = Counter(_case(suite, path, findings, threshold) for path, findings in by_path.items())
    counts = {
        "tests": str(len(by_path)),
        "failures": str(ended["failure"]),
        "errors": str(ended["error"]),
        "skipped": "0",
    }
    suite.attrib.update(counts)
    suites = ET.Element("testsuites", {"name": "galint", **counts})
    suites.append(suite)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


def _case(suite: ET.Element, path: str, findings: list[Diagnostic], threshold: int) -> str:
    """Add the test case of one file; how it ends: "error", "failure" or "passed"."""
    case = ET.SubElement(suite, "testcase", classname="galint", name=_clean(path))
    failing = [f for f in findings if severity_rank(f.severity) >= threshold]
    passing = [f for f in findings if severity_rank(f.severity) < threshold]
    for finding in failing:
        tag = "error" if finding.rule == RULE_ERROR.slug else "failure"
        result = ET.SubElement(case, tag, type=finding.rule, message=_one_line(finding))
        result.text = _clean(_full_line(finding))
    if passing:
        ET.SubElement(case, "system-out").text = _clean("\n".join(_full_line(f) for f in passing))
    if any(f.rule == RULE_ERROR.slug for f in failing):
        return "error"
    return "failure" if failing else "passed"


def _one_line(finding: Diagnostic) -> str:
    message = " ".join(finding.message.split())
    return _clean(f"{finding.line}:{finding.column} {finding.code} {message}")


def _full_line(finding: Diagnostic) -> str:
    return (
        f"{finding.file}:{finding.line}:{finding.column}: "
        f"{finding.code} [{finding.rule}] {finding.message}"
    )


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)

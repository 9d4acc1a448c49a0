"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

import os

from galint.core.diagnostic import Diagnostic
from galint.output.findings.model import Summary

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(summary: Summary) -> str:
    """One ``::error``, ``::warning`` or ``::notice`` line per finding."""
    return "".join(command(finding) + "\n" for finding in summary.findings)


def command(finding: Diagnostic) -> str:
    """The workflow command for one finding, escaped as GitHub's toolkit escapes it."""
    properties = [
        ("file", finding.file.replace(os.sep, "/")),
        ("line", str(finding.line)),
    ]
    # GitHub rejects columns on an annotation that spans several lines.
    same_line = finding.line == finding.end_line
    if same_line:
        properties.append(("col", str(finding.column)))
    properties.append(("endLine", str(finding.end_line)))
    if same_line:
        properties.append(("endColumn", str(finding.end_column)))
    properties.append(("title", f"{finding.code} [{finding.rule}]"))
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {listed}::{escape_data(finding.message)}"


def escape_data(text: str) -> str:
    """Escape a command's message (toolkit's ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (toolkit's ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")

"""One line per finding, ``path:line:col: CODE [slug] message``, then a summary line."""

from __future__ import annotations

from galint.core.diagnostic import Diagnostic
from galint.output.findings.model import Summary


def render(summary: Summary) -> str:
    lines = [line(f) for f in summary.findings]
    if summary.verbose:
        lines += [
            f"{line(item.finding)}  (suppressed: {item.reason or 'no reason given'})"
            for item in summary.suppressed
        ]
    lines.append(summary_line(summary))
    return "\n".join(lines) + "\n"


def line(f: Diagnostic) -> str:
    return f"{f.file}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}"


def summary_line(summary: Summary) -> str:
    files = f"{summary.files} file{'s' if summary.files != 1 else ''}"
    total = len(summary.findings)
    quiet = []
    if summary.suppressed:
        quiet.append(f"{len(summary.suppressed)} suppressed")
    if summary.baseline_hidden:
        quiet.append(f"{summary.baseline_hidden} hidden by the baseline")
    also = f" ({', '.join(quiet)})" if quiet else ""
    if not total:
        return f"No problems found in {files}{also}."
    parts = [
        f"{count} {severity}{'s' if count != 1 and severity != 'info' else ''}"
        for severity, count in summary.counts().items()
        if count
    ]
    noun = "problem" if total == 1 else "problems"
    return f"Found {total} {noun} ({', '.join(parts)}) in {files}{also}."

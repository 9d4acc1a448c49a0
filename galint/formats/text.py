"""One line per finding, ``path:line:col: CODE [slug] message``, then a summary line."""

from __future__ import annotations

from galint.formats import Summary


def render(summary: Summary) -> str:
    lines = [
        f"{f.path}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}" for f in summary.findings
    ]
    lines.append(summary_line(summary))
    return "\n".join(lines) + "\n"


def summary_line(summary: Summary) -> str:
    files = f"{summary.files} file{'s' if summary.files != 1 else ''}"
    total = len(summary.findings)
    if not total:
        return f"No problems found in {files}."
    parts = [
        f"{count} {severity}{'s' if count != 1 and severity != 'info' else ''}"
        for severity, count in summary.counts().items()
        if count
    ]
    noun = "problem" if total == 1 else "problems"
    return f"Found {total} {noun} ({', '.join(parts)}) in {files}."

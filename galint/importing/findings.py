"""The findings of an import, one ``Diagnostic`` each, with codes of their own (``I...``):
they are about bringing a file into the format, not about the report, so no rule makes them.
"""

from __future__ import annotations

from galint.core.diagnostic import Diagnostic, Span
from galint.importing.result import Imported
from galint.importing.writer import Rendered

# Each finding's code, name, severity and what it says, for ``galint import`` and the README.
KINDS = {
    "unreadable-source": (
        "I001",
        "error",
        "The file cannot be read: damaged, encrypted, empty, too large or of another type.",
    ),
    "other-form": ("I002", "error", "The file has no heading of the Global Alliance form."),
    "unplaced-text": (
        "I003",
        "warning",
        "Text fits no place in the form; it is kept as a comment in the report.",
    ),
    "unknown-country": ("I004", "warning", "The report names no country that galint knows."),
    "left-out": (
        "I005",
        "info",
        "Text left out on purpose: page numbers, page headers, repeated footnotes.",
    ),
}
# Text is quoted in a finding up to this many characters (the comment keeps all of it).
QUOTE = 80


def finding(name: str, message: str, file: str, line: int = 1, column: int = 1) -> Diagnostic:
    code, severity, _ = KINDS[name]
    return Diagnostic(
        message,
        span=Span.point(line, column),
        rule=name,
        code=code,
        severity=severity,
        file=file,
    )


def of(imported: Imported, rendered: Rendered | None, file: str) -> list[Diagnostic]:
    """What a person should know about the import of ``imported``, written to ``file`` (or
    not written, when it failed: then ``file`` is the source)."""
    if imported.problem is not None:
        name = "other-form" if imported.other_form else "unreadable-source"
        return [finding(name, f"cannot import {imported.source}: {imported.problem}", file)]
    found = []
    assert rendered is not None
    for unplaced, line in zip(imported.unplaced, rendered.comment_lines, strict=True):
        found.append(
            finding(
                "unplaced-text",
                f"text from {unplaced.where} of {imported.source} fits no place in the form "
                f"and is kept in the comment here: {_quote(unplaced.text)}; move it into its "
                "section, or delete it",
                file,
                line,
            )
        )
    if imported.country is None:
        line = next(
            (n for n, text in enumerate(rendered.text.splitlines(), 1) if "code:" in text), 1
        )
        found.append(
            finding(
                "unknown-country",
                f"no country was found in {imported.source} or its name; write the country's "
                "ISO 3166 code and name",
                file,
                line,
            )
        )
    found.extend(finding("left-out", note, file) for note in imported.notes)
    return found


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= QUOTE else text[: QUOTE - 1] + "…")

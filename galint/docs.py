"""docs/rules.md, made from the rules' own metadata."""

from __future__ import annotations

from galint.rules import builtin_rules


def rules_markdown() -> str:
    rules = builtin_rules()
    lines = [
        "# galint rules",
        "",
        "Made by `python -m galint.generate` from the rules' own metadata; do not edit by hand.",
        "`galint explain CODE` prints the same text.",
        "",
        "| code | rule | severity | summary |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {r.code} | [{r.slug}](#{r.code.lower()}-{r.slug}) | {r.severity} | {r.summary} |"
        for r in rules
    ]
    for r in rules:
        lines += [
            "",
            f"## {r.code} {r.slug}",
            "",
            f"Default severity: **{r.severity}**. {r.summary}",
            "",
            r.explanation.strip(),
        ]
    return "\n".join(lines) + "\n"

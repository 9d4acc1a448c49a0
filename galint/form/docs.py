"""docs/rules.md and docs/form.md, made from the rules' metadata and the form's data."""

from __future__ import annotations

from galint.form.spec import Form
from galint.rules import builtin_rules


def form_markdown(the_form: Form) -> str:
    """The form as galint knows it: editions, sections, policy targets and operational goals."""
    lines = [
        "# The reporting form",
        "",
        "Made by `python -m galint.form.generate` from `schema/form.yaml`, the one place galint",
        "keeps the form; do not edit by hand.",
        "",
        "## Editions",
    ]
    for edition in the_form.editions:
        per = "policy target" if edition.per == "target" else "operational goal"
        lines += [
            "",
            f"### `form: {edition.form}`: {edition.title}",
            "",
            f"Sections, per {per}:",
            "",
        ]
        for section in edition.sections:
            letter = f"{section.letter}) " if section.letter else ""
            plans = (
                " Its items are plans: each has an id and needs a timeframe."
                if section.plans
                else ""
            )
            lines.append(
                f"- `{section.key}`: {letter}{section.title}. *{section.question}.*{plans}"
            )
    lines += ["", "## Policy targets and operational goals"]
    for target in the_form.targets:
        lines += [
            "",
            f"### `{target.key}`: policy target No. {target.number}",
            "",
            target.title,
            "",
        ]
        for goal in target.goals:
            lines.append(f"- `{goal.key}` (operational goal {goal.ref}): {goal.title}")
    return "\n".join(lines) + "\n"


def rules_markdown() -> str:
    rules = builtin_rules()
    lines = [
        "# galint rules",
        "",
        "Made by `python -m galint.form.generate` from the rules' own metadata; do not edit by",
        "hand. `galint explain CODE` prints the same text.",
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

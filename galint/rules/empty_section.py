"""A section of the form is missing, empty, or answered only with a placeholder.

Each section of a policy target (2013) or an operational goal (2014) asks a question. A section
left out, left empty, or answered with a placeholder such as `/`, `-`, `N/A`, `none` or `TBD`
tells the reader nothing: say what was done, or why there is nothing to report.

Failing:

```yaml
form: global-alliance/2014
policy-target-3:
  goal-2:
    implementation: /
    assessment:
    follow-up:
      - Develop public awareness material in commonly-used languages.
```

Passing:

```yaml
form: global-alliance/2014
policy-target-3:
  goal-2:
    implementation:
      - No measures were announced under this goal in the 2013 report.
    assessment:
      - Best practices were shared at two regional meetings in 2014.
    follow-up:
      - Develop public awareness material in commonly-used languages (2015).
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report, Section, describe

# Answers that say nothing, compared case-insensitively without surrounding punctuation.
PLACEHOLDERS = frozenset(
    {
        "n/a", "na", "n.a", "none", "nil", "null", "nothing", "tbd", "tba", "tbc",
        "to be determined", "not applicable", "no data", "no information", "x",
    }
)  # fmt: skip
# Punctuation alone ("/", "-", "--", "...", "—", "?") is a placeholder too.
_ONLY_PUNCTUATION = re.compile(r"[\W_]*", re.UNICODE)


def is_placeholder(text: str, placeholders: frozenset[str] = PLACEHOLDERS) -> bool:
    stripped = text.strip()
    if _ONLY_PUNCTUATION.fullmatch(stripped):
        return True
    return stripped.strip(" .;:,()[]").lower() in placeholders


def check(report: Report, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
    words = frozenset(word.lower() for word in options["placeholders"])
    for target in report.targets:
        if not target.present or not target.valid:
            continue
        if target.sections:
            yield from _sections(target.sections, words)
        for goal in target.goals:
            if goal.present and goal.valid:
                yield from _sections(goal.sections, words)


def _sections(sections: list[Section], words: frozenset[str]) -> Iterator[Diagnostic]:
    for section in sections:
        if section.shape == "missing":
            yield Diagnostic(f"{_name(section)} is missing", section.path)
        elif section.shape == "null":
            yield Diagnostic(f"{_name(section)} is empty", section.path, key=True)
        elif section.shape == "text" and section.text is not None:
            if is_placeholder(section.text, words):
                yield Diagnostic(
                    f"{_name(section)} holds only the placeholder {_quote(section.text)}",
                    section.path,
                )
        elif section.shape == "list":
            if not section.items:
                yield Diagnostic(f"{_name(section)} is an empty list", section.path, key=True)
            elif all(is_placeholder(item.text, words) for item in section.items):
                shown = ", ".join(_quote(item.text) for item in section.items[:3])
                yield Diagnostic(
                    f"{_name(section)} holds only the placeholder {shown}", section.path
                )


def _name(section: Section) -> str:
    """``policy-target-3 > goal-2: section A`` (worked out for a problem only)."""
    return f"{describe(section.path[:-1])}: section {section.spec.label}"


def _quote(text: str) -> str:
    return f"'{text.strip()}'" if text.strip() else "(blank)"


RULE = Rule(
    code="C003",
    slug="empty-section",
    severity="warning",
    summary="A section is missing, empty, or answered only with a placeholder such as '/'.",
    explanation=(__doc__ or "")
    + """
Options (in the configuration file, under `rules: {empty-section: ...}`):

- `placeholders`: the words that say nothing, compared case-insensitively (default: """
    + ", ".join(f"`{word}`" for word in sorted(PLACEHOLDERS))
    + """). An answer of punctuation alone (`/`, `-`, `...`) is always a placeholder.
""",
    check=check,
    options={"placeholders": tuple(sorted(PLACEHOLDERS))},
)

"""Findings about galint itself rather than the report."""

from __future__ import annotations

from galint.core.rule import Rule

RULE_ERROR = Rule(
    code="X001",
    slug="rule-error",
    severity="error",
    summary="A rule failed while checking this file.",
    explanation="""\
A rule raised an error on this file. The other rules' findings still stand and the run goes on
with the other files; the message names the rule and the error. Please report it together with
the file, or a small part of it that shows the problem.

Failing: a rule plugin that raises `KeyError` on some report.

Passing: every rule completes.
""",
)

UNUSED_SUPPRESSION = Rule(
    code="X002",
    slug="unused-suppression",
    severity="warning",
    summary="A suppression comment suppresses nothing.",
    explanation="""\
A `# galint: ignore[...]` comment whose rules find nothing on its line (or, for
`ignore-file`, in the file) is stale: the problem was fixed, or the comment sits on the wrong
line. Remove it, so that it does not silence a new problem later.

Failing:

```yaml
policy-target-1:
  goal-1:
    # galint: ignore[empty-section] nothing to report yet
    implementation:
      - Law enforcement authorities have access to the ICSE database.
```

Passing:

```yaml
policy-target-1:
  goal-1:
    # galint: ignore[empty-section] no measures were announced under this goal
    implementation: /
```
""",
)

INVALID_SUPPRESSION = Rule(
    code="X003",
    slug="invalid-suppression",
    severity="warning",
    summary="A suppression comment cannot be understood.",
    explanation="""\
A `# galint:` comment must read `# galint: ignore[RULE,...] reason` (on the line, or on its
own line just before it) or `# galint: ignore-file[RULE,...] reason` (before the report's first
key), and name rules that exist, by code, code prefix or slug.

Failing:

```yaml
# galint: ignore
implementation: /
```

Passing:

```yaml
# galint: ignore[empty-section] no measures were announced under this goal
implementation: /
```
""",
)

RULES = (RULE_ERROR, UNUSED_SUPPRESSION, INVALID_SUPPRESSION)

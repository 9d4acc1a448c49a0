"""Findings about galint itself rather than the report."""

from __future__ import annotations

from galint.rule import Rule

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

RULES = (RULE_ERROR,)

"""Counts per rule, as ``ruff --statistics`` prints them."""

from __future__ import annotations

from collections.abc import Callable

from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.output.findings import Summary
from galint.output.findings.statistics import render
from galint.rules import all_rules

MakeFinding = Callable[..., Diagnostic]

RULES = (
    Rule("T001", "missing-timeframe", "warning", "No timeframe.", ""),
    Rule("C003", "empty-section", "warning", "An empty section.", ""),
    Rule("S001", "schema-required", "error", "A key is missing.", ""),
)


def test_most_first_then_by_code(make_finding: MakeFinding) -> None:
    findings = [
        *[make_finding(code="T001", rule="missing-timeframe") for _ in range(12)],
        make_finding(code="S001", rule="schema-required", severity="error"),
        make_finding(code="C003", rule="empty-section"),
    ]
    assert render(Summary(3, findings), RULES) == (
        "  12  T001  [missing-timeframe]  No timeframe.\n"
        "   1  C003  [empty-section]      An empty section.\n"
        "   1  S001  [schema-required]    A key is missing.\n"
        "Found 14 problems (1 error, 13 warnings) in 3 files.\n"
    )


def test_no_findings(make_finding: MakeFinding) -> None:
    assert render(Summary(2, []), RULES) == "No problems found in 2 files.\n"


def test_a_rule_not_passed_has_no_summary(make_finding: MakeFinding) -> None:
    findings = [make_finding(code="P001", rule="plugin-rule"), make_finding()]
    assert render(Summary(1, findings), RULES) == (
        "  1  P001  [plugin-rule]\n"
        "  1  T001  [missing-timeframe]  No timeframe.\n"
        "Found 2 problems (2 warnings) in 1 file.\n"
    )


def test_a_real_run(example_summary: Summary) -> None:
    assert render(example_summary, all_rules()) == (
        "  27  T001  [missing-timeframe]  A planned or follow-up action has no timeframe.\n"
        "   4  C003  [empty-section]      A section is missing, empty, or answered only with a "
        "placeholder such as '/'.\n"
        "   3  F001  [missing-follow-up]  A plan of the previous report is not mentioned "
        "in this one.\n"
        "   3  F002  [carried-over]       A previous plan is only restated as a new plan, "
        "with no word on what was done.\n"
        "   2  F004  [overdue-plan]       A previous plan's timeframe has ended, and it is neither "
        "reported done nor re-dated.\n"
        "Found 39 problems (39 warnings) in 4 files.\n"
    )

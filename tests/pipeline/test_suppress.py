"""Inline suppressions: on the line, on the line before, for the file; unused and invalid ones."""

from __future__ import annotations

import pytest

from galint.io.load import parse
from galint.pipeline.engine import Selection, check_loaded
from galint.pipeline.suppress import directives
from galint.rules import all_rules

HEAD = "form: global-alliance/2014\ncountry: {code: ME, name: Montenegro}\n"


def check(
    text: str, select: str = "C003,X"
) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]]]:
    rules = all_rules()
    wanted = [r for r in rules if any(r.matches(s) for s in select.split(","))]
    result = check_loaded(parse(text, "r.yaml"), Selection.of(rules, wanted))
    found = [(f.line, f.column, f.rule) for f in result.findings]
    return found, [(s.finding.line, s.reason) for s in result.suppressed]


def goal(implementation: str, assessment: str = "[Good.]") -> str:
    return (
        HEAD + "policy-target-1:\n  goal-1:\n"
        f"{implementation}"
        f"    assessment: {assessment}\n    follow-up: [Do it (2015).]\n"
    )


def test_without_suppression() -> None:
    assert check(goal("    implementation: /\n")) == ([(5, 21, "empty-section")], [])


def test_on_the_line() -> None:
    text = goal("    implementation: /  # galint: ignore[empty-section] nothing was announced\n")
    assert check(text) == ([], [(5, "nothing was announced")])


def test_on_its_own_line_before() -> None:
    text = goal("    # galint: ignore[C003] nothing was announced\n    implementation: /\n")
    assert check(text) == ([], [(6, "nothing was announced")])


def test_by_code_prefix_and_several_rules() -> None:
    text = goal("    implementation: /  # galint: ignore[T001, C] why\n")
    assert check(text) == ([], [(5, "why")])


def test_only_the_named_rule() -> None:
    text = goal("    implementation: /  # galint: ignore[missing-timeframe] why\n")
    assert check(text, "C003,T001,X") == (
        [(5, 21, "empty-section"), (5, 24, "unused-suppression")],
        [],
    )


def test_only_the_next_line() -> None:
    text = goal("    # galint: ignore[empty-section] why\n\n    implementation: /\n", "/")
    found, suppressed = check(text)
    assert suppressed == [(7, "why")]
    assert found == [(8, 17, "empty-section")]


def test_file_level() -> None:
    text = "# yaml-language-server: $schema=x\n# galint: ignore-file[empty-section] draft\n" + goal(
        "    implementation: /\n", "/"
    )
    found, suppressed = check(text)
    assert found == []
    assert suppressed == [(7, "draft"), (8, "draft")]


def test_file_level_after_content_is_invalid() -> None:
    text = goal("    implementation: [Done.]\n") + "# galint: ignore-file[empty-section] late\n"
    assert check(text)[0] == [(8, 1, "invalid-suppression")]


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("# galint: ignore", "must name the rules it silences"),
        ("# galint: ignore[] x", "must name the rules it silences"),
        ("# galint: ignor[C003] x", "unknown directive 'galint: ignor'"),
        ("# galint: ignore[no-such-rule] x", "no rule matches 'no-such-rule'"),
    ],
)
def test_invalid(comment: str, message: str) -> None:
    text = goal(f"    implementation: [Done.]  {comment}\n")
    rules = all_rules()
    result = check_loaded(parse(text, "r.yaml"), Selection.of(rules))
    [finding] = [f for f in result.findings if f.rule == "invalid-suppression"]
    assert (finding.line, finding.column) == (5, 30)
    assert message in finding.message


def test_unused_is_not_judged_for_rules_that_did_not_run() -> None:
    text = goal("    implementation: [Done.]  # galint: ignore[T001] why\n")
    assert check(text, "C003,X")[0] == []
    assert check(text, "C003,T001,X")[0] == [(5, 30, "unused-suppression")]


def test_unused_suppression_can_itself_be_ignored() -> None:
    text = goal("    implementation: [Done.]  # galint: ignore[C003] why\n")
    assert check(text, "C003,X")[0] == [(5, 30, "unused-suppression")]
    assert check(text, "C003")[0] == []


def test_a_hash_inside_a_word_is_not_a_directive() -> None:
    assert directives("a: b#galint: ignore[C003]\n") == ([], [])

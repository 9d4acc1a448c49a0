"""The fix-only rules: their records, their documented examples, and that they are never
reported as findings unless named."""

from __future__ import annotations

import re

import pytest

from galint.core.diagnostic import SAFE, UNSAFE
from galint.fix import FIX_RULES, apply
from galint.form.model import Report, build
from galint.io.load import parse
from galint.pipeline.config import Config, resolve
from galint.pipeline.engine import Selection, check_loaded
from galint.rules import all_rules, builtin_rules, find

FIX_ONLY = {"A001": ("add-ids", SAFE), "A002": ("record-timeframe", SAFE)}
FIX_ONLY["A003"] = ("add-follows", UNSAFE)


def test_the_fix_only_rules() -> None:
    rules = [rule for rule in builtin_rules() if rule.fix_only]
    assert {rule.code: rule.slug for rule in rules} == {c: s for c, (s, _) in FIX_ONLY.items()}
    assert [rule.slug for rule in rules] == list(FIX_RULES)  # the codes follow the key order
    assert all(rule.severity == "info" for rule in rules)
    for rule in rules:
        assert rule.summary.startswith("Fix only: ")
        assert documented(rule.code, "Before") and documented(rule.code, "After")
        assert f"Fix safety: {FIX_ONLY[rule.code][1]}." in rule.explanation


def report_from(text: str) -> Report:
    loaded = parse(text, "example.yaml")
    assert loaded.problems == [] and loaded.document is not None
    return build(loaded.document)


def documented(code: str, kind: str) -> str:
    rule = find(code, builtin_rules())
    assert rule is not None
    match = re.search(rf"^{kind}\b.*?```yaml\n(.*?)```", rule.explanation, re.S | re.M)
    assert match, f"{code} has no {kind} example"
    return match.group(1)


PREVIOUS = (
    "form: global-alliance/2013\ncountry: {code: XA, name: Arcadia}\n"
    "policy-target-2:\n  planned:\n"
    "    - Establish a system for collecting data on juvenile justice\n"
    "    - Train police officers to interview child victims\n"  # a plan the text does not match
)


@pytest.mark.parametrize("code", list(FIX_ONLY))
def test_the_documented_fix(code: str) -> None:
    """The rule's fixes, applied alone to its Before example, give its After example."""
    slug, applicability = FIX_ONLY[code]
    edition = "2014" if code == "A003" else "2013"
    head = f"form: global-alliance/{edition}\ncountry: {{code: XA, name: Arcadia}}\n"
    text = head + documented(code, "Before")
    report = report_from(text)
    if code == "A003":
        report.predecessor = report_from(PREVIOUS)
    rule = find(code, builtin_rules())
    diagnostics = list(rule.check(report))  # type: ignore[union-attr, misc]
    assert diagnostics and all(d.rule == slug for d in diagnostics)
    assert all(d.fix.applicability == applicability for d in diagnostics)  # type: ignore[union-attr]
    assert apply(text, report, diagnostics).text == head + documented(code, "After")


def test_fix_only_rules_run_when_fixing_and_are_never_findings() -> None:
    fix_only = [rule for rule in all_rules() if rule.fix_only]
    assert not set(fix_only) & set(Selection.of(all_rules()).rules)
    assert not set(fix_only) & set(resolve(Config(), all_rules()).enabled)
    assert not set(fix_only) & set(resolve(Config(), all_rules(), ["A"]).enabled)
    assert set(fix_only) <= set(resolve(Config(), all_rules(), ["C"], fixing=True).enabled)
    ignored = resolve(Config(), all_rules(), (), ["add-ids"], fixing=True).enabled
    assert {rule.slug for rule in fix_only} - {rule.slug for rule in ignored} == {"add-ids"}
    text = "form: global-alliance/2013\npolicy-target-1:\n  planned:\n    - Train (2014)\n"
    result = check_loaded(parse(text, "r.yaml"), Selection.of(all_rules()))
    assert (result.fixes, [d for d in result.findings if d.code.startswith("A")]) == ([], [])
    result = check_loaded(parse(text, "r.yaml"), Selection.of(all_rules(), fix_only))
    assert not [d for d in result.findings if d.code.startswith("A")]
    assert [(d.code, d.severity, d.line) for d in result.fixes] == [
        ("A001", "info", 4),
        ("A002", "info", 4),
    ]

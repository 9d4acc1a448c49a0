"""bench/corpus.py: its reports read cleanly, and galint finds exactly the defects it injected."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import benchmodules
import pytest

from galint.core.diagnostic import Diagnostic
from galint.io.discover import candidates
from galint.io.load import load_path
from galint.pipeline.engine import Selection, run
from galint.rules import all_rules

COUNTRIES = 12

Found = set[tuple[str, str, int]]


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    return benchmodules.load("corpus")


@pytest.fixture(scope="module")
def generated(corpus: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("corpus")
    return out, corpus.generate(out, COUNTRIES, seed=0)


def check(directory: Path) -> list[Diagnostic]:
    """Every finding of every rule galint has, on the reports under ``directory``."""
    results = run(candidates([str(directory)]), Selection.of(all_rules()))
    return [finding for result in results for finding in result.findings]


def key(finding: Diagnostic, directory: Path) -> tuple[str, str, int]:
    return (Path(os.path.relpath(finding.file, directory)).as_posix(), finding.rule, finding.line)


def keyed(findings: list[Diagnostic], directory: Path) -> Found:
    return {key(f, directory) for f in findings}


def counted(
    findings: list[Diagnostic], directory: Path, rule: str
) -> Counter[tuple[str, str, int]]:
    return Counter(key(f, directory) for f in findings if f.rule == rule)


@pytest.fixture(scope="module")
def findings(generated: tuple[Path, Any]) -> list[Diagnostic]:
    return check(generated[0])


def of_rule(found: Found, rule: str) -> Found:
    return {f for f in found if f[1] == rule}


def shown(findings: Iterator[Diagnostic] | list[Diagnostic]) -> str:
    return "\n".join(
        f"{f.file}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}" for f in findings
    )


def test_the_corpus_has_every_kind_of_defect_and_clean_countries(generated: tuple) -> None:
    out, manifest = generated
    assert len(manifest.countries) == COUNTRIES
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml")) == sorted(
        f for c in manifest.countries for f in c.files
    )
    kinds = {d.kind for c in manifest.countries for d in c.defects}
    assert kinds == {"empty-section", "vanished-plan", "missing-timeframe"}
    assert 0 < sum(c.clean for c in manifest.countries) < COUNTRIES
    assert (out / "manifest.json").is_file()


def test_every_report_loads_without_problems(generated: tuple) -> None:
    out, manifest = generated
    for country in manifest.countries:
        for name in country.files:
            loaded = load_path(str(out / name))
            assert loaded is not None and loaded.document is not None, name
            assert loaded.problems == [], (name, loaded.problems)


def test_the_reports_pass_the_schema_and_completeness_rules(findings: list[Diagnostic]) -> None:
    broken = [f for f in findings if f.code[0] in "YSX" or f.code in ("C001", "C002")]
    assert not broken, shown(broken)


def test_empty_sections_and_missing_timeframes_are_found_exactly(
    generated: tuple, findings: list[Diagnostic]
) -> None:
    out, manifest = generated
    found = keyed(findings, out)
    for rule in ("empty-section", "missing-timeframe"):
        expected = manifest.expected([rule])
        assert expected, rule
        assert of_rule(found, rule) == expected, rule
        assert counted(findings, out, rule) == manifest.expected_counts([rule]), rule


def test_vanished_plans_are_found_exactly(generated: tuple, findings: list[Diagnostic]) -> None:
    if not any(rule.slug == "missing-follow-up" for rule in all_rules()):
        pytest.skip("galint has no missing-follow-up rule (galint/rules/missing_follow_up.py)")
    out, manifest = generated
    expected = manifest.expected(["missing-follow-up"])
    assert expected
    assert of_rule(keyed(findings, out), "missing-follow-up") == expected
    # Two vanished plans of one target are two findings on the same line, each naming its plan.
    assert counted(findings, out, "missing-follow-up") == manifest.expected_counts(
        ["missing-follow-up"]
    )
    for country in manifest.countries:
        for defect in country.defects:
            if defect.kind == "vanished-plan":
                assert any(
                    key(f, out) == (defect.file, defect.rule, defect.line)
                    and f"plan {defect.plan} " in f.message
                    for f in findings
                ), defect


def test_no_other_rule_fires(findings: list[Diagnostic]) -> None:
    injected = ("empty-section", "missing-timeframe", "missing-follow-up")
    others = [f for f in findings if f.rule not in injected]
    if others:
        print(shown(others))
    assert not others, shown(others)


def test_same_seed_same_bytes(corpus: ModuleType, tmp_path: Path, generated: tuple) -> None:
    first, _ = generated
    second = tmp_path / "again"
    corpus.generate(second, COUNTRIES, seed=0)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    other = tmp_path / "other"
    corpus.generate(other, 2, seed=1)
    assert (other / "AT" / "2014.yaml").read_bytes() != (first / "AT" / "2014.yaml").read_bytes()


def test_a_country_does_not_depend_on_how_many_are_generated(
    corpus: ModuleType, tmp_path: Path, generated: tuple
) -> None:
    first, _ = generated
    corpus.generate(tmp_path, 3, seed=0)
    for name in ("AT/2013.yaml", "AT/2014.yaml", "BG/2014.yaml"):
        assert (tmp_path / name).read_bytes() == (first / name).read_bytes()


def write_country(corpus: ModuleType, directory: Path, index: int, **options: Any) -> Any:
    entry, files = corpus.country_reports(index, **options)
    folder = directory / entry.folder
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return entry


def expected_of(entries: list[Any], rules: set[str]) -> Found:
    return {(d.file, d.rule, d.line) for e in entries for d in e.defects if d.rule in rules}


def test_synthetic_countries_past_the_real_codes(corpus: ModuleType, tmp_path: Path) -> None:
    assert len({code for code, _ in corpus.COUNTRIES}) == len(corpus.COUNTRIES) == 249
    first = len(corpus.COUNTRIES)
    entries = [write_country(corpus, tmp_path, first + n * 997) for n in range(3)]
    assert [e.code in corpus.SYNTHETIC_CODES for e in entries] == [True, True, True]
    real = {code for code, _ in corpus.COUNTRIES}
    assert len(set(corpus.SYNTHETIC_CODES)) == len(corpus.SYNTHETIC_CODES) == 26 * 26 - len(real)
    assert not real & set(corpus.SYNTHETIC_CODES)
    assert len({e.folder for e in entries}) == len({e.name for e in entries}) == 3
    assert not any(ch.isdigit() for e in entries for ch in e.name)
    slugs = {rule.slug for rule in all_rules()} & set(corpus.RULES)
    assert keyed(check(tmp_path), tmp_path) == expected_of(entries, slugs)


def test_linked_follow_ups_give_the_same_findings(corpus: ModuleType, tmp_path: Path) -> None:
    entries = [write_country(corpus, tmp_path, n, link_fraction=1.0) for n in range(4)]
    assert "follows:" in (tmp_path / "AT" / "2014.yaml").read_text(encoding="utf-8")
    slugs = {rule.slug for rule in all_rules()} & set(corpus.RULES)
    assert keyed(check(tmp_path), tmp_path) == expected_of(entries, slugs)


def test_only_the_2013_reports(corpus: ModuleType, tmp_path: Path) -> None:
    manifest = corpus.generate(tmp_path, 4, seed=0, reports_per_country=1)
    assert sorted(p.name for p in tmp_path.rglob("*.yaml")) == ["2013.yaml"] * 4
    assert {d.file.rsplit("/", 1)[1] for c in manifest.countries for d in c.defects} <= {
        "2013.yaml"
    }
    assert keyed(check(tmp_path), tmp_path) == manifest.expected()


def test_timeframes_are_checked_as_written(corpus: ModuleType) -> None:
    """The generator refuses a plan whose timeframe galint would read otherwise."""
    item = corpus.Item("Train 40 teachers in 2000 schools", "Q4 2013", "bracket", role="plan")
    corpus._check_item(item, "2013")
    stale = corpus.Item("Train 40 teachers", "Q4 2013", "bracket", role="plan")
    with pytest.raises(corpus.CorpusError, match="ended before 2014"):
        corpus._check_item(stale, "2014")
    vague = corpus.Item("Train 40 teachers", "soon", "tail", role="plan")
    with pytest.raises(corpus.CorpusError):
        corpus._check_item(vague, "2014")
    hidden = corpus.Item("Train 40 teachers by the end of 2014", None, role="plan")
    with pytest.raises(corpus.CorpusError, match="unexpected timeframe"):
        corpus._check_item(hidden, "2014")

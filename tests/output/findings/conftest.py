"""Summaries for the CI format tests: hand-made findings, and a real run over examples/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from galint import rules
from galint.core.diagnostic import Diagnostic, Span
from galint.io import discover
from galint.output.findings import Summary
from galint.pipeline import engine

ROOT = Path(__file__).resolve().parents[3]

MakeFinding = Callable[..., Diagnostic]


def _finding(
    path: str = "reports/me.yaml",
    line: int = 3,
    column: int = 5,
    end_line: int | None = None,
    end_column: int | None = None,
    code: str = "T001",
    rule: str = "missing-timeframe",
    severity: str = "warning",
    message: str = "planned action 1.1 has no timeframe",
) -> Diagnostic:
    """A finding with defaults for whatever a test does not care about."""
    return Diagnostic(
        message,
        span=Span(
            line,
            column,
            line if end_line is None else end_line,
            column + 10 if end_column is None else end_column,
        ),
        code=code,
        rule=rule,
        severity=severity,
        file=path,
    )


@pytest.fixture
def make_finding() -> MakeFinding:
    """Build a Diagnostic; test modules get it as a fixture, not by importing this conftest."""
    return _finding


@pytest.fixture(scope="session")
def example_results() -> list[engine.FileResult]:
    """Every rule over examples/: Montenegro's two reports and the clean Arcadia pair."""
    found = discover.candidates([str(ROOT / "examples")])
    return engine.run(found, engine.Selection.of(rules.all_rules()))


@pytest.fixture(scope="session")
def example_summary(example_results: list[engine.FileResult]) -> Summary:
    findings = [f for result in example_results for f in result.findings]
    # What the other tests rely on: a change here is a change in the rules, not the formats.
    assert len(findings) == 39
    assert sorted({f.code for f in findings}) == ["C003", "F001", "F002", "F004", "T001"]
    return Summary(len(example_results), findings)


@pytest.fixture(scope="session")
def example_paths(example_results: list[engine.FileResult]) -> list[str]:
    return [result.path for result in example_results]

"""The secretariat's summary of a bulk check: per country and per policy target, how many
sections are filled, how many previous plans are followed up, how many planned actions have a
timeframe, and how many findings there are.

``summarise`` makes one country's ``CountryStats`` from its checked files; the summary keeps
what the outputs need (files, findings, figures, traceability), not the file results.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from galint.core.diagnostic import Diagnostic
from galint.form.model import Report, Section
from galint.form.spec import form

if TYPE_CHECKING:
    from galint.io.discover import Candidate
    from galint.pipeline.engine import FileResult


@dataclass(slots=True)
class TargetStats:
    number: int
    sections: int = 0
    filled: int = 0
    plans_previous: int = 0
    followed: int = 0
    carried: int = 0
    missing: int = 0
    actions: int = 0
    with_timeframe: int = 0
    severities: Counter[str] = field(default_factory=Counter)

    @property
    def empty(self) -> int:
        return self.sections - self.filled

    @property
    def without_timeframe(self) -> int:
        return self.actions - self.with_timeframe


COUNTED = (
    "sections",
    "filled",
    "plans_previous",
    "followed",
    "carried",
    "missing",
    "actions",
    "with_timeframe",
)


@dataclass(slots=True)
class FollowedIn:
    """Where the new report speaks of a previous plan (a summary keeps thousands: slots)."""

    path: str
    text: str
    section: str
    target: int
    goal: int | None
    line: int
    score: float
    via: str


@dataclass(slots=True)
class PlanRow:
    """One previous plan in the traceability matrix, as the summary keeps it."""

    id: str
    target: int
    status: str
    text: str
    path: str
    line: int
    followed_in: list[FollowedIn]


@dataclass(slots=True)
class CountryStats:
    key: str
    code: str | None
    name: str | None
    editions: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    targets: list[TargetStats] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)
    plans: list[PlanRow] = field(default_factory=list)

    def total(self) -> TargetStats:
        """The country's figures over all policy targets (findings: all of the country's)."""
        whole = TargetStats(0, severities=Counter(f.severity for f in self.findings))
        for target in self.targets:
            for name in COUNTED:
                setattr(whole, name, getattr(whole, name) + getattr(target, name))
        return whole

    def rules(self) -> Counter[str]:
        return Counter(f.rule for f in self.findings)

    @property
    def follow_up_rate(self) -> float | None:
        """The share of previous plans reported on (followed), or None with no plans."""
        total = self.total()
        return total.followed / total.plans_previous if total.plans_previous else None


def summarise(
    candidates: Sequence[Candidate],
    results: Sequence[FileResult],
    options: Mapping[str, Mapping[str, Any]],
) -> CountryStats:
    """One country's summary from its checked files; ``options`` are the rules' options of
    the run (by rule slug, as configured), so that a section the empty-section rule calls
    empty is not counted as filled."""
    placeholders = _placeholders(options)
    reports = [r.report for r in results if r.report is not None]
    code = next((r.country_code for r in reports if r.country_code), None)
    name = next((r.country_name for r in reports if r.country_name), None)
    key = code or os.path.basename(os.path.dirname(os.path.abspath(candidates[0].path)))
    stats = CountryStats(key=key, code=code, name=name)
    stats.files = [r.path for r in results]
    stats.editions = sorted({r.edition.form for r in reports if r.edition is not None})
    stats.targets = [TargetStats(t.number) for t in form().targets]
    for result in results:
        stats.findings.extend(result.findings)
        if result.report is not None:
            _count_report(result.report, stats, placeholders)
            _attribute(result, stats)
    return stats


def _count_report(report: Report, stats: CountryStats, placeholders: frozenset[str]) -> None:
    """Add one report's sections, planned actions and previous plans to the country's."""
    if report.edition is None:
        return
    _count_sections(report, stats, placeholders)
    _count_plans(report, stats)


def _count_sections(report: Report, stats: CountryStats, placeholders: frozenset[str]) -> None:
    """Each policy target's sections (expected and filled) and planned actions (and those
    with a timeframe)."""
    from galint.analysis.timeframe.items import reading

    assert report.edition is not None
    for target in report.targets:
        if not target.present:
            continue  # no report for this target: missing-target says so, not a count of empties
        row = stats.targets[target.number - 1]
        sections = list(target.all_sections())
        expected = len(report.edition.sections) * (
            1 if report.edition.per == "target" else len(target.spec.goals)
        )
        row.sections += expected
        row.filled += sum(1 for s in sections if _filled(s, placeholders))
        for section in sections:
            if section.plans:
                for item in section.items:
                    row.actions += 1
                    if reading(item).effective.kind in ("interval", "continuous"):
                        row.with_timeframe += 1


def _count_plans(report: Report, stats: CountryStats) -> None:
    """The previous report's plans, each followed, carried or missing in this report, and
    where this report speaks of them (the traceability matrix)."""
    from galint.analysis.trace import shorten, trace_of

    traced = trace_of(report)
    if traced is None:
        return
    for plan in traced.plans:
        row = stats.targets[plan.target - 1]
        row.plans_previous += 1
        setattr(row, plan.status, getattr(row, plan.status) + 1)
        stats.plans.append(
            PlanRow(
                id=plan.plan.ref or "?",
                target=plan.target,
                status=plan.status,
                text=plan.plan.text,
                path=traced.previous.path,
                line=plan.line,
                followed_in=[
                    FollowedIn(
                        report.path,
                        shorten(m.item.text, 120),
                        m.section,
                        m.target,
                        m.goal,
                        m.line,
                        round(m.score, 3),
                        m.via,
                    )
                    for m in plan.matches
                ],
            )
        )


def _placeholders(options: Mapping[str, Mapping[str, Any]]) -> frozenset[str]:
    """The answers that say nothing, as the empty-section rule reads them from ``options``."""
    from galint.rules.empty_section import RULE

    words = options.get(RULE.slug, RULE.options)["placeholders"]
    return frozenset(word.lower() for word in words)


def _filled(section: Section, placeholders: frozenset[str]) -> bool:
    """Whether a section says something: not missing, empty or only placeholders."""
    from galint.rules.empty_section import is_placeholder

    if section.shape == "text":
        return section.text is not None and not is_placeholder(section.text, placeholders)
    if section.shape == "list":
        return any(not is_placeholder(item.text, placeholders) for item in section.items)
    return False


def _attribute(result: FileResult, stats: CountryStats) -> None:
    """Count each finding under the policy target it is about: the first key of its path in
    the report's data (``policy-target-2``). A finding without a path (a syntax error, a
    suppression comment) is located by its span alone: it is counted under the target whose
    lines hold it."""
    report = result.report
    assert report is not None
    numbers = {target.spec.key: target.number for target in report.targets}
    ranges: list[tuple[int, int, int]] | None = None
    for finding in result.findings:
        if finding.path:
            number = numbers.get(str(finding.path[0]))
        else:
            ranges = _line_ranges(report) if ranges is None else ranges
            number = next((n for start, end, n in ranges if start <= finding.line <= end), None)
        if number is not None:
            stats.targets[number - 1].severities[finding.severity] += 1


def _line_ranges(report: Report) -> list[tuple[int, int, int]]:
    """Each policy target's first and last line (from its key to the end of its value), and
    its number."""
    ranges = []
    for target in report.targets:
        span = report.document.values.get((target.spec.key,))
        key = report.document.keys.get((target.spec.key,))
        if span is not None and key is not None:
            ranges.append((key.line, span.end_line, target.number))
    return ranges

"""The secretariat's bulk check: every country's reports at once, summarised per country and
per policy target.

Submissions come from outside, so a bulk run reads them and nothing else: no configuration
file found among them, no ``previous:`` path outside the folders given, no symbolic link out
of them. Files are grouped by country before they are parsed (from a look at their first
bytes), and each group is checked and summarised on its own: memory holds one country's
files at a time, and only its summary leaves the worker (not its file results), so a caller
that writes each summary out as it comes holds one summary at a time. With many files the
groups are checked on every core, and the output is the same as a serial run's, in the same
order.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import count

from galint.core.diagnostic import Finding
from galint.form.model import Report, Section
from galint.form.spec import form
from galint.io.discover import Candidate, group
from galint.io.load import MAX_BYTES
from galint.pipeline import parallel
from galint.pipeline.engine import FileResult, Selection, prepare_worker, run_together
from galint.pipeline.parallel import PARALLEL_FROM


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
    findings: list[Finding] = field(default_factory=list)
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


def check_group(
    candidates: Sequence[Candidate],
    selection: Selection,
    roots: Sequence[str],
    max_bytes: int = MAX_BYTES,
) -> CountryStats:
    """Load, pair, check and summarise one country's files. The summary holds what a report
    needs (files, findings, figures, traceability); the documents and file results go."""
    from galint.analysis.trace import keeping

    # The summary reads the traces the rules made: kept for the whole country, then let go.
    with keeping():
        results = run_together(candidates, selection, max_bytes=max_bytes, confine=roots)
        return summarise(candidates, results)


def summarise(candidates: Sequence[Candidate], results: Sequence[FileResult]) -> CountryStats:
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
            _count_report(result.report, stats)
            _attribute(result, stats)
    return stats


def _count_report(report: Report, stats: CountryStats) -> None:
    from galint.analysis.timeframe.items import reading
    from galint.analysis.trace import shorten, trace_of

    if report.edition is None:
        return
    for target in report.targets:
        if not target.present:
            continue  # no report for this target: missing-target says so, not a count of empties
        row = stats.targets[target.number - 1]
        sections = list(target.all_sections())
        expected = len(report.edition.sections) * (
            1 if report.edition.per == "target" else len(target.spec.goals)
        )
        row.sections += expected
        row.filled += sum(1 for s in sections if _filled(s))
        for section in sections:
            if section.plans:
                for item in section.items:
                    row.actions += 1
                    if reading(item).effective.kind in ("interval", "continuous"):
                        row.with_timeframe += 1
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


def _filled(section: Section) -> bool:
    from galint.rules.empty_section import is_placeholder

    if section.shape == "text":
        return section.text is not None and not is_placeholder(section.text)
    if section.shape == "list":
        return any(not is_placeholder(item.text) for item in section.items)
    return False


def _attribute(result: FileResult, stats: CountryStats) -> None:
    """Count each finding under the policy target whose lines hold it."""
    report = result.report
    assert report is not None
    ranges = []
    for target in report.targets:
        span = report.document.values.get((target.spec.key,))
        key = report.document.keys.get((target.spec.key,))
        if span is not None and key is not None:
            ranges.append((key.line, span.end_line, target.number))
    for finding in result.findings:
        number = next((n for start, end, n in ranges if start <= finding.line <= end), None)
        if number is not None:
            stats.targets[number - 1].severities[finding.severity] += 1


def run(
    candidates: Iterable[Candidate],
    selection: Selection,
    roots: Sequence[str],
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[CountryStats]:
    """Every country's summary, in a stable order (the countries' first files, in discovery
    order), the same with one process or several. Lazily: a caller that lets each summary go
    once written holds one at a time."""
    found = list(candidates)
    workers = 1 if len(found) < PARALLEL_FROM else jobs
    groups: list[list[Candidate]] = []

    def grouped() -> list[list[Candidate]]:
        groups.extend(group(found))
        return groups

    shared = (selection, list(roots))
    outcomes = parallel.imap(_check, grouped(), shared, workers, weight=len, prepare=prepare_worker)
    for n in count():
        try:
            yield next(outcomes)  # kept by no variable here while the next country is checked
        except StopIteration:
            return
        if progress:
            progress(len(groups[n]))


def _check(shared: tuple[Selection, list[str]], found: Sequence[Candidate]) -> CountryStats:
    selection, roots = shared
    return check_group(found, selection, roots)

"""Running the rules over files: load, build the model, check, and turn problems into findings."""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from galint.analysis import trace
from galint.core.diagnostic import Diagnostic, Span
from galint.core.rule import Check, Rule
from galint.form.model import Report, build
from galint.io.discover import Candidate, declares_form, group
from galint.io.load import MAX_BYTES, Document, Loaded, load_path
from galint.pipeline import parallel, suppress
from galint.pipeline.config import Resolved
from galint.pipeline.pairing import attach
from galint.pipeline.parallel import PARALLEL_FROM
from galint.pipeline.suppress import Suppressed
from galint.rules.internal import RULE_ERROR


@dataclass(frozen=True, slots=True)
class Selection:
    """The rules a run applies, with their severities, options and per-file ignores."""

    rules: tuple[Rule, ...]
    # Every known rule by slug, so problems of rules left out can be dropped.
    known: dict[str, Rule]
    severities: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    resolved: Resolved | None = None

    @classmethod
    def of(cls, rules: Sequence[Rule], enabled: Iterable[Rule] | None = None) -> Selection:
        default = (rule for rule in rules if not rule.fix_only)  # they run only when named
        return cls(
            rules=tuple(default if enabled is None else enabled),
            known={rule.slug: rule for rule in rules},
        )

    @classmethod
    def from_config(cls, rules: Sequence[Rule], resolved: Resolved) -> Selection:
        return cls(
            rules=resolved.enabled,
            known={rule.slug: rule for rule in rules},
            severities=resolved.severities,
            options=resolved.options,
            resolved=resolved,
        )

    def for_path(self, path: str) -> Selection:
        """This selection less the rules that per-file-ignores turn off for ``path``."""
        off = self.resolved.ignored_for(path) if self.resolved else frozenset()
        if not off:
            return self
        return replace(self, rules=tuple(r for r in self.rules if r.slug not in off))

    def enabled(self, slug: str) -> Rule | None:
        rule = self.known.get(slug)
        return rule if rule is not None and rule in self.rules else None

    def severity(self, rule: Rule) -> str:
        return self.severities.get(rule.slug, rule.severity)


@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Diagnostic]
    report: Report | None = None
    suppressed: list[Suppressed] = field(default_factory=list)
    # Diagnostics of fix-only rules: fixes on offer, never reported as findings.
    fixes: list[Diagnostic] = field(default_factory=list)


def run(
    candidates: Iterable[Candidate],
    selection: Selection,
    previous: str | None = None,
    require_previous: bool = False,
    max_bytes: int = MAX_BYTES,
    jobs: int | None = 1,
) -> list[FileResult]:
    """Check files, each report paired with its predecessor; results in the files' order.

    With ``jobs`` other than 1 and many files, countries are checked on several processes;
    the results are the same, but hold no report model (``report`` is None).
    """
    found = list(candidates)
    if jobs == 1 or previous is not None or len(found) < PARALLEL_FROM:
        return run_together(found, selection, previous, require_previous, max_bytes)
    order = {candidate.path: n for n, candidate in enumerate(found)}
    shared = (selection, require_previous, max_bytes)
    checked = parallel.imap(
        _check_group, group(found), shared, jobs, weight=len, prepare=prepare_worker
    )
    results = [result for results in checked for result in results]
    return sorted(results, key=lambda result: order[result.path])


def run_together(
    found: Sequence[Candidate],
    selection: Selection,
    previous: str | None = None,
    require_previous: bool = False,
    max_bytes: int = MAX_BYTES,
    confine: Sequence[str] | None = None,
) -> list[FileResult]:
    """Load, pair and check files in this process; each result keeps its report model."""
    loaded = [item for c in found if (item := load_candidate(c, max_bytes)) is not None]
    reports = {item.path: build(item.document) for item in loaded if item.document is not None}
    attach(list(reports.values()), previous, require_previous, confine)
    return [check_loaded(item, selection, reports.get(item.path)) for item in loaded]


def _check_group(shared: tuple[Selection, bool, int], found: list[Candidate]) -> list[FileResult]:
    """One country's files, checked together so that they are paired with each other."""
    selection, require_previous, max_bytes = shared
    # The country's traces are let go with its reports, at its end, while they are still in
    # the processor's caches: freed after fifteen more countries, they took 3% of a run.
    with trace.keeping():
        results = run_together(found, selection, None, require_previous, max_bytes)
    for result in results:
        result.report = None  # a report model does not cross processes
    return results


def prepare_worker() -> None:
    """What a worker's first country would otherwise wait for (about 30 ms): the timeframe
    patterns and the stemmer."""
    from galint.analysis import timeframe

    timeframe.prepare()
    trace.prepare()


def check_file(
    candidate: Candidate, selection: Selection, max_bytes: int = MAX_BYTES
) -> FileResult | None:
    """Check one file on its own, without a predecessor from the run."""
    loaded = load_candidate(candidate, max_bytes)
    return None if loaded is None else check_loaded(loaded, selection)


def load_candidate(candidate: Candidate, max_bytes: int = MAX_BYTES) -> Loaded | None:
    """Read one file; None when a file found in a directory turns out not to be a report."""
    accept = None if candidate.explicit else declares_form
    return load_path(candidate.path, max_bytes, accept)


def check_loaded(loaded: Loaded, selection: Selection, report: Report | None = None) -> FileResult:
    """Diagnostics of one file; ``report`` is its model when already built (and paired)."""
    selection = selection.for_path(loaded.path)
    findings = [
        found
        for diagnostic in loaded.problems
        if (found := _resolve(loaded.path, loaded.document, diagnostic, None, selection))
    ]
    if loaded.document is None:
        return FileResult(loaded.path, sorted(findings, key=_order))
    if report is None:
        report = build(loaded.document)
    fixes: list[Diagnostic] = []
    for check, owner in _checks(selection.rules):
        for found in _run_check(check, owner, report, loaded, selection):
            # A fix-only rule's diagnostics offer a fix; they are not findings.
            rule = selection.known.get(found.rule or "")
            (fixes if rule is not None and rule.fix_only else findings).append(found)
    outcome = suppress.apply(
        findings, loaded.document.text, list(selection.known.values()), selection.rules
    )
    kept = outcome.kept
    for directive in outcome.problems:
        if (found := _resolve(loaded.path, None, directive, None, selection)) is not None:
            kept.append(found)
    findings = sorted(set(kept), key=_order)
    return FileResult(loaded.path, findings, report, outcome.suppressed, fixes)


def _run_check(
    check: Check, owner: Rule, report: Report, loaded: Loaded, selection: Selection
) -> list[Diagnostic]:
    """What one check says of a report; a check that raises gives a rule-error diagnostic."""
    found: list[Diagnostic] = []
    try:
        options = selection.options.get(owner.slug, owner.options)
        diagnostics = check(report, options) if owner.options else check(report)
        for diagnostic in diagnostics:
            resolved = _resolve(loaded.path, loaded.document, diagnostic, owner, selection)
            if resolved is not None:
                found.append(resolved)
    except Exception as error:  # one broken rule must not stop the run
        found.append(_rule_error(loaded.path, owner, error))
    return found


def _checks(rules: Iterable[Rule]) -> list[tuple[Check, Rule]]:
    """Each distinct check once: a family of rules shares one check."""
    seen: dict[int, tuple[Check, Rule]] = {}
    for rule in rules:
        if rule.check is not None and id(rule.check) not in seen:
            seen[id(rule.check)] = (rule.check, rule)
    return list(seen.values())


def _resolve(
    path: str,
    document: Document | None,
    diagnostic: Diagnostic,
    owner: Rule | None,
    selection: Selection,
) -> Diagnostic | None:
    """``diagnostic`` with its file, place, code and severity; None when its rule is off."""
    slug = diagnostic.rule or (owner.slug if owner else RULE_ERROR.slug)
    rule = selection.enabled(slug)
    if rule is None:
        return None
    if diagnostic.span is not None:
        span = diagnostic.span
    elif document is not None:
        span = document.span(diagnostic.path, diagnostic.key)
    else:
        span = Span.point(1, 1)
    return replace(
        diagnostic,
        span=span,
        rule=rule.slug,
        code=rule.code,
        severity=selection.severity(rule),
        file=path,
    )


def _rule_error(path: str, owner: Rule, error: Exception) -> Diagnostic:
    where = traceback.extract_tb(error.__traceback__)[-1]
    return Diagnostic(
        f"rule {owner.code} [{owner.slug}] failed: {type(error).__name__}: {error} "
        f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})",
        span=Span.point(1, 1),
        rule=RULE_ERROR.slug,
        code=RULE_ERROR.code,
        severity=RULE_ERROR.severity,
        file=path,
    )


def _order(diagnostic: Diagnostic) -> tuple[str, int, int, str, str]:
    return diagnostic.sort_key

"""The pipeline: one object that every command drives.

    discover -> load -> pair -> check -> suppress -> baseline -> fix

``galint check`` runs all of it; ``galint report`` runs it per country and summarises each;
``galint trace`` and ``galint new`` read single reports through it. The command line only turns
its options into ``Settings`` and picks a formatter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from galint.core.diagnostic import SAFE, Diagnostic
from galint.form.model import Report, build
from galint.io.discover import Candidate, candidates
from galint.io.load import MAX_BYTES, load_path
from galint.pipeline import engine
from galint.pipeline.engine import FileResult, Selection

if TYPE_CHECKING:
    from galint.analysis.trace import Trace
    from galint.pipeline.bulk import Summarise, Summary


class ReportError(Exception):
    """A report that a command needs cannot be read; the message says where and why."""


class Settings(NamedTuple):
    """What a run is asked to do."""

    selection: Selection
    # The previous report of every report checked (``--previous``), instead of pairing.
    previous: str | None = None
    require_previous: bool = False
    max_bytes: int = MAX_BYTES
    # Worker processes: None for every core, 1 to stay in this process.
    jobs: int | None = 1
    # Files named on the command line are reports, whatever they hold (not for pre-commit).
    named_are_reports: bool = True


@dataclass(slots=True)
class FixOutcome:
    """What fixing one file did, or would do."""

    path: str
    before: str
    after: str
    applied: list[Diagnostic] = field(default_factory=list)
    # Why the file was left as it was although fixes were offered.
    refused: str | None = None

    @property
    def changed(self) -> bool:
        return self.after != self.before


class Pipeline:
    """Runs the stages of a check with one set of ``Settings``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def discover(self, paths: Sequence[str]) -> list[Candidate]:
        """The files to check: those named, and the reports found in the folders named."""
        return list(candidates(list(paths), named_are_reports=self.settings.named_are_reports))

    def check(self, found: Sequence[Candidate], keep_models: bool = False) -> list[FileResult]:
        """Load, pair, check and apply the suppressions of every file, in the files' order.

        ``keep_models`` keeps each result's report model (for fixes and baselines), which
        means checking in this process.
        """
        s = self.settings
        jobs = 1 if keep_models else s.jobs
        return engine.run(found, s.selection, s.previous, s.require_previous, s.max_bytes, jobs)

    def countries(
        self,
        found: Sequence[Candidate],
        summarise: Summarise[Summary],
        confine: Sequence[str],
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[Summary]:
        """Each country's files checked together and summarised by ``summarise`` (which
        must be a module-level function: it is sent to the worker processes), lazily and in
        a stable order; nothing is read outside the folders in ``confine``."""
        from galint.pipeline import bulk

        s = self.settings
        return bulk.run(found, s.selection, confine, summarise, s.jobs, progress)

    def hide_baseline(self, results: Sequence[FileResult], baseline: str) -> int:
        """Drop the findings a baseline file records; how many were dropped."""
        from galint.pipeline import baseline as baselines

        return baselines.hide(baseline, results)

    def fix(self, results: Iterable[FileResult], unsafe: bool = False) -> list[FixOutcome]:
        """Apply the fixes the diagnostics of each report offer (the safe ones, or all with
        ``unsafe``) to its text, in memory; the caller writes them or shows the diff."""
        from galint import fix

        outcomes = []
        for result in results:
            if result.report is None:
                continue  # a file that does not parse is never touched
            chosen = fixable((*result.findings, *result.fixes), unsafe)
            try:
                with open(result.path, "rb") as stream:
                    before = stream.read().decode("utf-8")
            except (OSError, UnicodeDecodeError) as error:
                outcomes.append(FixOutcome(result.path, "", "", refused=str(error)))
                continue
            done = fix.apply(before, result.report, chosen)
            outcomes.append(
                FixOutcome(result.path, before, done.text, done.applied, done.skipped_reason)
            )
        return outcomes


def fixable(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Diagnostic]:
    """The diagnostics whose fixes ``--fix`` applies: the safe ones, or all with ``unsafe``."""
    return [d for d in diagnostics if d.fix is not None and (unsafe or d.fix.applicability == SAFE)]


def load_report(path: str) -> Report:
    """The model of one report, for commands that work on one; ReportError if it cannot be
    read."""
    loaded = load_path(path)
    if loaded is None or loaded.document is None:
        problem = loaded.problems[0] if loaded and loaded.problems else None
        where = f":{problem.span.line}:{problem.span.column}" if problem and problem.span else ""
        reason = problem.message if problem else "cannot be read"
        raise ReportError(f"{path}{where}: {reason}")
    return build(loaded.document)


def trace_pair(previous: str, current: str) -> Trace:
    """How the report at ``current`` follows up the plans of the one at ``previous``;
    ReportError if either cannot be read or ``previous`` is not an earlier edition."""
    from galint.analysis.trace import trace

    old, new = load_report(previous), load_report(current)
    if old.edition is None or new.edition is None or old.edition.year >= new.edition.year:
        raise ReportError(f"{previous} must be an earlier edition of the form than {current}")
    return trace(old, new)

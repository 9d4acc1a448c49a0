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

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import count
from typing import Any, TypeVar

from galint.io.discover import Candidate, group
from galint.io.load import MAX_BYTES
from galint.pipeline import parallel
from galint.pipeline.engine import FileResult, Selection, prepare_worker, run_together
from galint.pipeline.parallel import PARALLEL_FROM

Summary = TypeVar("Summary")
# What a country's checked files become: (its files, their results, the rules' options).
Summarise = Callable[[Sequence[Candidate], Sequence[FileResult], Mapping[str, Any]], Summary]


def check_group(
    candidates: Sequence[Candidate],
    selection: Selection,
    roots: Sequence[str],
    summarise: Summarise[Summary],
    max_bytes: int = MAX_BYTES,
) -> Summary:
    """Load, pair, check and summarise one country's files. The summary holds what a report
    needs (files, findings, figures, traceability); the documents and file results go."""
    from galint.analysis.trace import keeping

    # The summary reads the traces the rules made: kept for the whole country, then let go.
    with keeping():
        results = run_together(candidates, selection, max_bytes=max_bytes, confine=roots)
        return summarise(candidates, results, selection.options)


def run(
    candidates: Iterable[Candidate],
    selection: Selection,
    roots: Sequence[str],
    summarise: Summarise[Summary],
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Summary]:
    """Every country's summary, in a stable order (the countries' first files, in discovery
    order), the same with one process or several. Lazily: a caller that lets each summary go
    once written holds one at a time."""
    found = list(candidates)
    workers = 1 if len(found) < PARALLEL_FROM else jobs
    groups = group(found)
    shared = (selection, list(roots), summarise)
    outcomes = parallel.imap(_check, groups, shared, workers, weight=len, prepare=prepare_worker)
    for n in count():
        try:
            yield next(outcomes)  # kept by no variable here while the next country is checked
        except StopIteration:
            return
        if progress:
            progress(len(groups[n]))


def _check(
    shared: tuple[Selection, list[str], Summarise[Summary]], found: Sequence[Candidate]
) -> Summary:
    selection, roots, summarise = shared
    return check_group(found, selection, roots, summarise)

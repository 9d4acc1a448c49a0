"""The traces the rules share: several rules ask for the trace of the same report."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from galint.analysis.trace.model import Trace
from galint.analysis.trace.tracing import trace
from galint.form.model import Report

# By id() of the current report: the pair, so that a reused id is not taken for the same
# report, and the trace.
_CACHE: dict[int, tuple[Report, Report, Trace]] = {}
# A run checks each report once: a few traces at a time are enough, outside keeping().
_CACHE_SIZE = 16
_KEEPING = [0]  # how many keeping() blocks are open


@contextlib.contextmanager
def keeping() -> Iterator[None]:
    """Within the block, every trace made stays cached, however many (a bulk run summarises a
    country's reports after checking them all); at its end, the cache is emptied."""
    _KEEPING[0] += 1
    try:
        yield
    finally:
        _KEEPING[0] -= 1
        if not _KEEPING[0]:
            _CACHE.clear()


def trace_of(report: Report) -> Trace | None:
    """The trace of ``report`` against its predecessor, computed once; None without one."""
    previous = report.predecessor
    if previous is None:
        return None
    cached = _CACHE.get(id(report))
    # The ids of reports that were freed can be reused: check that it is the same pair.
    if cached is not None and cached[0] is report and cached[1] is previous:
        return cached[2]
    result = trace(previous, report)
    if len(_CACHE) >= _CACHE_SIZE and not _KEEPING[0]:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(report)] = (report, previous, result)
    return result

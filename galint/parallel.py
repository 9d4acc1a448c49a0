"""Work spread over every core, in a stable order: the output of a run with several processes
is the output of a run with one."""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64

_SHARED: dict[str, Any] = {}


def imap(
    function: Callable[[Any, Item], Result],
    items: Sequence[Item] | Callable[[], Sequence[Item]],
    shared: Any,
    jobs: int | None = None,
    weight: Callable[[Item], int] | None = None,
    prepare: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """``function(shared, item)`` for each item, in order, on ``jobs`` processes (default:
    every core). ``shared`` is handed to each worker once, not with every item.

    Results are made only a little ahead of the caller: a caller slower than the workers (one
    that writes each result out) holds a few batches of results, not every result of the run.
    ``weight`` (say, an item's number of files) keeps heavy items out of large batches.

    ``items`` may be a function that gives them: it is called once the workers are started,
    and each worker runs ``prepare`` (what its first item would otherwise wait for) meanwhile.
    """
    workers = jobs or os.cpu_count() or 1
    if not callable(items):
        workers = min(workers, len(items))
    if workers <= 1:
        for item in items() if callable(items) else items:
            yield function(shared, item)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(workers, _start, (function, shared, prepare)) as pool:
        if callable(items):
            items = items()
        # Items go to the workers in batches: one message per item costs about a tenth of the
        # work of checking a country; a few batches per worker keep the load even.
        size = max(1, min(16, len(items) // (workers * 4)))
        batches = _batches(items, size, weight, workers)
        # Two batches per worker are out at a time: one being worked on, one waiting.
        pending = deque(
            pool.apply_async(_call_batch, (batch,)) for batch in islice(batches, 2 * workers)
        )
        while pending:
            done = deque(pending.popleft().get())
            for batch in islice(batches, 1):
                pending.append(pool.apply_async(_call_batch, (batch,)))
            while done:
                yield done.popleft()  # and let it go


def _batches(
    items: Sequence[Item],
    size: int,
    weight: Callable[[Item], int] | None,
    workers: int = 0,
) -> Iterator[list[Item]]:
    """Consecutive items, ``size`` at a time; with ``weight``, also at most ``size`` times the
    median item's weight (an item heavier than that goes alone). With ``workers``, batches
    shrink towards the end, to a share of what is left, so that the workers finish together
    rather than one waiting for the other's last large batch."""
    limit = size * sorted(map(weight, items))[len(items) // 2] if weight else 0
    batch: list[Item] = []
    load = 0
    for done, item in enumerate(items):
        heft = weight(item) if weight else 0
        room = min(size, max(1, (len(items) - done) // (2 * workers))) if workers else size
        if batch and (len(batch) >= room or load + heft > limit > 0):
            yield batch
            batch, load = [], 0
        batch.append(item)
        load += heft
    if batch:
        yield batch


def _start(
    function: Callable[[Any, Any], Any], shared: Any, prepare: Callable[[], None] | None
) -> None:
    _SHARED["function"] = function
    _SHARED["shared"] = shared
    if prepare is not None:
        # Only a head start: what fails here fails again, and is reported, with the item.
        with contextlib.suppress(Exception):
            prepare()


def _call_batch(batch: list[Any]) -> list[Any]:
    function, shared = _SHARED["function"], _SHARED["shared"]
    return [function(shared, item) for item in batch]

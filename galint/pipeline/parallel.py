"""Work spread over every core, in a stable order: the output of a run with several processes
is the output of a run with one.

The processes are a concurrent.futures.ProcessPoolExecutor. What this module adds to it:
items sent in batches, results given back in order and made only a little ahead of the
caller, and a worker that dies reported as WorkerDied.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.process import BaseProcess

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64

# Batches submitted and not yet taken by the caller, per worker: enough to keep every worker
# busy while the caller takes the oldest, few enough that a slow caller (one that writes each
# result out) holds a few batches of results rather than every result of the run.
AHEAD = 4

# A batch holds at most this many items of median weight: one task per item would cost more
# in messages than the work, and a few batches per worker keep the load even.
BATCH = 16


class WorkerDied(RuntimeError):
    """A worker process ended before it gave back the work it was given."""


def imap(
    function: Callable[[Any, Item], Result],
    items: Sequence[Item],
    shared: Any,
    jobs: int | None = None,
    weight: Callable[[Item], int] | None = None,
    prepare: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """``function(shared, item)`` for each item, in order, on ``jobs`` processes (default:
    every core). ``shared`` is handed to each worker once, not with every item, and each
    worker runs ``prepare`` (what its first item would otherwise wait for) when it starts.

    ``weight`` (say, an item's number of files) keeps heavy items out of large batches.

    An exception in ``function`` is raised here; a worker that dies (killed, out of memory,
    a crash in C code) raises WorkerDied rather than leave the run waiting for ever.
    """
    workers = min(jobs or os.cpu_count() or 1, len(items))
    if workers <= 1:
        return (function(shared, item) for item in items)
    return _pooled(function, items, shared, workers, weight, prepare)


def _pooled(
    function: Callable[[Any, Item], Result],
    items: Sequence[Item],
    shared: Any,
    workers: int,
    weight: Callable[[Item], int] | None,
    prepare: Callable[[], None] | None,
) -> Iterator[Result]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = _context()
    pool = ProcessPoolExecutor(
        workers, context, initializer=_start_worker, initargs=(function, shared, prepare)
    )
    batches = _batches(items, weight, workers)
    # The batches' futures, oldest first: at most AHEAD per worker submitted and not taken.
    pending: deque[Future[list[Result]]] = deque()
    finished = False
    try:
        pending.extend(pool.submit(_run, batch) for batch in islice(batches, AHEAD * workers))
        while pending:
            results = deque(pending.popleft().result())
            pending.extend(pool.submit(_run, batch) for batch in islice(batches, 1))
            while results:
                yield results.popleft()  # and let it go
        finished = True
    except BrokenProcessPool:
        pool.shutdown()  # the pool ends the other workers: then every exit code is known
        raise WorkerDied(_died(context.processes)) from None
    finally:
        if not finished:
            # An exception, Ctrl-C or a caller that stopped early: the workers are ended at
            # once, not after the batches they are working on (one may never end).
            for process in context.processes:
                process.terminate()
        pool.shutdown(cancel_futures=True)


def _context() -> Any:
    """The multiprocessing context for the pool, fork on POSIX (a worker starts with what the
    caller has imported), keeping the processes the pool starts: ProcessPoolExecutor does
    not give them, and they are the only way to know how a worker ended, or to end one."""
    import multiprocessing

    base = type(multiprocessing.get_context("fork" if os.name == "posix" else "spawn"))

    class Context(base):  # type: ignore[valid-type,misc]
        def __init__(self) -> None:
            self.processes: list[BaseProcess] = []

        def Process(self, *args: Any, **kwargs: Any) -> BaseProcess:
            process = super().Process(*args, **kwargs)
            self.processes.append(process)
            return process

    return Context()


def _died(processes: list[BaseProcess]) -> str:
    """What WorkerDied says, with the exit code of the worker that died: the pool ends the
    others with SIGTERM, so it is the one that ended otherwise (or the first, if none did)."""
    import signal

    codes = [p.exitcode for p in processes if p.exitcode is not None]
    died = [code for code in codes if code != -signal.SIGTERM] or codes
    told = f" (exit code {died[0]})" if died else ""
    return (
        f"a worker process ended{told} before it finished its work: killed, out of memory, "
        "or a crash"
    )


def _batches(
    items: Sequence[Item], weight: Callable[[Item], int] | None, workers: int
) -> Iterator[list[Item]]:
    """Consecutive items, in batches of about the same work: ``BATCH`` items of median
    ``weight`` (all weigh 1 without it); an item heavier than that goes alone. Batches shrink
    towards the end, to a share of the work left, so that the workers finish together rather
    than one waiting for another's last large batch."""
    hefts = [max(1, weight(item)) for item in items] if weight else [1] * len(items)
    size = max(1, min(BATCH, len(items) // (workers * AHEAD)))
    limit = size * sorted(hefts)[len(hefts) // 2] if hefts else 0
    left = sum(hefts)
    batch: list[Item] = []
    load = 0
    for item, heft in zip(items, hefts, strict=True):
        if batch and load + heft > min(limit, max(1, left // (2 * workers))):
            yield batch
            batch, load = [], 0
        batch.append(item)
        load += heft
        left -= heft
    if batch:
        yield batch


# In a worker: the function and the object shared by every item, set when it starts.
_work: tuple[Callable[[Any, Any], Any], Any] | None = None


def _start_worker(
    function: Callable[[Any, Any], Any], shared: Any, prepare: Callable[[], None] | None
) -> None:
    import signal  # only workers need it: not on the way of a one-file check's start

    global _work
    _work = (function, shared)
    # Ctrl-C is for the parent, which then ends its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if prepare is not None:
        # Only a head start: what fails here fails again, and is reported, with the item.
        with contextlib.suppress(Exception):
            prepare()


def _run(batch: list[Any]) -> list[Any]:
    assert _work is not None, "a worker runs _start_worker first"
    function, shared = _work
    return [function(shared, item) for item in batch]

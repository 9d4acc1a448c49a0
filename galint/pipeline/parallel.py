"""Work spread over every core, in a stable order: the output of a run with several processes
is the output of a run with one."""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64


class WorkerDied(RuntimeError):
    """A worker process ended before it gave back the work it was given."""


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

    An exception in ``function`` is raised here; a worker that dies (killed, out of memory,
    a crash in C code) raises WorkerDied rather than leave the run waiting for ever.
    """
    workers = jobs or os.cpu_count() or 1
    if not callable(items):
        workers = min(workers, len(items))
    if workers <= 1:
        for item in items() if callable(items) else items:
            yield function(shared, item)
        return
    import multiprocessing
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    pool: list[_Worker] = []
    finished = False
    try:
        for _ in range(workers):
            pool.append(_Worker(context, function, shared, prepare))
        if callable(items):
            items = items()
        # Items go to the workers in batches: one message per item costs about a tenth of the
        # work of checking a country; a few batches per worker keep the load even.
        size = max(1, min(16, len(items) // (workers * 4)))
        batches = enumerate(_batches(items, size, weight, workers))
        done: dict[int, deque[Any]] = {}  # results come back out of order
        sent = taken = 0
        exhausted = False
        while True:
            # Each worker holds at most two batches, one being worked on and one sent ahead;
            # each batch goes to the one that holds fewer. At most four batches per worker are
            # out or waiting to be taken, in all: a worker can run a few batches ahead of one
            # that is slow on the oldest.
            while not exhausted and sent - taken < 4 * workers:
                worker = min(pool, key=_held)
                if len(worker.out) >= 2:
                    break
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                else:
                    worker.send(*batch)
                    sent += 1
            while taken in done:
                results = done.pop(taken)
                taken += 1
                while results:
                    yield results.popleft()  # and let it go
            if taken == sent:
                if exhausted:
                    finished = True
                    return
                continue  # room for more batches
            ready = wait([w.connection for w in pool] + [w.process.sentinel for w in pool])
            for worker in pool:
                if worker.connection in ready:
                    done.update(worker.receive())
                if worker.process.sentinel in ready:
                    raise worker.died()
    finally:
        for worker in pool:
            worker.stop(finished)


class _Worker:
    """A worker process, the parent's end of its pipe, and the numbers of the batches it holds,
    oldest first."""

    def __init__(
        self,
        context: Any,
        function: Callable[[Any, Any], Any],
        shared: Any,
        prepare: Callable[[], None] | None,
    ) -> None:
        self.connection, theirs = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(theirs, function, shared, prepare), daemon=True
        )
        self.process.start()
        theirs.close()
        self.out: deque[int] = deque()

    def send(self, number: int, batch: list[Any]) -> None:
        try:
            self.connection.send(batch)
        except OSError:  # the pipe is broken: the worker is gone
            raise self.died() from None
        self.out.append(number)

    def receive(self) -> Iterator[tuple[int, deque[Any]]]:
        """The results it has sent back, by batch number; its exception if one stopped it."""
        while self.out and self.connection.poll():
            try:
                failed, answer = self.connection.recv()
            except (EOFError, OSError):
                raise self.died() from None
            if failed:
                raise answer
            yield self.out.popleft(), deque(answer)

    def died(self) -> WorkerDied:
        self.process.join()
        return WorkerDied(
            f"a worker process ended (exit code {self.process.exitcode}) before it finished "
            "its work: killed, out of memory, or a crash"
        )

    def stop(self, finished: bool) -> None:
        """Let it end when its work is done; end it at once when the run is cut short."""
        if finished:
            with contextlib.suppress(OSError):
                self.connection.send(None)
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


def _held(worker: _Worker) -> int:
    return len(worker.out)


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
    limit = size * sorted(map(weight, items))[len(items) // 2] if weight and items else 0
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


def _serve(
    connection: Any,
    function: Callable[[Any, Any], Any],
    shared: Any,
    prepare: Callable[[], None] | None,
) -> None:
    """A worker: batches in, their results (or the exception that stopped them) out, until
    the parent sends None or is gone."""
    import signal  # only workers need it: not on the way of a one-file check's start

    # Ctrl-C is for the parent, which then ends its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if prepare is not None:
        # Only a head start: what fails here fails again, and is reported, with the item.
        with contextlib.suppress(Exception):
            prepare()
    while True:
        try:
            batch = connection.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        try:
            answer: tuple[bool, Any] = (False, [function(shared, item) for item in batch])
        except Exception as error:
            answer = (True, error)
        try:
            connection.send(answer)
        except Exception as error:  # an exception or a result that cannot be pickled
            connection.send((True, RuntimeError(f"{type(error).__name__}: {error}")))

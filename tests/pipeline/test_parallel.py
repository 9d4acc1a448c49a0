"""galint.pipeline.parallel: work on several processes, in order, never ahead of the caller by
much, and never waiting for ever on a worker that died."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from support import no_hang

from galint.pipeline import parallel


@pytest.fixture(autouse=True)
def no_worker_left() -> Iterator[None]:
    """However a test ends, the pool has ended its processes."""
    yield
    assert multiprocessing.active_children() == []


_PREPARED: list[str] = []


def _prepare_worker() -> None:
    _PREPARED.append("prepared")


def _prepare_and_fail() -> None:
    raise RuntimeError("cannot prepare")


def _with_preparation(offset: int, item: int) -> tuple[int, list[str], int]:
    return item + offset, list(_PREPARED), os.getpid()


def test_results_come_in_the_order_of_the_items_as_from_one_process() -> None:
    items = list(range(500))
    expected = [n + 100 for n in items]
    with no_hang():
        assert [n for n, _, _ in parallel.imap(_with_preparation, items, 100, 2)] == expected
        assert [n for n, _, _ in parallel.imap(_with_preparation, items, 100, 1)] == expected
        weighted = parallel.imap(_with_preparation, items, 100, 2, weight=lambda n: n % 7)
        assert [n for n, _, _ in weighted] == expected
    assert list(parallel.imap(_with_preparation, [], 0, 2, weight=abs)) == []


def test_each_worker_prepares_once_and_the_caller_not_at_all() -> None:
    with no_hang():
        results = list(
            parallel.imap(_with_preparation, list(range(40)), 0, 2, prepare=_prepare_worker)
        )
    assert {pid for _, _, pid in results} - {os.getpid()}  # by the workers
    assert all(prepared == ["prepared"] for _, prepared, _ in results)  # once each
    assert _PREPARED == []  # not here


def test_a_worker_that_cannot_prepare_still_works() -> None:
    with no_hang():
        work = parallel.imap(_with_preparation, [1, 2, 3], 0, 2, prepare=_prepare_and_fail)
        assert [n for n, _, _ in work] == [1, 2, 3]


def _call(shared: Any, item: int) -> int:
    return shared(item)


@pytest.mark.skipif(os.name != "posix", reason="workers are forked on POSIX only")
def test_the_shared_object_is_not_sent_with_the_items() -> None:
    # A lambda cannot be pickled: it reaches the workers because they are forked with it.
    with no_hang():
        assert list(parallel.imap(_call, list(range(100)), lambda n: n * 2, 2)) == [
            n * 2 for n in range(100)
        ]


def _counted(made: Any, item: int) -> int:
    with made.get_lock():
        made.value += 1
    return item


def test_results_are_made_only_a_little_ahead_of_a_slow_caller() -> None:
    made = multiprocessing.get_context("fork" if os.name == "posix" else "spawn").Value("i", 0)
    items = list(range(600))
    workers = 2
    # The batches submitted and not taken, and the one being taken.
    most = (parallel.AHEAD * workers + 1) * parallel.BATCH
    ahead = []
    with no_hang():
        for taken, item in enumerate(parallel.imap(_counted, items, made, workers), 1):
            assert item == taken - 1
            if taken % 50 == 1:
                time.sleep(0.2)  # the workers do all they may meanwhile
                ahead.append(made.value - taken)
    assert max(ahead) <= most < len(items) // 2
    assert max(ahead) >= parallel.BATCH  # but they do work ahead


def _fails_at_five(shared: None, item: int) -> int:
    if item == 5:
        raise ValueError(f"cannot do {item}")
    return item


def test_an_exception_in_the_function_is_raised_in_the_caller() -> None:
    with no_hang(), pytest.raises(ValueError, match="cannot do 5"):
        list(parallel.imap(_fails_at_five, list(range(100)), None, 2))


def _dies_at_five(shared: int, item: int) -> int:
    if item == 5:
        if shared:
            os.kill(os.getpid(), shared)  # as the kernel's out-of-memory killer would
        os._exit(7)  # as a crash in C code would end it
    return item


def test_a_worker_that_exits_ends_the_run_with_an_error() -> None:
    with no_hang(), pytest.raises(parallel.WorkerDied, match=r"ended \(exit code 7\)"):
        list(parallel.imap(_dies_at_five, list(range(100)), 0, 2))


def test_a_worker_that_is_killed_ends_the_run_with_an_error() -> None:
    sigkill = getattr(signal, "SIGKILL", signal.SIGTERM)
    expected = rf"ended \(exit code -{int(sigkill)}\)"
    with no_hang(), pytest.raises(parallel.WorkerDied, match=expected):
        list(parallel.imap(_dies_at_five, list(range(100)), int(sigkill), 2))


def _unpicklable(shared: None, item: int) -> object:
    return lambda: item


def test_a_result_that_cannot_be_sent_back_is_an_error() -> None:
    with no_hang(), pytest.raises(Exception, match="pickle"):
        list(parallel.imap(_unpicklable, list(range(10)), None, 2))


def test_workers_end_when_the_caller_stops_early() -> None:
    with no_hang():
        work = parallel.imap(_with_preparation, list(range(100)), 0, 2)
        assert next(work)[0] == 0
        work.close()


def _slow(shared: None, item: int) -> int:
    time.sleep(10)
    return item


def test_ctrl_c_ends_the_workers_at_once() -> None:
    """Not after the batches they are working on: a worker may be stuck on one."""
    interrupt = threading.Timer(1, os.kill, (os.getpid(), signal.SIGINT))
    start = time.monotonic()
    with no_hang():
        interrupt.start()
        with pytest.raises(KeyboardInterrupt):
            list(parallel.imap(_slow, list(range(10)), None, 2))
    assert time.monotonic() - start < 5


def test_heavy_items_go_in_batches_of_their_own() -> None:
    # The pool's batches, which its results do not show: a batch holds BATCH items of median
    # weight at most, and an item heavier than that goes alone.
    items = [2] * 40 + [108] + [2] * 3 + [40, 33] + [2] * 40
    batches = list(parallel._batches(items, lambda n: n, 1))
    assert [n for batch in batches for n in batch] == items
    assert [108] in batches and [40] in batches
    assert all(sum(batch) <= parallel.BATCH * 2 for batch in batches if len(batch) > 1)
    assert max(map(len, batches)) == parallel.BATCH


def test_batches_shrink_towards_the_end_so_that_workers_finish_together() -> None:
    sizes = [len(batch) for batch in parallel._batches(list(range(200)), None, 2)]
    assert sum(sizes) == 200 and sizes[0] == parallel.BATCH
    assert sizes == sorted(sizes, reverse=True)  # never larger than the one before
    assert sizes[-3:] == [1, 1, 1]

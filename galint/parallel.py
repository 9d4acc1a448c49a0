"""Work spread over every core, in a stable order: the output of a run with several processes
is the output of a run with one."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64

_SHARED: dict[str, Any] = {}


def imap(
    function: Callable[[Any, Item], Result],
    items: Sequence[Item],
    shared: Any,
    jobs: int | None = None,
) -> Iterator[Result]:
    """``function(shared, item)`` for each item, in order, on ``jobs`` processes (default:
    every core). ``shared`` is handed to each worker once, not with every item."""
    workers = min(jobs or os.cpu_count() or 1, len(items))
    if workers <= 1:
        for item in items:
            yield function(shared, item)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(workers, _start, (function, shared)) as pool:
        # Items go to the workers in chunks: one message per item costs about a tenth of the
        # work of checking a country; a few chunks per worker keep the load even.
        chunk = max(1, min(16, len(items) // (workers * 4)))
        yield from pool.imap(_call, items, chunksize=chunk)


def _start(function: Callable[[Any, Any], Any], shared: Any) -> None:
    _SHARED["function"] = function
    _SHARED["shared"] = shared


def _call(item: Any) -> Any:
    return _SHARED["function"](_SHARED["shared"], item)

"""How soon ``galint server`` answers an editor: the time from ``didOpen``, and from
``didChange``, to the ``publishDiagnostics`` of that version of the text, for Montenegro's
2014 report with its predecessor (examples/montenegro/2014.yaml; 2013.yaml beside it, read
from the disk). Target: under 200 ms.

Run from the repository root, after the README's test command has set up .venv::

    .venv/bin/python bench/server_latency.py [--runs 30]

The server runs as an editor starts it (``python -m galint server``, over stdio), driven by
pygls's client. Each open is the report opened anew (closed in between); each change is one
keystroke in the unsaved text, after a pause longer than the server waits for (its
debounce), so that every change is checked. Change latency is measured twice: with the
server's default debounce, which it includes, and with none, which is the check alone.
Prints the median, the 90th percentile and the slowest of each, and the first open after the
server started (it has loaded the rules and prepared the timeframe patterns and the stemmer
when it was initialized; the predecessor is read then).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import BaseLanguageClient

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "montenegro" / "2014.yaml"
TARGET_MS = 200.0
TYPED = "      - Montenegro will develop, protocol and standard procedures to identify victims"


class Editor:
    """A client that notes when each version's diagnostics arrive."""

    def __init__(self) -> None:
        self.client = BaseLanguageClient("galint-bench", "1")
        self.arrived: dict[tuple[str, int | None], asyncio.Event] = {}
        self.counts: dict[tuple[str, int | None], int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            key = (params.uri, params.version)
            self.counts[key] = len(params.diagnostics)
            self.event(key).set()

    def event(self, key: tuple[str, int | None]) -> asyncio.Event:
        return self.arrived.setdefault(key, asyncio.Event())

    async def start(self, debounce: float | None) -> None:
        await self.client.start_io(sys.executable, "-m", "galint", "server")
        options = {} if debounce is None else {"debounce": debounce}
        await self.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=REPORT.parent.as_uri(),
                initialization_options=options,
            )
        )
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    async def timed(self, key: tuple[str, int | None], send: Callable[[], object]) -> float:
        """Milliseconds from calling ``send`` to the diagnostics of ``key``."""
        event = self.event(key)
        start = time.perf_counter()
        send()
        await asyncio.wait_for(event.wait(), 60)
        return (time.perf_counter() - start) * 1000


async def measure_open(runs: int) -> list[float]:
    editor = Editor()
    await editor.start(None)
    uri, text = REPORT.as_uri(), REPORT.read_text(encoding="utf-8")
    times = []
    for version in range(1, runs + 2):
        item = types.TextDocumentItem(uri, "yaml", version, text)
        params = types.DidOpenTextDocumentParams(item)
        times.append(
            await editor.timed(
                (uri, version), lambda p=params: editor.client.text_document_did_open(p)
            )
        )
        editor.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
        )
    assert editor.counts[(uri, 1)] > 0, "Montenegro's 2014 report has findings"
    await editor.stop()
    return times


async def measure_change(runs: int, debounce: float | None) -> list[float]:
    editor = Editor()
    await editor.start(debounce)
    uri, text = REPORT.as_uri(), REPORT.read_text(encoding="utf-8")
    opened = types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, text))
    await editor.timed((uri, 1), lambda: editor.client.text_document_did_open(opened))
    times = []
    for version in range(2, runs + 2):
        # One keystroke more, or one less, at the end of a follow-up action.
        typed = TYPED + ("s" if version % 2 else "")
        text = text.replace(TYPED + "s", TYPED, 1) if version % 2 == 0 else text
        text = text.replace(TYPED, typed, 1)
        change = types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version, uri),
            [types.TextDocumentContentChangeWholeDocument(text)],
        )
        times.append(
            await editor.timed(
                (uri, version), lambda c=change: editor.client.text_document_did_change(c)
            )
        )
        await asyncio.sleep(0.1)  # a pause in typing
    await editor.stop()
    return times


def summary(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    median = statistics.median(ordered)
    verdict = "under" if median < TARGET_MS else "OVER"
    return (
        f"{name:<40} median {median:6.1f} ms   p90 {p90:6.1f} ms   slowest "
        f"{ordered[-1]:6.1f} ms   ({verdict} the {TARGET_MS:.0f} ms target)"
    )


async def main(runs: int) -> None:
    print(f"galint server, {REPORT.relative_to(ROOT)} with its predecessor, {runs} runs each")
    opened = await measure_open(runs)
    print(f"{'first didOpen after start -> diagnostics':<40} {opened[0]:6.1f} ms")
    print(summary("didOpen -> diagnostics", opened[1:]))
    print(summary("didChange -> diagnostics", await measure_change(runs, None)))
    print(summary("didChange -> diagnostics, debounce 0", await measure_change(runs, 0)))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    asyncio.run(main(parser.parse_args().runs))

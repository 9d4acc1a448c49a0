"""bench/server_latency.py runs, and prints its figures: open and change latencies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_latency_benchmark_prints_open_and_change_figures() -> None:
    done = subprocess.run(
        [sys.executable, "bench/server_latency.py", "--runs", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert (
        lines[0] == "galint server, examples/montenegro/2014.yaml with its predecessor, 3 runs each"
    )
    assert [line.split("  ")[0] for line in lines[1:]] == [
        "first didOpen after start -> diagnostics",
        "didOpen -> diagnostics",
        "didChange -> diagnostics",
        "didChange -> diagnostics, debounce 0",
    ]
    assert all(" ms" in line for line in lines[1:])

"""Tests of galint.output.

The helpers at the top of tests/ (``cli_run``, the ``browser`` package) are imported by name
there, because pytest puts that folder on the import path for the test modules in it; the
tests here are collected before those, so this puts it there for them too.
"""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

"""Running galint's real entry point in-process, as a user runs the command."""

from __future__ import annotations

import sys

import pytest

from galint import cli


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``galint ARGS...``: its exit status, standard output and standard error."""
    old = sys.argv
    sys.argv = ["galint", *args]
    try:
        cli.main()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    finally:
        sys.argv = old
    out, err = capsys.readouterr()
    return code, out, err

"""Helpers shared by test modules in several folders: reports made from the examples, and a
guard against work that never ends."""

from __future__ import annotations

import contextlib
import json
import signal
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from cli_run import run

ROOT = Path(__file__).resolve().parent.parent


def countries_folder(folder: Path, codes: Sequence[str]) -> Path:
    """Montenegro's pair once per code, each in its own folder."""
    for code in codes:
        for name in ("2013.yaml", "2014.yaml"):
            text = (ROOT / "examples" / "montenegro" / name).read_text(encoding="utf-8")
            target = folder / code.lower() / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text.replace("code: ME", f"code: {code}"), encoding="utf-8")
    return folder


def report_json(capsys: pytest.CaptureFixture[str], *paths: str) -> dict:
    """What ``galint report --format json PATHS`` prints, read; it must exit 0."""
    code, out, err = run(capsys, "report", "--format", "json", *paths)
    assert code == 0, err
    return json.loads(out)


@contextlib.contextmanager
def no_hang(seconds: int = 30) -> Iterator[None]:
    """Fail, rather than wait for ever, when the work inside does not end."""

    def hung(*_: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)

"""``galint server`` on the command line: its help, and what it says without pygls."""

from __future__ import annotations

import importlib.util

import pytest
from cli_run import run


def test_server_help_says_what_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "server", "--help")
    assert code == 0
    assert "Run the language server over standard input and output, for editors." in out
    assert "--stdio" in out


def test_server_without_pygls_says_how_to_install_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pygls" else find_spec(name)
    )
    code, out, err = run(capsys, "server")
    assert (code, out) == (2, "")
    assert "galint server needs pygls; install galint with it: pip install 'galint[server]'" in err

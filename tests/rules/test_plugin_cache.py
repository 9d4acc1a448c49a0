"""galint.rules.plugin_cache: remembering "no plugin" gives the rules that asking
importlib.metadata every time gives, and spares the asking."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from galint import rules as registry

LONG_AGO = 1_000_000_000  # seconds since the epoch: a modification time older than any write

PLUGIN = """
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule

RULE = Rule(
    code="Z950",
    slug="cache-demo",
    severity="warning",
    summary="A demonstration.",
    explanation="Failing: anything. Passing: nothing.",
    check=lambda report: iter(()),
)
"""


def plain() -> list[str]:
    """The plugin rules' codes as importlib.metadata gives them, asked every time."""
    codes = []
    for entry in importlib.metadata.entry_points(group=registry.ENTRY_POINT_GROUP):
        codes.extend(rule.code for rule in registry._rules_of(entry.load()))
    return codes


def install(site: Path) -> None:
    """A distribution declaring a galint rule, written into ``site`` as pip would."""
    (site / "galint_cache_demo.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "galint_cache_demo-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: galint-cache-demo\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[galint.rules]\ndemo = galint_cache_demo:RULE\n", encoding="utf-8"
    )


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty directory at the front of sys.path, last modified long ago, and a cache
    directory of the test's own."""
    folder = tmp_path / "site"
    folder.mkdir()
    os.utime(folder, (LONG_AGO, LONG_AGO))
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delitem(sys.modules, "galint_cache_demo", raising=False)
    return folder


def test_the_cache_gives_what_asking_gives_before_and_after_an_install(site: Path) -> None:
    assert [r.code for r in registry.plugin_rules()] == plain() == []
    assert registry.plugin_cache.none_installed(registry.plugin_cache.fingerprint())

    install(site)  # which changes the directory's modification time, as pip does

    assert not registry.plugin_cache.none_installed(registry.plugin_cache.fingerprint())
    assert [r.code for r in registry.plugin_rules()] == plain() == ["Z950"]


def test_a_remembered_none_is_not_asked_again(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    registry.plugin_rules()

    def asked(**_: object) -> None:
        raise AssertionError("importlib.metadata was asked again")

    monkeypatch.setattr(importlib.metadata, "entry_points", asked)
    assert registry.plugin_rules() == []


def test_plugins_found_are_never_remembered(site: Path) -> None:
    install(site)
    assert [r.code for r in registry.plugin_rules()] == ["Z950"]
    assert registry.plugin_cache.note_path() is not None
    assert not Path(registry.plugin_cache.note_path()).exists()


def test_an_unusable_cache_directory_means_asking_every_time(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file: no directory can be made in it
    assert registry.plugin_rules() == []
    install(site)
    assert [r.code for r in registry.plugin_rules()] == ["Z950"]


def test_a_relative_cache_home_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setenv("HOME", "")
    assert registry.plugin_cache.note_path() is None


@pytest.mark.slow
def test_a_second_run_does_not_import_importlib_metadata(tmp_path: Path) -> None:
    probe = textwrap.dedent(
        """\
        import sys
        from galint.rules import all_rules
        all_rules()
        print("importlib.metadata" in sys.modules)
        """
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    work = tmp_path / "work"  # on sys.path (as ''), and apart from the cache written
    work.mkdir()
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]

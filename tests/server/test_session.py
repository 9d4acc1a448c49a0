"""The session, without the protocol: what is checked, what is built again and what is not,
and what a failure becomes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from galint.core.rule import Rule
from galint.rules import builtin_rules
from galint.server import session as sessions
from galint.server.session import Session

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    for name in ("2013.yaml", "2014.yaml"):
        shutil.copy(ROOT / "examples" / "montenegro" / name, tmp_path / name)
    return tmp_path


def opened(session: Session, path: Path, text: str | None = None, version: int = 1) -> str:
    uri = path.as_uri()
    session.update(uri, str(path), text or path.read_text(encoding="utf-8"), version)
    return uri


def test_an_unchanged_predecessor_is_read_and_built_once(pair: Path) -> None:
    session = Session()
    report = pair / "2014.yaml"
    text = report.read_text(encoding="utf-8")
    uri = opened(session, report)
    for version in range(2, 12):
        text = text.replace("implementation: /", f"implementation: /{'/' * version}", 1)
        opened(session, report, text, version)
        checked = session.check(uri)
        assert checked is not None and checked.predecessor == str((pair / "2013.yaml").resolve())
    assert session.sources.builds == 1  # the 2013 report, once for ten checks
    # Changed on disk: built again, once.
    previous = pair / "2013.yaml"
    previous.write_text(previous.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    session.sources.forget(str(previous))
    session.check(uri)
    session.check(uri)
    assert session.sources.builds == 2


def test_an_open_predecessor_is_built_once_per_version(pair: Path) -> None:
    session = Session()
    uri = opened(session, pair / "2014.yaml")
    previous = opened(session, pair / "2013.yaml")
    for _ in range(3):
        session.check(uri)
    assert session.sources.builds == 1
    opened(session, pair / "2013.yaml", (pair / "2013.yaml").read_text() + "# more\n", 2)
    assert session.dependents(previous) == [uri]
    session.check(uri)
    session.check(uri)
    assert session.sources.builds == 2


def test_a_rule_that_raises_gives_x001_and_the_other_rules_still_run(pair: Path) -> None:
    def explode(report: object) -> list[object]:
        raise ZeroDivisionError("division by zero")

    broken = Rule("Z901", "explodes", "warning", "Raises.", "Raises.", check=explode)
    session = Session([*builtin_rules(), broken])
    uri = opened(session, pair / "2014.yaml")
    checked = session.check(uri)
    assert checked is not None and checked.result is not None
    failures = [d for d in checked.result.findings if d.code == "X001"]
    assert [d.message.split(" (")[0] for d in failures] == [
        "rule Z901 [explodes] failed: ZeroDivisionError: division by zero"
    ]
    assert any(d.code == "C003" for d in checked.result.findings)


def test_a_failure_outside_the_rules_gives_x001(
    pair: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise MemoryError("no more")

    monkeypatch.setattr(sessions, "check_text", broken)
    session = Session()
    uri = opened(session, pair / "2014.yaml")
    checked = session.check(uri)
    assert checked is not None and checked.result is not None
    assert [(d.code, d.message) for d in checked.result.findings] == [
        ("X001", "galint could not check this file: MemoryError: no more")
    ]


def test_yaml_that_is_no_report_is_not_checked_but_a_report_stays_one(pair: Path) -> None:
    session = Session()
    notes = pair / "notes.yaml"
    uri = opened(session, notes, "title: minutes\n")
    checked = session.check(uri)
    assert checked is not None and checked.result is None
    report = opened(session, pair / "2014.yaml")
    session.check(report)
    # The form key deleted while typing: still a report, with the schema's finding.
    text = (pair / "2014.yaml").read_text(encoding="utf-8").replace("form: ", "forms: ", 1)
    opened(session, pair / "2014.yaml", text, 2)
    checked = session.check(report)
    assert checked is not None and checked.result is not None
    assert "S001" in {d.code for d in checked.result.findings}

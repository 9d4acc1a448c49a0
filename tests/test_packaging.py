"""The built wheel: an installed galint finds its schema and form data with no checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from installing import install_into

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("galint-*.whl")
    return built


def test_wheel_ships_schema_and_form(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "galint/schema/galint.schema.json",
        "galint/schema/form.yaml",
        "galint/schema/validator.py",
    } <= names
    assert "galint/cli/__init__.py" in names
    assert not any(name.startswith(("tests/", "examples/")) for name in names)


def test_installed_galint_works_outside_a_checkout(wheel: Path, tmp_path: Path) -> None:
    site = install_into(tmp_path / "site", wheel)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    report = elsewhere / "2013.yaml"
    report.write_text((ROOT / "examples" / "arcadia" / "2013.yaml").read_text(encoding="utf-8"))
    env = {**os.environ, "PYTHONPATH": str(site)}

    def galint(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "galint", *args],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    path = galint("schema", "--path").stdout.strip()
    assert Path(path).is_relative_to(site)
    assert json.loads(Path(path).read_text(encoding="utf-8"))["title"]
    done = galint("check", "2013.yaml")
    assert (done.returncode, done.stdout) == (0, "No problems found in 1 file.\n")

"""Fixtures every test folder may use."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def submissions(tmp_path: Path) -> Path:
    """A copy of examples/, as a secretariat's folder of submissions."""
    folder = tmp_path / "submissions"
    shutil.copytree(ROOT / "examples", folder)
    return folder

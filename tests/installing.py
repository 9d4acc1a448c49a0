"""Installing a built galint, or a plugin, into a folder of its own for a test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def install_into(site: Path, source: Path) -> Path:
    """``pip install --no-deps --target site source``; the folder to put on PYTHONPATH."""
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site),
         str(source)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return site

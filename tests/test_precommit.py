"""The pre-commit hook, run by the real pre-commit against a scratch repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ministry's report repository: a clean pair, a report with problems, a CI file."""
    repo = tmp_path_factory.mktemp("reports")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "ministry@example.org")
    git(repo, "config", "user.name", "Ministry")
    shutil.copytree(ROOT / "examples" / "arcadia", repo / "good")
    shutil.copytree(ROOT / "examples" / "montenegro", repo / "bad")
    (repo / "ci.yaml").write_text("jobs: {build: {steps: []}}\n", encoding="utf-8")
    git(repo, "add", ".")
    return repo


def try_repo(repo: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run(
        [*PRE_COMMIT, "try-repo", str(ROOT), "galint", "--verbose", "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def test_hook_passes_on_a_clean_report(scratch: Path, home: Path) -> None:
    done = try_repo(scratch, home, "good/2013.yaml", "good/2014.yaml", "ci.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No problems found in 2 files." in done.stdout


def test_hook_fails_on_a_report_with_problems(scratch: Path, home: Path) -> None:
    done = try_repo(scratch, home, "bad/2014.yaml", "ci.yaml")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "bad/2014.yaml:48:21: C003 [empty-section]" in done.stdout
    # Only the 2014 file was handed to the hook: its previous: key finds the 2013 report.
    assert "bad/2014.yaml:32:5: F001 [missing-follow-up] plan 2.1" in done.stdout
    assert "ci.yaml" not in done.stdout.replace("check yaml", "")

"""A/B: galint at a git revision (A) against this checkout (B), for bench/run.py --against.

Both are plain (non-editable) installs, each in its own virtual environment: A in
bench/.galint-REV (made again only when REV names another commit), B in bench/.galint. They
are timed in the same run, in interleaved rounds (A then B, then B then A, and so on, after a
round that warms the caches), so that a machine slower for a while slows both:

* bulk throughput: ``galint check`` over the generated corpus and the real-shaped one;
* one report (the pre-commit case): a real-shaped 2014 report, whose predecessor galint
  reads through its ``previous:`` key, and examples/montenegro/2014.yaml.

For each it prints the median time of A and of B, the median of the rounds' ratios B/A (and
their range, which shows the noise), and whether B is within 10% of A: B/A <= 1.10.

With ``instructions`` (``bench/run.py --instructions``), each command runs once under
valgrind's callgrind instead, and the figures are the instructions executed by the command and
every worker process it started: on a machine shared with other work, where times vary by a
tenth from one minute to the next, they differ by less than 0.1% from run to run. They count
work, not waiting (for the disk, or for a busy core), so check a final verdict with times.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
LIMIT = 1.10  # B may take up to 10% longer than A
MONTENEGRO = ROOT / "examples" / "montenegro" / "2014.yaml"


def git(*args: str) -> str:
    """What ``git ARGS`` prints; stops the benchmark with git's message if it fails."""
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout.strip()


def installed_at(rev: str) -> list[str]:
    """galint as it was at git revision ``rev``, installed (not editable) in
    bench/.galint-REV; kept from an earlier run when it was made from the same commit."""
    commit = git("rev-parse", "--verify", f"{rev}^{{commit}}")
    folder = BENCH / f".galint-{re.sub(r'[^A-Za-z0-9._-]', '_', rev)}"
    galint, marker = folder / "bin" / "galint", folder / "commit.txt"
    if galint.exists() and marker.exists() and marker.read_text().strip() == commit:
        print(f"galint at {rev} ({commit[:12]}): already in {folder}", flush=True)
        return [str(galint)]
    print(f"installing galint at {rev} ({commit[:12]}) into {folder} ...", flush=True)
    venv.create(folder, with_pip=True, clear=True)
    python = str(folder / "bin" / "python")
    with tempfile.TemporaryDirectory(prefix="galint-rev-") as scratch:
        source = Path(scratch) / "src"
        source.mkdir()
        archive = Path(scratch) / "src.tar"
        git("archive", "--format=tar", "-o", str(archive), commit)
        subprocess.run(["tar", "-xf", str(archive), "-C", str(source)], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", str(source)], check=True, env=ENV)
    subprocess.run([python, "-m", "compileall", "-q", str(folder)], check=False)
    marker.write_text(commit + "\n")
    return [str(galint)]


def corpora(base: Path, reports: int, which: str) -> dict[str, Path]:
    """The corpora of ``reports`` reports each to time bulk checks on (``which``: real,
    generated or both); the real-shaped one is always made, for the one-report latency."""
    sys.path.insert(0, str(BENCH))
    import corpus
    import realshaped

    folders = {}
    if which in ("generated", "both"):
        folders["generated"] = base / "ab-generated"
        corpus.generate(folders["generated"], max(1, reports // 2), seed=0)
    folders["real-shaped"] = base / "ab-real-shaped"
    realshaped.generate(folders["real-shaped"], max(1, reports // 2), seed=0)
    return folders


def run_once(command: list[str]) -> tuple[float, str]:
    """The time ``command`` took, and its output; stops the benchmark if it failed (a
    galint that cannot run would look fast)."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=ENV)
    took = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return took, done.stdout


def instructions(command: list[str]) -> tuple[int, str]:
    """The instructions ``command`` and the processes it started executed (callgrind, one
    output file per process), and its output."""
    with tempfile.TemporaryDirectory(prefix="galint-callgrind-") as scratch:
        counted = [
            "valgrind",
            "--tool=callgrind",
            "--trace-children=yes",
            f"--callgrind-out-file={scratch}/callgrind.%p",
            *command,
        ]
        _, out = run_once(counted)
        total = 0
        for path in Path(scratch).glob("callgrind.*"):
            totals = re.search(r"^(?:summary|totals): (\d+)", path.read_text(), re.M)
            total += int(totals.group(1)) if totals else 0
    return total, out


def counted(a: list[str], b: list[str]) -> tuple[list[tuple[float, float]], bool]:
    """The instructions of A and of B, after a run of each that writes the byte-code and
    plugin caches; and whether they printed the same."""
    run_once(a)
    run_once(b)
    count_a, out_a = instructions(a)
    count_b, out_b = instructions(b)
    return [(count_a, count_b)], out_a == out_b


def interleaved(a: list[str], b: list[str], rounds: int) -> tuple[list[tuple[float, float]], bool]:
    """The times of A and B in each of ``rounds`` rounds, A first in every other round, after
    a round that warms the file and byte-code caches; and whether they printed the same."""
    _, out_a = run_once(a)
    _, out_b = run_once(b)
    times = []
    for n in range(rounds):
        if n % 2 == 0:
            time_a, time_b = run_once(a)[0], run_once(b)[0]
        else:
            time_b, time_a = run_once(b)[0], run_once(a)[0]
        times.append((time_a, time_b))
    return times, out_a == out_b


def shown(value: float, unit: str) -> str:
    if unit == "instructions":
        return f"{value / 1e6:9.1f} M instructions"
    return f"{value:9.3f} s" if unit == "s" else f"{value * 1000:9.1f} ms"


def show(title: str, times: list[tuple[float, float]], same: bool, unit: str, rev: str) -> bool:
    """Print the medians of A and B, the median of the rounds' ratios B/A, and whether B is
    within 10% of A (which it returns)."""
    ratios = [b / a for a, b in times]
    ratio = statistics.median(ratios)
    within = ratio <= LIMIT
    rounds = "counted once" if unit == "instructions" else f"median of {len(times)} rounds"
    print(f"\n-- {title}: {rounds}")
    label_a, label_b = f"A ({rev})", "B (checkout)"
    width = max(len(label_a), len(label_b))
    print(f"{label_a:{width}} {shown(statistics.median(a for a, _ in times), unit)}")
    print(f"{label_b:{width}} {shown(statistics.median(b for _, b in times), unit)}")
    if len(ratios) == 1:
        print(f"B/A {ratio:.3f}")
    else:
        print(f"B/A {ratio:.3f}  (median of the rounds' ratios; they ranged {min(ratios):.3f}-"
              f"{max(ratios):.3f})")  # fmt: skip
    print(f"B within 10% of A (B/A <= {LIMIT:.2f}): {'yes' if within else 'NO'}")
    if not same:
        print("note: A and B printed different findings")
    return within


def compare(
    baseline: list[str],
    checkout: list[str],
    rev: str,
    base: Path,
    reports: int,
    which: str,
    rounds: int,
    count: bool = False,
) -> bool:
    """Time the checkout (B) against galint at ``rev`` (A, the command ``baseline``) on every
    measurement, or count their instructions (``count``); True when B is within 10% of A on
    all of them."""
    if count and shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (Debian: apt-get install valgrind)")
    folders = corpora(base, reports, which)
    report = sorted(folders["real-shaped"].glob("*/2014.yaml"))[0]
    print(f"\n== A/B: A = galint at {rev}, B = this checkout; B/A > 1 means B is slower ==")
    results = []
    for name, folder in folders.items():
        if name == "real-shaped" and which == "generated":
            continue
        args = ["check", "--exit-zero", "--format", "json", str(folder)]
        times, same = measure([*baseline, *args], [*checkout, *args], rounds, count)
        title = f"bulk: galint check over the {name} corpus ({reports} reports)"
        results.append(show(title, times, same, "instructions" if count else "s", rev))
    for path in (report, MONTENEGRO):
        args = ["check", "--exit-zero", str(path)]
        times, same = measure([*baseline, *args], [*checkout, *args], rounds, count)
        shown_path = path.relative_to(ROOT) if path == MONTENEGRO else path.relative_to(base)
        title = f"one report: galint check {shown_path} (and its predecessor)"
        results.append(show(title, times, same, "instructions" if count else "ms", rev))
    verdict = "yes" if all(results) else "NO"
    print(f"\nB within 10% of A on every measurement: {verdict}")
    return all(results)


def measure(
    a: list[str], b: list[str], rounds: int, count: bool
) -> tuple[list[tuple[float, float]], bool]:
    """Instructions counted once (``count``), or times of interleaved rounds."""
    return counted(a, b) if count else interleaved(a, b, rounds)

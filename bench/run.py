"""galint against the tools a user would pick instead, on a generated corpus; prints ratios.

Run from the repository root, after the README's test command has set up .venv::

    .venv/bin/python bench/run.py [--reports 2000] [--memory-reports 5000] [--runs 7]
        [--throughput-runs 3]

It installs the comparison tools (check-jsonschema, yamllint) into a virtual environment of
its own (bench/.tools; they are not galint's dependencies), writes a corpus with
bench/corpus.py, and measures, each tool as a separate process as a user runs it:

* throughput over the corpus: ``galint check`` (every rule), ``check-jsonschema
  --schemafile`` with galint's schema, ``yamllint -d relaxed``, and the floor: parsing every
  file with PyYAML's C loader and nothing else; each the median of a few runs after one
  that warms the caches, since a single run on a shared machine can be off by a tenth;
* latency of one report (the pre-commit case): ``galint check FILE`` against
  ``check-jsonschema --schemafile ... FILE``, median of several runs, and galint's slowest
  imports from ``python -X importtime``;
* peak memory (RSS of galint's process and its workers, the largest) of ``galint report
  --format json`` and ``--format csv`` on a small and on a large corpus: flat when the ratio
  of the two peaks stays under 1.5 for ten times the files.

Targets: bulk throughput at least 10x check-jsonschema's and within 3x of the floor;
single-report latency at most half of check-jsonschema's; memory flat in the number of files.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "bench" / ".tools"
# galint installed from a wheel, as a user's pre-commit environment has it (an editable
# install adds its own import hook to every start).
INSTALLED = ROOT / "bench" / ".galint"
TOOL_PACKAGES = ("check-jsonschema==0.39.0", "yamllint==1.38.0")
SCHEMA = ROOT / "schema" / "galint.schema.json"
PYTHON = sys.executable
# Byte-code caches are written, as on a user's machine.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

FLOOR = """
import sys, yaml
for path in sys.argv[1:]:
    with open(path, "rb") as stream:
        yaml.load(stream, Loader=yaml.CSafeLoader)
"""

PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def tools() -> Path:
    """The comparison tools' own environment, made once."""
    bin_dir = TOOLS / "bin"
    if not (bin_dir / "check-jsonschema").exists() or not (bin_dir / "yamllint").exists():
        print(f"installing {', '.join(TOOL_PACKAGES)} into {TOOLS} ...", flush=True)
        venv.create(TOOLS, with_pip=True, clear=True)
        subprocess.run(
            [str(bin_dir / "python"), "-m", "pip", "install", "-q", *TOOL_PACKAGES], check=True
        )
    return bin_dir


def installed_galint() -> list[str]:
    """A fresh non-editable install of this checkout, in bench/.galint."""
    python = INSTALLED / "bin" / "python"
    print(f"installing galint from {ROOT} into {INSTALLED} ...", flush=True)
    venv.create(INSTALLED, with_pip=True, clear=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True, env=ENV)
    subprocess.run([str(python), "-m", "compileall", "-q", str(INSTALLED)], check=False)
    return [str(INSTALLED / "bin" / "galint")]


def corpus(folder: Path, reports: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import generate

    generate(folder, max(1, reports // 2), seed=0)
    return sorted(str(p) for p in folder.rglob("*.yaml"))


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV
    )
    return time.perf_counter() - start


def median_time(command: list[str], runs: int) -> float:
    timed(command)  # warm the file cache and the byte-code caches
    return statistics.median(timed(command) for _ in range(runs))


def peak_kib(command: list[str]) -> int:
    done = subprocess.run(
        [PYTHON, "-c", PEAK, *command], capture_output=True, text=True, check=True, env=ENV
    )
    return int(done.stdout.strip())


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def throughput(
    galint_cmd: list[str], bin_dir: Path, files: list[str], folder: Path, runs: int
) -> None:
    print(f"\n== throughput: {len(files)} reports, median of {runs} runs ==")
    galint = median_time(
        [*galint_cmd, "check", "--exit-zero", "--format", "json", str(folder)], runs
    )
    check_jsonschema = median_time(
        [str(bin_dir / "check-jsonschema"), "--schemafile", str(SCHEMA), *files], runs
    )
    yamllint = median_time([str(bin_dir / "yamllint"), "-d", "relaxed", str(folder)], runs)
    floor = median_time([PYTHON, "-c", FLOOR, *files], runs)
    for name, seconds in (
        ("galint check (all rules)", galint),
        ("check-jsonschema --schemafile", check_jsonschema),
        ("yamllint -d relaxed", yamllint),
        ("floor: PyYAML C loader only", floor),
    ):
        print(f"{name:32} {seconds:8.2f} s   {seconds / len(files) * 1000:7.2f} ms/report")
    print(
        f"galint / check-jsonschema: {galint / check_jsonschema:.3f}"
        f"  (target <= 0.1: {verdict(galint <= check_jsonschema / 10)})"
    )
    print(f"galint / yamllint:         {galint / yamllint:.3f}")
    print(
        f"galint / floor:            {galint / floor:.2f}"
        f"  (target <= 3: {verdict(galint <= 3 * floor)})"
    )


def latency(galint_cmd: list[str], bin_dir: Path, report: str, runs: int) -> None:
    print(f"\n== latency: one report ({Path(report).name}), median of {runs} runs ==")
    galint = median_time([*galint_cmd, "check", "--exit-zero", report], runs)
    check_jsonschema = median_time(
        [str(bin_dir / "check-jsonschema"), "--schemafile", str(SCHEMA), report], runs
    )
    print(f"galint check FILE                {galint * 1000:8.1f} ms")
    print(f"check-jsonschema FILE            {check_jsonschema * 1000:8.1f} ms")
    print(
        f"galint / check-jsonschema: {galint / check_jsonschema:.3f}"
        f"  (target <= 0.5: {verdict(galint <= check_jsonschema / 2)})"
    )
    python = str(Path(galint_cmd[0]).parent / "python")
    done = subprocess.run(
        [python, "-X", "importtime", "-m", "galint", "check", "--exit-zero", report],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
        cwd=Path(report).parent,
    )
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    print("slowest imports (cumulative):")
    for micros, name in sorted(rows, reverse=True)[:8]:
        print(f"  {micros / 1000:7.1f} ms {name}")


def memory(galint_cmd: list[str], small: Path, large: Path, small_n: int, large_n: int) -> None:
    """Plain peak RSS (the largest of galint's process and its workers), nothing subtracted."""
    print(f"\n== peak memory of galint report: {small_n} and {large_n} reports ==")
    for output_format in ("json", "csv"):
        peaks = [
            peak_kib([*galint_cmd, "report", "--format", output_format, str(folder)])
            for folder in (small, large)
        ]
        ratio = peaks[1] / peaks[0]
        print(
            f"{output_format + ':':5} {small_n:6} reports {peaks[0] / 1024:6.1f} MiB,"
            f" {large_n:6} reports {peaks[1] / 1024:6.1f} MiB: ratio {ratio:.2f}"
            f" for {large_n / small_n:.0f}x the files  (flat, target < 1.5: {verdict(ratio < 1.5)})"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--memory-reports", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--throughput-runs", type=int, default=3)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    bin_dir = tools()
    galint_cmd = installed_galint()
    with tempfile.TemporaryDirectory(prefix="galint-bench-") as scratch:
        base = Path(scratch)
        files = corpus(base / "corpus", args.reports)
        throughput(galint_cmd, bin_dir, files, base / "corpus", args.throughput_runs)
        report = next(f for f in files if f.endswith("2014.yaml"))
        latency(galint_cmd, bin_dir, report, args.runs)
        if not args.skip_memory:
            small_n = max(2, args.memory_reports // 10)
            corpus(base / "small", small_n)
            corpus(base / "large", args.memory_reports)
            memory(galint_cmd, base / "small", base / "large", small_n, args.memory_reports)
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())

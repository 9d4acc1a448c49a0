"""galint against the tools a user would pick instead, on a generated corpus; prints ratios.

Run from the repository root, after the README's test command has set up .venv::

    .venv/bin/python bench/run.py [--reports 2000] [--memory-reports 5000] [--runs 7]
        [--throughput-runs 3]
        [--against REV [--only-ab] [--corpus both] [--ab-rounds 11] [--instructions]]

It installs the comparison tools (check-jsonschema, yamllint) into a virtual environment of
its own (bench/.tools; they are not galint's dependencies), writes a corpus with
bench/corpus.py, and measures, each tool as a separate process as a user runs it:

* throughput over the corpus: ``galint check`` (every rule), ``check-jsonschema
  --schemafile`` with galint's schema, ``yamllint -d relaxed``, and the floor: parsing every
  file with PyYAML's C loader and nothing else;
* latency of one report (the pre-commit case): ``galint check FILE`` against
  ``check-jsonschema --schemafile ... FILE``, and galint's slowest imports from ``python -X
  importtime``;
* peak memory (RSS of galint's process and its workers, the largest) of ``galint report
  --format json`` and ``--format csv`` on a small and on a large corpus: flat when the ratio
  of the two peaks stays under 1.5 for ten times the files.

Tools are timed in rounds, each running every tool once, after a round that warms the
caches; a ratio is the median of its ratios within a round. A single run on a shared machine
can be off by a tenth, and the machine can be slower for minutes at a time: timing one tool
after the other would put that into the ratios.

Targets: bulk throughput at least 10x check-jsonschema's and within 3x of the floor;
single-report latency at most half of check-jsonschema's; memory flat in the number of files.

``--against REV`` also times this checkout (B) against galint at git revision REV (A), in
interleaved rounds, on the generated and the real-shaped corpus (``--corpus``) and on one
report; ``--only-ab`` skips the rest; ``--instructions`` counts instructions with valgrind
instead of timing. See bench/ab.py; the exit status is 1 when B is not
within 10% of A on every measurement.
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

import ab

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


def rounds(commands: dict[str, list[str]], runs: int) -> list[dict[str, float]]:
    """The time of every command in each of ``runs`` rounds, after one that warms the file
    and byte-code caches. A round runs every command once, so that a machine slower for a
    while slows them all: ratios are taken within a round, then their median."""
    for command in commands.values():
        timed(command)
    return [{name: timed(command) for name, command in commands.items()} for _ in range(runs)]


def median_ratio(times: list[dict[str, float]], name: str, other: str) -> float:
    return statistics.median(t[name] / t[other] for t in times)


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
    print(f"\n== throughput: {len(files)} reports, median of {runs} rounds ==")
    commands = {
        "galint check (all rules)": [
            *galint_cmd, "check", "--exit-zero", "--format", "json", str(folder)
        ],
        "check-jsonschema --schemafile": [
            str(bin_dir / "check-jsonschema"), "--schemafile", str(SCHEMA), *files
        ],
        "yamllint -d relaxed": [str(bin_dir / "yamllint"), "-d", "relaxed", str(folder)],
        "floor: PyYAML C loader only": [PYTHON, "-c", FLOOR, *files],
    }  # fmt: skip
    times = rounds(commands, runs)
    for name in commands:
        median = statistics.median(t[name] for t in times)
        print(f"{name:32} {median:8.2f} s   {median / len(files) * 1000:7.2f} ms/report")
    galint, check_jsonschema, yamllint, floor = commands
    to_check_jsonschema = median_ratio(times, galint, check_jsonschema)
    to_floor = median_ratio(times, galint, floor)
    print(
        f"galint / check-jsonschema: {to_check_jsonschema:.3f}"
        f"  (target <= 0.1: {verdict(to_check_jsonschema <= 0.1)})"
    )
    print(f"galint / yamllint:         {median_ratio(times, galint, yamllint):.3f}")
    print(f"galint / floor:            {to_floor:.2f}  (target <= 3: {verdict(to_floor <= 3)})")


def latency(galint_cmd: list[str], bin_dir: Path, report: str, runs: int) -> None:
    print(f"\n== latency: one report ({Path(report).name}), median of {runs} rounds ==")
    commands = {
        "galint check FILE": [*galint_cmd, "check", "--exit-zero", report],
        "check-jsonschema FILE": [
            str(bin_dir / "check-jsonschema"), "--schemafile", str(SCHEMA), report
        ],
    }  # fmt: skip
    times = rounds(commands, runs)
    for name in commands:
        print(f"{name:32} {statistics.median(t[name] for t in times) * 1000:8.1f} ms")
    ratio = median_ratio(times, *commands)
    print(f"galint / check-jsonschema: {ratio:.3f}  (target <= 0.5: {verdict(ratio <= 0.5)})")
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


def against_tools(galint_cmd: list[str], base: Path, args: argparse.Namespace) -> None:
    """galint against check-jsonschema, yamllint and the floor; its memory."""
    bin_dir = tools()
    files = corpus(base / "corpus", args.reports)
    throughput(galint_cmd, bin_dir, files, base / "corpus", args.throughput_runs)
    report = next(f for f in files if f.endswith("2014.yaml"))
    latency(galint_cmd, bin_dir, report, args.runs)
    if not args.skip_memory:
        small_n = max(2, args.memory_reports // 10)
        corpus(base / "small", small_n)
        corpus(base / "large", args.memory_reports)
        memory(galint_cmd, base / "small", base / "large", small_n, args.memory_reports)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--memory-reports", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--throughput-runs", type=int, default=3)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument(
        "--against", metavar="REV", help="also time this checkout against galint at git REV"
    )
    parser.add_argument(
        "--only-ab", action="store_true", help="with --against, skip the other measurements"
    )
    parser.add_argument(
        "--corpus",
        choices=("real", "generated", "both"),
        default="both",
        help="the corpora the A/B bulk check runs on (real: bench/realshaped.py)",
    )
    parser.add_argument("--ab-rounds", type=int, default=11, help="rounds of each A/B timing")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="with --against, count instructions with valgrind instead of timing rounds",
    )
    args = parser.parse_args()
    if args.only_ab and not args.against:
        parser.error("--only-ab goes with --against REV")
    baseline = ab.installed_at(args.against) if args.against else None
    galint_cmd = installed_galint()
    within = True
    with tempfile.TemporaryDirectory(prefix="galint-bench-") as scratch:
        base = Path(scratch)
        if not args.only_ab:
            against_tools(galint_cmd, base, args)
        if baseline:
            within = ab.compare(
                baseline,
                galint_cmd,
                args.against,
                base,
                args.reports,
                args.corpus,
                args.ab_rounds,
                args.instructions,
            )
    return 0 if within else 1


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())

"""Precision and recall of galint's follow-up matcher on the labelled set in tests/trace_eval.

Run from the repository root: ``.venv/bin/python bench/trace_eval.py`` (``--sweep`` also
tries other thresholds and bonuses). tests/analysis/test_trace.py imports ``load_cases``,
``evaluate`` and ``scores`` from here to hold the matcher at the level it reaches.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from galint.analysis.trace import PARAMS, Params, trace, words
from galint.form.model import Report, build
from galint.io.load import load_path, parse

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT / "tests" / "trace_eval"
STATUSES = ("followed", "carried", "missing")

Confusion = Counter[tuple[str, str]]  # (label, prediction) -> count


@dataclass
class Case:
    name: str
    previous: Report
    current: Report
    labels: dict[str, str]  # plan id -> status


def _report(path: Path) -> Report:
    loaded = load_path(str(path))
    if loaded is None or loaded.document is None:
        raise SystemExit(f"{path}: cannot be read")
    return build(loaded.document)


def load_cases(directory: Path = EVAL_DIR) -> list[Case]:
    """The labelled cases; a case with ``base`` takes that case's labels and overrides some."""
    raw = yaml.safe_load((directory / "labels.yaml").read_text(encoding="utf-8"))["cases"]
    resolved: dict[str, dict[str, object]] = {}
    for name, spec in raw.items():
        base = resolved[spec["base"]] if "base" in spec else {"labels": {}}
        labels = {**base["labels"], **{k: v["status"] for k, v in spec["labels"].items()}}
        resolved[name] = {
            "previous": spec.get("previous", base.get("previous")),
            "current": spec["current"],
            "labels": labels,
        }
    return [
        Case(
            name,
            _report(directory / str(spec["previous"])),
            _report(directory / str(spec["current"])),
            dict(spec["labels"]),  # type: ignore[call-overload]
        )
        for name, spec in resolved.items()
    ]


def evaluate(cases: list[Case], params: Params = PARAMS) -> dict[str, Confusion]:
    """The confusion table of each case."""
    tables: dict[str, Confusion] = {}
    for case in cases:
        predicted = {p.plan.ref: p.status for p in trace(case.previous, case.current, params).plans}
        if set(predicted) != set(case.labels):
            raise SystemExit(f"{case.name}: labels for {sorted(case.labels)}, plans {predicted}")
        tables[case.name] = Counter((case.labels[k], predicted[k]) for k in case.labels)
    return tables


def total(tables: dict[str, Confusion]) -> Confusion:
    overall: Confusion = Counter()
    for table in tables.values():
        overall.update(table)
    return overall


def scores(table: Confusion, status: str) -> tuple[float, float]:
    """Precision and recall of ``status``; 1.0 when there is nothing to get wrong."""
    tp = table[(status, status)]
    predicted = sum(n for (_, p), n in table.items() if p == status)
    actual = sum(n for (label, _), n in table.items() if label == status)
    return (tp / predicted if predicted else 1.0, tp / actual if actual else 1.0)


def _line(name: str, table: Confusion) -> str:
    cells = []
    for status in ("missing", "followed", "carried"):
        p, r = scores(table, status)
        cells.append(f"{p:5.2f} {r:5.2f}")
    right = sum(n for (label, p), n in table.items() if label == p)
    return f"{name:22} " + "   ".join(cells) + f"   {right:3}/{sum(table.values()):<3}"


def report(tables: dict[str, Confusion]) -> str:
    head = f"{'case':22} {'missing P   R':13}   {'followed P R':13}   {'carried P   R':13}   right"
    lines = [head]
    lines += [_line(name, table) for name, table in tables.items()]
    overall = total(tables)
    lines.append(_line("overall", overall))
    lines.append("")
    lines.append("confusion (rows: reader's label, columns: galint)")
    lines.append(f"{'':10}" + "".join(f"{s:>10}" for s in STATUSES))
    for label in STATUSES:
        lines.append(f"{label:10}" + "".join(f"{overall[(label, s)]:10}" for s in STATUSES))
    return "\n".join(lines)


GRID = {
    "threshold": (0.2, 0.25, 0.3, 0.35, 0.4),
    "same_target_bonus": (0.0, 0.05, 0.1, 0.15),
    "cosine_weight": (0.0, 0.5, 1.0),
    "relative": (0.0, 0.5, 0.7),
    "prefix": (0, 6),
    "name_weight": (1.0, 0.5, 0.25),
}


def sweep(cases: list[Case], grid: dict[str, tuple[float, ...]] = GRID) -> list[str]:
    """Overall scores over a grid of settings, best first, to choose the defaults."""
    rows = []
    for values in itertools.product(*grid.values()):
        params = Params(**dict(zip(grid, values, strict=True)))  # type: ignore[arg-type]
        overall = total(evaluate(cases, params))
        right = sum(n for (a, b), n in overall.items() if a == b)
        # The errors that matter most: a followed plan called missing, a missing one let through.
        worst = overall[("followed", "missing")] + sum(
            overall[("missing", s)] for s in ("followed", "carried")
        )
        cells = " | ".join(
            "{:.2f} {:.2f}".format(*scores(overall, s)) for s in ("missing", "followed", "carried")
        )
        setting = " ".join(f"{v:<5}" for v in values)
        rows.append(((worst, -right), f"{setting} | {cells} | {right:3} {worst:3}"))
    rows.sort(key=lambda row: row[0])
    head = " ".join(k[:5] for k in grid) + " | missing P R | followed P R | carried P R | right bad"
    return [head] + [line for _, line in rows]


# --- timing ---------------------------------------------------------------------------------


def _synthetic(cases: list[Case], per_target: int) -> tuple[Report, Report]:
    """A 2013 and a 2014 report of ``per_target`` items per target and section, from real text."""
    plans = [i.text for c in cases[:1] + cases[-1:] for i in c.previous.items()]
    actions = [i.text for c in cases for i in c.current.items()]

    def items(pool: list[str], n: int, salt: int) -> list[str]:
        return [f"{pool[(salt * 7 + k * 13) % len(pool)]} (item {k})" for k in range(n)]

    old: dict[str, object] = {"form": "global-alliance/2013", "country": {"code": "ME"}}
    new: dict[str, object] = {"form": "global-alliance/2014", "country": {"code": "ME"}}
    for t in range(1, 5):
        old[f"policy-target-{t}"] = {
            "undertaken": items(plans, per_target, t),
            "planned": items(plans, per_target, t + 10),
        }
        goals = 1 if t == 1 else 2
        new[f"policy-target-{t}"] = {
            f"goal-{g}": {
                key: items(actions, per_target // goals, t * 3 + g + n)
                for n, key in enumerate(("implementation", "assessment", "follow-up"))
            }
            for g in range(1, goals + 1)
        }
    return (
        build(parse(yaml.safe_dump(old), "old.yaml").document),  # type: ignore[arg-type]
        build(parse(yaml.safe_dump(new), "new.yaml").document),  # type: ignore[arg-type]
    )


def timing(cases: list[Case]) -> str:
    def median_ms(previous: Report, current: Report, runs: int = 20) -> str:
        trace(previous, current)  # the first call imports the stemmer
        cold, warm = [], []
        for _ in range(runs):
            # Cold: no word stemmed yet, as for the first report a run traces.
            words.known_stems.cache_clear()
            start = time.perf_counter()
            trace(previous, current)
            cold.append(time.perf_counter() - start)
            start = time.perf_counter()
            trace(previous, current)
            warm.append(time.perf_counter() - start)
        return (
            f"{statistics.median(cold) * 1000:.1f} ms, "
            f"{statistics.median(warm) * 1000:.1f} ms with the stems cached"
        )

    lines = []
    first = cases[0]
    n = sum(1 for _ in first.previous.items()), sum(1 for _ in first.current.items())
    figure = median_ms(first.previous, first.current)
    lines.append(f"  {first.name} ({n[0]} + {n[1]} items): {figure}")
    for per_target in (12, 50):
        old, new = _synthetic(cases, per_target)
        n = sum(1 for _ in old.items()), sum(1 for _ in new.items())
        lines.append(f"  synthetic ({n[0]} + {n[1]} items): {median_ms(old, new, 5)}")
    return "median time of one trace:\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="also try a grid of settings")
    args = parser.parse_args(argv)
    cases = load_cases()
    print(f"defaults: {dataclasses.asdict(PARAMS)}")
    print(report(evaluate(cases)))
    print()
    print(timing(cases))
    if args.sweep:
        print()
        print("\n".join(sweep(cases)[:40]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

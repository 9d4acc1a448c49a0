"""The bulk summary as data, a terminal table, and CSV. The HTML page is galint.html."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import asdict

from galint import __version__
from galint.bulk import COUNTED, CountryStats, TargetStats
from galint.form import form

# The CSV columns, one row per country and policy target (documented in the README).
CSV_COLUMNS = (
    "country",
    "name",
    "target",
    "editions",
    "sections",
    "filled",
    "empty",
    "plans_previous",
    "followed",
    "carried",
    "missing",
    "follow_up_rate",
    "actions",
    "with_timeframe",
    "without_timeframe",
    "errors",
    "warnings",
    "info",
)


def figures(stats: TargetStats) -> dict[str, object]:
    row: dict[str, object] = {name: getattr(stats, name) for name in COUNTED}
    row["empty"] = stats.empty
    row["without_timeframe"] = stats.without_timeframe
    row["follow_up_rate"] = (
        round(stats.followed / stats.plans_previous, 3) if stats.plans_previous else None
    )
    row["errors"] = stats.severities.get("error", 0)
    row["warnings"] = stats.severities.get("warning", 0)
    row["info"] = stats.severities.get("info", 0)
    return row


def data(countries: Sequence[CountryStats]) -> dict[str, object]:
    """Everything, machine-readable: what the JSON output prints and the HTML page shows."""
    return {**_head(countries), "countries": list(_countries(countries))}


def _head(countries: Sequence[CountryStats]) -> dict[str, object]:
    overall = TargetStats(0)
    for country in countries:
        total = country.total()
        for name in COUNTED:
            setattr(overall, name, getattr(overall, name) + getattr(total, name))
        overall.severities.update(total.severities)
    return {
        "version": __version__,
        "targets": [{"number": t.number, "title": t.title} for t in form().targets],
        "totals": {
            "countries": len(countries),
            "files": sum(len(c.files) for c in countries),
            **figures(overall),
        },
    }


def _countries(countries: Sequence[CountryStats]) -> Iterator[dict[str, object]]:
    for c, key in zip(countries, _unique_keys(countries), strict=True):
        yield {
            "key": key,
            "code": c.code,
            "name": c.name,
            "editions": c.editions,
            "files": c.files,
            "totals": figures(c.total()),
            "targets": [{"number": t.number, **figures(t)} for t in c.targets],
            "rules": dict(sorted(c.rules().items())),
            "findings": [f.to_dict() for f in c.findings],
            "plans": [
                {
                    "id": p.id,
                    "target": p.target,
                    "status": p.status,
                    "text": p.text,
                    "path": p.path,
                    "line": p.line,
                    "followed_in": [asdict(where) for where in p.followed_in],
                }
                for p in c.plans
            ],
        }


def json_chunks(countries: Sequence[CountryStats]) -> Iterator[str]:
    """The JSON output piece by piece, one country at a time, so that a run over thousands of
    files never holds the whole text: the same text as ``json.dumps(data(...), indent=2)``."""
    import json

    head = json.dumps(_head(countries), indent=2, ensure_ascii=False)
    yield head[:-2] + ',\n  "countries": ['
    for n, country in enumerate(_countries(countries)):
        text = json.dumps(country, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        yield ("," if n else "") + "\n    " + text
    yield "\n  ]\n}\n" if countries else "]\n}\n"


def _unique_keys(countries: Sequence[CountryStats]) -> list[str]:
    """Each country's key, made unique: two folders may hold reports of no known country."""
    seen: dict[str, int] = {}
    keys = []
    for country in countries:
        seen[country.key] = seen.get(country.key, 0) + 1
        keys.append(country.key if seen[country.key] == 1 else f"{country.key}-{seen[country.key]}")
    return keys


def render_json(countries: Sequence[CountryStats]) -> str:
    return "".join(json_chunks(countries))


def render_csv(countries: Sequence[CountryStats]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for country in countries:
        for target in country.targets:
            row = figures(target)
            writer.writerow(
                [
                    country.code or country.key,
                    country.name or "",
                    target.number,
                    " ".join(country.editions),
                    *("" if row[name] is None else row[name] for name in CSV_COLUMNS[4:]),
                ]
            )
    return out.getvalue()


def render_text(countries: Sequence[CountryStats]) -> str:
    """A terminal table: one line per country, then the totals."""
    header = ("country", "editions", "sections", "empty", "plans", "followed", "carried",
              "missing", "no time", "errors", "warnings")  # fmt: skip
    rows = []
    for country in countries:
        total = figures(country.total())
        rows.append(
            (
                f"{country.code or '??'} {country.name or country.key}",
                " ".join(e.rsplit("/", 1)[-1] for e in country.editions) or "-",
                str(total["sections"]),
                str(total["empty"]),
                str(total["plans_previous"]),
                str(total["followed"]),
                str(total["carried"]),
                str(total["missing"]),
                f"{total['without_timeframe']}/{total['actions']}",
                str(total["errors"]),
                str(total["warnings"]),
            )
        )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) if i < 2 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in [header, *rows]
    ]
    files = sum(len(c.files) for c in countries)
    findings = sum(len(c.findings) for c in countries)
    lines.append(f"{len(countries)} countries, {files} files, {findings} findings.")
    return "\n".join(lines) + "\n"

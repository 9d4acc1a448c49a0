"""The bulk summary as data, a terminal table, and CSV. The HTML page is ``html`` beside it.

The JSON, CSV and text outputs take the countries as an iterable and keep none of them once
written, so that ``galint report`` over thousands of files holds one country's summary at a
time (the text table keeps one short row per country); ``data()``, for the HTML page, holds
them all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from itertools import islice

from galint import __version__
from galint.form.spec import form
from galint.output.summary.stats import COUNTED, CountryStats, TargetStats

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


def data(countries: Iterable[CountryStats]) -> dict[str, object]:
    """Everything, machine-readable: what the JSON output prints and the HTML page shows. It
    holds every country at once (the HTML page embeds them all in one page); the JSON output
    comes from ``json_chunks``, which holds one at a time."""
    countries = list(countries)
    totals = Totals()
    for country in countries:
        totals.add(country)
    return {**totals.head(), "countries": list(_countries(countries))}


class Totals:
    """The figures over every country, added up one country at a time: the head of the JSON
    output, which comes before the countries."""

    def __init__(self) -> None:
        self.countries = 0
        self.files = 0
        self.overall = TargetStats(0)

    def add(self, country: CountryStats) -> None:
        self.countries += 1
        self.files += len(country.files)
        total = country.total()
        for name in COUNTED:
            setattr(self.overall, name, getattr(self.overall, name) + getattr(total, name))
        self.overall.severities.update(total.severities)

    def head(self) -> dict[str, object]:
        return {
            "version": __version__,
            "targets": [{"number": t.number, "title": t.title} for t in form().targets],
            "totals": {"countries": self.countries, "files": self.files, **figures(self.overall)},
        }


def _countries(countries: Iterable[CountryStats]) -> Iterator[dict[str, object]]:
    keys = _UniqueKeys()
    for c in countries:
        yield {
            "key": keys.of(c),
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
        del c  # not kept while the next country is checked


class _UniqueKeys:
    """Each country's key, made unique: two folders may hold reports of no known country."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def of(self, country: CountryStats) -> str:
        n = self.seen[country.key] = self.seen.get(country.key, 0) + 1
        return country.key if n == 1 else f"{country.key}-{n}"


def json_chunks(countries: Iterable[CountryStats]) -> Iterator[str]:
    """The JSON output piece by piece: the same text as ``json.dumps(data(countries),
    indent=2, ensure_ascii=False)``, holding one country at a time, however many there are.

    The head (the totals over every country) comes first in the text, so the countries are
    written, as they come, to a temporary file while the totals are added up; the first piece
    comes once ``countries`` is exhausted (a run over the submissions is over), then the text
    of the temporary file, block by block. ``countries`` may be a lazy iterable such as
    ``bulk.run(...)``: nothing keeps a country once its text is written.
    """
    import json

    totals = Totals()
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False)  # as json.dumps(indent=2, ...)

    def pieces() -> Iterator[str]:
        separator = ""
        for country in _countries(_counted(countries, totals)):
            yield separator + "\n    "
            separator = ","
            # A few thousand pieces at a time: a country of a hundred files is megabytes of
            # text. A string's newlines are escaped in JSON, so every "\n" is indentation.
            encoded = encoder.iterencode(country)
            while some := list(islice(encoded, 4096)):
                yield "".join(some).replace("\n", "\n    ")
            del country, encoded

    body = spooled(pieces())
    first = next(body, "")  # every country is written and counted by now
    head = json.dumps(totals.head(), indent=2, ensure_ascii=False)
    yield head[:-2] + ',\n  "countries": ['
    yield first
    yield from body
    yield "\n  ]\n}\n" if totals.countries else "]\n}\n"


def _counted(countries: Iterable[CountryStats], totals: Totals) -> Iterator[CountryStats]:
    for country in countries:
        totals.add(country)
        yield country
        del country


# How much of a spooled text is read back at a time.
BLOCK = 1 << 16


def spooled(chunks: Iterable[str]) -> Iterator[str]:
    """The same text as ``chunks``, in blocks, once every chunk has been made: they are
    written to a temporary file on the way (not held in memory), so that nothing comes out
    of a run before it is over (no half-written output if it fails, nothing printed over a
    progress bar) however long the text is."""
    import tempfile

    # newline="": the text is read back exactly as written, "\r" and all.
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as spool:
        for chunk in chunks:
            spool.write(chunk)
        spool.seek(0)
        while block := spool.read(BLOCK):
            yield block


def render_json(countries: Iterable[CountryStats]) -> str:
    return "".join(json_chunks(countries))


def csv_chunks(countries: Iterable[CountryStats]) -> Iterator[str]:
    """The CSV output: the header, then each country's rows as the country comes."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    yield out.getvalue()
    for country in countries:
        out.seek(0)
        out.truncate()
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
        del country
        yield out.getvalue()


def render_csv(countries: Iterable[CountryStats]) -> str:
    return "".join(csv_chunks(countries))


def render_text(countries: Iterable[CountryStats]) -> str:
    """A terminal table: one line per country, then the totals. The columns are as wide as
    their widest cell, so the table is made at the end, but of each country only its short
    row is kept."""
    header = ("country", "editions", "sections", "empty", "plans", "followed", "carried",
              "missing", "no time", "errors", "warnings")  # fmt: skip
    rows = []
    files = findings = 0
    for country in countries:
        files += len(country.files)
        findings += len(country.findings)
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
        del country  # its row is all the table needs
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) if i < 2 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in [header, *rows]
    ]
    lines.append(f"{len(rows)} countries, {files} files, {findings} findings.")
    return "\n".join(lines) + "\n"

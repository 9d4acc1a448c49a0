"""Country reports with the length and wording of the real ones in examples/, for benchmarks.

Run from the repository root::

    .venv/bin/python bench/realshaped.py OUT_DIR --countries 200 [--seed 0]

or import ``generate(out_dir, countries, seed)``. Each country gets a folder (named as in
bench/corpus.py: the country's code) with a 2013 and a 2014 report (``previous: 2013.yaml``),
derived from Montenegro's real pair (three countries in four) or Arcadia's (the others, with
plan ids, ``timeframe:`` fields, ``follows`` and ``status``):

* the base pair's sections, in order, with their placeholders ("/") and item counts;
* items moved between the targets and goals of the same section kind (planned to planned,
  implementation to implementation...), some dropped, some written twice;
* every text recombined from the real sentences of its kind in both pairs, and about as long
  as the one it replaces: its start up to a word it shares with another sentence, that
  one's words up to a word shared with a third, and so on, ending with the end of the last
  one and, for a plan, its timeframe as written ("(III - IV Q 2013)", "H1 2014"...);
  some plans in the imperative say "<country> will ..." as Montenegro's do; a few items of
  what was done get a second sentence;
* the country's name and code, ministries, companies, counts, and spellings that differ
  between real reports ("co-operation", "organised", "Interpol") chosen per country.

The generated corpus (bench/corpus.py) is built from short formulaic phrases; these texts are
as long and as worded as the real ones, and differ from country to country (galint caches
stems and timeframes, and identical texts would flatter it): over 200 countries, about 4% of
the items have a text that another country also has. galint finds in them what it finds in
the real reports (missing timeframes, plans not followed up, empty sections...), and nothing
that a real report would not pass: every file loads and passes the schema. Same seed, same
bytes; a country's reports depend only on the seed and its position.
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import time
from pathlib import Path

from corpus import TARGET_COMMENTS, country, scalar
from realtexts import Item, Names, Report, pools, promised, recombine, sources

SCHEMA_COMMENT = "# yaml-language-server: $schema=../../schema/galint.schema.json"

# How much each country departs from its base pair.
P_MOVE = 0.25  # an item swaps places with one of the same kind under another target or goal
P_DROP = 0.08
P_DUPLICATE = 0.05
P_PROMISED = 0.2  # a long plan in the imperative is worded "<country> will ..."
P_SECOND_SENTENCE = 0.04  # for undertaken, implemented and assessed items
P_PLACEHOLDER = 0.04  # a 2014 section without plans answered "/" (Montenegro's style only)


# --- varying a report --------------------------------------------------------------------


def copied(report: Report) -> Report:
    """A copy of ``report`` whose sections and items can be changed."""
    return {
        place: {
            key: None if items is None else list(map(copy.copy, items)) for key, items in s.items()
        }
        for place, s in report.items()
    }


def move_items(report: Report, rng: random.Random) -> None:
    """Swap some items with items of the same section kind under another target or goal."""
    slots = [
        (place, key, n)
        for place, sections in report.items()
        for key, items in sections.items()
        for n in range(len(items or ()))
    ]
    for place, key, n in slots:
        if rng.random() >= P_MOVE:
            continue
        others = [s for s in slots if s[1] == key and s[0] != place]
        if others:
            other_place, _, m = rng.choice(others)
            here, there = report[place][key], report[other_place][key]
            assert here is not None and there is not None
            here[n], there[m] = there[m], here[n]


def drop_and_duplicate(report: Report, rng: random.Random) -> None:
    """Leave out some items (never a section's last) and write some twice: in the next
    section of the same place (Montenegro repeats items of A in B), or again in their own."""
    for sections in report.values():
        keys = list(sections)
        for k, key in enumerate(keys):
            items = sections[key]
            if not items:
                continue
            for item in list(items):
                if len(items) > 1 and rng.random() < P_DROP:
                    items.remove(item)
                elif rng.random() < P_DUPLICATE:
                    target = sections[keys[k + 1]] if k + 1 < len(keys) else None
                    (target if target else items).append(copy.copy(item))


def add_placeholders(report: Report, rng: random.Random) -> None:
    """Answer a few sections without plans with "/" (2014 reports in Montenegro's style)."""
    for sections in report.values():
        for key in ("implementation", "assessment"):
            if key in sections and rng.random() < P_PLACEHOLDER:
                sections[key] = None


def recombine_all(
    report: Report, by_kind: dict[str, list[Item]], name: str, rng: random.Random
) -> None:
    """Recombine the texts; put the country's name in some plans, and in every short one
    (few recombinations fit them: "Mark Safer Internet Day"); give a few items of what was
    done a second sentence."""
    for sections in report.values():
        for kind, items in sections.items():
            for n, item in enumerate(items or ()):
                new = recombine(item, kind, by_kind[kind], rng)
                plan = kind in ("planned", "follow-up")
                if plan and (len(new.text) < 100 or rng.random() < P_PROMISED):
                    new.text = promised(new.text, name)
                if not plan and rng.random() < P_SECOND_SENTENCE:
                    new.text = f"{new.text}. {rng.choice(by_kind[kind]).text}"
                assert items is not None
                items[n] = new


def rename_all(report: Report, names: Names) -> None:
    """Put the country's names and counts in every text."""
    for sections in report.values():
        for items in sections.values():
            for item in items or ():
                item.text = names(item.text)


# --- writing -------------------------------------------------------------------------------

COMMENTS = {
    "montenegro": {"implementation": "# A)", "assessment": "# B)", "follow-up": "# C)"},
    "arcadia": {
        "implementation": "# A) implementation of the measures announced in 2013",
        "assessment": "# B) assessment of progress",
        "follow-up": "# C) follow-up",
    },
}
SUBMITTED = {"2013": "2013-09-30", "2014": "2014-06-30"}


def field(value: str) -> str:
    """A timeframe or id as a YAML value that reads back as text."""
    return f'"{value}"' if value.replace(".", "").isdigit() else scalar(value)


def in_text(item: Item) -> str:
    """The item's text with its timeframe in brackets at the end, as Montenegro writes it."""
    return item.text if item.timeframe is None else f"{item.text} ({item.timeframe})"


def ended(text: str, end: str) -> str:
    """``text`` with its end punctuation (none after a colon that opens a list)."""
    return text if text.endswith(":") else text + end


def plain_items(items: list[Item], indent: str) -> list[str]:
    """Montenegro's items: texts ending with ";", the last with ".", timeframes in brackets."""
    last = len(items) - 1
    return [
        f"{indent}- {scalar(ended(in_text(item), '.' if n == last else ';'))}"
        for n, item in enumerate(items)
    ]


def mapped_items(items: list[Item], indent: str, ids: list[str] | None) -> list[str]:
    """Arcadia's items: plans with id, text and timeframe; reports with follows and status."""
    lines = []
    for n, item in enumerate(items):
        if ids:
            fields = [("id", field(ids[n])), ("text", scalar(ended(item.text, ".")))]
            if item.timeframe is not None:
                fields.append(("timeframe", field(item.timeframe)))
        else:
            fields = [("text", scalar(ended(in_text(item), ".")))]
        if item.follows:
            fields.append(("follows", "[" + ", ".join(f'"{f}"' for f in item.follows) + "]"))
        if item.status is not None:
            fields.append(("status", item.status))
        for k, (key, value) in enumerate(fields):
            lines.append(f"{indent}{'- ' if k == 0 else '  '}{key}: {value}")
    return lines


def section_lines(
    key: str, items: list[Item] | None, indent: str, style: str, ref: str
) -> list[str]:
    """A section: its key and items, or its placeholder."""
    if items is None:
        return [f"{indent}{key}: /"]
    if style == "montenegro":
        return [f"{indent}{key}:", *plain_items(items, indent + "  ")]
    if key in ("planned", "follow-up"):
        ids = [f"{ref}.{n}" for n in range(1, len(items) + 1)]
        return [f"{indent}{key}:", *mapped_items(items, indent + "  ", ids)]
    if key == "implementation":
        return [f"{indent}{key}:", *mapped_items(items, indent + "  ", None)]
    return [f"{indent}{key}:", *(f"{indent}  - {scalar(ended(in_text(i), '.'))}" for i in items)]


def write(report: Report, year: str, code: str, name: str, style: str) -> str:
    """One report as YAML, laid out as the real ones are."""
    lines = [SCHEMA_COMMENT, f"form: global-alliance/{year}", "country:"]
    lines += [f"  code: {code}", f"  name: {scalar(name)}"]
    if style == "arcadia":
        lines.append(f"submitted: {SUBMITTED[year]}")
    if year == "2014":
        lines.append("previous: 2013.yaml")
    written: set[str] = set()
    for place, sections in report.items():
        target = place[0]
        number = int(target.rsplit("-", 1)[1])
        if target not in written:
            written.add(target)
            lines += ["", f"# Policy target {number}: {TARGET_COMMENTS[number]}", f"{target}:"]
        indent, ref = "  ", str(number)
        if len(place) == 2:
            lines.append(f"  {place[1]}:")
            indent, ref = "    ", f"{number}.{place[1].rsplit('-', 1)[1]}"
        for key, items in sections.items():
            if len(place) == 2:
                lines.append(f"{indent}{COMMENTS[style][key]}")
            lines += section_lines(key, items, indent, style, ref)
    return "\n".join(lines) + "\n"


def keep_known_links(report: Report, plan_ids: set[str]) -> None:
    """Drop the follows links to plans the country's 2013 report does not have."""
    for sections in report.values():
        for item in sections.get("implementation") or ():
            if item.follows:
                item.follows = [f for f in item.follows if f in plan_ids] or None


def plan_ids(report: Report) -> set[str]:
    """The ids Arcadia's style gives the plans of a 2013 report."""
    return {
        f"{place[0].rsplit('-', 1)[1]}.{n}"
        for place, sections in report.items()
        for n in range(1, len(sections.get("planned") or ()) + 1)
    }


# --- the corpus ----------------------------------------------------------------------------


def country_reports(index: int, seed: int = 0) -> tuple[str, dict[str, str]]:
    """The ``index``-th country's folder and its reports (file name -> YAML)."""
    where = country(index)
    rng = random.Random(f"realshaped:{seed}:{index}")
    pairs = sources()
    style = "arcadia" if rng.random() < 0.25 else "montenegro"
    by_kind = pools(pairs)
    names = Names(where.code, where.name, rng)
    files = {}
    ids: set[str] = set()
    for year, base in zip(("2013", "2014"), pairs[style], strict=True):
        report = copied(base)
        move_items(report, rng)
        drop_and_duplicate(report, rng)
        if year == "2014" and style == "montenegro":
            add_placeholders(report, rng)
        recombine_all(report, by_kind, where.name, rng)
        rename_all(report, names)
        if year == "2013":
            ids = plan_ids(report)
        else:
            keep_known_links(report, ids)
        files[f"{year}.yaml"] = write(report, year, where.code, where.name, style)
    return where.folder, files


def generate(out_dir: Path, countries: int, seed: int = 0) -> list[Path]:
    """Write ``countries`` countries' pairs of reports under ``out_dir``; their paths."""
    written = []
    for index in range(countries):
        folder, files = country_reports(index, seed)
        (Path(out_dir) / folder).mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            path = Path(out_dir) / folder / name
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="where to write (best empty)")
    parser.add_argument("--countries", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    start = time.perf_counter()
    paths = generate(args.out_dir, args.countries, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(
        f"{len(paths)} reports in {args.out_dir}: {size / 1e6:.1f} MB,"
        f" {size / max(len(paths), 1) / 1024:.1f} KiB a report on average,"
        f" written in {time.perf_counter() - start:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

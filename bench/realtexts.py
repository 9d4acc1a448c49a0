"""The real reports' sentences, and new ones made from them, for bench/realshaped.py.

Reads examples/montenegro and examples/arcadia into items by section kind, recombines their
sentences into new ones of about the same length, and gives a country its names, spellings
and counts.
"""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from galint.analysis.timeframe import parse

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {"montenegro": ROOT / "examples" / "montenegro", "arcadia": ROOT / "examples" / "arcadia"}

# The verbs that start the real plans written in the imperative.
IMPERATIVES = frozenset((
    "Adopt", "Agree", "Amend", "Complete", "Conclude", "Conduct", "Consider", "Continue",
    "Create", "Develop", "Ensure", "Establish", "Extend", "Facilitate", "Give", "Hold", "Host",
    "Identify", "Improve", "Increase", "Introduce", "Issue", "Make", "Mark", "Monitor", "Offer",
    "Participate", "Present", "Promote", "Publish", "Review", "Run", "Second", "Set", "Sign",
    "Submit", "Take", "Train", "Translate", "Use",
))  # fmt: skip
MINISTRIES = (
    "Ministry for Information Society and Telecommunications",
    "Ministry of Justice",
    "Ministry of Labour and Social Welfare",
    "Ministry of Culture",
    "Ministry of Education",
    "Ministry of Interior",
    "Ministry of the Interior",
    "Ministry of Social Affairs",
)
# Spellings and terms that differ between real reports; each country keeps one of each pair.
SPELLINGS = (
    ("cooperation", "co-operation"),
    ("coordination", "co-ordination"),
    ("organiz", "organis"),
    ("specializ", "specialis"),
    ("criminaliz", "criminalis"),
    ("utiliz", "utilis"),
    ("programme", "program"),
    ("centre", "center"),
    ("behaviour", "behavior"),
    ("INTERPOL", "Interpol"),
    ("website", "web site"),
    ("law enforcement authorities", "law enforcement agencies"),
    ("elementary school", "primary school"),
    ("cyber security", "cybersecurity"),
)
OPERATORS = ("Telenor", "Telekom", "Vodafone", "Orange", "Telia", "A1 Telekom", "Tele2", "Proximus")
PLATFORMS = ("Microsoft", "Google", "Facebook", "Apple")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A count ("30 elementary schools", "1,073 pupils"), not part of a year, a date, a code
# ("Q4", "211b", "para.3") or a percentage.
NUMBER = re.compile(rf"(?<![\w.,/-])(\d{{1,3}}(?:,\d{{3}})*)(?![\w%]|[,.]\d|\s+(?:{MONTHS}))")
TRAILING_TIMEFRAME = re.compile(r"\s*\(([^()]*)\)$")

Place = tuple[str, ...]  # ("policy-target-2",) in 2013, ("policy-target-2", "goal-1") in 2014


@dataclass(slots=True)
class Item:
    """One item of a section: its text without end punctuation, and when it is due."""

    text: str
    timeframe: str | None = None  # in brackets at the end, or a timeframe: field
    status: str | None = None
    follows: list[str] | None = None


Sections = dict[str, list[Item] | None]  # section key -> items, or None: answered "/"
Report = dict[Place, Sections]


# --- reading the real reports ------------------------------------------------------------


def _timeframe(text: str) -> bool:
    """Whether galint reads ``text`` as a timeframe."""
    return parse(text).kind in ("interval", "continuous")


def read_item(value: Any) -> Item:
    """An item as written: a text (Montenegro's) or a mapping with a text (Arcadia's)."""
    if isinstance(value, dict):
        tf = value.get("timeframe")
        return Item(
            str(value["text"]).rstrip(" ;."),
            None if tf is None else str(tf),
            value.get("status"),
            value.get("follows"),
        )
    text = str(value).rstrip(" ;.")
    found = TRAILING_TIMEFRAME.search(text)
    if found and _timeframe(found.group(1)):
        return Item(text[: found.start()], found.group(1))
    return Item(text)


def read_report(path: Path) -> Report:
    """A real report as places, sections and items."""
    with open(path, encoding="utf-8") as stream:
        raw = yaml.safe_load(stream)
    report: Report = {}
    for target, value in raw.items():
        if not target.startswith("policy-target-"):
            continue
        nested = {(target,): value} if "undertaken" in value else {}
        if not nested:
            nested = {(target, goal): sections for goal, sections in value.items()}
        for place, sections in nested.items():
            report[place] = {
                key: [read_item(v) for v in items] if isinstance(items, list) else None
                for key, items in sections.items()
            }
    return report


@functools.cache
def sources() -> dict[str, tuple[Report, Report]]:
    """The real pairs: name -> (2013, 2014), read once."""
    return {
        name: (read_report(folder / "2013.yaml"), read_report(folder / "2014.yaml"))
        for name, folder in SOURCES.items()
    }


def pools(pairs: dict[str, tuple[Report, Report]]) -> dict[str, list[Item]]:
    """Every real item, by section kind (undertaken, planned, implementation...)."""
    found: dict[str, list[Item]] = {}
    for pair in pairs.values():
        for report in pair:
            for sections in report.values():
                for key, items in sections.items():
                    found.setdefault(key, []).extend(items or ())
    return found


# --- new sentences from the real ones ----------------------------------------------------


class _Words(NamedTuple):
    """A text cut at its spaces: each word, and where it starts."""

    words: list[str]
    starts: list[int]
    where: dict[str, list[int]]  # the positions of each word but the first and the last


@functools.lru_cache(maxsize=4096)
def _cut(text: str) -> _Words:
    words = text.split(" ")
    starts, where, at = [], {}, 0
    for n, word in enumerate(words):
        starts.append(at)
        at += len(word) + 1
        if 0 < n < len(words) - 1:
            where.setdefault(word, []).append(n)
    return _Words(words, starts, where)


def crossover(
    a: str, b: str, rng: random.Random, after: int, size: range
) -> tuple[str, int] | None:
    """The words of ``a`` up to one it shares with ``b`` (past the first ``after``), then the
    rest of ``b``, in ``size`` characters; and where the rest starts. The shared word is a
    lower-case one ("of", "with", "cooperation") if one will do."""
    cut_a, cut_b = _cut(a), _cut(b)
    shared = [
        (i, j)
        for i in range(after, len(cut_a.words))
        for j in cut_b.where.get(cut_a.words[i], ())
        if cut_a.starts[i] + len(b) - cut_b.starts[j] in size
    ]
    if not shared:
        return None
    lower = [(i, j) for i, j in shared if cut_a.words[i].islower()]
    i, j = rng.choice(lower or shared)
    return a[: cut_a.starts[i]] + b[cut_b.starts[j] :], i


def recombine(item: Item, kind: str, pool: list[Item], rng: random.Random) -> Item:
    """``item`` with its text recombined with other real sentences of the same kind, and
    about as long as it was (within 30%, or 30 characters for a short one): its start (or,
    when that fails, another's), the middle of one or two, the end of another. The item
    keeps its status and links, and a plan takes the timeframe that comes with the end."""
    length = len(item.text)
    spread = max(round(0.3 * length), 30)
    size = range(length - spread, length + spread + 1)
    text, timeframe, joined, done = item.text, item.timeframe, 1, 0
    for attempt in range(20):
        other = rng.choice(pool)
        if other.text in text:
            continue
        if attempt < 15 or done:
            found, tail = crossover(text, other.text, rng, joined, size), other
        else:
            found, tail = crossover(other.text, text, rng, 1, size), item
        if found is None:
            continue
        text, joined, done = found[0], found[1] + 1, done + 1
        if kind in ("planned", "follow-up"):
            timeframe = tail.timeframe
        if done == 3:
            break
    return Item(text, timeframe, item.status, item.follows)


def promised(text: str, name: str) -> str:
    """A plan in the imperative as Montenegro words some of its plans: "Develop X" as
    "Montenegro will develop X"; other texts as they are."""
    verb, _, rest = text.partition(" ")
    if verb.rstrip(",") not in IMPERATIVES:
        return text
    return f"{name} will {verb.lower()} {rest}"


# --- who the country is --------------------------------------------------------------------


def _alternatives(table: dict[str, str], end: str) -> re.Pattern[str]:
    """A pattern matching the words of ``table`` (the longest first) at a word's start."""
    keys = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, keys)) + ")" + end)


class Names:
    """What a country's reports call it and its bodies, how they spell some words, and how
    they change its counts."""

    def __init__(self, code: str, name: str, rng: random.Random) -> None:
        ministries = list(MINISTRIES)
        rng.shuffle(ministries)
        names = dict(zip(MINISTRIES, ministries, strict=True))
        names.update(
            {
                "Montenegro": name,
                "Arcadia": name,
                "Arcadian": name,
                "CERT-XA": f"CERT-{code}",
                "cirt.me": f"cirt.{code.lower()}",
                "Telenor": rng.choice(OPERATORS),
                "Microsoft": rng.choice(PLATFORMS),
            }
        )
        spellings = {}
        for pair in SPELLINGS:
            kept = rng.choice(pair)
            for word in pair:
                spellings[word] = kept
                if word.islower():
                    spellings[word.capitalize()] = kept.capitalize()
        self.table = {**spellings, **names}
        self.names = _alternatives(names, r"\b")  # whole words
        self.spellings = _alternatives(spellings, "")  # "organiz" in "organized"
        self.rng = rng

    def __call__(self, text: str) -> str:
        """``text`` with the country's names and spellings, and its counts changed by up to
        a half."""
        text = self.names.sub(self._swap, text)
        text = self.spellings.sub(self._swap, text)
        return NUMBER.sub(self._count, text)

    def _swap(self, found: re.Match[str]) -> str:
        return self.table[found.group(0)]

    def _count(self, found: re.Match[str]) -> str:
        n = int(found.group(1).replace(",", ""))
        if n < 2:
            return found.group(1)
        n = max(2, round(n * self.rng.uniform(0.5, 1.5)))
        return f"{n:,}" if n >= 1000 else str(n)

"""Follow-up tracing: what became, in a report, of each plan of the report it follows up.

A plan of the previous report (a 2013 ``planned`` item, or a 2014 ``follow-up`` item when a
2014 report is the predecessor) is matched to the items of the current report that speak of
it: by an explicit link (the item's ``follows`` names the plan's id), or else by its text.
An explicit link wins: a plan that any item links to is matched by its links only.

Text matching compares the words that tell something. Function words, the country's name and
the words timeframes are written with are dropped ("(III - IV Q 2013)" says when, not what),
irregular past tenses are mapped to their verb, and the rest is stemmed with the Snowball
English stemmer (then cut to six letters, so that "identified" and "identification"
meet). Each stem is weighted by how rare it is among all items of both reports (IDF: a word
in every item weighs nothing). The score of a plan and an item blends the cosine of their
vectors with the share of the plan's weight the item covers (an item that reports two plans
in one sentence still covers each). Words both texts use inside a name ("Ministry of
Education", "Safer Internet Day") count half: the same ministries turn up everywhere. An item
under the plan's own policy target gets a small bonus; other targets are allowed. An item
matches a plan when its score reaches the threshold and at least half its score for the plan
it matches best. The settings were chosen by measurement on tests/trace_eval (see
bench/trace_eval.py).

A plan is ``followed`` when an item of section A (implementation) or B (assessment) matches
it, ``carried`` when only items of C (follow-up) do (planned again, with no word on what was
done), and ``missing`` when nothing does.
"""

from __future__ import annotations

import contextlib
import functools
import math
import re
from collections import Counter, _count_elements  # type: ignore[attr-defined]
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import mul
from typing import NamedTuple, TypeVar

from galint.form.model import Item, Report, Section
from galint.io.load import Path

__all__ = [
    "PARAMS",
    "Match",
    "Params",
    "PlanTrace",
    "Trace",
    "cite",
    "implementation_path",
    "keeping",
    "plan_ids",
    "plans_of",
    "prepare",
    "render_text",
    "shorten",
    "to_json",
    "trace",
    "trace_of",
    "where",
]

MAX_MATCHES = 3


@dataclass(frozen=True, slots=True)
class Params:
    """The matcher's settings; the defaults were measured on tests/trace_eval."""

    # A text match needs at least this score (after the same-target bonus).
    threshold: float = 0.25
    # Added to the score of an item under the plan's own policy target.
    same_target_bonus: float = 0.05
    # Weight of the cosine in the score; the rest is the plan's weight the item covers.
    cosine_weight: float = 0.35
    # An item matches a plan only if it scores at least this share of its best plan's score:
    # an item on one plan does not also follow every plan that shares a few words with it.
    relative: float = 0.5
    # Stems are cut to this many characters (0: not cut): "identified" and "identification"
    # stem differently, and their first letters are what they share.
    prefix: int = 6
    # Weight of a word both texts use inside a name ("Ministry of Education"), against a word
    # they share elsewhere.
    name_weight: float = 0.5


PARAMS = Params()


@dataclass(slots=True)
class Match:
    """An item of the current report that speaks of a previous plan."""

    item: Item
    section: str  # "A", "B" or "C": the item's section in the current report
    target: int
    goal: int | None
    score: float  # 0..1; 1.0 for a link
    via: str  # "link" or "text"
    line: int


@dataclass(slots=True)
class PlanTrace:
    """One plan of the previous report and what the current report makes of it."""

    plan: Item
    target: int
    line: int  # in the previous report
    status: str  # "followed", "carried" or "missing"
    matches: list[Match] = field(default_factory=list)  # best first, at most MAX_MATCHES


@dataclass(slots=True)
class Trace:
    previous: Report
    current: Report
    plans: list[PlanTrace]

    def by_id(self) -> dict[str, PlanTrace]:
        """The plans by their id (explicit or by position)."""
        return {p.plan.ref: p for p in self.plans if p.plan.ref is not None}


# --- the report's items ---------------------------------------------------------------------


class _Place(NamedTuple):
    """Where the items of a section stand."""

    section: str
    target: int
    goal: int | None


def plans_of(report: Report) -> Iterator[tuple[Item, int]]:
    """The plans of a report, each with its policy target's number."""
    for target in report.targets:
        for section in target.all_sections():
            if section.plans:
                for item in section.items:
                    yield item, target.number


def plan_ids(report: Report) -> dict[str, Item]:
    """Every id a plan of ``report`` can be named by: explicit ids first, then default ones.

    A default id stays usable next to an explicit one (the format allows it anywhere), unless
    another plan's explicit id is the same text: then the explicit id wins.
    """
    ids: dict[str, Item] = {}
    plans = [item for item, _ in plans_of(report)]
    for item in plans:
        if item.id is not None:
            ids.setdefault(item.id, item)
    for item in plans:
        if item.default_id is not None:
            ids.setdefault(item.default_id, item)
    return ids


def _places(report: Report) -> Iterator[tuple[Item, _Place]]:
    """Every item of the report, with where it stands."""
    for target in report.targets:
        for section in target.sections:
            place = _Place(_letter(section), target.number, None)
            for item in section.items:
                yield item, place
        for goal in target.goals:
            for section in goal.sections:
                place = _Place(_letter(section), target.number, goal.spec.number)
                for item in section.items:
                    yield item, place


def _letter(section: Section) -> str:
    # A 2013 report has no lettered sections; its plans count as C, its other items as A.
    return section.spec.letter or ("C" if section.plans else "A")


# --- words ----------------------------------------------------------------------------------

# Function words, and words every report uses in every kind of sentence.
_STOP = frozenset(
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
        "any", "are", "as", "at", "be", "been", "before", "being", "below", "between", "both",
        "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
        "either", "etc", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "may", "me", "might", "more", "most", "must", "my", "no", "nor", "not",
        "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over",
        "own", "per", "s", "same", "shall", "she", "should", "so", "some", "such", "than", "that",
        "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
        "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "via", "was",
        "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose",
        "why", "will", "with", "within", "without", "would", "yet", "you", "your", "e", "g", "eg",
        "ie",
    }
)  # fmt: skip
# The words timeframes are written with ("(III - IV Q 2013)", "by the end of June 2014",
# "(continuous)"): they say when, not what. Years and numbers below ten are dropped anyway.
_TIME = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "ii", "iii", "iv", "quarter", "quarters", "semester", "half",
        "year", "years", "month", "months", "continuous", "continuously", "ongoing", "permanent",
        "permanently", "regularly", "annually", "onwards", "latest", "deadline", "end", "period",
        "spring", "summer", "autumn", "winter", "timeframe", "every", "daily", "weekly",
        "monthly", "quarterly", "yearly", "beginning", "onward", "till", "untill",
    }
)  # fmt: skip
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_WORD = r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?|\d+"
# A word, and the character before it and its spaces when that is neither a letter nor a digit.
_TOKEN = re.compile(rf"([^\w\s]?)\s*({_WORD})")


# Irregular past tenses the stemmer leaves alone: "took part" must meet "take part".
_IRREGULAR = {
    "began": "begin", "begun": "begin", "brought": "bring", "built": "build", "chose": "choose",
    "chosen": "choose", "drew": "draw", "drawn": "draw", "found": "find", "gave": "give",
    "given": "give", "held": "hold", "kept": "keep", "led": "lead", "made": "make", "met": "meet",
    "paid": "pay", "ran": "run", "sent": "send", "spent": "spend", "taught": "teach",
    "took": "take", "taken": "take", "undertook": "undertake", "undertaken": "undertake",
    "went": "go", "gone": "go", "won": "win", "wrote": "write", "written": "write",
}  # fmt: skip
# Before a capitalised word, these mean it starts a sentence rather than a name.
_SENTENCE_START = frozenset(".;:!?-\u2013\u2014\u2022(\"'\u201c\u2018")


# A text's stems with how often each occurs, and the stems only ever used inside a name.
Terms = tuple[dict[str, int], frozenset[str]]

# Most texts are ASCII with no apostrophe. Their words are what is left when everything but
# letters and digits becomes a space, and a space is put between a letter and a digit next
# to it ("Q3 2014", "3rd"), which C code finds several times faster than _TOKEN does. The
# kinds of characters find where letters and digits meet. NUL, which no quick text holds,
# stays: it parts texts split together.
_SPACED = bytes(c if chr(c).isalnum() or not c else 32 for c in range(128)).ljust(256, b" ")
_KINDS = bytes(
    97 if chr(c).isalpha() else 48 if chr(c).isdigit() else 32 for c in range(128)
).ljust(256, b" ")
# In such a text, a word right after one of these (and spaces) starts a sentence.
_STARTER = re.compile(rf"[{re.escape(''.join(sorted(_SENTENCE_START)))}]\s*({_WORD})")
_NO_NAMES: frozenset[str] = frozenset()


def _split(texts: Sequence[str]) -> list[tuple[list[str], list[str] | None]]:
    """The words of each text, and those among them that start a sentence or None when
    _starts() is to find them: what _split_tokens gives, found faster in most texts.

    The quick texts are split together, in one pass of C code rather than a few calls each;
    NUL stands between them, as a word of its own.
    """
    split: list[tuple[list[str], list[str] | None] | None] = []
    quick = []
    for text in texts:
        if text.isascii() and "'" not in text and "\0" not in text:
            kinds = text.encode().translate(_KINDS)
            if b"a0" in kinds or b"0a" in kinds:
                text = _parted(text, kinds)
            quick.append(text)
            split.append(None)
        else:
            split.append(_split_tokens(text))
    if quick:
        quick.append("")  # so that every quick text is followed by a NUL
        words = " \0 ".join(quick).encode().translate(_SPACED).decode().split()
        start, following = 0, words.index
        for n, done in enumerate(split):
            if done is None:
                end = following("\0", start)
                split[n] = (words[start:end], None)
                start = end + 1
    return split  # type: ignore[return-value]


def _parted(text: str, kinds: bytes) -> str:
    """``text`` with a space between each letter and a digit next to it: "Q3" is two words."""
    cuts = []
    for meeting in (b"a0", b"0a"):
        at = kinds.find(meeting)
        while at >= 0:
            cuts.append(at + 1)
            at = kinds.find(meeting, at + 1)
    cuts.sort()
    pieces = zip([0, *cuts], [*cuts, len(text)], strict=True)
    return " ".join([text[start:end] for start, end in pieces])


def _starts(text: str) -> list[str]:
    """The words that start a sentence in a text _split() splits quickly."""
    return _STARTER.findall("." + text)


def _split_tokens(text: str) -> tuple[list[str], list[str]]:
    # "before" is the last character ahead of the word and its spaces when it is neither a
    # letter nor a digit, else empty; the "." put first makes the text's start one.
    tokens = _TOKEN.findall("." + text)
    return [raw for _, raw in tokens], [raw for before, raw in tokens if before in _SENTENCE_START]


class _Known(dict[str, "str | None"]):
    """What is known of each word as written, kept across traces (a bulk run meets the same
    words in every report): its stem (None for a word that tells nothing; looked up as in a
    dict, and worked out the first time), its normal form, and whether it is capitalised
    (not all in capitals) as a name's words are."""

    def __init__(self, prefix: int) -> None:
        super().__init__()
        self.prefix = prefix
        self.normal: dict[str, str] = {}
        self.capitalised: set[str] = set()

    def __missing__(self, raw: str) -> str | None:
        word = raw.lower().replace("\u2019", "'")
        word = self.normal[raw] = word[:-2] if word.endswith("'s") else word
        if raw[0].isupper() and not raw.isupper():
            self.capitalised.add(raw)
        stem = self[raw] = self.stem(word)
        return stem

    def forget(self) -> None:
        """Start again when too many words are known (called before each trace)."""
        if len(self) > _KNOWN_WORDS:
            self.clear()
            self.normal.clear()
            self.capitalised.clear()

    def stem(self, word: str) -> str | None:
        """The stem of a word in normal form; None for one that tells nothing. Years and the
        words of timeframes say when, not what; other numbers ("500 teachers") may tell."""
        if len(word) < 2 or _YEAR.fullmatch(word) or word in _STOP or word in _TIME:
            return None
        stem = _stem(word)
        return (stem[: self.prefix] if self.prefix else stem) or None


_KNOWN_WORDS = 50_000


@functools.cache
def _known(prefix: int) -> _Known:
    return _Known(prefix)


_Gathered = TypeVar("_Gathered", bound=Iterable[str])


class _Words:
    """Cuts texts into stems, leaving out the words of ``extra_stop`` (the country's name)."""

    def __init__(self, extra_stop: Iterable[str], params: Params) -> None:
        self._known = _known(params.prefix)
        self._known.forget()
        self._extra = frozenset(w.lower() for w in extra_stop)
        # A word whose normal form is one of them has that one's stem.
        self._extra_stems = {self._known.stem(w) for w in self._extra} - {None}

    def stems(self, texts: Sequence[str]) -> list[set[str]]:
        """The stems of each text, for texts that only count for the weights."""
        return [found for found, _, _ in self._words(texts, set)]

    def terms(
        self, texts: Sequence[str], names_among: AbstractSet[str] | None = None
    ) -> list[Terms]:
        """The stems of each text, each with how often, and those only ever used inside a
        name ("Ministry of Education", "Safer Internet Day"), among ``names_among`` when
        given.

        Names are repeated all over a report (the same ministries in every other item), so
        their words tell less than the same words in lower case. A capitalised word is in a
        name unless it starts a sentence (the text, or what follows a full stop, a colon, a
        dash, a bracket, a quote...). Acronyms (ICSE, INTERPOL) are kept at full weight: few
        items name them, and those that do are about them.
        """
        known = self._known
        stem, capitalised = known.__getitem__, known.capitalised
        found = []
        for text, (counts, raws, starters) in zip(texts, self._words(texts, _counted), strict=True):
            named = capitalised.intersection(raws)
            if names_among is None:
                telling = any(map(stem, named))
            else:
                telling = not names_among.isdisjoint(map(stem, named))
            if not telling:  # no capitalised word whose stem matters
                found.append((counts, _NO_NAMES))
                continue
            # A sentence's first word is not a name's.
            named.difference_update(_starts(text) if starters is None else starters)
            inside = set(filter(None, map(stem, named)))
            if names_among is not None:
                inside.intersection_update(names_among)
            if inside:
                # A stem stays when every word with that stem is in a name: when the words in
                # names have it as often as the text does.
                in_names: dict[str, int] = {}
                _count_elements(in_names, map(stem, filter(named.__contains__, raws)))
                inside = {s for s in inside if in_names[s] == counts[s]}
            found.append((counts, frozenset(inside) if inside else _NO_NAMES))
        return found

    def _words(
        self, texts: Sequence[str], gather: Callable[[Iterable[str]], _Gathered]
    ) -> Iterator[tuple[_Gathered, list[str], list[str] | None]]:
        """For each text: ``gather`` of its stems; its words but the country's name's; and
        the words that start a sentence (None: _starts() finds them)."""
        known = self._known
        stem, extra_stems = known.__getitem__, self._extra_stems
        for raws, starters in _split(texts):
            found = gather(filter(None, map(stem, raws)))
            if not extra_stems.isdisjoint(found):
                normal, extra = known.normal, self._extra
                raws = [raw for raw in raws if normal[raw] not in extra]
                found = gather(filter(None, map(stem, raws)))
            yield found, raws, starters


def _counted(stems: Iterable[str]) -> dict[str, int]:
    """How often each stem occurs. Counter() costs a microsecond more a call in its own
    __init__ and update, more than counting a short text's stems; _count_elements is what
    they call (collections has it in C, or in Python on other interpreters)."""
    counts: dict[str, int] = {}
    _count_elements(counts, stems)
    return counts


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """The Snowball English stem of a lower-case word (the pure-Python stemmer is slow)."""
    return _stemmer()(_IRREGULAR.get(word, word))


def prepare() -> None:
    """Load the stemmer now rather than on first use (for a worker of a bulk run)."""
    _stemmer()


@functools.cache
def _stemmer() -> Callable[[str], str]:
    import snowballstemmer  # only reports with a predecessor pay for the import

    stem: Callable[[str], str] = snowballstemmer.stemmer("english").stemWord
    return stem


class _Vector(NamedTuple):
    weights: dict[str, float]
    names: frozenset[str]  # stems seen only inside names in this text
    norm: float
    total: float  # sum of weights: what "covering" a text is measured against


# Which items hold each stem of the plans (none: an empty list): each item's position, the
# stem's weight there, and whether the stem is inside a name there.
Holders = dict[str, list[tuple[int, float, bool]]]


def _vectors(
    plans: list[Terms], items: list[Terms], others: list[set[str]]
) -> tuple[list[_Vector], list[float], Holders]:
    """TF-IDF vectors of the plans; the norm of each item's vector, and the items that hold
    each stem of the plans (a plan is scored by walking its stems' lists, so only items that
    share a stem with it are touched). The stems of ``others`` too count for the weights; a
    stem in every text weighs nothing."""
    count = len(plans) + len(items) + len(others)
    texts = chain((counts for counts, _ in plans), (counts for counts, _ in items), others)
    frequency = Counter(chain.from_iterable(texts))
    # A stem in every text has no weight: it is left out of the vectors.
    weight_in = [0.0, *(math.log(count / n) for n in range(1, count + 1))]  # by text count
    idf = dict(zip(frequency, map(weight_in.__getitem__, frequency.values()), strict=True))
    if count in frequency.values():  # rare: a stem in every text
        for term in [term for term, n in frequency.items() if n == count]:
            del idf[term]

    def vector(bag: Terms) -> _Vector:
        counts, names = bag
        weights = {t: _TF[n] * idf[t] for t, n in counts.items() if t in idf}
        return _Vector(weights, names, math.hypot(*weights.values()), sum(weights.values()))

    plan_vectors = [vector(bag) for bag in plans]
    planned = {stem for vector in plan_vectors for stem in vector.weights}
    frequency_weight, weight, nothing = _TF.__getitem__, idf.get, repeat(0.0)
    norms = []
    holders: Holders = {stem: [] for stem in planned}
    for n, (counts, names) in enumerate(items):
        # The stems in every text weigh 0.0 here, which changes no norm.
        weights = map(mul, map(frequency_weight, counts.values()), map(weight, counts, nothing))
        norms.append(math.hypot(*weights))
        for stem in counts.keys() & planned:
            holders[stem].append((n, _TF[counts[stem]] * idf[stem], stem in names))
    return plan_vectors, norms, holders


class _Frequencies(dict[int, float]):
    """The weight of a stem used n times in a text: 1 + ln n, worked out once for each n."""

    def __missing__(self, n: int) -> float:
        weight = self[n] = 1.0 + math.log(n)
        return weight


_TF = _Frequencies({n: 1.0 + math.log(n) for n in range(1, 32)})


# --- tracing --------------------------------------------------------------------------------


def trace(previous: Report, current: Report, params: Params = PARAMS) -> Trace:
    """What ``current`` makes of each plan of ``previous``."""
    plans = list(plans_of(previous))
    places = list(_places(current))
    ids = plan_ids(previous)
    links: dict[int, list[Match]] = {}
    for item, place in places:
        for ref in dict.fromkeys(item.follows):
            plan = ids.get(ref)
            if plan is not None:
                links.setdefault(id(plan), []).append(_match(current, item, place, 1.0, "link"))

    # Every item of both reports counts for the weights: the undertaken actions of the previous
    # report too, since the words they share with everything else are the ones that tell little.
    names = [previous.country_name or "", current.country_name or ""]
    words = _Words(" ".join(names).split(), params)
    planned_items = {id(plan) for plan, _ in plans}
    plan_bags = words.terms([plan.text for plan, _ in plans])
    others = words.stems([item.text for item in previous.items() if id(item) not in planned_items])
    # A stem counts less only when both texts use it inside a name: an item's names matter
    # only among the plans' names.
    plan_names = set().union(*(names for _, names in plan_bags))
    item_bags = words.terms([item.text for item, _ in places], plan_names)
    plan_vectors, item_norms, holders = _vectors(plan_bags, item_bags, others)
    item_targets = [place.target for _, place in places]
    scores = [
        _score_row(vector, target, item_norms, item_targets, holders, params)
        for vector, (_, target) in zip(plan_vectors, plans, strict=True)
    ]
    best_of_item = [0.0] * len(places)
    for row in scores:
        for n, score in row.items():
            if score > best_of_item[n]:
                best_of_item[n] = score

    traced = []
    for (plan, target), row in zip(plans, scores, strict=True):
        # An explicit link wins: the author said where the plan is reported on.
        found = list(links.get(id(plan), []))
        if not found:
            found = [
                _match(current, *places[n], score, "text")
                for n, score in sorted(row.items())
                if score >= params.threshold and score >= params.relative * best_of_item[n]
            ]
        traced.append(_plan_trace(previous, plan, target, found))
    return Trace(previous, current, traced)


def _score_row(
    plan: _Vector,
    target: int,
    norms: list[float],
    targets: list[int],
    holders: Holders,
    params: Params,
) -> dict[int, float]:
    """The plan's score against each item of the current report that reaches the threshold,
    by the item's position: no other can match, nor change which plan an item matches best.

    The score blends the cosine of the two vectors with the share of the plan's weight the
    item covers. A name both texts use ("Ministry of Education") counts for less than a
    shared word: the same ministries turn up all over a report. The texts' full weights stay
    the measure.
    """
    dots = [0.0] * len(norms)
    covers = [0.0] * len(norms)  # a shared stem always adds to it: 0 means no stem shared
    name_weight, names = params.name_weight, plan.names
    for stem, weight in plan.weights.items():
        if stem in names:
            for n, other, other_in_name in holders[stem]:
                share = weight * name_weight if other_in_name else weight
                dots[n] += share * other
                covers[n] += share
        else:
            for n, other, _ in holders[stem]:
                dots[n] += weight * other
                covers[n] += weight
    row = {}
    cosine_weight, bonus = params.cosine_weight, params.same_target_bonus
    cover_weight, norm, total = 1.0 - cosine_weight, plan.norm, plan.total
    threshold = params.threshold
    for n, cover in enumerate(covers):
        if cover:
            score = cosine_weight * (dots[n] / (norm * norms[n])) + cover_weight * (cover / total)
            if targets[n] == target:
                score += bonus
            if score >= threshold:
                row[n] = score if score < 1.0 else 1.0
    return row


def _match(report: Report, item: Item, place: _Place, score: float, via: str) -> Match:
    line = report.document.line(item.path)
    return Match(item, place.section, place.target, place.goal, score, via, line)


def _plan_trace(previous: Report, plan: Item, target: int, found: list[Match]) -> PlanTrace:
    found.sort(key=lambda m: (m.via != "link", -m.score, m.line))
    reported = [m for m in found if m.section in "AB"]
    if reported:
        status = "followed"
    elif found:
        status = "carried"
    else:
        status = "missing"
    shown = found[:MAX_MATCHES]
    # A followed plan shows where it was reported on, even behind better restatements in C.
    if reported and not any(m.section in "AB" for m in shown):
        shown = [*shown[: MAX_MATCHES - 1], reported[0]]
    line = previous.document.line(plan.path)
    return PlanTrace(plan, target, line, status, shown)


# Several rules ask for the trace of the same report; a run checks each report once.
_CACHE: dict[int, tuple[Report, Report, Trace]] = {}
_CACHE_SIZE = 16
_KEEPING = [0]  # how many keeping() blocks are open


@contextlib.contextmanager
def keeping() -> Iterator[None]:
    """Within the block, every trace made stays cached, however many (a bulk run summarises a
    country's reports after checking them all); at its end, the cache is emptied."""
    _KEEPING[0] += 1
    try:
        yield
    finally:
        _KEEPING[0] -= 1
        if not _KEEPING[0]:
            _CACHE.clear()


def trace_of(report: Report) -> Trace | None:
    """The trace of ``report`` against its predecessor, computed once; None without one."""
    previous = report.predecessor
    if previous is None:
        return None
    cached = _CACHE.get(id(report))
    # The ids of reports that were freed can be reused: check that it is the same pair.
    if cached is not None and cached[0] is report and cached[1] is previous:
        return cached[2]
    result = trace(previous, report)
    if len(_CACHE) >= _CACHE_SIZE and not _KEEPING[0]:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(report)] = (report, previous, result)
    return result


# --- for the rules --------------------------------------------------------------------------


def implementation_path(report: Report, target: int) -> Path:
    """Section A of the first goal of a policy target: where a plan's follow-up belongs.

    The path may not exist in the document (a target or a section left out); the engine then
    points at the nearest enclosing value.
    """
    spec = next((t.spec for t in report.targets if t.number == target), None)
    key = spec.key if spec is not None else f"policy-target-{target}"
    goal = spec.goals[0].key if spec is not None and spec.goals else "goal-1"
    return (key, goal, "implementation")


def cite(plan: PlanTrace, previous: Report) -> str:
    """A plan as a message names it: ``plan 2.4 'Establish a system…' (2013.yaml:33)``."""
    return f"plan {plan.plan.ref} '{shorten(plan.plan.text)}' ({previous.path}:{plan.line})"


# --- output ---------------------------------------------------------------------------------


def to_json(result: Trace) -> dict[str, object]:
    """The traceability matrix as JSON-ready data."""
    return {
        "previous": result.previous.path,
        "current": result.current.path,
        "plans": [
            {
                "id": plan.plan.ref,
                "text": plan.plan.text,
                "line": plan.line,
                "status": plan.status,
                "matches": [
                    {
                        "section": m.section,
                        "target": m.target,
                        "goal": m.goal,
                        "text": m.item.text,
                        "line": m.line,
                        "score": round(m.score, 3),
                        "via": m.via,
                    }
                    for m in plan.matches
                ],
            }
            for plan in result.plans
        ],
    }


def shorten(text: str, width: int = 60) -> str:
    """One line of at most ``width`` characters, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def where(match: Match) -> str:
    """Where a match stands: ``A 1.1 l.14 (0.72)``, or ``(link)`` for a link."""
    place = f"{match.target}.{match.goal}" if match.goal is not None else f"{match.target}"
    how = "link" if match.via == "link" else f"{match.score:.2f}"
    return f"{match.section} {place} l.{match.line} ({how})"


def render_text(result: Trace) -> str:
    """The traceability matrix: one row per previous plan, in aligned columns."""
    header = ("id", "status", "plan", "followed up in")
    rows = [
        (
            plan.plan.ref or "?",
            plan.status,
            shorten(plan.plan.text),
            ", ".join(where(m) for m in plan.matches) or "-",
        )
        for plan in result.plans
    ]
    widths = [max(len(row[n]) for row in [header, *rows]) for n in range(3)]
    lines = [f"{result.previous.path} -> {result.current.path}"]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)]
        lines.append("  ".join([*cells, row[3]]).rstrip())
    return "\n".join(lines) + "\n"

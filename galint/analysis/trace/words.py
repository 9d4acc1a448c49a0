"""Cutting texts into stems.

Text matching compares the words that tell something. Function words, the country's name and
the words timeframes are written with are dropped ("(III - IV Q 2013)" says when, not what),
irregular past tenses are mapped to their verb, and the rest is stemmed with the Snowball
English stemmer, then cut to six letters, so that "identified" and "identification" meet.
The stems a text uses only inside a name ("Ministry of Education", "Safer Internet Day") are
told apart: the same ministries turn up all over a report, so the scores count them for less.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from galint.analysis.trace import quicksplit
from galint.analysis.trace.vocabulary import IRREGULAR, STOP, TIME

_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


class Terms(NamedTuple):
    """A text's stems, each with how often it occurs, and those only ever used inside a name."""

    counts: dict[str, int]
    names: frozenset[str]


def normal(word: str) -> str:
    """A word as written, in lower case, with a straight apostrophe and no possessive "'s"."""
    word = word.lower().replace("\u2019", "'")
    return word[:-2] if word.endswith("'s") else word


def stem_normal(word: str, prefix: int) -> str | None:
    """The stem of a word in normal form, cut to ``prefix`` characters (0: not cut); None for a
    word that tells nothing. Years and the words of timeframes say when, not what; other
    numbers ("500 teachers") may tell."""
    if len(word) < 2 or _YEAR.fullmatch(word) or word in STOP or word in TIME:
        return None
    stem = _stemmer()(IRREGULAR.get(word, word))
    return (stem[:prefix] if prefix else stem) or None


class Stems(dict[str, "str | None"]):
    """The stem of each word as written (see stem_normal), worked out the first time it is
    looked up: a bulk run meets the same words in every report."""

    def __init__(self, prefix: int) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, word: str) -> str | None:
        stem = self[word] = stem_normal(normal(word), self.prefix)
        return stem


# Stems forgets the words it knows when it knows more than this many.
_MAX_WORDS = 50_000


@functools.cache
def known_stems(prefix: int) -> Stems:
    """The stems known so far, kept across traces."""
    return Stems(prefix)


def prepare() -> None:
    """Load the stemmer now rather than on first use (for a worker of a bulk run)."""
    _stemmer()


@functools.cache
def _stemmer() -> Callable[[str], str]:
    import snowballstemmer  # only reports with a predecessor pay for the import

    stemmer: Callable[[str], str] = snowballstemmer.stemmer("english").stemWord
    return stemmer


class Words:
    """Cuts the texts of two reports into stems, leaving out the country's name."""

    def __init__(self, country: Iterable[str], prefix: int) -> None:
        self.known = known_stems(prefix)
        if len(self.known) > _MAX_WORDS:
            self.known.clear()
        self.country = frozenset(word.lower() for word in country)
        # Only a word with one of these stems can be one of the country's.
        self.country_stems = {stem_normal(word, prefix) for word in self.country} - {None}

    def stems_of(self, texts: Sequence[str]) -> list[set[str]]:
        """The stems of each text, for texts that only count for the weights."""
        split = quicksplit.split_all(texts)
        return [set(filter(None, self._stemmed(words)[1])) for words, _ in split]

    def terms(
        self, texts: Sequence[str], names_among: AbstractSet[str] | None = None
    ) -> list[Terms]:
        """The stems of each text, each with how often, and those only ever used inside a
        name, among ``names_among`` when given."""
        found = []
        for words, starters in quicksplit.split_all(texts):
            words, stems = self._stemmed(words)
            counts = Counter(filter(None, stems))
            found.append(Terms(counts, _names(words, stems, starters, counts, names_among)))
        return found

    def _stemmed(self, words: list[str]) -> tuple[list[str], list[str | None]]:
        """The words but the country's name's, and the stem of each (None: it tells nothing).

        The country's name is left out as written ("Montenegro's", "MONTENEGRO"), not by stem
        ("Montenegrin" stays); only a word with one of its stems can be one of its words.
        """
        stems = [self.known[word] for word in words]
        if not self.country_stems.isdisjoint(stems):
            kept = [
                (word, stem)
                for word, stem in zip(words, stems, strict=True)
                if stem not in self.country_stems or normal(word) not in self.country
            ]
            words, stems = [word for word, _ in kept], [stem for _, stem in kept]
        return words, stems


def _names(
    words: list[str],
    stems: list[str | None],
    starters: list[str],
    counts: dict[str, int],
    names_among: AbstractSet[str] | None,
) -> frozenset[str]:
    """The stems only ever used inside a name in a text, among ``names_among`` when given.

    A word is in a name when it is capitalised (not all in capitals: acronyms such as ICSE
    are kept at full weight, few items name them and those that do are about them), unless
    the text also uses it to start a sentence. A stem is a name's when all its words are.
    """
    if names_among is not None and names_among.isdisjoint(stems):
        return frozenset()
    named = {word for word in words if word[0].isupper() and not word.isupper()}
    named.difference_update(starters)
    if not named:
        return frozenset()
    pairs = zip(words, stems, strict=True)
    in_names = Counter(stem for word, stem in pairs if stem and word in named)
    only_in_names = {stem for stem, n in in_names.items() if n == counts[stem]}
    if names_among is not None:
        only_in_names &= names_among
    return frozenset(only_in_names)

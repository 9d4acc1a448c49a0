"""The form's headings as the importer looks for them, and finding them in a run of words.

Every policy target, operational goal and section of ``schema/form.yaml`` is a phrase, and so
are the variants of ``wording.yaml``. Text is compared word by word, in lower case, without
punctuation, so that case, punctuation and line breaks do not matter; a phrase is found where
enough of its words come in order (the longest common subsequence), which tolerates a few
words changed. Labels such as "Policy target No. 2", "Operational goal 2.1:" and "C)" anchor a
heading: after one, less of the official wording is needed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from galint.form.spec import form

WORDING_PATH = os.path.join(os.path.dirname(__file__), "wording.yaml")

WORD = re.compile(r"[^\W_]+")

# Labels, matched from the first word of a line (or where a heading ended).
TARGET_LABEL = re.compile(
    r"(?:policy\s+target|target)\s*(?:no\.?|nr\.?|number|n[°º]\.?|#)?\s*(?P<n>\d)\b(?![.,]\d)"
    r"|policy\s+target\b",
    re.IGNORECASE,
)
GOAL_LABEL = re.compile(
    r"(?:operational\s+goal|goal)\s*(?:no\.?|nr\.?|number)?\s*"
    r"(?:(?P<t>\d)\.(?P<g>\d)\b|(?P<n>\d)\b(?![.,]\d))"
    r"|operational\s+goals?\b",
    re.IGNORECASE,
)
SECTION_LABEL = re.compile(
    r"(?:section\s+)?\(?(?P<letter>[ABC])\s*[).:](?=\s|$)|section\s+(?P<named>[ABC])\b"
)

# Share of a phrase's words a heading must have: without a label, and after one.
ALONE = 0.75
ANCHORED = 0.5
# A phrase this short is a heading only as a whole line, or after a label.
SHORT = 3


@dataclass(frozen=True, slots=True)
class Phrase:
    """A heading's words. ``kind`` is "title", "target", "goal" or "section"."""

    kind: str
    words: tuple[str, ...]
    target: int = 0
    goal: int = 0
    edition: str = ""
    section: str = ""


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading found: what it names, and the words it spans (``end`` excluded)."""

    kind: str
    start: int
    end: int
    target: int = 0
    goal: int = 0
    edition: str = ""
    section: str = ""
    # Its label only, without the wording it labels ("Operational goal:" alone).
    bare: bool = False


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


@dataclass(frozen=True, slots=True)
class Wording:
    """Every phrase, and an index by first and second word."""

    phrases: tuple[Phrase, ...]
    by_word: dict[str, tuple[Phrase, ...]]
    countries: dict[str, str]

    def starting(self, word: str) -> tuple[Phrase, ...]:
        return self.by_word.get(word, ())


_FILLER = frozenset({"the", "of", "a", "an", "to", "and", "in", "that", "on", "for", "your"})


@cache
def wording() -> Wording:
    """The form's headings and their variants, read once."""
    import yaml

    with open(WORDING_PATH, encoding="utf-8") as stream:
        extra = yaml.safe_load(stream)
    phrases = list(_form_phrases())
    for edition, titles in extra["titles"].items():
        phrases += [Phrase("title", tuple(words(t)), edition=edition) for t in titles]
    for edition, sections in extra["sections"].items():
        for key, variants in sections.items():
            phrases += [
                Phrase("section", tuple(words(v)), edition=edition, section=key) for v in variants
            ]
    index: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        index.setdefault(phrase.words[0], []).append(phrase)
        # A heading that lost its first word ("Please", "Description of") is still found.
        if len(phrase.words) > SHORT and phrase.words[1] not in _FILLER:
            index.setdefault(phrase.words[1], []).append(phrase)
    return Wording(
        tuple(phrases),
        {word: tuple(found) for word, found in index.items()},
        {name.lower(): code for name, code in extra["countries"].items()},
    )


def _form_phrases() -> Iterator[Phrase]:
    spec = form()
    for target in spec.targets:
        yield Phrase("target", tuple(words(target.title)), target=target.number)
        for goal in target.goals:
            yield Phrase("goal", tuple(words(goal.title)), target=goal.target, goal=goal.number)
    for edition in spec.editions:
        for section in edition.sections:
            for text in (section.title, section.question):
                yield Phrase(
                    "section", tuple(words(text)), edition=edition.form, section=section.key
                )


def align(phrase: Sequence[str], tokens: Sequence[str], start: int, stop: int) -> tuple[int, int]:
    """Where ``phrase`` ends if it starts at ``tokens[start]``, and how many of its words
    were found there: the end that best trades words found against words that are not the
    phrase's (each costs as much as a word found)."""
    size = len(phrase)
    limit = min(stop, start + size + size // 2 + 2)
    row = [0] * (size + 1)
    best_score, best_end, best_found = 0.0, start, 0
    for j in range(start, limit):
        token = tokens[j]
        new = [0] * (size + 1)
        for k in range(1, size + 1):
            if phrase[k - 1] == token:
                new[k] = row[k - 1] + 1
            else:
                new[k] = new[k - 1] if new[k - 1] > row[k] else row[k]
        row = new
        found = row[size]
        score = found - (j + 1 - start - found)
        if score > best_score:
            best_score, best_end, best_found = score, j + 1, found
        elif best_score - score > 4:
            break
    return best_end, best_found

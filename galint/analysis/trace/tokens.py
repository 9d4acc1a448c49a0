"""Splitting a text into its words, and telling which of them start a sentence."""

from __future__ import annotations

import re

from galint.analysis.trace.vocabulary import SENTENCE_START

# Letters with at most one apostrophe inside ("children's"), or digits: "Q3" is two words.
WORD = r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?|\d+"
# A word, and the character before it and its spaces when that is neither a letter nor a digit.
_TOKEN = re.compile(rf"([^\w\s]?)\s*({WORD})")


def split(text: str) -> tuple[list[str], list[str]]:
    """The words of a text, and those among them that start a sentence: the text's first, and
    each after a full stop, a colon, a dash, a bracket, a quote... (SENTENCE_START) and
    spaces."""
    # The "." put first makes the text's start one.
    tokens = _TOKEN.findall("." + text)
    words = [word for _, word in tokens]
    return words, [word for before, word in tokens if before in SENTENCE_START]

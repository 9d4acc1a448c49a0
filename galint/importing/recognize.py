"""Finding the form's headings in a document's lines.

The lines' words make one stream, so that a heading may run over several lines (a PDF's line
breaks, a table's label cell broken by a page). Headings are looked for where a line starts and
where another heading ended; a bulleted line is an answer, never an unlabelled heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from galint.importing.headings import (
    ALONE,
    ANCHORED,
    GOAL_LABEL,
    SECTION_LABEL,
    SHORT,
    TARGET_LABEL,
    WORD,
    Heading,
    Phrase,
    align,
    wording,
)
from galint.importing.lines import MARKER

# After a label whose wording was not found, this many more words on its line are still
# taken as the heading's own ("Policy target 1: victims").
BARE_TAIL = 6


@dataclass(slots=True)
class Stream:
    """The words of some lines, each with its line and its place in that line's text."""

    texts: list[str]
    tokens: list[str]
    places: list[tuple[int, int, int]]  # (line, start, end) of each word
    firsts: list[int | None]  # each line's first word after its bullet, if any
    ends: list[int]  # each line's end: the index after its last word
    stops: list[int]  # where a heading starting on the line must end: the next bulleted line
    bulleted: list[bool]

    @classmethod
    def of(cls, texts: Sequence[str], listed: Sequence[bool]) -> Stream:
        tokens: list[str] = []
        places: list[tuple[int, int, int]] = []
        firsts: list[int | None] = []
        ends: list[int] = []
        bulleted: list[bool] = []
        for number, text in enumerate(texts):
            marker = MARKER.match(text)
            skip = marker.end() if marker else 0
            first = None
            for found in WORD.finditer(text):
                if first is None and found.start() >= skip:
                    first = len(tokens)
                tokens.append(found.group().lower())
                places.append((number, found.start(), found.end()))
            firsts.append(first)
            ends.append(len(tokens))
            bulleted.append(bool(listed[number] or marker))
        stops = [len(tokens)] * len(texts)
        following = len(tokens)
        for number in range(len(texts) - 1, -1, -1):
            stops[number] = following
            if bulleted[number] and firsts[number] is not None:
                following = min(following, ends[number - 1] if number else 0)
        return cls(list(texts), tokens, places, firsts, ends, stops, bulleted)

    def after(self, line: int, char: int) -> int:
        """The first word of ``line`` that starts at or after ``char``, else the next line's."""
        index = self.firsts[line] if self.firsts[line] is not None else self.ends[line]
        while index < self.ends[line] and self.places[index][1] < char:
            index += 1
        return index


@lru_cache(maxsize=4096)
def heading(text: str) -> bool:
    """Whether a line of its own starts with a heading of the form."""
    stream = Stream.of([text], [False])
    return stream.firsts[0] is not None and _at(stream, stream.firsts[0], False) is not None


def find(stream: Stream) -> list[Heading]:
    """The headings of the stream, in order."""
    found: list[Heading] = []
    consumed = 0
    for line, first in enumerate(stream.firsts):
        if first is None or first < consumed:
            continue
        position = first
        at_start = True
        while position < len(stream.tokens):
            heading = _at(stream, position, at_start and stream.bulleted[line])
            if heading is None:
                break
            found.append(heading)
            position = heading.end
            at_start = False
        consumed = position
    return found


def _at(stream: Stream, position: int, bulleted: bool) -> Heading | None:
    line, char, _ = stream.places[position]
    rest = stream.texts[line][char:]
    stop = stream.stops[line]
    for kind, label in (("target", TARGET_LABEL), ("goal", GOAL_LABEL), ("section", SECTION_LABEL)):
        matched = label.match(rest)
        if matched:
            heading = _labelled(stream, kind, matched, position, stop)
            if heading is not None:
                return heading
    return None if bulleted else _unlabelled(stream, position, stop)


def _labelled(
    stream: Stream, kind: str, matched: re.Match[str], position: int, stop: int
) -> Heading | None:
    """The heading a label starts: with the wording it labels when that follows."""
    line, char, _ = stream.places[position]
    after = stream.after(line, char + matched.end())
    labelled = _label(kind, matched.groupdict(), position, after)
    if labelled is None:
        return None
    phrases, bare = labelled
    best = _best(stream, phrases, after, stop, ANCHORED, labelled=True)
    if best is not None:
        return _heading_of(best[0], position, best[1])
    # Only the label: a heading if little else is on its line, which it then takes.
    if stream.ends[line] - after > BARE_TAIL:
        return None
    return replace(bare, end=max(after, stream.ends[line]))


def _label(
    kind: str, groups: dict[str, str | None], position: int, after: int
) -> tuple[list[Phrase], Heading] | None:
    """The phrases a label may be followed by, and the heading it is alone."""
    return _LABELS[kind](groups, position, after)


def _target_label(
    groups: dict[str, str | None], position: int, after: int
) -> tuple[list[Phrase], Heading]:
    number = int(groups.get("n") or 0)
    targets = [p for p in wording().phrases if p.kind == "target"]
    phrases = [p for p in targets if p.target == number] or targets
    return phrases, Heading("target", position, after, target=number, bare=True)


def _goal_label(
    groups: dict[str, str | None], position: int, after: int
) -> tuple[list[Phrase], Heading]:
    target, goal = int(groups.get("t") or 0), int(groups.get("g") or groups.get("n") or 0)
    phrases = [p for p in wording().phrases if p.kind == "goal"]
    return phrases, Heading("goal", position, after, target=target, goal=goal, bare=True)


def _section_label(
    groups: dict[str, str | None], position: int, after: int
) -> tuple[list[Phrase], Heading] | None:
    section = _lettered(groups.get("letter") or groups.get("named") or "")
    if section is None:
        return None
    edition, key = section
    phrases = [p for p in wording().phrases if p.kind == "section" and p.section == key]
    return phrases, Heading("section", position, after, edition=edition, section=key, bare=True)


_LABELS = {"target": _target_label, "goal": _goal_label, "section": _section_label}


def _heading_of(phrase: Phrase, start: int, end: int) -> Heading:
    return Heading(
        phrase.kind,
        start,
        end,
        target=phrase.target,
        goal=phrase.goal,
        edition=phrase.edition,
        section=phrase.section,
    )


def _lettered(letter: str) -> tuple[str, str] | None:
    from galint.form.spec import form

    for edition in form().editions:
        for section in edition.sections:
            if section.letter == letter:
                return edition.form, section.key
    return None


def _unlabelled(stream: Stream, position: int, stop: int) -> Heading | None:
    phrases = wording().starting(stream.tokens[position])
    best = _best(stream, phrases, position, stop, ALONE, labelled=False)
    if best is None:
        return None
    return _heading_of(best[0], position, best[1])


def _best(
    stream: Stream,
    phrases: Sequence[Phrase],
    start: int,
    stop: int,
    share: float,
    labelled: bool,
) -> tuple[Phrase, int] | None:
    """The phrase found best at ``start`` with at least ``share`` of its words, and its end."""
    if start >= stop:
        return None
    line = stream.places[start][0]
    best: tuple[float, Phrase, int] | None = None
    for phrase in phrases:
        end, found = align(phrase.words, stream.tokens, start, stop)
        size = len(phrase.words)
        extra = end - start - found
        if found < share * size or found == 0 or extra > max(2, 0.3 * size):
            continue
        if size < SHORT and not _whole_line(stream, line, start, end, found, size, labelled):
            continue
        score = found - extra
        if best is None or score > best[0]:
            best = (score, phrase, end)
    return None if best is None else (best[1], best[2])


def _whole_line(
    stream: Stream, line: int, start: int, end: int, found: int, size: int, labelled: bool
) -> bool:
    """A short phrase is a heading as a whole line of its own, or as all a label's line holds."""
    if found < size:
        return False
    return end >= stream.ends[line] and (labelled or start == stream.firsts[line])

"""Placing a document's text in the form: which policy target, operational goal and section
each line answers, found from the headings between them.

Headings are looked for twice: in the first cells of table rows (the 2013 layout puts the
section's heading in a column of its own, which a page may break over several rows), then in
the text. A first cell that holds no heading, or only a label such as "Operational Goal:", is
read as part of its row's text. Text before any section is kept aside as unplaced.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from galint.form.spec import EditionSpec, form
from galint.importing import furniture
from galint.importing.headings import Heading
from galint.importing.lines import Line, squeeze
from galint.importing.recognize import Stream, find

# What remains of a line after a heading is an answer if it has a letter or a digit, or is a
# placeholder.
_ANSWER = re.compile(r"[^\W_]")
_PLACEHOLDERS = frozenset({"/", "-", "\u2013", "\u2014", "...", "\u2026"})

# Where unplaced text was found: () before the first target, (t,), or (t, g).
Place = tuple[int, ...]
# A section to fill: (target, goal, section key); the goal is 0 where sections are per target.
Slot = tuple[int, int, str]


@dataclass(slots=True)
class Piece:
    """What a line holds besides headings."""

    text: str
    line: Line
    # It follows a heading on its line, so it starts an answer of its own.
    fresh: bool = False


@dataclass(slots=True)
class Draft:
    """A document read against the form, before its text is cut into items."""

    edition: EditionSpec | None
    country: tuple[str, str] | None = None
    sections: dict[Slot, list[Piece]] = field(default_factory=dict)
    unplaced: list[tuple[Place, Piece]] = field(default_factory=list)
    # What was left out as a page's furniture: page numbers, repeated headers.
    left_out: list[str] = field(default_factory=list)
    headings: int = 0


def place(lines: Sequence[Line], find_country) -> Draft:  # type: ignore[no-untyped-def]
    """Read ``lines`` against the form; ``find_country`` names the country from the text
    before the first heading (a list of strings), or returns None."""
    lines, left_out = furniture.strip(lines)
    label_events = _fold_labels(lines)
    stream = Stream.of([line.text for line in lines], [line.listed for line in lines])
    headings = find(stream)
    pieces = list(_pieces(lines, stream, headings))
    draft = Draft(_edition(headings, label_events), left_out=left_out)
    draft.headings = sum(1 for h in [*headings, *(h for _, h in label_events)] if h.kind != "title")
    events = sorted(
        [((stream.places[h.start][0], 0, 0), h) for h in headings]
        + [((line, -1, 0), h) for line, h in label_events]
        + [((p.line_index, 1, p.start), p.piece) for p in pieces],  # type: ignore[misc]
        key=lambda event: event[0],
    )
    _walk(draft, [event for _, event in events], find_country)
    return draft


@dataclass(slots=True)
class _Placed:
    piece: Piece
    line_index: int
    start: int


def _fold_labels(lines: Sequence[Line]) -> list[tuple[int, Heading]]:
    """The headings in the table rows' first cells, each with the line it starts on. A first
    cell with none, or with only a label, becomes part of its row's text."""
    labelled = [n for n, line in enumerate(lines) if line.label]
    if not labelled:
        return []
    stream = Stream.of([lines[n].label for n in labelled], [False] * len(labelled))
    headings = [h for h in find(stream) if not h.bare]
    covered = {stream.places[i][0] for h in headings for i in range(h.start, h.end)}
    for index, number in enumerate(labelled):
        if index not in covered:
            line = lines[number]
            line.text = squeeze(f"{line.label} {line.text}")
            line.label = ""
    return [(labelled[stream.places[h.start][0]], h) for h in headings]


def _pieces(
    lines: Sequence[Line], stream: Stream, headings: Sequence[Heading]
) -> Iterator[_Placed]:
    """Each line's text outside headings: a heading covers the start of a line, all of it, or
    nothing, so what remains of a line is its end."""
    covered_to: dict[int, int] = {}
    for heading in headings:
        for index in range(heading.start, heading.end):
            line, _, end = stream.places[index]
            covered_to[line] = max(covered_to.get(line, 0), end)
    for number, line in enumerate(lines):
        start = covered_to.get(number, 0)
        text = line.text[start:]
        if start:
            text = text.lstrip(" \t:.;,)\u2013\u2014-")
            if not _ANSWER.search(text) and text.strip() not in _PLACEHOLDERS:
                continue
        elif not text.strip():
            continue
        yield _Placed(Piece(text.strip(), line, fresh=bool(start)), number, start)


def _edition(
    headings: Sequence[Heading], labels: Sequence[tuple[int, Heading]]
) -> EditionSpec | None:
    """The edition whose sections the document has most of, else the one its title names."""
    every = [*headings, *(h for _, h in labels)]
    sections = Counter(h.edition for h in every if h.kind == "section")
    titles = Counter(h.edition for h in every if h.kind == "title" and h.edition)
    counts = sections or titles
    if not counts:
        return None
    best = max(counts.items(), key=lambda item: (item[1], titles.get(item[0], 0)))[0]
    return form().edition(best)


@dataclass(slots=True)
class _State:
    target: int = 0
    goal: int = 0
    section: str | None = None
    # A goal heading came since the last section heading.
    new_goal: bool = False
    started: bool = False


def _walk(draft: Draft, events: Sequence[Heading | Piece], find_country) -> None:  # type: ignore[no-untyped-def]
    state = _State()
    preamble: list[Piece] = []
    for event in events:
        if isinstance(event, Piece):
            _content(draft, state, event, preamble)
        elif event.kind != "title":
            if not state.started:
                state.started = True
                _preamble(draft, preamble, find_country)
            _heading(draft, state, event)
    if not state.started:
        _preamble(draft, preamble, find_country)


def _preamble(draft: Draft, pieces: list[Piece], find_country) -> None:  # type: ignore[no-untyped-def]
    for piece in pieces:
        if draft.country is None and (found := find_country([piece.text])) is not None:
            draft.country = found
            continue
        draft.unplaced.append(((), piece))
    pieces.clear()


def _content(draft: Draft, state: _State, piece: Piece, preamble: list[Piece]) -> None:
    if not state.started:
        preamble.append(piece)
    elif state.section is None or draft.edition is None:
        where = (state.target, state.goal) if state.goal else (state.target,)
        draft.unplaced.append((where if state.target else (), piece))
    else:
        draft.sections.setdefault((state.target, state.goal, state.section), []).append(piece)


def _heading(draft: Draft, state: _State, heading: Heading) -> None:
    if heading.kind == "target":
        number = heading.target or state.target + 1
        if number != state.target:
            state.target, state.goal, state.section, state.new_goal = number, 0, None, False
    elif heading.kind == "goal":
        _goal(draft, state, heading)
    elif heading.kind == "section" and draft.edition is not None:
        if heading.edition != draft.edition.form:
            return
        if draft.edition.per == "goal":
            _next_goal(draft.edition, state, heading.section)
        state.section = heading.section
        state.new_goal = False
        state.target = state.target or 1
        draft.sections.setdefault((state.target, state.goal, heading.section), [])


def _goal(draft: Draft, state: _State, heading: Heading) -> None:
    """A goal's heading names the goal, and its target where the wording tells; where the
    sections are per target, goals are only headings."""
    if heading.target and heading.target != state.target:
        state.target, state.goal, state.section = heading.target, 0, None
    number = heading.goal or state.goal + 1
    if draft.edition is not None and draft.edition.per == "goal" and number != state.goal:
        state.goal, state.section, state.new_goal = number, None, True


def _next_goal(edition: EditionSpec, state: _State, section: str) -> None:
    """A section of a goal's sections again, with no goal heading between: the next goal."""
    keys = [s.key for s in edition.sections]
    if state.goal == 0:
        state.goal = 1
    elif (
        state.section is not None
        and not state.new_goal
        and keys.index(section) < keys.index(state.section)
    ):
        target = form().target(state.target)
        if target is not None and state.goal < len(target.goals):
            state.goal += 1

"""A match of the candidate pattern read into a Timeframe, or turned down.

* ``start``/``end`` are the first and last day covered; a deadline ("by June 2014", "end of
  2014", "2014 at the latest") has an open start, an open start ("from", "since", "as of",
  "starting", "onwards") has an open end. "before X" ends the day before X starts ("before
  2015" is 2014-12-31) unless it says "before the end of X"; "after X" starts the day after X.
* Ranges cover both ends: "III - IV Q 2013" is 2013-07-01..2013-12-31, "2013 and 2014" is two
  years. A month or season range that runs backwards wraps into the year before ("December -
  February 2014" starts 2013-12-01); any other backwards range is not a timeframe.
* Relative times ("next year", "by the end of the year", "within six months") are "vague":
  they cannot be dated without the report's year.

In running text (``in_text``), a bare year or a numeric month ("12/2013") needs a time context:
it fills a bracket, forms a range, or follows a time word (during, in, by, until, from, since,
end of, year, period...) and is not followed by a lowercase noun ("in 2000 schools" is not a
year). Plain "of 2000" is no context: "a total of 2000 officers" is not a year. An adjective of
the continuous family (continuous, ongoing, permanent, yearly) or a vague adjective
(short-term, later) counts only when it fills a bracket or ends the sentence: "2 on-going
investigations" has no timeframe, "(ongoing)" and "is ongoing." do. Adverbs and phrases
(continuously, regularly, annually, on a regular basis, as soon as possible, in due course,
soon, TBD) count anywhere.
"""

import datetime
import re
from typing import NamedTuple

from galint.analysis.timeframe import patterns
from galint.analysis.timeframe.atoms import Atom, atom, partial_start
from galint.analysis.timeframe.value import Timeframe
from galint.analysis.timeframe.words import BEFORE, DEADLINE, FOLLOW_OK, NOT_CONTEXT, OPEN

# The answer for a well-formed but impossible range ("2014 - 2013"): not a timeframe, and
# nothing inside it may be read as one either.
SKIP = Timeframe("none")

_ONE_DAY = datetime.timedelta(days=1)

# The groups of undated words: kind, and whether they count anywhere in running text or only
# where a timeframe may stand.
_UNDATED = (
    ("cany", "continuous", True),
    ("vany", "vague", True),
    ("cword", "continuous", False),
    ("vword", "vague", False),
)


def read_match(m: re.Match[str], text: str, in_text: bool, fills: bool) -> Timeframe | None:
    """Turn one match into a Timeframe; None when it is not one after all, SKIP when it is a
    range that cannot be, such as one that runs backwards.

    ``in_text`` applies the rules of running text; ``fills`` says the match fills a bracket.
    """
    for group, kind, anywhere in _UNDATED:
        if m[group] is not None:
            s, e = m.span(group)
            stands = anywhere or fills or patterns.END_OF_SENTENCE.match(text, e) is not None
            if in_text and not stands:
                return None
            return Timeframe(kind, None, None, text[s:e], (s, e))
    return _dated(m, text, in_text, fills)


class _Before(NamedTuple):
    """What the words before a date ("by the end of") say of it."""

    context: bool  # a word that tells, not only "the", "of", "at"...
    deadline: bool  # "by", "until", "before"... or ".." (an open start)
    before: bool  # "before" or "prior", without "end": up to the day before
    after: bool
    opens: bool  # "from", "since"...: an open end


def _before(pre: str) -> _Before:
    """Read the words before a date; ``pre`` is in lower case, as the match it comes from."""
    words = frozenset(patterns.WORD.findall(pre))
    return _Before(
        context=bool(words - NOT_CONTEXT),
        deadline=bool(words & DEADLINE) or pre.lstrip().startswith(".."),
        before=bool(words & BEFORE) and "end" not in words,
        after="after" in words,
        opens=bool(words & OPEN),
    )


class _Dates(NamedTuple):
    """A dated match's days, before the words around it open either end."""

    start: datetime.date
    end: datetime.date
    stop: int  # where the timeframe ends in the text
    is_range: bool
    post: str  # the words after it ("onwards", "at the latest"), in lower case


def _dated(m: re.Match[str], text: str, in_text: bool, fills: bool) -> Timeframe | None:
    before = _before(m["pre"] or "")
    post = (m["post"] or "").strip().lower()
    if m["pl"] is not None:
        dates = _partial_range(m, in_text, post)
    else:
        dates = _atom_or_range(m, text, in_text, fills, before, post)
    if dates is None or dates is SKIP:
        return dates
    lo, hi = _open_ends(dates, before)
    s, e = m.start("cand"), dates.stop
    return Timeframe("interval", lo, hi, text[s:e], (s, e))


def _partial_range(m: re.Match[str], in_text: bool, post: str) -> _Dates | Timeframe | None:
    """A range whose left side takes its year from the right: "Q1-Q2 2015"."""
    right = atom(m["b1"])
    if right is None:
        return None
    lo = partial_start(m["pl"], right)
    if lo is None:
        return SKIP if in_text else None
    return _Dates(lo, right.end, m.end("cand"), True, post)


def _atom_or_range(
    m: re.Match[str], text: str, in_text: bool, fills: bool, before: _Before, post: str
) -> _Dates | Timeframe | None:
    """One atom ("2014"), or a range of two ("2013 - 2014")."""
    left = atom(m["a"])
    if left is None:
        return None
    dates = _Dates(left.start, left.end, m.end("cand"), m["b"] is not None, post)
    if dates.is_range:
        dates = _range(m, left, dates, in_text)
        if not isinstance(dates, _Dates):
            return dates
        fills = fills and dates.is_range  # a range cut to its left side fills no bracket
    bare = left.weak and not (dates.is_range or dates.post or fills)
    if in_text and bare and not _in_time_context(text, dates.stop, before):
        return None
    return dates


def _range(m: re.Match[str], left: Atom, dates: _Dates, in_text: bool) -> _Dates | Timeframe | None:
    """A range of two atoms, from the start of the left to the end of the right. A backwards
    one is no timeframe, but in running text "in 2013 and 2000 officers" keeps its left side,
    as a year on its own."""
    right = atom(m["b"])
    if right is not None and left.start <= right.start and left.end <= right.end:
        return dates._replace(end=right.end)
    if not in_text:
        return None
    if right is not None and (not right.weak or not m["sep"].strip().isalpha()):
        return SKIP
    return dates._replace(stop=m.end("a"), is_range=False, post="")


def _in_time_context(text: str, stop: int, before: _Before) -> bool:
    """Whether a bare number is a year: "in 2014", not "of 2000" or "in 2000 schools"."""
    if not before.context:
        return False
    following = patterns.NEXT_WORD.match(text, stop, min(len(text), stop + 40))
    return following is None or not following[1].islower() or following[1] in FOLLOW_OK


def _open_ends(dates: _Dates, before: _Before) -> tuple[datetime.date | None, datetime.date | None]:
    """The first and last day, once the words around the dates have opened either end."""
    lo, hi = dates.start, dates.end
    if before.before:
        return None, lo - _ONE_DAY
    if before.deadline or dates.post.startswith("at"):
        return None, hi
    if before.after:
        return hi + _ONE_DAY, None
    if (before.opens and not dates.is_range) or dates.post:
        return lo, None
    return lo, hi

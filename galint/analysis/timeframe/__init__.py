"""Timeframes of planned actions: "(III - IV Q 2013)", "(continuous)", "by 31.12.2014".

``parse`` reads a value written on its own (a ``timeframe:`` field); ``extract`` finds the
timeframe inside an action's sentence. Both return a ``Timeframe`` and never raise.

Reading rules a reviewer should know:

* ``start``/``end`` are the first and last day covered; a deadline ("by June 2014", "end of
  2014", "2014 at the latest") has an open start, an open start ("from", "since", "as of",
  "starting", "onwards") has an open end. "before X" ends the day before X starts ("before
  2015" is 2014-12-31) unless it says "before the end of X"; "after X" starts the day after X.
* Ranges cover both ends: "III - IV Q 2013" is 2013-07-01..2013-12-31, "2013 and 2014" is two
  years. A month or season range that runs backwards wraps into the year before ("December -
  February 2014" starts 2013-12-01); any other backwards range is not a timeframe.
* "winter 2014" is 2014-12-01..2015-02-28. Numbers are day first ("30/06/2014"); "2014-03" is
  March 2014, "2014/15" is 2014..2015. Only ASCII digits; years 1990-2099.
* In ``extract`` a bare year or a numeric month ("12/2013") needs a time context: it fills a
  bracket, forms a range, or follows a time word (during, in, by, until, from, since, end of,
  year, period...) and is not followed by a lowercase noun ("in 2000 schools" is not a year).
  Plain "of 2000" is no context: "a total of 2000 officers" is not a year.
* In ``extract`` an adjective of the continuous family (continuous, ongoing, permanent, yearly)
  or a vague adjective (short-term, later) counts only when it fills a bracket or ends the
  sentence: "2 on-going investigations" has no timeframe, "(ongoing)" and "is ongoing." do.
  Adverbs and phrases (continuously, regularly, annually, on a regular basis, as soon as
  possible, in due course, soon, TBD) count anywhere.
* Relative times ("next year", "by the end of the year", "within six months") are "vague":
  they cannot be dated without the report's year.
* ``extract`` prefers a candidate inside brackets, then the last one in the sentence (the
  tail). ``matched`` is the expression itself with its time words ("during 2013") but without
  the brackets around it.
"""

import calendar
import datetime
import functools
import re
from typing import NamedTuple

__all__ = ["EXPECTED", "NONE", "Reading", "Timeframe", "extract", "parse", "prepare", "read"]

EXPECTED = (
    "a year, quarter, half, month, date, deadline or 'continuous', "
    "e.g. 'Q3 2014', 'H1 2015', 'by 31.12.2014'"
)

_ONE_DAY = datetime.timedelta(days=1)
_BRACKET_REACH = 1000  # a bracket wider than this is prose, not a timeframe's bracket


class Timeframe(NamedTuple):
    """What a timeframe says; ``kind`` is "interval", "continuous", "vague" or "none"."""

    kind: str
    start: datetime.date | None = None
    end: datetime.date | None = None
    matched: str = ""
    span: tuple[int, int] | None = None

    def describe(self) -> str:
        """Short reading: "2013-07-01..2013-12-31", "..2014-06-30", "continuous"."""
        if self.kind != "interval":
            return self.kind
        lo = self.start.isoformat() if self.start else ""
        hi = self.end.isoformat() if self.end else ""
        return f"{lo}..{hi}"


NONE = Timeframe("none")
# _read's answer for a well-formed but impossible range: nothing inside it may be read either.
_SKIP = Timeframe("none")


class _Atom(NamedTuple):
    unit: str  # year, years, quarter, half, month, season, date, days
    start: datetime.date
    end: datetime.date
    weak: bool  # a bare number that needs a time context in running text


class _Regexes(NamedTuple):
    # The two large patterns are compiled only when first needed (see _large): most items of
    # a report have no year in them, and most reports have no timeframe fields.
    cand_src: str
    cand_undated: re.Pattern[str]  # for text without a year: no dated timeframe can be in it
    year: re.Pattern[str]
    whole_src: str
    blank: re.Pattern[str]
    end_of_sentence: re.Pattern[str]
    follower: re.Pattern[str]
    pre_words: re.Pattern[str]


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_INDEX = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DEADLINE = _words("by until untill till til up later latest end deadline due before prior")
_OPEN = _words("from as starting beginning commencing since effective effect")
# Words that do not make a bare number a year on their own ("a total of 2000 officers").
_NOT_CONTEXT = _words("the of at on for calendar fiscal")
# Words that may follow a year in running text; any other lowercase word makes it a count.
_FOLLOW_OK = _words(
    """and or to till until by the a an with through via within at in on for from as when while
    after before it we they this that these those there its their our will was were is are has
    have had should shall must can could would may might be been also already only onwards
    onward under during among between according one two three several some all each every new
    more further additional per respectively inclusive including which where who but so then not
    no both either year years"""
)

_DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]"
_Y = r"(?:199[0-9]|20[0-9]{2})(?![0-9])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
_ORD = r"(?:st|nd|rd|th)?"
_MNUM = r"(?:1[0-2]|0?[1-9])(?![0-9])"
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.|\b)"
)
_QIDX = r"(?:iv|i{1,3}|first|second|third|fourth|last|final|[1-4](?:st|nd|rd|th|\.)?)"
_QUNIT = r"(?:q\b|quarters?\b|qtr\b\.?)"
_HIDX = r"(?:ii|i|first|second|last|[12](?:st|nd|\.)?)"
_HUNIT = r"(?:h\b|half[\s-]?years?\b|halfs?\b|halves\b|semesters?\b)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)\b"
_OF_YEAR = r"\s*(?:[/.,'\u2019-]\s*)?(?:of\s+)?(?:the\s+)?(?:year\s+)?"
_RANGE_WORD = r"\b(?:to|and|until|till|through|thru)\b"

# Kind name -> source with named groups; order matters: the first that fits wins.
_ATOMS: tuple[tuple[str, str], ...] = (
    ("iso", rf"(?P<y>{_Y})[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])"),
    ("dmy_dash", rf"(?P<d>3[01]|[12][0-9]|0[1-9])-(?P<m>1[0-2]|0[1-9])-(?P<y>{_Y})"),
    ("dmy_num", rf"(?P<d>{_DAY})\s?[./]\s?(?P<m>{_MNUM})\s?[./]\s?(?P<y>{_Y})"),
    ("dmy_name", rf"(?P<d>{_DAY}){_ORD}\.?\s*(?:of\s+)?(?P<mon>{_MON})\s*,?\s*(?P<y>{_Y})"),
    (
        "mdd",
        (
            rf"(?P<mon>{_MON})\s*(?P<d>{_DAY}){_ORD}\s*(?:{_DASH}|&|{_RANGE_WORD})\s*"
            rf"(?P<d2>{_DAY}){_ORD}\s*,?\s*(?P<y>{_Y})"
        ),
    ),
    ("mdy_name", rf"(?P<mon>{_MON})\s*(?P<d>{_DAY}){_ORD}\s*,?\s*(?P<y>{_Y})"),
    ("mon_year", rf"(?P<mon>{_MON})\s*,?\s*(?:of\s+)?(?P<y>{_Y})"),
    ("quarter", rf"(?:\bq\s*(?P<qn>[1-4])|(?P<qw>{_QIDX})\s*{_QUNIT}){_OF_YEAR}(?P<y>{_Y})"),
    ("half", rf"(?:\bh\s*(?P<hn>[12])|(?P<hw>{_HIDX})\s*{_HUNIT}){_OF_YEAR}(?P<y>{_Y})"),
    (
        "season",
        (
            rf"(?:winter\s*(?P<wy>{_Y})\s*(?:/|{_DASH})\s*(?P<wy2>{_Y})"
            rf"|(?P<s>{_SEASON})\s*,?\s*(?:of\s+)?(?P<y>{_Y}))"
        ),
    ),
    ("ym", rf"(?P<y>{_Y})-(?P<m>1[0-2]|0[1-9])(?![0-9])"),
    ("mnum", rf"(?P<m>{_MNUM})\s?[./]\s?(?P<y>{_Y})"),
    ("yr2", rf"(?P<y>{_Y})\s?/\s?(?P<yy>[0-9]{{2}})(?![0-9])"),
    ("year", rf"(?P<y>{_Y})"),
)
_WEAK = frozenset({"ym", "mnum", "yr2", "year"})

# The left side of a range that borrows its year from the right side ("Q1-Q2 2015").
_PARTIALS: dict[str, str] = {
    "quarter": rf"(?:q\s*(?P<qn>[1-4])|(?P<qw>{_QIDX}))(?:\s*{_QUNIT})?",
    "half": rf"(?:h\s*(?P<hn>[12])|(?P<hw>{_HIDX}))(?:\s*{_HUNIT})?",
    "date": (
        rf"(?:(?P<d>{_DAY}){_ORD}\.?(?:\s*(?:of\s+)?(?P<mon>{_MON}))?"
        rf"|(?P<mon2>{_MON})\s*(?P<d2>{_DAY}){_ORD}"
        rf"|(?P<d3>{_DAY})\s?[./]\s?(?P<m3>{_MNUM})\.?)"
    ),
    "month": rf"(?P<mon>{_MON})",
    "season": rf"(?P<s>{_SEASON})",
}

_PRE_PHRASES = """by|until|untill|till|til|up to|up until|no later than|not later than|latest by
|at the latest by|before|prior to|end of|end|from|as of|as from|starting from|starting in
|starting with|starting|beginning from|beginning in|beginning with|beginning|commencing|since
|after|during|in|within|throughout|over|for|on|at|of|the|between|course of|period of|period
|calendar|fiscal|year|deadline|due by|due|sometime in|some time in|sometime|effective from
|effective|with effect from|timeframe|time frame"""

_CONT_ANY = (
    r"on\s+(?:an?\s+)?(?:continuous|continual|ongoing|on[-\u2010\u2011\s]?going|permanent"
    r"|regular|constant|daily|weekly|monthly|quarterly|yearly|annual|everyday)\s+basis"
    r"|continuously|continually|permanently|constantly|regularly|annually|perpetually"
    r"|(?:every|each)\s+year"
)
_CONT_WORD = (
    r"continuous|continual|continuing|ongoing|on[-\u2010\u2011\s]?going|permanent|yearly|constant"
)
_NUMBER_WORD = (
    r"(?:[0-9]{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen)"
)
_VAGUE_ANY = (
    r"as\s+soon\s+as\s+(?:possible|practicable|feasible)|asap|a\.s\.a\.p\.?"
    r"|(?:in\s+)?the\s+near(?:est)?\s+future"
    r"|in\s+the\s+(?:coming|following|next|forthcoming|upcoming)\s+(?:period|months?|years?)"
    r"|in\s+due\s+course|in\s+the\s+(?:short|medium|mid|long)[-\u2010\u2011\s]*term"
    r"|at\s+a\s+later\s+(?:stage|date|time|point)|later\s+(?:on|this\s+year)"
    r"|tbd|tbc|t\.b\.d\.?"
    r"|to\s+be\s+(?:determined|decided|defined|confirmed|agreed|scheduled|specified|announced)"
    r"|(?:(?:by|until|before)\s+)?(?:the\s+)?end\s+of\s+(?:the|this|next)\s+year"
    r"|(?:this|next|the\s+following|the\s+next)\s+year(?![\u2019']s)"
    rf"|within\s+(?:the\s+)?(?:next\s+)?{_NUMBER_WORD}\s+(?:days?|weeks?|months?|years?)"
    r"|in\s+the\s+future|when\s+(?:possible|feasible)|soon"
)
_VAGUE_WORD = r"(?:short|medium|mid|long)[-\u2010\u2011\s]*term|later|future"


# Beginnings of the words that can open each kind of timeframe, for cheap look-aheads that spare
# the full pattern at most word starts: stems cover every word they begin ("contin"), short
# words only themselves ("in" but not "international").
_ATOM_STEMS = """jan feb mar apr may jun jul aug sep oct nov dec first second third fourth last
final spring summer autumn fall winter"""
_ATOM_SPECIAL = r"[0-9]|q\s*[1-4]|h\s*[12]|(?:iv|i{1,3})\b"
_CV_STEMS = """contin perman perpetual constant regular annual every each ongoing yearly asap
a.s.a.p later tbd tbc t.b.d soon short medium mid long future within when this next"""
# The short words that open an undated timeframe, with what follows them there ("in the
# near future", "on a regular basis", "to be determined"): "in", "the" and "to" open many of
# a sentence's words and few of its timeframes.
_CV_OPENERS = (
    r"as\s+soon\s|on[\s\-\u2010\u2011]|the\s+(?:near|end|following|next)|in\s+(?:the|due)\s"
    r"|at\s+a\s+later\s|to\s+be\s|(?:by|until|before)\s+(?:the\s+)?end\s|end\s+of\s"
)


def _unnamed(src: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", src)


def _trie(words: list[str], prefix: bool) -> str:
    """One alternation for many literals, factored by shared beginnings (re does not do this).

    With ``prefix`` a word matches as soon as one of ``words`` is its beginning.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        if "" in node and (prefix or len(node) == 1):
            return ""
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        out = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{out})?" if "" in node else out

    return emit(tree)


# What may stand around a timeframe written on its own: "(Q3 2014);".
_OPENING_SRC = r"[\s(\[{]"
_CLOSING_SRC = r"[\s)\]};.,:]"


class _Sources(NamedTuple):
    cand: str  # a candidate, after the character before it
    undated: str  # the same for an undated candidate only
    whole: str  # a text that is a timeframe and nothing else


def _sources(gated: bool = True) -> _Sources:
    """The candidate patterns' sources. ``gated`` puts look-aheads in front that turn away, at
    little cost, most places where no candidate starts; they never turn one away (the tests
    compare the patterns with and without them), so they change the speed, not the matches.
    """
    atom = "(?:" + "|".join(_unnamed(src) for _, src in _ATOMS) + ")"
    partial = "(?:" + "|".join(_unnamed(src) for src in _PARTIALS.values()) + ")"
    phrases = [p.strip() for p in _PRE_PHRASES.split("|")]
    pre_sep = rf"(?:\s*:\s*|\s+|(?<=end){_DASH})"
    phrase = _trie(phrases, False)
    pre_token = rf"(?:\b{phrase}{pre_sep}|\.\.\s*)"
    atom_gate = rf"{_ATOM_SPECIAL}|{_trie(_ATOM_STEMS.split(), True)}"
    # A dated candidate starts with "..", an atom, or a phrase's first word, then another
    # word of a phrase, "..", or an atom: "in 2014", "by the end of", not "in cooperation".
    first_words = _trie([p.split()[0] for p in phrases], False)
    phrase_words = _trie(sorted({w for p in phrases for w in p.split()}), False)
    opened = rf"{first_words}(?:\s*:\s*|\s+|{_DASH})(?:{phrase_words}\b|\.\.|{atom_gate})"
    dated_gate = rf"(?=\.\.|{atom_gate}|{opened})" if gated else ""
    atom_gate = f"(?={atom_gate})"
    cv_gate = rf"(?={_trie(_CV_STEMS.split(), True)}|{_CV_OPENERS})" if gated else ""
    sep_full = rf"\s*(?:{_DASH}|\.\.|/|&|{_RANGE_WORD})\s*"
    sep_part = rf"\s*(?:{_DASH}|&|{_RANGE_WORD}|/(?!\s*[0-9]))\s*"
    post = (
        r"\s*(?:\b(?:and\s+)?onwards?\b|\band\s+beyond\b|\band\s+after\b|\bforward\b"
        r"|\bat\s+the\s+latest\b)|\.\."
    )
    dated = (
        rf"{dated_gate}(?P<pre>{pre_token}{{1,6}})?{atom_gate}"
        rf"(?:(?P<a>{atom})(?:(?P<sep>{sep_full})(?P<b>{atom}))?"
        rf"|(?P<pl>{partial}){sep_part}(?P<b1>{atom}))"
        rf"(?P<post>{post})?"
    )
    undated = (
        rf"{cv_gate}(?:(?P<cany>{_CONT_ANY})|(?P<cword>{_CONT_WORD})"
        rf"|(?P<vany>{_VAGUE_ANY})|(?P<vword>{_VAGUE_WORD}))"
    )
    cand = rf"(?P<cand>(?:{dated}|{undated})(?!\w))"
    # A candidate follows a character that is not part of a word, a number or a path, which
    # the search consumes: a pattern that starts with a character class lets the regex engine
    # skip ahead to such characters. Texts get a leading space (see _extract).
    return _Sources(
        cand=rf"[^\w./]{cand}",
        undated=rf"[^\w./](?P<cand>{undated}(?!\w))",
        whole=rf"{_OPENING_SRC}*(?<![\w./]){cand}{_CLOSING_SRC}*",
    )


@functools.cache
def _rx() -> _Regexes:
    """Compile everything once, on first use, so importing the module costs nothing."""
    # Texts are matched in ASCII lower case (see _lower): case-blind patterns are slower.
    flags = 0
    sources = _sources()
    return _Regexes(
        cand_src=sources.cand,
        cand_undated=re.compile(sources.undated, flags),
        year=re.compile(r"(?:199|20[0-9])[0-9]"),
        whole_src=sources.whole,
        blank=re.compile(r"[\s;.,:]*"),
        end_of_sentence=re.compile(r"[\s\"'\u201d\u2019]*(?:[.;!?]|$)"),
        follower=re.compile(r"\s+([a-z]+)\b"),
        pre_words=re.compile(r"[a-z]+", flags),
    )


@functools.cache
def _large(name: str) -> re.Pattern[str]:
    """The candidate pattern ("cand") or the whole-text pattern ("whole"), compiled once."""
    rx = _rx()
    return re.compile(rx.cand_src if name == "cand" else rx.whole_src)


_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _lower(text: str) -> str:
    """ASCII lower case, which keeps every offset (str.lower does not: "\u0130" becomes two
    characters). Only ASCII letters are folded: "\u017fpring" is not "spring"."""
    return text.lower() if text.isascii() else text.translate(_LOWER)


def _day(y: int, m: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> datetime.date:
    return datetime.date(y, m, calendar.monthrange(y, m)[1])


def _season(name: str, y: int) -> tuple[datetime.date, datetime.date] | None:
    first = _SEASONS.get(name.lower(), 0)
    if not first:
        return None
    last_year, last = (y + 1, 2) if first == 12 else (y, first + 2)
    return datetime.date(y, first, 1), _month_end(last_year, last)


def _index(token: str) -> int:
    token = token.lower().rstrip(".")
    if token in ("last", "final"):
        return 4
    return _INDEX.get(token[0] if token[0].isdigit() else token, 0)


def _month(name: str) -> int:
    return _MONTHS.get(name.lower()[:3], 0)


def _make(kind: str, m: re.Match[str]) -> _Atom | None:
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else 0
    if kind in ("iso", "dmy_dash", "dmy_num", "dmy_name", "mdy_name"):
        month = _month(g["mon"]) if g.get("mon") else int(g["m"])
        day = _day(y, month, int(g["d"]))
        return _Atom("date", day, day, False) if day else None
    if kind == "mdd":
        month = _month(g["mon"])
        lo, hi = _day(y, month, int(g["d"])), _day(y, month, int(g["d2"]))
        return _Atom("days", lo, hi, False) if lo and hi and lo <= hi else None
    if kind in ("mon_year", "ym", "mnum"):
        month = _month(g["mon"]) if g.get("mon") else int(g["m"])
        if not 1 <= month <= 12:
            return None
        return _Atom("month", datetime.date(y, month, 1), _month_end(y, month), kind in _WEAK)
    if kind == "quarter":
        q = int(g["qn"]) if g["qn"] else _index(g["qw"])
        if not 1 <= q <= 4:
            return None
        return _Atom("quarter", datetime.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), False)
    if kind == "half":
        h = int(g["hn"]) if g["hn"] else _index(g["hw"])
        if h == 4:  # "last half"
            h = 2
        if not 1 <= h <= 2:
            return None
        return _Atom("half", datetime.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), False)
    if kind == "season":
        if g["wy"]:
            y, name = int(g["wy"]), "winter"
            if int(g["wy2"]) != y + 1:
                return None
        else:
            name = g["s"]
        bounds = _season(name, y)
        return _Atom("season", *bounds, False) if bounds else None
    if kind == "yr2":
        y2 = y // 100 * 100 + int(g["yy"])
        if y2 <= y:
            return None
        return _Atom("years", datetime.date(y, 1, 1), datetime.date(y2, 12, 31), True)
    return _Atom("year", datetime.date(y, 1, 1), datetime.date(y, 12, 31), True)


_ATOM_SOURCES = dict(_ATOMS)
_YEAR_ONLY = (("year", _ATOM_SOURCES["year"]),)


@functools.cache
def _atom_rx(kind: str) -> re.Pattern[str]:
    """One kind of atom's pattern, compiled when first needed (texts are lower-cased)."""
    return re.compile(_ATOM_SOURCES[kind])


@functools.cache
def _partial_rx(unit: str) -> re.Pattern[str]:
    return re.compile(_PARTIALS[unit])


def prepare() -> None:
    """Compile every pattern now rather than on first use: for a process about to read many
    texts (a worker of a bulk run), which would otherwise wait for them on its first."""
    _large("cand")
    for kind in _ATOM_SOURCES:
        _atom_rx(kind)
    for unit in _PARTIALS:
        _partial_rx(unit)


@functools.lru_cache(maxsize=2048)
def _atom(src: str) -> _Atom | None:
    # Four digits can only be a year: the commonest atom needs no other pattern compiled.
    kinds = _YEAR_ONLY if len(src) == 4 and src.isdigit() else _ATOMS
    for kind, _ in kinds:
        m = _atom_rx(kind).fullmatch(src)
        if m is not None:
            atom = _make(kind, m)
            if atom is not None:
                return atom
    return None


def _partial_start(src: str, right: _Atom) -> datetime.date | None:
    """Start of the left side of "Q1-Q2 2015", "5-7 March 2014", "September-December 2013"."""
    unit = "date" if right.unit == "days" else right.unit
    rx = _partial_rx(unit) if unit in _PARTIALS else None
    m = rx.fullmatch(src) if rx is not None else None
    if m is None:
        return None
    g = m.groupdict()
    y = right.start.year
    wraps = False
    if unit == "quarter":
        q = int(g["qn"]) if g["qn"] else _index(g["qw"])
        lo = datetime.date(y, 3 * q - 2, 1) if 1 <= q <= 4 else None
    elif unit == "half":
        h = int(g["hn"]) if g["hn"] else _index(g["hw"])
        lo = datetime.date(y, 6 * h - 5, 1) if 1 <= h <= 2 else None
    elif unit == "month":
        lo, wraps = _day(y, _month(g["mon"]), 1), True
    elif unit == "season":
        bounds = _season(g["s"], y)
        lo, wraps = (bounds[0] if bounds else None), True
    elif g["d3"]:
        lo, wraps = _day(y, int(g["m3"]), int(g["d3"])), True
    elif g["mon2"] or g["mon"]:
        lo, wraps = _day(y, _month(g["mon2"] or g["mon"]), int(g["d2"] or g["d"])), True
    else:
        lo = _day(y, right.start.month, int(g["d"]))
    if lo is not None and lo > right.start and wraps:
        lo = lo.replace(year=y - 1) if (lo.month, lo.day) != (2, 29) else None
    if lo is None or lo > right.start:
        return None
    return lo


# The groups of continuous and vague words, each with its kind and whether it counts anywhere
# in a text or only where a timeframe may stand; as columns, for zip().
_WORD_GROUPS = (
    ("cany", "vany", "cword", "vword"),
    ("continuous", "vague", "continuous", "vague"),
    (True, True, False, False),
)


class _Before(NamedTuple):
    """What the words before a candidate ("by the end of") say of it."""

    context: bool  # a word that tells, not only "the", "of", "at"...
    deadline: bool  # "by", "until", "before"... or ".." (an open start)
    before: bool  # "before" or "prior", without "end": up to the day before
    after: bool
    opens: bool  # "from", "since"...: an open end


@functools.lru_cache(maxsize=256)
def _before(pre: str) -> _Before:
    """The words before a candidate, read once: a few dozen spellings ever occur. ``pre`` is
    in lower case, as the match it comes from."""
    words = frozenset(_rx().pre_words.findall(pre))
    return _Before(
        context=bool(words - _NOT_CONTEXT),
        deadline=bool(words & _DEADLINE) or pre.lstrip().startswith(".."),
        before=bool(words & {"before", "prior"}) and "end" not in words,
        after="after" in words,
        opens=bool(words & _OPEN),
    )


def _read(m: re.Match[str], text: str, in_text: bool, fills: bool) -> Timeframe | None:
    """Turn one regex match into a Timeframe, or None when it is not one after all.

    ``in_text`` applies extract()'s context rules; ``fills`` says the match fills a bracket.
    """
    words_found = m.group(*_WORD_GROUPS[0])
    for found, group, kind, anywhere in zip(words_found, *_WORD_GROUPS, strict=True):
        if found is not None:
            s, e = m.span(group)
            at_end = _rx().end_of_sentence.match(text, e) is not None
            if in_text and not anywhere and not fills and not at_end:
                return None
            return Timeframe(kind, None, None, text[s:e], (s, e))

    s = m.start("cand")
    before = _before(m["pre"] or "")
    post = (m["post"] or "").strip().lower()
    is_range = True
    if m["pl"] is not None:
        right = _atom(m["b1"])
        if right is None:
            return None
        lo = _partial_start(m["pl"], right)
        if lo is None:
            return _SKIP if in_text else None
        hi, e = right.end, m.end("cand")
    else:
        left = _atom(m["a"])
        if left is None:
            return None
        right = _atom(m["b"]) if m["b"] is not None else None
        lo, hi, e = left.start, left.end, m.end("cand")
        if right is not None and left.start <= right.start and left.end <= right.end:
            hi = right.end
        elif m["b"] is not None:
            if not in_text:
                return None
            # A backwards range is no timeframe; only "in 2013 and 2000 officers" keeps its left.
            if right is not None and (not right.weak or not m["sep"].strip().isalpha()):
                return _SKIP
            e, post, is_range, fills = m.end("a"), "", False, False
        else:
            is_range = False
        if in_text and left.weak and not is_range and not post and not fills:
            if not before.context:
                return None
            nxt = _rx().follower.match(text, e, min(len(text), e + 40))
            if nxt is not None and nxt[1].islower() and nxt[1] not in _FOLLOW_OK:
                return None

    if before.before:
        lo, hi = None, lo - _ONE_DAY
    elif before.deadline or post.startswith("at"):
        lo = None
    elif before.after:
        lo, hi = hi + _ONE_DAY, None
    elif (before.opens and not is_range) or post:
        hi = None
    return Timeframe("interval", lo, hi, text[s:e], (s, e))


def parse(text: str) -> Timeframe:
    """Read a timeframe written on its own, e.g. "Q3 2014"; kind "none" if the text is not one."""
    low = _lower(text)
    # Most fields hold the timeframe alone, which the candidate pattern finds at once; the
    # whole-text pattern, which compiles as slowly, is only needed for the others. Either way
    # the match is the one the whole-text pattern makes: the first candidate after the
    # opening brackets and spaces (none starts with one), when closing ones follow it.
    opening = _OPENING.match(low)
    start = opening.end() if opening else 0
    m = _large("cand").match(" " + low, start)  # the space stands for the text's start
    if m is not None and _CLOSING.fullmatch(low, m.end() - 1) is not None:
        found = _read(m, " " + text, in_text=False, fills=True)
        if found is None or found.span is None:
            return found or NONE
        return found._replace(span=(found.span[0] - 1, found.span[1] - 1))
    return _parse_whole(text)


def _parse_whole(text: str) -> Timeframe:
    """parse() with the whole-text pattern."""
    m = _large("whole").fullmatch(_lower(text))
    if m is None:
        return NONE
    return _read(m, text, in_text=False, fills=True) or NONE


_OPENING = re.compile(f"{_OPENING_SRC}*")
_CLOSING = re.compile(f"{_CLOSING_SRC}*")


def _bracket(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The innermost bracket pair around text[s:e], as (open, close) offsets, or None.

    Looks at most _BRACKET_REACH characters away so that long texts stay linear.
    """
    lo, hi = max(0, s - _BRACKET_REACH), min(len(text), e + _BRACKET_REACH)
    rfind = text.rfind
    opened = max(rfind("(", lo, s), rfind(")", lo, s), rfind("[", lo, s), rfind("]", lo, s))
    if opened < 0 or text[opened] not in "([":
        return None
    found = [i for i in (text.find(ch, e, hi) for ch in "()[]") if i >= 0]
    closed = min(found, default=-1)
    if closed < 0 or text[closed] != {"(": ")", "[": "]"}[text[opened]]:
        return None
    return opened, closed


def extract(text: str) -> Timeframe:
    """The timeframe in an item's sentence, read once however many rules ask."""
    # The cache holds item-sized texts only, so that its memory stays small.
    return _extract_cached(text) if len(text) <= 2000 else _extract(text)


# Rules and the tracer read the same sentences within one pair of reports, never across
# pairs: a small cache holds all the repeats, and a long bulk run does not fill memory with it.
@functools.lru_cache(maxsize=1024)
def _extract_cached(text: str) -> Timeframe:
    return _extract(text)


def _extract(original: str) -> Timeframe:
    """Find the timeframe in an action's sentence: bracketed first, then the last one."""
    found = _extract_shifted(" " + original)
    if found.span is None:
        return found
    start, end = found.span
    return Timeframe(found.kind, found.start, found.end, found.matched, (start - 1, end - 1))


def _extract_shifted(text: str) -> Timeframe:
    """_extract on the text after a space; the candidate patterns match the character before
    each candidate, so that the text's start needs one too. Offsets are in ``text``."""
    rx = _rx()
    low = _lower(text)
    dated = rx.year.search(low) is not None
    cand = _large("cand") if dated else rx.cand_undated
    quick = _last_bracket(text, low, cand)
    if quick is not None:
        return quick
    bracketed, best = _scan(text, low, cand, 0)
    return bracketed or best or NONE


_BRACKETS = re.compile(r"[()\[\]]")


def _scan(
    text: str, low: str, cand: re.Pattern[str], pos: int
) -> tuple[Timeframe | None, Timeframe | None]:
    """The last bracketed and the last other timeframe of the candidates from ``pos - 1`` on."""
    rx = _rx()
    best_bracketed: Timeframe | None = None
    best: Timeframe | None = None
    n = len(text)
    while pos <= n:
        m = cand.search(low, max(pos - 1, 0))
        if m is None:
            break
        s, e = m.span("cand")
        pair = _bracket(text, s, e)
        fills = (
            pair is not None
            and rx.blank.fullmatch(text, pair[0] + 1, s) is not None
            and rx.blank.fullmatch(text, e, pair[1]) is not None
        )
        tf = _read(m, text, in_text=True, fills=fills)
        if tf is _SKIP:
            pos = max(e, s + 1)
            continue
        if tf is None or tf.span is None:
            pos = s + 1
            continue
        if pair is not None:
            best_bracketed = tf
        else:
            best = tf
        pos = max(tf.span[1], s + 1)
    return best_bracketed, best


def _last_bracket(text: str, low: str, cand: re.Pattern[str]) -> Timeframe | None:
    """The answer of _extract_shifted's scan when the text's last bracket holds a timeframe and
    nothing else ("... workshops (III - IV Q 2013);"), found without scanning the text before
    it; None when it may be otherwise, and the scan decides.

    The scan would come to the same candidate (no candidate spans a bracket), take it as the
    bracketed one, and find no bracketed candidate after it: there is no bracket after it.
    """
    close = max(text.rfind(")"), text.rfind("]"))
    if close < 0:
        return None
    opened = text.rfind("(" if text[close] == ")" else "[", 0, close)
    if opened < 0 or _BRACKETS.search(text, opened + 1, close):
        return None
    m = cand.search(low, opened)
    if m is None or m.start("cand") >= close:
        return None
    s, e = m.span("cand")
    rx = _rx()
    if (
        s - opened > _BRACKET_REACH
        or close - e >= _BRACKET_REACH
        or rx.blank.fullmatch(text, opened + 1, s) is None
        or rx.blank.fullmatch(text, e, close) is None
    ):
        return None
    found = _read(m, text, in_text=True, fills=True)
    if found is None or found is _SKIP or found.span != (s, e):
        return None
    return found


class Reading:
    """An item's timeframe: its ``timeframe`` field (None when it has none) and its text's.

    The text is read when first asked for: most rules look at the texts of plans only, and
    a field, when there is one, wins anyway.
    """

    __slots__ = ("_text", "field", "source")

    def __init__(self, field: Timeframe | None, source: str) -> None:
        self.field = field
        self.source = source
        self._text: Timeframe | None = None

    @property
    def text(self) -> Timeframe:
        """The timeframe found in the item's text."""
        if self._text is None:
            self._text = extract(self.source)
        return self._text

    @property
    def effective(self) -> Timeframe:
        """The field wins over the text when it can be read."""
        if self.field is not None and self.field.kind != "none":
            return self.field
        return self.text

    @property
    def disagree(self) -> bool:
        """Field and text both name a timeframe, and not the same one."""
        if self.field is None or self.field.kind == "none" or self.text.kind == "none":
            return False
        mine, theirs = self.field, self.text
        return (mine.kind, mine.start, mine.end) != (theirs.kind, theirs.start, theirs.end)


@functools.lru_cache(maxsize=1024)
def read(field: str | None, text: str) -> Reading:
    """Read an item's timeframe once, however many rules ask."""
    return Reading(None if field is None else parse(field), text)

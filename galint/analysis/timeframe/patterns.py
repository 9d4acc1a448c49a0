"""The regular expressions that find timeframes, built from named pieces.

A dated timeframe is an *atom* ("Q3 2014", "March 2014", "30.06.2014", "2014"), or a range of
two ("2013 - 2014"), or a *partial* left side that borrows its year from the atom on its right
("Q1-Q2 2015", "5-7 March 2014"); before it may stand up to six phrases ("by the end of"),
after it "onwards" or "at the latest". An undated timeframe is a word of the continuous family
("ongoing", "on a regular basis") or a vague one ("soon", "next year"). Texts are matched in
ASCII lower case (see ``lower``): case-blind patterns are slower, and ``str.lower`` can change
a text's length.
"""

import functools
import re
from typing import NamedTuple

from galint.analysis.timeframe.words import PRE_PHRASES

DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]"
YEAR = r"(?:199[0-9]|20[0-9]{2})(?![0-9])"
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
ORDINAL_SUFFIX = r"(?:st|nd|rd|th)?"
MONTH_NUMBER = r"(?:1[0-2]|0?[1-9])(?![0-9])"
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.|\b)"
)
QUARTER_NUMBER = r"(?:iv|i{1,3}|first|second|third|fourth|last|final|[1-4](?:st|nd|rd|th|\.)?)"
QUARTER_UNIT = r"(?:q\b|quarters?\b|qtr\b\.?)"
HALF_NUMBER = r"(?:ii|i|first|second|last|[12](?:st|nd|\.)?)"
HALF_UNIT = r"(?:h\b|half[\s-]?years?\b|halfs?\b|halves\b|semesters?\b)"
SEASON = r"(?:spring|summer|autumn|fall|winter)\b"
OF_YEAR = r"\s*(?:[/.,'\u2019-]\s*)?(?:of\s+)?(?:the\s+)?(?:year\s+)?"
RANGE_WORD = r"\b(?:to|and|until|till|through|thru)\b"

# Kind name -> source with named groups; order matters: the first that fits wins.
ATOMS: tuple[tuple[str, str], ...] = (
    (
        "iso",
        rf"(?P<y>{YEAR})[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])",
    ),
    ("dmy_dash", rf"(?P<d>3[01]|[12][0-9]|0[1-9])-(?P<m>1[0-2]|0[1-9])-(?P<y>{YEAR})"),
    ("dmy_num", rf"(?P<d>{DAY})\s?[./]\s?(?P<m>{MONTH_NUMBER})\s?[./]\s?(?P<y>{YEAR})"),
    (
        "dmy_name",
        rf"(?P<d>{DAY}){ORDINAL_SUFFIX}\.?\s*(?:of\s+)?(?P<mon>{MONTH})\s*,?\s*(?P<y>{YEAR})",
    ),
    (
        "mdd",
        (
            rf"(?P<mon>{MONTH})\s*(?P<d>{DAY}){ORDINAL_SUFFIX}\s*(?:{DASH}|&|{RANGE_WORD})\s*"
            rf"(?P<d2>{DAY}){ORDINAL_SUFFIX}\s*,?\s*(?P<y>{YEAR})"
        ),
    ),
    ("mdy_name", rf"(?P<mon>{MONTH})\s*(?P<d>{DAY}){ORDINAL_SUFFIX}\s*,?\s*(?P<y>{YEAR})"),
    ("mon_year", rf"(?P<mon>{MONTH})\s*,?\s*(?:of\s+)?(?P<y>{YEAR})"),
    (
        "quarter",
        rf"(?:\bq\s*(?P<qn>[1-4])|(?P<qw>{QUARTER_NUMBER})\s*{QUARTER_UNIT}){OF_YEAR}(?P<y>{YEAR})",
    ),
    ("half", rf"(?:\bh\s*(?P<hn>[12])|(?P<hw>{HALF_NUMBER})\s*{HALF_UNIT}){OF_YEAR}(?P<y>{YEAR})"),
    (
        "season",
        (
            rf"(?:winter\s*(?P<wy>{YEAR})\s*(?:/|{DASH})\s*(?P<wy2>{YEAR})"
            rf"|(?P<s>{SEASON})\s*,?\s*(?:of\s+)?(?P<y>{YEAR}))"
        ),
    ),
    ("ym", rf"(?P<y>{YEAR})-(?P<m>1[0-2]|0[1-9])(?![0-9])"),
    ("mnum", rf"(?P<m>{MONTH_NUMBER})\s?[./]\s?(?P<y>{YEAR})"),
    ("yr2", rf"(?P<y>{YEAR})\s?/\s?(?P<yy>[0-9]{{2}})(?![0-9])"),
    ("year", rf"(?P<y>{YEAR})"),
)

# The left side of a range that borrows its year from the right side ("Q1-Q2 2015"), by the
# unit of the right side.
PARTIALS: dict[str, str] = {
    "quarter": rf"(?:q\s*(?P<qn>[1-4])|(?P<qw>{QUARTER_NUMBER}))(?:\s*{QUARTER_UNIT})?",
    "half": rf"(?:h\s*(?P<hn>[12])|(?P<hw>{HALF_NUMBER}))(?:\s*{HALF_UNIT})?",
    "date": (
        rf"(?:(?P<d>{DAY}){ORDINAL_SUFFIX}\.?(?:\s*(?:of\s+)?(?P<mon>{MONTH}))?"
        rf"|(?P<mon2>{MONTH})\s*(?P<d2>{DAY}){ORDINAL_SUFFIX}"
        rf"|(?P<d3>{DAY})\s?[./]\s?(?P<m3>{MONTH_NUMBER})\.?)"
    ),
    "month": rf"(?P<mon>{MONTH})",
    "season": rf"(?P<s>{SEASON})",
}

# Continuous and vague words: the ``ANY`` ones count anywhere in a sentence, the ``WORD`` ones
# (adjectives) only where a timeframe may stand (see reading.py).
CONTINUOUS_ANY = (
    r"on\s+(?:an?\s+)?(?:continuous|continual|ongoing|on[-\u2010\u2011\s]?going|permanent"
    r"|regular|constant|daily|weekly|monthly|quarterly|yearly|annual|everyday)\s+basis"
    r"|continuously|continually|permanently|constantly|regularly|annually|perpetually"
    r"|(?:every|each)\s+year"
)
CONTINUOUS_WORD = (
    r"continuous|continual|continuing|ongoing|on[-\u2010\u2011\s]?going|permanent|yearly|constant"
)
NUMBER_WORD = r"(?:[0-9]{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen)"
VAGUE_ANY = (
    r"as\s+soon\s+as\s+(?:possible|practicable|feasible)|asap|a\.s\.a\.p\.?"
    r"|(?:in\s+)?the\s+near(?:est)?\s+future"
    r"|in\s+the\s+(?:coming|following|next|forthcoming|upcoming)\s+(?:period|months?|years?)"
    r"|in\s+due\s+course|in\s+the\s+(?:short|medium|mid|long)[-\u2010\u2011\s]*term"
    r"|at\s+a\s+later\s+(?:stage|date|time|point)|later\s+(?:on|this\s+year)"
    r"|tbd|tbc|t\.b\.d\.?"
    r"|to\s+be\s+(?:determined|decided|defined|confirmed|agreed|scheduled|specified|announced)"
    r"|(?:(?:by|until|before)\s+)?(?:the\s+)?end\s+of\s+(?:the|this|next)\s+year"
    r"|(?:this|next|the\s+following|the\s+next)\s+year(?![\u2019']s)"
    rf"|within\s+(?:the\s+)?(?:next\s+)?{NUMBER_WORD}\s+(?:days?|weeks?|months?|years?)"
    r"|in\s+the\s+future|when\s+(?:possible|feasible)|soon"
)
VAGUE_WORD = r"(?:short|medium|mid|long)[-\u2010\u2011\s]*term|later|future"

# A Roman numeral that opens a date is a word of its own: "III Q 2013" is a quarter,
# "IIIQ 2013" is not.
ROMAN_ALONE = r"(?:(?!i)|(?=(?:iv|i{1,3})\b))"
# What may stand around a timeframe written on its own: "(Q3 2014);".
OPENING = r"[\s(\[{]"
CLOSING = r"[\s)\]};.,:]"


def _unnamed(source: str) -> str:
    """A piece without its group names, to be used more than once in one pattern."""
    return re.sub(r"\(\?P<\w+>", "(?:", source)


def _phrase(phrase: str) -> str:
    return r"\s+".join(map(re.escape, phrase.split()))


class Gates(NamedTuple):
    """Look-aheads put in front of parts of the candidate pattern (see lookaheads.py)."""

    dated: str = ""  # before a dated timeframe, with the words before it
    date: str = ROMAN_ALONE  # before its first date
    undated: str = ""  # before an undated timeframe


PLAIN = Gates()


def candidate_source(gates: Gates = PLAIN) -> str:
    """A timeframe inside a text, in the group ``cand``; groups ``pre``, ``a``, ``sep``,
    ``b``, ``pl``, ``b1`` and ``post`` hold a dated one's parts, one of ``cany``, ``cword``,
    ``vany`` and ``vword`` an undated one."""
    atom = "(?:" + "|".join(_unnamed(source) for _, source in ATOMS) + ")"
    partial = "(?:" + "|".join(_unnamed(source) for source in PARTIALS.values()) + ")"
    # Longer phrases come first in PRE_PHRASES: "end of" is read before "end".
    phrase = "(?:" + "|".join(map(_phrase, PRE_PHRASES)) + ")"
    pre_separator = rf"(?:\s*:\s*|\s+|(?<=end){DASH})"  # "by: 2014", "end-2014"
    pre_token = rf"(?:\b{phrase}{pre_separator}|\.\.\s*)"  # "..2014" is up to 2014
    full_separator = rf"\s*(?:{DASH}|\.\.|/|&|{RANGE_WORD})\s*"
    # After a partial, "/" is no separator when a number follows: "1/2014" is a month.
    partial_separator = rf"\s*(?:{DASH}|&|{RANGE_WORD}|/(?!\s*[0-9]))\s*"
    post = (
        r"\s*(?:\b(?:and\s+)?onwards?\b|\band\s+beyond\b|\band\s+after\b|\bforward\b"
        r"|\bat\s+the\s+latest\b)|\.\."
    )
    dated = (
        rf"{gates.dated}(?P<pre>{pre_token}{{1,6}})?{gates.date}"
        rf"(?:(?P<a>{atom})(?:(?P<sep>{full_separator})(?P<b>{atom}))?"
        rf"|(?P<pl>{partial}){partial_separator}(?P<b1>{atom}))"
        rf"(?P<post>{post})?"
    )
    undated = (
        rf"{gates.undated}(?:(?P<cany>{CONTINUOUS_ANY})|(?P<cword>{CONTINUOUS_WORD})"
        rf"|(?P<vany>{VAGUE_ANY})|(?P<vword>{VAGUE_WORD}))"
    )
    return rf"(?P<cand>(?:{dated}|{undated})(?!\w))"


def compile_candidate(gates: Gates = PLAIN) -> re.Pattern[str]:
    """A timeframe in running text, after the character before it, which the match takes:
    neither a letter, a digit, "." nor "/" ("v2014", "1.2014" hold none). A text to search
    is given a leading space, so that its first word has a character before it too."""
    return re.compile(rf"[^\w./]{candidate_source(gates)}")


@functools.cache
def candidate() -> re.Pattern[str]:
    """The candidate pattern as written, without look-aheads."""
    return compile_candidate()


@functools.cache
def whole() -> re.Pattern[str]:
    """A text that is a timeframe and nothing else, but for brackets, spaces and punctuation."""
    return re.compile(rf"{OPENING}*(?<![\w./]){candidate_source()}{CLOSING}*")


@functools.cache
def atoms() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each kind of atom with its pattern, in order, to tell which kind a matched atom is."""
    return tuple((kind, re.compile(source)) for kind, source in ATOMS)


@functools.cache
def partial(unit: str) -> re.Pattern[str]:
    return re.compile(PARTIALS[unit])


BLANK = re.compile(r"[\s;.,:]*")
END_OF_SENTENCE = re.compile(r"[\s\"'\u201d\u2019]*(?:[.;!?]|$)")
NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
WORD = re.compile(r"[a-z]+")

_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lower(text: str) -> str:
    """ASCII lower case, which keeps every offset (str.lower does not: "\u0130" becomes two
    characters). Only ASCII letters are folded: "\u017fpring" is not "spring"."""
    return text.lower() if text.isascii() else text.translate(_LOWER)

"""What one date expression covers: an atom ("Q3 2014", "30.06.2014", "winter 2014") read into
its first and last day, and the left side of a range that borrows its year ("Q1" of "Q1-Q2
2015") read into its first day."""

import calendar
import datetime
from collections.abc import Callable
from typing import NamedTuple

from galint.analysis.timeframe import patterns
from galint.analysis.timeframe.words import LAST, MONTHS, ORDINALS, SEASONS

Groups = dict[str, str | None]


class Atom(NamedTuple):
    unit: str  # year, years, quarter, half, month, season, date, days
    start: datetime.date
    end: datetime.date
    weak: bool  # a bare number that needs a time context in running text


def atom(source: str) -> Atom | None:
    """The atom the candidate pattern matched, or None when its date does not exist."""
    for kind, pattern in patterns.atoms():
        m = pattern.fullmatch(source)
        if m is not None:
            found = _READERS[kind](m.groupdict())
            if found is not None:
                return found
    return None


def partial_start(source: str, right: Atom) -> datetime.date | None:
    """Start of the left side of "Q1-Q2 2015", "5-7 March 2014", "September-December 2013".

    A month, season or date after the right side's start is in the year before ("December -
    February 2014"); None when the left side cannot start the range.
    """
    unit = "date" if right.unit == "days" else right.unit
    if unit not in patterns.PARTIALS:
        return None
    m = patterns.partial(unit).fullmatch(source)
    if m is None:
        return None
    y = right.start.year
    lo, wraps = _PARTIAL_READERS[unit](m.groupdict(), right)
    if lo is not None and lo > right.start and wraps:
        lo = lo.replace(year=y - 1) if (lo.month, lo.day) != (2, 29) else None
    if lo is None or lo > right.start:
        return None
    return lo


def _day(y: int, m: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> datetime.date:
    return datetime.date(y, m, calendar.monthrange(y, m)[1])


def _season(name: str, y: int) -> tuple[datetime.date, datetime.date] | None:
    first = SEASONS.get(name.lower(), 0)
    if not first:
        return None
    last_year, last = (y + 1, 2) if first == 12 else (y, first + 2)
    return datetime.date(y, first, 1), _month_end(last_year, last)


def _ordinal(token: str) -> int:
    """1 for "I", "first", "1st"; 4 for "last"; 0 for anything else."""
    token = token.lower().rstrip(".")
    if token in LAST:
        return 4
    return ORDINALS.get(token[0] if token[0].isdigit() else token, 0)


def _month(name: str) -> int:
    return MONTHS.get(name.lower()[:3], 0)


def _year(g: Groups) -> int:
    return int(g["y"]) if g.get("y") else 0


def _month_of(g: Groups) -> int:
    return _month(g["mon"]) if g.get("mon") else int(g["m"])


# Each kind of atom, read from its pattern's groups.


def _read_date(g: Groups) -> Atom | None:
    found = _day(_year(g), _month_of(g), int(g["d"]))
    return Atom("date", found, found, False) if found else None


def _read_days(g: Groups) -> Atom | None:
    y, month = _year(g), _month(g["mon"])
    lo, hi = _day(y, month, int(g["d"])), _day(y, month, int(g["d2"]))
    return Atom("days", lo, hi, False) if lo and hi and lo <= hi else None


def _month_atom(g: Groups, weak: bool) -> Atom | None:
    y, month = _year(g), _month_of(g)
    if not 1 <= month <= 12:
        return None
    return Atom("month", datetime.date(y, month, 1), _month_end(y, month), weak)


def _read_named_month(g: Groups) -> Atom | None:
    return _month_atom(g, weak=False)  # "March 2014"


def _read_numbered_month(g: Groups) -> Atom | None:
    return _month_atom(g, weak=True)  # "03/2014", "2014-03": numbers that need a time context


def _read_quarter(g: Groups) -> Atom | None:
    y = _year(g)
    q = int(g["qn"]) if g["qn"] else _ordinal(g["qw"])
    if not 1 <= q <= 4:
        return None
    return Atom("quarter", datetime.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), False)


def _read_half(g: Groups) -> Atom | None:
    y = _year(g)
    h = int(g["hn"]) if g["hn"] else _ordinal(g["hw"])
    if h == 4:  # "last half"
        h = 2
    if not 1 <= h <= 2:
        return None
    return Atom("half", datetime.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), False)


def _read_season(g: Groups) -> Atom | None:
    if g["wy"]:  # "winter 2014/2015"
        y, name = int(g["wy"]), "winter"
        if int(g["wy2"]) != y + 1:
            return None
    else:
        y, name = _year(g), g["s"]
    bounds = _season(name, y)
    return Atom("season", *bounds, False) if bounds else None


def _read_years(g: Groups) -> Atom | None:
    """Two years: "2014/15"."""
    y = _year(g)
    y2 = y // 100 * 100 + int(g["yy"])
    if y2 <= y:
        return None
    return Atom("years", datetime.date(y, 1, 1), datetime.date(y2, 12, 31), True)


def _read_year(g: Groups) -> Atom | None:
    y = _year(g)
    return Atom("year", datetime.date(y, 1, 1), datetime.date(y, 12, 31), True)


_READERS: dict[str, Callable[[Groups], Atom | None]] = {
    "iso": _read_date,
    "dmy_dash": _read_date,
    "dmy_num": _read_date,
    "dmy_name": _read_date,
    "mdd": _read_days,
    "mdy_name": _read_date,
    "mon_year": _read_named_month,
    "quarter": _read_quarter,
    "half": _read_half,
    "season": _read_season,
    "ym": _read_numbered_month,
    "mnum": _read_numbered_month,
    "yr2": _read_years,
    "year": _read_year,
}


# The left side of each kind of range, read from its pattern's groups: its first day (None if
# there is none), and whether it may be in the year before the right side's.

Start = tuple[datetime.date | None, bool]


def _quarter_start(g: Groups, right: Atom) -> Start:
    q = int(g["qn"]) if g["qn"] else _ordinal(g["qw"])
    return (datetime.date(right.start.year, 3 * q - 2, 1) if 1 <= q <= 4 else None), False


def _half_start(g: Groups, right: Atom) -> Start:
    h = int(g["hn"]) if g["hn"] else _ordinal(g["hw"])
    return (datetime.date(right.start.year, 6 * h - 5, 1) if 1 <= h <= 2 else None), False


def _month_start(g: Groups, right: Atom) -> Start:
    return _day(right.start.year, _month(g["mon"]), 1), True


def _season_start(g: Groups, right: Atom) -> Start:
    bounds = _season(g["s"], right.start.year)
    return (bounds[0] if bounds else None), True


def _date_start(g: Groups, right: Atom) -> Start:
    y = right.start.year
    if g["d3"]:  # "30.06 - 15.07.2014"
        return _day(y, int(g["m3"]), int(g["d3"])), True
    if g["mon2"] or g["mon"]:  # "June 30 - July 15, 2014", "30 June - 15 July 2014"
        return _day(y, _month(g["mon2"] or g["mon"]), int(g["d2"] or g["d"])), True
    return _day(y, right.start.month, int(g["d"])), False  # "5-7 March 2014"


_PARTIAL_READERS: dict[str, Callable[[Groups, Atom], Start]] = {
    "quarter": _quarter_start,
    "half": _half_start,
    "month": _month_start,
    "season": _season_start,
    "date": _date_start,
}

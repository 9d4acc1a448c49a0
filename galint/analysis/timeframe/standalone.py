"""Reading a timeframe written on its own, as in a ``timeframe:`` field: ``parse``."""

from galint.analysis.timeframe import patterns
from galint.analysis.timeframe.reading import read_match
from galint.analysis.timeframe.value import NONE, Timeframe


def parse(text: str) -> Timeframe:
    """Read a timeframe written on its own, e.g. "(Q3 2014);": brackets, spaces and punctuation
    may stand around it, nothing else. Kind "none" if the text is not one; never raises."""
    m = patterns.whole().fullmatch(patterns.lower(text))
    if m is None:
        return NONE
    return read_match(m, text, in_text=False, fills=True) or NONE

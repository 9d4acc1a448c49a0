"""A fast path of ``extract``: when a sentence's last bracket holds a timeframe and nothing
else ("... workshops (III - IV Q 2013);"), that is the answer, found without scanning the text
before it. Most plans end so; without it, a ``galint check`` of 2,000 reports takes 10% more
instructions. tests/analysis/test_timeframe.py holds ``extract`` equal to the plain scan,
``sentence.scan``.

The scan would come to the same candidate (no candidate spans a bracket), take it as the
bracketed one, and find no bracketed candidate after it: there is no bracket after it.
"""

import re

from galint.analysis.timeframe import brackets
from galint.analysis.timeframe.reading import SKIP, read_match
from galint.analysis.timeframe.value import Timeframe

_BRACKET = re.compile(r"[()\[\]]")


def read(text: str, low: str, candidate: re.Pattern[str]) -> Timeframe | None:
    """The timeframe that fills the last bracket of ``text``; None when there is none, or
    when the scan may answer otherwise. ``low`` is ``text`` in lower case."""
    close = max(text.rfind(")"), text.rfind("]"))
    if close < 0:
        return None
    opened = text.rfind("(" if text[close] == ")" else "[", 0, close)
    if opened < 0 or _BRACKET.search(text, opened + 1, close):
        return None
    m = candidate.search(low, opened)
    if m is None or m.start("cand") >= close:
        return None
    s, e = m.span("cand")
    # As far as brackets.around looks, and filling the bracket.
    if s - opened > brackets.REACH or close - e >= brackets.REACH:
        return None
    if not brackets.fills(text, s, e, (opened, close)):
        return None
    found = read_match(m, text, in_text=True, fills=True)
    if found is None or found is SKIP or found.span != (s, e):
        return None
    return found

"""Finding the timeframe inside an action's sentence: ``extract``.

Every candidate of the sentence is read, left to right. The answer is the last one that stands
in a bracket, if any, else the last one: a sentence ends with its timeframe more often than it
starts with one ("... in the first half of 2014;"). ``matched`` is the expression itself with
its time words ("during 2013"), without the brackets around it.
"""

import re

from galint.analysis.timeframe import brackets, last_bracket, lookaheads, patterns
from galint.analysis.timeframe.reading import SKIP, read_match
from galint.analysis.timeframe.value import NONE, Timeframe


def extract(text: str) -> Timeframe:
    """The timeframe in an action's sentence; kind "none" when there is none. Never raises."""
    # The candidate pattern takes the character before each candidate: the text's first word
    # needs one too.
    shifted = " " + text
    low = patterns.lower(shifted)
    candidate = lookaheads.candidate()
    found = last_bracket.read(shifted, low, candidate) or scan(shifted, low, candidate)
    if found.span is None:
        return found
    start, end = found.span
    return found._replace(span=(start - 1, end - 1))


def scan(text: str, low: str, candidate: re.Pattern[str]) -> Timeframe:
    """The last bracketed timeframe of ``text``, or else its last timeframe, or NONE.

    ``low`` is ``text`` in lower case; ``candidate`` is the candidate pattern.
    """
    bracketed: Timeframe | None = None
    best: Timeframe | None = None
    pos = 0
    while pos <= len(text):
        m = candidate.search(low, max(pos - 1, 0))
        if m is None:
            break
        s, e = m.span("cand")
        pair = brackets.around(text, s, e)
        found = read_match(m, text, in_text=True, fills=brackets.fills(text, s, e, pair))
        if found is SKIP:
            pos = max(e, s + 1)  # nothing inside a backwards range is read either
            continue
        if found is None or found.span is None:
            pos = s + 1
            continue
        if pair is not None:
            bracketed = found
        else:
            best = found
        pos = max(found.span[1], s + 1)
    return bracketed or best or NONE


def prepare() -> None:
    """Compile the patterns of ``extract`` and ``parse`` now rather than on first use: for a
    process about to read many texts (a worker of a bulk run), which would otherwise wait
    for them on its first."""
    lookaheads.candidate()
    patterns.whole()
    patterns.atoms()
    for unit in patterns.PARTIALS:
        patterns.partial(unit)

"""The bracket around a candidate, and whether the candidate fills it: ``extract`` prefers a
timeframe in brackets, and reads some words only where they fill a bracket."""

from galint.analysis.timeframe import patterns

# A bracket wider than this is prose, not a timeframe's bracket; looking no further keeps
# reading linear in the length of the text.
REACH = 1000


def around(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The innermost bracket pair around text[s:e], as (open, close) offsets, or None."""
    lo, hi = max(0, s - REACH), min(len(text), e + REACH)
    opened = max(text.rfind(ch, lo, s) for ch in "()[]")
    if opened < 0 or text[opened] not in "([":
        return None
    closed = min((i for i in (text.find(ch, e, hi) for ch in "()[]") if i >= 0), default=-1)
    if closed < 0 or text[closed] != {"(": ")", "[": "]"}[text[opened]]:
        return None
    return opened, closed


def fills(text: str, s: int, e: int, pair: tuple[int, int] | None) -> bool:
    """Whether text[s:e] is all there is in the bracket ``pair``, but for spaces and
    punctuation."""
    return (
        pair is not None
        and patterns.BLANK.fullmatch(text, pair[0] + 1, s) is not None
        and patterns.BLANK.fullmatch(text, e, pair[1]) is not None
    )

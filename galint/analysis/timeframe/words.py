"""The words of timeframes as plain data: month names, ordinals, seasons, the phrases that may
stand before a date, and the word sets that decide what those phrases mean."""

MONTHS = {
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
# The number of a quarter or a half, however written: "III", "third", "3".
ORDINALS = {
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
LAST = frozenset({"last", "final"})  # the fourth quarter, the second half
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(phrase.strip() for phrase in text.split("|"))


# The phrases that may stand before a date ("by the end of", "starting from"), in any number
# up to six: "until the end of", "during the calendar year".
PRE_PHRASES = _phrases(
    """by|until|untill|till|til|up to|up until|no later than|not later than|latest by
    |at the latest by|before|prior to|end of|end|from|as of|as from|starting from|starting in
    |starting with|starting|beginning from|beginning in|beginning with|beginning|commencing
    |since|after|during|in|within|throughout|over|for|on|at|of|the|between|course of
    |period of|period|calendar|fiscal|year|deadline|due by|due|sometime in|some time in
    |sometime|effective from|effective|with effect from|timeframe|time frame"""
)

# What the words before a date make of it.
DEADLINE = _words("by until untill till til up later latest end deadline due before prior")
OPEN = _words("from as starting beginning commencing since effective effect")
BEFORE = _words("before prior")  # up to the day before, unless "before the end of"
# Words that do not make a bare number a year on their own ("a total of 2000 officers").
NOT_CONTEXT = _words("the of at on for calendar fiscal")
# Words that may follow a year in running text; any other lowercase word makes it a count.
FOLLOW_OK = _words(
    """and or to till until by the a an with through via within at in on for from as when while
    after before it we they this that these those there its their our will was were is are has
    have had should shall must can could would may might be been also already only onwards
    onward under during among between according one two three several some all each every new
    more further additional per respectively inclusive including which where who but so then not
    no both either year years"""
)

"""Timeframes of planned actions written in words, read into ``Timeframe`` values: "(III - IV
Q 2013)", "(continuous)", "by 31.12.2014". ``parse`` reads a value written on its own (a
``timeframe:`` field), ``extract`` finds the timeframe in an action's sentence, ``read`` does
both for an item, once however many rules ask; none of them raises. The package owns the words
and patterns of timeframes, the days a date covers, what a match means and where in a text a
timeframe stands, and nothing else; it may import only ``galint.core``, ``galint.io``,
``galint.form`` and the standard library.
"""

from galint.analysis.timeframe.field_and_text import Reading, read
from galint.analysis.timeframe.sentence import extract, prepare
from galint.analysis.timeframe.standalone import parse
from galint.analysis.timeframe.value import EXPECTED, NONE, Timeframe

__all__ = ["EXPECTED", "NONE", "Reading", "Timeframe", "extract", "parse", "prepare", "read"]

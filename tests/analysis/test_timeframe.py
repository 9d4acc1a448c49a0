"""Tests for galint.analysis.timeframe: every accepted form, the seeds' own sentences, and traps."""

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from galint.analysis.timeframe import (
    EXPECTED,
    NONE,
    Timeframe,
    extract,
    lookaheads,
    parse,
    patterns,
    sentence,
)
from galint.analysis.timeframe.words import PRE_PHRASES

P, X = "parse", "extract"
D, C, V, N = "interval", "continuous", "vague", "none"  # D: a dated interval
FUNCS = {P: parse, X: extract}

# (function, text, kind, start, end, matched); start/end are ISO dates or None for an open end.
# Standalone forms, read by parse(): the value of a "timeframe:" field.
PARSE_CASES = [
    # years and year ranges
    (P, "2014", D, "2014-01-01", "2014-12-31", "2014"),
    (P, "1990", D, "1990-01-01", "1990-12-31", "1990"),
    (P, "2099", D, "2099-01-01", "2099-12-31", "2099"),
    (P, "2013-2014", D, "2013-01-01", "2014-12-31", "2013-2014"),
    (P, "2013 - 2014", D, "2013-01-01", "2014-12-31", "2013 - 2014"),
    (P, "2013 \u2013 2014", D, "2013-01-01", "2014-12-31", "2013 \u2013 2014"),
    (P, "2013\u20142014", D, "2013-01-01", "2014-12-31", "2013\u20142014"),
    (P, "2013\u22122014", D, "2013-01-01", "2014-12-31", "2013\u22122014"),
    (P, "2014/2015", D, "2014-01-01", "2015-12-31", "2014/2015"),
    (P, "2014/15", D, "2014-01-01", "2015-12-31", "2014/15"),
    (P, "2013 and 2014", D, "2013-01-01", "2014-12-31", "2013 and 2014"),
    (P, "2013 to 2015", D, "2013-01-01", "2015-12-31", "2013 to 2015"),
    (P, "2013 through 2015", D, "2013-01-01", "2015-12-31", "2013 through 2015"),
    (P, "from 2013 to 2015", D, "2013-01-01", "2015-12-31", "from 2013 to 2015"),
    (P, "between 2013 and 2015", D, "2013-01-01", "2015-12-31", "between 2013 and 2015"),
    (P, "in the period 2013-2014", D, "2013-01-01", "2014-12-31", "in the period 2013-2014"),
    (P, "over 2014-2015", D, "2014-01-01", "2015-12-31", "over 2014-2015"),
    # quarters
    (P, "Q3 2014", D, "2014-07-01", "2014-09-30", "Q3 2014"),
    (P, "q1 2015", D, "2015-01-01", "2015-03-31", "q1 2015"),
    (P, "Q4/2013", D, "2013-10-01", "2013-12-31", "Q4/2013"),
    (P, "3Q 2014", D, "2014-07-01", "2014-09-30", "3Q 2014"),
    (P, "Q1-Q2 2015", D, "2015-01-01", "2015-06-30", "Q1-Q2 2015"),
    (P, "Q1 \u2013 Q3 2014", D, "2014-01-01", "2014-09-30", "Q1 \u2013 Q3 2014"),
    (P, "Q1/Q2 2015", D, "2015-01-01", "2015-06-30", "Q1/Q2 2015"),
    (P, "Q1 and Q2 2015", D, "2015-01-01", "2015-06-30", "Q1 and Q2 2015"),
    (P, "Q2 2014 - Q1 2015", D, "2014-04-01", "2015-03-31", "Q2 2014 - Q1 2015"),
    (P, "Q4 2013 - Q1 2014", D, "2013-10-01", "2014-03-31", "Q4 2013 - Q1 2014"),
    (P, "III - IV Q 2013", D, "2013-07-01", "2013-12-31", "III - IV Q 2013"),
    (P, "I - IV Q 2013", D, "2013-01-01", "2013-12-31", "I - IV Q 2013"),
    (P, "II - III Q 2013", D, "2013-04-01", "2013-09-30", "II - III Q 2013"),
    (P, "I Q 2014", D, "2014-01-01", "2014-03-31", "I Q 2014"),
    (P, "IV quarter 2013", D, "2013-10-01", "2013-12-31", "IV quarter 2013"),
    (P, "the third quarter of 2014", D, "2014-07-01", "2014-09-30", "the third quarter of 2014"),
    (P, "4th quarter of 2013", D, "2013-10-01", "2013-12-31", "4th quarter of 2013"),
    (P, "first quarter 2014", D, "2014-01-01", "2014-03-31", "first quarter 2014"),
    (P, "1. quarter 2014", D, "2014-01-01", "2014-03-31", "1. quarter 2014"),
    (P, "last quarter of 2014", D, "2014-10-01", "2014-12-31", "last quarter of 2014"),
    (
        P,
        "first and second quarters of 2014",
        D,
        "2014-01-01",
        "2014-06-30",
        "first and second quarters of 2014",
    ),
    # halves
    (P, "H2 2014", D, "2014-07-01", "2014-12-31", "H2 2014"),
    (P, "H1/2015", D, "2015-01-01", "2015-06-30", "H1/2015"),
    (P, "H1-H2 2014", D, "2014-01-01", "2014-12-31", "H1-H2 2014"),
    (P, "first half of 2014", D, "2014-01-01", "2014-06-30", "first half of 2014"),
    (P, "first half-year of 2014", D, "2014-01-01", "2014-06-30", "first half-year of 2014"),
    (P, "II half of 2014", D, "2014-07-01", "2014-12-31", "II half of 2014"),
    (P, "I half 2015", D, "2015-01-01", "2015-06-30", "I half 2015"),
    (P, "second half 2014", D, "2014-07-01", "2014-12-31", "second half 2014"),
    (P, "2nd half of 2013", D, "2013-07-01", "2013-12-31", "2nd half of 2013"),
    # months and month ranges
    (P, "March 2014", D, "2014-03-01", "2014-03-31", "March 2014"),
    (P, "Sept 2014", D, "2014-09-01", "2014-09-30", "Sept 2014"),
    (P, "Sept. 2014", D, "2014-09-01", "2014-09-30", "Sept. 2014"),
    (P, "february 2016", D, "2016-02-01", "2016-02-29", "february 2016"),
    (P, "03/2014", D, "2014-03-01", "2014-03-31", "03/2014"),
    (P, "3.2014", D, "2014-03-01", "2014-03-31", "3.2014"),
    (P, "2014-03", D, "2014-03-01", "2014-03-31", "2014-03"),
    (P, "September-December 2013", D, "2013-09-01", "2013-12-31", "September-December 2013"),
    (
        P,
        "December 2013 - March 2014",
        D,
        "2013-12-01",
        "2014-03-31",
        "December 2013 - March 2014",
    ),
    (P, "December - February 2014", D, "2013-12-01", "2014-02-28", "December - February 2014"),
    (P, "May and June 2014", D, "2014-05-01", "2014-06-30", "May and June 2014"),
    (P, "from January to March 2014", D, "2014-01-01", "2014-03-31", "from January to March 2014"),
    (P, "between March and May 2014", D, "2014-03-01", "2014-05-31", "between March and May 2014"),
    # dates
    (P, "5 February 2014", D, "2014-02-05", "2014-02-05", "5 February 2014"),
    (P, "5th of February 2014", D, "2014-02-05", "2014-02-05", "5th of February 2014"),
    (P, "February 5, 2014", D, "2014-02-05", "2014-02-05", "February 5, 2014"),
    (P, "Feb 5th, 2014", D, "2014-02-05", "2014-02-05", "Feb 5th, 2014"),
    (P, "31.12.2014", D, "2014-12-31", "2014-12-31", "31.12.2014"),
    (P, "31. 12. 2014.", D, "2014-12-31", "2014-12-31", "31. 12. 2014"),
    (P, "30/06/2014", D, "2014-06-30", "2014-06-30", "30/06/2014"),
    (P, "2014-03-15", D, "2014-03-15", "2014-03-15", "2014-03-15"),
    (P, "29.02.2016", D, "2016-02-29", "2016-02-29", "29.02.2016"),
    (P, "5-7 March 2014", D, "2014-03-05", "2014-03-07", "5-7 March 2014"),
    (P, "March 5-7, 2014", D, "2014-03-05", "2014-03-07", "March 5-7, 2014"),
    (P, "5 March - 7 April 2014", D, "2014-03-05", "2014-04-07", "5 March - 7 April 2014"),
    (P, "01.01.-31.12.2014", D, "2014-01-01", "2014-12-31", "01.01.-31.12.2014"),
    (P, "1.1.2014 - 30.6.2014", D, "2014-01-01", "2014-06-30", "1.1.2014 - 30.6.2014"),
    (P, "from 5 to 7 March 2014", D, "2014-03-05", "2014-03-07", "from 5 to 7 March 2014"),
    # deadlines: open start, end of that period
    (P, "by June 2014", D, None, "2014-06-30", "by June 2014"),
    (P, "by 31.12.2014", D, None, "2014-12-31", "by 31.12.2014"),
    (P, "until June 2014", D, None, "2014-06-30", "until June 2014"),
    (P, "till 2015", D, None, "2015-12-31", "till 2015"),
    (P, "up to 2015", D, None, "2015-12-31", "up to 2015"),
    (P, "no later than 30 June 2014", D, None, "2014-06-30", "no later than 30 June 2014"),
    (P, "not later than Q2 2014", D, None, "2014-06-30", "not later than Q2 2014"),
    (P, "end of 2014", D, None, "2014-12-31", "end of 2014"),
    (P, "by the end of 2014", D, None, "2014-12-31", "by the end of 2014"),
    (P, "until the end of 2014", D, None, "2014-12-31", "until the end of 2014"),
    (P, "at the end of 2014", D, None, "2014-12-31", "at the end of 2014"),
    (P, "by the end of the year 2014", D, None, "2014-12-31", "by the end of the year 2014"),
    (P, "by end-2014", D, None, "2014-12-31", "by end-2014"),
    (P, "end of Q2 2014", D, None, "2014-06-30", "end of Q2 2014"),
    (P, "Deadline: 31.12.2014", D, None, "2014-12-31", "Deadline: 31.12.2014"),
    (P, "June 2014 at the latest", D, None, "2014-06-30", "June 2014 at the latest"),
    (P, "by Q1-Q2 2015", D, None, "2015-06-30", "by Q1-Q2 2015"),
    # "before X" ends the day before X starts, unless it is "before the end of X"
    (P, "before 2015", D, None, "2014-12-31", "before 2015"),
    (P, "before June 2014", D, None, "2014-05-31", "before June 2014"),
    (P, "prior to 2015", D, None, "2014-12-31", "prior to 2015"),
    (P, "before the end of June 2014", D, None, "2014-06-30", "before the end of June 2014"),
    # open starts
    (P, "from January 2014", D, "2014-01-01", None, "from January 2014"),
    (P, "2014 onwards", D, "2014-01-01", None, "2014 onwards"),
    (P, "2014 onward", D, "2014-01-01", None, "2014 onward"),
    (P, "from 2014 onwards", D, "2014-01-01", None, "from 2014 onwards"),
    (P, "as of 2014", D, "2014-01-01", None, "as of 2014"),
    (P, "as from 1 March 2014", D, "2014-03-01", None, "as from 1 March 2014"),
    (P, "starting 2014", D, "2014-01-01", None, "starting 2014"),
    (P, "starting from Q3 2014", D, "2014-07-01", None, "starting from Q3 2014"),
    (P, "beginning in 2015", D, "2015-01-01", None, "beginning in 2015"),
    (P, "since 2013", D, "2013-01-01", None, "since 2013"),
    (P, "after June 2014", D, "2014-07-01", None, "after June 2014"),
    # during / in / within / throughout: just the period
    (P, "during 2013", D, "2013-01-01", "2013-12-31", "during 2013"),
    (P, "in 2014", D, "2014-01-01", "2014-12-31", "in 2014"),
    (P, "within 2014", D, "2014-01-01", "2014-12-31", "within 2014"),
    (P, "throughout 2014", D, "2014-01-01", "2014-12-31", "throughout 2014"),
    (P, "during the year 2014", D, "2014-01-01", "2014-12-31", "during the year 2014"),
    (P, "in the course of 2014", D, "2014-01-01", "2014-12-31", "in the course of 2014"),
    (P, "in March 2014", D, "2014-03-01", "2014-03-31", "in March 2014"),
    (P, "during Q4 2013", D, "2013-10-01", "2013-12-31", "during Q4 2013"),
    # seasons
    (P, "spring 2014", D, "2014-03-01", "2014-05-31", "spring 2014"),
    (P, "summer 2014", D, "2014-06-01", "2014-08-31", "summer 2014"),
    (P, "autumn 2014", D, "2014-09-01", "2014-11-30", "autumn 2014"),
    (P, "fall 2014", D, "2014-09-01", "2014-11-30", "fall 2014"),
    (P, "winter 2014", D, "2014-12-01", "2015-02-28", "winter 2014"),
    (P, "winter 2015", D, "2015-12-01", "2016-02-29", "winter 2015"),
    (P, "winter 2014/2015", D, "2014-12-01", "2015-02-28", "winter 2014/2015"),
    (P, "spring-summer 2014", D, "2014-03-01", "2014-08-31", "spring-summer 2014"),
    (P, "winter - spring 2014", D, "2013-12-01", "2014-05-31", "winter - spring 2014"),
    (P, "autumn-winter 2014", D, "2014-09-01", "2015-02-28", "autumn-winter 2014"),
    # describe() output reads back
    (P, "2013-07-01..2013-12-31", D, "2013-07-01", "2013-12-31", "2013-07-01..2013-12-31"),
    (P, "..2014-06-30", D, None, "2014-06-30", "..2014-06-30"),
    (P, "2014-01-01..", D, "2014-01-01", None, "2014-01-01.."),
    # the continuous family
    (P, "continuous", C, None, None, "continuous"),
    (P, "Continuous.", C, None, None, "Continuous"),
    (P, "continuously", C, None, None, "continuously"),
    (P, "continual", C, None, None, "continual"),
    (P, "ongoing", C, None, None, "ongoing"),
    (P, "on-going", C, None, None, "on-going"),
    (P, "permanent", C, None, None, "permanent"),
    (P, "permanently", C, None, None, "permanently"),
    (P, "annually", C, None, None, "annually"),
    (P, "yearly", C, None, None, "yearly"),
    (P, "regularly", C, None, None, "regularly"),
    (P, "constantly", C, None, None, "constantly"),
    (P, "on a continuous basis", C, None, None, "on a continuous basis"),
    (P, "on an ongoing basis", C, None, None, "on an ongoing basis"),
    (P, "on a permanent basis", C, None, None, "on a permanent basis"),
    (P, "every year", C, None, None, "every year"),
    (P, "CONTINUOUS", C, None, None, "CONTINUOUS"),
    # vague time words
    (P, "soon", V, None, None, "soon"),
    (P, "as soon as possible", V, None, None, "as soon as possible"),
    (P, "ASAP", V, None, None, "ASAP"),
    (P, "in the near future", V, None, None, "in the near future"),
    (P, "in the coming period", V, None, None, "in the coming period"),
    (P, "short term", V, None, None, "short term"),
    (P, "short-term", V, None, None, "short-term"),
    (P, "medium term", V, None, None, "medium term"),
    (P, "long term", V, None, None, "long term"),
    (P, "in the long term", V, None, None, "in the long term"),
    (P, "TBD", V, None, None, "TBD"),
    (P, "to be determined", V, None, None, "to be determined"),
    (P, "in due course", V, None, None, "in due course"),
    (P, "later", V, None, None, "later"),
    (P, "next year", V, None, None, "next year"),
    (P, "by the end of the year", V, None, None, "by the end of the year"),
    (P, "within six months", V, None, None, "within six months"),
    # brackets, whitespace, trailing punctuation and case are tolerated
    (P, "(III - IV Q 2013);", D, "2013-07-01", "2013-12-31", "III - IV Q 2013"),
    (P, "(continuous);", C, None, None, "continuous"),
    (P, "(during 2013).", D, "2013-01-01", "2013-12-31", "during 2013"),
    (P, " [2014] ", D, "2014-01-01", "2014-12-31", "2014"),
    (P, "(2014.)", D, "2014-01-01", "2014-12-31", "2014"),
    (P, "  Q3 2014  ", D, "2014-07-01", "2014-09-30", "Q3 2014"),
    (P, "2014.", D, "2014-01-01", "2014-12-31", "2014"),
    (P, "DURING 2013", D, "2013-01-01", "2013-12-31", "DURING 2013"),
    (P, "By The End Of 2014", D, None, "2014-12-31", "By The End Of 2014"),
    (P, "Q3\u00a02014", D, "2014-07-01", "2014-09-30", "Q3\u00a02014"),
    # not a timeframe: empty, words, numbers, invalid dates, two timeframes
    (P, "", N, None, None, ""),
    (P, "   ", N, None, None, ""),
    (P, "()", N, None, None, ""),
    (P, "by", N, None, None, ""),
    (P, "during the", N, None, None, ""),
    (P, "not a timeframe", N, None, None, ""),
    (P, "Art. 210 para.3", N, None, None, ""),
    (P, "Article 211", N, None, None, ""),
    (P, "211b", N, None, None, ""),
    (P, "1,073", N, None, None, ""),
    (P, "2000 police officers", N, None, None, ""),
    (P, "2 on-going investigations", N, None, None, ""),
    (P, "ongoing investigations", N, None, None, ""),
    (P, "Mark Safer Internet Day, 5 February 2014.", N, None, None, ""),
    (P, "Q5 2014", N, None, None, ""),
    (P, "Q0 2014", N, None, None, ""),
    (P, "H3 2014", N, None, None, ""),
    (P, "III - V Q 2013", N, None, None, ""),
    (P, "31.02.2014", N, None, None, ""),
    (P, "29.02.2015", N, None, None, ""),
    (P, "32.01.2014", N, None, None, ""),
    (P, "2014-02-30", N, None, None, ""),
    (P, "13/2014", N, None, None, ""),
    (P, "2014-13", N, None, None, ""),
    (P, "01.13.2014", N, None, None, ""),
    (P, "1989", N, None, None, ""),
    (P, "2100", N, None, None, ""),
    (P, "2015-2013", N, None, None, ""),
    (P, "December 2014 - February 2014", N, None, None, ""),
    (P, "winter 2014/2016", N, None, None, ""),
    (P, "2014 2015", N, None, None, ""),
    (P, "Q3 2014; Q4 2014", N, None, None, ""),
    (P, "continuous (2013-2014)", N, None, None, ""),
    (P, "\uff12\uff10\uff11\uff14", N, None, None, ""),  # full-width digits
    (P, "\u0662\u0660\u0661\u0664", N, None, None, ""),  # Arabic-Indic digits
    (P, "\u017fpring 2014", N, None, None, ""),  # long s folds to "s" under IGNORECASE
]

# The 2013 report's planned actions, read as a person reads them.
SEED_2013_PLANS = [
    (
        X,
        "Montenegro will develop, protocol and standard procedures to identify victims "
        "(2013-2014);",
        D,
        "2013-01-01",
        "2014-12-31",
        "2013-2014",
    ),
    (
        X,
        "Cooperation and coordination between law enforcement authorities of different States "
        "on victim identification will be further enhanced (2013-2014);",
        D,
        "2013-01-01",
        "2014-12-31",
        "2013-2014",
    ),
    (
        X,
        "Montenegro will participate in INTERPOL's victim identification efforts, including by "
        "contributing with images to the ICSE database, once there is a case in Montenegro, where "
        "children \u2013 victims are identified (2013-2014);",
        D,
        "2013-01-01",
        "2014-12-31",
        "2013-2014",
    ),
    (
        X,
        "Montenegro will develop policy and procedures regarding the provision of services to "
        "identified victims (2013-2014);",
        D,
        "2013-01-01",
        "2014-12-31",
        "2013-2014",
    ),
    (
        X,
        "Montenegro will ensure that law enforcement authorities have access to the ICSE "
        "database (2013-2014).",
        D,
        "2013-01-01",
        "2014-12-31",
        "2013-2014",
    ),
    (
        X,
        "Monitor the implementation of the newly adopted standards in the criminal justice field "
        "(continuous);",
        C,
        None,
        None,
        "continuous",
    ),
    (
        X,
        "Conduct training on United Nations Guidelines on Justice in Matters Involving Child "
        "Victims and Witnesses of Crime (I - IV Q 2013);",
        D,
        "2013-01-01",
        "2013-12-31",
        "I - IV Q 2013",
    ),
    (
        X,
        "As part of the Justice for Children project, conduct specialized training for police, "
        "Public Prosecution Offices and judges (III - IV Q 2013);",
        D,
        "2013-07-01",
        "2013-12-31",
        "III - IV Q 2013",
    ),
    (
        X,
        "Establish a system for collecting data on juvenile justice and information system "
        "(III - IV Q 2013);",
        D,
        "2013-07-01",
        "2013-12-31",
        "III - IV Q 2013",
    ),
    (
        X,
        "Use international legal assistance channels for the exchange of data and information in "
        "cases of sexual abuse of children via the Internet (continuous).",
        C,
        None,
        None,
        "continuous",
    ),
    (
        X,
        "Promoting children's rights through their active participation within the campaign "
        "which will be implemented during 2013 by the Ministry of Justice, Ministry of Labour "
        "and Social Welfare, Ministry of Culture, Ministry of Education and the NGO sector, in "
        "cooperation with UNICEF;",
        D,
        "2013-01-01",
        "2013-12-31",
        "during 2013",
    ),
    (
        X,
        "Conducting public campaign in the media about the continuation of the Safer Internet - "
        "Connecting Generations project by the Ministry of Information Society and "
        "Telecommunications, in cooperation with the Ministry of Education and Telenor "
        "(during 2013);",
        D,
        "2013-01-01",
        "2013-12-31",
        "during 2013",
    ),
    (
        X,
        "Continue the cycle of workshops under peer education principles\n\tand with active "
        "participation of parents (II - III Q 2013);",
        D,
        "2013-04-01",
        "2013-09-30",
        "II - III Q 2013",
    ),
    (
        X,
        "Mark Safer Internet Day, 5 February 2014.",
        D,
        "2014-02-05",
        "2014-02-05",
        "5 February 2014",
    ),
    (
        X,
        "Continue conducting the Safer Internet - Connecting Generations project by the Ministry "
        "of Information Society and Telecommunications, in cooperation with the Ministry of "
        "Education and Telenor (during 2013);",
        D,
        "2013-01-01",
        "2013-12-31",
        "during 2013",
    ),
    (
        X,
        "Sign a Memorandum of Cooperation between the Ministry of Justice, Ministry of Interior, "
        "Ministry for Information Society and Telecommunications and the Ministry of Education "
        "(III - IV Q 2013).",
        D,
        "2013-07-01",
        "2013-12-31",
        "III - IV Q 2013",
    ),
]

# The rest of the 2013 report: actions already undertaken, goals and headings.
SEED_2013_OTHER = [
    (
        X,
        "Montenegro ensured cooperation and coordination between law enforcement authorities on "
        "victim identification by establishing adequate links between NCB and other Law "
        "Enforcement Agencies for the purpose of investigating crime, including child and sexual "
        "exploitation, as well as providing data from the ICSE database if necessary.",
        N,
        None,
        None,
        "",
    ),
    (
        X,
        "There is existing cooperation and coordination between law enforcement authorities of "
        "different States on victim identification, on case by case basis",
        N,
        None,
        None,
        "",
    ),
    (
        X,
        "Law enforcement authorities have access to the ICSE database through the NCB. Next phase "
        "will be deploying access beyond NCB.",
        N,
        None,
        None,
        "",
    ),
    (
        X,
        "using sexual services of minors was criminalised (Art. 210 para.3);",
        N,
        None,
        None,
        "",
    ),
    (
        X,
        "the criminal act of displaying pornographic material to children and production and "
        "possession of child pornography (Article 211) was amended in accordance with relevant "
        "international standards, all of which was done to maximize the protection of children;",
        N,
        None,
        None,
        "",
    ),
    (
        X,
        "a new criminal act was introduced of urging on a child with the intention of committing "
        "criminal acts against sexual freedom (Article 211b), which criminalised arranging a "
        "meeting with a child by using information and communication technologies",
        N,
        None,
        None,
        "",
    ),
    (
        X,
        "Conducting research in 30 elementary schools about child safety on the Internet, which "
        "included two target groups in a sample of 1,073 elementary school pupils and 965 "
        "parents;",
        N,
        None,
        None,
        "",
    ),
    # a date inside an action already undertaken is still a date: the caller knows the section
    (
        X,
        "The Ministry for Information Society and Telecommunications, in cooperation with the "
        "Ministry of Education and companies Telenor and Microsoft officially marked the Safer "
        "Internet Day, 5 February 2013.",
        D,
        "2013-02-05",
        "2013-02-05",
        "5 February 2013",
    ),
    (
        X,
        "The theme of this year's Safer Internet Day was online rights and responsibilities "
        "under the slogan Connect with Respect.",
        N,
        None,
        None,
        "",
    ),
    (
        X,
        "Memorandum of Cooperation signed between the Ministry for Information Society and "
        "Telecommunications and the company Telenor Montenegro, which aims to raise awareness "
        "regarding the utilization of information technologies, training and safety of children "
        "on the Internet.",
        N,
        None,
        None,
        "",
    ),
    (
        X,
        "Increase the number of identified victims in the International Child Sexual "
        "Exploitation images database (ICSE database) managed by INTERPOL by at least 10% yearly",
        C,
        None,
        None,
        "yearly",
    ),
    (
        X,
        "Policy target No. 1: Enhancing efforts to identify victims and ensuring that they "
        "receive the necessary assistance, support and protection",
        N,
        None,
        None,
        "",
    ),
    # one flattened table cell holding two plans: the last bracketed timeframe is read
    (
        X,
        "Description of the actions that will be undertaken and timeframe\t Continue conducting "
        "the Safer Internet - Connecting Generations project by the Ministry of Information "
        "Society and Telecommunications, in cooperation with the Ministry of Education and "
        "Telenor (during 2013); Sign a Memorandum of Cooperation between the Ministry of "
        "Justice, Ministry of Interior, Ministry for Information Society and Telecommunications "
        "and the Ministry of Education (III - IV Q 2013). ",
        D,
        "2013-07-01",
        "2013-12-31",
        "III - IV Q 2013",
    ),
]

# The 2014 report's follow-up actions (sections C): none says when, except "(during 2014)".
SEED_2014_FOLLOW_UPS = [
    (X, text, N, None, None, "")
    for text in [
        "Montenegro will develop, protocol and standard procedures to identify victims.",
        "Cooperation and coordination between law enforcement authorities of different States "
        "on victim identification will be further enhanced.",
        "Montenegro will put additional efforts in providing tools and resources for providing "
        "services for identification of victims.",
        "Montenegro will ensure that law enforcement authorities have access to the ICSE database.",
        "Identify shortcomings in legislation and adopt the necessary legislative amendments, "
        "including the disqualification of offenders from working with children;",
        "Facilitate and support close cooperation between investigators and prosecutors in cases "
        "of child sexual abuse online, both domestically and internationally;",
        "Improve cooperation between law enforcement authorities and private sector actors, whose "
        "infrastructure and services may be used for the trade in child sexual abuse material, "
        "to facilitate effective investigations into these crimes, including all financial "
        "aspects.",
        "Identify technological issues that make it difficult to investigate child sexual abuse "
        "online, and propose solutions, and try to provide adequate technical (hardware, "
        "software) tools for the investigation and identification of victims of these criminal "
        "offences;",
        "Promote, facilitate and support international law enforcement investigations among "
        "Global Alliance countries that dismantle networks of child sex offenders online, "
        "including, where appropriate, the setting up and use of Joint Investigation Teams;",
        "Increase training, both within Global Alliance countries and jointly among Global "
        "Alliance countries, of investigators and prosecutors handling child sexual abuse online "
        "cases;",
        "Participate in and support existing international law enforcement efforts such as the "
        "Virtual Global Task Force.",
        "Create a dedicated website for child protection online, which will be used to raise "
        "awareness, publish security guidelines and create a hotline for incident reports "
        "related to child abuse online;",
        "Conduct media campaigns and competitions for children in order to raise awareness;",
        "Conduct a research in order to evaluate the situation in Montenegro regarding child "
        "protection on the internet;",
        "Organizing a number of workshops and seminars, in cooperation with the private sector, "
        "for elementary school pupils on the topic of Internet usage, possible hazards and  "
        "protection measures.",
        "Develop public awareness material in commonly-used languages that can be tailored for "
        "use in Global Alliance countries, thereby reducing costs.",
        "Facilitate the development and the use of technologies to identify and remove known "
        "child pornography images uploaded into, downloaded from or hosted in servers under each "
        "country's jurisdiction;",
        "Improve international cooperation on child pornography elimination strategies, with a "
        "view towards developing consistent approaches and information exchange between "
        "countries;",
        "Continue improving cooperation with the private sector in order to reduce incident "
        "response time, and create special procedures for fast removal of abusive material from "
        "the internet;",
        "Consider using INTERPOL worst-of list, and in cooperation with ISP\u2019s block known "
        "abusive materials from the internet.",
        "Facilitate the setting up of Public-Private Partnerships in this field;",
        "Set up standardized interfaces between hotlines and ISPs/ESPs;",
        "Ensure and support the trust of law enforcement authorities in hotlines (e.g. "
        "requirements on personnel, procedures or vetting of staff);",
        "Ensure that the necessary conditions are in place for hotlines and ISPs/ESPs to play an "
        "effective role in notice and takedown procedures, including by removing legal or "
        "administrative obstacles for hotline staff to analyse child abuse images and to take "
        "appropriate action;",
        "Develop, improve or support easier reporting mechanisms;",
        "Ensure follow-up by law enforcement authorities to reports on child sexual abuse online;",
        "Continue improving international cooperation, through the National CIRT, with CERT "
        "teams from other countries.",
    ]
] + [
    (
        X,
        "Continue conducting the Safer Internet - Connecting Generations  project by the "
        "Ministry of Information Society and  Telecommunications, in cooperation with the "
        "Ministry of Education  and Telenor (during 2014);",
        D,
        "2014-01-01",
        "2014-12-31",
        "during 2014",
    ),
]

# The 2014 report's sections A and B: what was done, with its own time words.
SEED_2014_OTHER = [
    (
        X,
        "Through that international police cooperation, during \n2013, one criminal case for "
        "possession and distributing of child pornography has been prosecuted. There are also 2 "
        "on-going investigations and international police cooperation related to possession and "
        "distribution of child pornography.",
        D,
        "2013-01-01",
        "2013-12-31",
        "during \n2013",
    ),
    (
        X,
        "There are also 2 on-going investigations and international police cooperation related "
        "to possession and distribution of child pornography;",
        N,
        None,
        None,
        "",
    ),
    (
        X,
        "Montenegro continuously participate on daily basis in police cooperation and support "
        "international law enforcement investigations among Global Alliance countries",
        C,
        None,
        None,
        "on daily basis",
    ),
    (
        X,
        "Continued the cycle of workshops under peer education principles and with active "
        "participation of parents (2013);",
        D,
        "2013-01-01",
        "2013-12-31",
        "2013",
    ),
    (
        X,
        "Ministry for Information Society and Telecommunications officially marked Safe Internet "
        "Day, 5 February 2014;",
        D,
        "2014-02-05",
        "2014-02-05",
        "5 February 2014",
    ),
    (
        X,
        "National CIRT regularly publishes guidelines for children and parents for safe internet "
        "usage on their website www.cirt.me .",
        C,
        None,
        None,
        "regularly",
    ),
    (
        X,
        "State authorities are continually improving cooperation with the private sector in "
        "order to reduce incident response time.",
        C,
        None,
        None,
        "continually",
    ),
    (
        X,
        "National CIRT constantly improves international cooperation with CERT teams from other "
        "countries.",
        C,
        None,
        None,
        "constantly",
    ),
    (
        X,
        "A) Please report on implementation of any measures announced in your country\u2019s "
        "2013 report",
        N,
        None,
        None,
        "",
    ),
    (
        X,
        "Global Alliance Against Child Sexual Abuse Online \u2013 2014 Reporting Form",
        N,
        None,
        None,
        "",
    ),
]

# Traps for extract(): numbers that are not dates, several candidates, context words.
EXTRACT_TRAPS = [
    # numbers that are not dates
    (X, "Train 2000 police officers.", N, None, None, ""),
    (X, "a total of 2000 police officers", N, None, None, ""),
    (X, "The budget of 2000 was spent on training.", N, None, None, ""),
    (X, "Trainings for 2000.", N, None, None, ""),
    (X, "In 2000 schools the programme is running.", N, None, None, ""),
    (X, "Research covered 1,073 pupils and 965 parents in 30 schools.", N, None, None, ""),
    (X, "The law (Official Gazette No. 12/2013) applies.", N, None, None, ""),
    (X, "The law (Official Gazette of Montenegro, No. 40/2013) applies.", N, None, None, ""),
    (X, "Law 2013 was adopted", N, None, None, ""),
    (X, "the 2013 campaign was a success", N, None, None, ""),
    (X, "version 1.2014", N, None, None, ""),
    (X, "see www.cirt.me/2014", N, None, None, ""),
    (X, "2014", N, None, None, ""),  # a bare year needs a context in running text
    (X, "Train 2000 police officers by June 2014.", D, None, "2014-06-30", "by June 2014"),
    (X, "In 2014, police officers were trained", D, "2014-01-01", "2014-12-31", "In 2014"),
    # documented limit: a year followed by a lowercase noun reads as a count
    (X, "In 2014 police officers were trained", N, None, None, ""),
    (X, "in 2014 Montenegro will adopt", D, "2014-01-01", "2014-12-31", "in 2014"),
    (X, "year 2014 was busy", D, "2014-01-01", "2014-12-31", "year 2014"),
    (X, "during 2013 and 2000 police officers", D, "2013-01-01", "2013-12-31", "during 2013"),
    (X, "Article 211 of the Criminal Code (2013)", D, "2013-01-01", "2013-12-31", "2013"),
    (X, "v. 2.0 (2014)", D, "2014-01-01", "2014-12-31", "2014"),
    (X, "Adopt the National Strategy 2013-2017", D, "2013-01-01", "2017-12-31", "2013-2017"),
    (
        X,
        "implemented over the 2013-2014 period",
        D,
        "2013-01-01",
        "2014-12-31",
        "over the 2013-2014",
    ),
    (X, "Adopt the law (2014/15)", D, "2014-01-01", "2015-12-31", "2014/15"),
    (X, "Publish it by 03/2014", D, None, "2014-03-31", "by 03/2014"),
    # two timeframes: bracketed wins, otherwise the last one (the tail)
    (
        X,
        "Prepare the draft by March 2014 and adopt it by June 2014.",
        D,
        None,
        "2014-06-30",
        "by June 2014",
    ),
    (
        X,
        "Hold a conference in June 2014 (2013-2014).",
        D,
        "2013-01-01",
        "2014-12-31",
        "2013-2014",
    ),
    (
        X,
        "Following the Safer Internet Day, 5 February 2014, organise workshops (II - III Q 2014);",
        D,
        "2014-04-01",
        "2014-09-30",
        "II - III Q 2014",
    ),
    (
        X,
        "Sign the MoU (with the Ministry) by June 2014",
        D,
        None,
        "2014-06-30",
        "by June 2014",
    ),
    (
        X,
        "Organise workshops after the Safer Internet Day, 5 February 2014, during 2014.",
        D,
        "2014-01-01",
        "2014-12-31",
        "during 2014",
    ),
    (
        X,
        "Conference on 5 March 2014 and workshop on 6 March 2014",
        D,
        "2014-03-06",
        "2014-03-06",
        "on 6 March 2014",
    ),
    (
        X,
        "The Memorandum signed on 5 March 2014 and 6 March 2014",
        D,
        "2014-03-05",
        "2014-03-06",
        "on 5 March 2014 and 6 March 2014",
    ),
    (
        X,
        "from 2013 to 2015 and from 2016 to 2018",
        D,
        "2016-01-01",
        "2018-12-31",
        "from 2016 to 2018",
    ),
    (X, "Q3 2014 (continuous)", C, None, None, "continuous"),
    (X, "[see (2014)]", D, "2014-01-01", "2014-12-31", "2014"),
    (X, "(see [2013] and 2014)", D, "2013-01-01", "2013-12-31", "2013"),
    (X, "(a (b) during 2014)", D, "2014-01-01", "2014-12-31", "during 2014"),
    (X, "Adopt it (2014", N, None, None, ""),  # an unclosed bracket is no bracket
    (
        X,
        "Adopt the strategy (2013-2014) and report on it by June 2014.",
        D,
        "2013-01-01",
        "2014-12-31",
        "2013-2014",
    ),
    (
        X,
        "Hold workshops (II - III Q 2014), then a conference in December 2014 (continuous) "
        "and a final report by 31.12.2015.",
        C,
        None,
        None,
        "continuous",
    ),
    (X, "Conduct trainings regularly during 2014", D, "2014-01-01", "2014-12-31", "during 2014"),
    (
        X,
        "Conduct trainings during 2014 on a regular basis",
        C,
        None,
        None,
        "on a regular basis",
    ),
    (
        X,
        "Training (implemented during 2014 by UNICEF)",
        D,
        "2014-01-01",
        "2014-12-31",
        "during 2014",
    ),
    # the continuous family only as a timeframe, not as an adjective before a noun
    (X, "The process is ongoing.", C, None, None, "ongoing"),
    (X, "Implementation will be continuous", C, None, None, "continuous"),
    (X, "Monitor it on an ongoing basis;", C, None, None, "on an ongoing basis"),
    (X, "(ongoing process)", N, None, None, ""),
    (X, "Develop permanent structures for cooperation", N, None, None, ""),
    (
        X,
        "Ongoing investigations will be completed by June 2014.",
        D,
        None,
        "2014-06-30",
        "by June 2014",
    ),
    (X, "Report annually to the Government", C, None, None, "annually"),
    # vague words
    (X, "The law will be adopted soon.", V, None, None, "soon"),
    (X, "Amend the law as soon as possible;", V, None, None, "as soon as possible"),
    (X, "Adopt the plan in the short term", V, None, None, "in the short term"),
    (X, "Develop the measures (short-term)", V, None, None, "short-term"),
    (X, "Develop short-term measures", N, None, None, ""),
    (X, "Publish the results later.", V, None, None, "later"),
    (X, "Two years later the law was adopted", N, None, None, ""),
    (X, "Adopt the law next year.", V, None, None, "next year"),
    (X, "Dates are TBD for the workshops", V, None, None, "TBD"),
    # invalid dates are not timeframes, and do not hide a valid one
    (X, "Adopt the law by 31.02.2014", N, None, None, ""),
    (X, "Adopt the law in Q5 2014", N, None, None, ""),
    (X, "Adopt the law 13/2014", N, None, None, ""),
    (X, "(2015-2013)", N, None, None, ""),
    (X, "during 2015-2013", N, None, None, ""),
    (X, "December 2014 - February 2014", N, None, None, ""),
    (X, "Close the call 31-28 February 2014", N, None, None, ""),
    (X, "Close the call IV - I Q 2014", N, None, None, ""),
    (X, "from 5 March 2014 - 31.02.2014", D, "2014-03-05", None, "from 5 March 2014"),
    (
        X,
        "Report by 31.02.2014 or at the latest by 30.06.2014",
        D,
        None,
        "2014-06-30",
        "at the latest by 30.06.2014",
    ),
    # empty text, whitespace, odd unicode
    (X, "", N, None, None, ""),
    (X, " \t\n ", N, None, None, ""),
    (X, "during 2014 \U0001f389", D, "2014-01-01", "2014-12-31", "during 2014"),
    (X, "\u200f(during 2014)\u200f", D, "2014-01-01", "2014-12-31", "during 2014"),
    (X, "Activit\u00e9s pr\u00e9vues (2014)", D, "2014-01-01", "2014-12-31", "2014"),
    (X, "during\u00a02013", D, "2013-01-01", "2013-12-31", "during\u00a02013"),
    (X, "Q\u03053 2014", N, None, None, ""),
    (X, "Z\u00fcrich 2014", N, None, None, ""),
    (X, "during \uff12\uff10\uff11\uff14", N, None, None, ""),
    (X, "\ud800 during 2014", D, "2014-01-01", "2014-12-31", "during 2014"),
]

CASES = (
    PARSE_CASES
    + SEED_2013_PLANS
    + SEED_2013_OTHER
    + SEED_2014_FOLLOW_UPS
    + SEED_2014_OTHER
    + EXTRACT_TRAPS
)


def _date(iso: str | None) -> datetime.date | None:
    return None if iso is None else datetime.date.fromisoformat(iso)


def _id(case: tuple) -> str:
    return f"{case[0]}:{case[1][:48]!r}"


@pytest.mark.parametrize(
    ("fn", "text", "kind", "start", "end", "matched"),
    [pytest.param(*case, id=_id(case)) for case in CASES],
)
def test_table(
    fn: str, text: str, kind: str, start: str | None, end: str | None, matched: str
) -> None:
    tf = FUNCS[fn](text)
    assert (tf.kind, tf.start, tf.end, tf.matched) == (kind, _date(start), _date(end), matched)
    if kind == N:
        assert tf.span is None
    else:
        assert tf.span is not None
        assert text[tf.span[0] : tf.span[1]] == matched


def test_table_is_large() -> None:
    assert len(CASES) > 150


# Every accepted standalone form: parse, describe, parse again; and find it in a sentence.
ROUND_TRIP = [case[1] for case in PARSE_CASES if case[2] in (D, C)]


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_describe_round_trips(text: str) -> None:
    first = parse(text)
    again = parse(first.describe())
    assert (again.kind, again.start, again.end) == (first.kind, first.start, first.end)


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_bracketed_tail_reads_like_parse(text: str) -> None:
    alone = parse(text)
    sentence = f"Carry out the planned action ({alone.matched});"
    found = extract(sentence)
    assert (found.kind, found.start, found.end) == (alone.kind, alone.start, alone.end)
    assert found.matched == alone.matched


@pytest.mark.parametrize(
    ("tf", "expected"),
    [
        (Timeframe(D, _date("2013-07-01"), _date("2013-12-31")), "2013-07-01..2013-12-31"),
        (Timeframe(D, None, _date("2014-06-30")), "..2014-06-30"),
        (Timeframe(D, _date("2014-01-01"), None), "2014-01-01.."),
        (Timeframe(D, _date("2014-02-05"), _date("2014-02-05")), "2014-02-05..2014-02-05"),
        (Timeframe(C), "continuous"),
        (Timeframe(V), "vague"),
        (NONE, "none"),
    ],
)
def test_describe(tf: Timeframe, expected: str) -> None:
    assert tf.describe() == expected


def test_describe_of_parsed_values() -> None:
    assert parse("(III - IV Q 2013)").describe() == "2013-07-01..2013-12-31"
    assert parse("by June 2014").describe() == "..2014-06-30"
    assert parse("from January 2014").describe() == "2014-01-01.."
    assert parse("continuous").describe() == "continuous"
    assert parse("ASAP").describe() == "vague"
    assert parse("Article 211").describe() == "none"


def test_parse_span_points_into_the_input() -> None:
    tf = parse("(III - IV Q 2013);")
    assert tf.span == (1, 16)
    tf = extract("Mark Safer Internet Day, 5 February 2014.")
    assert tf.span == (25, 40)


def test_expected_names_the_forms_and_its_examples_parse() -> None:
    for word in ("year", "quarter", "half", "month", "date", "deadline", "'continuous'"):
        assert word in EXPECTED
    for example in ("Q3 2014", "H1 2015", "by 31.12.2014"):
        assert example in EXPECTED
        assert parse(example).kind == D
    assert parse("by 31.12.2014").end == datetime.date(2014, 12, 31)


def test_timeframe_is_frozen() -> None:
    tf = parse("Q3 2014")
    with pytest.raises(AttributeError):  # immutable (a named tuple)
        tf.kind = "none"  # type: ignore[misc]
    assert tf == parse("Q3 2014")
    assert Timeframe("none", None, None, "", None) == NONE


def test_import_compiles_nothing() -> None:
    root = Path(__file__).resolve().parents[2]
    code = (
        "from galint.analysis.timeframe import lookaheads, parse, patterns; "
        "assert patterns.whole.cache_info().currsize == 0; "
        "parse('Q3 2014'); "
        "assert patterns.whole.cache_info().currsize == 1; "
        "assert lookaheads.candidate.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)


LONG = 100_000


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("x" * LONG, N, None, None),
        (" " * LONG, N, None, None),
        ("1" * LONG, N, None, None),
        ("(" * LONG, N, None, None),
        ("Q" * LONG, N, None, None),
        ("word " * (LONG // 5) + "(during 2014)", D, "2014-01-01", "2014-12-31"),
        ("(during 2014) " + "word " * (LONG // 5), D, "2014-01-01", "2014-12-31"),
        ("in " * (LONG // 3) + "2014", D, "2014-01-01", "2014-12-31"),
        ("during the " * (LONG // 11) + "2014", D, "2014-01-01", "2014-12-31"),
        ("2000 police officers " * (LONG // 21), N, None, None),
        ("31.02.2014 " * (LONG // 11) + "by 30.06.2014.", D, None, "2014-06-30"),
        ("March " * (LONG // 6), N, None, None),
        ("(2013-" * (LONG // 6), N, None, None),
        ("continuous " * (LONG // 11), C, None, None),
        ("(" + "during 2014 " * (LONG // 12) + ")", D, "2014-01-01", "2014-12-31"),
        ("[" + "x " * (LONG // 2) + "(2014)" + " y" * 1000 + "]", D, "2014-01-01", "2014-12-31"),
    ],
    ids=lambda v: repr(v)[:24] if isinstance(v, str) else None,
)
def test_very_long_text(text: str, kind: str, start: str | None, end: str | None) -> None:
    tf = extract(text)
    assert (tf.kind, tf.start, tf.end) == (kind, _date(start), _date(end))
    if tf.span is not None:
        assert text[tf.span[0] : tf.span[1]] == tf.matched
    assert parse(text).kind == (C if text.strip() == "continuous" else N)


def test_long_text_tail_span() -> None:
    text = "word " * (LONG // 5) + "(during 2014)"
    tf = extract(text)
    assert tf.matched == "during 2014"
    assert tf.span == (len(text) - 12, len(text) - 1)


# --- the fast paths, which must read as the plain code does ------------------------------------

# Every word the patterns are written with, a few that are not, numbers, and punctuation: the
# texts where a look-ahead that turns away too much would show.
_PATTERN_WORDS = sorted(
    set(
        re.findall(
            r"[a-z]+",
            re.sub(
                r"\\[a-zA-Z]|\(\?P<\w+>",
                " ",
                " ".join([patterns.candidate_source(), *lookaheads.GATES]),
            ),
        )
    )
)
_NOT_PATTERN_WORDS = ["cooperation", "police", "schools", "intend", "thenceforth", "ending"]
_GLUE = [" ", "  ", ", ", "; ", ": ", " - ", "-", "\u2013", "..", "/", "(", ")", " & ", ".", "\n"]
_NUMBERS = ["2014", "2013", "1999", "2100", "3", "12", "30", "1st", "15th", "q3", "h1", "iv"]
_ROMAN_GLUED = ["iiiq 2013", "ivq", "iih", "iisemester 2014", "iiiquarter", "i q 2014"]


def _matching(sources: object) -> st.SearchStrategy[str]:
    return st.one_of([st.from_regex(re.compile(src), fullmatch=True) for src in sources])


_PHRASES = list(PRE_PHRASES)
_ATOM = _matching(src for _, src in patterns.ATOMS)
# One of each kind of undated timeframe, as written, and others the patterns make.
_UNDATED_FORMS = [
    "on a regular basis", "on an ongoing basis", "on-going", "on going", "on\u2010going",
    "ongoing", "continuously", "every year", "each year", "continuous", "permanent", "yearly",
    "as soon as possible", "asap", "a.s.a.p.", "the near future", "in the nearest future",
    "in the coming months", "in the next period", "in due course", "in the short term",
    "in the mid-term", "at a later stage", "later on", "later this year", "tbd", "t.b.d.",
    "to be determined", "to be confirmed", "to be agreed", "by the end of the year",
    "until end of this year", "before the end of next year", "end of the year",
    "the end of this year", "this year", "next year", "the following year", "the next year",
    "within 6 months", "within the next two years", "in the future", "when possible", "soon",
    "short-term", "long term", "mediumterm", "later", "future",
]  # fmt: skip
_PRE_SEPARATORS = [" ", ": ", " : ", ":", "-", "\u2013", " ..", " .. "]
_UNDATED = st.one_of(
    st.sampled_from(_UNDATED_FORMS),
    _matching(
        [
            patterns.CONTINUOUS_ANY,
            patterns.CONTINUOUS_WORD,
            patterns.VAGUE_ANY,
            patterns.VAGUE_WORD,
        ]
    ),
)
# Phrases before an atom, joined as the pattern allows: "by: 2014", "by end-2014", "until ..2014".
_DATED = st.tuples(
    st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=3),
    st.sampled_from(_PRE_SEPARATORS),
    st.one_of(_ATOM, _matching(patterns.PARTIALS.values())),
).map(lambda parts: parts[1].join([*parts[0], parts[2]]))
# Texts made of those, of the patterns' own words, and of other words and numbers, glued by
# spaces and punctuation.
_FRAGMENTS = st.one_of(
    _DATED,
    _UNDATED,
    st.sampled_from(_PHRASES),
    _ATOM,
    st.sampled_from(_PATTERN_WORDS + _NOT_PATTERN_WORDS + _NUMBERS + _ROMAN_GLUED),
)
_TEXTS = st.lists(st.tuples(_FRAGMENTS, st.sampled_from(_GLUE)), max_size=8).map(
    lambda parts: "".join(fragment + glue for fragment, glue in parts)
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_the_look_aheads_turn_no_candidate_away(text: str) -> None:
    """The patterns match alike with and without their look-aheads, wherever a search starts."""
    assert_matched_alike(text)


def test_the_look_aheads_let_every_written_form_through() -> None:
    """Each undated form as written, and each phrase before an atom, as the pattern joins them."""
    atoms = ["2014", "q3 2014", "first half of 2014", "march 2014", "30.06.2014", "q1-q2 2015"]
    texts = [f"x {form};" for form in _UNDATED_FORMS + _ROMAN_GLUED] + [
        f"x {phrase}{separator}{atom};"
        for phrase in _PHRASES
        for separator in _PRE_SEPARATORS
        for atom in atoms
    ]
    for text in texts:
        assert_matched_alike(text)


def assert_matched_alike(text: str) -> None:
    fast, plain = lookaheads.candidate(), patterns.candidate()
    low = " " + text
    for start in range(len(low)):
        a, b = fast.search(low, start), plain.search(low, start)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (text, start)


def test_the_look_aheads_are_used() -> None:
    assert all(lookaheads.GATES)
    assert lookaheads.candidate().pattern == patterns.compile_candidate(lookaheads.GATES).pattern


def _plain_extract(text: str) -> Timeframe:
    """extract() without its fast paths: the plain pattern, and the scan of the whole text."""
    shifted = " " + text
    found = sentence.scan(shifted, patterns.lower(shifted), patterns.candidate())
    if found.span is None:
        return found
    return found._replace(span=(found.span[0] - 1, found.span[1] - 1))


# Texts with brackets, most often a last one that holds a timeframe and little else.
_BRACKETED = st.tuples(
    _TEXTS,
    st.sampled_from(["(", "[", " (", "(( ", "[ ", "(in "]),
    st.one_of(_DATED, _UNDATED, _ATOM, _TEXTS),
    st.sampled_from([")", "]", ") ", " );", ") (", "].", "; )"]),
    st.one_of(st.sampled_from(["", ";", ".", " ", ", and"]), _TEXTS),
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TEXTS, _BRACKETED))
def test_extract_reads_as_the_plain_scan(text: str) -> None:
    """The last bracket's timeframe, found without a scan, is the one the scan finds."""
    assert extract(text) == _plain_extract(text), text


def test_extract_reads_as_the_plain_scan_on_every_written_form() -> None:
    atoms = ["2014", "q3 2014", "first half of 2014", "march 2014", "q1-q2 2015", "2013-2014"]
    dated = [f"{p}{sep}{atom}" for p in _PHRASES for sep in _PRE_SEPARATORS for atom in atoms]
    for form in dated + _UNDATED_FORMS:
        for text in (
            f"Police will train teachers ({form});",
            f"Police trainings ({form}), cooperation with UNICEF (in 2014).",
            f"In 2013 police [{form}]",
            f"Police (trainings {form}) cooperation in 2015;",
            f"Police (trainings) {form} (2014 - 2013)",
        ):
            assert extract(text) == _plain_extract(text), text

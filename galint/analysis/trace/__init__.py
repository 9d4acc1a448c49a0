"""Follow-up tracing: what became, in a report, of each plan of the report it follows up. The
package owns matching the previous report's plans to the current report's items, by link or
by stemmed words (items, words, weights, scoring, tracing, in that order), the statuses it
gives them (followed, carried, missing), the cache of traces the rules share (cache), how
the rules name a plan (cite) and the text and JSON output of the matrix (render).

May import: galint.core, galint.io, galint.form, galint.analysis.timeframe, the standard
library and the stemmer libraries (snowballstemmer, with PyStemmer when installed).
"""

from __future__ import annotations

from galint.analysis.trace.cache import keeping, trace_of
from galint.analysis.trace.cite import cite, implementation_path
from galint.analysis.trace.items import plan_ids, plans_of
from galint.analysis.trace.model import MAX_MATCHES, PARAMS, Match, Params, PlanTrace, Trace
from galint.analysis.trace.render import render_text, shorten, to_json, where
from galint.analysis.trace.tracing import trace
from galint.analysis.trace.words import prepare

__all__ = [
    "MAX_MATCHES",
    "PARAMS",
    "Match",
    "Params",
    "PlanTrace",
    "Trace",
    "cite",
    "implementation_path",
    "keeping",
    "plan_ids",
    "plans_of",
    "prepare",
    "render_text",
    "shorten",
    "to_json",
    "trace",
    "trace_of",
    "where",
]

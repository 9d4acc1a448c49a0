"""Tracing a pair of reports: each plan's links, then its text matches, then its status.

A plan of the previous report (a 2013 ``planned`` item, or a 2014 ``follow-up`` item when a
2014 report is the predecessor) is matched to the items of the current report that speak of
it: by an explicit link (the item's ``follows`` names the plan's id), or else by its text.
An explicit link wins: a plan that any item links to is matched by its links only.
"""

from __future__ import annotations

from galint.analysis.trace.items import Place, places, plan_ids, plans_of
from galint.analysis.trace.model import PARAMS, Match, Params, Trace
from galint.analysis.trace.scoring import plan_trace, score_row, text_matches
from galint.analysis.trace.weights import vectors
from galint.analysis.trace.words import Words
from galint.form.model import Item, Report


def trace(previous: Report, current: Report, params: Params = PARAMS) -> Trace:
    """What ``current`` makes of each plan of ``previous``."""
    plans = list(plans_of(previous))
    placed = list(places(current))
    links = _links(previous, current, placed)
    matches = text_matches(_scores(previous, current, plans, placed, params), params)
    traced = []
    for (plan, target), row in zip(plans, matches, strict=True):
        # An explicit link wins: the author said where the plan is reported on.
        found = list(links.get(id(plan), []))
        if not found:
            found = [_match(current, *placed[n], score, "text") for n, score in row]
        traced.append(plan_trace(previous, plan, target, found))
    return Trace(previous, current, traced)


def _links(
    previous: Report, current: Report, placed: list[tuple[Item, Place]]
) -> dict[int, list[Match]]:
    """The items that name a plan in their ``follows``, by the plan's id()."""
    ids = plan_ids(previous)
    links: dict[int, list[Match]] = {}
    for item, place in placed:
        for ref in dict.fromkeys(item.follows):
            plan = ids.get(ref)
            if plan is not None:
                links.setdefault(id(plan), []).append(_match(current, item, place, 1.0, "link"))
    return links


def _scores(
    previous: Report,
    current: Report,
    plans: list[tuple[Item, int]],
    placed: list[tuple[Item, Place]],
    params: Params,
) -> list[dict[int, float]]:
    """Each plan's scores against the items of ``current`` (see score_row)."""
    country = [previous.country_name or "", current.country_name or ""]
    words = Words(" ".join(country).split(), params.prefix)
    plan_terms = words.terms([plan.text for plan, _ in plans])
    # Every item of both reports counts for the weights: the undertaken actions of the previous
    # report too, since the words they share with everything else are the ones that tell little.
    planned = {id(plan) for plan, _ in plans}
    others = words.stems_of([item.text for item in previous.items() if id(item) not in planned])
    # A stem counts less only when both texts use it inside a name: an item's names matter
    # only among the plans' names.
    plan_names = set().union(*(terms.names for terms in plan_terms))
    item_terms = words.terms([item.text for item, _ in placed], plan_names)
    weights = vectors(plan_terms, item_terms, others)
    targets = [place.target for _, place in placed]
    return [
        score_row(vector, target, weights, targets, params)
        for vector, (_, target) in zip(weights.plans, plans, strict=True)
    ]


def _match(report: Report, item: Item, place: Place, score: float, via: str) -> Match:
    line = report.document.line(item.path)
    return Match(item, place.section, place.target, place.goal, score, via, line)

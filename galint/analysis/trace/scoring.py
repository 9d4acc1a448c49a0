"""Scoring plans against items, and deciding what became of each plan.

The score of a plan and an item blends the cosine of their vectors with the share of the
plan's weight the item covers (an item that reports two plans in one sentence still covers
each). A stem both texts use inside a name counts for less: the same ministries turn up all
over a report. An item under the plan's own policy target gets a small bonus; other targets
are allowed. An item matches a plan when its score reaches the threshold and a share
(``relative``) of its score for the plan it matches best.

A plan is ``followed`` when an item of section A (implementation) or B (assessment) matches
it, ``carried`` when only items of C (follow-up) do (planned again, with no word on what was
done), and ``missing`` when nothing does.
"""

from __future__ import annotations

from galint.analysis.trace.model import MAX_MATCHES, Match, Params, PlanTrace
from galint.analysis.trace.weights import Holders, Vector, Weights
from galint.form.model import Item, Report


def score_row(
    plan: Vector, target: int, weights: Weights, targets: list[int], params: Params
) -> dict[int, float]:
    """The plan's score against each item (under policy target ``targets[n]``) that reaches
    the threshold, by the item's position: no other can match, nor change which plan an item
    matches best."""
    dots, covers = _shared(plan, weights.holders, len(targets), params.name_weight)
    cover_weight = 1.0 - params.cosine_weight
    row = {}
    for n, cover in enumerate(covers):
        if not cover:  # no stem shared
            continue
        cosine = dots[n] / (plan.norm * weights.norms[n])
        score = params.cosine_weight * cosine + cover_weight * (cover / plan.total)
        if targets[n] == target:
            score += params.same_target_bonus
        if score >= params.threshold:
            row[n] = min(score, 1.0)
    return row


def _shared(
    plan: Vector, holders: Holders, count: int, name_weight: float
) -> tuple[list[float], list[float]]:
    """The dot product of the plan's vector with each item's, and the plan's weight each item
    covers. A stem both texts use inside a name counts ``name_weight`` of its weight in
    both; the texts' full weights stay the measure."""
    dots = [0.0] * count
    covers = [0.0] * count  # a shared stem always adds to it: 0 means no stem shared
    for stem, weight in plan.weights.items():
        in_name = stem in plan.names
        for n, other, other_in_name in holders[stem]:
            share = weight * name_weight if in_name and other_in_name else weight
            dots[n] += share * other
            covers[n] += share
    return dots, covers


def text_matches(rows: list[dict[int, float]], params: Params) -> list[list[tuple[int, float]]]:
    """For each plan's row of scores, the items that match it, by position: those that reach
    the threshold and ``params.relative`` of their best score for any plan."""
    best: dict[int, float] = {}
    for row in rows:
        for n, score in row.items():
            best[n] = max(best.get(n, 0.0), score)
    return [
        [
            (n, score)
            for n, score in sorted(row.items())
            if score >= params.threshold and score >= params.relative * best[n]
        ]
        for row in rows
    ]


def plan_trace(previous: Report, plan: Item, target: int, found: list[Match]) -> PlanTrace:
    """A plan's status, and its matches best first: links, then by score, then by line."""
    found.sort(key=lambda m: (m.via != "link", -m.score, m.line))
    reported = [m for m in found if m.section in "AB"]
    if reported:
        status = "followed"
    elif found:
        status = "carried"
    else:
        status = "missing"
    shown = found[:MAX_MATCHES]
    # A followed plan shows where it was reported on, even behind better restatements in C.
    if reported and not any(m.section in "AB" for m in shown):
        shown = [*shown[: MAX_MATCHES - 1], reported[0]]
    line = previous.document.line(plan.path)
    return PlanTrace(plan, target, line, status, shown)

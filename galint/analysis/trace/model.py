"""The matcher's settings and what a trace is made of."""

from __future__ import annotations

from dataclasses import dataclass, field

from galint.form.model import Item, Report

# A plan shows at most this many matches.
MAX_MATCHES = 3


@dataclass(frozen=True, slots=True)
class Params:
    """The matcher's settings; the defaults were measured on tests/trace_eval."""

    # A text match needs at least this score (after the same-target bonus).
    threshold: float = 0.25
    # Added to the score of an item under the plan's own policy target.
    same_target_bonus: float = 0.05
    # Weight of the cosine in the score; the rest is the plan's weight the item covers.
    cosine_weight: float = 0.35
    # An item matches a plan only if it scores at least this share of its best plan's score:
    # an item on one plan does not also follow every plan that shares a few words with it.
    relative: float = 0.5
    # Stems are cut to this many characters (0: not cut): "identified" and "identification"
    # stem differently, and their first letters are what they share.
    prefix: int = 6
    # Weight of a word both texts use inside a name ("Ministry of Education"), against a word
    # they share elsewhere.
    name_weight: float = 0.5


PARAMS = Params()


@dataclass(slots=True)
class Match:
    """An item of the current report that speaks of a previous plan."""

    item: Item
    section: str  # "A", "B" or "C": the item's section in the current report
    target: int
    goal: int | None
    score: float  # 0..1; 1.0 for a link
    via: str  # "link" or "text"
    line: int


@dataclass(slots=True)
class PlanTrace:
    """One plan of the previous report and what the current report makes of it."""

    plan: Item
    target: int
    line: int  # in the previous report
    status: str  # "followed", "carried" or "missing"
    matches: list[Match] = field(default_factory=list)  # best first, at most MAX_MATCHES


@dataclass(slots=True)
class Trace:
    """What the current report makes of every plan of the previous one."""

    previous: Report
    current: Report
    plans: list[PlanTrace]

    def by_id(self) -> dict[str, PlanTrace]:
        """The plans by their id (explicit or by position)."""
        return {p.plan.ref: p for p in self.plans if p.plan.ref is not None}

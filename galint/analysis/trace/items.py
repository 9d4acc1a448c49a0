"""The items of a report that a trace compares: the plans, and every item with its place."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from galint.form.model import Item, Report, Section


class Place(NamedTuple):
    """Where an item stands in the current report."""

    section: str  # "A", "B" or "C"
    target: int
    goal: int | None


def plans_of(report: Report) -> Iterator[tuple[Item, int]]:
    """The plans of a report, each with its policy target's number."""
    for target in report.targets:
        for section in target.all_sections():
            if section.plans:
                for item in section.items:
                    yield item, target.number


def plan_ids(report: Report) -> dict[str, Item]:
    """Every id a plan of ``report`` can be named by: explicit ids first, then default ones.

    A default id stays usable next to an explicit one (the format allows it anywhere), unless
    another plan's explicit id is the same text: then the explicit id wins.
    """
    ids: dict[str, Item] = {}
    plans = [item for item, _ in plans_of(report)]
    for item in plans:
        if item.id is not None:
            ids.setdefault(item.id, item)
    for item in plans:
        if item.default_id is not None:
            ids.setdefault(item.default_id, item)
    return ids


def places(report: Report) -> Iterator[tuple[Item, Place]]:
    """Every item of the report, with where it stands."""
    for target in report.targets:
        for section in target.sections:
            place = Place(_letter(section), target.number, None)
            for item in section.items:
                yield item, place
        for goal in target.goals:
            for section in goal.sections:
                place = Place(_letter(section), target.number, goal.spec.number)
                for item in section.items:
                    yield item, place


def _letter(section: Section) -> str:
    # A 2013 report has no lettered sections; its plans count as C, its other items as A.
    return section.spec.letter or ("C" if section.plans else "A")

"""IDF-style weights: the vectors the scores are worked out from.

Each stem is weighted by how rare it is among all texts of both reports (IDF: a stem in every
text weighs nothing), times 1 + ln of how often the text uses it.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable
from itertools import chain
from typing import NamedTuple

from galint.analysis.trace.words import Terms


class Vector(NamedTuple):
    """A plan's weighted stems."""

    weights: dict[str, float]
    names: frozenset[str]  # stems seen only inside names in this text
    norm: float
    total: float  # sum of weights: what "covering" a text is measured against


# Which items hold each stem of the plans (none: an empty list): each item's position, the
# stem's weight there, and whether the stem is inside a name there.
Holders = dict[str, list[tuple[int, float, bool]]]


class Weights(NamedTuple):
    """The plans' vectors, the norm of each item's vector, and which items hold each stem of
    the plans (a plan is scored by walking its stems' lists: only the items that share a
    stem with it are touched)."""

    plans: list[Vector]
    norms: list[float]
    holders: Holders


def vectors(plans: list[Terms], items: list[Terms], others: list[set[str]]) -> Weights:
    """The weights of the plans and the items; the stems of ``others`` count for the IDF."""
    idf = _idf([*(terms.counts for terms in plans), *(terms.counts for terms in items), *others])
    plan_vectors = [_vector(terms, idf) for terms in plans]
    # A stem in every text has no IDF: it weighs 0.0 here, which changes no norm.
    norms = [
        math.hypot(*[_tf(n) * idf.get(stem, 0.0) for stem, n in terms.counts.items()])
        for terms in items
    ]
    planned = {stem for vector in plan_vectors for stem in vector.weights}
    holders: Holders = {stem: [] for stem in planned}
    for n, (counts, names) in enumerate(items):
        for stem in counts.keys() & planned:
            holders[stem].append((n, _tf(counts[stem]) * idf[stem], stem in names))
    return Weights(plan_vectors, norms, holders)


def _idf(texts: list[Iterable[str]]) -> dict[str, float]:
    """The weight of each stem by the number of texts that use it; a stem in every text
    weighs nothing and is left out."""
    count = len(texts)
    frequency = Counter(chain.from_iterable(texts))
    return {stem: math.log(count / n) for stem, n in frequency.items() if n < count}


@functools.cache
def _tf(n: int) -> float:
    """The weight of a stem a text uses ``n`` times (cached: called for every stem)."""
    return 1.0 + math.log(n)


def _vector(terms: Terms, idf: dict[str, float]) -> Vector:
    weights = {stem: _tf(n) * idf[stem] for stem, n in terms.counts.items() if stem in idf}
    return Vector(weights, terms.names, math.hypot(*weights.values()), sum(weights.values()))

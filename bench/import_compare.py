"""Comparing the items of two reports: the share an import got identical to a transcription.

Items are compared per section, in order, after normalising whitespace and trailing
punctuation; a section one report has and the other has not counts each of its items as
different. ``galint import`` is measured with it (tests/importing, bench/import_eval.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

Section = tuple[str, ...]


def normalise(text: str) -> str:
    return " ".join(text.split()).rstrip(" .;,:").strip()


def items_of(report: dict[str, Any]) -> dict[Section, list[str]]:
    """Each section of a report's data (as YAML reads it) and its items' texts."""
    found: dict[Section, list[str]] = {}
    for key, value in report.items():
        if key.startswith("policy-target-") and isinstance(value, dict):
            found.update(_sections((key,), value))
    return found


def _sections(where: Section, mapping: dict[str, Any]) -> Iterator[tuple[Section, list[str]]]:
    for key, value in mapping.items():
        if key.startswith("goal-") and isinstance(value, dict):
            yield from _sections((*where, key), value)
        elif isinstance(value, list):
            yield (*where, key), [normalise(_text(item)) for item in value]
        elif value is not None:
            yield (*where, key), [normalise(str(value))]
        else:
            yield (*where, key), []


def _text(item: Any) -> str:
    return str(item.get("text", "")) if isinstance(item, dict) else str(item)


@dataclass
class Comparison:
    same: int = 0
    total: int = 0
    differences: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.same / self.total if self.total else 1.0

    def add(self, other: Comparison) -> None:
        self.same += other.same
        self.total += other.total
        self.differences += other.differences


def compare(got: dict[str, Any], expected: dict[str, Any], name: str = "") -> Comparison:
    """How many of the items of ``got`` and ``expected`` are identical, per section and
    position; the others described."""
    result = Comparison()
    ours, theirs = items_of(got), items_of(expected)
    for section in sorted(set(ours) | set(theirs)):
        a, b = ours.get(section, []), theirs.get(section, [])
        for n in range(max(len(a), len(b))):
            result.total += 1
            one = a[n] if n < len(a) else None
            other = b[n] if n < len(b) else None
            if one == other:
                result.same += 1
            else:
                where = " > ".join(section)
                result.differences.append(
                    f"{name} {where} #{n + 1}:\n  imported: {one!r}\n  expected: {other!r}"
                )
    if got.get("form") != expected.get("form"):
        result.differences.append(f"{name}: form {got.get('form')!r}, not {expected.get('form')!r}")
    country, want = got.get("country") or {}, expected.get("country") or {}
    if country.get("code") != want.get("code"):
        result.differences.append(f"{name}: country {country!r}, not {want!r}")
    return result

"""The reporting form: editions, policy targets and operational goals, read from ``form.yaml``."""

from __future__ import annotations

import os
from functools import cache
from typing import Any, NamedTuple

import galint.schema

# As plain strings for galint's own use: pathlib costs a few milliseconds of every start.
SCHEMA_PATH = os.path.join(os.path.dirname(galint.schema.__file__), "galint.schema.json")
FORM_PATH = os.path.join(os.path.dirname(galint.schema.__file__), "form.yaml")
# SCHEMA_DIR, FORM_FILE and SCHEMA_FILE: the same as pathlib.Path objects (see __getattr__).
_PATHS = {
    "SCHEMA_DIR": os.path.dirname(SCHEMA_PATH),
    "FORM_FILE": FORM_PATH,
    "SCHEMA_FILE": SCHEMA_PATH,
}


def __getattr__(name: str) -> Any:
    if name in _PATHS:
        from pathlib import Path

        return Path(_PATHS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


FORM_KEY = "form"

# The specs are named tuples rather than frozen dataclasses: every galint run makes these
# classes, and a frozen dataclass costs about half a millisecond to make.


class SectionSpec(NamedTuple):
    key: str
    title: str
    question: str
    plans: bool
    letter: str | None = None

    @property
    def label(self) -> str:
        """How a person names the section: ``C) follow-up`` or ``planned``."""
        return f"{self.letter}) {self.key}" if self.letter else self.key


class GoalSpec(NamedTuple):
    target: int
    number: int
    title: str

    @property
    def key(self) -> str:
        return f"goal-{self.number}"

    @property
    def ref(self) -> str:
        return f"{self.target}.{self.number}"


class TargetSpec(NamedTuple):
    number: int
    title: str
    goals: tuple[GoalSpec, ...]

    @property
    def key(self) -> str:
        return f"policy-target-{self.number}"


class EditionSpec(NamedTuple):
    form: str
    year: int
    title: str
    per: str  # "target" or "goal": where the sections are answered
    sections: tuple[SectionSpec, ...]

    def section(self, key: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.key == key), None)


class Form(NamedTuple):
    editions: tuple[EditionSpec, ...]
    targets: tuple[TargetSpec, ...]

    def edition(self, form: object) -> EditionSpec | None:
        return next((e for e in self.editions if e.form == form), None)

    def target(self, number: int) -> TargetSpec | None:
        return next((t for t in self.targets if t.number == number), None)

    def previous_edition(self, edition: EditionSpec) -> EditionSpec | None:
        earlier = [e for e in self.editions if e.year < edition.year]
        return max(earlier, key=lambda e: e.year) if earlier else None


@cache
def form() -> Form:
    """The form, read once per process."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(FORM_PATH, encoding="utf-8") as stream:
        raw = yaml.load(stream, Loader=loader)
    editions = tuple(
        EditionSpec(
            form=name,
            year=int(spec["year"]),
            title=spec["title"],
            per=spec["per"],
            sections=tuple(
                SectionSpec(
                    key=key,
                    title=section["title"],
                    question=section["question"],
                    plans=bool(section["plans"]),
                    letter=section.get("letter"),
                )
                for key, section in spec["sections"].items()
            ),
        )
        for name, spec in raw["editions"].items()
    )
    targets = tuple(
        TargetSpec(
            number=int(target["number"]),
            title=target["title"],
            goals=tuple(
                GoalSpec(target=int(target["number"]), number=n, title=title)
                for n, title in enumerate(target["goals"], start=1)
            ),
        )
        for target in raw["targets"]
    )
    return Form(editions=editions, targets=targets)

"""The reporting form: editions, policy targets and operational goals, read from ``form.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import galint.schema

SCHEMA_DIR = Path(galint.schema.__file__).parent
FORM_FILE = SCHEMA_DIR / "form.yaml"
SCHEMA_FILE = SCHEMA_DIR / "galint.schema.json"

FORM_KEY = "form"


@dataclass(frozen=True, slots=True)
class SectionSpec:
    key: str
    title: str
    question: str
    plans: bool
    letter: str | None = None

    @property
    def label(self) -> str:
        """How a person names the section: ``C) follow-up`` or ``planned``."""
        return f"{self.letter}) {self.key}" if self.letter else self.key


@dataclass(frozen=True, slots=True)
class GoalSpec:
    target: int
    number: int
    title: str

    @property
    def key(self) -> str:
        return f"goal-{self.number}"

    @property
    def ref(self) -> str:
        return f"{self.target}.{self.number}"


@dataclass(frozen=True, slots=True)
class TargetSpec:
    number: int
    title: str
    goals: tuple[GoalSpec, ...]

    @property
    def key(self) -> str:
        return f"policy-target-{self.number}"


@dataclass(frozen=True, slots=True)
class EditionSpec:
    form: str
    year: int
    title: str
    per: str  # "target" or "goal": where the sections are answered
    sections: tuple[SectionSpec, ...]

    def section(self, key: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True, slots=True)
class Form:
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
    with FORM_FILE.open(encoding="utf-8") as stream:
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

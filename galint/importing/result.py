"""What importing one file gives."""

from __future__ import annotations

from dataclasses import dataclass, field

from galint.form.spec import EditionSpec


@dataclass(frozen=True, slots=True)
class Unplaced:
    """Text the importer found no place for: where it was in the report and in the source."""

    place: tuple[int, ...]  # (), (target,) or (target, goal)
    text: str
    where: str


@dataclass(slots=True)
class Imported:
    """One source file read against the form.

    ``problem`` says why nothing could be imported (an unreadable file, another form);
    ``sections`` maps (target, goal, section key) to its items (the goal is 0 in a report
    answered per target).
    """

    source: str
    sha256: str
    edition: EditionSpec | None = None
    country: tuple[str, str] | None = None
    sections: dict[tuple[int, int, str], list[str]] = field(default_factory=dict)
    unplaced: list[Unplaced] = field(default_factory=list)
    # What was left out or merged on purpose (page numbers, repeated headers, footnotes).
    notes: list[str] = field(default_factory=list)
    problem: str | None = None
    # The problem is that the file is not the form (rather than unreadable).
    other_form: bool = False

    @property
    def items(self) -> int:
        return sum(len(items) for items in self.sections.values())

    @property
    def ok(self) -> bool:
        return self.problem is None

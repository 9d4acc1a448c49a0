"""The typed model of a report that rules see: report, targets, goals, sections and items.

Building the model never fails: whatever the data holds, what has the expected shape becomes
model objects and what has not is left out (the schema rules report it). Every object keeps
its ``path`` into the document, which the engine turns into a line and column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from galint.form.spec import EditionSpec, GoalSpec, SectionSpec, TargetSpec, form
from galint.io.load import Document, Path


@dataclass(slots=True, eq=False)
class Item:
    """One answer in a section: an action, an assessment or a plan."""

    path: Path
    text: str
    text_path: Path
    id: str | None = None
    default_id: str | None = None
    timeframe: str | None = None
    follows: tuple[str, ...] = ()
    status: str | None = None

    @property
    def ref(self) -> str | None:
        """The id other reports use for this item: its own, or the one from its position."""
        return self.id or self.default_id


@dataclass(slots=True, eq=False)
class Section:
    spec: SectionSpec
    path: Path
    present: bool
    # "list", "text", "null", "missing" or "invalid" (a shape the schema rules report).
    shape: str
    items: list[Item] = field(default_factory=list)
    text: str | None = None

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def plans(self) -> bool:
        return self.spec.plans


@dataclass(slots=True, eq=False)
class Goal:
    spec: GoalSpec
    path: Path
    present: bool
    valid: bool
    sections: list[Section] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Target:
    spec: TargetSpec
    path: Path
    present: bool
    valid: bool
    sections: list[Section] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.spec.number

    def all_sections(self) -> Iterator[Section]:
        yield from self.sections
        for goal in self.goals:
            yield from goal.sections


@dataclass(slots=True, eq=False)
class Report:
    document: Document
    edition: EditionSpec | None
    country_code: str | None = None
    country_name: str | None = None
    submitted: str | None = None
    previous: str | None = None
    targets: list[Target] = field(default_factory=list)
    # Set by galint.pipeline.pairing: the report this one follows up, or why it could not be found.
    predecessor: Report | None = None
    predecessor_error: str | None = None

    @property
    def path(self) -> str:
        return self.document.path

    def sections(self) -> Iterator[Section]:
        for target in self.targets:
            yield from target.all_sections()

    def items(self) -> Iterator[Item]:
        for section in self.sections():
            yield from section.items


def build(document: Document) -> Report:
    data = document.data if isinstance(document.data, dict) else {}
    edition = form().edition(data.get("form"))
    country = data.get("country")
    country = country if isinstance(country, dict) else {}
    report = Report(
        document=document,
        edition=edition,
        country_code=_text(country.get("code")),
        country_name=_text(country.get("name")),
        submitted=_text(data.get("submitted")),
        previous=_text(data.get("previous")),
    )
    if edition is None:
        return report
    for spec in form().targets:
        report.targets.append(_target(spec, edition, data, document.sources))
    return report


def _target(
    spec: TargetSpec, edition: EditionSpec, data: dict[str, object], sources: dict[Path, str]
) -> Target:
    path: Path = (spec.key,)
    raw = data.get(spec.key)
    target = Target(
        spec, path, present=spec.key in data, valid=isinstance(raw, dict) or raw is None
    )
    mapping = raw if isinstance(raw, dict) else {}
    if edition.per == "target":
        target.sections = [
            _section(s, path, mapping, f"{spec.number}", sources) for s in edition.sections
        ]
        return target
    for goal_spec in spec.goals:
        goal_path = (*path, goal_spec.key)
        goal_raw = mapping.get(goal_spec.key)
        goal = Goal(
            goal_spec,
            goal_path,
            present=goal_spec.key in mapping,
            valid=isinstance(goal_raw, dict) or goal_raw is None,
        )
        goal_mapping = goal_raw if isinstance(goal_raw, dict) else {}
        goal.sections = [
            _section(s, goal_path, goal_mapping, goal_spec.ref, sources) for s in edition.sections
        ]
        target.goals.append(goal)
    return target


def _section(
    spec: SectionSpec,
    parent: Path,
    mapping: dict[str, object],
    prefix: str,
    sources: dict[Path, str],
) -> Section:
    path = (*parent, spec.key)
    if spec.key not in mapping:
        return Section(spec, path, present=False, shape="missing")
    raw = mapping[spec.key]
    if raw is None:
        return Section(spec, path, present=True, shape="null")
    if isinstance(raw, str):
        return Section(spec, path, present=True, shape="text", text=raw)
    if not isinstance(raw, list):
        return Section(spec, path, present=True, shape="invalid")
    section = Section(spec, path, present=True, shape="list")
    for index, raw_item in enumerate(raw):
        item = _item((*path, index), raw_item, sources)
        if item is None:
            continue
        if spec.plans:
            item.default_id = f"{prefix}.{index + 1}"
        section.items.append(item)
    if raw and not section.items:
        section.shape = "invalid"
    return section


def _item(path: Path, raw: object, sources: dict[Path, str]) -> Item | None:
    if isinstance(raw, str):
        return Item(path, raw, path)
    if not isinstance(raw, dict):
        return None
    text = raw.get("text")
    follows = raw.get("follows")
    follows_path: Path = (*path, "follows")
    if isinstance(follows, list):
        refs = [_as_written(ref, sources.get((*follows_path, n))) for n, ref in enumerate(follows)]
    else:
        refs = [_as_written(follows, sources.get(follows_path))]
    return Item(
        path,
        text if isinstance(text, str) else "",
        (*path, "text") if "text" in raw else path,
        id=_as_written(raw.get("id"), sources.get((*path, "id"))),
        timeframe=_as_written(raw.get("timeframe"), sources.get((*path, "timeframe"))),
        follows=tuple(ref for ref in refs if ref),
        status=_text(raw.get("status")),
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _as_written(value: object, source: str | None) -> str | None:
    """An id or a year as written: an unquoted 2.10 is read as a number, but means "2.10"."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if source is not None:
            return source
        try:
            return repr(value)
        except ValueError:  # an int too long for Python to print
            return None
    return None


def describe(path: Path) -> str:
    """A path as a report author reads it: ``policy-target-2 > goal-1 > follow-up > item 3``."""
    if not path:
        return "the report"
    return " > ".join(f"item {part + 1}" if isinstance(part, int) else part for part in path)

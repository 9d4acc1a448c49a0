"""What the three fixes want: one ``Change`` (a key and its value) per item, and where the
new keys go in an item's key order.

This is the model's view of the fixes, without any text: ``planned`` reads the report (and,
for ``add-follows``, its trace against the previous report) and says which keys each item
lacks. ``galint.fix.edits`` turns these changes into text edits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from galint.analysis.timeframe import Timeframe, extract
from galint.analysis.timeframe import parse as parse_timeframe
from galint.analysis.trace import trace_of
from galint.core.diagnostic import SAFE, UNSAFE
from galint.form.model import Item, Report, Section, describe
from galint.io.load import Path, value_at

ADD_IDS = "add-ids"
RECORD_TIMEFRAME = "record-timeframe"
ADD_FOLLOWS = "add-follows"

# The fix rules in the order of the keys they add, which is the format's order (id,
# timeframe, follows) whichever of text and id a file writes first. Keys added at the same
# place of an item are written in this order.
FIX_RULES = (ADD_IDS, RECORD_TIMEFRAME, ADD_FOLLOWS)


def rank(rule: str | None) -> int:
    """A fix rule's place in FIX_RULES; other rules come after."""
    return FIX_RULES.index(rule) if rule in FIX_RULES else len(FIX_RULES)


# Where new keys go: each after the last key of this order that the item already has.
# ``text`` comes first unless the file already writes ``id`` before ``text`` (as
# examples/arcadia does): it is the order of docs/format.md, the item's words stay on the
# line of its dash, and adding an id to a mapping item is then a one-line addition in a diff.
TEXT_FIRST = ("text", "id", "timeframe", "follows", "status")
ID_FIRST = ("id", "text", "timeframe", "follows", "status")

# Follows links by the path of the item that follows up the plans.
Links = Mapping[Path, Sequence[str]]


@dataclass(frozen=True)
class Change:
    """One key to add to one item: which fix wants it (``rule``), where (the item's
    ``path``), what (``key``, ``value``: ``id`` "2.4", ``timeframe`` "Q4 2014", ``follows``
    a tuple of ids), and the words of its diagnostic (``description``)."""

    rule: str
    path: Path
    key: str
    value: str | tuple[str, ...]
    description: str

    @property
    def applicability(self) -> str:
        """``add-follows`` is unsafe: a link found by comparing texts can be wrong."""
        return UNSAFE if self.rule == ADD_FOLLOWS else SAFE


def planned(report: Report, links: Links | None = None) -> list[Change]:
    """Every change the three fixes want in ``report``, in document order (for each item:
    id, timeframe, follows).

    ``links`` are the follows links to write; by default, those tracing found by text.
    """
    if links is None:
        links = traced_links(report)
    changes: list[Change] = []
    data = report.document.data
    for section in report.sections():
        for item in section.items:
            raw = value_at(data, item.path)
            # A key written with an empty value is the author's; the schema rules report it.
            present = set(raw) if isinstance(raw, dict) else set()
            changes.extend(_item_changes(section, item, present, links))
    return changes


def _item_changes(
    section: Section, item: Item, present: set[str], links: Links
) -> Iterator[Change]:
    name = f"plan {item.ref}" if item.ref else describe(item.path)
    if section.plans and "id" not in present and item.default_id:
        yield Change(
            ADD_IDS, item.path, "id", item.default_id, f'{name}: write id: "{item.default_id}"'
        )
    if section.plans and "timeframe" not in present:
        found = extract(item.text)
        # Only words that mean the same as a field: a field that read otherwise would turn a
        # clean item into a timeframe-mismatch or unparsed-timeframe finding.
        if found.kind != "none" and found.matched.strip() and _same_time(found):
            description = f'{name}: write timeframe: "{found.matched}", as its text says'
            yield Change(RECORD_TIMEFRAME, item.path, "timeframe", found.matched, description)
    refs = _refs(links.get(item.path)) if "follows" not in present else ()
    if refs:
        shown = ", ".join(f'"{ref}"' for ref in refs)
        description = f"{name}: write follows: {shown}, found by comparing texts"
        yield Change(ADD_FOLLOWS, item.path, "follows", refs, description)


def _same_time(found: Timeframe) -> bool:
    field = parse_timeframe(found.matched)
    return (field.kind, field.start, field.end) == (found.kind, found.start, found.end)


def _refs(refs: object) -> tuple[str, ...]:
    """The ids to write, once each, in the given order; anything but text is dropped."""
    if not isinstance(refs, (list, tuple)):
        return ()
    return tuple(dict.fromkeys(ref for ref in refs if isinstance(ref, str) and ref.strip()))


def traced_links(report: Report) -> dict[Path, list[str]]:
    """The follows links tracing found by text: each previous plan's best match, when it was
    found by comparing texts rather than by a link, by the path of the matching item."""
    traced = trace_of(report)
    links: dict[Path, list[str]] = {}
    for plan in traced.plans if traced is not None else []:
        if plan.matches and plan.matches[0].via == "text" and plan.plan.ref:
            links.setdefault(plan.matches[0].item.path, []).append(plan.plan.ref)
    return links


# --- key order ------------------------------------------------------------------------------


def key_order(report: Report) -> tuple[str, ...]:
    """ID_FIRST when the file's mapping items mostly write ``id`` before ``text``."""
    votes = Counter[bool]()
    for item in report.items():
        raw = value_at(report.document.data, item.path)
        if isinstance(raw, dict) and "id" in raw and "text" in raw:
            keys = list(raw)
            votes[keys.index("id") < keys.index("text")] += 1
    return ID_FIRST if votes[True] > votes[False] else TEXT_FIRST


def position(keys: Sequence[object], key: str, order: tuple[str, ...]) -> int:
    """Where ``key`` goes among ``keys``: after the last that ``order`` puts before it, else
    first."""
    before = set(order[: order.index(key)])
    found = 0
    for index, existing in enumerate(keys):
        if existing in before:
            found = index + 1
    return found


def in_key_order(changes: Sequence[Change], order: tuple[str, ...]) -> list[Change]:
    return sorted(changes, key=lambda change: order.index(change.key))


def plain_value(change: Change) -> str | list[str]:
    """The value as galint reads it back: one link is written as a text, several as a list."""
    if isinstance(change.value, tuple):
        return change.value[0] if len(change.value) == 1 else list(change.value)
    return change.value


def changed_item(item: object, changes: Sequence[Change], order: tuple[str, ...]) -> object:
    """The item (galint's reading of it) with the changes made: what the fixed file must
    read as. A plain-text item becomes a mapping with ``text``."""
    mapping: dict[str, object] = dict(item) if isinstance(item, dict) else {"text": item}
    for change in in_key_order(changes, order):
        keys = list(mapping)
        keys.insert(position(keys, change.key, order), change.key)
        value = plain_value(change)
        mapping = {key: value if key == change.key else mapping[key] for key in keys}
    return mapping

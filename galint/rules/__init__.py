"""The rules: galint's own, and any installed under the entry-point group ``galint.rules``.

One module per rule, or per family of rules that share a check; its docstring is the rule's
explanation. A rule sees the model of a report and yields Diagnostics at paths in it.

May import: galint.core, galint.io, galint.form, galint.analysis, and galint.fix (the
fix-only rules, when they compute their fixes).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import cache

from galint.core.rule import Rule
from galint.rules import plugin_cache

ENTRY_POINT_GROUP = "galint.rules"

# Each module holds one rule, or one family of rules that share a check (RULES).
BUILTIN_MODULES = (
    "input",
    "schema",
    "missing_target",
    "missing_goal",
    "empty_section",
    "missing_timeframe",
    "vague_timeframe",
    "unparsed_timeframe",
    "stale_timeframe",
    "timeframe_mismatch",
    "missing_follow_up",
    "carried_over",
    "unknown_reference",
    "overdue_plan",
    "missing_previous",
    "add_ids",
    "record_timeframe",
    "add_follows",
    "internal",
)


class RuleLoadError(Exception):
    """A rule plugin could not be loaded, or clashes with another rule."""


@cache
def builtin_rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for name in BUILTIN_MODULES:
        module = importlib.import_module(f"galint.rules.{name}")
        rules.extend(_rules_of(module))
    return tuple(rules)


@cache
def all_rules() -> tuple[Rule, ...]:
    """Built-in rules then plugins, each code and slug used once."""
    rules = list(builtin_rules())
    rules.extend(plugin_rules())
    _check_unique(rules)
    return tuple(rules)


def plugin_rules() -> list[Rule]:
    """The rules of the installed plugins, in the order importlib.metadata gives them (none,
    without asking it, when plugin_cache knows that nothing was installed since a run that
    found none)."""
    current = plugin_cache.fingerprint()
    if plugin_cache.none_installed(current):
        return []
    # Imported here: importlib.metadata takes milliseconds to import, which nothing else in
    # galint needs.
    from importlib.metadata import entry_points

    rules: list[Rule] = []
    declared = entry_points(group=ENTRY_POINT_GROUP)
    for entry in declared:
        try:
            loaded = entry.load()
        except Exception as error:  # a broken plugin must not read as a galint crash
            raise RuleLoadError(
                f"the rule plugin '{entry.name}' ({entry.value}) cannot be loaded: {error}"
            ) from error
        plugin = _rules_of(loaded)
        if not plugin:
            raise RuleLoadError(
                f"the rule plugin '{entry.name}' ({entry.value}) is not a galint Rule, "
                "a list of them, or a module with RULE or RULES"
            )
        rules.extend(plugin)
    if not declared:
        plugin_cache.remember_none(current)
    return rules


def find(selector: str, rules: Iterable[Rule] | None = None) -> Rule | None:
    """The rule whose code or slug is exactly ``selector``."""
    for rule in all_rules() if rules is None else rules:
        if selector in (rule.slug, rule.code) or selector.upper() == rule.code:
            return rule
    return None


def _rules_of(obj: object) -> list[Rule]:
    if isinstance(obj, Rule):
        return [obj]
    if isinstance(obj, (list, tuple)) and all(isinstance(r, Rule) for r in obj):
        return list(obj)
    for name in ("RULES", "RULE"):
        found = getattr(obj, name, None)
        if found is not None:
            return _rules_of(found)
    return []


def _check_unique(rules: list[Rule]) -> None:
    seen: dict[str, Rule] = {}
    for rule in rules:
        for name in (rule.code, rule.slug):
            if name in seen:
                raise RuleLoadError(
                    f"two rules are named '{name}': {seen[name].code} "
                    f"[{seen[name].slug}] and {rule.code} [{rule.slug}]"
                )
            seen[name] = rule

"""The configuration of each document, as ``galint check`` would find it for that file: the
nearest ``.galint.yaml``, ``.galint.yml`` or ``pyproject.toml`` with ``[tool.galint]`` above
it. A configuration that cannot be used is said once, and the defaults apply meanwhile."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import NamedTuple

from galint.core.rule import Rule
from galint.pipeline.config import FILE_NAMES, Config, ConfigError, discover, load, resolve
from galint.pipeline.engine import Selection
from galint.rules import RuleLoadError, all_rules, builtin_rules


class Prepared(NamedTuple):
    """What a configuration file makes of the rules: for checking, and for fixing."""

    path: str | None
    selection: Selection
    fixing: Selection


def is_config(path: str) -> bool:
    """Whether a change to the file at ``path`` may change the configuration."""
    return os.path.basename(path) in FILE_NAMES


class Configs:
    """Each folder's configuration, read once until a configuration file changes."""

    def __init__(self, rules: Sequence[Rule] | None = None) -> None:
        self._given = tuple(rules) if rules is not None else None
        self._rules: tuple[Rule, ...] | None = None
        self._found: dict[str, str | None] = {}
        self._prepared: dict[str | None, Prepared] = {}
        # What could not be used, each said once (until the configuration changes).
        self._said: set[str] = set()
        self.problems: list[str] = []

    def rules(self) -> tuple[Rule, ...]:
        """Every rule, built-in and plugged in; the built-in ones if a plugin is broken."""
        if self._rules is None:
            if self._given is not None:
                self._rules = self._given
            else:
                try:
                    self._rules = all_rules()
                except RuleLoadError as error:
                    self._say(f"{error}; galint's own rules apply")
                    self._rules = builtin_rules()
        return self._rules

    def for_path(self, path: str) -> Prepared:
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in self._found:
            self._found[folder] = discover([folder])
        found = self._found[folder]
        if found not in self._prepared:
            self._prepared[found] = self._prepare(found)
        return self._prepared[found]

    def clear(self) -> None:
        """A configuration file changed: find and read them again."""
        self._found.clear()
        self._prepared.clear()
        self._said.clear()

    def _prepare(self, path: str | None) -> Prepared:
        rules = self.rules()
        try:
            config = load(path) if path is not None else Config()
            checking = resolve(config, rules)
            fixing = resolve(config, rules, fixing=True)
        except ConfigError as error:
            self._say(f"{error}; the defaults apply until it is corrected")
            config = Config()
            checking, fixing = resolve(config, rules), resolve(config, rules, fixing=True)
        return Prepared(
            path,
            Selection.from_config(rules, checking),
            Selection.from_config(rules, fixing),
        )

    def _say(self, problem: str) -> None:
        if problem not in self._said:
            self._said.add(problem)
            self.problems.append(problem)

"""Configuration: ``.galint.yaml`` or ``[tool.galint]`` in ``pyproject.toml``, found by searching
upward from the checked files, or named with ``--config``. Validated strictly: an unknown key,
rule or option is a usage error that names the key and the file.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from galint.core.diagnostic import SEVERITIES
from galint.core.rule import Rule

FILE_NAMES = (".galint.yaml", ".galint.yml", "pyproject.toml")
KEYS = ("select", "ignore", "severity", "per-file-ignores", "rules", "fail-on")


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Config:
    path: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rules: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    fail_on: str | None = None

    @property
    def root(self) -> str:
        """The directory that per-file-ignores globs are relative to."""
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()


def discover(paths: Sequence[str]) -> str | None:
    """The nearest configuration file above the first checked path (or the working directory)."""
    start = os.path.abspath(paths[0] if paths else ".")
    directory = start if os.path.isdir(start) else os.path.dirname(start)
    while True:
        for name in FILE_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and (
                name != "pyproject.toml" or _has_tool_table(candidate)
            ):
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def load(path: str) -> Config:
    raw = _read_toml(path) if path.endswith(".toml") else _read_yaml(path)
    return _validate(raw, path)


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as stream:
            # Most pyproject.toml files say nothing of galint: no need to parse them.
            if b"galint" not in stream.read():
                return False
        data = _toml(path)
    except (OSError, ValueError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "galint" in tool


def _toml(path: str) -> dict[str, object]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    with open(path, "rb") as stream:
        return tomllib.load(stream)


def _read_toml(path: str) -> object:
    try:
        data = _toml(path)
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror or error})") from error
    except ValueError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error
    tool = data.get("tool")
    section = tool.get("galint") if isinstance(tool, dict) else None
    return {} if section is None else section


def _read_yaml(path: str) -> object:
    from galint.io.load import load_path

    loaded = load_path(path)
    assert loaded is not None
    if loaded.problems:
        problem = loaded.problems[0]
        where = f":{problem.span.line}:{problem.span.column}" if problem.span else ""
        raise ConfigError(f"{path}{where}: {problem.message}")
    assert loaded.document is not None
    return {} if loaded.document.data is None else loaded.document.data


def _validate(raw: object, path: str) -> Config:
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{path}: the configuration must be a mapping of keys ({', '.join(KEYS)})"
        )
    for key in raw:
        if key not in KEYS:
            raise ConfigError(
                f"{path}: unknown key '{key}'{_close(str(key), KEYS)}; "
                f"known keys: {', '.join(KEYS)}"
            )
    select = raw.get("select")
    fail_on = raw.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise ConfigError(
            f"{path}: fail-on must be one of {', '.join(SEVERITIES)}, not {fail_on!r}"
        )
    severity = _mapping(raw, "severity", path)
    for name, level in severity.items():
        if level not in SEVERITIES:
            raise ConfigError(
                f"{path}: severity.{name} must be one of {', '.join(SEVERITIES)}, not {level!r}"
            )
    per_file = _mapping(raw, "per-file-ignores", path)
    rules = _mapping(raw, "rules", path)
    for name, options in rules.items():
        if not isinstance(options, dict):
            raise ConfigError(f"{path}: rules.{name} must be a mapping of the rule's options")
    return Config(
        path=path,
        select=None if select is None else _names(select, "select", path),
        ignore=_names(raw.get("ignore", []), "ignore", path),
        severity={str(k): str(v) for k, v in severity.items()},
        per_file_ignores={
            str(glob): _names(names, f"per-file-ignores.{glob}", path)
            for glob, names in per_file.items()
        },
        rules={str(k): dict(v) for k, v in rules.items()},
        fail_on=fail_on,
    )


def _mapping(raw: dict[str, object], key: str, path: str) -> dict[str, object]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {key} must be a mapping")
    return value


def _names(value: object, key: str, path: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of rule codes, prefixes or names")
    return tuple(value)


def _close(word: str, known: Sequence[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, known, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Resolved(NamedTuple):
    """What a run applies: the rules, their severities and options, and per-file ignores."""

    enabled: tuple[Rule, ...]
    severities: Mapping[str, str]
    options: Mapping[str, Mapping[str, object]]
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...]
    root: str

    def ignored_for(self, path: str) -> frozenset[str]:
        """Slugs the per-file-ignores turn off for ``path``."""
        if not self.per_file_ignores:
            return frozenset()
        from pathlib import PurePosixPath  # only per-file-ignores need it

        relative = PurePosixPath(
            os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        )
        off: set[str] = set()
        for glob, slugs in self.per_file_ignores:
            if fnmatch.fnmatch(str(relative), glob) or relative.match(glob):
                off |= slugs
        return frozenset(off)


def resolve(
    config: Config,
    rules: Sequence[Rule],
    cli_select: Sequence[str] = (),
    cli_ignore: Sequence[str] = (),
    fixing: bool = False,
) -> Resolved:
    """Apply the configuration, then the command line, which overrides it: ``--select``
    replaces the file's ``select``, ``--ignore`` adds to its ``ignore``.

    Fix-only rules offer fixes and nothing else: they run when ``fixing`` (``--fix``,
    ``--diff``), whatever ``select`` says, unless ignored; ``select`` picks the findings.
    """
    where = config.path or "the command line"
    select = list(cli_select) or (list(config.select) if config.select is not None else None)
    chosen = pick(rules, select, where) if select is not None else list(rules)
    chosen = [r for r in chosen if not r.fix_only]
    if fixing:
        chosen += [r for r in rules if r.fix_only]
    dropped = set(pick(rules, [*config.ignore, *cli_ignore], where))
    severities = _severities(config, rules, where)
    options = _all_options(config, rules, where)
    per_file = tuple(
        (glob, frozenset(r.slug for r in pick(rules, list(names), where)))
        for glob, names in config.per_file_ignores.items()
    )
    return Resolved(
        enabled=tuple(r for r in chosen if r not in dropped),
        severities=severities,
        options=options,
        per_file_ignores=per_file,
        root=config.root,
    )


def _severities(config: Config, rules: Sequence[Rule], where: str) -> dict[str, str]:
    """The severity the configuration gives each rule it names."""
    severities: dict[str, str] = {}
    for name, level in config.severity.items():
        for rule in pick(rules, [name], where):
            severities[rule.slug] = level
    return severities


def _all_options(config: Config, rules: Sequence[Rule], where: str) -> dict[str, dict[str, object]]:
    """The options the configuration gives each rule it names, checked."""
    options: dict[str, dict[str, object]] = {}
    for name, given in config.rules.items():
        rule = next((r for r in rules if name in (r.slug, r.code)), None)
        if rule is None:
            raise ConfigError(f"{where}: rules.{name}: no rule is named '{name}'")
        options[rule.slug] = _options(rule, given, where)
    return options


def pick(rules: Sequence[Rule], selectors: Sequence[str], where: str) -> list[Rule]:
    """The rules named by codes, code prefixes or slugs (comma-separated lists allowed)."""
    names = [name.strip() for value in selectors for name in value.split(",") if name.strip()]
    picked: list[Rule] = []
    for name in names:
        matched = [rule for rule in rules if rule.matches(name)]
        if not matched:
            raise ConfigError(f"{where}: no rule matches '{name}'; see 'galint rules'")
        picked.extend(r for r in matched if r not in picked)
    return picked


def _options(rule: Rule, given: Mapping[str, object], where: str) -> dict[str, object]:
    merged = dict(rule.options)
    for key, value in given.items():
        if key not in rule.options:
            known = ", ".join(rule.options) or "none"
            raise ConfigError(
                f"{where}: rules.{rule.slug}: unknown option '{key}' (its options: {known})"
            )
        default = rule.options[key]
        if isinstance(default, (list, tuple)):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: rules.{rule.slug}.{key} must be a list of texts")
            value = tuple(value)
        elif not isinstance(value, type(default)):
            raise ConfigError(
                f"{where}: rules.{rule.slug}.{key} must be {type(default).__name__}, not {value!r}"
            )
        merged[key] = value
    return merged

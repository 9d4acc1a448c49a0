"""The form's wording and keys as the JSON Schema gives them, for hovers and completion:
the schema editors already show, read here so that both say the same."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from galint.form.spec import SCHEMA_PATH

Node = dict[str, Any]


@cache
def _schema() -> Node:
    with open(SCHEMA_PATH, encoding="utf-8") as stream:
        loaded: Node = json.load(stream)
    return loaded


def _resolve(node: Any) -> Node | None:
    if not isinstance(node, dict):
        return None
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/definitions/"):
        return _schema()["definitions"].get(ref.rpartition("/")[2])
    return node


def _roots(edition: str | None) -> list[Node]:
    """The schemas a report answering ``edition`` must meet: the common one, and its
    edition's (the ``then`` of the ``if`` that names it)."""
    root = _schema()
    nodes = [root]
    for branch in root.get("allOf", []):
        condition = branch.get("if", {}).get("properties", {}).get("form", {})
        if condition.get("const") == edition and (then := _resolve(branch.get("then"))):
            nodes.append(then)
    return nodes


def nodes(path: Sequence[str | int], edition: str | None) -> list[Node]:
    """Every schema that applies at ``path`` (keys, and list indexes)."""
    found = _roots(edition)
    for part in path:
        following = []
        for node in found:
            child = (
                node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
            )
            resolved = _resolve(child)
            if resolved is not None:
                following.append(resolved)
        found = following
    return found


def wording(path: Sequence[str | int], edition: str | None) -> str | None:
    """What the schema says of the value at ``path``."""
    for node in nodes(path, edition):
        if isinstance(node.get("description"), str):
            return str(node["description"])
    return None


def keys(path: Sequence[str | int], edition: str | None) -> dict[str, str]:
    """The keys the schema allows in the mapping at ``path``, each with its wording."""
    allowed: dict[str, str] = {}
    for node in nodes(path, edition):
        for key, child in node.get("properties", {}).items():
            described = _resolve(child) or {}
            if not allowed.get(key):
                allowed[key] = str(described.get("description", ""))
    return allowed

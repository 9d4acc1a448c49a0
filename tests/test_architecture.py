"""The shape of the code: subpackages import only the layers below them, no module imports
itself back (function-level imports count), modules stay short, and nothing reaches into the
standard library's private names, and no function is too complex to hold in mind (radon's
cyclomatic complexity). Each subpackage's docstring says what it may import; this test holds
the code to it."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "galint"
MAX_LINES = 500
MAX_COMPLEXITY = 15
# Parts not yet in shape, each with the reason; empty when all are.
NOT_YET: set[str] = set()

# What each part of galint may import, besides itself and the standard library.
ALLOWED = {
    "galint.core": set(),
    "galint.io": {"galint.core", "galint.form.spec"},
    "galint.form": {"galint.core", "galint.io"},
    "galint.analysis": {"galint.core", "galint.io", "galint.form"},
    "galint.fix": {"galint.core", "galint.io", "galint.form", "galint.analysis"},
    "galint.rules": {"galint.core", "galint.io", "galint.form", "galint.analysis", "galint.fix"},
    "galint.pipeline": {
        "galint.core",
        "galint.io",
        "galint.form",
        "galint.analysis",
        "galint.fix",
        "galint.rules",
    },
    "galint.output": {
        "galint.core",
        "galint.form",
        "galint.analysis",
        "galint.pipeline",
        # The name of the rule that reports a crashed rule (JUnit), and the placeholder test
        # that says which sections are filled, so that the summary agrees with the rule.
        "galint.rules.internal",
        "galint.rules.empty_section",
        "galint.rules",
    },
    # Imports reports from Word, PDF and text; the command line checks what it wrote.
    "galint.importing": {"galint.core", "galint.io", "galint.form"},
    "galint.server": {
        "galint.core",
        "galint.io",
        "galint.form",
        "galint.analysis",
        "galint.rules",
        "galint.pipeline",
    },
    "galint.cli": {"galint"},
}
# Modules allowed more than their part, each for the reason its docstring gives.
EXCEPTIONS = {
    "galint.form.docs": {"galint.rules"},
    "galint.form.generate": {"galint.rules"},
}
# Top-level modules: the version, ``python -m galint``, and the deprecated names of plugins.
TOP_LEVEL = {
    "galint": set(),
    "galint.__main__": {"galint.cli"},
    "galint.rule": {"galint.core"},
    "galint.load": {"galint.io", "galint.core"},
}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    schema = ROOT / "schema"
    for path in sorted(schema.glob("*.py")):
        stem = path.stem
        found["galint.schema" if stem == "__init__" else f"galint.schema.{stem}"] = path
    return found


def imports(path: Path, name: str, known: set[str]) -> Iterator[str]:
    """The galint modules ``path`` imports anywhere (functions included), except for type
    checking only."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(node)
        for branch in ast.walk(tree)
        if isinstance(branch, ast.If) and "TYPE_CHECKING" in ast.unparse(branch.test)
        for statement in branch.body
        for node in ast.walk(statement)
    }
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            targets = [f"{base}.{alias.name}" for alias in node.names]
            targets = [t if t in known else base for t in targets]
        else:
            continue
        for target in targets:
            while target not in known and "." in target:
                target = target.rpartition(".")[0]
            if target in known and target != name:
                yield target


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: set(imports(path, name, set(found))) for name, path in found.items()}


def layer(name: str) -> str:
    for prefix in sorted(ALLOWED, key=len, reverse=True):
        if name == prefix or name.startswith(prefix + "."):
            return prefix
    return name


def test_every_part_imports_only_what_its_docstring_allows() -> None:
    wrong = []
    for name, targets in graph().items():
        if name.startswith("galint.schema"):
            continue
        own = layer(name)
        allowed = TOP_LEVEL.get(name, ALLOWED.get(own, set())) | EXCEPTIONS.get(name, set())
        for target in sorted(targets):
            if layer(target) == own or target.startswith("galint.schema") or target == "galint":
                continue  # its own part, the schema package's data, the version
            if not any(target == a or target.startswith(a + ".") for a in allowed):
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_no_import_cycle() -> None:
    edges = graph()
    cycles = [component for component in _components(edges) if len(component) > 1]
    assert cycles == []


def _components(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components (Tarjan), without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def test_the_component_finder_finds_a_cycle() -> None:
    assert sorted(map(sorted, _components({"a": {"b"}, "b": {"a"}, "c": {"a"}}))) == [
        ["a", "b"],
        ["c"],
    ]


@pytest.mark.parametrize(
    "name", sorted(n for n in modules() if n != "galint.schema.validator" and n not in NOT_YET)
)
def test_modules_stay_short(name: str) -> None:
    lines = modules()[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines"


def test_no_private_names_of_the_standard_library() -> None:
    stdlib = set(sys.stdlib_module_names)
    used = []
    for name, path in modules().items():
        if name == "galint.schema.validator":
            continue  # generated by fastjsonschema
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] in stdlib:
                        aliases[alias.asname or alias.name.split(".")[0]] = alias.name
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in stdlib:
                used += [
                    f"{name}: from {node.module} import {a.name}"
                    for a in node.names
                    if _private(a.name) or _private_path(node.module or "")
                ]
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and _private(node.attr)
            ):
                used.append(f"{name}: {aliases[node.value.id]}.{node.attr}")
    assert used == []


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _private_path(module: str) -> bool:
    return any(_private(part) for part in module.split("."))


def test_every_subpackage_says_what_it_owns_and_may_import() -> None:
    for init in sorted(PACKAGE.rglob("__init__.py")):
        if ".".join(init.parent.relative_to(ROOT).parts) in NOT_YET:
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert doc, f"{init.relative_to(ROOT)} has no docstring"
        if init.parent != PACKAGE:
            assert "may import" in doc.lower(), f"{init.relative_to(ROOT)} does not say"


def test_no_function_is_too_complex() -> None:
    from radon.complexity import cc_visit

    complex_ = [
        f"{name}.{block.fullname} ({block.complexity})"
        for name, path in modules().items()
        if name != "galint.schema.validator" and name not in NOT_YET
        for block in cc_visit(path.read_text(encoding="utf-8"))
        if block.complexity > MAX_COMPLEXITY
    ]
    assert complex_ == []

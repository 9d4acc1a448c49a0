"""A check's findings as the protocol's diagnostics: the rule's code, a link to its
documentation where there is one, the severity as configured, and the exact range."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from lsprotocol import types

import galint
from galint.core.diagnostic import Diagnostic
from galint.rules import builtin_rules
from galint.server.positions import Positions

SOURCE = "galint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


class Links:
    """Where each built-in rule is documented: ``docs/rules.md`` under ``base`` (a URL given
    by the editor's settings), or else the same file in the source tree galint runs from."""

    def __init__(self, base: str | None = None) -> None:
        if base is None:
            local = Path(galint.__file__).resolve().parent.parent / "docs" / "rules.md"
            base = local.as_uri() if os.path.isfile(local) else None
        self.base = base
        self.documented = {rule.code for rule in builtin_rules()}

    def of(self, code: str, slug: str | None) -> str | None:
        if self.base is None or slug is None or code not in self.documented:
            return None
        return f"{self.base}#{code.lower()}-{slug}"


def to_lsp(diagnostic: Diagnostic, positions: Positions, links: Links) -> types.Diagnostic:
    link = links.of(diagnostic.code, diagnostic.rule)
    return types.Diagnostic(
        range=positions.range(diagnostic.span) if diagnostic.span else _start(),
        message=diagnostic.message,
        severity=SEVERITY.get(diagnostic.severity, types.DiagnosticSeverity.Warning),
        code=diagnostic.code or None,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        # The rule's name, for the quick fix that silences it.
        data={"rule": diagnostic.rule},
    )


def to_lsp_all(
    diagnostics: Iterable[Diagnostic], positions: Positions, links: Links
) -> list[types.Diagnostic]:
    return [to_lsp(diagnostic, positions, links) for diagnostic in diagnostics]


def _start() -> types.Range:
    return types.Range(types.Position(0, 0), types.Position(0, 1))

"""What a findings formatter is given: the ``Summary`` of a ``galint check`` run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from galint.core.diagnostic import SEVERITIES, Diagnostic

if TYPE_CHECKING:
    from galint.pipeline.suppress import Suppressed


class Summary(NamedTuple):
    files: int
    findings: Sequence[Diagnostic]
    suppressed: Sequence[Suppressed] = ()
    # Findings hidden because the baseline records them.
    baseline_hidden: int = 0
    verbose: bool = False
    # Every file checked, in order (JUnit has a test case per file).
    paths: Sequence[str] = ()

    def counts(self) -> dict[str, int]:
        counted = Counter(finding.severity for finding in self.findings)
        return {severity: counted.get(severity, 0) for severity in reversed(SEVERITIES)}

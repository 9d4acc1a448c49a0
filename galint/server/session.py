"""The server's state, free of the protocol: the open documents, the last check of each, the
configurations, and which report follows which. The handlers in ``server`` ask it; tests
can drive it directly."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from galint.analysis.trace import Trace, trace
from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report
from galint.form.spec import form
from galint.io.discover import declares_form
from galint.pipeline.buffers import check_text, offered_fixes
from galint.pipeline.engine import FileResult
from galint.rules.internal import RULE_ERROR
from galint.server.configs import Configs, Prepared
from galint.server.sources import Buffer, Sources


@dataclass(slots=True)
class Checked:
    """The last check of an open document."""

    buffer: Buffer
    # None when the document is no report (it does not declare the form): nothing to say.
    result: FileResult | None
    prepared: Prepared | None = None
    # The fixes on offer, computed when first asked for (they cost more than the check).
    fixes: list[Diagnostic] | None = None

    @property
    def report(self) -> Report | None:
        return self.result.report if self.result is not None else None

    @property
    def predecessor(self) -> str | None:
        """The real path of the report this one was paired with."""
        report = self.report
        if report is None or report.predecessor is None:
            return None
        return os.path.realpath(report.predecessor.path)


class Session:
    """Open documents, checked as ``galint check`` would check them."""

    def __init__(self, rules: Sequence[Rule] | None = None) -> None:
        self.sources = Sources()
        self.configs = Configs(rules)
        self.buffers: dict[str, Buffer] = {}
        self.checked: dict[str, Checked] = {}
        # Documents once seen to be reports: they stay so while open, form key or not.
        self._reports: set[str] = set()
        # The latest report model of each document that parsed, for completion while the
        # text being typed does not.
        self._latest: dict[str, Report] = {}
        self._trace: tuple[Report, Report, Trace] | None = None

    def update(self, uri: str, path: str, text: str, version: int | None) -> None:
        buffer = Buffer(uri, path, version, text)
        self.buffers[uri] = buffer
        self.sources.open(buffer)

    def close(self, uri: str) -> None:
        buffer = self.buffers.pop(uri, None)
        self.checked.pop(uri, None)
        self._latest.pop(uri, None)
        self._reports.discard(uri)
        if buffer is not None:
            self.sources.close(buffer.path)

    def check(self, uri: str) -> Checked | None:
        """Check the open document ``uri`` as its text now stands."""
        buffer = self.buffers.get(uri)
        if buffer is None:
            return None
        if uri not in self._reports and not declares_form(
            buffer.text.encode("utf-8", "surrogatepass")
        ):
            checked = Checked(buffer, None)
        else:
            self._reports.add(uri)
            prepared = self.configs.for_path(buffer.path)
            checked = Checked(buffer, self._result(buffer, prepared), prepared)
        self.checked[uri] = checked
        if checked.report is not None:
            self._latest[uri] = checked.report
        return checked

    def latest_report(self, uri: str) -> Report | None:
        """The report model of ``uri``'s text as last parsed."""
        return self._latest.get(uri)

    def _result(self, buffer: Buffer, prepared: Prepared) -> FileResult:
        try:
            neighbours = self.sources.neighbours(buffer.path)
            return check_text(
                buffer.path, buffer.text, prepared.selection, self.sources.read, neighbours
            )
        except Exception as error:  # rules that raise are the engine's; this is the rest
            message = f"galint could not check this file: {type(error).__name__}: {error}"
            failure = Diagnostic(
                message,
                rule=RULE_ERROR.slug,
                code=RULE_ERROR.code,
                severity=RULE_ERROR.severity,
                file=buffer.path,
            )
            return FileResult(buffer.path, [failure])

    def dependents(self, uri: str) -> list[str]:
        """The open reports to check again when ``uri`` changed."""
        buffer = self.buffers.get(uri)
        if buffer is None:
            return []
        return [other for other in self.following({buffer.path}) if other != uri]

    def following(self, paths: set[str]) -> list[str]:
        """The open reports to check again when the files at ``paths`` changed: those paired
        with one of them, and those that found no predecessor yet."""
        changed = {os.path.realpath(path) for path in paths}
        return [
            uri
            for uri, checked in self.checked.items()
            if checked.report is not None
            and (checked.predecessor in changed or _expects_predecessor(checked))
        ]

    def reports(self) -> list[str]:
        """Every open document that is a report."""
        return [uri for uri in self.buffers if uri in self._reports]

    def fixes(self, uri: str) -> list[Diagnostic]:
        """The fixes on offer for the document as last checked."""
        checked = self.checked.get(uri)
        if checked is None or checked.result is None or checked.prepared is None:
            return []
        if checked.fixes is None:
            try:
                checked.fixes = offered_fixes(checked.result, checked.prepared.fixing)
            except Exception:  # no fixes is better than no server
                checked.fixes = []
        return checked.fixes

    def successor_trace(self, uri: str) -> Trace | None:
        """How the next report in the workspace follows up the plans of ``uri``'s report,
        if there is one: an open report first, then one in the same folder."""
        checked = self.checked.get(uri)
        report = checked.report if checked is not None else None
        if report is None or report.edition is None:
            return None
        opened = [c.report for u, c in self.checked.items() if u != uri and c.report is not None]
        for candidate in [*opened, *self.sources.neighbours(report.path)]:
            if _follows(candidate, report):
                return self._traced(report, candidate)
        return None

    def _traced(self, previous: Report, current: Report) -> Trace:
        cached = self._trace
        if cached is not None and cached[0] is previous and cached[1] is current:
            return cached[2]
        result = trace(previous, current)
        self._trace = (previous, current, result)
        return result


def _expects_predecessor(checked: Checked) -> bool:
    report = checked.report
    return (
        report is not None
        and report.predecessor is None
        and report.edition is not None
        and form().previous_edition(report.edition) is not None
    )


def _follows(candidate: Report, report: Report) -> bool:
    """Whether ``candidate`` is the next report after ``report``, as pairing would find it."""
    if candidate.edition is None or report.edition is None:
        return False
    if form().previous_edition(candidate.edition) is not report.edition:
        return False
    if candidate.previous:
        named = os.path.join(os.path.dirname(candidate.path), candidate.previous)
        return os.path.realpath(named) == os.path.realpath(report.path)
    return candidate.country_code is not None and candidate.country_code == report.country_code

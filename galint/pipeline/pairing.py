"""Pairing each report with the report it follows up (its predecessor).

In order of precedence: the path given on the command line (``--previous``); the report's own
``previous`` key, relative to the report; otherwise, among the reports of the same run, the
one of the same country and the preceding edition of the form.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from galint.form.model import Report, build
from galint.form.spec import form
from galint.io.load import load_path

# How a report named by a path is had: the report, or why it cannot be.
Read = Callable[[str], "Report | str"]


def attach(
    reports: Sequence[Report],
    explicit: str | None = None,
    required: bool = False,
    confine: Sequence[str] | None = None,
) -> None:
    """Set ``predecessor`` (or ``predecessor_error``) on every report that has an edition.

    With ``confine``, a ``previous:`` path that leads outside those folders is not read.
    """
    opener = _Opener(reports)
    roots = [os.path.realpath(root) for root in confine] if confine is not None else None
    for report in reports:
        _attach_one(report, opener, explicit, required, roots)


def pair(report: Report, neighbours: Sequence[Report], read: Read, required: bool = False) -> None:
    """Set ``predecessor`` (or ``predecessor_error``) on ``report`` alone, as ``attach``
    would among ``report`` and its ``neighbours``; a report named by a path and not among
    them is had from ``read`` (an editor's open buffers, then the disk)."""
    _attach_one(report, _Opener([report, *neighbours], read), None, required, None)


def _attach_one(
    report: Report,
    opener: _Opener,
    explicit: str | None,
    required: bool,
    roots: list[str] | None,
) -> None:
    if report.edition is None:
        return
    wanted = form().previous_edition(report.edition)
    if wanted is None:
        return
    found, how = _predecessor(report, wanted.form, opener, explicit, roots)
    if found is None:
        if required:
            report.predecessor_error = (
                f"no previous report found: give its path in 'previous:' or with "
                f"--previous, or check it together with this one ({wanted.title})"
            )
    elif isinstance(found, str):
        report.predecessor_error = f"the previous report ({how}) {found}"
    elif found.edition is not wanted:
        edition = found.edition.form if found.edition else "no known form"
        report.predecessor_error = f"the previous report ({how}) is {edition}, not {wanted.form}"
    else:
        report.predecessor = found


def _predecessor(
    report: Report,
    edition: str,
    opener: _Opener,
    explicit: str | None,
    roots: list[str] | None,
) -> tuple[Report | str | None, str]:
    """The report that ``report`` follows up (or why it cannot be had, or None when none is
    named or found), and how it was named."""
    if explicit is not None:
        return opener.open(explicit), f"--previous {explicit}"
    if report.previous:
        path = os.path.join(os.path.dirname(report.path), report.previous)
        how = f"previous: {report.previous}"
        if roots is not None and not any(_inside(path, root) for root in roots):
            return "lies outside the folders checked; it is not read", how
        return opener.open(path), how
    return _same_country(report, edition, opener.reports), ""


class _Opener:
    """The reports named by a path: one of the run's, or else read once."""

    def __init__(self, reports: Sequence[Report], read: Read | None = None) -> None:
        self.reports = reports
        self.read = read or read_path
        # Made when first needed: most runs pair reports by country and name no path.
        self.by_spelling: dict[str, Report] | None = None
        self.by_path: dict[str, Report] | None = None
        self.loaded: dict[str, Report | str] = {}

    def open(self, path: str) -> Report | str:
        """The report at ``path``, or why it cannot be had."""
        found = self.spelled(path)
        if found is not None:
            return found
        if self.by_path is None:
            self.by_path = {os.path.realpath(r.path): r for r in self.reports}
        key = os.path.realpath(path)
        if key in self.by_path:
            return self.by_path[key]
        if key not in self.loaded:
            self.loaded[key] = self.read(path)
        return self.loaded[key]

    def spelled(self, path: str) -> Report | None:
        """The run's report spelled as ``path`` is, if any."""
        # Looking up the spelling needs no system call (os.path.realpath() makes one per
        # folder of the path, 11 us for a usual path).
        spelling = _spelling(path)
        if spelling is None:
            return None
        if self.by_spelling is None:
            spelled = ((_spelling(r.path), r) for r in self.reports)
            self.by_spelling = {key: r for key, r in spelled if key is not None}
        return self.by_spelling.get(spelling)


def read_path(path: str) -> Report | str:
    """The report read from ``path``, or why it cannot be read."""
    result = load_path(path)
    if result is None or result.document is None:
        problem = result.problems[0].message if result and result.problems else "is empty"
        return f"cannot be read: {problem}"
    return build(result.document)


def _spelling(path: str) -> str | None:
    """One spelling of the file at ``path`` ('a/./b.yaml' and 'a/b.yaml' are one), or None
    when the path goes up a folder: after a symbolic link, '..' leads elsewhere than the
    spelling says."""
    parts = path.replace(os.altsep, os.sep) if os.altsep else path
    if os.pardir in parts.split(os.sep):
        return None
    return os.path.normpath(os.path.abspath(path))


def _same_country(report: Report, edition: str, reports: Sequence[Report]) -> Report | None:
    if not report.country_code:
        return None
    same = [
        r
        for r in reports
        if r.edition is not None
        and r.edition.form == edition
        and r.country_code == report.country_code
    ]
    if len(same) < 2:
        return same[0] if same else None
    # Several candidates: the one beside the report, then the first in path order.
    here = os.path.dirname(os.path.realpath(report.path))
    same.sort(key=lambda r: (os.path.dirname(os.path.realpath(r.path)) != here, r.path))
    return same[0]


def _inside(path: str, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)

"""The reports around the one being checked: the predecessor its ``previous:`` names, and
the reports of its folder it may be paired with by country, as the other files of a run.

Each comes from the editor's open buffer when there is one, else from the disk, and is built
once per version of its text (a buffer's text, a file's size and time of change): an
unchanged predecessor costs nothing more however often the report that follows it is
checked.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import NamedTuple

from galint.form.model import Report, build
from galint.io.discover import SUFFIXES, declares_form
from galint.io.load import MAX_BYTES
from galint.pipeline.buffers import load_text
from galint.pipeline.pairing import read_path


class Buffer(NamedTuple):
    """An open document: the editor's unsaved text, which wins over the file's."""

    uri: str
    path: str
    version: int | None
    text: str


class Sources:
    """Reports by path, from the open buffers first, then the disk."""

    def __init__(self) -> None:
        # By real path: an open buffer, and each report built with the version it was built from.
        self.buffers: dict[str, Buffer] = {}
        self._built: dict[str, tuple[object, Report | str]] = {}
        self._is_report: dict[str, tuple[object, bool]] = {}
        # How many reports were read and built: what an unchanged predecessor must not repeat.
        self.builds = 0

    def open(self, buffer: Buffer) -> None:
        self.buffers[os.path.realpath(buffer.path)] = buffer

    def close(self, path: str) -> None:
        self.buffers.pop(os.path.realpath(path), None)

    def forget(self, path: str) -> None:
        """The file at ``path`` changed on disk: read it again when next asked for."""
        key = os.path.realpath(path)
        self._built.pop(key, None)
        self._is_report.pop(key, None)

    def read(self, path: str) -> Report | str:
        """The report at ``path``, or why it cannot be had."""
        key = os.path.realpath(path)
        buffer = self.buffers.get(key)
        if buffer is not None:
            return self._model(key, buffer.text, lambda: _from_text(buffer.path, buffer.text))
        stamp = _stamp(key)
        if stamp is None:
            return read_path(path)  # says why it cannot be read
        return self._model(key, stamp, lambda: read_path(path))

    def neighbours(self, path: str) -> list[Report]:
        """The other reports in the folder of ``path`` (not its subfolders), open or not."""
        me = os.path.realpath(path)
        folder = os.path.dirname(me)
        names = set()
        try:
            with os.scandir(folder) as entries:
                names = {
                    os.path.join(folder, e.name)
                    for e in entries
                    if e.name.endswith(SUFFIXES) and not e.name.startswith(".")
                }
        except OSError:
            pass
        names |= {key for key in self.buffers if os.path.dirname(key) == folder}
        names.discard(me)
        found = []
        for key in sorted(names):
            if self._report_like(key):
                report = self.read(key)
                if isinstance(report, Report):
                    found.append(report)
        return found

    def _model(self, key: str, stamp: object, make: Callable[[], Report | str]) -> Report | str:
        cached = self._built.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        self.builds += 1
        report = make()
        self._built[key] = (stamp, report)
        return report

    def _report_like(self, key: str) -> bool:
        """Whether the file declares the form, as the files of a folder checked must."""
        buffer = self.buffers.get(key)
        if buffer is not None:
            return declares_form(buffer.text.encode("utf-8", "surrogatepass"))
        stamp = _stamp(key)
        if stamp is None or stamp[1] > MAX_BYTES:
            return False
        cached = self._is_report.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            with open(key, "rb") as stream:
                answer = declares_form(stream.read())
        except OSError:
            answer = False
        self._is_report[key] = (stamp, answer)
        return answer


def _stamp(path: str) -> tuple[int, int, int] | None:
    """What changes when a file does: its time of change, size and inode."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino


def _from_text(path: str, text: str) -> Report | str:
    loaded = load_text(path, text)
    if loaded.document is None:
        problem = loaded.problems[0].message if loaded.problems else "is empty"
        return f"cannot be read: {problem}"
    return build(loaded.document)

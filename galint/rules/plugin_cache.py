"""Remembering that no rule plugin is installed, until something is installed or removed.

Plain code asks importlib.metadata, on every run, which distributions declare the entry-point
group ``galint.rules``. Importing importlib.metadata and reading every distribution's entry
points costs about a tenth of a one-report check (78 of 787 million instructions, measured
with valgrind on examples/montenegro/2014.yaml), and nearly everyone has no plugin.

The answer can change only when a distribution is installed, removed or reinstalled, and
each of those adds or removes an entry in a directory on ``sys.path``, which changes that
directory's modification time. So a run that finds no plugin writes down the modification
times of the ``sys.path`` entries (its fingerprint), and a later run with the same
fingerprint knows there is still none without asking. Only "none" is remembered: where a
plugin is installed, every run asks importlib.metadata, as plain code does.

The note is one small file per Python environment, in ``$XDG_CACHE_HOME/galint`` (by default
``~/.cache/galint``); deleting it is always safe. Where it cannot be read or written, galint
asks importlib.metadata every time. tests/rules/test_plugin_cache.py holds this equal to
asking every time.
"""

from __future__ import annotations

import contextlib
import os
import sys
import zlib


def fingerprint() -> str:
    """The modification time of every entry of ``sys.path``, one per line (``-`` for an entry
    that does not exist): what changes when a distribution is installed or removed."""
    lines = []
    for entry in sys.path:
        try:
            stamp = str(os.stat(entry or ".").st_mtime_ns)
        except (OSError, ValueError):
            stamp = "-"
        lines.append(f"{stamp} {entry}")
    return "\n".join(lines) + "\n"


def none_installed(current: str) -> bool:
    """Whether a run with this fingerprint already found that no plugin is installed."""
    path = note_path()
    if path is None:
        return False
    try:
        with open(path, encoding="utf-8") as stream:
            return stream.read() == current
    except (OSError, UnicodeDecodeError):
        return False


def remember_none(current: str) -> None:
    """Note that no plugin was installed when ``sys.path`` had this fingerprint (taken before
    importlib.metadata was asked, so that an install meanwhile is seen by the next run)."""
    path = note_path()
    if path is None:
        return
    from galint.io.atomic import write_atomic  # rarely needed, and tempfile is slow to import

    with contextlib.suppress(OSError):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, current)


def note_path() -> str | None:
    """The note's file for this Python environment, or None without a home directory."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(root):
        return None  # no home directory to speak of: ask every time
    # Two environments whose names share a checksum share a note, each replacing the other's:
    # never a wrong answer, since the note holds every path of sys.path.
    name = f"{sys.prefix}\0{sys.executable}".encode()
    return os.path.join(root, "galint", f"no-plugins-{zlib.crc32(name):08x}")

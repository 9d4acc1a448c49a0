"""Writing a file atomically: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile


def write_atomic(path: str, text: str) -> None:
    """Replace the file at ``path`` with ``text`` (UTF-8, line endings as given), atomically.

    The text goes to a temporary file in the same directory, flushed and synced to disk, with
    the original's permission bits, then renamed over the original: a reader sees the old
    file or the new one, never half of one. A symbolic link is followed, so the file it points
    to is replaced and the link kept. On any failure the temporary file is removed and the
    original is untouched.
    """
    target = os.path.realpath(path)
    directory = os.path.dirname(target)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{os.path.basename(target)}.", suffix=".galint-tmp", dir=directory
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(directory)


def _mode(path: str) -> int:
    """The permission bits to give the new file: the original's, or the umask's default."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_directory(directory: str) -> None:
    """Make the rename durable; not every platform can open a directory, which is fine."""
    flags = getattr(os, "O_DIRECTORY", None)
    if flags is None:
        return
    with contextlib.suppress(OSError):
        handle = os.open(directory, os.O_RDONLY | flags)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)

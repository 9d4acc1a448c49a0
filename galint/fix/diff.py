"""The change a fix makes to a file, as ``diff -u`` and git print it."""

from __future__ import annotations


def unified_diff(path: str, old: str, new: str) -> str:
    """The change as ``diff -u`` and git print it, with ``a/PATH`` and ``b/PATH`` headers."""
    if old == new:
        return ""
    import difflib  # only when there is a change to show

    out: list[str] = []
    for line in difflib.unified_diff(
        _diff_lines(old),
        _diff_lines(new),
        fromfile=f"a/{path.lstrip('/')}",
        tofile=f"b/{path.lstrip('/')}",
    ):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _diff_lines(text: str) -> list[str]:
    """Lines split at LF only, as git does: a CR stays part of its line."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines

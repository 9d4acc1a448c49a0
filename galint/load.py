"""Deprecated: import ``Problem`` from ``galint.io.load``. Kept so that rule plugins written
against ``galint.load.Problem`` keep working."""

from galint.io.load import Path, Problem

__all__ = ["Path", "Problem"]

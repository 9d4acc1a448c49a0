"""Deprecated: ``Problem`` is now ``galint.core.diagnostic.Diagnostic``, which takes the same
arguments (message, path, key, span, rule). Kept so that rule plugins written against
``galint.load.Problem`` keep working."""

from galint.core.diagnostic import Diagnostic as Problem
from galint.core.diagnostic import Path

__all__ = ["Path", "Problem"]

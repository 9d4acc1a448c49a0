"""Stable fingerprints and repository-relative paths, for the CI formats (SARIF, GitLab)."""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Sequence

from galint.core.diagnostic import Diagnostic

_POSITION = re.compile(r"\b(lines?|columns?)\s+\d+", re.IGNORECASE)


def relative_path(path: str, root: str) -> str:
    """``path`` relative to ``root``, with forward slashes (``../`` when it lies outside)."""
    try:
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # on Windows, another drive than root's
        relative = os.path.abspath(path)
    return relative.replace(os.sep, "/")


def fingerprints(findings: Sequence[Diagnostic], root: str) -> list[str]:
    """A stable hex digest per finding, unique within ``findings``.

    It hashes the rule, the path relative to ``root`` and the message without quoted line or
    column numbers, so that a finding keeps its fingerprint when lines are added or removed
    elsewhere in the file. Equal findings are told apart by their rank among their equals.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    prints = []
    for finding in findings:
        key = (finding.code, relative_path(finding.file, root), _stable_message(finding.message))
        occurrence = seen[key]
        seen[key] += 1
        material = "\0".join((*key, str(occurrence)))
        prints.append(hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest())
    return prints


def _stable_message(message: str) -> str:
    return _POSITION.sub(lambda match: f"{match.group(1)} N", message)

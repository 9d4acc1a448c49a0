"""Baselines: findings recorded once, then hidden, so a team can adopt galint on old reports.

An entry is keyed on the rule, the file and the content the finding is about (the text of the
line it points at), never on line numbers: edits elsewhere in the file do not revive it. Equal
keys are counted, so a second identical problem still shows.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from galint.core.diagnostic import Diagnostic
from galint.io.load import split_lines
from galint.pipeline.engine import FileResult

VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be read or written."""


@dataclass(frozen=True, slots=True)
class Key:
    path: str
    rule: str
    content: str


def key(finding: Diagnostic, result: FileResult, base: str) -> Key:
    path = os.path.relpath(os.path.abspath(finding.file), base).replace(os.sep, "/")
    content = finding.message
    document = result.report.document if result.report is not None else None
    if document is not None and document.text:
        if document.lines is None:
            document.lines = split_lines(document.text)
        if 0 < finding.line <= len(document.lines):
            content = document.lines[finding.line - 1].strip()
    return Key(path, finding.rule, content)


def write(path: str, results: Sequence[FileResult]) -> int:
    """Record every finding of ``results``; the number recorded."""
    base = os.path.dirname(os.path.abspath(path))
    counted = Counter(key(f, r, base) for r in results for f in r.findings)
    entries = [
        {"path": k.path, "rule": k.rule, "content": k.content, "count": n}
        for k, n in sorted(
            counted.items(), key=lambda item: (item[0].path, item[0].rule, item[0].content)
        )
    ]
    text = json.dumps({"version": VERSION, "findings": entries}, indent=2, ensure_ascii=False)
    try:
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text + "\n")
    except OSError as error:
        raise BaselineError(f"{path}: cannot be written ({error.strerror or error})") from error
    return sum(counted.values())


def read(path: str) -> Counter[Key]:
    try:
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
    except OSError as error:
        raise BaselineError(f"{path}: cannot be read ({error.strerror or error})") from error
    except ValueError as error:
        raise BaselineError(f"{path}: not a galint baseline ({error})") from error
    entries = data.get("findings") if isinstance(data, dict) else None
    if data.get("version") != VERSION or not isinstance(entries, list):
        raise BaselineError(f"{path}: not a galint baseline (version {VERSION} expected)")
    counted: Counter[Key] = Counter()
    for entry in entries:
        try:
            counted[Key(str(entry["path"]), str(entry["rule"]), str(entry["content"]))] += int(
                entry.get("count", 1)
            )
        except (KeyError, TypeError, ValueError) as error:
            raise BaselineError(f"{path}: a malformed entry: {entry!r}") from error
    return counted


def hide(path: str, results: Sequence[FileResult]) -> int:
    """Remove from ``results`` the findings the baseline records; the number hidden."""
    recorded = read(path)
    base = os.path.dirname(os.path.abspath(path))
    hidden = 0
    for result in results:
        kept = []
        for finding in result.findings:
            k = key(finding, result, base)
            if recorded[k] > 0:
                recorded[k] -= 1
                hidden += 1
            else:
                kept.append(finding)
        result.findings = kept
    return hidden

"""Plain scalars read by the YAML 1.2 core schema, as editors' YAML language servers read
them: ``NO`` (Norway) stays a text and ``2014-06-30`` stays the text the author wrote."""

from __future__ import annotations

import re

_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")

# What a plain scalar that is not text can start with.
_NOT_ONLY_TEXT = frozenset("~nNtTfF+-.0123456789")
# The plain scalars that are null or a boolean.
_WORD_VALUES: dict[str, object] = {
    **dict.fromkeys(("~", "null", "Null", "NULL"), None),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}


def resolve_plain(text: str) -> object:
    """A plain scalar's value under the YAML 1.2 core schema."""
    if not text:
        return None
    first = text[0]
    if first not in _NOT_ONLY_TEXT:
        return text  # most scalars of a report: words
    if first in "~nNtTfF":
        return _WORD_VALUES.get(text, text)
    if _INT.match(text):
        # Python refuses to convert more than 4,300 digits; such a "number" stays text.
        return int(text) if len(text) <= 4300 else text
    if _OCT.match(text):
        return int(text[2:], 8) if len(text) <= 4300 else text
    if _HEX.match(text):
        return int(text[2:], 16) if len(text) <= 3500 else text
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text[0] == "-" else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def key_text(value: object) -> str:
    """A scalar's value as the text of a mapping key (an alias to ``2.10`` names key 2.1)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)

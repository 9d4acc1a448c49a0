"""What a jsonschema error says in a report: the schema rule it belongs to, and its message.

jsonschema gives one error per failing JSON Schema keyword. Each keyword belongs to one rule
(``required`` to schema-required, ``type`` to schema-type...; any other to schema-other), and
has a function here that words its error for the report's author: the place in the report,
what is there and what is expected, never the schema's own terms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from galint.core.diagnostic import Diagnostic, Path
from galint.form.model import describe

if TYPE_CHECKING:
    from jsonschema import ValidationError


def problems(error: ValidationError) -> Iterator[Diagnostic]:
    """The problems of one error: one, or one per missing or unknown key."""
    keyword = str(error.validator)
    rule = _RULE_OF_KEYWORD.get(keyword, "schema-other")
    explain = _EXPLAIN.get(keyword, _other)
    return explain(error, tuple(error.absolute_path), rule)


_RULE_OF_KEYWORD = {
    "required": "schema-required",
    "type": "schema-type",
    "enum": "schema-value",
    "const": "schema-value",
    "additionalProperties": "schema-unknown-key",
    "pattern": "schema-format",
    "format": "schema-format",
    "minLength": "schema-length",
    "maxLength": "schema-length",
    "minItems": "schema-length",
    "maxItems": "schema-length",
}

_TYPE_WORDS = {
    "object": "a mapping",
    "array": "a list",
    "string": "a text",
    "null": "nothing",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}

_FORMAT_HINTS = {
    "code": "is not an ISO 3166-1 alpha-2 country code (two capital letters, such as ME)",
    "submitted": "is not a date written YYYY-MM-DD (such as 2014-06-30)",
}


def _wrong_type(error: ValidationError, path: Path, rule: str) -> Iterator[Diagnostic]:
    instance = error.instance
    if path == () and instance is None:
        message = "the file is empty: a report starts with 'form: global-alliance/2014'"
    elif path == ():
        message = (
            "a report is a mapping of keys (form, country, policy-target-1...), "
            f"found {_found(instance)}"
        )
    else:
        expected = _expected(error.validator_value)
        message = f"{describe(path)}: expected {expected}, found {_found(instance)}"
    yield Diagnostic(message, path, rule=rule)


def _missing_keys(error: ValidationError, path: Path, rule: str) -> Iterator[Diagnostic]:
    where = describe(path)
    for name in error.validator_value:
        if name not in error.instance:
            yield Diagnostic(f"{where} is missing '{name}'", path, key=True, rule=rule)


def _unknown_keys(error: ValidationError, path: Path, rule: str) -> Iterator[Diagnostic]:
    instance = error.instance
    known = list(error.schema.get("properties", {}))
    for extra in sorted(set(instance) - set(known), key=list(instance).index):
        message = f"unknown key '{extra}' in {describe(path)}"
        if extra == "<<":
            message += "; merge keys (<<) are not supported, write the keys out"
        else:
            close = _close(extra, known)
            message += (
                f"; did you mean '{close[0]}'?"
                if close
                else f"; expected one of: {', '.join(known)}"
            )
        yield Diagnostic(message, (*path, extra), key=True, rule=rule)


def _not_allowed(error: ValidationError, path: Path, rule: str) -> Iterator[Diagnostic]:
    allowed = error.validator_value if error.validator == "enum" else [error.validator_value]
    words = [str(value) for value in allowed]
    message = f"{describe(path)}: {_found(error.instance)} is not one of: {', '.join(words)}"
    close = _close(str(error.instance), words)
    if close:
        message += f"; did you mean '{close[0]}'?"
    yield Diagnostic(message, path, rule=rule)


def _bad_format(error: ValidationError, path: Path, rule: str) -> Iterator[Diagnostic]:
    hint = _FORMAT_HINTS.get(str(path[-1]) if path else "", "is not in the expected form")
    yield Diagnostic(f"{describe(path)}: '{error.instance}' {hint}", path, rule=rule)


def _empty(error: ValidationError, path: Path, rule: str) -> Iterator[Diagnostic]:
    yield Diagnostic(f"{describe(path)} is empty", path, rule=rule)


def _other(error: ValidationError, path: Path, rule: str) -> Iterator[Diagnostic]:
    yield Diagnostic(f"{describe(path)}: {error.message}", path, rule=rule)


_EXPLAIN: dict[str, Callable[[ValidationError, Path, str], Iterator[Diagnostic]]] = {
    "type": _wrong_type,
    "required": _missing_keys,
    "additionalProperties": _unknown_keys,
    "enum": _not_allowed,
    "const": _not_allowed,
    "pattern": _bad_format,
    "format": _bad_format,
    "minLength": _empty,
    "minItems": _empty,
}


def _close(word: str, known: list[str]) -> list[str]:
    """The known word closest to ``word``, if any is close (a misspelt key or value)."""
    import difflib  # only a report with an unknown word needs it

    return difflib.get_close_matches(word, known, n=1, cutoff=0.6)


def _expected(types: object) -> str:
    names = [types] if isinstance(types, str) else list(types)  # type: ignore[call-overload]
    words = [_TYPE_WORDS.get(str(name), str(name)) for name in names if name != "null"]
    if len(words) > 1:
        return ", ".join(words[:-1]) + " or " + words[-1]
    return words[0] if words else "nothing"


def _found(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__

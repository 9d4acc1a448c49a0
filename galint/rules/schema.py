"""Schema rules: the report against galint's JSON Schema, one rule per kind of failure.

The schema is validated once per report; each JSON Schema keyword maps to its own rule, so a
user can silence one kind of schema failure. Messages speak of the report, not the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from galint.core.rule import Rule
from galint.form.model import Report, describe
from galint.form.spec import SCHEMA_PATH
from galint.io.load import Path, Problem

if TYPE_CHECKING:
    from jsonschema import ValidationError


def check(report: Report) -> Iterator[Problem]:
    data = report.document.data
    # Most reports are valid: the validator that fastjsonschema generated from the schema says
    # so without importing jsonschema (a third of galint's start-up); jsonschema then explains
    # what it refuses, one error per failing keyword.
    if _valid(data):
        return
    for error in _validator().iter_errors(data):
        yield from _problems(error)


RULES = (
    Rule(
        code="S001",
        slug="schema-required",
        severity="error",
        summary="A required key is missing.",
        explanation="""\
A report needs its `form` and its `country` (with `code` and `name`); an item written as a
mapping needs its `text`.

Failing:

```yaml
form: global-alliance/2014
country:
  name: Montenegro
```

Passing:

```yaml
form: global-alliance/2014
country:
  code: ME
  name: Montenegro
```
""",
        check=check,
    ),
    Rule(
        code="S002",
        slug="schema-type",
        severity="error",
        summary="A value has the wrong shape (a text where a list belongs, and so on).",
        explanation="""\
Each place of the report holds one kind of value: a policy target and an operational goal are
mappings, a section is a list of items (or a single text), an item is a text or a mapping with
`text`.

Failing:

```yaml
form: global-alliance/2013
policy-target-1:
  planned: 3
```

Passing:

```yaml
form: global-alliance/2013
policy-target-1:
  planned:
    - Develop victim identification procedures (2013-2014)
```
""",
        check=check,
    ),
    Rule(
        code="S003",
        slug="schema-value",
        severity="error",
        summary="A value is not one of those allowed.",
        explanation="""\
`form` names an edition of the reporting form (`global-alliance/2013` or
`global-alliance/2014`), and an item's `status` is one of planned, in-progress, done, ongoing,
delayed, dropped.

Failing:

```yaml
form: global-alliance/2015
```

Passing:

```yaml
form: global-alliance/2014
```
""",
        check=check,
    ),
    Rule(
        code="S004",
        slug="schema-unknown-key",
        severity="error",
        summary="A key that the form does not have.",
        explanation="""\
Keys are the form's own: `policy-target-1` to `policy-target-4`, in a 2014 report `goal-1` and
`goal-2` under each target, then the sections of the edition (`undertaken` and `planned` in
2013; `implementation`, `assessment` and `follow-up` in 2014). A misspelt key would otherwise
hide its content from every check; galint suggests the closest key it knows.

Failing:

```yaml
form: global-alliance/2014
policy-target-1:
  goal-1:
    follow-ups:
      - Develop victim identification procedures
```

Passing:

```yaml
form: global-alliance/2014
policy-target-1:
  goal-1:
    follow-up:
      - Develop victim identification procedures
```
""",
        check=check,
    ),
    Rule(
        code="S005",
        slug="schema-format",
        severity="error",
        summary="A value is not written in the expected form.",
        explanation="""\
The country code is an ISO 3166-1 alpha-2 code (two capital letters, such as `ME`); the
submission date is written `YYYY-MM-DD`.

Failing:

```yaml
country:
  code: MNE
  name: Montenegro
submitted: 30.06.2014
```

Passing:

```yaml
country:
  code: ME
  name: Montenegro
submitted: 2014-06-30
```
""",
        check=check,
    ),
    Rule(
        code="S006",
        slug="schema-length",
        severity="error",
        summary="A value that must not be empty is empty.",
        explanation="""\
The country's name and the path of the previous report cannot be empty texts.

Failing:

```yaml
country:
  code: ME
  name: ""
```

Passing:

```yaml
country:
  code: ME
  name: Montenegro
```
""",
        check=check,
    ),
    Rule(
        code="S009",
        slug="schema-other",
        severity="error",
        summary="The report breaks another constraint of the schema.",
        explanation="""\
Any schema failure that none of the other schema rules covers. The message quotes the
validator.

Failing: a report that breaks a constraint added to the schema later.

Passing: a report the schema accepts.
""",
        check=check,
    ),
)


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


def _valid(data: object) -> bool:
    """Whether ``data`` meets the schema, by the validator generated from it
    (galint/schema/validator.py, written by ``python -m galint.form.generate``)."""
    from fastjsonschema import JsonSchemaValueException

    from galint.schema.validator import validate

    try:
        validate(data)
    except JsonSchemaValueException:
        return False
    return True


@cache
def _schema() -> dict[str, Any]:
    import json

    with open(SCHEMA_PATH, encoding="utf-8") as stream:
        schema: dict[str, Any] = json.load(stream)
    return schema


@cache
def _validator() -> Any:
    from jsonschema import Draft7Validator

    return Draft7Validator(_schema())


def _close(word: str, known: list[str]) -> list[str]:
    """The known word closest to ``word``, if any is close (a misspelt key or value)."""
    import difflib  # only a report with an unknown word needs it

    return difflib.get_close_matches(word, known, n=1, cutoff=0.6)


def _problems(error: ValidationError) -> Iterator[Problem]:
    path: Path = tuple(error.absolute_path)
    rule = _RULE_OF_KEYWORD.get(str(error.validator), "schema-other")
    instance = error.instance
    where = describe(path)
    if error.validator == "type":
        if path == () and instance is None:
            message = "the file is empty: a report starts with 'form: global-alliance/2014'"
        elif path == ():
            message = (
                "a report is a mapping of keys (form, country, policy-target-1...), "
                f"found {_found(instance)}"
            )
        else:
            message = (
                f"{where}: expected {_expected(error.validator_value)}, found {_found(instance)}"
            )
        yield Problem(message, path, rule=rule)
    elif error.validator == "required":
        missing = [name for name in error.validator_value if name not in instance]
        for name in missing:
            yield Problem(f"{where} is missing '{name}'", path, key=True, rule=rule)
    elif error.validator == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        for extra in sorted(set(instance) - set(known), key=list(instance).index):
            message = f"unknown key '{extra}' in {where}"
            if extra == "<<":
                message += "; merge keys (<<) are not supported, write the keys out"
            else:
                close = _close(extra, known)
                message += (
                    f"; did you mean '{close[0]}'?"
                    if close
                    else f"; expected one of: {', '.join(known)}"
                )
            yield Problem(message, (*path, extra), key=True, rule=rule)
    elif error.validator in ("enum", "const"):
        allowed = error.validator_value if error.validator == "enum" else [error.validator_value]
        words = [str(value) for value in allowed]
        message = f"{where}: {_found(instance)} is not one of: {', '.join(words)}"
        close = _close(str(instance), words)
        if close:
            message += f"; did you mean '{close[0]}'?"
        yield Problem(message, path, rule=rule)
    elif error.validator in ("pattern", "format"):
        hint = _FORMAT_HINTS.get(str(path[-1]) if path else "", "is not in the expected form")
        yield Problem(f"{where}: '{instance}' {hint}", path, rule=rule)
    elif error.validator in ("minLength", "minItems"):
        yield Problem(f"{where} is empty", path, rule=rule)
    else:
        yield Problem(f"{where}: {error.message}", path, rule=rule)


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

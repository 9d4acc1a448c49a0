"""Schema rules: the report against galint's JSON Schema, one rule per kind of failure.

The schema is validated once per report; each JSON Schema keyword maps to its own rule, so a
user can silence one kind of schema failure. Messages speak of the report, not the schema.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from galint.form import SCHEMA_FILE
from galint.load import Path, Problem
from galint.model import Report, describe
from galint.rule import Rule

if TYPE_CHECKING:
    from jsonschema import ValidationError


def check(report: Report) -> Iterator[Problem]:
    data = report.document.data
    # Most reports are valid: a quick pass says so without importing jsonschema (a third of
    # galint's start-up); jsonschema then explains whatever the quick pass cannot vouch for.
    if certainly_valid(_schema(), data):
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


@cache
def _schema() -> dict[str, Any]:
    import json

    schema: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return schema


@cache
def _validator() -> Any:
    from jsonschema import Draft7Validator

    return Draft7Validator(_schema())


_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "null": (type(None),),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
}
# What the quick pass understands; a schema word outside these makes it defer to jsonschema.
_UNDERSTOOD = frozenset(
    {"$schema", "title", "description", "definitions", "$ref", "type", "properties",
     "additionalProperties", "required", "enum", "const", "pattern", "minLength", "items",
     "allOf", "if", "then"}
)  # fmt: skip


def certainly_valid(
    schema: dict[str, Any], data: object, root: dict[str, Any] | None = None
) -> bool:
    """True only when ``data`` meets ``schema`` for sure; False means "ask jsonschema".

    It knows the few JSON Schema words galint's schema uses, answers False on any other,
    and never says True of data that jsonschema would reject (tested against jsonschema).
    """
    root = schema if root is None else root
    if not _UNDERSTOOD.issuperset(schema):
        return False
    if "$ref" in schema:
        reference = schema["$ref"]
        if not reference.startswith("#/definitions/"):
            return False
        target = root["definitions"][reference[len("#/definitions/") :]]
        if not certainly_valid(target, data, root):
            return False
    if "type" in schema:
        names = [schema["type"]] if isinstance(schema["type"], str) else schema["type"]
        kinds = tuple(kind for name in names for kind in _TYPES.get(name, ()))
        # JSON Schema tells booleans from numbers; Python's bool is an int.
        if isinstance(data, bool) and "boolean" not in names:
            return False
        if not isinstance(data, kinds):
            return False
    if "enum" in schema and not any(_equal(data, value) for value in schema["enum"]):
        return False
    if "const" in schema and not _equal(data, schema["const"]):
        return False
    if isinstance(data, str):
        if "minLength" in schema and len(data) < schema["minLength"]:
            return False
        if "pattern" in schema and not _pattern(schema["pattern"]).search(data):
            return False
    if isinstance(data, dict):
        properties = schema.get("properties", {})
        if any(name not in data for name in schema.get("required", ())):
            return False
        extra = schema.get("additionalProperties", True)
        for key, value in data.items():
            if key in properties:
                if not certainly_valid(properties[key], value, root):
                    return False
            elif extra is not True:  # False, or a schema the quick pass leaves to jsonschema
                return False
    if isinstance(data, list) and "items" in schema:
        items = schema["items"]
        if not isinstance(items, dict) or not all(certainly_valid(items, v, root) for v in data):
            return False
    for part in schema.get("allOf", ()):
        if not certainly_valid(part, data, root):
            return False
    if "if" in schema and certainly_valid(schema["if"], data, root):
        return certainly_valid(schema.get("then", {}), data, root)
    return "if" not in schema or _certainly_invalid_condition(schema["if"], data)


def _certainly_invalid_condition(condition: dict[str, Any], data: object) -> bool:
    """An ``if`` of galint's form ``{required: [k], properties: {k: {const: v}}}`` is false
    when the key is missing or holds another value; anything else is not for sure."""
    if set(condition) - {"required", "properties"} or not isinstance(data, dict):
        return not isinstance(data, dict)
    for key in condition.get("required", ()):
        if key not in data:
            return True
    for key, rule in condition.get("properties", {}).items():
        if set(rule) == {"const"} and key in data and not _equal(data[key], rule["const"]):
            return True
    return False


def _equal(data: object, value: object) -> bool:
    return type(data) is type(value) and data == value


@cache
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source)


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
                close = difflib.get_close_matches(extra, known, n=1, cutoff=0.6)
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
        close = difflib.get_close_matches(str(instance), words, n=1, cutoff=0.6)
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

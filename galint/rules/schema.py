"""Schema rules: the report against galint's JSON Schema, one rule per kind of failure.

The schema is validated once per report; each JSON Schema keyword maps to its own rule, so a
user can silence one kind of schema failure. Messages speak of the report, not the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report
from galint.form.spec import SCHEMA_PATH
from galint.rules.schema_messages import problems


def check(report: Report) -> Iterator[Diagnostic]:
    data = report.document.data
    # Most reports are valid: the validator that fastjsonschema generated from the schema says
    # so without importing jsonschema (a third of galint's start-up); jsonschema then explains
    # what it refuses, one error per failing keyword.
    if _valid(data):
        return
    for error in _validator().iter_errors(data):
        yield from problems(error)


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


def _valid(data: object) -> bool:
    """Whether ``data`` meets the schema, by the validator generated from it
    (galint/schema/validator.py, written by ``python -m galint.form.generate``)."""
    from galint.schema.validator import JsonSchemaValueException, validate

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

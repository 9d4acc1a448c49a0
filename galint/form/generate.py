"""Files made from the form data and the rules' metadata: the JSON Schema, the validator
generated from it, docs/rules.md and docs/form.md.

Run ``python -m galint.form.generate`` after changing ``schema/form.yaml`` or a rule; a test fails
while a generated file is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from galint.form.spec import SCHEMA_DIR, SCHEMA_FILE, EditionSpec, Form, SectionSpec, form

STATUSES = ("planned", "in-progress", "done", "ongoing", "delayed", "dropped")

_TEXT = "What the report says, as written."
_ID = (
    "A stable id for this plan, used by the next report's `follows`. Without one, the plan's "
    "id is its position: policy target, (operational goal,) and its number in the section, "
    "e.g. 2.4 in a 2013 report or 2.1.3 in a 2014 report."
)
_TIMEFRAME = (
    "When the action takes place, written as a person would: '2013-2014', 'III - IV Q 2013', "
    "'Q3 2014', 'H1 2015', 'by the end of 2014', 'continuous'. Wins over a timeframe in the text."
)
_FOLLOWS = (
    "The id, or a list of ids, of the previous report's plans that this item reports on "
    "(e.g. '1.2', or ['2.1', '2.3'])."
)
_STATUS = "Where the action stands: " + ", ".join(STATUSES) + "."


def schema(the_form: Form) -> dict[str, object]:
    editions = the_form.editions
    definitions: dict[str, object] = {
        "form": {
            "description": "Which edition of the reporting form this report answers: "
            + "; ".join(f"'{e.form}' for the {e.title}" for e in editions)
            + ".",
            "enum": [e.form for e in editions],
        },
        "country": {
            "description": "The reporting country.",
            "type": "object",
            "required": ["code", "name"],
            "additionalProperties": False,
            "properties": {
                "code": {
                    "description": "The country's ISO 3166-1 alpha-2 code, e.g. ME.",
                    "type": "string",
                    "pattern": "^[A-Z]{2}$",
                },
                "name": {
                    "description": "The country's name, e.g. Montenegro.",
                    "type": "string",
                    "minLength": 1,
                },
            },
        },
        "submitted": {
            "description": "The date the report was submitted, as YYYY-MM-DD.",
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
        },
        "previous": {
            "description": "The path of the previous report (relative to this file), whose "
            "plans this report follows up.",
            "type": "string",
            "minLength": 1,
        },
        "action": _item(plan=False),
        "plan": _item(plan=True),
    }
    common = {name: {"$ref": f"#/definitions/{name}"} for name in _COMMON}
    # The edition repeats the common keys only so that additionalProperties allows them;
    # they are validated once, at the top level.
    allowed = {
        name: {"description": definitions[name]["description"]}  # type: ignore[index]
        for name in _COMMON
    }
    for edition in editions:
        definitions[_edition_name(edition)] = {
            "description": f"A {edition.title}.",
            "type": "object",
            "additionalProperties": False,
            "properties": {
                **allowed,
                **{
                    target.key: _target(the_form, edition, target.number)
                    for target in the_form.targets
                },
            },
        }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Global Alliance against Child Sexual Abuse Online: country report",
        "description": "A country's report to the Global Alliance against Child Sexual Abuse "
        "Online, checked by galint.",
        "type": "object",
        "required": ["form", "country"],
        "properties": common,
        "allOf": [
            {
                "if": {"required": ["form"], "properties": {"form": {"const": edition.form}}},
                "then": {"$ref": f"#/definitions/{_edition_name(edition)}"},
            }
            for edition in editions
        ],
        "definitions": definitions,
    }


_COMMON = ("form", "country", "submitted", "previous")


def _edition_name(edition: EditionSpec) -> str:
    return f"report-{edition.year}"


def _target(the_form: Form, edition: EditionSpec, number: int) -> dict[str, object]:
    target = the_form.targets[number - 1]
    described = f"Policy target No. {number}: {target.title}"
    if edition.per == "target":
        properties = {s.key: _section(s) for s in edition.sections}
    else:
        properties = {
            goal.key: {
                "description": f"Operational goal {goal.ref}: {goal.title}",
                "type": ["object", "null"],
                "additionalProperties": False,
                "properties": {s.key: _section(s) for s in edition.sections},
            }
            for goal in target.goals
        }
    return {
        "description": described,
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": properties,
    }


def _section(section: SectionSpec) -> dict[str, object]:
    heading = f"{section.letter}) {section.title}" if section.letter else section.title
    return {
        "description": f"{heading}: {section.question}. A list of items, or a single text.",
        "type": ["array", "string", "null"],
        "items": {"$ref": "#/definitions/plan" if section.plans else "#/definitions/action"},
    }


def _item(plan: bool) -> dict[str, object]:
    properties: dict[str, object] = {"text": {"description": _TEXT, "type": "string"}}
    if plan:
        properties["id"] = {"description": _ID, "type": ["string", "number"]}
    properties.update(
        {
            "timeframe": {"description": _TIMEFRAME, "type": ["string", "integer"]},
            "follows": {
                "description": _FOLLOWS,
                "type": ["string", "number", "array"],
                "items": {"type": ["string", "number"]},
            },
            "status": {"description": _STATUS, "enum": list(STATUSES)},
        }
    )
    kind = "A planned action" if plan else "An action or a statement"
    return {
        "description": f"{kind}: a plain text, or a mapping with its text and details.",
        "type": ["string", "object"],
        "required": ["text"],
        "additionalProperties": False,
        "properties": properties,
    }


def schema_text() -> str:
    return json.dumps(schema(form()), indent=2, ensure_ascii=False) + "\n"


VALIDATOR_FILE = SCHEMA_DIR / "validator.py"

_VALIDATOR_HEADER = """\
# The JSON Schema galint.schema.json as Python code, generated by fastjsonschema through
# `python -m galint.form.generate`; do not edit. galint.rules.schema calls validate() to
# tell a valid report quickly; jsonschema explains what it refuses.
"""
# The generated code imports its exception classes from fastjsonschema, whose package imports
# its whole code generator (a fifth of a one-file check's start-up). They are defined here
# instead, so that checking a report needs only this file.
_FASTJSONSCHEMA_IMPORT = (
    "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n"
)
_OWN_EXCEPTIONS = """\

class JsonSchemaValueException(ValueError):
    \"\"\"The data does not meet the schema.\"\"\"


JsonSchemaValuesException = JsonSchemaValueException
"""


def validator_text() -> str:
    """The schema as a fastjsonschema validator: ``validate(data)`` raises its module's
    ``JsonSchemaValueException`` on invalid data.

    fastjsonschema is given the same schema in other words (see _for_fastjsonschema), and
    asked for no detailed exceptions: galint does not use their messages (jsonschema explains
    a refused report), and without them the code is much smaller.
    """
    import fastjsonschema  # only generating needs the code generator

    the_schema = schema(form())
    code = fastjsonschema.compile_to_code(
        _for_fastjsonschema(the_schema, the_schema["definitions"]), detailed_exceptions=False
    )
    if _FASTJSONSCHEMA_IMPORT not in code:
        raise RuntimeError("fastjsonschema no longer writes the import this expects")
    return _VALIDATOR_HEADER + code.replace(_FASTJSONSCHEMA_IMPORT, _OWN_EXCEPTIONS)


def _for_fastjsonschema(node: object, definitions: dict[str, object]) -> object:
    """``node``, a schema or a part of one, with the same meaning in words fastjsonschema
    2.22.3 turns into quick code:

    * each ``$ref`` replaced by the definition it names (the schema refers to nothing within
      itself). fastjsonschema makes a definition a function; called for each item of a list,
      it is given the item's name made with ``str.format(**locals())`` in the caller, a
      function of hundreds of variables, which made validating a report ten times slower;
    * each ``const: X`` written ``enum: [X]``: without detailed exceptions, fastjsonschema
      fails to generate ``const`` (a KeyError in its code generator).
    """
    if isinstance(node, list):
        return [_for_fastjsonschema(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/definitions/")
        return _for_fastjsonschema(definitions[name], definitions)
    rewritten: dict[str, object] = {}
    for key, value in node.items():
        if key == "definitions":
            continue  # each is written out where it is referred to
        if key == "const":
            rewritten["enum"] = [value]
        elif key == "properties":  # names, each with its schema
            rewritten[key] = {
                name: _for_fastjsonschema(part, definitions) for name, part in value.items()
            }
        elif key in ("enum", "required"):  # values, not schemas
            rewritten[key] = value
        else:
            rewritten[key] = _for_fastjsonschema(value, definitions)
    return rewritten


def outputs() -> dict[Path, str]:
    """Every generated file and the text it should hold."""
    from galint.form.docs import form_markdown, rules_markdown

    return {
        SCHEMA_FILE: schema_text(),
        VALIDATOR_FILE: validator_text(),
        DOCS / "rules.md": rules_markdown(),
        DOCS / "form.md": form_markdown(form()),
    }


DOCS = Path(__file__).resolve().parents[2] / "docs"


def main() -> int:
    for path, text in outputs().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

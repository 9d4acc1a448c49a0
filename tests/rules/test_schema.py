"""The JSON Schema on its own, with the plain jsonschema package and PyYAML: what an editor or
another tool sees, independent of galint's code."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schema" / "galint.schema.json").read_text(encoding="utf-8"))
EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml"))


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML without its YAML 1.1 timestamps, as editors' YAML 1.2 readers see dates."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def validate(text: str) -> list[str]:
    """The failing keywords, with their paths."""
    validator = jsonschema.Draft7Validator(SCHEMA)
    data = yaml.load(text, Loader=Yaml12Loader)
    errors = validator.iter_errors(data)
    return sorted(f"{e.validator}@{'/'.join(map(str, e.absolute_path))}" for e in errors)


def test_schema_is_valid_draft7() -> None:
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(SCHEMA)


def test_examples_exist() -> None:
    assert len(EXAMPLES) == 4


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_validate(path: Path) -> None:
    assert validate(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_point_editors_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == ROOT / "schema" / "galint.schema.json"


HEAD_2013 = "form: global-alliance/2013\ncountry: {code: ME, name: Montenegro}\n"
HEAD_2014 = "form: global-alliance/2014\ncountry: {code: ME, name: Montenegro}\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEAD_2013, []),
        (HEAD_2014, []),
        ("country: {code: ME, name: Montenegro}\n", ["required@"]),
        ("form: global-alliance/2014\n", ["required@"]),
        ("form: global-alliance/2015\ncountry: {code: ME, name: M}\n", ["enum@form"]),
        (HEAD_2013 + "policy-target-5: {}\n", ["additionalProperties@"]),
        (HEAD_2013 + "policy-target-1: {goal-1: {}}\n", ["additionalProperties@policy-target-1"]),
        (HEAD_2014 + "policy-target-1: {planned: []}\n", ["additionalProperties@policy-target-1"]),
        (HEAD_2014 + "policy-target-1: {goal-2: {}}\n", ["additionalProperties@policy-target-1"]),
        (HEAD_2014 + "policy-target-2: {goal-2: {follow-up: /}}\n", []),
        (
            HEAD_2014 + "policy-target-2: {goal-2: {follow-up: 3}}\n",
            ["type@policy-target-2/goal-2/follow-up"],
        ),
        (
            HEAD_2013 + "policy-target-1: {planned: [{id: '1.1'}]}\n",
            ["required@policy-target-1/planned/0"],
        ),
        (HEAD_2013 + "policy-target-1: {planned: [{text: a, id: 2.10, timeframe: 2014}]}\n", []),
        (
            HEAD_2013 + "policy-target-1: {undertaken: [{text: a, id: '1'}]}\n",
            ["additionalProperties@policy-target-1/undertaken/0"],
        ),
        (
            HEAD_2014
            + "policy-target-1: {goal-1: {implementation: [{text: a, follows: ['1.1', 1.2]}]}}\n",
            [],
        ),
        (
            HEAD_2014
            + "policy-target-1: {goal-1: {implementation: [{text: a, status: finished}]}}\n",
            ["enum@policy-target-1/goal-1/implementation/0/status"],
        ),
        (
            "form: global-alliance/2014\ncountry: {code: MNE, name: Montenegro}\n",
            ["pattern@country/code"],
        ),
        ("form: global-alliance/2014\ncountry: {code: ME, name: ''}\n", ["minLength@country/name"]),
        (HEAD_2014 + "submitted: 30.06.2014\n", ["pattern@submitted"]),
        (HEAD_2014 + "submitted: 2014-06-30\n", []),
        (HEAD_2014 + "country2: x\n", ["additionalProperties@"]),
    ],
)
def test_schema_accepts_and_refuses(text: str, expected: list[str]) -> None:
    assert validate(text) == expected


def _described(node: object, where: str, missing: list[str]) -> None:
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            target = prop
            if "$ref" in prop and "description" not in prop:
                target = SCHEMA["definitions"][prop["$ref"].rsplit("/", 1)[1]]
            if "description" not in target:
                missing.append(f"{where}/{name}")
        for key, value in node.items():
            if key != "if":  # a condition, not a place of the report
                _described(value, f"{where}/{key}", missing)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _described(value, f"{where}/{index}", missing)


def test_every_property_has_a_description() -> None:
    missing: list[str] = []
    _described(SCHEMA, "", missing)
    assert missing == []


def test_targets_and_goals_carry_the_official_wording() -> None:
    report_2014 = SCHEMA["definitions"]["report-2014"]["properties"]
    target_1 = report_2014["policy-target-1"]
    assert target_1["description"].startswith(
        "Policy target No. 1: Enhancing efforts to identify victims"
    )
    goal = target_1["properties"]["goal-1"]["description"]
    assert goal.startswith("Operational goal 1.1: Increase the number of identified victims")
    assert set(report_2014["policy-target-4"]["properties"]) == {"goal-1", "goal-2"}

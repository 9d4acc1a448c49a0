"""The JSON Schema on its own, with the plain jsonschema package and PyYAML: what an editor or
another tool sees, independent of galint's code. Then the validator that fastjsonschema
generated from it (galint/schema/validator.py), which the schema rules trust to pass a valid
report without jsonschema: it must say valid or invalid as jsonschema does."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from fuzz_strategies import REPORT_KEYS, deep_copy, example_data, example_texts, walk, wrong_values
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from galint.io.load import parse
from galint.pipeline.engine import Selection, check_loaded
from galint.rules import builtin_rules
from galint.rules.schema import check
from galint.schema import validator as generated
from galint.schema.validator import JsonSchemaValueException

ROOT = Path(__file__).resolve().parents[2]
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


# --- the generated validator against jsonschema ---------------------------------------------

VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
FIXTURES = sorted((ROOT / "tests" / "rules" / "fixtures").rglob("*.yaml"))


def generated_says_valid(data: object) -> bool:
    try:
        generated.validate(data)
    except JsonSchemaValueException:
        return False
    return True


def jsonschema_says_valid(data: object) -> bool:
    return next(VALIDATOR.iter_errors(data), None) is None


def assert_agree(data: object) -> bool:
    """Both validators give ``data`` the same answer, which is returned.

    They differ in one place: fastjsonschema reads a pattern's ``$`` as the end of the text
    (as JSON Schema's ECMA 262 regular expressions do), Python's ``re``, which jsonschema uses,
    also as the place before a final line break. The generated validator then refuses a
    country code or a date followed by a line break, and jsonschema, asked to explain, finds
    nothing: galint reports what jsonschema says (see the test below).
    """
    generated, full = generated_says_valid(data), jsonschema_says_valid(data)
    if generated != full:
        assert full and _patterned_text_ends_in_line_break(data), json.dumps(data)[:500]
    return full


def _patterned_text_ends_in_line_break(data: object) -> bool:
    if not isinstance(data, dict):
        return False
    country = data.get("country")
    texts = [data.get("submitted"), country.get("code") if isinstance(country, dict) else None]
    return any(isinstance(text, str) and text.endswith("\n") for text in texts)


def galint_data(path: Path) -> object:
    """The data of a YAML file as galint reads it (YAML 1.2, line positions aside)."""
    loaded = parse(path.read_text(encoding="utf-8"), str(path))
    return None if loaded.document is None else loaded.document.data


@pytest.mark.parametrize("path", EXAMPLES + FIXTURES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_generated_validator_agrees_with_jsonschema_on_every_file(path: Path) -> None:
    valid = assert_agree(galint_data(path))
    assert valid or path not in EXAMPLES


def _mutations(data: object, rng: random.Random) -> object:
    """``data`` with one value somewhere replaced, removed or added."""
    copy = json.loads(json.dumps(data))
    containers = [copy]
    path_holders: list[tuple[object, object]] = []
    while containers:
        node = containers.pop()
        keys = (
            list(node)
            if isinstance(node, dict)
            else range(len(node))
            if isinstance(node, list)
            else []
        )
        for key in keys:
            path_holders.append((node, key))
            child = node[key]  # type: ignore[index]
            if isinstance(child, (dict, list)):
                containers.append(child)
    if not path_holders:
        return rng.choice([None, 3, "x", [], {}])
    holder, key = rng.choice(path_holders)
    replacement = rng.choice(NEAR_MISSES)
    action = rng.random()
    if action < 0.6:
        holder[key] = replacement  # type: ignore[index]
    elif action < 0.8 and isinstance(holder, dict):
        del holder[key]
    elif isinstance(holder, dict):
        holder[rng.choice(["extra", "policy-target-5", "goal-3", "id", "follows", "status"])] = (
            replacement
        )
    return copy


# Values a report holds in one place or another: each is right somewhere and wrong elsewhere.
NEAR_MISSES = [
    None,
    0,
    2014,
    2014.0,
    2.5,
    True,
    "",
    "x",
    "/",
    [],
    {},
    ["a"],
    [1.2, "1.1"],
    {"text": 1},
    {"text": "x"},
    {"text": "x", "id": "1.1", "timeframe": 2014, "follows": ["1.1"], "status": "done"},
    {"zz": 1},
    "global-alliance/2013",
    "global-alliance/2014",
    "done",
    "ME",
    "2014-06-30",
]


def test_the_generated_validator_agrees_with_jsonschema_on_mutated_reports() -> None:
    documents = [galint_data(path) for path in EXAMPLES + FIXTURES]
    rng = random.Random(2014)
    answers = [
        assert_agree(_mutations(data, rng))
        for data in documents
        if data is not None
        for _ in range(10)
    ]
    # Enough of both answers for the agreement to mean something.
    assert len(answers) > 500
    assert answers.count(True) > 100 and answers.count(False) > 100


@st.composite
def mutated_examples(draw: st.DrawFn) -> object:
    """An example report with one to three values replaced, keys deleted or keys added."""
    data = deep_copy(example_data(draw(st.sampled_from(sorted(example_texts())))))
    for _ in range(draw(st.integers(1, 3))):
        path, value = draw(st.sampled_from(list(walk(data))))
        new = deep_copy(draw(st.one_of(st.sampled_from(NEAR_MISSES), wrong_values)))
        if isinstance(value, dict) and draw(st.booleans()):
            value[draw(st.sampled_from(REPORT_KEYS))] = new
        elif not path:
            data = new
        else:
            parent = data
            for part in path[:-1]:
                parent = parent[part]  # type: ignore[index]
            if isinstance(parent, dict) and draw(st.booleans()):
                del parent[path[-1]]
            else:
                parent[path[-1]] = new  # type: ignore[index]
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_examples())
def test_the_generated_validator_agrees_with_jsonschema_on_any_mutation(data: object) -> None:
    assert_agree(data)


def test_a_line_break_after_a_country_code_is_no_schema_problem() -> None:
    """The validators' one difference (see assert_agree) changes no finding: the generated
    validator refuses the code, jsonschema accepts it, and jsonschema has the last word."""
    text = 'form: global-alliance/2014\ncountry: {code: "ME\\n", name: Montenegro}\n'
    loaded = parse(text, "r.yaml")
    assert loaded.document is not None
    assert not generated_says_valid(loaded.document.data)
    assert jsonschema_says_valid(loaded.document.data)
    family = [rule for rule in builtin_rules() if rule.check is check]
    result = check_loaded(loaded, Selection.of(builtin_rules(), family))
    assert result.findings == []


def test_checking_a_valid_report_imports_neither_jsonschema_nor_fastjsonschema() -> None:
    script = (
        "import sys\n"
        "from galint.cli import main\n"
        "sys.argv = ['galint', 'check', '--select', 'S', sys.argv[1]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert done.code == 0, done.code\n"
        "heavy = ('jsonschema', 'fastjsonschema')\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(ROOT / "examples" / "arcadia" / "2014.yaml")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines()[-1] == "[]"

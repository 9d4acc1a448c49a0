"""Tests for galint.form.model: the typed report built from the examples, ids, and garbage in."""

import math
import random
from pathlib import Path

import pytest

from galint.form.model import build, describe
from galint.io.load import Document, load_path, parse

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def report_of(relative):
    loaded = load_path(str(EXAMPLES / relative))
    assert loaded.problems == []
    return build(loaded.document)


def report_from(text):
    loaded = parse(text, "r.yaml")
    assert loaded.problems == []
    return build(loaded.document)


def plans(report):
    return [item for section in report.sections() if section.plans for item in section.items]


# --- the examples ---------------------------------------------------------------------------


def test_montenegro_2013_header():
    report = report_of("montenegro/2013.yaml")
    assert report.edition.form == "global-alliance/2013"
    assert (report.country_code, report.country_name) == ("ME", "Montenegro")
    assert report.submitted is None
    assert report.previous is None
    assert report.path.endswith("montenegro/2013.yaml")


def test_montenegro_2013_has_four_targets_answered_per_target():
    report = report_of("montenegro/2013.yaml")
    assert [t.number for t in report.targets] == [1, 2, 3, 4]
    assert all(t.present and t.valid and t.goals == [] for t in report.targets)
    assert [[s.key for s in t.sections] for t in report.targets] == [["undertaken", "planned"]] * 4


def test_montenegro_2013_section_sizes():
    report = report_of("montenegro/2013.yaml")
    sizes = [(s.path, s.shape, len(s.items)) for s in report.sections()]
    assert sizes == [
        (("policy-target-1", "undertaken"), "list", 3),
        (("policy-target-1", "planned"), "list", 5),
        (("policy-target-2", "undertaken"), "list", 6),
        (("policy-target-2", "planned"), "list", 5),
        (("policy-target-3", "undertaken"), "list", 4),
        (("policy-target-3", "planned"), "list", 4),
        (("policy-target-4", "undertaken"), "list", 1),
        (("policy-target-4", "planned"), "list", 2),
    ]


def test_montenegro_2013_planned_items_have_default_ids():
    items = plans(report_of("montenegro/2013.yaml"))
    assert len(items) == 16
    assert [i.ref for i in items] == [
        *("1.1", "1.2", "1.3", "1.4", "1.5"),
        *("2.1", "2.2", "2.3", "2.4", "2.5"),
        *("3.1", "3.2", "3.3", "3.4"),
        *("4.1", "4.2"),
    ]
    assert all(i.id is None for i in items)


def test_montenegro_2013_undertaken_items_have_no_id():
    report = report_of("montenegro/2013.yaml")
    undertaken = [i for s in report.sections() if not s.plans for i in s.items]
    assert len(undertaken) == 14
    assert {i.ref for i in undertaken} == {None}


def test_montenegro_2013_item_text_and_paths():
    report = report_of("montenegro/2013.yaml")
    item = report.targets[3].sections[1].items[1]
    assert item.path == ("policy-target-4", "planned", 1)
    assert item.text_path == item.path
    assert item.text.startswith("Sign a Memorandum of Cooperation")
    assert item.text.endswith("(III - IV Q 2013).")


def test_montenegro_2014_has_seven_goals():
    report = report_of("montenegro/2014.yaml")
    assert report.edition.form == "global-alliance/2014"
    assert report.previous == "2013.yaml"
    goals = [g for t in report.targets for g in t.goals]
    assert [g.spec.ref for g in goals] == ["1.1", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2"]
    assert all(g.present and g.valid for g in goals)
    assert all(t.sections == [] for t in report.targets)
    assert [s.key for s in goals[0].sections] == ["implementation", "assessment", "follow-up"]


def test_montenegro_2014_placeholder_sections_are_texts():
    report = report_of("montenegro/2014.yaml")
    texts = [(s.path, s.text) for s in report.sections() if s.shape == "text"]
    assert texts == [
        (("policy-target-2", "goal-2", "implementation"), "/"),
        (("policy-target-3", "goal-2", "implementation"), "/"),
        (("policy-target-3", "goal-2", "assessment"), "/"),
        (("policy-target-4", "goal-2", "assessment"), "/"),
    ]


def test_montenegro_2014_follow_up_default_ids():
    refs = [i.ref for i in plans(report_of("montenegro/2014.yaml"))]
    assert refs == [
        *("1.1.1", "1.1.2", "1.1.3", "1.1.4"),
        *("2.1.1", "2.1.2", "2.1.3"),
        *("2.2.1", "2.2.2", "2.2.3", "2.2.4"),
        *("3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5"),
        "3.2.1",
        *("4.1.1", "4.1.2", "4.1.3", "4.1.4"),
        *(f"4.2.{n}" for n in range(1, 8)),
    ]


def test_arcadia_2014_explicit_ids_follows_and_status():
    report = report_of("arcadia/2014.yaml")
    assert report.submitted == "2014-06-30"
    goal = report.targets[0].goals[0]
    implementation, _, follow_up = goal.sections
    assert [(i.follows, i.status) for i in implementation.items] == [
        (("1.1",), "done"),
        (("1.2",), "done"),
        (("1.3",), "in-progress"),
    ]
    assert implementation.items[0].text_path == (*implementation.items[0].path, "text")
    assert [(i.id, i.default_id, i.timeframe) for i in follow_up.items] == [
        ("1.1.1", "1.1.1", "H1 2015"),
        ("1.1.2", "1.1.2", "Q4 2014"),
        ("1.1.3", "1.1.3", "by June 2015"),
    ]


def test_arcadia_2013_ids_match_default_ids():
    items = plans(report_of("arcadia/2013.yaml"))
    assert len(items) == 14
    assert all(i.id == i.default_id for i in items)


# --- ids and follows ------------------------------------------------------------------------

HEAD_2013 = "form: global-alliance/2013\ncountry: {code: ME, name: Montenegro}\n"
HEAD_2014 = "form: global-alliance/2014\ncountry: {code: ME, name: Montenegro}\n"


def follow_up(text):
    """The follow-up items of goal 2.1 in a 2014 report."""
    report = report_from(HEAD_2014 + "policy-target-2:\n  goal-1:\n    follow-up:\n" + text)
    return report.targets[1].goals[0].sections[2].items


@pytest.mark.parametrize(
    ("written", "id_"),
    [
        ('id: "2.10"', "2.10"),
        ("id: 2.10", "2.10"),
        ("id: 2.1", "2.1"),
        ("id: 7", "7"),
        ("id: 0x1F", "0x1F"),
        ("id: 1e3", "1e3"),
        ("id: A-3", "A-3"),
        ("id: true", None),
        ("id: [1]", None),
        ("id: ~", None),
    ],
)
def test_explicit_id_is_kept_as_written(written, id_):
    (item,) = follow_up(f"      - text: Train prosecutors\n        {written}\n")
    assert item.id == id_
    assert item.default_id == "2.1.1"
    assert item.ref == (id_ or "2.1.1")


@pytest.mark.parametrize(
    ("written", "follows"),
    [
        ('follows: "2.3"', ("2.3",)),
        ("follows: 2.3", ("2.3",)),
        ("follows: 2.10", ("2.10",)),
        ("follows: [2.1, '2.3']", ("2.1", "2.3")),
        ("follows: [2.10, 3]", ("2.10", "3")),
        ("follows: []", ()),
        ("follows: ''", ()),
        ("follows: [~, true, [1], 2.4]", ("2.4",)),
        ("follows: {a: 1}", ()),
        ("follows: false", ()),
    ],
)
def test_follows_as_text_number_or_list(written, follows):
    (item,) = follow_up(f"      - text: Train prosecutors\n        {written}\n")
    assert item.follows == follows


def test_item_fields():
    (item,) = follow_up(
        "      - text: Train prosecutors\n"
        "        timeframe: Q4 2014\n"
        "        status: done\n"
        "        follows: '2.3'\n"
    )
    assert (item.text, item.timeframe, item.status) == ("Train prosecutors", "Q4 2014", "done")
    assert item.path == ("policy-target-2", "goal-1", "follow-up", 0)
    assert item.text_path == (*item.path, "text")


def test_item_field_of_the_wrong_type_is_left_out():
    (item,) = follow_up("      - text: 12\n        timeframe: [2014]\n        status: [done]\n")
    assert (item.text, item.timeframe, item.status) == ("", None, None)
    assert item.text_path == (*item.path, "text")


def test_item_without_text_points_at_the_item():
    (item,) = follow_up("      - id: '2.1.1'\n")
    assert item.text == ""
    assert item.text_path == item.path


def test_items_that_are_neither_text_nor_mapping_are_skipped_but_keep_numbering():
    items = follow_up("      - First\n      - 12\n      - ~\n      - [x]\n      - Fifth\n")
    assert [(i.text, i.default_id) for i in items] == [("First", "2.1.1"), ("Fifth", "2.1.5")]


def test_id_reached_through_an_alias_keeps_its_text():
    items = follow_up(
        "      - {text: Train prosecutors, id: &first 2.10}\n"
        "      - {text: Train judges, follows: *first}\n"
    )
    assert items[1].follows == ("2.10",)


def test_2013_explicit_ids_and_default_ids_per_target():
    report = report_from(
        HEAD_2013 + "policy-target-3:\n  planned:\n    - A\n    - {text: B, id: 3.10}\n"
    )
    items = report.targets[2].sections[1].items
    assert [(i.id, i.default_id, i.ref) for i in items] == [
        (None, "3.1", "3.1"),
        ("3.10", "3.2", "3.10"),
    ]


# --- shapes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "shape", "text"),
    [
        ("implementation: [a]", "list", None),
        ("implementation: []", "list", None),
        ("implementation: /", "text", "/"),
        ("implementation: ''", "text", ""),
        ("implementation:", "null", None),
        ("implementation: 3", "invalid", None),
        ("implementation: {a: 1}", "invalid", None),
        ("implementation: [12, ~]", "invalid", None),
        ("assessment: [a]", "missing", None),
    ],
)
def test_section_shapes(written, shape, text):
    report = report_from(HEAD_2014 + f"policy-target-1:\n  goal-1:\n    {written}\n")
    section = report.targets[0].goals[0].sections[0]
    assert section.key == "implementation"
    assert (section.shape, section.text, section.present) == (shape, text, shape != "missing")


@pytest.mark.parametrize(
    ("written", "present", "valid"),
    [
        ("policy-target-1: {goal-1: {}}", True, True),
        ("policy-target-1:", True, True),
        ("policy-target-1: [goal-1]", True, False),
        ("policy-target-1: none", True, False),
        ("policy-target-2: {}", False, True),
    ],
)
def test_target_presence_and_validity(written, present, valid):
    target = report_from(HEAD_2014 + written + "\n").targets[0]
    assert (target.present, target.valid) == (present, valid)
    assert [g.spec.ref for g in target.goals] == ["1.1"]


@pytest.mark.parametrize(
    ("written", "present", "valid"),
    [
        ("goal-2: {}", True, True),
        ("goal-2:", True, True),
        ("goal-2: [a]", True, False),
        ("goal-2: /", True, False),
        ("goal-1: {}", False, True),
    ],
)
def test_goal_presence_and_validity(written, present, valid):
    report = report_from(HEAD_2014 + f"policy-target-3:\n  {written}\n")
    goal = report.targets[2].goals[1]
    assert goal.path == ("policy-target-3", "goal-2")
    assert (goal.present, goal.valid) == (present, valid)


@pytest.mark.parametrize(
    "form", ["global-alliance/2015", None, 2014, ["global-alliance/2014"], {"a": 1}]
)
def test_unknown_form_has_no_targets(form):
    report = build(Document("r.yaml", {"form": form, "policy-target-1": {}}))
    assert report.edition is None
    assert report.targets == []


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ((), "the report"),
        (("policy-target-2",), "policy-target-2"),
        (
            ("policy-target-2", "goal-1", "follow-up", 2),
            "policy-target-2 > goal-1 > follow-up > item 3",
        ),
    ],
)
def test_describe(path, text):
    assert describe(path) == text


# --- garbage in -----------------------------------------------------------------------------

FORMS = ["global-alliance/2013", "global-alliance/2014"]
NASTY = [None, 0, -1, 2.5, math.nan, math.inf, True, False, "", "x", [], {}, [None], {"": None}]

GARBAGE = [
    None,
    0,
    1.5,
    True,
    "form: global-alliance/2014",
    [],
    [{"form": "global-alliance/2014"}],
    [[[]]],
    {},
    {"form": None},
    {"form": []},
    {"form": {}},
    {"form": 2014},
    {"country": "ME"},
    {"country": ["ME"]},
    {"country": {"code": 3, "name": None}},
    {"submitted": 20140630, "previous": ["2013.yaml"]},
    *({"form": form, "country": bad, "submitted": bad} for form in FORMS for bad in NASTY),
    *({"form": form, "policy-target-1": bad} for form in FORMS for bad in NASTY),
    *({"form": FORMS[1], "policy-target-2": {"goal-1": bad}} for bad in NASTY),
    *({"form": FORMS[1], "policy-target-2": {"goal-1": {"follow-up": bad}}} for bad in NASTY),
    *({"form": FORMS[0], "policy-target-4": {"planned": bad}} for bad in NASTY),
    *({"form": FORMS[0], "policy-target-4": {"planned": [bad]}} for bad in NASTY),
    *(
        {"form": FORMS[1], "policy-target-1": {"goal-1": {"follow-up": [{key: bad}]}}}
        for key in ("text", "id", "follows", "timeframe", "status")
        for bad in NASTY
    ),
    *(
        {"form": FORMS[1], "policy-target-1": {"goal-1": {"follow-up": [{"follows": [bad]}]}}}
        for bad in NASTY
    ),
    {"form": FORMS[1], "policy-target-1": {1: {2: [3]}}},
    {"form": FORMS[1], "policy-target-1": {"goal-1": {"follow-up": [{"text": "a", 1: 2}]}}},
    {"form": FORMS[0], "policy-target-1": {"planned": [[["deep"]]], "undertaken": {"a": []}}},
]


@pytest.mark.parametrize("data", GARBAGE, ids=[f"shape{n}" for n in range(len(GARBAGE))])
def test_build_never_raises(data):
    report = build(Document("r.yaml", data))
    # walking the model never raises either
    for item in report.items():
        assert isinstance(item.text, str)
        assert item.ref is None or isinstance(item.ref, str)
        assert all(isinstance(ref, str) and ref for ref in item.follows)


def random_value(rng, depth):
    kinds = ["none", "int", "float", "bool", "text", "list", "map"]
    kind = rng.choice(kinds if depth < 4 else kinds[:5])
    if kind == "list":
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if kind == "map":
        keys = [
            "form",
            "country",
            "policy-target-1",
            "policy-target-2",
            "goal-1",
            "goal-2",
            "planned",
            "undertaken",
            "implementation",
            "follow-up",
            "text",
            "id",
            "follows",
            "status",
            "timeframe",
        ]
        return {rng.choice(keys): random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    return {
        "none": None,
        "int": rng.randint(-5, 5),
        "float": rng.choice([0.5, math.nan, -math.inf]),
        "bool": rng.random() < 0.5,
        "text": rng.choice(["", "/", "2.1", "global-alliance/2013", "global-alliance/2014"]),
    }[kind]


@pytest.mark.parametrize("seed", range(40))
def test_build_never_raises_on_random_shapes(seed):
    rng = random.Random(seed)
    for _ in range(25):
        data = random_value(rng, 0)
        if isinstance(data, dict):
            data["form"] = rng.choice(FORMS)
        report = build(Document("r.yaml", data))
        list(report.items())


def test_build_never_raises_on_a_huge_number_as_id():
    data = {"form": FORMS[0], "policy-target-1": {"planned": [{"text": "a", "id": 10**5000}]}}
    report = build(Document("r.yaml", data))
    assert len(list(report.items())) == 1

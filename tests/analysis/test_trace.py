"""Tests for galint.analysis.trace: links, text matching, statuses, output, and the labelled set."""

from __future__ import annotations

import math
import subprocess
import sys
from types import ModuleType

import benchmodules
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from galint.analysis.trace import (
    MAX_MATCHES,
    PARAMS,
    plan_ids,
    render_text,
    shorten,
    to_json,
    trace,
    trace_of,
)
from galint.analysis.trace.quicksplit import split_all
from galint.analysis.trace.tokens import split
from galint.analysis.trace.weights import vectors
from galint.analysis.trace.words import Terms, Words, stem_normal
from galint.form.model import Report, build
from galint.io.load import parse


def report(text: str, path: str = "r.yaml") -> Report:
    loaded = parse(text, path)
    assert loaded.document is not None and not loaded.problems, loaded.problems
    return build(loaded.document)


OLD = """\
form: global-alliance/2013
country: {code: ME, name: Montenegro}
policy-target-1:
  planned:
    - Montenegro will develop protocol and standard procedures to identify victims (2013-2014);
    - text: Montenegro will sign a memorandum with the Ministry of Interior (III - IV Q 2013).
      id: memo
policy-target-3:
  planned:
    - Continue the cycle of workshops under peer education principles (II - III Q 2013);
    - Mark Safer Internet Day, 5 February 2014.
"""


def new(goal_1_1: str = "", goal_3_1: str = "", goal_3_2: str = "") -> str:
    def block(body: str) -> str:
        return body if body else "    implementation: /\n"

    return (
        "form: global-alliance/2014\n"
        "country: {code: ME, name: Montenegro}\n"
        "policy-target-1:\n  goal-1:\n" + block(goal_1_1) + "policy-target-3:\n  goal-1:\n"
        "" + block(goal_3_1) + "  goal-2:\n" + block(goal_3_2)
    )


def statuses(old: str, current: str) -> dict[str, str]:
    return {p.plan.ref: p.status for p in trace(report(old), report(current)).plans}


def test_paraphrase_in_past_tense_is_followed() -> None:
    current = new(
        goal_1_1="    implementation:\n"
        "      - Standard procedures and a protocol for identifying victims were developed.\n"
    )
    assert statuses(OLD, current)["1.1"] == "followed"


def test_restated_only_in_follow_up_is_carried() -> None:
    current = new(
        goal_1_1="    follow-up:\n"
        "      - Montenegro will develop protocol and standard procedures to identify victims.\n"
    )
    result = statuses(OLD, current)
    assert result["1.1"] == "carried"
    assert result["memo"] == "missing"


def test_plan_reported_under_another_target_is_followed() -> None:
    current = new(
        goal_1_1="    implementation:\n      - Marked Safer Internet Day, 5 February 2014.\n"
    )
    assert statuses(OLD, current)["3.2"] == "followed"


def test_sharing_only_the_timeframe_and_country_is_no_match() -> None:
    current = new(
        goal_3_1="    implementation:\n"
        "      - Montenegro bought new police cars for the border crossings (III - IV Q 2013).\n"
    )
    assert set(statuses(OLD, current).values()) == {"missing"}


# Plans that say little besides when: sharing their timeframe's words is sharing nothing.
SHORT_PLANS = """\
form: global-alliance/2013
country: {code: ME, name: Montenegro}
policy-target-3:
  planned:
    - Peer workshops (II - III Q 2013);
    - Campaign, by the end of February 2014;
    - Helpline (continuous, every quarter).
"""


@pytest.mark.parametrize(
    "item",
    [
        "Police cars were bought (II - III Q 2013).",
        "Cars bought by the end of February 2014",
        "Police cars (continuous, every quarter)",
    ],
)
def test_sharing_only_the_words_of_a_timeframe_is_no_match(item: str) -> None:
    current = new(goal_3_1=f"    implementation:\n      - {item}\n")
    assert set(statuses(SHORT_PLANS, current).values()) == {"missing"}


def test_a_stem_in_every_text_weighs_nothing() -> None:
    plans = [Terms({"polic": 1, "train": 1}, frozenset())]
    items = [Terms({"polic": 2, "car": 1}, frozenset())]
    [plan], norms, holders = vectors(plans, items, [{"polic", "border"}])
    assert plan.weights == {"train": pytest.approx(math.log(3))}
    assert norms == [pytest.approx(math.log(3))]  # "car" only
    assert holders == {"train": []}


def test_explicit_link_wins_over_text() -> None:
    current = new(
        goal_1_1="    implementation:\n"
        "      - text: Talks with the Ministry of Interior go on.\n"
        "        follows: memo\n"
        "    follow-up:\n"
        "      - Montenegro will develop protocol and standard procedures to identify victims.\n"
        "      - text: Montenegro will develop protocol and standard procedures for victims.\n"
        '        follows: ["1.1"]\n'
    )
    result = trace(report(OLD), report(current))
    plans = result.by_id()
    assert plans["memo"].status == "followed"
    [link] = plans["memo"].matches
    assert (link.via, link.score, link.section, link.line) == ("link", 1.0, "A", 6)
    # 1.1 is linked from C only: the identical unlinked C item does not count beside the link.
    assert plans["1.1"].status == "carried"
    assert [(m.via, m.line) for m in plans["1.1"].matches] == [("link", 10)]


def test_a_plan_is_named_by_its_explicit_id_and_its_position() -> None:
    ids = plan_ids(report(OLD))
    assert ids["memo"] is ids["1.2"]
    assert list(ids) == ["memo", "1.1", "1.2", "3.1", "3.2"]


def test_an_explicit_id_wins_over_another_plans_position() -> None:
    old = (
        "form: global-alliance/2013\npolicy-target-1:\n  planned:\n"
        '    - {text: First plan, id: "1.2"}\n    - Second plan\n'
    )
    ids = plan_ids(report(old))
    assert ids["1.2"].text == "First plan"


def test_followed_plan_shows_where_it_was_reported_even_behind_restatements() -> None:
    restated = "\n".join(
        f"      - Mark Safer Internet Day, 5 February 2015 ({n});" for n in range(4)
    )
    current = new(
        goal_1_1="    implementation:\n"
        "      - Police officers were trained in interviewing children.\n"
        "      - A hotline for reports of abuse images was opened.\n",
        goal_3_1="    implementation:\n"
        "      - Safer Internet Day was marked in forty schools, with a quiz for pupils.\n"
        "      - Teachers received a handbook on online risks.\n"
        "    follow-up:\n" + restated + "\n",
    )
    traced = trace(report(OLD), report(current)).by_id()["3.2"]
    assert traced.status == "followed"
    assert len(traced.matches) == MAX_MATCHES
    assert [m.section for m in traced.matches] == ["C", "C", "A"]
    assert traced.matches[0].score >= traced.matches[1].score > traced.matches[2].score


def test_trace_of_is_cached_and_needs_a_predecessor() -> None:
    old, current = report(OLD), report(new())
    assert trace_of(current) is None
    current.predecessor = old
    first = trace_of(current)
    assert first is not None and trace_of(current) is first
    current.predecessor = report(OLD)
    assert trace_of(current) is not first


def test_to_json_and_render_text() -> None:
    current = new(
        goal_3_1="    implementation:\n"
        "      - Continued the cycle of workshops under peer education principles (2013);\n"
    )
    result = trace(report(OLD, "2013.yaml"), report(current, "2014.yaml"))
    data = to_json(result)
    workshops = data["plans"][2]  # type: ignore[index]
    assert workshops["id"] == "3.1" and workshops["status"] == "followed"
    assert workshops["line"] == 10
    [match] = workshops["matches"]
    assert set(match) == {"section", "target", "goal", "text", "line", "score", "via"}
    assert (match["section"], match["target"], match["goal"], match["line"]) == ("A", 3, 1, 9)
    assert match["score"] == round(match["score"], 3) and match["via"] == "text"
    text = render_text(result)
    lines = text.splitlines()
    assert lines[0] == "2013.yaml -> 2014.yaml"
    assert lines[1].split() == ["id", "status", "plan", "followed", "up", "in"]
    row = next(line for line in lines if line.startswith("3.1 "))
    assert "followed" in row and f"A 3.1 l.9 ({match['score']:.2f})" in row
    # The columns line up: every row's status starts where the header's does.
    column = lines[1].index("status")
    assert all(line[column - 2 : column] == "  " for line in lines[2:])


def test_shorten() -> None:
    assert shorten("short  text\n here") == "short text here"
    long = "word " * 30
    assert len(shorten(long)) <= 60 and shorten(long).endswith("…")


# --- words ----------------------------------------------------------------------------------


def test_words_and_sentence_starts() -> None:
    text = "Teachers met the Ministry (of) Education.  Education_matters -  Safer 500 days"
    words, starts = split(text)
    assert words == [
        "Teachers", "met", "the", "Ministry", "of", "Education", "Education", "matters",
        "Safer", "500", "days",
    ]  # fmt: skip
    assert starts == ["Teachers", "of", "Education", "Safer"]
    # The same on the quick path, for this text and for one that needs tokens.split.
    slow = "O'Brien's 3rd child\u2019s toy, 'quoted' Q3"
    assert split_all([text, slow, text]) == [split(text), split(slow), split(text)]


def test_a_word_holds_at_most_one_apostrophe_and_no_digit() -> None:
    words, starts = split("O'Brien's 3rd child\u2019s toy, 'quoted' Q3")
    assert words == ["O'Brien", "s", "3", "rd", "child\u2019s", "toy", "quoted", "Q", "3"]
    # An apostrophe also opens and closes a quote: the word after one starts a sentence.
    assert starts == ["O'Brien", "s", "quoted", "Q"]


# Letters, digits, apostrophes, the punctuation that starts a sentence and some that does not,
# spaces of several kinds, and non-ASCII letters: every way a text can leave the quick path.
_ASCII_NO_APOSTROPHE = 'aZe Tq09 .,;:!?-()"_\t\n\x1c\x00'
_ASCII = _ASCII_NO_APOSTROPHE + "'"
_ANY = _ASCII + "\u2019\u201c\u2013\u2022\u00e9\u00c9\u03a3\u0130\u2028"


@settings(max_examples=400, deadline=None)
@given(st.sampled_from([_ASCII_NO_APOSTROPHE, _ASCII, _ANY]).flatmap(st.text))
def test_the_quick_split_finds_what_the_plain_one_does(text: str) -> None:
    assert split_all([text]) == [split(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([_ASCII_NO_APOSTROPHE, _ANY]).flatmap(st.text), max_size=8))
def test_texts_split_together_are_split_as_each_alone(texts: list[str]) -> None:
    # Quick texts are split in one pass, parted by NUL; the others go the plain way between
    # them, and a text that holds a NUL is not quick.
    assert split_all(texts) == [split(text) for text in texts]


def stem(word: str) -> str | None:
    return stem_normal(word, PARAMS.prefix)


def test_words_used_only_inside_names_are_told_apart() -> None:
    [(counts, names)] = Words([], PARAMS.prefix).terms(
        [
            "Teachers met the Ministry of Education. Education matters; the Ministry agreed, "
            "as O'Brien's 3rd report says."
        ]
    )
    # "Education" starts a sentence once, so it is not only a name's; "Teachers" starts the
    # text. The apostrophe sends this text the slow way.
    assert names == {stem("ministry"), stem("o'brien")}
    assert counts[stem("ministry")] == 2 and counts[stem("education")] == 2
    assert counts[stem("rd")] == 1  # a letter next to a digit ends a word
    assert None not in counts and stem("the") is None
    # The same on the quick path, and among given stems only.
    quick = "Teachers met the Ministry of Education. Education matters; the Ministry agreed."
    words = Words([], PARAMS.prefix)
    assert words.terms([quick])[0][1] == {stem("ministry")}
    among = words.terms([quick, quick], {stem("ministry"), stem("teachers")})
    assert [names for _, names in among] == [{stem("ministry")}] * 2
    assert words.terms([quick], {stem("education"), stem("teachers")})[0][1] == set()


@pytest.mark.parametrize("slow", ["", " and children's 3rd"])
def test_a_stem_also_written_outside_a_name_is_not_only_a_names(slow: str) -> None:
    text = f"The Ministry of Education trained ministry staff and Schools{slow} for schools."
    for among in (None, {stem("ministry"), stem("education"), stem("schools")}):
        [(counts, names)] = Words([], PARAMS.prefix).terms([text], among)
        # "Ministry" and "Schools" have a lower-case twin; "Education" has none.
        assert names == {stem("education")}
        assert counts[stem("ministry")] == 2 and counts[stem("schools")] == 2


def test_the_countrys_name_is_left_out_in_any_case_and_possessive() -> None:
    [(counts, names)] = Words(["Montenegro"], PARAMS.prefix).terms(
        ["Montenegro's police and MONTENEGRO, montenegro and Montenegrin schools"]
    )
    # Left out as written, not by stem: "Montenegrin" stays.
    assert counts == {stem("police"): 1, stem("montenegrin"): 1, stem("schools"): 1}
    assert names == {stem("montenegrin")}


def test_the_stemmer_is_imported_only_when_tracing() -> None:
    code = (
        "import sys, galint.analysis.trace, galint.rules.missing_follow_up\n"
        "import galint.output.skeleton\n"
        "assert 'snowballstemmer' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- the labelled evaluation set (tests/trace_eval) -----------------------------------------


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return benchmodules.load("trace_eval")


@pytest.fixture(scope="module")
def tables(bench: ModuleType) -> dict[str, object]:
    result: dict[str, object] = bench.evaluate(bench.load_cases())
    return result


def test_every_case_labels_every_plan(bench: ModuleType, tables: dict[str, object]) -> None:
    assert len(tables) == 9
    assert sum(sum(t.values()) for t in tables.values()) == 140  # type: ignore[attr-defined]


# The levels bench/trace_eval.py reached with the default settings, rounded down a little:
# a change to the matcher that loses any of them must say why.
FLOORS = {"missing": (0.85, 0.78), "followed": (0.93, 0.93), "carried": (0.7, 0.75)}


@pytest.mark.parametrize("status", sorted(FLOORS))
def test_precision_and_recall_overall(bench: ModuleType, tables: dict, status: str) -> None:
    precision, recall = bench.scores(bench.total(tables), status)
    assert precision >= FLOORS[status][0] and recall >= FLOORS[status][1]


def test_the_errors_that_matter_stay_rare(bench: ModuleType, tables: dict) -> None:
    overall = bench.total(tables)
    # A plan a reader calls followed that galint calls missing: only Montenegro's 2.5 (its
    # report is a daily police cooperation, with hardly a word in common) in one variant.
    assert overall[("followed", "missing")] <= 1
    # A plan that vanished, let through as followed or carried.
    assert overall[("missing", "followed")] + overall[("missing", "carried")] <= 5


@pytest.mark.parametrize(
    ("case", "right"),
    [
        ("montenegro", 15),
        ("montenegro-links", 16),
        ("arcadia-nolinks", 14),
        ("montenegro-reworded", 15),
        ("montenegro-moved", 14),
        ("montenegro-merged", 14),
    ],
)
def test_per_case(tables: dict, case: str, right: int) -> None:
    table = tables[case]
    assert sum(n for (label, got), n in table.items() if label == got) >= right

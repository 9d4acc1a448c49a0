"""Tests for galint.io.load: every bad input becomes a problem at its exact place, never an
error."""

import codecs
import math
import os

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from galint.core.diagnostic import START, Span
from galint.io.lines import Lines, locator
from galint.io.load import MAX_ALIAS_VALUES, MAX_BYTES, MAX_DEPTH, load_bytes, load_path, parse


def found(loaded):
    """(rule, line, column) of each problem, in the order the loader reported them."""
    return [(p.rule, p.span.line, p.span.column) for p in loaded.problems]


def spans(loaded):
    return [(p.rule, p.span) for p in loaded.problems]


# --- YAML syntax ----------------------------------------------------------------------------

SYNTAX_CASES = [
    # an unclosed flow mapping: the parser stops at the ':' of the next key
    (
        "unclosed-brace",
        "form: global-alliance/2013\ncountry: {code: ME, name: Montenegro\npolicy-target-1:\n",
        (3, 16),
    ),
    (
        "unclosed-bracket",
        "policy-target-1:\n"
        "  planned: [Sign a memorandum, Join INTERPOL's efforts\n"
        "  undertaken: []\n",
        (3, 13),
    ),
    ("tab-indentation", "policy-target-1:\n  planned:\n\t- Sign a memorandum\n", (3, 1)),
    ("bad-indentation-mapping", "country:\n  code: ME\n name: Montenegro\n", (3, 2)),
    (
        "bad-indentation-list",
        "policy-target-1:\n  planned:\n    - Sign a memorandum\n   - Join INTERPOL\n",
        (4, 4),
    ),
    # an unclosed quote runs to the end of the file, where libyaml reports it
    (
        "unclosed-double-quote",
        'country:\n  code: ME\n  name: "Montenegro\nprevious: 2013.yaml\n',
        (5, 1),
    ),
    ("unclosed-single-quote", "country:\n  code: ME\n  name: 'Montenegro\n", (4, 1)),
    ("key-value-in-plain-text", "policy-target-1:\n  planned: Sign: a memorandum: now\n", (2, 16)),
    ("control-character", "country:\n  name: Monte\x07negro\n", (2, 14)),
]


@pytest.mark.parametrize(
    ("text", "where"), [c[1:] for c in SYNTAX_CASES], ids=[c[0] for c in SYNTAX_CASES]
)
def test_syntax_error_is_reported_where_the_parser_stopped(text, where):
    loaded = parse(text, "r.yaml")
    assert loaded.document is None
    assert found(loaded) == [("yaml-syntax", *where)]
    assert loaded.problems[0].message.startswith("YAML syntax: ")


def test_syntax_error_span_is_one_character():
    loaded = parse("country:\n  code: ME\n name: Montenegro\n", "r.yaml")
    assert loaded.problems[0].span == Span(3, 2, 3, 3)


def test_control_character_column_counts_characters_not_bytes():
    # libyaml reports a byte offset; 'é' is two bytes but one column.
    loaded = parse("country:\n  name: Réé\x07\n", "r.yaml")
    assert found(loaded) == [("yaml-syntax", 2, 12)]


def test_multiple_documents_are_refused_at_the_second_marker():
    loaded = parse("form: global-alliance/2013\n---\nform: global-alliance/2014\n", "r.yaml")
    assert spans(loaded) == [("yaml-syntax", Span(2, 1, 2, 4))]
    # the first document is still read
    assert loaded.document is not None
    assert loaded.document.data == {"form": "global-alliance/2013"}


def test_explicit_start_of_a_single_document_is_fine():
    loaded = parse("---\nform: global-alliance/2013\n...\n", "r.yaml")
    assert loaded.problems == []
    assert loaded.document.data == {"form": "global-alliance/2013"}


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("? [code, name]\n: ME\n", Span(1, 3, 1, 4)),
        ("country: {[code]: ME}\n", Span(1, 11, 1, 12)),
        ("? {code: ME}\n: x\n", Span(1, 3, 1, 4)),
        ("codes: &c [ME]\n*c : Montenegro\n", Span(2, 1, 2, 3)),
    ],
    ids=["block-list-key", "flow-list-key", "mapping-key", "alias-to-list-as-key"],
)
def test_complex_keys_are_refused(text, where):
    loaded = parse(text, "r.yaml")
    assert loaded.document is None
    assert spans(loaded) == [("yaml-syntax", where)]
    assert "a key must be plain text" in loaded.problems[0].message


def test_alias_to_a_text_is_a_valid_key():
    loaded = parse("key: &k code\n*k : ME\n", "r.yaml")
    assert loaded.problems == []
    assert loaded.document.data == {"key": "code", "code": "ME"}


# --- duplicate keys -------------------------------------------------------------------------


def test_duplicate_key_is_reported_at_both_places():
    text = "form: global-alliance/2013\ncountry: {code: ME, name: Montenegro}\nform: x\n"
    loaded = parse(text, "r.yaml")
    assert spans(loaded) == [
        ("duplicate-key", Span(1, 1, 1, 5)),
        ("duplicate-key", Span(3, 1, 3, 5)),
    ]
    assert "also at line 3" in loaded.problems[0].message
    assert "first at line 1" in loaded.problems[1].message
    # the last one is read, as every YAML reader does
    assert loaded.document.data["form"] == "x"


def test_nested_duplicate_key_is_reported_at_both_places():
    text = (
        "policy-target-1:\n"
        "  planned:\n"
        "    - Develop victim identification procedures (2013-2014)\n"
        "  planned:\n"
        "    - Join INTERPOL's victim identification efforts (2013-2014)\n"
    )
    loaded = parse(text, "r.yaml")
    assert found(loaded) == [("duplicate-key", 2, 3), ("duplicate-key", 4, 3)]
    assert loaded.document.data == {
        "policy-target-1": {
            "planned": ["Join INTERPOL's victim identification efforts (2013-2014)"]
        }
    }


def test_duplicate_key_in_a_list_item_mapping():
    text = "planned:\n  - text: a\n    id: '1.1'\n    text: b\n"
    loaded = parse(text, "r.yaml")
    assert found(loaded) == [("duplicate-key", 2, 5), ("duplicate-key", 4, 5)]


def test_duplicate_key_in_a_flow_mapping():
    loaded = parse("country: {code: ME, code: XK}\n", "r.yaml")
    assert spans(loaded) == [
        ("duplicate-key", Span(1, 11, 1, 15)),
        ("duplicate-key", Span(1, 21, 1, 25)),
    ]


def test_quoted_and_plain_keys_are_the_same_key():
    loaded = parse("form: a\n'form': b\n", "r.yaml")
    assert found(loaded) == [("duplicate-key", 1, 1), ("duplicate-key", 2, 1)]


def test_same_key_in_different_mappings_is_not_a_duplicate():
    text = "policy-target-1:\n  planned: []\npolicy-target-2:\n  planned: []\n"
    assert parse(text, "r.yaml").problems == []


def test_key_written_three_times_reports_each_pair():
    loaded = parse("form: a\nform: b\nform: c\n", "r.yaml")
    assert found(loaded) == [
        ("duplicate-key", 1, 1),
        ("duplicate-key", 2, 1),
        ("duplicate-key", 2, 1),
        ("duplicate-key", 3, 1),
    ]


def test_positions_under_a_replaced_key_are_forgotten():
    loaded = parse("country:\n  code: ME\ncountry:\n  name: Montenegro\n", "r.yaml")
    document = loaded.document
    assert ("country", "code") not in document.values
    assert ("country", "code") not in document.keys
    assert document.values[("country", "name")] == Span(4, 9, 4, 19)
    assert document.keys[("country",)] == Span(3, 1, 3, 8)


# --- tags -----------------------------------------------------------------------------------

TAG_CASES = [
    (
        "python-apply",
        "country: !!python/object/apply:os.system ['echo hi']\n",
        Span(1, 10, 1, 43),
        {"country": ["echo hi"]},
    ),
    (
        "python-name",
        "country: !!python/name:os.system\n",
        Span(1, 10, 1, 33),
        {"country": ""},
    ),
    (
        "python-object",
        "country: !!python/object:builtins.dict {code: ME}\n",
        Span(1, 10, 1, 41),
        {"country": {"code": "ME"}},
    ),
    (
        "binary",
        "name: !!binary TW9udGVuZWdybw==\n",
        Span(1, 7, 1, 32),
        {"name": "TW9udGVuZWdybw=="},
    ),
    ("set", "codes: !!set {ME, XK}\n", Span(1, 8, 1, 15), {"codes": {"ME": None, "XK": None}}),
    ("omap", "codes: !!omap [a: 1]\n", Span(1, 8, 1, 16), {"codes": [{"a": 1}]}),
    ("custom", "name: !country Montenegro\n", Span(1, 7, 1, 26), {"name": "Montenegro"}),
    ("custom-on-list", "planned: !plans [a]\n", Span(1, 10, 1, 18), {"planned": ["a"]}),
    ("on-key", "!!python/name:os.system form: x\n", Span(1, 1, 1, 29), {"form": "x"}),
    (
        "via-tag-directive",
        "%TAG !e! tag:yaml.org,2002:\n---\nname: !e!python/name:os.system\n",
        Span(3, 7, 3, 31),
        {"name": ""},
    ),
]


@pytest.mark.parametrize(
    ("text", "where", "data"), [c[1:] for c in TAG_CASES], ids=[c[0] for c in TAG_CASES]
)
def test_tag_outside_the_core_schema_is_refused_and_read_as_untagged(text, where, data):
    loaded = parse(text, "r.yaml")
    assert spans(loaded) == [("unsupported-tag", where)]
    assert "is not allowed" in loaded.problems[0].message
    assert loaded.document.data == data


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("id: !!int abc\n", Span(1, 5, 1, 14)),
        ("id: !!float 1.2.3\n", Span(1, 5, 1, 18)),
        ("done: !!bool yes\n", Span(1, 7, 1, 17)),
        ("x: !!null nothing\n", Span(1, 4, 1, 18)),
    ],
    ids=["int-abc", "float", "bool-yes", "null"],
)
def test_core_tag_on_a_value_that_does_not_fit_it(text, where):
    loaded = parse(text, "r.yaml")
    assert spans(loaded) == [("unsupported-tag", where)]
    assert "is not a valid" in loaded.problems[0].message
    # the text is kept as written
    assert list(loaded.document.data.values()) == [text.split(" ", 2)[2].strip()]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("id: !!int '12'\n", 12),
        ("id: !!float 2.5\n", 2.5),
        ("id: !!str 2.10\n", "2.10"),
        ("id: !!bool true\n", True),
        ("id: !!null ''\n", None),
        ("id: !<tag:yaml.org,2002:str> 12\n", "12"),
    ],
)
def test_core_tags_are_accepted(text, value):
    loaded = parse(text, "r.yaml")
    assert loaded.problems == []
    assert loaded.document.data == {"id": value}


@pytest.mark.parametrize(
    "template",
    [
        "country: !!python/object/apply:builtins.open ['{target}', 'w']\n",
        "country: !!python/object/apply:os.system ['touch {target}']\n",
        "country: !!python/object/new:pathlib.Path.touch [!!python/object/apply:pathlib.Path "
        "['{target}']]\n",
    ],
    ids=["open", "os.system", "nested"],
)
def test_tags_are_never_executed(tmp_path, template):
    target = tmp_path / "pwned"
    loaded = parse(template.format(target=target), "r.yaml")
    assert not target.exists()
    assert loaded.problems
    assert {p.rule for p in loaded.problems} == {"unsupported-tag"}


# --- aliases and limits ---------------------------------------------------------------------


def billion_laughs():
    """Nine levels of ten: the last one expands to 10**9 texts."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 10) + "]")
        previous = name
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_small_and_would_expand_to_a_billion_values():
    text = billion_laughs()
    assert len(text.encode()) < 400
    assert text.count("lol") * 10**8 == 10**9


def test_billion_laughs_is_refused():
    loaded = parse(billion_laughs(), "r.yaml")
    assert loaded.document is None
    # the 8th *c on line 4 brings the count over the bound: 110 + 1,110 + 8 x 1,111 > 10,000
    assert spans(loaded) == [("yaml-limit", Span(4, 29, 4, 31))]
    assert f"{MAX_ALIAS_VALUES:,}" in loaded.problems[0].message


def test_aliases_within_the_bound_are_expanded():
    text = "plan: &p [Sign a memorandum, Train prosecutors]\nagain: *p\n"
    loaded = parse(text, "r.yaml")
    assert loaded.problems == []
    assert loaded.document.data["again"] == ["Sign a memorandum", "Train prosecutors"]
    assert loaded.document.values[("again",)] == Span(2, 8, 2, 10)


def test_recursive_alias_is_refused():
    loaded = parse("planned: &p\n  - text: x\n    follows: *p\n", "r.yaml")
    assert loaded.document is None
    assert spans(loaded) == [("yaml-limit", Span(3, 14, 3, 16))]
    assert "refers to the value that contains it" in loaded.problems[0].message


def test_alias_to_an_undefined_anchor():
    loaded = parse("policy-target-1:\n  planned:\n    - *ministry\n", "r.yaml")
    assert loaded.document is None
    assert spans(loaded) == [("yaml-syntax", Span(3, 7, 3, 16))]
    assert "*ministry names no anchor" in loaded.problems[0].message


def test_alias_before_its_anchor_is_undefined():
    loaded = parse("a: *x\nb: &x 1\n", "r.yaml")
    assert found(loaded) == [("yaml-syntax", 1, 4)]


def test_deep_block_nesting_is_refused_at_the_first_level_too_deep():
    text = "".join(" " * i + "k:\n" for i in range(200))
    loaded = parse(text, "r.yaml")
    assert loaded.document is None
    assert found(loaded) == [("yaml-limit", MAX_DEPTH + 1, MAX_DEPTH + 1)]


def test_deep_flow_nesting_is_refused_at_the_first_level_too_deep():
    loaded = parse("[" * 100 + "]" * 100, "r.yaml")
    assert spans(loaded) == [("yaml-limit", Span(1, MAX_DEPTH + 1, 1, MAX_DEPTH + 2))]


def test_nesting_at_the_bound_is_read():
    loaded = parse("[" * MAX_DEPTH + "]" * MAX_DEPTH, "r.yaml")
    assert loaded.problems == []


def test_hundred_thousand_brackets_return_one_problem():
    loaded = parse("[" * 100_000, "r.yaml")
    assert loaded.document is None
    assert len(loaded.problems) == 1
    assert loaded.problems[0].span.line == 1


def test_hundred_thousand_brackets_are_refused_with_yaml_limit():
    loaded = parse("[" * 100_000, "r.yaml")
    assert [p.rule for p in loaded.problems] == ["yaml-limit"]


def test_hundred_thousand_block_levels_are_refused_with_yaml_limit():
    loaded = parse("- " * 100_000, "r.yaml")
    assert found(loaded) == [("yaml-limit", 1, 2 * MAX_DEPTH + 1)]


# --- size -----------------------------------------------------------------------------------


def test_file_over_max_bytes_parameter(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("form: global-alliance/2013\n", encoding="utf-8")
    loaded = load_path(str(path), max_bytes=10)
    assert loaded.document is None
    assert spans(loaded) == [("file-too-large", START)]
    assert "larger than 10 bytes" in loaded.problems[0].message


def test_file_exactly_at_max_bytes_is_read(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes(b"form: x\n")
    loaded = load_path(str(path), max_bytes=8)
    assert loaded.problems == []
    assert loaded.document.data == {"form": "x"}


def test_real_file_just_over_max_bytes(tmp_path):
    path = tmp_path / "big.yaml"
    head = b"form: global-alliance/2013\n# "
    path.write_bytes(head + b"x" * (MAX_BYTES + 1 - len(head)))
    assert path.stat().st_size == MAX_BYTES + 1
    loaded = load_path(str(path))
    assert spans(loaded) == [("file-too-large", START)]
    assert f"{MAX_BYTES:,}" in loaded.problems[0].message


def test_accept_sees_the_bytes_and_can_turn_the_file_down(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes(b"name: ci\n")
    seen = []
    assert load_path(str(path), accept=lambda raw: seen.append(raw) or False) is None
    assert seen == [b"name: ci\n"]


# --- encodings ------------------------------------------------------------------------------

ENCODING_CASES = [
    # Latin-1 'ô' in "Côte d'Ivoire" on line 4
    (
        "latin1",
        b"form: global-alliance/2013\ncountry:\n  code: CI\n  name: C\xf4te d'Ivoire\n",
        Span.point(4, 10),
    ),
    # columns count characters: 'é' before the bad byte is one column
    ("latin1-after-utf8", "x:\n  name: Ré".encode() + b"\xe9union\n", Span.point(2, 11)),
    ("windows-1252-quote", b"a: 1\n\nb: \x93quoted\x94\n", Span.point(3, 4)),
    ("truncated-utf8", b"name: Montenegr\xc3", Span.point(1, 16)),
    ("nul", b"form: global-alliance/2013\ncou\x00ntry:\n", Span.point(2, 4)),
    ("utf16-le-no-bom", "form: global-alliance/2013\n".encode("utf-16-le"), Span.point(1, 2)),
    ("utf16-le-with-bom", codecs.BOM_UTF16_LE + "form: x\n".encode("utf-16-le"), START),
    ("utf16-be-with-bom", codecs.BOM_UTF16_BE + "form: x\n".encode("utf-16-be"), START),
]


@pytest.mark.parametrize(
    ("raw", "where"), [c[1:] for c in ENCODING_CASES], ids=[c[0] for c in ENCODING_CASES]
)
def test_text_that_is_not_utf8(raw, where):
    loaded = load_bytes(raw, "r.yaml")
    assert loaded.document is None
    assert spans(loaded) == [("not-utf8", where)]


def test_utf16_without_bom_is_binary_at_its_first_nul():
    loaded = load_bytes("form: x\n".encode("utf-16-le"), "r.yaml")
    assert spans(loaded) == [("not-utf8", Span.point(1, 2))]
    assert "NUL" in loaded.problems[0].message


def test_not_utf8_messages():
    latin1 = load_bytes(b"name: C\xf4te\n", "r.yaml").problems[0].message
    assert "byte 0xf4" in latin1
    utf16 = load_bytes(codecs.BOM_UTF16_LE + b"a\x00", "r.yaml").problems[0].message
    assert "UTF-16" in utf16


def test_utf8_bom_is_accepted_and_positions_ignore_it():
    loaded = load_bytes(codecs.BOM_UTF8 + b"form: global-alliance/2013\nname: x\n", "r.yaml")
    assert loaded.problems == []
    assert loaded.document.data == {"form": "global-alliance/2013", "name": "x"}
    assert loaded.document.keys[("form",)] == Span(1, 1, 1, 5)
    assert loaded.document.values[("name",)] == Span(2, 7, 2, 8)


def test_utf8_bom_then_syntax_error_position():
    loaded = load_bytes(codecs.BOM_UTF8 + b"country: [ME\n", "r.yaml")
    assert found(loaded) == [("yaml-syntax", 2, 1)]


def test_crlf_line_endings_give_the_same_positions():
    lf = "form: global-alliance/2013\ncountry:\n  code: ME\n  name: Montenegro\n"
    crlf = load_bytes(lf.replace("\n", "\r\n").encode(), "r.yaml").document
    assert crlf.values[("country", "name")] == Span(4, 9, 4, 19)
    assert crlf.keys[("country", "code")] == Span(3, 3, 3, 7)
    assert crlf.values == parse(lf, "r.yaml").document.values


def test_crlf_duplicate_key_and_syntax_error_lines():
    dup = load_bytes(b"form: a\r\n\r\nform: b\r\n", "r.yaml")
    assert found(dup) == [("duplicate-key", 1, 1), ("duplicate-key", 3, 1)]
    bad = load_bytes(b"a: 1\r\nb: [\r\nc: 1\r\n", "r.yaml")
    assert found(bad) == [("yaml-syntax", 4, 1)]


def test_crlf_latin1_position():
    loaded = load_bytes(b"a: 1\r\nname: C\xf4te\r\n", "r.yaml")
    assert spans(loaded) == [("not-utf8", Span.point(2, 8))]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="ab é\t\n\r\x85\u2028:-#'\"[]{},|>&*!\ufeff", max_size=60))
def test_positions_are_lines_and_columns_as_editors_count_them(text):
    # The loader takes libyaml's own lines and columns where they are sure to be an editor's;
    # elsewhere it counts them from the character offsets. Either way, they must be the
    # ones counted from the offsets. (parse() strips a leading byte order mark, as libyaml.)
    text = text.lstrip("\ufeff")
    span = locator(text)
    lines = Lines(text)
    parser = yaml.CSafeLoader(text)
    try:
        while parser.check_event():
            event = parser.get_event()
            assert span(event.start_mark, event.end_mark) == lines.span(
                event.start_mark, event.end_mark
            )
    except yaml.YAMLError:
        pass
    finally:
        parser.dispose()


@pytest.mark.parametrize("separator", ["\u2028", "\u0085"], ids=["LS", "NEL"])
def test_unicode_line_separator_in_a_text_does_not_shift_lines(separator):
    loaded = parse(f'name: "Monte{separator}negro"\ncode: ME\n', "r.yaml")
    assert loaded.document.values[("code",)] == Span(2, 7, 2, 9)


@pytest.mark.xfail(
    strict=True,
    reason="libyaml ends a plain scalar at U+2028 (a YAML 1.1 line break), so a text pasted "
    "with one is a syntax error though YAML 1.2 reads it",
)
def test_unicode_line_separator_in_a_plain_text_is_read():
    loaded = parse("name: Monte\u2028negro\ncode: ME\n", "r.yaml")
    assert loaded.problems == []
    assert loaded.document.data == {"name": "Monte\u2028negro", "code": "ME"}


# --- reading files --------------------------------------------------------------------------


def test_missing_path(tmp_path):
    loaded = load_path(str(tmp_path / "2015.yaml"))
    assert loaded.document is None
    assert spans(loaded) == [("unreadable", START)]
    assert "no such file" in loaded.problems[0].message


def test_directory(tmp_path):
    loaded = load_path(str(tmp_path))
    assert spans(loaded) == [("unreadable", START)]
    assert "directory" in loaded.problems[0].message


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading the file",
)
def test_unreadable_file(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("form: global-alliance/2013\n", encoding="utf-8")
    path.chmod(0)
    try:
        loaded = load_path(str(path))
    finally:
        path.chmod(0o644)
    assert spans(loaded) == [("unreadable", START)]
    assert "permission denied" in loaded.problems[0].message


@pytest.mark.parametrize("content", [b"", b"# only a comment\n", b"\n\n"])
def test_empty_file_is_read_as_nothing(tmp_path, content):
    path = tmp_path / "r.yaml"
    path.write_bytes(content)
    loaded = load_path(str(path))
    assert loaded.problems == []
    assert loaded.document.data is None
    assert loaded.document.span(()) == START


def test_load_path_keeps_the_path(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("form: x\n", encoding="utf-8")
    loaded = load_path(str(path))
    assert loaded.path == str(path)
    assert loaded.document.path == str(path)


def test_number_with_thousands_of_digits_is_not_an_error():
    loaded = parse("id: " + "1" * 5000 + "\n", "r.yaml")
    assert loaded.problems == []
    # Python will not convert so many digits: the value stays the text written.
    assert loaded.document.data == {"id": "1" * 5000}


# --- YAML 1.2 core schema -------------------------------------------------------------------

CORE_CASES = [
    # YAML 1.1 booleans are texts in 1.2: NO is Norway
    ("NO", "NO"),
    ("no", "no"),
    ("yes", "yes"),
    ("Yes", "Yes"),
    ("on", "on"),
    ("off", "off"),
    ("y", "y"),
    ("n", "n"),
    # dates and 1.1 number forms stay as written
    ("2014-06-30", "2014-06-30"),
    ("2014-06-30T10:00:00Z", "2014-06-30T10:00:00Z"),
    ("1:20", "1:20"),
    ("1_000", "1_000"),
    ("0b101", "0b101"),
    ("III - IV Q 2013", "III - IV Q 2013"),
    ("--", "--"),
    ("+", "+"),
    (".", "."),
    ("/", "/"),
    ("0x", "0x"),
    # core numbers
    ("2014", 2014),
    ("-7", -7),
    ("+12", 12),
    ("0777", 777),
    ("0o17", 15),
    ("0x1F", 31),
    ("2.10", 2.1),
    (".5", 0.5),
    ("1.", 1.0),
    ("-1e3", -1000.0),
    ("1E-2", 0.01),
    (".inf", math.inf),
    ("-.Inf", -math.inf),
    ("+.INF", math.inf),
    # core null and booleans
    ("~", None),
    ("null", None),
    ("Null", None),
    ("NULL", None),
    ("", None),
    ("true", True),
    ("True", True),
    ("TRUE", True),
    ("false", False),
    ("False", False),
    ("FALSE", False),
    ("tRUE", "tRUE"),
    ("nULL", "nULL"),
]


@pytest.mark.parametrize(
    ("written", "value"), CORE_CASES, ids=[c[0] or "empty" for c in CORE_CASES]
)
def test_core_schema_resolution(written, value):
    loaded = parse(f"v: {written}\n", "r.yaml")
    assert loaded.problems == []
    read = loaded.document.data["v"]
    assert read == value
    assert type(read) is type(value)


@pytest.mark.parametrize("written", [".nan", ".NaN", ".NAN"])
def test_core_schema_nan(written):
    assert math.isnan(parse(f"v: {written}\n", "r.yaml").document.data["v"])


@pytest.mark.parametrize("written", ["'2.10'", '"true"', "'~'", "'2014'"])
def test_quoted_scalars_stay_texts(written):
    assert parse(f"v: {written}\n", "r.yaml").document.data["v"] == written[1:-1]


def test_sources_keep_the_text_of_numbers_and_booleans():
    text = "id: 2.10\nfollows: [1.10, '2.1', 3]\nok: True\nname: x\nnothing: ~\n"
    document = parse(text, "r.yaml").document
    assert document.data["id"] == 2.1
    assert document.sources == {
        ("id",): "2.10",
        ("follows", 0): "1.10",
        ("follows", 2): "3",
        ("ok",): "True",
    }


def test_keys_are_kept_as_written():
    data = parse("1: a\n2.10: b\ntrue: c\n~: d\nNO: e\n", "r.yaml").document.data
    assert data == {"1": "a", "2.10": "b", "true": "c", "~": "d", "NO": "e"}


# --- positions ------------------------------------------------------------------------------

REPORT = """\
form: global-alliance/2014
country: {code: ME, name: Montenegro}
policy-target-2:
  goal-1:
    implementation:
      - Shortcomings in legislation were identified
      - text: Trainings were organized
        follows: ["2.3"]
    assessment: /
"""


@pytest.mark.parametrize(
    ("path", "span"),
    [
        ((), Span(1, 1, 10, 1)),
        (("form",), Span(1, 7, 1, 27)),
        (("country",), Span(2, 10, 2, 38)),
        (("country", "code"), Span(2, 17, 2, 19)),
        (("country", "name"), Span(2, 27, 2, 37)),
        (("policy-target-2", "goal-1"), Span(5, 5, 10, 1)),
        (("policy-target-2", "goal-1", "implementation"), Span(6, 7, 9, 5)),
        (("policy-target-2", "goal-1", "implementation", 0), Span(6, 9, 6, 52)),
        (("policy-target-2", "goal-1", "implementation", 1), Span(7, 9, 9, 5)),
        (("policy-target-2", "goal-1", "implementation", 1, "follows", 0), Span(8, 19, 8, 24)),
        (("policy-target-2", "goal-1", "assessment"), Span(9, 17, 9, 18)),
    ],
)
def test_value_positions(path, span):
    assert parse(REPORT, "r.yaml").document.values[path] == span


@pytest.mark.parametrize(
    ("path", "span"),
    [
        (("form",), Span(1, 1, 1, 5)),
        (("country", "name"), Span(2, 21, 2, 25)),
        (("policy-target-2",), Span(3, 1, 3, 16)),
        (("policy-target-2", "goal-1", "implementation"), Span(5, 5, 5, 19)),
        (("policy-target-2", "goal-1", "implementation", 1, "follows"), Span(8, 9, 8, 16)),
    ],
)
def test_key_positions(path, span):
    assert parse(REPORT, "r.yaml").document.keys[path] == span


def test_list_items_have_no_key_position():
    keys = parse(REPORT, "r.yaml").document.keys
    assert ("policy-target-2", "goal-1", "implementation", 0) not in keys


def test_columns_count_characters():
    document = parse("é: ü\n😀: [x, ñ]\nname: \u201cCrna Gora\u201d \u2013 ME\n", "r.yaml").document
    assert document.keys[("é",)] == Span(1, 1, 1, 2)
    assert document.values[("é",)] == Span(1, 4, 1, 5)
    assert document.keys[("😀",)] == Span(2, 1, 2, 2)
    assert document.values[("😀", 1)] == Span(2, 8, 2, 9)
    assert document.values[("name",)] == Span(3, 7, 3, 23)


def test_multiline_values_span_their_lines():
    document = parse("text: |\n  line one\n  line two\nnext: x\n", "r.yaml").document
    assert document.values[("text",)] == Span(1, 7, 4, 1)
    assert document.data["text"] == "line one\nline two\n"


@pytest.mark.parametrize(
    ("path", "key", "span"),
    [
        # a path that is there: its value, or its key when asked for
        (("country", "code"), False, Span(2, 17, 2, 19)),
        (("country", "code"), True, Span(2, 11, 2, 15)),
        # a list item has no key: its value
        (("policy-target-2", "goal-1", "implementation", 0), True, Span(6, 9, 6, 52)),
        # a missing key: the key of the mapping that should hold it
        (("policy-target-2", "goal-1", "follow-up"), False, Span(4, 3, 4, 9)),
        (("policy-target-2", "goal-1", "follow-up"), True, Span(4, 3, 4, 9)),
        (("country", "region"), True, Span(2, 1, 2, 8)),
        # under a text item: the item
        (("policy-target-2", "goal-1", "implementation", 0, "text"), False, Span(6, 9, 6, 52)),
        # several levels missing: the nearest key that is there
        (("policy-target-2", "goal-2", "follow-up", 0), False, Span(3, 1, 3, 16)),
        # nothing of it is there: the whole document
        (("policy-target-4", "goal-1"), False, Span(1, 1, 10, 1)),
        ((), False, Span(1, 1, 10, 1)),
        ((), True, Span(1, 1, 10, 1)),
    ],
)
def test_span_falls_back_to_the_nearest_place(path, key, span):
    assert parse(REPORT, "r.yaml").document.span(path, key) == span


def test_span_of_an_empty_document_is_the_start():
    document = parse("", "r.yaml").document
    assert document.span(("form",)) == START
    assert document.span(("form",), key=True) == START


@pytest.mark.parametrize(
    "text",
    ["", "a", "\n", "a\n", "a\nb", "\n\n\nx\n", "é\nü\n\n", "a\r\nb\rc\n", "\r", "x\u2028y\n"],
)
def test_line_starts_are_counted_at_cr_lf_and_crlf_only(text: str) -> None:
    starts = [0] + [
        i + 1
        for i, ch in enumerate(text)
        if ch == "\n" or (ch == "\r" and text[i + 1 : i + 2] != "\n")
    ]
    assert Lines(text).starts == starts


@pytest.mark.parametrize(
    "text",
    [
        "form: x\nlist:\n  - a\n  - {text: b, id: '2'}\n",  # libyaml's own lines
        "form: x\nlist:\n  - a\n  - {text: b, id: '2'}",  # no final line break: counted here
        "form: x\r\nlist:\r\n  - \u00e9\u2028\r\n  - {text: b}\r\n",  # a break editors ignore
    ],
)
def test_line_is_the_line_of_the_span(text: str) -> None:
    loaded = parse(text, "r.yaml")
    assert loaded.document is not None
    document = loaded.document
    paths = [*document.values, ("list", 7), ("nowhere",)]
    assert [document.line(path) for path in paths] == [document.span(path).line for path in paths]


def read(path, limit):
    """The bytes load_path() reads from ``path`` with a limit of ``limit`` bytes to read."""
    seen = []
    load_path(str(path), max_bytes=limit - 1, accept=lambda raw: seen.append(raw) or False)
    return seen[0]


@pytest.mark.parametrize(
    ("told", "limit", "expected"),
    [
        (100, 1000, 100),  # as told
        (10, 1000, 100),  # grew after its size was taken: read on, to the end
        (10, 50, 50),  # grew past the limit: read up to it
        (200, 1000, 100),  # shrank
        (0, 60, 60),  # no size told (a pipe, a device): read up to the limit
        (5000, 60, 60),  # larger than the limit
    ],
)
def test_files_are_read_up_to_the_limit_whatever_their_size_says(
    tmp_path, monkeypatch, told, limit, expected
):
    path = tmp_path / "r.yaml"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat

    class Told:
        def __init__(self, real: os.stat_result) -> None:
            self.st_size = told
            self.st_mode = real.st_mode

    monkeypatch.setattr(os, "fstat", lambda fd: Told(real_fstat(fd)))
    assert read(path, limit) == b"x" * min(expected, 100)


def test_a_device_is_read_up_to_the_limit_only():
    device = os.devnull if os.name == "nt" else "/dev/zero"
    assert len(read(device, 5000)) == (0 if os.name == "nt" else 5000)

"""Hypothesis strategies for tests/test_fuzz.py: hostile YAML texts, bytes and report mutations.

Four families of input:

* ``yaml_documents``: JSON-like data (report-shaped or arbitrary) dumped by ``yaml.safe_dump``
  in every style PyYAML has, so that the text is valid YAML and reaches the rules;
* ``raw_yaml``: texts glued from YAML syntax (anchors, aliases, tags, directives, flow and
  block collections, block scalars, quotes, comments and suppressions), mostly invalid YAML;
* ``raw_bytes``: arbitrary bytes, and UTF-8 texts with undecodable bytes, NULs and BOMs;
* ``mutated_examples``: the reports in examples/, changed in their data (deleted keys, wrong
  types at random paths, 100 KB strings, 200-level nesting, odd unicode) or in their text
  (CRLF, a BOM, tabs, NUL, lines deleted or duplicated, fragments inserted).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import TypedDict, TypeVar

import yaml
from hypothesis import strategies as st

from galint.io.load import parse

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_FILES = tuple(sorted(EXAMPLES.glob("*/*.yaml")))

JSONPath = tuple[str | int, ...]
T = TypeVar("T")

# Characters that have broken text tools before: bidi controls, combining marks, the line
# breaks only YAML 1.1 knows, a BOM inside the text, zero-width joiners, astral emoji.
ODD_CHARACTERS = (
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",  # Arabic text
    "\u05e2\u05d1\u05e8\u05d9\u05ea",  # Hebrew text
    "e\u0301",  # e + combining acute accent
    "\u0301",  # a combining mark with nothing to combine with
    "\u0338\u20dd",  # more combining marks
    "\u2028",  # line separator
    "\u2029",  # paragraph separator
    "\u0085",  # next line
    "\ufeff",  # a BOM (zero-width no-break space) inside the text
    "\u200b",  # zero-width space
    "\u00a0",  # no-break space
    "\u3000",  # ideographic space
    "\U0001f600",  # emoji, outside the BMP
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # a family: emoji joined by ZWJ
    "\U0001f1f2\U0001f1ea",  # the flag of Montenegro (regional indicators)
    "\u017f",  # long s: matches 's' under re.IGNORECASE
    "\u0130",  # dotted capital I: lowercases to two characters
    "\ufb03",  # the ffi ligature
    "\x7f",
    "\x1b[31m",  # a terminal escape sequence
    "\t",
    "\r",
    "\r\n",
    "\\ud800",  # a lone surrogate, escaped (as a double-quoted YAML scalar would write it)
    "\\ud83d\\ude00",  # a surrogate pair, escaped
    "\\x00",
    "\\N\\_\\L\\P",  # YAML's escapes for U+0085, U+00A0, U+2028, U+2029
    "\uffff",
    "\U0010ffff",
)

# Every character a str may hold in a UTF-8 file: anything but surrogates.
any_character = st.characters(codec="utf-8")
odd_character = st.sampled_from(ODD_CHARACTERS)


def odd_text(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Texts of any characters, odd ones over-represented."""
    return st.lists(
        st.one_of(any_character, odd_character), min_size=min_size, max_size=max_size
    ).map("".join)


# Words of the form and of timeframes, so that generated texts reach the rules.
TIMEFRAME_WORDS = (
    "Q1",
    "Q4",
    "q3",
    "III",
    "IV",
    "I - II Q",
    "H1",
    "H2",
    "first half of",
    "last quarter",
    "2013",
    "2014",
    "2015",
    "2099",
    "1990",
    "1989",
    "2100",
    "2014/15",
    "2014-03",
    "12/2013",
    "31.12.2014",
    "30/06/2014",
    "29.02.2013",
    "31.04.2014",
    "2014-02-30",
    "5-7 March",
    "March 5th",
    "December",
    "Dec.",
    "winter",
    "spring",
    "autumn",
    "by",
    "until",
    "end of",
    "the end of",
    "from",
    "since",
    "before",
    "after",
    "during",
    "in",
    "of",
    "onwards",
    "at the latest",
    "continuous",
    "ongoing",
    "on-going",
    "continuously",
    "on a regular basis",
    "soon",
    "next year",
    "as soon as possible",
    "short-term",
    "within six months",
    "TBD",
    "schools",
    "officers",
    "-",
    "\u2013",
    "\u2014",
    "..",
    "/",
    "&",
    "and",
    "to",
    "(",
    ")",
    "[",
    "]",
    ".",
    ",",
    ";",
)

# Timeframes as reports write them, some wrong: fields, and sentences that end with one.
TIMEFRAMES = (
    "Q4 2014",
    "Q5 2014",
    "2013-2014",
    "2014-2013",
    "III - IV Q 2013",
    "I - II Q 2015",
    "H1 2015",
    "by the end of 2014",
    "by 31.12.2014",
    "end of 2012",
    "2012",
    "December 2013 - February 2014",
    "continuous",
    "ongoing",
    "soon",
    "TBD",
    "next year",
    "as soon as possible",
    "from 2014 onwards",
    "before 2015",
    "2099",
    "Q3",
    "tomorrow",
)

sentence_with_timeframe = st.tuples(
    st.sampled_from(("Develop a protocol", "Train 2000 officers", "Amend the law in 2000")),
    st.sampled_from(TIMEFRAMES),
    st.sampled_from(("({})", " {}.", " ({});", " [{}]", " - {}")),
).map(lambda parts: parts[0] + parts[2].format(parts[1]))

timeframe_text = st.one_of(
    odd_text(max_size=30),
    st.sampled_from(TIMEFRAMES),
    sentence_with_timeframe,
    st.lists(
        st.tuples(st.sampled_from(TIMEFRAME_WORDS), st.sampled_from(("", " ", "  ", "\n"))),
        max_size=14,
    ).map(lambda parts: "".join(word + space for word, space in parts)),
    st.lists(st.one_of(st.sampled_from(TIMEFRAME_WORDS), odd_text(max_size=3)), max_size=10).map(
        " ".join
    ),
)

REPORT_KEYS = (
    "form",
    "country",
    "code",
    "name",
    "submitted",
    "previous",
    "policy-target-1",
    "policy-target-2",
    "policy-target-3",
    "policy-target-4",
    "policy-target-5",
    "goal-1",
    "goal-2",
    "goal-3",
    "undertaken",
    "planned",
    "implementation",
    "assessment",
    "follow-up",
    "text",
    "id",
    "timeframe",
    "follows",
    "status",
    "<<",
    "",
)
FORMS = ("global-alliance/2013", "global-alliance/2014", "global-alliance/2012", "", "2014")
STATUSES = ("planned", "in-progress", "done", "ongoing", "delayed", "dropped", "Done", "")
PLACEHOLDERS = ("/", "-", "N/A", "none", "TBD", "...", "n/a", "", " ")
IDS = ("1.1", "2.10", "2.1", "1.1.1", "4.2.3", "9.9", "1", "x", "", "1.1.1.1")

# A 100 KB text: one word, and words that wrap.
HUGE_TEXTS = ("x" * 100_000, "lorem ipsum " * 8_400, "\U0001f600" * 25_000)

scalars: st.SearchStrategy[object] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    odd_text(),
    timeframe_text,
    st.sampled_from(FORMS + STATUSES + PLACEHOLDERS + IDS),
    st.sampled_from(("NO", "no", "yes", "on", "~", "null", "2014-06-30", "0o17", "0x1F", ".inf")),
)
# Rare: most reports are small, and a few 100 KB texts per run are enough.
huge_text = st.integers(0, 15).flatmap(
    lambda n: st.sampled_from(HUGE_TEXTS) if n == 0 else st.sampled_from(PLACEHOLDERS)
)
keys: st.SearchStrategy[str] = st.one_of(st.sampled_from(REPORT_KEYS), odd_text(max_size=12))

any_data: st.SearchStrategy[object] = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(keys, children, max_size=5),
    ),
    max_leaves=25,
)

# --- report-shaped data ---------------------------------------------------------------------


def _optional(
    required: dict[str, st.SearchStrategy[object]], optional: dict[str, st.SearchStrategy[object]]
) -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(required, optional=optional)


def mostly(
    usual: st.SearchStrategy[T], other: st.SearchStrategy[T], tenths: int = 8
) -> st.SearchStrategy[T]:
    """``usual`` ``tenths`` times in ten, else ``other`` (st.one_of would weigh each of the
    branches of a nested one_of like ``usual``)."""
    return st.integers(0, 9).flatmap(lambda n: usual if n < tenths else other)


item_text = st.one_of(
    sentence_with_timeframe, sentence_with_timeframe, timeframe_text, odd_text(), huge_text
)
follows = mostly(
    st.one_of(st.sampled_from(IDS), st.lists(st.sampled_from(IDS), max_size=3)), scalars
)

items: st.SearchStrategy[object] = mostly(
    st.one_of(
        item_text,
        _optional(
            {"text": mostly(item_text, scalars, 9)},
            {
                "id": mostly(st.sampled_from(IDS), scalars),
                "timeframe": mostly(st.sampled_from(TIMEFRAMES), timeframe_text),
                "follows": follows,
                "status": mostly(st.sampled_from(STATUSES), scalars),
                "note": scalars,
            },
        ),
    ),
    st.one_of(scalars, any_data, st.just({"id": "1.1"})),
)
sections: st.SearchStrategy[object] = mostly(
    st.lists(items, max_size=4),
    st.one_of(st.sampled_from(PLACEHOLDERS), st.none(), scalars),
)


def _section_map(names: tuple[str, ...]) -> st.SearchStrategy[dict[str, object]]:
    return _optional({}, {name: sections for name in names})


goal = mostly(_section_map(("implementation", "assessment", "follow-up", "extra")), scalars, 9)
target_2013 = mostly(_section_map(("undertaken", "planned", "goal-1")), scalars, 9)
target_2014 = mostly(
    _optional({}, {"goal-1": goal, "goal-2": goal, "goal-3": goal, "planned": sections}),
    scalars,
    9,
)


@st.composite
def reports(draw: st.DrawFn) -> dict[str, object]:
    """A report-shaped mapping: right keys mostly, wrong values often."""
    year = draw(st.sampled_from(FORMS[:2] * 4 + FORMS))
    target = target_2014 if year.endswith("2014") else target_2013
    country = draw(
        mostly(
            _optional(
                {},
                {
                    "code": mostly(st.sampled_from(("ME", "XA", "me", "M", "")), scalars),
                    "name": mostly(odd_text(), scalars),
                },
            ),
            scalars,
        )
    )
    data: dict[str, object] = {"form": year, "country": country}
    extra = draw(
        _optional(
            {},
            {
                "submitted": st.sampled_from(("2014-06-30", "2014-13-45", "30.06.2014", "")),
                "previous": st.one_of(
                    st.sampled_from(("2013.yaml", "../2013.yaml", "/dev/null", ".", "")),
                    odd_text(max_size=10),
                ),
                "unknown": scalars,
            },
        )
    )
    data.update(extra)
    numbers = st.lists(st.integers(1, 5), max_size=5, unique=True)
    for number in draw(mostly(st.just([1, 2, 3, 4]), numbers, 5)):
        data[f"policy-target-{number}"] = draw(target)
    if draw(st.booleans()):
        data = dict(draw(st.permutations(list(data.items()))))
    return data


# --- dumping --------------------------------------------------------------------------------


class DumpOptions(TypedDict):
    default_flow_style: bool | None
    allow_unicode: bool
    width: int
    indent: int
    explicit_start: bool
    default_style: str | None


@st.composite
def dump_options(draw: st.DrawFn) -> DumpOptions:
    return DumpOptions(
        default_flow_style=draw(st.sampled_from((False, True, None))),
        allow_unicode=draw(st.booleans()),
        width=draw(st.sampled_from((80, 20, 10**9))),
        indent=draw(st.sampled_from((2, 4, 9))),
        explicit_start=draw(st.booleans()),
        default_style=draw(st.sampled_from((None, None, None, '"', "'", "|"))),
    )


def dump(data: object, options: DumpOptions) -> str:
    return yaml.safe_dump(
        data,
        default_flow_style=options["default_flow_style"],
        allow_unicode=options["allow_unicode"],
        width=options["width"],
        indent=options["indent"],
        explicit_start=options["explicit_start"],
        default_style=options["default_style"],
        sort_keys=False,
    )


DIRECTIVES = (
    "# galint: ignore[empty-section] nothing was planned",
    "# galint: ignore[T001, C003] both",
    "# galint: ignore[missing-timeframe]",
    "# galint: ignore-file[T] no timeframes yet",
    "# galint: ignore-file[S004] a reason",
    "# galint: ignore[nonexistent-rule] why",
    "# galint: ignore[] empty",
    "# galint: unknown[C003]",
    "# galint: ignore[C003",
    "# galint:ignore[c003]",
)


@st.composite
def yaml_documents(draw: st.DrawFn) -> str:
    """Valid YAML: report-shaped or arbitrary data, dumped in any of PyYAML's styles, with
    suppression comments on their own lines or after values."""
    data = draw(st.one_of(reports(), reports(), any_data))
    lines = dump(data, draw(dump_options())).split("\n")
    for _ in range(draw(st.integers(0, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        directive = draw(st.sampled_from(DIRECTIVES))
        if draw(st.booleans()):
            indent = len(lines[index]) - len(lines[index].lstrip(" "))
            lines.insert(index, " " * indent + directive)
        elif lines[index].strip():
            lines[index] += "  " + directive
    return "\n".join(lines)


# --- raw YAML fragments ---------------------------------------------------------------------

YAML_TOKENS = (
    "- ",
    "-",
    ": ",
    ":",
    "? ",
    ",",
    "[",
    "]",
    "{",
    "}",
    "[]",
    "{}",
    "'",
    '"',
    "''",
    "\\",
    "#",
    " # comment",
    "&a ",
    "&b ",
    "&a [x, y, z] ",
    "*a",
    "*b",
    " *a ",
    "*nope",
    "<<: *a",
    "!!str ",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!null ",
    "!!map ",
    "!!seq ",
    "!!set ",
    "!!binary ",
    "!!timestamp ",
    "!!python/object/apply:os.system ['true'] ",
    "!local ",
    "! ",
    "!<tag:yaml.org,2002:str> ",
    "!e!x ",
    "%YAML 1.2\n",
    "%YAML 1.1\n",
    "%TAG !e! tag:example.com,2000:\n",
    "%FOO bar\n",
    "---\n",
    "--- ",
    "...\n",
    "|\n",
    "|-\n",
    ">+\n",
    "|2\n",
    ">9\n",
    "\n",
    "\n  ",
    "\n    ",
    "\n      ",
    "\t",
    "\r\n",
    "\r",
    "\ufeff",
    "\x00",
    "@",
    "`",
    "%",
    "form: global-alliance/2014\n",
    "form: global-alliance/2013\n",
    "country: {code: ME, name: Montenegro}\n",
    "policy-target-1:\n",
    "policy-target-2:\n",
    "  goal-1:\n",
    "  planned:\n",
    "    follow-up:\n",
    "    implementation: /\n",
    "      - ",
    "    - ",
    "text: ",
    "id: ",
    "id: 2.10",
    "follows: ",
    "timeframe: ",
    "status: done",
    "# galint: ignore[empty-section] a reason\n",
    "# galint: ignore-file[T] a reason\n",
    "# galint: ignore[\n",
    "# galint: ignore[X999]\n",
    "# galint: ignore-file[] \n",
    "# yaml-language-server: $schema=x\n",
    "Q4 2014",
    "(2013-2014)",
    "2014-06-30",
    "0x1F",
    ".nan",
    "~",
    "NO",
    "\u2028",
    "\u0085",
    # Escapes in double-quoted texts: surrogates (refused by libyaml), NUL, YAML 1.1 breaks.
    '"\\ud800"',
    '"\\ud83d\\ude00"',
    '"\\U0001F600 \\x00 \\0 \\L \\N"',
    # Numbers longer than Python converts (4,300 digits), as YAML texts: PyYAML cannot dump them.
    "9" * 5000,
    "-" + "1" * 4301,
    "0x" + "f" * 4000,
    "0o" + "7" * 5000,
    "1" * 400 + "." + "1" * 400 + "e99999",
)

raw_yaml: st.SearchStrategy[str] = st.lists(
    st.one_of(
        st.sampled_from(YAML_TOKENS),
        st.sampled_from(YAML_TOKENS),
        odd_text(max_size=6),
        st.sampled_from(TIMEFRAME_WORDS),
    ),
    max_size=60,
).map("".join)

# --- bytes ----------------------------------------------------------------------------------

BAD_BYTES = (
    b"\xff",
    b"\xfe",
    b"\xc3",  # a truncated two-byte sequence
    b"\xe2\x82",  # a truncated three-byte sequence
    b"\xed\xa0\x80",  # a surrogate, encoded
    b"\xc0\xaf",  # an overlong encoding
    b"\xf4\x90\x80\x80",  # above U+10FFFF
    b"\x00",
    b"\xef\xbb\xbf",  # UTF-8 BOM
    b"\xff\xfe",  # UTF-16 LE BOM
    b"\xfe\xff",  # UTF-16 BE BOM
    b"\x00\x00\xfe\xff",  # UTF-32 BE BOM
    b"\r\n",
    b"\n",
)


@st.composite
def _spliced_bytes(draw: st.DrawFn) -> bytes:
    text = draw(st.one_of(raw_yaml, yaml_documents())).encode("utf-8")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(BAD_BYTES)) + text[at:]
    return text


raw_bytes: st.SearchStrategy[bytes] = st.one_of(
    st.binary(max_size=300),
    _spliced_bytes(),
    st.tuples(st.sampled_from(BAD_BYTES[8:12]), raw_yaml).map(
        lambda pair: pair[0] + pair[1].encode("utf-8")
    ),
    st.tuples(st.sampled_from(("utf-16", "utf-16-le", "utf-32", "latin-1")), raw_yaml).map(
        lambda pair: pair[1].encode(pair[0], "replace")
    ),
)

# --- mutations of the examples --------------------------------------------------------------


@cache
def example_texts() -> dict[str, str]:
    return {str(path.relative_to(EXAMPLES)): path.read_text("utf-8") for path in EXAMPLE_FILES}


@cache
def example_data(name: str) -> object:
    loaded = parse(example_texts()[name], name)
    assert loaded.document is not None
    return loaded.document.data


def walk(value: object, path: JSONPath = ()) -> Iterator[tuple[JSONPath, object]]:
    """Every (path, value) of JSON-like data, the root first."""
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from walk(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk(child, (*path, index))


def deep_copy(value: object) -> object:
    if isinstance(value, dict):
        return {key: deep_copy(child) for key, child in value.items()}
    if isinstance(value, list):
        return [deep_copy(child) for child in value]
    return value


# A value replaced by this is replaced, after dumping, by nesting written in flow style: PyYAML
# would recurse once per level to dump the nesting itself.
DEEP = "DEEPNESTINGSENTINEL"


def flow_nesting(depth: int, kind: str) -> str:
    if kind == "seq":
        return "[" * depth + "x" + "]" * depth
    return "{a: " * depth + "x" + "}" * depth


wrong_values: st.SearchStrategy[object] = st.one_of(
    scalars,
    st.just([]),
    st.just({}),
    st.lists(scalars, max_size=3),
    st.dictionaries(keys, scalars, max_size=3),
    st.sampled_from(HUGE_TEXTS),
    odd_text(min_size=1),
    st.just(DEEP),
    any_data,
)


def _replace(data: object, path: JSONPath, value: object) -> object:
    if not path:
        return value
    parent = data
    for part in path[:-1]:
        parent = parent[part]  # type: ignore[index]
    parent[path[-1]] = value  # type: ignore[index]
    return data


def _delete(data: object, path: JSONPath) -> object:
    if not path:
        return data
    parent = data
    for part in path[:-1]:
        parent = parent[part]  # type: ignore[index]
    del parent[path[-1]]  # type: ignore[attr-defined]
    return data


@st.composite
def mutated_data(draw: st.DrawFn, name: str | None = None) -> str:
    """An example's data with some keys deleted and some values replaced, dumped again."""
    name = name or draw(st.sampled_from(sorted(example_texts())))
    data = deep_copy(example_data(name))
    for _ in range(draw(st.integers(1, 4))):
        paths = [path for path, _ in walk(data)]
        path = paths[draw(st.integers(0, len(paths) - 1))]
        if draw(st.booleans()) and path:
            data = _delete(data, path)
        else:
            data = _replace(data, path, deep_copy(draw(wrong_values)))
    text = dump(data, draw(dump_options()))
    if DEEP in text:
        nesting = flow_nesting(
            draw(st.sampled_from((65, 200))), draw(st.sampled_from(("seq", "map")))
        )
        for written in (f'"{DEEP}"', f"'{DEEP}'", DEEP):  # quoted by default_style, or plain
            text = text.replace(written, nesting)
    return text


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _append(line: str, tail: str) -> str:
    return line.rstrip("\r\n") + tail + "\n"


def _after_colon(line: str, value: str) -> str:
    return line.replace(": ", ": " + value, 1)


def _with_line(draw: st.DrawFn, text: str, edit: Callable[[str], str]) -> str:
    lines = _lines(text)
    if not lines:
        return text
    index = draw(st.integers(0, len(lines) - 1))
    lines[index] = edit(lines[index])
    return "".join(lines)


@st.composite
def mutated_text(draw: st.DrawFn, name: str | None = None) -> str:
    """An example's text, edited as a careless editor or transfer would."""
    name = name or draw(st.sampled_from(sorted(example_texts())))
    text = example_texts()[name]
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(
            st.sampled_from(
                (
                    "crlf",
                    "cr",
                    "bom",
                    "tabs",
                    "nul",
                    "delete-lines",
                    "duplicate-line",
                    "insert",
                    "odd-unicode",
                    "huge",
                    "deep",
                    "truncate",
                    "drop-newline",
                )
            )
        )
        lines = _lines(text)
        if operation == "crlf":
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        elif operation == "cr":
            text = text.replace("\r\n", "\n").replace("\n", "\r")
        elif operation == "bom":
            text = "\ufeff" + text
        elif operation == "tabs":
            text = _with_line(draw, text, lambda line: line.replace("  ", "\t", 1))
        elif operation == "nul":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + "\x00" + text[at:]
        elif operation == "delete-lines" and lines:
            start = draw(st.integers(0, len(lines) - 1))
            stop = draw(st.integers(start, min(len(lines), start + 5)))
            text = "".join(lines[:start] + lines[stop:])
        elif operation == "duplicate-line" and lines:
            index = draw(st.integers(0, len(lines) - 1))
            text = "".join(lines[: index + 1] + lines[index:])
        elif operation in ("insert", "odd-unicode"):
            fragment = draw(
                st.sampled_from(YAML_TOKENS) if operation == "insert" else odd_character
            )
            at = draw(st.integers(0, len(text)))
            text = text[:at] + fragment + text[at:]
        elif operation == "huge":
            huge = draw(st.sampled_from(HUGE_TEXTS))
            text = _with_line(draw, text, partial(_append, tail=huge))
        elif operation == "deep":
            nesting = flow_nesting(200, draw(st.sampled_from(("seq", "map"))))
            text = _with_line(draw, text, partial(_after_colon, value=nesting))
        elif operation == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        elif operation == "drop-newline":
            text = text.rstrip("\n")
    return text


def mutated_examples(name: str | None = None) -> st.SearchStrategy[str]:
    return st.one_of(mutated_data(name), mutated_text(name))


def same_data(a: object, b: object) -> bool:
    """Equal JSON-like data, keys in the same order, NaN equal to NaN, bool never 1."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same_data(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b

"""Lines and columns between galint and the protocol, in each encoding."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from galint.core.diagnostic import Span
from galint.server.actions import text_edits
from galint.server.positions import UTF8, UTF16, UTF32, Positions

TEXT = "a: x\nb: 😀é z\r\nc: \u2028 d\n"


def test_columns_count_code_units_of_the_agreed_encoding() -> None:
    span = Span(2, 7, 2, 8)  # the "z" after an emoji (two UTF-16 units) and an é
    assert Positions(TEXT, UTF16).range(span).start == types.Position(1, 7)
    assert Positions(TEXT, UTF32).range(span).start == types.Position(1, 6)
    assert Positions(TEXT, UTF8).range(span).start == types.Position(1, 10)


def test_lines_break_only_at_cr_and_lf() -> None:
    # U+2028 is not a line break for an editor.
    positions = Positions(TEXT, UTF16)
    assert positions.range(Span(3, 6, 3, 7)).start == types.Position(2, 5)
    assert positions.point(types.Position(2, 5)) == (3, 6)


def test_positions_outside_the_text_are_kept_within_it() -> None:
    positions = Positions(TEXT, UTF16)
    assert positions.point(types.Position(99, 0)) == (4, 1)
    assert positions.point(types.Position(0, 99)) == (1, 5)
    assert positions.position(99, 1) == types.Position(3, 0)


@given(
    st.sampled_from([UTF8, UTF16, UTF32]),
    st.lists(st.sampled_from(["a", "😀", "é", "\n", "\r\n", "\r", " "]), max_size=12),
)
def test_point_and_position_are_inverse(encoding: str, parts: list[str]) -> None:
    text = "".join(parts)
    positions = Positions(text, encoding)
    for line, written in enumerate(positions.lines, start=1):
        for column in range(1, len(written) + 2):
            assert positions.point(positions.position(line, column)) == (line, column)


def apply(text: str, edits: list[types.TextEdit]) -> str:
    positions = Positions(text, UTF32)
    starts = [0]
    for line in positions.lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    # The test texts break lines with LF only, so each line is one character longer.
    for edit in edits:
        start = starts[edit.range.start.line] + edit.range.start.character
        end = starts[edit.range.end.line] + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
    return text


@given(
    st.lists(st.sampled_from(["a", "b", "\n", "x\n"]), max_size=10),
    st.lists(st.sampled_from(["a", "b", "\n", "x\n"]), max_size=10),
)
def test_text_edits_turn_one_text_into_the_other_by_whole_lines(
    before: list[str], after: list[str]
) -> None:
    old, new = "".join(before), "".join(after)
    edits = text_edits(old, new, Positions(old, UTF32))
    assert apply(old, edits) == new
    for edit in edits:
        assert edit.range.start.character == 0

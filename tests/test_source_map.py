"""The source map: text offsets to 1-based (line, column) in the user's file."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.document import LineIndex, Segment, SourceMap


def test_line_index_with_every_kind_of_line_break() -> None:
    source = "ab\ncd\r\nef\rgh"
    index = LineIndex(source)
    assert index.line_count == 4
    assert [index.position(source.index(c)) for c in "acegh"] == [(1, 1), (2, 1), (3, 1), (4, 1), (4, 2)]
    # a CRLF is one break: the LF is still on line 2
    assert index.position(source.index("\n", 3)) == (2, 4)


def test_columns_count_code_points_not_bytes() -> None:
    source = "Café 😀 naïve\nx"
    index = LineIndex(source)
    assert index.position(source.index("n")) == (1, 8)
    assert index.position(source.index("x")) == (2, 1)


def test_positions_are_clamped_to_the_source() -> None:
    index = LineIndex("abc")
    assert index.position(-5) == (1, 1)
    assert index.position(99) == (1, 4)


def test_identity_map_and_exclusive_end() -> None:
    smap = SourceMap.identity("one\ntwo words\n")
    assert smap.position(4) == (2, 1)
    assert smap.end_position(7) == (2, 4)  # "two" ends before column 4
    assert smap.source_line(2) == "two words"


def test_segments_linear_and_entity() -> None:
    # source "<p>Tom &amp; Jerry</p>" -> text "Tom & Jerry"
    source = "<p>Tom &amp; Jerry</p>"
    segments = [Segment(0, 4, 3, 7), Segment(4, 5, 7, 12), Segment(5, 11, 12, 18)]
    smap = SourceMap(source, segments)
    text = "Tom & Jerry"
    assert smap.position(text.index("T")) == (1, 4)
    assert smap.position(text.index("&")) == (1, 8)
    assert smap.end_position(text.index("&") + 1) == (1, 13)  # the whole entity
    assert smap.position(text.index("J")) == (1, 14)
    assert smap.end_position(len(text)) == (1, 19)


def test_text_between_segments_maps_to_the_previous_end() -> None:
    source = "# Title\n\nBody text"
    smap = SourceMap(source, [Segment(0, 5, 2, 7), Segment(7, 16, 9, 18)])  # "Title\n\nBody text"
    assert smap.to_source(5) == 7 and smap.to_source(6) == 7
    assert smap.position(7) == (3, 1)


def test_compose_through_an_outer_map() -> None:
    # an HTML body inside a JSON string: inner text "a&amp;b" -> "a&b", outer source has a 9-character prefix
    outer_source = '{"body":"a&amp;b"}'
    outer = SourceMap(outer_source, [Segment(0, 7, 9, 16)])
    inner = SourceMap("a&amp;b", [Segment(0, 1, 0, 1), Segment(1, 2, 1, 6), Segment(2, 3, 6, 7)])
    composed = inner.compose(outer)
    assert composed.source == outer_source
    assert composed.position(0) == (1, 10)
    assert composed.position(1) == (1, 11)
    assert composed.end_position(2) == (1, 16)
    assert composed.position(2) == (1, 16)


@given(st.lists(st.sampled_from(["a", "é", "😀", " ", "\n", "\r\n", "\r"]), max_size=40))
def test_line_index_agrees_with_splitlines(pieces: list[str]) -> None:
    source = "".join(pieces)
    index = LineIndex(source)
    offset = 0
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        for col in range(len(line.rstrip("\r\n"))):
            assert index.position(offset + col) == (number, col + 1)
        offset += len(line)

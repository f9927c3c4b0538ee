"""Markdown reader: what is prose, block kinds, exact positions through inline markup."""

from __future__ import annotations

from conftest import engine_for, lint

from checker.document import Document
from checker.readers import read_bytes


def read(text: str) -> Document:
    return read_bytes(text.encode(), "story.md")[0]


def blocks(text: str) -> list[tuple[str, str]]:
    doc = read(text)
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def where(doc: Document, needle: str) -> tuple[int, int, int, int]:
    """Source position of ``needle`` in the document's text (a test helper only)."""
    start = doc.text.index(needle)
    return (*doc.source_map.position(start), *doc.source_map.end_position(start + len(needle)))


def every_char_maps_to_itself(doc: Document) -> None:
    """Each text character on a linear segment is the very source character it maps to."""
    smap = doc.source_map
    for seg in smap.segments:
        if seg.linear:
            assert doc.text[seg.text_start : seg.text_end] == smap.source[seg.src_start : seg.src_end]


STORY = """---
title: Not prose
tags: [a, b]
---

# Flood *warning* issued

The river rose *quickly* on **Tuesday**, said
[the agency](https://example.org/agency "Agency"), and `1,200` people left.

> "Leave now," she said.
> "Do not wait."

- Schools closed
- Roads shut &amp; trains cancelled

```
code is not prose
```

    indented code is not prose either

<div class="ad">raw HTML is not prose</div>

## Later heading

Caf\\u00e9 caf\u00e9 \U0001f600 text.
"""


def test_blocks_and_kinds() -> None:
    assert blocks(STORY) == [
        ("headline", "Flood warning issued"),
        (
            "paragraph",
            "The river rose quickly on Tuesday, said\nthe agency, and 1,200 people left.",
        ),
        ("quote", '"Leave now," she said.\n"Do not wait."'),
        ("list_item", "Schools closed"),
        ("list_item", "Roads shut & trains cancelled"),
        ("heading", "Later heading"),
        ("paragraph", "Caf\\u00e9 caf\u00e9 \U0001f600 text."),
    ]


def test_blocks_are_separated_and_sorted() -> None:
    doc = read(STORY)
    starts = [b.start for b in doc.blocks]
    assert starts == sorted(starts)
    for a, b in zip(doc.blocks, doc.blocks[1:], strict=False):
        assert "\n\n" in doc.text[a.end : b.start]
    every_char_maps_to_itself(doc)


def test_positions_after_inline_markup_and_wrapping() -> None:
    doc = read(STORY)
    assert where(doc, "warning") == (6, 10, 6, 17)
    assert where(doc, "quickly") == (8, 17, 8, 24)
    assert where(doc, "Tuesday") == (8, 31, 8, 38)
    assert where(doc, "the agency") == (9, 2, 9, 12)
    assert where(doc, "1,200") == (9, 57, 9, 62)
    assert where(doc, "people") == (9, 64, 9, 70)
    assert where(doc, "Do not wait") == (12, 4, 12, 15)
    assert where(doc, "Later") == (25, 4, 25, 9)


def test_entity_and_escape_map_to_their_whole_source() -> None:
    doc = read(STORY)
    amp = doc.text.index("&")
    assert doc.source_map.position(amp) == (15, 14)
    assert doc.source_map.end_position(amp + 1) == (15, 19)
    escaped = read("Five \\* three\n")
    star = escaped.text.index("*")
    assert escaped.source_map.position(star) == (1, 6)
    assert escaped.source_map.end_position(star + 1) == (1, 8)


def test_multibyte_characters_are_one_column() -> None:
    doc = read(STORY)
    assert where(doc, "text.") == (27, 18, 27, 23)


def test_soft_break_maps_to_the_line_break() -> None:
    doc = read("First line\nsecond line\n")
    brk = doc.text.index("\n")
    assert doc.source_map.position(brk) == (1, 11)
    assert doc.source_map.end_position(brk + 1) == (2, 1)


def test_crlf_positions() -> None:
    text = "# Title\r\n\r\nSome *words* here,\r\nwrapped **on** two lines.\r\n\r\nAdvertisement\r\n"
    doc = read(text)
    assert where(doc, "words") == (3, 7, 3, 12)
    assert where(doc, "on two") == (4, 11, 4, 19)
    (d,) = lint(text, "boilerplate", path="story.md")
    assert (d.line, d.column, d.end_line, d.end_column) == (6, 1, 6, 14)


def test_boilerplate_found_through_markdown_with_exact_columns() -> None:
    text = "# Title\n\nPolice are *searching* for the rest. Advertisement\n"
    (d,) = lint(text, "boilerplate", path="story.md")
    assert (d.line, d.column, d.end_column) == (3, 38, 51)


def test_front_matter_code_and_html_are_not_prose() -> None:
    doc = read(STORY)
    for absent in ("Not prose", "code is", "raw HTML", "tags"):
        assert absent not in doc.text


def test_link_keeps_text_and_drops_address() -> None:
    doc = read("See [the report](http://example.org/report.pdf) and <https://example.org>.\n")
    assert doc.text == "See the report and https://example.org."
    every_char_maps_to_itself(doc)


def test_blockquote_in_list_and_nested_quotes() -> None:
    assert blocks("> > Deep quote\n\n- > quoted item\n") == [("quote", "Deep quote"), ("quote", "quoted item")]


def test_setext_heading_and_heading_with_closing_hashes() -> None:
    doc = read("Title here\n==========\n\n## Sub *head* ##\n")
    assert [b.kind for b in doc.blocks] == ["headline", "heading"]
    assert where(doc, "head") == (4, 9, 4, 13)


def test_heading_not_first_is_not_headline() -> None:
    assert [k for k, _ in blocks("Intro text.\n\n# Late title\n")] == ["paragraph", "heading"]


def test_hard_breaks_and_code_spans() -> None:
    doc = read("Line one  \nline two\\\nline three `a  b` end\n")
    assert doc.text == "Line one\nline two\nline three a  b end"
    assert where(doc, "a  b") == (3, 13, 3, 17)
    every_char_maps_to_itself(doc)


def test_unmatched_markers_stay_text_at_their_place() -> None:
    doc = read("Price * two and _under_ score_name\n")
    assert doc.text == "Price * two and under score_name"
    assert where(doc, "*") == (1, 7, 1, 8)
    assert where(doc, "under") == (1, 18, 1, 23)
    every_char_maps_to_itself(doc)


def test_hostile_markdown_is_read_without_error() -> None:
    engine = engine_for("boilerplate")
    for text in (
        ">" * 100_000 + " deep\n",
        "[" * 20_000 + "x" + "]" * 20_000,
        "*" * 20_000 + "x" + "*" * 20_000,
        "<!--\n" * 10_000,
        "`` `" * 10_000,
        "".join("  " * i + "- x\n" for i in range(300)),
    ):
        results = engine.check_path("hostile.md", data=text.encode())
        assert results[0].result.error is None


def test_very_long_markdown_is_refused_clearly() -> None:
    results = engine_for("boilerplate").check_path("huge.md", data=b"word " * 500_000)
    error = results[0].result.error
    assert error is not None and error.startswith("huge.md: too long to read as Markdown")

"""HTML reader: block kinds, dropped elements, entities, exact positions, hostile markup."""

from __future__ import annotations

import pytest
from conftest import engine_for, lint

from checker.document import Document
from checker.readers import read_bytes


def read(text: str) -> Document:
    return read_bytes(text.encode(), "page.html")[0]


def blocks(text: str) -> list[tuple[str, str]]:
    doc = read(text)
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def where(doc: Document, needle: str) -> tuple[int, int, int, int]:
    start = doc.text.index(needle)
    return (*doc.source_map.position(start), *doc.source_map.end_position(start + len(needle)))


PAGE = """<!DOCTYPE html>
<html><head><title>Site name</title>
<style>p { color: red }</style><script>var s = "<p>not prose</p>";</script></head>
<body><header><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<h1>Flood &amp; storm warning</h1></header>
<article>
<p>Caf&eacute; owner said &#8220;leave now&#x201D; to <a href="/x?a=1&amp;b=2">the <b>mayor</b></a>.<br>
Then the river rose.</p>
<p>Second paragraph with 😀 and é.</p>
<blockquote><p>A quoted passage.</p></blockquote>
<figure><img src="a.jpg" alt="alt text is dropped"><figcaption>Photo: Agency</figcaption></figure>
<ul><li>first item<li>second item</ul>
<h2>Sub heading</h2>
<template><p>template text</p></template><noscript>Enable scripts</noscript>
<div hidden>hidden text</div>
</article>
<aside>Most Read</aside>
<footer>Copyright 2024</footer>
</body></html>
"""


def test_blocks_and_kinds() -> None:
    assert blocks(PAGE) == [
        ("furniture", "Home | News"),
        ("headline", "Flood & storm warning"),
        ("paragraph", "Café owner said “leave now” to the mayor.\n\nThen the river rose."),
        ("paragraph", "Second paragraph with 😀 and é."),
        ("quote", "A quoted passage."),
        ("caption", "Photo: Agency"),
        ("list_item", "first item"),
        ("list_item", "second item"),
        ("heading", "Sub heading"),
        ("furniture", "Most Read"),
        ("furniture", "Copyright 2024"),
    ]


def test_dropped_elements() -> None:
    doc = read(PAGE)
    for absent in ("Site name", "color", "not prose", "alt text", "template text", "Enable scripts", "hidden"):
        assert absent not in doc.text


def test_positions_after_entities_and_markup() -> None:
    doc = read(PAGE)
    assert where(doc, "Flood") == (5, 5, 5, 10)
    assert where(doc, "storm") == (5, 17, 5, 22)
    assert where(doc, "owner") == (7, 16, 7, 21)
    assert where(doc, "leave now") == (7, 34, 7, 43)
    assert where(doc, "mayor") == (7, 87, 7, 92)
    assert where(doc, "Then") == (8, 1, 8, 5)
    assert where(doc, "and é") == (9, 28, 9, 33)


def test_entities_are_non_linear_segments() -> None:
    doc = read(PAGE)
    e = doc.text.index("é")
    assert doc.source_map.position(e) == (7, 7)
    assert doc.source_map.end_position(e + 1) == (7, 15)
    quote = doc.text.index("”")
    assert doc.source_map.position(quote) == (7, 43)
    assert doc.source_map.end_position(quote + 1) == (7, 51)


def test_unknown_entities_and_stray_ampersands_stay_as_text() -> None:
    doc = read("<p>a < b &unknown; AT&T &amp</p>")
    assert doc.text == "a < b &unknown; AT&T &"
    assert where(doc, "AT&T") == (1, 20, 1, 24)


def test_header_h1_is_the_headline_and_later_h1_a_heading() -> None:
    kinds = [k for k, _ in blocks("<header><h1>One</h1><p>By a reporter</p></header><h1>Two</h1>")]
    assert kinds == ["headline", "furniture", "heading"]


def test_role_attributes_mark_furniture() -> None:
    assert blocks('<div role="navigation">Menu</div><p>Copy.</p>') == [("furniture", "Menu"), ("paragraph", "Copy.")]


def test_crlf_and_boilerplate_columns() -> None:
    text = "<h1>Title</h1>\r\n<p>Police are <em>searching</em> for the rest. Advertisement</p>\r\n"
    (d,) = lint(text, "boilerplate", path="page.html")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 48, 2, 61)


def test_block_text_is_separated_by_a_blank_line() -> None:
    doc = read("<p>One.</p><p>Two.</p><div>Three<p>Four</div>")
    assert doc.text == "One.\n\nTwo.\n\nThree\n\nFour"


@pytest.mark.parametrize(
    "text",
    [
        "<div>" * 100_000 + "deep text" + "</div>" * 100_000,
        "<div><p><span>" * 50_000 + "unclosed",
        "<!--" * 100_000,
        "<p>text <!-- unclosed comment " + "x " * 100_000,
        "<a" * 100_000,
        "</" * 100_000,
        "<!" * 100_000,
        "<![CDATA[" * 50_000,
        "<p title='" + "x" * 500_000,
        "</span>" * 100_000,
        "<script>" + "<p>x</p>" * 50_000,
        "&" * 500_000,
        "<<<>>>" * 100_000,
    ],
)
def test_hostile_html_is_read_without_error(text: str) -> None:
    results = engine_for("boilerplate").check_path("hostile.html", data=text.encode())
    assert results[0].result.error is None


def test_deeply_nested_text_keeps_its_position() -> None:
    doc = read("<div>" * 100_000 + "deep text" + "</div>" * 100_000)
    assert doc.text == "deep text"
    assert doc.source_map.position(0) == (1, 500_001)


def test_unclosed_comment_hides_the_rest() -> None:
    assert read("<p>Kept.</p><!-- never closed <p>Dropped.</p>").text == "Kept."


def test_unclosed_head_is_closed_by_the_body() -> None:
    doc = read("<html><head><title>Site</title><meta charset=utf-8><body><p>Copy here.</p>")
    assert doc.text == "Copy here."

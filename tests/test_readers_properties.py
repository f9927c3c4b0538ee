"""Property tests over every reader: no exception but ReadError, blocks inside the text,
every offset mapped to a real line and column, and linear segments exact."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.document import Document
from checker.readers import ReadError, read_bytes

MARKUP = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<h1>",
        "</h1>",
        "<br>",
        "<!--",
        "-->",
        "&amp;",
        "&#x1F600;",
        "&",
        "<",
        ">",
        "<nav>",
        "<script>",
        "</script>",
        "<b>",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "# ",
        "> ",
        "- ",
        "*",
        "_",
        "`",
        "[",
        "](x)",
        "\\",
        "---\n",
        "é",
        "😀",
        " ",
        "\t",
        '"',
        "\\u00e9",
        "\\n",
        "newslint-disable",
        "<!-- newslint-disable -->",
    ]
)
TEXTS = st.lists(st.one_of(MARKUP, st.text(max_size=8)), max_size=40).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_document(doc: Document) -> None:
    text = doc.text
    smap = doc.source_map
    lines = smap.lines
    previous = -1
    for block in doc.blocks:
        assert 0 <= block.start < block.end <= len(text)
        assert block.start >= previous
        previous = block.end
    previous_end = 0
    for seg in smap.segments:
        assert previous_end <= seg.text_start <= seg.text_end <= len(text)
        assert 0 <= seg.src_start <= seg.src_end <= len(smap.source)
        if seg.linear:
            assert text[seg.text_start : seg.text_end] == smap.source[seg.src_start : seg.src_end]
        previous_end = seg.text_end
    for offset in range(0, len(text) + 1, max(1, len(text) // 50)):
        line, column = smap.position(offset)
        assert 1 <= line <= lines.line_count
        assert 1 <= column <= len(smap.source_line(line)) + 2
        end_line, end_column = smap.end_position(offset)
        assert (end_line, end_column) >= (1, 1)


def read_all(data: bytes, path: str) -> None:
    try:
        docs = read_bytes(data, path)
    except ReadError as err:
        assert str(err)
        return
    for doc in docs:
        check_document(doc)


@SETTINGS
@given(TEXTS)
def test_markdown_reader(text: str) -> None:
    read_all(text.encode(), "a.md")


@SETTINGS
@given(TEXTS)
def test_html_reader(text: str) -> None:
    read_all(text.encode(), "a.html")


@SETTINGS
@given(TEXTS)
def test_text_reader(text: str) -> None:
    read_all(text.encode(), "a.txt")


@SETTINGS
@given(TEXTS, st.sampled_from(["text", "markdown", "html", ""]))
def test_json_reader_with_any_body(body: str, fmt: str) -> None:
    article = {"headline": "Title", "body": body} | ({"format": fmt} if fmt else {})
    read_all(json.dumps(article).encode(), "a.json")
    read_all(json.dumps(article, ensure_ascii=False).encode(), "a.jsonl")


@SETTINGS
@given(st.binary(max_size=200), st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a.docx"]))
def test_any_bytes_give_a_document_or_a_read_error(data: bytes, path: str) -> None:
    read_all(data, path)


@SETTINGS
@given(TEXTS)
def test_json_like_text(text: str) -> None:
    read_all(("{" + text + "}").encode(), "a.json")

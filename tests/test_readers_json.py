"""CMS JSON and JSON Lines reader: fields, body formats, positions inside the JSON file, bad input."""

from __future__ import annotations

import json

import pytest
from conftest import engine_for

from checker.config import Config
from checker.document import Document
from checker.engine import Engine
from checker.readers import ReadError, ReadOptions, read_bytes


def read(text: str, path: str = "export.json", **fields: str) -> list[Document]:
    return read_bytes(text.encode(), path, options=ReadOptions(json_fields=dict(fields)))


def where(doc: Document, needle: str) -> tuple[int, int, int, int]:
    start = doc.text.index(needle)
    return (*doc.source_map.position(start), *doc.source_map.end_position(start + len(needle)))


def test_plain_body_with_escapes_maps_into_the_file() -> None:
    source = (
        '{\n  "id": 42,\n  "headline": "Caf\\u00e9 owner \\"wins\\"",\n'
        '  "body": "First para.\\n\\nSecond \\ud83d\\ude00 para."\n}\n'
    )
    (doc,) = read(source)
    assert doc.article_id == "42"
    assert doc.format == "json"
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("headline", 'Café owner "wins"'),
        ("paragraph", "First para."),
        ("paragraph", "Second 😀 para."),
    ]
    assert where(doc, "owner") == (3, 26, 3, 31)
    e = doc.text.index("é")
    assert (doc.source_map.position(e), doc.source_map.end_position(e + 1)) == ((3, 19), (3, 25))
    assert where(doc, "Second") == (4, 27, 4, 33)
    emoji = doc.text.index("😀")
    assert (doc.source_map.position(emoji), doc.source_map.end_position(emoji + 1)) == ((4, 34), (4, 46))
    assert where(doc, "para.") == (4, 18, 4, 23)


def test_html_body_is_composed_with_the_string_map() -> None:
    source = json.dumps({"headline": "Title", "body": "<p>Caf&eacute; <b>owner</b> said.</p><p>Advertisement</p>"})
    (doc,) = read(source)
    assert [b.kind for b in doc.blocks] == ["headline", "paragraph", "paragraph"]
    line = doc.source_map.source_line(1)
    assert where(doc, "owner") == (1, line.index("owner") + 1, 1, line.index("owner") + 6)
    e = doc.text.index("é")
    assert doc.source_map.position(e) == (1, line.index("&eacute;") + 1)
    assert doc.source_map.end_position(e + 1) == (1, line.index("&eacute;") + 9)
    (result,) = engine_for("boilerplate").check_path("export.json", data=source.encode())
    (d,) = result.result.diagnostics
    assert (d.line, d.column, d.end_column) == (1, line.index("Advertisement") + 1, line.index("Advertisement") + 14)


def test_markdown_body_detected_and_h1_demoted_under_a_headline() -> None:
    source = json.dumps({"headline": "Title", "body": "# Inner\n\nSome *md* text."})
    (doc,) = read(source)
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("headline", "Title"),
        ("heading", "Inner"),
        ("paragraph", "Some md text."),
    ]
    line = doc.source_map.source_line(1)
    assert where(doc, "md") == (1, line.index("md*") + 1, 1, line.index("md*") + 3)


def test_configured_field_names_and_format() -> None:
    source = json.dumps({"title": "T", "content": "<b>not html</b> here", "slug": "abc", "dek": "Standfirst."})
    (doc,) = read(source, headline="title", body="content", id="slug", standfirst="dek", format="text")
    assert doc.article_id == "abc"
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("headline", "T"),
        ("paragraph", "Standfirst."),
        ("paragraph", "<b>not html</b> here"),
    ]


def test_format_named_by_a_field_of_the_article() -> None:
    source = json.dumps({"body": "<p>One</p>", "kind": "text/html"})
    (doc,) = read(source, format="kind")
    assert doc.text == "One"


def test_json_lines_one_document_per_article() -> None:
    source = '{"id": "a1", "body": "First article."}\n\n{"body": "Second article."}\n'
    docs = read(source, path="feed.jsonl")
    assert [(d.article_id, d.text) for d in docs] == [("a1", "First article."), ("3", "Second article.")]
    assert docs[1].source_map.position(0) == (3, 11)


def test_json_array_of_articles() -> None:
    docs = read('[{"body": "One."}, {"body": "Two."}]')
    assert [(d.article_id, d.text) for d in docs] == [("1", "One."), ("2", "Two.")]


def test_results_are_labelled_by_article() -> None:
    source = '{"id": "a1", "body": "Advertisement"}\n{"id": "a2", "body": "Clean copy."}\n'
    results = engine_for("boilerplate").check_path("feed.jsonl", data=source.encode())
    assert [r.result.path for r in results] == ["feed.jsonl#a1", "feed.jsonl#a2"]
    assert [d.line for d in results[0].result.diagnostics] == [1]


@pytest.mark.parametrize(
    ("source", "path", "message", "line"),
    [
        ("[1, 2]", "a.json", "expected an article object in the array, found a number", 1),
        ('\n\n"just a string"', "a.json", "expected a JSON object with the article's fields, found a string", 3),
        ("42", "a.json", "found a number", 1),
        ('{"headline": "x"}', "a.json", "the article has no 'body' field (its fields: headline)", 1),
        ('{"body": 3}', "a.json", "the 'body' field is not a string", 1),
        ('{"body": "x"', "a.json", "invalid JSON at column 13: expected ',' or '}'", 1),
        ('{"body": "line\nbreak"}', "a.json", "control character inside a string", 1),
        ('{"body": "bad \\q escape"}', "a.json", "invalid escape", 1),
        ('{"body": "x"} {"body": "y"}', "a.json", "more than one JSON value", 1),
        ('{"body": "ok"}\n{"headline": "no body"}\n', "a.jsonl", "no 'body' field", 2),
        ('{"body": "ok"}\n[]\n', "a.jsonl", "found an array", 2),
        ('{"body": ' + "[" * 100_000 + "]" * 100_000 + "}", "a.json", "nested too deeply", 1),
        ("", "a.json", "empty JSON file", None),
        (
            '{"body": "x",\n "count": ' + "9" * 5000 + "}",
            "a.json",
            "invalid JSON at column 11: a number with too many digits",
            2,
        ),
    ],
)
def test_bad_json_gives_a_clear_error_naming_the_line(source: str, path: str, message: str, line: int | None) -> None:
    with pytest.raises(ReadError) as err:
        read(source, path=path)
    assert message in str(err.value)
    assert err.value.line == line
    (result,) = engine_for("boilerplate").check_path(path, data=source.encode())
    expected = f"{path}:{line}: " if line else f"{path}: "
    assert result.result.error is not None and result.result.error.startswith(expected)


def test_json_fields_come_from_configuration() -> None:
    engine = Engine(Config(select=["boilerplate"], json_fields={"body": "text"}))
    (result,) = engine.check_path("a.json", data=b'{"text": "Advertisement"}')
    assert [d.line for d in result.result.diagnostics] == [1]

"""Inline suppression comments, parsed by the Markdown and HTML readers and applied by the engine."""

from __future__ import annotations

import json

from conftest import engine_for, lint

from checker.document import Suppression
from checker.readers import read_bytes
from checker.readers.builder import parse_suppression

RULE = "boilerplate"


def lines_flagged(text: str, path: str) -> list[int]:
    return [d.line for d in lint(text, RULE, path=path)]


def test_comment_bodies_are_parsed() -> None:
    assert parse_suppression(" newslint-disable ", 3) == Suppression("disable", (), 3)
    assert parse_suppression(" newslint-disable boilerplate, duplicate-paragraph -- wire copy ", 4) == Suppression(
        "disable", ("boilerplate", "duplicate-paragraph"), 4
    )
    assert parse_suppression("newslint-enable boilerplate", 5) == Suppression("enable", ("boilerplate",), 5)
    assert parse_suppression(" newslint-disable-next-line\n boilerplate ", 6, 7) == Suppression(
        "disable-next-line", ("boilerplate",), 7
    )
    assert parse_suppression(" an ordinary comment ", 1) is None
    assert parse_suppression(" newslint-disabled ", 1) is None


MARKDOWN = """# Title

Advertisement

<!-- newslint-disable-next-line boilerplate -->
Advertisement

<!-- newslint-disable boilerplate -->

Advertisement

Latest News

<!-- newslint-enable boilerplate -->

Advertisement

<!-- newslint-disable-next-line -->
Advertisement

<!-- newslint-disable-next-line unattributed-quote -->
Advertisement
"""


def test_markdown_suppressions_end_to_end() -> None:
    assert lines_flagged(MARKDOWN, "story.md") == [3, 16, 22]


def test_markdown_reader_records_comment_lines() -> None:
    doc = read_bytes(MARKDOWN.encode(), "story.md")[0]
    assert [(s.action, s.rules, s.line) for s in doc.suppressions] == [
        ("disable-next-line", ("boilerplate",), 5),
        ("disable", ("boilerplate",), 8),
        ("enable", ("boilerplate",), 14),
        ("disable-next-line", (), 18),
        ("disable-next-line", ("unattributed-quote",), 21),
    ]


def test_inline_comment_in_a_markdown_paragraph() -> None:
    text = "# Title\n\nSome copy. <!-- newslint-disable boilerplate --> Advertisement\n"
    assert lines_flagged(text, "story.md") == []


HTML = """<h1>Title</h1>
<p>Advertisement</p>
<!-- newslint-disable-next-line boilerplate -->
<p>Advertisement</p>
<!--
  newslint-disable boilerplate
-->
<p>Advertisement</p>
<!-- newslint-enable -->
<p>Advertisement</p>
"""


def test_html_suppressions_end_to_end() -> None:
    assert lines_flagged(HTML, "page.html") == [2, 10]


def test_unused_suppression_is_reported_when_asked() -> None:
    text = "# Title\n\n<!-- newslint-disable-next-line boilerplate -->\nClean copy here.\n"
    engine = engine_for(RULE)
    (result,) = engine.check_path("story.md", data=text.encode(), report_unused_suppressions=True)
    assert [(d.rule, d.line) for d in result.result.diagnostics] == [("unused-suppression", 3)]


def test_suppression_in_an_html_body_of_a_json_export() -> None:
    body = "<p>Advertisement</p>\n<!-- newslint-disable-next-line boilerplate -->\n<p>Latest News</p>"
    source = '{"headline": "Title",\n "body": ' + json.dumps(body) + "}\n"
    doc = read_bytes(source.encode(), "a.json")[0]
    assert [s.action for s in doc.suppressions] == ["disable-next-line"]
    # the body sits on one line of the file: the comment silences that line
    (result,) = engine_for(RULE).check_path("a.json", data=source.encode())
    assert result.result.diagnostics == []
    unsuppressed = '{"headline": "Title",\n "body": ' + json.dumps("<p>Advertisement</p>") + "}\n"
    (result,) = engine_for(RULE).check_path("a.json", data=unsuppressed.encode())
    assert [d.line for d in result.result.diagnostics] == [2]

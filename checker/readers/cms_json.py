"""A CMS's JSON export: ``{"headline": ..., "body": ...}``, one article a file
(``.json``: an object, or an array of objects) or one a line (JSON Lines).

Field names come from ``ReadOptions.json_fields`` (keys ``headline``,
``body``, ``standfirst``, ``id``, ``format``).  The body may be plain text,
Markdown or HTML: ``format`` forces one (``text``, ``markdown``, ``html``)
or names the field that says which; otherwise the body's markup decides.

Positions point into the JSON file itself.  String literals are decoded here,
not by :mod:`json`, so that every character keeps its place: an escape such
as ``\\u00e9`` or ``\\n`` is a run of source that one character stands for.
An HTML or Markdown body is read by its own reader, whose map (into the
decoded string) is then composed with the string's map (into the file).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from checker.document import Document, LineIndex, Segment, SourceMap, Suppression
from checker.readers import ReadError, ReadOptions
from checker.readers.builder import Piece, TextBuilder, block_pieces, segments_of
from checker.readers.decode import decode

DEFAULT_FIELDS = {"headline": "headline", "body": "body", "standfirst": "standfirst", "id": "id", "format": ""}
FORMATS = ("text", "markdown", "html")

_WS = re.compile(r"[ \t\r\n]*")
_STRING_RUN = re.compile(r'[^"\\\x00-\x1f]+')
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_HEX4 = re.compile(r"[0-9a-fA-F]{4}")
_HTML_HINT = re.compile(
    r"<(?:p|div|br|h[1-6]|a|b|i|em|strong|span|ul|ol|li|blockquote|figure|figcaption|img|section|article)\b[^<>]{0,500}>"
    r"|&(?:amp|nbsp|quot|#\d+);",
    re.IGNORECASE,
)
_MARKDOWN_HINT = re.compile(r"^(?:#{1,6} |> |[-*+] |\d+\. )|\*\*\S|\]\(|^```", re.MULTILINE)


class _Invalid(Exception):
    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.pos = pos


@dataclass(slots=True)
class _String:
    """A decoded string literal and the pieces that map it into the file."""

    text: str
    pieces: list[Piece]
    start: int  # offset of the opening quote


def _string(src: str, pos: int) -> tuple[_String, int]:
    """The string literal whose opening quote is at ``pos``, and the offset after it."""
    pieces: list[Piece] = []
    parts: list[str] = []
    i = pos + 1
    n = len(src)
    while True:
        m = _STRING_RUN.match(src, i)
        if m is not None:
            pieces.append(Piece(m.group(), i))
            parts.append(m.group())
            i = m.end()
        if i >= n:
            raise _Invalid("unterminated string", pos)
        c = src[i]
        if c == '"':
            return _String("".join(parts), pieces, pos), i + 1
        if c != "\\":
            raise _Invalid("control character inside a string (a line break must be written \\n)", i)
        e = src[i + 1 : i + 2]
        if e in _SIMPLE_ESCAPES:
            ch, end = _SIMPLE_ESCAPES[e], i + 2
        elif e == "u" and _HEX4.match(src, i + 2):
            code = int(src[i + 2 : i + 6], 16)
            end = i + 6
            if 0xD800 <= code <= 0xDBFF and src.startswith("\\u", end) and _HEX4.match(src, end + 2):
                low = int(src[end + 2 : end + 6], 16)
                if 0xDC00 <= low <= 0xDFFF:
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    end += 6
            ch = chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd"
        else:
            raise _Invalid("invalid escape in a string", i)
        pieces.append(Piece(ch, i, end))
        parts.append(ch)
        i = end


def _skip_ws(src: str, pos: int) -> int:
    m = _WS.match(src, pos)
    return m.end() if m else pos


_decoder = json.JSONDecoder()


def _value(src: str, pos: int) -> tuple[Any, int]:
    """Any JSON value at ``pos``: a :class:`_String` for strings, else the decoded value."""
    if src.startswith('"', pos):
        return _string(src, pos)
    try:
        return _decoder.raw_decode(src, pos)
    except json.JSONDecodeError as err:
        raise _Invalid(err.msg, err.pos) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise _Invalid("a number with too many digits to read", pos) from None
    except RecursionError:
        raise _Invalid("nested too deeply", pos) from None


def _object(src: str, pos: int) -> tuple[dict[str, Any], int]:
    """The object whose ``{`` is at ``pos``: its top-level fields, strings kept as :class:`_String`."""
    fields: dict[str, Any] = {}
    pos = _skip_ws(src, pos + 1)
    if src.startswith("}", pos):
        return fields, pos + 1
    while True:
        if not src.startswith('"', pos):
            raise _Invalid("expected a field name in double quotes", pos)
        key, pos = _string(src, pos)
        pos = _skip_ws(src, pos)
        if not src.startswith(":", pos):
            raise _Invalid("expected ':' after a field name", pos)
        value, pos = _value(src, _skip_ws(src, pos + 1))
        fields[key.text] = value
        pos = _skip_ws(src, pos)
        if src.startswith(",", pos):
            pos = _skip_ws(src, pos + 1)
        elif src.startswith("}", pos):
            return fields, pos + 1
        else:
            raise _Invalid("expected ',' or '}' in an object", pos)


def _what(src: str, pos: int) -> str:
    c = src[pos : pos + 1]
    if c == "[":
        return "an array"
    if c == '"':
        return "a string"
    if c in "-0123456789" and c:
        return "a number"
    if src.startswith(("true", "false"), pos):
        return "a boolean"
    if src.startswith("null", pos):
        return "null"
    return "no JSON value"


def _detect(text: str) -> str:
    if _HTML_HINT.search(text):
        return "html"
    if _MARKDOWN_HINT.search(text):
        return "markdown"
    return "text"


class _Article:
    """Builds one article's document from its fields."""

    def __init__(self, source: str, lines: LineIndex, path: str, fields: dict[str, str]) -> None:
        self.source = source
        self.lines = lines
        self.path = path
        self.fields = fields

    def _field(self, obj: dict[str, Any], role: str, line: int, required: bool = False) -> _String | None:
        name = self.fields.get(role) or DEFAULT_FIELDS[role]
        if not name:
            return None
        value = obj.get(name)
        if value is None:
            if required:
                known = ", ".join(sorted(obj)[:12]) or "none"
                raise ReadError(
                    f"the article has no {name!r} field (its fields: {known}); "
                    f"name the {role} field with json.{role} in the configuration",
                    line,
                )
            return None
        if not isinstance(value, _String):
            if role == "id" and isinstance(value, int | float) and not isinstance(value, bool):
                return _String(str(value), [], 0)
            raise ReadError(f"the {name!r} field is not a string", line)
        return value

    def _format(self, obj: dict[str, Any], body: str) -> str:
        wanted = (self.fields.get("format") or "").strip()
        if wanted.lower() in FORMATS:
            return wanted.lower()
        value = obj.get(wanted or "format")
        if isinstance(value, _String):
            given = value.text.lower()
            if "html" in given:
                return "html"
            if "markdown" in given or given in ("md", "text/markdown"):
                return "markdown"
            if given in ("text", "plain", "text/plain", "txt"):
                return "text"
        return _detect(body)

    def document(self, obj: dict[str, Any], start: int) -> Document:
        line = self.lines.position(start)[0]
        body = self._field(obj, "body", line, required=True)
        assert body is not None
        headline = self._field(obj, "headline", line)
        standfirst = self._field(obj, "standfirst", line)
        ident = self._field(obj, "id", line)

        builder = TextBuilder()
        if headline is not None:
            builder.add_block("headline", headline.pieces)
        if standfirst is not None:
            builder.add_block("paragraph", standfirst.pieces)
        fmt = self._format(obj, body.text)
        outer = SourceMap(self.source, segments_of(body.pieces))
        inner = _inner_document(body.text, self.path, fmt)
        mapped = Document(
            path=self.path, text=inner.text, blocks=inner.blocks, source_map=inner.source_map.compose(outer)
        )
        for block in inner.blocks:
            kind = block.kind
            if kind == "headline" and headline is not None:
                # the article has its headline: a plain-text body's short first line is copy
                kind = "paragraph" if fmt == "text" else "heading"
            builder.add_block(kind, block_pieces(mapped, block))
        doc = builder.build(self.path, self.source, "json")
        doc.suppressions = self._suppressions(inner, outer)
        doc.article_id = ident.text if ident is not None else None
        return doc

    def _suppressions(self, inner: Document, outer: SourceMap) -> list[Suppression]:
        """Suppressions in the body, moved to the file's lines.  A body sits on one line
        of the file, so a comment silences by the file's lines, not the body's."""
        if not inner.suppressions:
            return []
        body_lines = LineIndex(inner.source_map.source)
        out = []
        for sup in inner.suppressions:
            line = self.lines.position(outer.to_source(body_lines.line_start(sup.line)))[0]
            if sup.action == "disable-next-line":
                # the engine silences the first non-blank line after ``line``
                nxt = sup.line + 1
                while nxt < body_lines.line_count and not inner.source_map.source_line(nxt).strip():
                    nxt += 1
                target = self.lines.position(outer.to_source(body_lines.line_start(nxt)))[0]
                line = target - 1
            out.append(Suppression(sup.action, sup.rules, line))
        return out


def _inner_document(body: str, path: str, fmt: str) -> Document:
    if fmt == "html":
        from checker.readers.html import html_document

        return html_document(body, path)
    if fmt == "markdown":
        from checker.readers.markdown import markdown_document

        return markdown_document(body, path)
    from checker.readers.text import split_blocks

    whole = [Segment(0, len(body), 0, len(body))]
    return Document(path=path, text=body, blocks=split_blocks(body), source_map=SourceMap(body, whole))


def _located(err: _Invalid, lines: LineIndex) -> ReadError:
    line, column = lines.position(err.pos)
    return ReadError(f"invalid JSON at column {column}: {err}", line)


def _documents(data: bytes, path: str, options: ReadOptions, many: bool) -> list[Document]:
    source, encoding, bom = decode(data, options.encoding)
    lines = LineIndex(source)
    article = _Article(source, lines, path, options.json_fields)
    objects: list[tuple[dict[str, Any], int]] = []
    try:
        pos = _skip_ws(source, 0)
        if pos >= len(source):
            raise ReadError("empty JSON file: no article in it")
        if not many and source.startswith("[", pos):
            pos = _skip_ws(source, pos + 1)
            while not source.startswith("]", pos):
                if not source.startswith("{", pos):
                    line = lines.position(pos)[0]
                    raise ReadError(f"expected an article object in the array, found {_what(source, pos)}", line)
                obj, end = _object(source, pos)
                objects.append((obj, pos))
                pos = _skip_ws(source, end)
                if source.startswith(",", pos):
                    pos = _skip_ws(source, pos + 1)
                elif not source.startswith("]", pos):
                    raise _Invalid("expected ',' or ']' in an array", pos)
            pos = _skip_ws(source, pos + 1)
        while pos < len(source):
            if not source.startswith("{", pos):
                line = lines.position(pos)[0]
                raise ReadError(f"expected a JSON object with the article's fields, found {_what(source, pos)}", line)
            if objects and not many:
                line = lines.position(pos)[0]
                raise ReadError("more than one JSON value (name the file .jsonl for JSON Lines)", line)
            obj, end = _object(source, pos)
            objects.append((obj, pos))
            pos = _skip_ws(source, end)
    except _Invalid as err:
        raise _located(err, lines) from None
    docs = []
    for index, (obj, start) in enumerate(objects):
        doc = article.document(obj, start)
        if doc.article_id is None and (many or len(objects) > 1):
            doc.article_id = str(lines.position(start)[0]) if many else str(index + 1)
        doc.encoding = encoding
        doc.bom = bom
        docs.append(doc)
    return docs


def read_json(data: bytes, path: str, options: ReadOptions) -> list[Document]:
    return _documents(data, path, options, many=False)


def read_jsonl(data: bytes, path: str, options: ReadOptions) -> list[Document]:
    return _documents(data, path, options, many=True)

"""HTML: the text of a page's copy, with every character at its exact line and column.

Tokenising follows the HTML5 rules for the parts that matter to copy: text,
character references, start and end tags (attributes quoted or not), raw-text
elements (script, style, textarea, title), comments, and bogus comments
(``<!DOCTYPE>``, ``<?xml?>``, CDATA).  A construct left open at the end of
the file ends there, as in a browser.

The standard library's ``html.parser`` gives positions too, but on Python
3.11 it rescans to the end of the input for every unterminated comment or
tag (twenty thousand stray ``<!--`` take seconds), so this module scans with
``str.find`` and anchored patterns only: each character is looked at a fixed
number of times, whatever the markup.  Nesting is tracked with a list and
per-tag counters, never with recursion, so a page nested 100,000 levels deep
reads like any other.

Blocks: ``<h1>`` (the first) is the headline; ``<h2>``-``<h6>`` headings;
``<blockquote>`` quotes; ``<figcaption>`` captions; ``<li>``/``<dd>``/``<dt>``
list items; ``<pre>`` code; navigation, footers, asides and page headers
(also ``role="navigation"`` and the like) furniture; scripts, styles,
templates, ``<noscript>``, forms' widgets and embedded graphics are dropped.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from checker.document import BlockKind, Document, LineIndex, Suppression
from checker.readers import ReadOptions
from checker.readers.builder import Piece, TextBuilder, parse_suppression
from checker.readers.decode import decode

# elements whose content is never copy
SKIPPED = frozenset(
    "script style template noscript head title svg math iframe object embed canvas select textarea button "
    "audio video map datalist".split()
)
FURNITURE = frozenset({"nav", "footer", "aside", "header"})
FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"})
# elements that start and end a block of text
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# content read as raw text up to the matching end tag
RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes plaintext".split())
# an open element of the same name (or a <p>) is closed by these
_CLOSES_SAME = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})

_HEAD_CONTENT = frozenset("title meta link style script base noscript template".split())

_NAME = re.compile(r"[^\s/>]*")
_ATTR_NAME = re.compile(r"[^\s/>=]+")
_UNQUOTED = re.compile(r"[^\s>]*")
_SPACE = re.compile(r"[\s/]*")
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)")


@dataclass(slots=True)
class _Open:
    tag: str
    furniture: bool  # counted in _Reader.furniture
    skipped: bool  # counted in _Reader.skipped


class _Reader:
    """Walks the tokens of one page and gathers its blocks."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = LineIndex(source)
        self.builder = TextBuilder()
        self.suppressions: list[Suppression] = []
        self.stack: list[_Open] = []
        self.open_tags: Counter[str] = Counter()
        self.furniture = 0
        self.skipped = 0
        self.pieces: list[Piece] = []
        self.seen_headline = False

    # -- blocks -------------------------------------------------------------

    def _kind(self) -> BlockKind:
        count = self.open_tags
        heading = next((h for h in ("h1", "h2", "h3", "h4", "h5", "h6") if count[h]), "")
        if self.furniture and not (heading and count["header"] and not (self.furniture - count["header"])):
            return "furniture"
        if count["pre"]:
            return "code"
        if count["figcaption"] or count["caption"]:
            return "caption"
        if heading == "h1" and not self.seen_headline:
            return "headline"
        if heading:
            return "heading"
        if count["blockquote"]:
            return "quote"
        if count["li"] or count["dd"] or count["dt"]:
            return "list_item"
        return "paragraph"

    def flush(self) -> None:
        if not self.pieces:
            return
        kind = self._kind()
        block = self.builder.add_block(kind, self.pieces)
        if block is not None and kind == "headline":
            self.seen_headline = True
        self.pieces = []

    # -- tree ---------------------------------------------------------------

    def _push(self, tag: str, attrs: dict[str, str]) -> None:
        furniture = tag in FURNITURE or attrs.get("role", "").strip().lower() in FURNITURE_ROLES
        hidden = "hidden" in attrs or attrs.get("aria-hidden", "").strip().lower() == "true"
        skipped = tag in SKIPPED or hidden
        self.stack.append(_Open(tag, furniture, skipped))
        self.open_tags[tag] += 1
        self.furniture += furniture
        self.skipped += skipped

    def _pop(self) -> None:
        item = self.stack.pop()
        self.open_tags[item.tag] -= 1
        self.furniture -= item.furniture
        self.skipped -= item.skipped

    def _skipping(self) -> bool:
        return self.skipped > 0

    def start_tag(self, tag: str, attrs: dict[str, str], self_closing: bool, start: int, end: int) -> None:
        if tag == "br":
            if not self._skipping():
                self.pieces.append(Piece("\n", start, end))
            return
        if self.open_tags["head"] and tag not in _HEAD_CONTENT:
            # a page that never closes <head>: the body's first tag closes it, as in a browser
            self.end_tag("head")
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
        if tag in _CLOSES_SAME or block:
            top = self.stack[-1].tag if self.stack else ""
            if (top == tag and tag in _CLOSES_SAME) or (block and top == "p"):
                self._pop()
        if tag in VOID or self_closing:
            return
        self._push(tag, attrs)

    def end_tag(self, tag: str) -> None:
        if not self.open_tags[tag]:
            if tag == "p":  # a stray </p> ends a paragraph all the same
                self.flush()
            return
        if tag in BLOCK_TAGS:
            self.flush()
        while self.stack:
            top = self.stack[-1].tag
            if top in BLOCK_TAGS and top != tag:
                self.flush()
            self._pop()
            if top == tag:
                break

    def text(self, start: int, end: int) -> None:
        if start >= end or self._skipping():
            return
        source = self.source
        pos = start
        amp = source.find("&", start, end)
        while amp >= 0:
            m = _ENTITY.match(source, amp, end)
            if m is None:
                amp = source.find("&", amp + 1, end)
                continue
            raw = m.group()
            decoded = html.unescape(raw)
            if decoded != raw:
                if pos < amp:
                    self.pieces.append(Piece(source[pos:amp], pos))
                self.pieces.append(Piece(decoded, amp, m.end()))
                pos = m.end()
            amp = source.find("&", m.end(), end)
        if pos < end:
            self.pieces.append(Piece(source[pos:end], pos))

    def comment(self, start: int, body_start: int, body_end: int, end: int) -> None:
        line = self.lines.position(start)[0]
        last = self.lines.position(max(start, end - 1))[0]
        sup = parse_suppression(self.source[body_start:body_end], line, last)
        if sup is not None:
            self.suppressions.append(sup)


def _tag_attrs(source: str, pos: int, n: int) -> tuple[dict[str, str], bool, int]:
    """Attributes from ``pos`` to the end of a tag; returns (attrs, self-closing, end) with
    ``end`` just past ``>``, or -1 if the file ends inside the tag."""
    attrs: dict[str, str] = {}
    while True:
        space = _SPACE.match(source, pos)
        pos = space.end() if space else pos
        if pos >= n:
            return attrs, False, -1
        if source[pos] == ">":
            return attrs, source[pos - 1] == "/", pos + 1
        m = _ATTR_NAME.match(source, pos)
        if m is None:  # cannot happen: the character is none of \s / > (kept for safety)
            pos += 1
            continue
        name = m.group().lower()
        pos = m.end()
        while pos < n and source[pos] in " \t\n\r\f":
            pos += 1
        value = ""
        if pos < n and source[pos] == "=":
            pos += 1
            while pos < n and source[pos] in " \t\n\r\f":
                pos += 1
            if pos < n and source[pos] in "\"'":
                close = source.find(source[pos], pos + 1)
                if close < 0:
                    return attrs, False, -1
                value = source[pos + 1 : close]
                pos = close + 1
            else:
                v = _UNQUOTED.match(source, pos)
                if v is not None:
                    value = v.group()
                    pos = v.end()
        attrs.setdefault(name, value)


_raw_end_patterns: dict[str, re.Pattern[str]] = {}


def _raw_text_end(source: str, tag: str, pos: int) -> int:
    """Offset just past the end tag that closes raw-text element ``tag`` (the end of the file if none)."""
    pattern = _raw_end_patterns.get(tag)
    if pattern is None:
        pattern = _raw_end_patterns[tag] = re.compile(rf"</{re.escape(tag)}(?=[\s/>])[^>]*>?", re.IGNORECASE)
    m = pattern.search(source, pos)
    if m is None or tag == "plaintext":
        return len(source)
    return m.end()


def _tokenize(reader: _Reader) -> None:
    source = reader.source
    n = len(source)
    pos = 0
    text_from = 0  # start of the text not yet handed to the reader
    while pos < n:
        lt = source.find("<", pos)
        if lt < 0:
            break
        nxt = source[lt + 1 : lt + 2]
        if not (nxt == "/" or nxt in ("!", "?") or (nxt.isascii() and nxt.isalpha())):
            # a "<" that starts no markup ("a < b") is text
            pos = lt + 1
            continue
        reader.text(text_from, lt)
        if source.startswith("<!--", lt):
            if source.startswith("<!-->", lt) or source.startswith("<!--->", lt):
                pos = source.find(">", lt) + 1
                text_from = pos
                continue
            close = source.find("-->", lt + 4)
            end = n if close < 0 else close + 3
            reader.comment(lt, lt + 4, n if close < 0 else close, end)
            pos = end
        elif nxt == "/":
            name = _NAME.match(source, lt + 2)
            tag = name.group().lower() if name else ""
            if tag and tag[0].isascii() and tag[0].isalpha():
                gt = source.find(">", lt + 2)
                if gt < 0:
                    return  # the file ends inside an end tag: a browser drops it
                reader.end_tag(tag)
                pos = gt + 1
            elif source.startswith("</>", lt):
                pos = lt + 3
            else:  # a bogus comment such as "</ 3>"
                gt = source.find(">", lt + 2)
                pos = n if gt < 0 else gt + 1
        elif nxt.isascii() and nxt.isalpha():
            name = _NAME.match(source, lt + 1)
            tag = name.group().lower() if name else nxt.lower()
            attrs, self_closing, end = _tag_attrs(source, lt + 1 + len(tag), n)
            if end < 0:
                return  # the file ends inside a tag: a browser drops it
            reader.start_tag(tag, attrs, self_closing, lt, end)
            pos = end
            if tag in RAW_TEXT and not self_closing:
                pos = _raw_text_end(source, tag, end)
                reader.end_tag(tag)
        elif nxt in ("!", "?"):
            if source.startswith("<![CDATA[", lt):
                close = source.find("]]>", lt + 9)
                pos = n if close < 0 else close + 3
            else:
                gt = source.find(">", lt + 2)
                pos = n if gt < 0 else gt + 1
        text_from = pos
    reader.text(text_from, n)


def read_html(data: bytes, path: str, options: ReadOptions) -> Document:
    source, encoding, bom = decode(data, options.encoding)
    doc = html_document(source, path)
    doc.encoding = encoding
    doc.bom = bom
    return doc


def html_document(source: str, path: str, fmt: str = "html") -> Document:
    """The document for HTML ``source`` (already decoded)."""
    reader = _Reader(source)
    _tokenize(reader)
    reader.flush()
    doc = reader.builder.build(path, source, fmt)
    doc.suppressions = reader.suppressions
    return doc

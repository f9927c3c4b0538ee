"""Markdown, parsed with markdown-it-py (CommonMark) and its front-matter plugin.

Front matter, code blocks, raw HTML and HTML comments are not prose; block
quotes become "quote" blocks, headings "heading" blocks (a leading ``#``
heading is the headline), list items "list_item" blocks.  Inline markup is
dropped from the text (a link keeps its text, not its address) while every
kept character stays mapped to its own line and column.

markdown-it records only the source lines of a block, not where each inline
token came from, so the inline parser's state is replaced by a subclass that
notes the source offset of every run of literal text it collects and of every
token it pushes.  Those offsets are offsets into the block's inline content;
:class:`_ContentMap` carries them to the file, line by line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from types import MethodType
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from checker.document import BlockKind, Document, LineIndex, Suppression
from checker.readers import ReadError, ReadOptions
from checker.readers.builder import Piece, TextBuilder, parse_suppression
from checker.readers.decode import decode

# markdown-it gives up nesting (block quotes in block quotes, emphasis in
# emphasis) past this depth and reads the rest as plain text: no recursion
# limit can be reached, however deep the input.
_MAX_NESTING = 20
# markdown-it-py reads about a megabyte a second, and some constructs (long runs
# of unmatched emphasis markers or brackets) several times slower: past this
# size a file is refused rather than left to run for minutes
MAX_MARKDOWN_CHARS = 2_000_000

# (offset in pending text, offset in the inline content, length, verified)
_Chunk = tuple[int, int, int, bool]


class _TrackingState(StateInline):  # type: ignore[misc]
    """Inline parser state that remembers where its literal text came from."""

    def __init__(self, src: str, md: MarkdownIt, env: Any, outTokens: list[Token]) -> None:
        # set before the base initialiser, which may assign ``pending``
        self._nl_text = ""
        self._nl_parts: list[str] = []
        self._nl_length = 0
        self._nl_chunks: list[_Chunk] = []
        self.pos = 0
        super().__init__(src, md, env, outTokens)

    # ``pending`` holds literal text not yet flushed to a token
    @property  # type: ignore[override]
    def pending(self) -> str:
        if self._nl_parts:
            self._nl_text += "".join(self._nl_parts)
            self._nl_parts = []
        return self._nl_text

    @pending.setter
    def pending(self, value: str) -> None:
        current = self.pending
        if not value:
            self._nl_chunks = []
        elif current.startswith(value):
            # a rule trimmed trailing spaces before a line break
            kept: list[_Chunk] = []
            for at, src, length, ok in self._nl_chunks:
                if at >= len(value):
                    break
                kept.append((at, src, min(length, len(value) - at), ok))
            self._nl_chunks = kept
        elif value.startswith(current):
            self._nl_text = current
            self._nl_length = len(current)
            self.append_pending(value[len(current) :])
            return
        else:
            self._nl_chunks = [(0, self.pos, len(value), False)]
        self._nl_text = value
        self._nl_parts = []
        self._nl_length = len(value)

    def append_pending(self, text: str) -> None:
        # every built-in rule appends the source text at ``pos`` just before advancing past it
        pos = getattr(self, "pos", 0)
        ok = self.src.startswith(text, pos)
        chunks = self._nl_chunks
        if ok and chunks:
            at, src, length, was_ok = chunks[-1]
            if was_ok and at + length == self._nl_length and src + length == pos:
                chunks[-1] = (at, src, length + len(text), True)
                self._nl_parts.append(text)
                self._nl_length += len(text)
                return
        chunks.append((self._nl_length, pos, len(text), ok))
        self._nl_parts.append(text)
        self._nl_length += len(text)

    def pushPending(self) -> Token:
        chunks = self._nl_chunks
        self._nl_chunks = []
        token: Token = super().pushPending()
        token.meta["nl_chunks"] = chunks
        return token

    def push(self, ttype: str, tag: str, nesting: Any) -> Token:
        token: Token = super().push(ttype, tag, nesting)
        token.meta["nl_pos"] = self.pos
        return token


def _tracked_parse(self: Any, src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> list[Token]:
    state = _TrackingState(src, md, env, tokens)
    self.tokenize(state)
    for rule in self.ruler2.getRules(""):
        rule(state)
    return state.tokens


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).use(front_matter_plugin)
    # keep escapes, entities and unused emphasis markers as tokens of their own,
    # each with its own source position, rather than merged into their neighbours
    for chain, name in ((md.core.ruler, "text_join"), (md.inline.ruler2, "fragments_join")):
        if name in chain.get_all_rules():
            chain.disable(name)
    md.inline.parse = MethodType(_tracked_parse, md.inline)  # type: ignore[method-assign]
    return md


class _ContentMap:
    """Offsets of a block's inline content (its lines, with block markers such as
    ``>`` and indentation removed) to offsets of the source."""

    def __init__(self, source: str, lines: LineIndex, content: str, first_line: int, heading_markup: str = "") -> None:
        self.source = source
        self.content = content
        self.starts: list[int] = []  # content offset of each content line
        self.src: list[int] = []  # source offset of each content line
        self.ok: list[bool] = []  # content line equals its source text
        self.breaks: list[tuple[int, int]] = []  # source range of each line's line break
        at = 0
        for i, text in enumerate(content.split("\n")):
            number = min(first_line + i + 1, lines.line_count)
            start = lines.line_start(number)
            after = lines.line_end(number)
            body_end = after
            while body_end > start and source[body_end - 1] in "\r\n":
                body_end -= 1
            x, ok = self._locate(text, start, body_end, heading_markup if i == 0 else "")
            self.starts.append(at)
            self.src.append(x)
            self.ok.append(ok)
            self.breaks.append((body_end, after))
            at += len(text) + 1

    def _locate(self, text: str, start: int, body_end: int, heading_markup: str) -> tuple[int, bool]:
        source = self.source
        if heading_markup:
            hash_at = source.find(heading_markup, start, body_end)
            if hash_at >= 0:
                x = hash_at + len(heading_markup)
                while x < body_end and source[x] in " \t":
                    x += 1
                if source.startswith(text, x):
                    return x, True
        if source.endswith(text, start, body_end):
            return body_end - len(text), True
        end = body_end
        while end > start and source[end - 1] in " \t":
            end -= 1
        if source.endswith(text, start, end):
            return end - len(text), True
        x = start
        while x < body_end and source[x] in " \t>":
            x += 1
        return x, False

    def _line(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def to_source(self, offset: int) -> int:
        i = self._line(offset)
        within = offset - self.starts[i]
        line_length = (self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.content)) - self.starts[i]
        if within >= line_length:
            return self.breaks[i][0]
        return self.src[i] + within if self.ok[i] else self.src[i]

    def to_source_end(self, end: int) -> int:
        if end <= 0:
            return self.to_source(0)
        i = self._line(end - 1)
        within = end - self.starts[i]
        line_length = (self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.content)) - self.starts[i]
        if within > line_length:
            return self.breaks[i][1]
        return self.src[i] + within if self.ok[i] else self.breaks[i][0]

    def pieces(self, start: int, end: int) -> list[Piece]:
        """``content[start:end]`` as pieces, split at line breaks."""
        out: list[Piece] = []
        content = self.content
        pos = start
        while pos < end:
            i = self._line(pos)
            line_end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(content)
            if pos >= line_end:
                # the line break itself ("\r\n" or "\r" in the file: markdown-it reads "\n")
                brk = self.breaks[i]
                if self.source[brk[0] : brk[1]] == "\n":
                    out.append(Piece("\n", brk[0], brk[1]))
                else:
                    # never a one-to-one run: "\n" does not stand for "\r" character for character
                    out.append(Piece("\n", brk[0], brk[0] if brk[1] - brk[0] == 1 else brk[1]))
                pos += 1
                continue
            stop = min(end, line_end)
            text = content[pos:stop]
            if self.ok[i]:
                out.append(Piece(text, self.src[i] + pos - self.starts[i]))
            else:
                out.append(Piece(text, self.src[i], self.breaks[i][0]))
            pos = stop
        return out

    def replaced(self, text: str, start: int, end: int) -> Piece:
        """``text`` standing for ``content[start:end]`` (an entity or an escape)."""
        return Piece(text, self.to_source(start), self.to_source_end(end))


_MARKERS = frozenset({"text", "em_open", "em_close", "strong_open", "strong_close"})


def _inline_pieces(token: Token, cmap: _ContentMap, on_comment: Any) -> list[Piece]:
    content = cmap.content
    pieces: list[Piece] = []
    run_pos, run_used = -1, 0  # emphasis markers pushed at one position, one character each
    for child in token.children or []:
        kind = child.type
        meta = child.meta or {}
        if kind == "text" and "nl_chunks" in meta:
            for at, src, length, ok in meta["nl_chunks"]:
                text = child.content[at : at + length]
                if ok and content.startswith(text, src):
                    pieces.extend(cmap.pieces(src, src + length))
                else:
                    pieces.append(cmap.replaced(text, src, src + length))
            continue
        if kind in _MARKERS and "nl_pos" in meta:
            pos = meta["nl_pos"]
            at = pos + (run_used if run_pos == pos else 0)
            run_pos, run_used = pos, at - pos + 1
            text = child.content if kind == "text" else ""
            if not text:
                continue
            # a marker left over as text, or an autolink's address just after its "<"
            for where in (at, pos + 1):
                if content.startswith(text, where):
                    pieces.extend(cmap.pieces(where, where + len(text)))
                    break
            else:
                pieces.append(cmap.replaced(text, pos, pos + len(text)))
            continue
        pos = meta.get("nl_pos")
        if pos is None:
            continue
        if kind == "text_special":
            raw = child.markup or child.content
            if child.content == raw and content.startswith(raw, pos):
                pieces.extend(cmap.pieces(pos, pos + len(raw)))
            else:
                pieces.append(cmap.replaced(child.content, pos, pos + len(raw)))
        elif kind == "code_inline":
            inner_start = pos + len(child.markup)
            close = content.find(child.markup, inner_start)
            inner_end = close if close >= 0 else inner_start + len(child.content)
            raw = content[inner_start:inner_end]
            if raw.startswith((" ", "\n")) and raw.endswith((" ", "\n")) and raw.strip():
                inner_start += 1
                inner_end -= 1
            pieces.extend(cmap.pieces(inner_start, inner_end))
        elif kind in ("softbreak", "hardbreak"):
            brk = content.find("\n", pos)
            if brk >= 0:
                pieces.extend(cmap.pieces(brk, brk + 1))
            else:
                pieces.append(Piece("\n", None))
        elif kind == "html_inline":
            raw = child.content
            if raw.startswith("<!--"):
                on_comment(raw, cmap.to_source(pos), cmap.to_source_end(pos + len(raw)))
            elif re.match(r"<br\b", raw, re.IGNORECASE):
                pieces.append(Piece("\n", None))
    return pieces


def _comments(raw: str):  # type: ignore[no-untyped-def]
    """(start, end) of each complete ``<!-- -->`` comment in ``raw``; linear time."""
    pos = 0
    while True:
        start = raw.find("<!--", pos)
        if start < 0:
            return
        end = raw.find("-->", start + 4)
        if end < 0:
            return
        yield start, end + 3
        pos = end + 3


def read_markdown(data: bytes, path: str, options: ReadOptions) -> Document:
    source, encoding, bom = decode(data, options.encoding)
    doc = markdown_document(source, path)
    doc.encoding = encoding
    doc.bom = bom
    return doc


def markdown_document(source: str, path: str, fmt: str = "markdown") -> Document:
    """The document for Markdown ``source`` (already decoded)."""
    if len(source) > MAX_MARKDOWN_CHARS:
        raise ReadError(
            f"too long to read as Markdown ({len(source):,} characters; the limit is {MAX_MARKDOWN_CHARS:,}): "
            "split it, or check it as plain text"
        )
    lines = LineIndex(source)
    builder = TextBuilder()
    suppressions: list[Suppression] = []

    def on_comment(raw: str, src_start: int, src_end: int) -> None:
        body = raw[4:-3] if raw.endswith("-->") else raw[4:]
        sup = parse_suppression(body, lines.position(src_start)[0], lines.position(max(src_start, src_end - 1))[0])
        if sup is not None:
            suppressions.append(sup)

    tokens = _parser().parse(source)
    containers: list[str] = []
    heading = ""
    heading_markup = ""
    for token in tokens:
        kind = token.type
        if kind in ("blockquote_open", "list_item_open"):
            containers.append(kind)
        elif kind in ("blockquote_close", "list_item_close"):
            if containers:
                containers.pop()
        elif kind == "heading_open":
            heading = token.tag
            heading_markup = token.markup if token.markup.startswith("#") else ""
        elif kind == "heading_close":
            heading = ""
            heading_markup = ""
        elif kind == "html_block" and token.map:
            for start, end in _comments(token.content):
                first = token.map[0] + token.content.count("\n", 0, start) + 1
                last = token.map[0] + token.content.count("\n", 0, end - 1) + 1
                sup = parse_suppression(token.content[start + 4 : end - 3], first, last)
                if sup is not None:
                    suppressions.append(sup)
        elif kind == "inline" and token.map:
            cmap = _ContentMap(source, lines, token.content, token.map[0], heading_markup)
            block: BlockKind = "paragraph"
            if heading:
                block = "headline" if heading == "h1" and not builder.blocks else "heading"
            elif "blockquote_open" in containers:
                block = "quote"
            elif containers:
                block = "list_item"
            builder.add_block(block, _inline_pieces(token, cmap, on_comment))
    doc = builder.build(path, source, fmt)
    doc.suppressions = suppressions
    return doc

"""Assembling a document's text, blocks and source map piece by piece.

Readers that strip markup (Markdown, HTML, JSON strings, .docx) hand each run
of kept text to a :class:`TextBuilder` together with the source range it came
from.  The builder joins blocks with a blank line, so that no sentence can run
from one block into the next, and records one :class:`Segment` per run.
"""

from __future__ import annotations

import bisect
import re

from checker.document import Block, BlockKind, Document, Segment, SourceMap, Suppression

BLOCK_SEPARATOR = "\n\n"


class Piece:
    """A run of text and the source range ``[src_start, src_end)`` it stands for.

    When the lengths match the run maps character for character; otherwise
    the whole run stands for the whole source range (an entity, an escape).
    ``src_start`` is ``None`` for text the reader made up (a line break for
    ``<br>``).  A plain class rather than a dataclass: readers make one for
    every run of text, and this is the cheapest to build.
    """

    __slots__ = ("src_end", "src_start", "text")

    def __init__(self, text: str, src_start: int | None, src_end: int | None = None) -> None:
        self.text = text
        self.src_start = src_start
        self.src_end = src_start + len(text) if src_start is not None and src_end is None else src_end

    def __repr__(self) -> str:
        return f"Piece({self.text!r}, {self.src_start}, {self.src_end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Piece) and (self.text, self.src_start, self.src_end) == (
            other.text,
            other.src_start,
            other.src_end,
        )

    __hash__ = None  # type: ignore[assignment]

    @property
    def linear(self) -> bool:
        return (
            self.src_start is not None and self.src_end is not None and self.src_end - self.src_start == len(self.text)
        )


def _trim(pieces: list[Piece]) -> list[Piece]:
    """Drop white space at both ends of a block, keeping each kept piece's mapping exact."""
    out = list(pieces)
    while out:
        first = out[0]
        stripped = first.text.lstrip()
        if not stripped:
            out.pop(0)
            continue
        cut = len(first.text) - len(stripped)
        if cut:
            if first.linear and first.src_start is not None:
                out[0] = Piece(stripped, first.src_start + cut)
            else:
                out[0] = Piece(stripped, first.src_start, first.src_end)
        break
    while out:
        last = out[-1]
        stripped = last.text.rstrip()
        if not stripped:
            out.pop()
            continue
        if len(stripped) != len(last.text):
            if last.linear and last.src_start is not None:
                out[-1] = Piece(stripped, last.src_start)
            else:
                out[-1] = Piece(stripped, last.src_start, last.src_end)
        break
    return out


class TextBuilder:
    """Collects blocks of text with their source ranges and builds a :class:`Document`."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.segments: list[Segment] = []
        self.blocks: list[Block] = []

    @property
    def length(self) -> int:
        return self._length

    def _append(self, piece: Piece) -> None:
        start = self._length
        self._parts.append(piece.text)
        self._length += len(piece.text)
        if piece.src_start is None or piece.src_end is None or not piece.text:
            return
        segs = self.segments
        if piece.linear and segs:
            last = segs[-1]
            if last.linear and last.text_end == start and last.src_end == piece.src_start:
                segs[-1] = Segment(last.text_start, self._length, last.src_start, piece.src_end)
                return
        segs.append(Segment(start, self._length, piece.src_start, piece.src_end))

    def add_block(self, kind: BlockKind, pieces: list[Piece]) -> Block | None:
        """Append a block made of ``pieces`` (trimmed of outer white space); None if it is empty."""
        kept = _trim(pieces)
        if not kept:
            return None
        if self.blocks:
            self._append(Piece(BLOCK_SEPARATOR, None))
        start = self._length
        for piece in kept:
            self._append(piece)
        block = Block(kind, start, self._length)
        self.blocks.append(block)
        return block

    @property
    def text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def source_map(self, source: str) -> SourceMap:
        return SourceMap(source, list(self.segments))

    def build(self, path: str, source: str, fmt: str) -> Document:
        return Document(
            path=path, text=self.text, blocks=list(self.blocks), source_map=self.source_map(source), format=fmt
        )


def segments_of(pieces: list[Piece]) -> list[Segment]:
    """The segments of a text made of ``pieces`` laid end to end."""
    builder = TextBuilder()
    for piece in pieces:
        builder._append(piece)
    return builder.segments


def block_pieces(doc: Document, block: Block) -> list[Piece]:
    """A block of ``doc`` as pieces mapped into ``doc``'s source (to rebuild it inside another document)."""
    text = doc.text
    out: list[Piece] = []
    pos = block.start
    segments = doc.source_map.segments
    first = max(0, bisect.bisect_right([s.text_start for s in segments], block.start) - 1)
    for seg in segments[first:]:
        if seg.text_end <= block.start:
            continue
        if seg.text_start >= block.end:
            break
        if seg.text_start > pos:
            out.append(Piece(text[pos : seg.text_start], None))
            pos = seg.text_start
        start, end = max(seg.text_start, pos), min(seg.text_end, block.end)
        if seg.linear:
            out.append(Piece(text[start:end], seg.src_start + start - seg.text_start))
        else:
            out.append(Piece(text[start:end], seg.src_start, seg.src_end))
        pos = end
    if pos < block.end:
        out.append(Piece(text[pos : block.end], None))
    return out


# ``newslint-disable RULE, RULE``; an optional ``-- reason`` may follow the rules.
_SUPPRESSION = re.compile(r"\s*newslint-(disable-next-line|disable|enable)(?![\w-])(.*)", re.IGNORECASE | re.DOTALL)
_RULE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def parse_suppression(comment: str, line: int, end_line: int | None = None) -> Suppression | None:
    """A suppression from the body of a comment (the text between ``<!--`` and ``-->``).

    ``line`` is the source line where the comment starts; ``end_line`` where it
    ends (``disable-next-line`` counts from there).
    """
    m = _SUPPRESSION.match(comment)
    if m is None:
        return None
    action = m.group(1).lower()
    rest = m.group(2).split(" -- ", 1)[0]
    rules = tuple(r.lower() for r in _RULE_ID.findall(rest))
    where = end_line if action == "disable-next-line" and end_line is not None else line
    if action == "disable":
        return Suppression("disable", rules, where)
    if action == "enable":
        return Suppression("enable", rules, where)
    return Suppression("disable-next-line", rules, where)

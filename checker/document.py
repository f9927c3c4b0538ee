"""The document model: the plain text that rules analyse, its blocks, and a
source map from every text offset back to the user's file.

Offsets inside, line and column only at the edge: rules work with 0-based
character offsets into ``Document.text``; :class:`SourceMap` turns them into
1-based (line, column) positions in the file as the user has it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal[
    "headline",  # the story's title (first line of a wire text, <h1>, "headline" field)
    "heading",  # a subheading inside the body
    "paragraph",
    "quote",  # a block quotation (Markdown ">" or <blockquote>)
    "caption",  # a photo caption (<figcaption>)
    "list_item",
    "furniture",  # navigation, footers, asides: page furniture, not copy
    "code",  # code blocks: never prose
]

PROSE_BLOCKS: frozenset[str] = frozenset({"headline", "heading", "paragraph", "quote", "caption", "list_item"})


@dataclass(frozen=True, slots=True)
class Block:
    """A block of the document, as a span ``[start, end)`` of ``Document.text``."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text that came from one run of the source.

    When the two lengths are equal the run maps character for character;
    otherwise (an entity such as ``&amp;``, an escape such as ``\\u00e9``)
    every character of the text run stands for the whole source run.
    """

    text_start: int
    text_end: int
    src_start: int
    src_end: int

    @property
    def linear(self) -> bool:
        return self.text_end - self.text_start == self.src_end - self.src_start


class LineIndex:
    """Turns character offsets of a source string into 1-based (line, column).

    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``; columns count characters
    (code points), so a multi-byte character is one column.
    """

    __slots__ = ("_starts", "_length")

    def __init__(self, source: str) -> None:
        starts = [0]
        i = 0
        n = len(source)
        find_n = source.find
        if "\r" not in source:
            while True:
                i = find_n("\n", i)
                if i < 0:
                    break
                i += 1
                starts.append(i)
        else:
            while i < n:
                c = source[i]
                if c == "\n":
                    starts.append(i + 1)
                elif c == "\r":
                    if i + 1 < n and source[i + 1] == "\n":
                        i += 1
                    starts.append(i + 1)
                i += 1
        self._starts = starts
        self._length = n

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._length))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]

    def line_end(self, line: int) -> int:
        """Offset just past the last character of 1-based ``line`` (before its break)."""
        if line < len(self._starts):
            end = self._starts[line]
        else:
            return self._length
        return end


class SourceMap:
    """Maps offsets of a document's text to offsets (and lines, columns) of its source.

    ``segments`` are sorted and non-overlapping in text space; text outside
    every segment (a newline a reader inserted between blocks, say) maps to the
    nearest preceding segment's end.  With no segments the map is the identity.
    """

    __slots__ = ("source", "segments", "_starts", "_lines", "_identity")

    def __init__(self, source: str, segments: list[Segment] | None = None) -> None:
        self.source = source
        self._identity = segments is None
        self.segments = segments or []
        self._starts = [s.text_start for s in self.segments]
        self._lines: LineIndex | None = None

    @classmethod
    def identity(cls, source: str) -> SourceMap:
        return cls(source, None)

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines

    def _segment(self, offset: int) -> Segment | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return self.segments[0] if self.segments else None
        return self.segments[i]

    def to_source(self, offset: int) -> int:
        """Source offset of the text character at ``offset``."""
        if self._identity:
            return offset
        seg = self._segment(offset)
        if seg is None:
            return 0
        if offset >= seg.text_end:
            return seg.src_end
        if seg.linear:
            return seg.src_start + (offset - seg.text_start)
        return seg.src_start

    def to_source_end(self, end: int) -> int:
        """Source offset just past the text span that ends (exclusively) at ``end``."""
        if self._identity:
            return end
        if end <= 0:
            return self.to_source(0)
        seg = self._segment(end - 1)
        if seg is None:
            return 0
        if end - 1 >= seg.text_end:
            return seg.src_end
        if seg.linear:
            return seg.src_start + (end - seg.text_start)
        return seg.src_end

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source of the text character at ``offset``."""
        return self.lines.position(self.to_source(offset))

    def end_position(self, end: int) -> tuple[int, int]:
        """1-based (line, column) just past a text span ending at ``end``.

        Columns are exclusive ends, as in the JSON contract's ``end_column``.
        """
        return self.lines.position(self.to_source_end(end))

    def source_line(self, line: int) -> str:
        lines = self.lines
        return self.source[lines.line_start(line) : lines.line_end(line)].rstrip("\r\n")

    def compose(self, outer: SourceMap) -> SourceMap:
        """A map from this map's text to ``outer``'s source, where this map's
        source is ``outer``'s text (an HTML body inside a JSON string, say)."""
        if outer._identity:
            return SourceMap(outer.source, list(self.segments) if not self._identity else None)
        inner = self.segments if not self._identity else [Segment(0, len(self.source), 0, len(self.source))]
        out: list[Segment] = []
        for seg in inner:
            if not seg.linear:
                out.append(
                    Segment(
                        seg.text_start, seg.text_end, outer.to_source(seg.src_start), outer.to_source_end(seg.src_end)
                    )
                )
                continue
            # split a linear run wherever the outer map changes segment
            t, s = seg.text_start, seg.src_start
            while t < seg.text_end:
                oseg = outer._segment(s)
                if oseg is None or s >= oseg.text_end:
                    stop = seg.text_end
                    out.append(Segment(t, stop, outer.to_source(s), outer.to_source_end(s + (stop - t))))
                    break
                run = min(seg.text_end - t, oseg.text_end - s)
                out.append(Segment(t, t + run, outer.to_source(s), outer.to_source_end(s + run)))
                t += run
                s += run
        return SourceMap(outer.source, out)


class _SectionMap(SourceMap):
    """The source map of a section of a document: offsets count from the
    section's start, positions are those of the whole file."""

    __slots__ = ("_parent", "_base")

    def __init__(self, parent: SourceMap, base: int) -> None:
        # shared, not copied: the section asks its parent for every position
        self.source = parent.source
        self.segments = parent.segments
        self._starts = parent._starts
        self._identity = parent._identity
        self._lines = None
        self._parent = parent
        self._base = base

    @property
    def lines(self) -> LineIndex:
        return self._parent.lines

    def to_source(self, offset: int) -> int:
        return self._parent.to_source(offset + self._base)

    def to_source_end(self, end: int) -> int:
        return self._parent.to_source_end(end + self._base)

    def compose(self, outer: SourceMap) -> SourceMap:
        raise NotImplementedError("a section's map is not composed")


@dataclass(frozen=True, slots=True)
class Suppression:
    """An inline ``newslint-disable`` / ``-enable`` / ``-disable-next-line`` comment.

    ``rules`` is empty for "every rule".  ``line`` is the 1-based source line of
    the comment.
    """

    action: Literal["disable", "enable", "disable-next-line"]
    rules: tuple[str, ...]
    line: int


@dataclass(slots=True)
class Document:
    """A file read for checking: its analysed text, blocks and source map."""

    path: str
    text: str
    blocks: list[Block]
    source_map: SourceMap
    format: str = "text"
    suppressions: list[Suppression] = field(default_factory=list)
    # "paragraph numbers stand for lines" in .docx; readers say what a line is
    line_label: str = "line"
    # how the file was encoded, so that --fix writes it back the same way
    encoding: str = "utf-8"
    bom: bool = False
    # an article's id inside a multi-article file (a JSON Lines export)
    article_id: str | None = None
    # False for a section of a very long document (Engine.check_document):
    # a judgement of the article as a whole does not apply to it
    whole: bool = True
    # the line of the file the source starts on: an article of a JSON Lines export read alone (a batch run)
    # names the lines of the export, not its own
    first_line: int = 1

    def line_of(self, offset: int) -> int:
        """The line of the file (or its label's unit) where the text character at ``offset`` stands."""
        return self.source_map.position(offset)[0] + self.first_line - 1

    def blocks_of(self, *kinds: str) -> list[Block]:
        return [b for b in self.blocks if b.kind in kinds]

    @property
    def prose_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in PROSE_BLOCKS]

    def block_at(self, offset: int) -> Block | None:
        starts = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i]
        return None

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def section(self, start: int, end: int, first_block: int, last_block: int) -> Document:
        """``text[start:end]``, holding blocks ``first_block`` to ``last_block``
        (inclusive), as a document of its own: its offsets count from ``start``
        and its source map gives positions in the whole file.  Suppressions
        stay with the whole document, where they are applied."""
        blocks = [Block(b.kind, b.start - start, b.end - start) for b in self.blocks[first_block : last_block + 1]]
        return Document(
            path=self.path,
            text=self.text[start:end],
            blocks=blocks,
            source_map=_SectionMap(self.source_map, start),
            format=self.format,
            line_label=self.line_label,
            encoding=self.encoding,
            bom=self.bom,
            article_id=self.article_id,
            whole=False,
            first_line=self.first_line,
        )

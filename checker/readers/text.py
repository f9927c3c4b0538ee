"""Plain text: a wire export, one paragraph a line or hard-wrapped, blank lines between.

The analysed text is the file's text itself, so the source map is the
identity.  Blank lines separate blocks.  Inside a run of non-blank lines,
each line is a paragraph of its own (the wire layout, where a short label
such as "Advertisement" may sit between two paragraphs), unless the run is
hard-wrapped: every line but the last filled to about the same width and at
least one of them broken mid-sentence.  The first block is the headline
when it is a single short line with no closing full stop.  Line endings may
be ``\\n``, ``\\r\\n`` or a lone ``\\r``.
"""

from __future__ import annotations

import re

from checker.document import Block, BlockKind, Document, SourceMap
from checker.readers import ReadOptions
from checker.readers.decode import decode

_LINE = re.compile(r"[^\r\n]+")
_SENTENCE_END = (".", "!", "?", '"', "”", "'", "’", ":", ")", "…")
# hard-wrapped copy is rarely wider than this; a wire paragraph on one line usually is
_MAX_WRAP_WIDTH = 100
_HEADLINE_WORDS = 20


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_headline(text: str) -> bool:
    return "\n" not in text and "\r" not in text and len(text.split()) <= _HEADLINE_WORDS and not text.endswith(".")


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether a run of lines is one paragraph wrapped at a fixed width."""
    if len(lines) < 2:
        return False
    widths = [end - start for start, end in lines]
    width = max(widths)
    if width > _MAX_WRAP_WIDTH:
        return False
    # a wrapped line stops short of the width by at most about a word
    if any(w < 0.6 * width for w in widths[:-1]):
        return False
    return any(not text[start:end].endswith(_SENTENCE_END) for start, end in lines[:-1])


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of consecutive non-blank lines, each line as a trimmed span."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    pos = 0
    for m in _LINE.finditer(text):
        start, end = _trimmed(text, m.start(), m.end())
        # a gap of two or more line breaks since the previous line is a blank line
        gap = text[pos : m.start()]
        breaks = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
        if current and (breaks >= 2 or end <= start):
            runs.append(current)
            current = []
        if end > start:
            current.append((start, end))
        pos = m.end()
    if current:
        runs.append(current)
    return runs


def split_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for run in _runs(text):
        spans = [(run[0][0], run[-1][1])] if _hard_wrapped(text, run) else run
        for start, end in spans:
            kind: BlockKind = "paragraph"
            if not blocks and _is_headline(text[start:end]):
                kind = "headline"
            blocks.append(Block(kind, start, end))
    return blocks


def read_text(data: bytes, path: str, options: ReadOptions) -> Document:
    text, encoding, bom = decode(data, options.encoding)
    doc = Document(path=path, text=text, blocks=split_blocks(text), source_map=SourceMap.identity(text), format="text")
    doc.encoding = encoding
    doc.bom = bom
    return doc

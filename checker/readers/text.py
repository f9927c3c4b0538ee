"""Plain text: a wire export, one paragraph a line or wrapped, blank lines between.

The analysed text is the file's text itself, so the source map is the
identity.  Blocks are runs of non-blank lines; when a file has no blank
lines at all, each line is a paragraph.  The first block is the headline
when it is a single short line with no closing full stop.
"""

from __future__ import annotations

import re

from checker.document import Block, Document, SourceMap
from checker.readers import ReadOptions
from checker.readers.decode import decode

_BLANK_RUN = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*")
_LINE = re.compile(r"[^\r\n]+")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_headline(text: str) -> bool:
    return "\n" not in text and "\r" not in text and len(text.split()) <= 20 and not text.rstrip().endswith(".")


def split_blocks(text: str) -> list[Block]:
    spans: list[tuple[int, int]] = []
    if _BLANK_RUN.search(text):
        pos = 0
        for m in _BLANK_RUN.finditer(text):
            spans.append(_trimmed(text, pos, m.start()))
            pos = m.end()
        spans.append(_trimmed(text, pos, len(text)))
    else:
        spans = [_trimmed(text, m.start(), m.end()) for m in _LINE.finditer(text)]
    blocks: list[Block] = []
    for start, end in spans:
        if end <= start:
            continue
        kind = "headline" if not blocks and _is_headline(text[start:end]) else "paragraph"
        blocks.append(Block(kind, start, end))
    return blocks


def read_text(data: bytes, path: str, options: ReadOptions) -> Document:
    text, encoding, bom = decode(data, options.encoding)
    doc = Document(path=path, text=text, blocks=split_blocks(text), source_map=SourceMap.identity(text), format="text")
    doc.encoding = encoding
    doc.bom = bom
    return doc

"""Word ``.docx`` files, read with python-docx; paragraph numbers stand for lines.

The source the map points into is made up: every paragraph of the body
(those inside tables too, in document order) on a line of its own, so that
a position reads "paragraph 12, column 5".  A line break inside a paragraph
becomes a space there, so that it does not shift the numbering.  Title and
heading styles make headline and heading blocks.

A .docx is a zip archive, and a zip archive can claim to unpack to far more
than it holds: the declared sizes are checked with :mod:`zipfile` before
python-docx opens anything.
"""

from __future__ import annotations

import gc
import io
import zipfile
from functools import cache
from typing import Any

from checker.document import Block, BlockKind, Document, Segment, SourceMap
from checker.readers import ReadError, ReadOptions
from checker.readers.builder import BLOCK_SEPARATOR

# An article's document.xml is some kilobytes; a long report some megabytes.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_MEMBER = 100 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # deflate rarely packs XML more than about 20 to 1
MAX_PARAGRAPHS = 200_000


def _check_archive(data: bytes) -> None:
    if not data:
        raise ReadError("empty file, not a Word document")
    if not data.startswith(b"PK"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise ReadError("an old Word document (.doc), not .docx: save it as .docx")
        raise ReadError("not a Word .docx file (it is not a zip archive)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError) as err:
        # NotImplementedError: a header that claims a zip version or compression method zipfile lacks
        raise ReadError(f"not a Word .docx file (damaged zip archive: {err})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ReadError(f"not a Word .docx file (the archive holds {len(infos):,} files)")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_MEMBER or total > MAX_UNPACKED:
                raise ReadError(
                    f"refusing to unpack: the archive declares {total:,} bytes or more of content "
                    f"(limit {MAX_UNPACKED:,}); it may be a zip bomb"
                )
            if info.compress_size and info.file_size > 1024 * 1024 and info.file_size / info.compress_size > MAX_RATIO:
                raise ReadError(
                    f"refusing to unpack {info.filename}: it expands {info.file_size // info.compress_size:,} times; "
                    "it may be a zip bomb"
                )
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names:
            raise ReadError("a zip archive, but not a Word .docx file (no word/document.xml)")


def _kind(style: str, first: bool, seen_title: bool) -> BlockKind:
    name = style.lower()
    if name == "title":
        return "heading" if seen_title else "headline"
    if name.startswith("heading"):
        return "headline" if first and not seen_title and name in ("heading 1", "heading1") else "heading"
    if name in ("caption",):
        return "caption"
    if "quote" in name:
        return "quote"
    if name.startswith("list"):
        return "list_item"
    return "paragraph"


def _paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(text, style name) of every paragraph, in document order."""
    import docx  # python-docx: imported only when a .docx is read
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
        styles = {s.style_id: s.name or "" for s in document.styles}
    except Exception as err:  # python-docx and lxml raise many kinds for a damaged package
        raise ReadError(f"cannot read as a Word document: {err}") from None
    p_tag, t_tag, tab, br, cr = qn("w:p"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
    ppr_tag, style_tag, val = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
    body = document.element.body
    if not _tangled()(body):
        return _flat_paragraphs(body, styles)
    out: list[tuple[str, str]] = []
    # the XML is walked directly: building python-docx objects for every run
    # costs a hundred times more on a long document
    for p in body.iter(p_tag):
        if len(out) >= MAX_PARAGRAPHS:
            raise ReadError(f"more than {MAX_PARAGRAPHS:,} paragraphs: too long to check as one article")
        parts = []
        for el in p.iter(t_tag, tab, br, cr):
            if el.tag == t_tag:
                parts.append(el.text or "")
            elif el.tag == tab:
                parts.append("\t")
            else:
                parts.append(" ")
        style = ""
        ppr = p.find(ppr_tag)  # lxml's own lookup: python-docx's property costs ten times more
        if ppr is not None:
            ref = ppr.find(style_tag)
            if ref is not None:
                style = styles.get(ref.get(val) or "", "")
        out.append(("".join(parts), style))
    return out


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@cache
def _tangled() -> Any:
    """A test for a paragraph inside a paragraph (a text box) or text outside
    every paragraph: then each paragraph's text is gathered from its own subtree."""
    from lxml import etree  # with python-docx, only when a .docx is read

    return etree.XPath(
        "boolean(.//w:p//w:p | .//w:t[not(ancestor::w:p)] | .//w:tab[not(ancestor::w:p)]"
        " | .//w:br[not(ancestor::w:p)] | .//w:cr[not(ancestor::w:p)])",
        namespaces={"w": _W},
    )


def _flat_paragraphs(body: Any, styles: dict[str, str]) -> list[tuple[str, str]]:
    """What the walk of each paragraph's subtree in :func:`_paragraphs` finds,
    in one walk of the body: right when no paragraph holds another and all
    text is inside a paragraph, and several times faster on a long document."""
    p_tag, t_tag, tab = f"{{{_W}}}p", f"{{{_W}}}t", f"{{{_W}}}tab"
    ppr_tag, style_tag, val = f"{{{_W}}}pPr", f"{{{_W}}}pStyle", f"{{{_W}}}val"
    out: list[tuple[str, str]] = []
    parts: list[str] = []
    current: Any = None
    ppr: Any = None
    for el in body.iter(p_tag, t_tag, tab, f"{{{_W}}}br", f"{{{_W}}}cr", ppr_tag):
        tag = el.tag
        if tag == t_tag:
            parts.append(el.text or "")
        elif tag == p_tag:
            if current is not None:
                out.append(("".join(parts), _style(ppr, style_tag, val, styles)))
            if len(out) >= MAX_PARAGRAPHS:
                raise ReadError(f"more than {MAX_PARAGRAPHS:,} paragraphs: too long to check as one article")
            current, ppr, parts = el, None, []
        elif tag == ppr_tag:
            # the paragraph's own properties: its first pPr child, not a tracked change's old ones
            if ppr is None and el.getparent() is current:
                ppr = el
        elif tag == tab:
            parts.append("\t")
        else:
            parts.append(" ")
    if current is not None:
        out.append(("".join(parts), _style(ppr, style_tag, val, styles)))
    return out


def _style(ppr: Any, style_tag: str, val: str, styles: dict[str, str]) -> str:
    if ppr is None:
        return ""
    ref = ppr.find(style_tag)
    return "" if ref is None else styles.get(ref.get(val) or "", "")


# A frozen data class's __init__ sets each field through object.__setattr__; a
# long report has a block and a segment for each of its paragraphs, so they are
# made by setting the slots directly: the same objects at half the cost
_new = object.__new__
_set_text_start, _set_text_end, _set_src_start, _set_src_end = (
    getattr(Segment, name).__set__ for name in ("text_start", "text_end", "src_start", "src_end")
)
_set_kind, _set_start, _set_end = (getattr(Block, name).__set__ for name in ("kind", "start", "end"))


def read_docx(data: bytes, path: str, options: ReadOptions) -> Document:
    _check_archive(data)
    # a long report makes a block, a segment and a string or two for each of its paragraphs
    # and frees almost nothing: the garbage collections they would trigger walk them again and
    # again and find nothing to free, so the collector waits until the document is built
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        return _read(data, path)
    finally:
        if collecting:
            gc.enable()


def _read(data: bytes, path: str) -> Document:
    paragraphs = _paragraphs(data)
    lines: list[str] = []
    parts: list[str] = []
    blocks: list[Block] = []
    segments: list[Segment] = []
    offset = 0
    length = 0
    seen_title = False
    kinds: dict[tuple[str, bool, bool], BlockKind] = {}  # a document has a handful of styles
    # what TextBuilder would make of one piece per block, made directly: each
    # block is one line's text without its outer white space, mapped character
    # for character, and blocks are joined by BLOCK_SEPARATOR (a long report
    # has a hundred thousand paragraphs, and the general builder costs more)
    for text, style in paragraphs:
        # one paragraph, one line: breaks and tabs inside it become spaces
        line = text
        if "\n" in line or "\r" in line or "\v" in line:
            line = line.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\v", " ")
        lines.append(line)
        body = line.strip()
        if body:
            key = (style, not blocks, seen_title)
            kind = kinds.get(key)
            if kind is None:
                kind = kinds[key] = _kind(style, not blocks, seen_title)
            if kind == "headline":
                seen_title = True
            if blocks:
                parts.append(BLOCK_SEPARATOR)
                length += len(BLOCK_SEPARATOR)
            lead = offset + len(line) - len(line.lstrip())
            parts.append(body)
            # Segment(length, length + len(body), lead, lead + len(body)) and Block(kind, length,
            # length + len(body)), made without the frozen classes' __init__ (see _new)
            segment = _new(Segment)
            _set_text_start(segment, length)
            _set_text_end(segment, length + len(body))
            _set_src_start(segment, lead)
            _set_src_end(segment, lead + len(body))
            segments.append(segment)
            block = _new(Block)
            _set_kind(block, kind)
            _set_start(block, length)
            _set_end(block, length + len(body))
            blocks.append(block)
            length += len(body)
        offset += len(line) + 1
    source = "\n".join(lines)
    doc = Document(path=path, text="".join(parts), blocks=blocks, source_map=SourceMap(source, segments), format="docx")
    doc.line_label = "paragraph"
    return doc

"""Word .docx reader: paragraph numbers as lines, styles as block kinds, damaged and hostile files."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import docx
import pytest
from conftest import engine_for, lint

from checker.readers import ReadError, read_bytes

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def minimal_docx(paragraphs: list[str]) -> bytes:
    """A bare .docx written directly (fast even for many paragraphs)."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document)
    return out.getvalue()


def styled_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Flood warning issued", style="Title")
    d.add_paragraph("")
    d.add_paragraph("The river rose on Tuesday. Advertisement")
    d.add_paragraph("Background", style="Heading 1")
    p = d.add_paragraph("Café owner ")
    p.add_run("said").bold = True
    p.add_run(" 😀 it was bad.")
    d.add_paragraph("Leave now, she said.", style="Quote")
    d.add_paragraph("First point", style="List Bullet")
    d.add_paragraph("Photo: Agency", style="Caption")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_styles_give_block_kinds_and_paragraphs_are_lines() -> None:
    doc = read_bytes(styled_docx(), "story.docx")[0]
    assert doc.line_label == "paragraph"
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("headline", "Flood warning issued"),
        ("paragraph", "The river rose on Tuesday. Advertisement"),
        ("heading", "Background"),
        ("paragraph", "Café owner said 😀 it was bad."),
        ("quote", "Leave now, she said."),
        ("list_item", "First point"),
        ("caption", "Photo: Agency"),
    ]
    said = doc.text.index("said")
    assert doc.source_map.position(said) == (5, 12)
    bad = doc.text.index("bad")
    assert doc.source_map.position(bad) == (5, 26)


def test_findings_point_at_paragraph_and_character() -> None:
    engine = engine_for("boilerplate")
    (result,) = engine.check_path("story.docx", data=styled_docx())
    assert result.result.error is None
    (d,) = result.result.diagnostics
    assert (d.line, d.column, d.end_line, d.end_column) == (3, 28, 3, 41)


def test_line_break_inside_a_paragraph_does_not_shift_numbering() -> None:
    d = docx.Document()
    p = d.add_paragraph("First half")
    p.add_run().add_break()
    p.add_run("second half.")
    d.add_paragraph("Next paragraph.")
    out = io.BytesIO()
    d.save(out)
    doc = read_bytes(out.getvalue(), "a.docx")[0]
    assert doc.source_map.position(doc.text.index("Next")) == (2, 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"just some text", "not a Word .docx file (it is not a zip archive)"),
        (b"", "empty file"),
        (b"PK\x03\x04broken", "damaged zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Word document"),
    ],
)
def test_not_a_docx(data: bytes, message: str) -> None:
    (result,) = engine_for("boilerplate").check_path("bad.docx", data=data)
    assert result.result.error is not None and message in result.result.error


def test_zip_without_word_parts() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ReadError, match=r"not a Word \.docx file"):
        read_bytes(out.getvalue(), "a.docx")


def test_zip_bomb_is_refused_before_unpacking() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))
    data = out.getvalue()
    assert len(data) < 200_000
    (result,) = engine_for("boilerplate").check_path("bomb.docx", data=data)
    assert result.result.error is not None and "zip bomb" in result.result.error


def test_declared_size_over_the_cap_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        for i in range(3):
            z.writestr(f"word/media/pad{i}.bin", b"x" * 1024)
    data = bytearray(out.getvalue())
    # forge the central directory's uncompressed sizes, as a bomb would
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        data[pos + 24 : pos + 28] = (90 * 1024 * 1024).to_bytes(4, "little")
        pos += 4
    with pytest.raises(ReadError, match="zip bomb"):
        read_bytes(bytes(data), "a.docx")


def test_many_paragraphs_are_read() -> None:
    data = minimal_docx([f"Paragraph number {i}." for i in range(100_000)])
    doc = read_bytes(data, "long.docx")[0]
    assert len(doc.blocks) == 100_000
    last = doc.blocks[-1]
    assert doc.source_map.position(last.start) == (100_000, 1)


def test_lint_helper_reads_docx_too() -> None:
    assert lint("Headline\n\nAdvertisement\n", "boilerplate")[0].line == 3


def test_zip_version_zipfile_cannot_read_is_a_clear_error() -> None:
    data = bytearray(minimal_docx(["A paragraph."]))
    central = data.find(b"PK\x01\x02")
    data[central + 6 : central + 8] = (80).to_bytes(2, "little")  # "version needed to extract": 8.0
    with pytest.raises(ReadError, match="damaged zip archive"):
        read_bytes(bytes(data), "draft.docx")

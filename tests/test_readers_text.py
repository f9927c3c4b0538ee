"""Plain-text reader and decoding: blocks, exact positions, encodings, bad bytes."""

from __future__ import annotations

import codecs

import pytest
from conftest import engine_for, lint

from checker.readers import ReadError, read_bytes
from checker.readers.decode import decode


def blocks(data: bytes, path: str = "a.txt") -> list[tuple[str, str]]:
    doc = read_bytes(data, path)[0]
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def test_wire_layout_blank_lines_between_paragraphs() -> None:
    text = "Council approves budget\n\nThe council met on Monday.\n\nIt voted to close the pool.\n"
    assert blocks(text.encode()) == [
        ("headline", "Council approves budget"),
        ("paragraph", "The council met on Monday."),
        ("paragraph", "It voted to close the pool."),
    ]


def test_one_paragraph_a_line_without_blank_lines() -> None:
    text = (
        "Council approves budget\n\nThe council met on Monday to vote on the budget for next year.\n"
        "Advertisement\nIt voted to close the pool, which has been losing money for years.\n"
    )
    assert [k for k, _ in blocks(text.encode())] == ["headline", "paragraph", "paragraph", "paragraph"]
    assert blocks(text.encode())[2] == ("paragraph", "Advertisement")


def test_hard_wrapped_paragraph_is_one_block() -> None:
    text = (
        "Headline\n\n"
        "The council met on Monday evening to vote on the budget for next\n"
        "year, and after a long debate it agreed to close the swimming pool\n"
        "in the spring.\n\n"
        "Second paragraph.\n"
    )
    got = blocks(text.encode())
    assert got[1][0] == "paragraph" and got[1][1].startswith("The council") and got[1][1].endswith("spring.")
    assert len(got) == 3


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_positions_with_every_line_ending(eol: str) -> None:
    text = eol.join(["Headline", "", "The council met.", "", "Advertisement", ""])
    (d,) = lint(text, "boilerplate")
    assert (d.line, d.column, d.end_line, d.end_column) == (5, 1, 5, 14)


def test_multibyte_characters_count_as_one_column() -> None:
    text = "Headline\n\nCafé 😀 owner speaks. Advertisement\n"
    (d,) = lint(text, "boilerplate")
    assert (d.line, d.column, d.end_column) == (3, 22, 35)


def test_utf8_bom_is_kept_and_not_counted() -> None:
    data = codecs.BOM_UTF8 + b"Headline\n\nAdvertisement\n"
    doc = read_bytes(data, "a.txt")[0]
    assert (doc.encoding, doc.bom) == ("utf-8", True)
    assert doc.source_map.position(doc.blocks[1].start) == (3, 1)


@pytest.mark.parametrize(("codec", "name"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_utf16_with_bom(codec: str, name: str) -> None:
    data = "\ufeffHeadline\r\n\r\nCafé text.\r\n".encode(codec)
    doc = read_bytes(data, "a.txt")[0]
    assert (doc.encoding, doc.bom) == (name, True)
    assert doc.text.startswith("Headline")


def test_utf32_with_bom() -> None:
    doc = read_bytes(codecs.BOM_UTF32_LE + "Headline\n".encode("utf-32-le"), "a.txt")[0]
    assert (doc.encoding, doc.bom, doc.text) == ("utf-32-le", True, "Headline\n")


def test_utf16_without_bom_is_recognised() -> None:
    text, encoding, bom = decode("Plain words here\n".encode("utf-16-le"))
    assert (text, encoding, bom) == ("Plain words here\n", "utf-16-le", False)


def test_invalid_utf8_names_line_and_byte_and_hints_windows_1252() -> None:
    data = b"Headline\n\nThe caf" + "é “said”\n".encode("cp1252")
    with pytest.raises(ReadError) as err:
        read_bytes(data, "a.txt")
    assert err.value.line == 3
    assert "byte 0xe9 at line 3, byte column 8" in str(err.value)
    assert "Windows-1252" in str(err.value)


def test_forced_encoding_reads_windows_1252() -> None:
    data = "Headline\n\nCafé “quoted”\n".encode("cp1252")
    doc = read_bytes(data, "a.txt", options=engine_for("boilerplate").read_options("cp1252"))[0]
    assert doc.encoding == "cp1252" and "Café “quoted”" in doc.text


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG"),
        (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
        (b"\x7fELF\x02\x01\x01" + bytes(64), "executable"),
        (b"abc\x00def" * 10, "NUL"),
        (bytes(range(1, 9)) * 100, "control characters"),
    ],
)
def test_binary_files_are_refused_with_a_reason(data: bytes, what: str) -> None:
    results = engine_for("boilerplate").check_path("picture.txt", data=data)
    error = results[0].result.error
    assert error is not None and error.startswith("picture.txt: binary file") and what in error


def test_empty_file_has_no_blocks_and_no_error() -> None:
    results = engine_for("boilerplate").check_path("empty.txt", data=b"")
    assert results[0].result.error is None and results[0].result.diagnostics == []


def test_long_single_line_and_many_cr_lines_are_read() -> None:
    doc = read_bytes(b"word " * 200_000, "a.txt")[0]
    assert len(doc.blocks) == 1
    doc = read_bytes(b"Line one.\rLine two.\r\r" * 20_000, "a.txt")[0]
    assert len(doc.blocks) == 40_000
    assert doc.source_map.position(doc.blocks[-1].start) == (59_999, 1)

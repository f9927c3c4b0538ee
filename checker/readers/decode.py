"""Bytes to text, with a clear error for what is not text.

The encoding and byte-order mark found here are kept on the document, so
that ``--fix`` writes the file back exactly as it came.
"""

from __future__ import annotations

import codecs

from checker.readers import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# binary formats people rename to .txt by mistake
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, WAV audio or AVI video)"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (a .docx, perhaps: give it the .docx extension)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh91AY&SY", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Office document (.doc): save it as .docx"),
    (b"{\\rtf", "a rich-text (.rtf) document: save it as .docx or plain text"),
    (b"OggS", "an Ogg audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
)

# bytes that never occur in text: C0 controls other than tab, line feed, form
# feed, carriage return and escape
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_SAMPLE = 8192


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ``sample`` looks like BOM-less UTF-16 (mostly ASCII)."""
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _decode_strict(data: bytes, name: str, what: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as err:
        raise ReadError(f"not valid {what}: {err.reason} at byte {err.start}") from None


def _with_bom(data: bytes) -> tuple[str, str, bool] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _decode_strict(data[len(bom) :], name, f"{name.upper()} after its byte-order mark")
            return text, name, True
    return None


def _forced(data: bytes, encoding: str) -> tuple[str, str, bool]:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise ReadError(f"unknown encoding {encoding!r}") from None
    if name in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        # these families carry their own byte-order mark: honour it
        found = _with_bom(data)
        if found is not None:
            return found
        if name == "utf-16":
            name = "utf-16-le"
        elif name == "utf-32":
            name = "utf-32-le"
        else:
            name = "utf-8"
    try:
        text = data.decode(name)
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise ReadError(f"cannot decode as {encoding}: {err.reason} at line {line} (byte {err.start})", line) from None
    bom = text.startswith("\ufeff")
    return (text[1:] if bom else text), name, bom


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str, bool]:
    """Decode ``data``; returns (text, encoding, had_bom).

    Raises :class:`ReadError` for binary data or text that is not valid in
    the detected (or given) encoding, naming the line of the first bad byte.
    """
    if encoding:
        return _forced(data, encoding)
    found = _with_bom(data)
    if found is not None:
        return found
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(f"binary file ({what}), not text")
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        utf16 = _utf16_without_bom(sample)
        if utf16 is not None:
            return _decode_strict(data, utf16, utf16.upper()), utf16, False
        raise ReadError("binary file (contains NUL bytes), not text")
    if sample and sum(sample.count(c) for c in _CONTROL) > 0.05 * len(sample):
        raise ReadError("binary file (mostly control characters), not text")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        if b"\n" not in data and b"\r" in data:
            line = data.count(b"\r", 0, err.start) + 1
        line_start = max(data.rfind(b"\n", 0, err.start), data.rfind(b"\r", 0, err.start)) + 1
        column = err.start - line_start + 1
        hint = ""
        if err.reason != "unexpected end of data" or err.end < len(data):
            try:
                data.decode("cp1252")
                hint = "; it looks like Windows-1252: re-save it as UTF-8 or pass --encoding cp1252"
            except UnicodeDecodeError:
                hint = "; it may be Latin-1: re-save it as UTF-8 or pass --encoding latin-1"
        raise ReadError(
            f"not valid UTF-8: byte 0x{data[err.start]:02x} at line {line}, byte column {column}{hint}", line
        ) from None

"""Bytes to text, with a clear error for what is not text."""

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
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (a .docx, perhaps: give it the .docx extension)"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Office document (.doc): save it as .docx"),
)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str, bool]:
    """Decode ``data``; returns (text, encoding, had_bom).

    Raises :class:`ReadError` for binary data or text that is not valid in
    the detected (or given) encoding, naming the line of the first bad byte.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding, False
        except (UnicodeDecodeError, LookupError) as err:
            raise ReadError(f"cannot decode as {encoding}: {err}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), name, True
            except UnicodeDecodeError as err:
                raise ReadError(f"invalid {name} after its byte-order mark: {err.reason}") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(f"binary file ({what}), not text")
    if b"\x00" in data[:8192]:
        raise ReadError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        hint = ""
        try:
            data.decode("cp1252")
            hint = "; it looks like Windows-1252: re-save it as UTF-8 or pass --encoding cp1252"
        except UnicodeDecodeError:
            pass
        raise ReadError(
            f"not valid UTF-8: byte 0x{data[err.start]:02x} at line {line}, byte column {column}{hint}", line
        ) from None

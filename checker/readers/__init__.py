"""Readers turn a file into a :class:`~checker.document.Document`.

Each reader keeps an exact source map, so every character of the analysed
text can be placed at its line and column in the user's file.  Readers are
chosen by file extension (or by ``--stdin-filename`` for standard input) and
imported lazily.
"""

from __future__ import annotations

import importlib
import stat
from dataclasses import dataclass, field
from pathlib import Path

from checker.document import Document

READERS: dict[str, str] = {
    "text": "checker.readers.text:read_text",
    "markdown": "checker.readers.markdown:read_markdown",
    "html": "checker.readers.html:read_html",
    "docx": "checker.readers.docx:read_docx",
    "json": "checker.readers.cms_json:read_json",
    "jsonl": "checker.readers.cms_json:read_jsonl",
}

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


class ReadError(Exception):
    """A file that could not be read as an article; the message says what and where."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(slots=True)
class ReadOptions:
    """What a reader may need beyond the bytes."""

    encoding: str | None = None  # force an encoding instead of detecting it
    json_fields: dict[str, str] = field(default_factory=dict)
    max_file_size: int | None = None


def format_for(path: str | Path) -> str | None:
    return EXTENSIONS.get(Path(path).suffix.lower())


def read_bytes(data: bytes, path: str, fmt: str | None = None, options: ReadOptions | None = None) -> list[Document]:
    """Read ``data`` (the contents of ``path``) as documents.

    A file is one document, except a JSON Lines export, which holds one
    article a line.
    """
    options = options or ReadOptions()
    fmt = fmt or format_for(path) or "text"
    target = READERS.get(fmt)
    if target is None:
        raise ReadError(f"unknown input format {fmt!r}")
    if options.max_file_size is not None and len(data) > options.max_file_size:
        raise ReadError(
            f"file is {len(data):,} bytes, over the limit of {options.max_file_size:,} (set max-file-size to raise it)"
        )
    module, _, attr = target.partition(":")
    reader = getattr(importlib.import_module(module), attr)
    result = reader(data, path, options)
    return result if isinstance(result, list) else [result]


def read_path(path: str | Path, fmt: str | None = None, options: ReadOptions | None = None) -> list[Document]:
    path = Path(path)
    options = options or ReadOptions()
    limit = options.max_file_size
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            # a device or a pipe has no size to check and may never end
            raise ReadError("not a regular file (a device, pipe or socket)")
        if limit is not None and info.st_size > limit:
            raise ReadError(
                f"file is {info.st_size:,} bytes, over the limit of {limit:,} (set max-file-size to raise it)"
            )
        with path.open("rb") as fh:
            # never more than the limit, even if the file grows while it is read
            data = fh.read(limit + 1) if limit is not None else fh.read()
        if limit is not None and len(data) > limit:
            raise ReadError(f"file grew past the limit of {limit:,} bytes while being read")
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as err:
        raise ReadError(f"cannot read: {err.strerror or err}") from None
    return read_bytes(data, str(path), fmt, options)

"""What a batch reads: article files and JSON Lines exports, local or behind an
fsspec URL, cut into partitions (the units of work a worker takes at a time).

Folders, files and glob patterns on the local disk are found exactly as
``newslint check`` finds them, so an article has the same path in both
reports.  Anything with a ``://`` is an fsspec URL (``s3://``, ``gs://``,
``file://``, ...) and needs that backend installed.

A JSON Lines export is not read here: it is cut into byte ranges, and the
worker that takes a range reads the lines that *start* in it, so a file of
any size is listed without reading it (only its first block is sampled, to
size the ranges).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.readers import EXTENSIONS
from checker.runner import collect_files

JSONL_SUFFIXES = (".jsonl", ".ndjson")
SAMPLE_BYTES = 256 * 1024
MIN_BLOCK = 64 * 1024


class InputError(Exception):
    """An input that matches nothing or cannot be listed."""


@dataclass(frozen=True, slots=True)
class FilesPart:
    """Whole files, one article each (a CMS JSON file may hold several)."""

    index: int
    paths: tuple[str, ...]

    @property
    def estimate(self) -> int:
        return len(self.paths)


@dataclass(frozen=True, slots=True)
class LinesPart:
    """The lines of a JSON Lines export that start in bytes ``[start, end)``;
    ``skip`` holds the offsets of lines already done in an earlier run."""

    index: int
    url: str
    start: int
    end: int
    estimate: int
    skip: frozenset[int] = field(default_factory=frozenset)
    newlines_before: int = -1  # newlines in bytes [0, start): numbers the lines; -1 when not counted


Partition = FilesPart | LinesPart


def is_url(path: str) -> bool:
    return "://" in path


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def open_binary(url: str) -> Any:
    """A binary file object for a local path or an fsspec URL."""
    if not is_url(url):
        return open(url, "rb")
    import fsspec

    return fsspec.open(url, "rb").open()


def read_all(url: str) -> bytes:
    if not is_url(url):
        return Path(url).read_bytes()
    with open_binary(url) as fh:
        data: bytes = fh.read()
        return data


def _remote_files(url: str) -> list[tuple[str, int | None]]:
    import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    if fs.isdir(path):
        found = fs.find(path, detail=True)
        names = sorted(p for p, info in found.items() if info.get("type") != "directory")
    elif glob.has_magic(path):
        names = sorted(fs.glob(path))
    elif fs.exists(path):
        names = [path]
    else:
        raise InputError(f"{url}: no such file or folder")
    out = []
    for name in names:
        base = name.rsplit("/", 1)[-1]
        suffix = os.path.splitext(base)[1].lower()
        if base.startswith(".") or (suffix not in EXTENSIONS and name != path):
            continue
        full = fs.unstrip_protocol(name)
        out.append((full, fs.size(name) if is_jsonl(name) else None))
    if not out:
        raise InputError(f"{url}: no article file found")
    return out


@dataclass(slots=True)
class Listing:
    """Article files, JSON Lines exports (with their sizes), and inputs that failed."""

    files: list[str] = field(default_factory=list)
    exports: list[tuple[str, int]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (input, what went wrong)


def list_inputs(inputs: Iterable[str], exclude: list[str] | None = None) -> Listing:
    listing = Listing()
    local = [i for i in inputs if not is_url(i)]
    remote = [i for i in inputs if is_url(i)]
    if local:
        files, missing = collect_files(local, exclude)
        listing.errors.extend((m.path, m.error or f"{m.path}: cannot read") for m in missing)
        for path in files:
            if is_jsonl(path):
                listing.exports.append((path, os.path.getsize(path)))
            else:
                listing.files.append(path)
    for url in remote:
        try:
            for name, size in _remote_files(url):
                if size is not None:
                    listing.exports.append((name, size))
                else:
                    listing.files.append(name)
        except InputError as err:
            listing.errors.append((url, str(err)))
        except (OSError, ValueError, ImportError) as err:
            listing.errors.append((url, f"{url}: cannot list: {err}"))
    return listing


def mean_line_bytes(url: str) -> float:
    """The mean length of a line in the first block of an export."""
    with open_binary(url) as fh:
        sample: bytes = fh.read(SAMPLE_BYTES)
    lines = sample.count(b"\n")
    return len(sample) / max(1, lines)


def partitions(
    listing: Listing,
    size: int,
    done_paths: set[str] | None = None,
    done_offsets: dict[str, set[int]] | None = None,
) -> list[Partition]:
    """Work units of about ``size`` articles, leaving out what is already done."""
    done_paths = done_paths or set()
    done_offsets = done_offsets or {}
    parts: list[Partition] = []
    todo = [p for p in listing.files if p not in done_paths]
    for i in range(0, len(todo), size):
        parts.append(FilesPart(len(parts), tuple(todo[i : i + size])))
    for url, total in listing.exports:
        if total == 0:
            continue
        mean = mean_line_bytes(url)
        block = max(MIN_BLOCK, int(mean * size))
        skip = done_offsets.get(url, set())
        for start, end in _ranges(total, block):
            inside = frozenset(o for o in skip if start <= o < end)
            estimate = max(1, round((end - start) / mean)) - len(inside)
            parts.append(LinesPart(len(parts), url, start, end, max(0, estimate), inside))
    return parts


def _ranges(total: int, block: int) -> Iterator[tuple[int, int]]:
    start = 0
    while start < total:
        yield start, min(total, start + block)
        start += block


def read_lines(part: LinesPart) -> Iterator[tuple[int, bytes]]:
    """``(offset, line)`` for every line that starts inside the part's range."""
    for offset, _number, line in numbered_lines(part):
        yield offset, line


def numbered_lines(part: LinesPart) -> Iterator[tuple[int, int, bytes]]:
    """``(offset, 1-based line number, line)`` for every line that starts inside
    the part's range; the number is 0 when ``newlines_before`` is unknown."""
    counted = part.newlines_before >= 0
    newlines = part.newlines_before
    with open_binary(part.url) as fh:
        if part.start > 0:
            fh.seek(part.start - 1)
            # the rest of a line that belongs to the previous range
            if fh.read(1) != b"\n" and fh.readline().endswith(b"\n"):
                newlines += 1
        while True:
            offset = fh.tell()
            if offset >= part.end:
                return
            line = fh.readline()
            if not line:
                return
            yield offset, newlines + 1 if counted else 0, line
            if line.endswith(b"\n"):
                newlines += 1


def count_newlines(part: LinesPart) -> int:
    """Newlines in the part's bytes, to number the lines of the parts after it."""
    with open_binary(part.url) as fh:
        fh.seek(part.start)
        data: bytes = fh.read(part.end - part.start)
    return data.count(b"\n")


def read_line_at(url: str, offset: int) -> bytes:
    with open_binary(url) as fh:
        fh.seek(offset)
        line: bytes = fh.readline()
        return line

"""The batch report: JSON Lines appended as partitions finish, and what an
earlier, interrupted run already wrote.

One line per article: ``{"path": ..., "findings": [...]}`` in the JSON
contract of ``newslint check`` (plus ``source`` and ``offset`` for an article
of a JSON Lines export).  Cross-article duplicates come after every article
is checked, as lines with ``"pass": "duplicates"``; a run ends with a line
holding only ``{"summary": {...}}``.  Every write is a whole number of lines,
flushed at once, so an interrupted run loses at most the partitions in
flight; a line cut short by a crash is dropped when the run is resumed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any


@dataclass(slots=True)
class Done:
    """What an earlier run wrote: article paths, export line offsets, and the
    articles whose duplicate findings are already out."""

    paths: set[str] = field(default_factory=set)
    offsets: dict[str, set[int]] = field(default_factory=dict)
    duplicates: set[str] = field(default_factory=set)

    def __len__(self) -> int:
        return len(self.paths)


def _complete_lines(path: str) -> int:
    """The length of the file up to its last complete line."""
    with open(path, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        if size == 0:
            return 0
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return size
        # walk back to the last newline
        pos = size
        chunk = 64 * 1024
        while pos > 0:
            step = min(chunk, pos)
            pos -= step
            fh.seek(pos)
            block = fh.read(step)
            cut = block.rfind(b"\n")
            if cut >= 0:
                return pos + cut + 1
        return 0


def repair(path: str) -> None:
    """Drop a line cut short by an interrupted write."""
    if not os.path.exists(path):
        return
    keep = _complete_lines(path)
    if keep != os.path.getsize(path):
        with open(path, "r+b") as fh:
            fh.truncate(keep)


def read_done(path: str) -> Done:
    done = Done()
    if not os.path.exists(path):
        return done
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if not isinstance(record, dict) or "path" not in record:
                continue
            if record.get("pass") == "duplicates":
                done.duplicates.add(record["path"])
                continue
            done.paths.add(record["path"])
            if "offset" in record and "source" in record:
                done.offsets.setdefault(record["source"], set()).add(record["offset"])
    return done


class LineWriter:
    """Appends whole lines to a file and flushes after each batch of them."""

    def __init__(self, path: str, *, append: bool) -> None:
        if append:
            repair(path)
        self.path = path
        self._fh: IO[str] = open(path, "a" if append else "w", encoding="utf-8")  # noqa: SIM115 - closed in close()

    def write_records(self, records: Iterable[dict[str, Any]]) -> None:
        self.write_lines(json.dumps(r, ensure_ascii=False) for r in records)

    def write_lines(self, lines: Iterable[str]) -> None:
        text = "".join(line + "\n" for line in lines)
        if text:
            self._fh.write(text)
            self._fh.flush()

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> LineWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

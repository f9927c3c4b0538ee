"""Applying fixes: one applier for every rule, over source offsets.

Only fixes marked ``safe`` are applied.  Overlapping edits are skipped (the
first in file order wins); a second run then finds nothing left to apply.
Writes go to a temporary file in the same folder and replace the original
with an atomic rename, keeping its encoding, byte-order mark, line endings
and permissions, and only if the file has not changed since it was read.
"""

from __future__ import annotations

import difflib
import html
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.findings import Diagnostic

FIXABLE_FORMATS = {"text", "markdown", "html"}


class FixError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class FixPlan:
    path: str
    original: str
    fixed: str
    applied: int
    skipped: int


def plan_fixes(path: str, source: str, fmt: str, diagnostics: Sequence[Diagnostic], *, unsafe: bool = False) -> FixPlan:
    edits: list[tuple[int, int, str]] = []
    for d in diagnostics:
        if d.fix is None:
            continue
        if d.fix.applicability != "safe" and not (unsafe and d.fix.applicability == "unsafe"):
            continue
        replacement = html.escape(d.fix.replacement, quote=False) if fmt == "html" else d.fix.replacement
        edits.append((d.fix.src_start, d.fix.src_end, replacement))
    edits.sort()
    chosen: list[tuple[int, int, str]] = []
    last_end = -1
    skipped = 0
    for start, end, replacement in edits:
        if start < last_end or (chosen and start == chosen[-1][0] and start == end):
            skipped += 1
            continue
        chosen.append((start, end, replacement))
        last_end = end
    pieces = []
    pos = 0
    for start, end, replacement in chosen:
        pieces.append(source[pos:start])
        pieces.append(replacement)
        pos = end
    pieces.append(source[pos:])
    return FixPlan(path, source, "".join(pieces), len(chosen), skipped)


def unified_diff(plan: FixPlan) -> str:
    return "".join(
        difflib.unified_diff(
            plan.original.splitlines(keepends=True),
            plan.fixed.splitlines(keepends=True),
            fromfile=f"a/{plan.path}",
            tofile=f"b/{plan.path}",
        )
    )


def write_atomically(path: str, text: str, encoding: str, bom: bool, expected: bytes) -> None:
    """Replace ``path`` with ``text`` unless its bytes are no longer ``expected``."""
    # a symbolic link stays a link: the file it points to is the one rewritten
    target = Path(path).resolve()
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as err:
        raise FixError(
            f"{path}: a fix holds {text[err.start : err.end]!r}, which {encoding} cannot store; not fixed"
        ) from None
    if bom:
        data = ("\ufeff".encode(encoding)) + data
    current = target.read_bytes()
    if current != expected:
        raise FixError(f"{path}: changed since it was read; not fixed (run again)")
    mode = stat.S_IMODE(target.stat().st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise

"""The default report: ``path:line:col rule message``, the source line with the
span underlined, and a summary.  Colour only on a terminal (``NO_COLOR`` respected)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from checker.findings import FileResult, Severity
from checker.reporters import ReportContext, summary

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def report(results: Sequence[FileResult], out: TextIO, ctx: ReportContext) -> None:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if ctx.color else text

    for r in results:
        if r.error:
            out.write(paint("error", _COLORS[Severity.ERROR]) + f": {r.error}\n")
        for notice in r.notices:
            if not ctx.quiet:
                out.write(paint("note", _DIM) + f": {r.path}: {notice}\n")
        source_lines = r.source_lines
        for d in r.diagnostics:
            where = paint(f"{r.path}:{d.line}:{d.column}", _BOLD)
            sev = paint(str(d.severity), _COLORS[d.severity])
            out.write(f"{where}: {sev} {paint(d.rule, _DIM)} {d.message}\n")
            if ctx.quiet:
                continue
            line_text = source_lines.get(d.line) if source_lines else None
            if line_text is not None:
                width = (d.end_column - d.column) if d.end_line == d.line else len(line_text) - d.column + 1
                # a tab would push the text right of the carets under it
                shown, offset = _window(line_text.replace("\t", " "), d.column - 1)
                out.write(f"  {shown}\n")
                out.write(
                    "  "
                    + " " * (d.column - 1 - offset)
                    + paint("^" * max(1, min(width, 100)), _COLORS[d.severity])
                    + "\n"
                )
            for rel in d.related:
                where_rel = f"{rel.path}:" if rel.path else ""
                out.write(f"  {paint('related', _DIM)} {where_rel}{rel.line}:{rel.column}: {rel.message}\n")
            if d.fix is not None:
                out.write(f"  {paint('suggestion', _DIM)}: replace with {d.fix.replacement!r}\n")
    counts = summary(results)
    if ctx.statistics:
        by_rule = Counter(d.rule for r in results for d in r.diagnostics)
        out.write("findings per rule:\n")
        for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"{n:6}  {rule}\n")
    parts = [f"{counts['files']} file{'s' if counts['files'] != 1 else ''} checked"]
    parts.append(f"{counts['findings']} finding{'s' if counts['findings'] != 1 else ''}")
    if counts["findings"]:
        parts[-1] += (
            f" ({_plural(counts['errors'], 'error')}, {_plural(counts['warnings'], 'warning')}, {counts['infos']} info)"
        )
    if counts["unreadable"]:
        parts.append(f"{counts['unreadable']} could not be read")
    out.write(", ".join(parts) + ".\n")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _window(line: str, col: int, width: int = 120) -> tuple[str, int]:
    """A slice of a long line around ``col``, marked with an ellipsis where it
    is cut, and the offset to subtract from a column to place the caret under it."""
    if len(line) <= width:
        return line, 0
    start = max(0, min(col - 20, len(line) - width))
    shown = line[start : start + width]
    if start + width < len(line):
        shown += "…"
    if start > 0:
        return "…" + shown, start - 1
    return shown, 0

"""GitHub Actions workflow commands: one annotation a finding.

``::warning file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE``.
GitHub reads the command up to the line's end, so the message escapes ``%``,
carriage returns and newlines, and property values escape ``:`` and ``,``
as well (its documented encoding).  Info findings are ``notice`` annotations;
a file that could not be read is an ``error`` annotation on the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from checker.findings import FileResult, Severity
from checker.reporters import ReportContext, summary

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def report(results: Sequence[FileResult], out: TextIO, ctx: ReportContext) -> None:
    for r in results:
        if r.error:
            out.write(command("error", r.error, file=r.source or r.path, title="newslint: unreadable file") + "\n")
        for d in r.diagnostics:
            message = d.message
            if d.related:
                message += "".join(
                    f"\n{rel.path + ':' if rel.path else ''}{rel.line}:{rel.column}: {rel.message}" for rel in d.related
                )
            if d.fix is not None:
                message += f"\nsuggestion: replace with {d.fix.replacement!r}"
            out.write(
                command(
                    COMMANDS[d.severity],
                    message,
                    file=r.source or r.path,
                    line=d.line,
                    col=d.column,
                    endLine=d.end_line,
                    endColumn=d.end_column,
                    title=f"newslint {d.rule}",
                )
                + "\n"
            )
    if not ctx.quiet:
        counts = summary(results)
        out.write(
            f"newslint: {counts['files']} file(s) checked, {counts['findings']} finding(s), "
            f"{counts['unreadable']} unreadable\n"
        )

"""The JSON report: the contract in DESIGN.md, one object for the whole run."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from checker.findings import FileResult
from checker.reporters import ReportContext, summary


def as_dict(results: Sequence[FileResult]) -> dict[str, object]:
    files = []
    for r in results:
        entry: dict[str, object] = {"path": r.path, "findings": [d.as_dict() for d in r.diagnostics]}
        if r.error:
            entry["error"] = r.error
        if r.notices:
            entry["notices"] = list(r.notices)
        files.append(entry)
    counts = summary(results)
    return {
        "version": 1,
        "files": files,
        "summary": {
            "files": counts["files"],
            "findings": counts["findings"],
            "errors": counts["errors"],
            "warnings": counts["warnings"],
            "infos": counts["infos"],
            "unreadable": counts["unreadable"],
        },
    }


def report(results: Sequence[FileResult], out: TextIO, ctx: ReportContext) -> None:
    json.dump(as_dict(results), out, ensure_ascii=False, indent=2)
    out.write("\n")

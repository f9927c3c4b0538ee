"""Reporters render the same :class:`~checker.findings.FileResult` objects in
different formats.  Each format lives in its own module, imported on demand."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from checker.findings import FileResult, Severity

REPORTERS: dict[str, str] = {
    "text": "checker.reporters.text:report",
    "json": "checker.reporters.json:report",
    "sarif": "checker.reporters.sarif:report",
    "github": "checker.reporters.github:report",
}


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What a reporter may need besides the results."""

    color: bool = False
    statistics: bool = False
    quiet: bool = False
    rules: Sequence[object] = ()  # RuleSpec objects, for formats that carry rule metadata
    version: str = ""


Reporter = Callable[[Sequence[FileResult], TextIO, ReportContext], None]


def get_reporter(name: str) -> Reporter:
    try:
        target = REPORTERS[name]
    except KeyError:
        raise KeyError(f"unknown format {name!r} (expected {', '.join(REPORTERS)})") from None
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]


def summary(results: Sequence[FileResult]) -> dict[str, int]:
    counts = {"files": len(results), "findings": 0, "errors": 0, "warnings": 0, "infos": 0, "unreadable": 0}
    for r in results:
        if r.error:
            counts["unreadable"] += 1
        for d in r.diagnostics:
            counts["findings"] += 1
            if d.severity is Severity.ERROR:
                counts["errors"] += 1
            elif d.severity is Severity.WARNING:
                counts["warnings"] += 1
            else:
                counts["infos"] += 1
    return counts

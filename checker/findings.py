"""What rules report, in text offsets, and what reporters print, in lines and columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from checker.document import Document


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected info, warning or error)") from None

    def __str__(self) -> str:
        return self.name.lower()


Applicability = Literal["safe", "unsafe", "suggestion"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A fix: the edits that mend a finding, and how safe they are to apply unasked."""

    edits: tuple[Edit, ...]
    applicability: Applicability = "suggestion"

    @classmethod
    def replace(cls, start: int, end: int, replacement: str, applicability: Applicability = "suggestion") -> Fix:
        return cls((Edit(start, end, replacement),), applicability)


@dataclass(frozen=True, slots=True)
class Related:
    """The other side of a finding: an earlier count, the first copy of a paragraph.

    Within the same document it is a text span; in another file (a
    cross-file duplicate) it is already a resolved position.
    """

    start: int
    end: int
    message: str = ""
    path: str | None = None
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, as a span ``[start, end)`` of ``Document.text``."""

    rule: str
    start: int
    end: int
    message: str
    severity: Severity = Severity.WARNING
    related: tuple[Related, ...] = ()
    fix: Fix | None = None


# --- resolved, for reporters -------------------------------------------------


@dataclass(frozen=True, slots=True)
class Position:
    """A span as lines and columns of the source file, both 1-based."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class ReportedRelated:
    """A finding's related span, resolved to a line and column (and a file, when another)."""

    line: int
    column: int
    message: str
    path: str | None = None


@dataclass(frozen=True, slots=True)
class ReportedFix:
    """One edit of a fix, resolved to lines and columns of the source file."""

    replacement: str
    line: int
    column: int
    end_line: int
    end_column: int
    applicability: Applicability
    # offsets into the decoded source, for the fixer
    src_start: int = 0
    src_end: int = 0


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding placed in the user's file: what every reporter prints."""

    rule: str
    severity: Severity
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    excerpt: str
    related: tuple[ReportedRelated, ...] = ()
    fix: ReportedFix | None = None
    # the finding in text offsets, kept for fixes and highlighting
    start: int = 0
    end: int = 0

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "rule": self.rule,
            "severity": str(self.severity),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "excerpt": self.excerpt,
            "related": [
                {"line": r.line, "column": r.column, "message": r.message} | ({"path": r.path} if r.path else {})
                for r in self.related
            ],
        }
        if self.fix is not None:
            out["fix"] = {
                "replacement": self.fix.replacement,
                "line": self.fix.line,
                "column": self.fix.column,
                "end_line": self.fix.end_line,
                "end_column": self.fix.end_column,
            }
        return out


EXCERPT_LIMIT = 160


def resolve(finding: Finding, doc: Document) -> Diagnostic:
    """Place a finding in the user's file through the document's source map."""
    smap = doc.source_map
    start = max(0, min(finding.start, len(doc.text)))
    end = max(start, min(finding.end, len(doc.text)))
    line, column = smap.position(start)
    end_line, end_column = smap.end_position(end) if end > start else (line, column)
    excerpt = " ".join(doc.text[start:end].split())
    if len(excerpt) > EXCERPT_LIMIT:
        excerpt = excerpt[: EXCERPT_LIMIT - 1] + "…"
    related = []
    for r in finding.related:
        if r.line is not None:
            related.append(ReportedRelated(r.line, r.column or 1, r.message, r.path))
        else:
            rl, rc = smap.position(r.start)
            related.append(ReportedRelated(rl, rc, r.message, r.path))
    fix = None
    if finding.fix is not None and finding.fix.edits:
        edit = finding.fix.edits[0]
        fl, fc = smap.position(edit.start)
        fel, fec = smap.end_position(edit.end) if edit.end > edit.start else (fl, fc)
        fix = ReportedFix(
            edit.replacement,
            fl,
            fc,
            fel,
            fec,
            finding.fix.applicability,
            smap.to_source(edit.start),
            smap.to_source_end(edit.end) if edit.end > edit.start else smap.to_source(edit.start),
        )
    return Diagnostic(
        rule=finding.rule,
        severity=finding.severity,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        message=finding.message,
        excerpt=excerpt,
        related=tuple(related),
        fix=fix,
        start=start,
        end=end,
    )


@dataclass(slots=True)
class FileResult:
    """Everything a run says about one file."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None  # the file could not be read (exit code 2)
    # the file itself when ``path`` labels one article inside it ("export.jsonl#42")
    source: str | None = None
    notices: list[str] = field(default_factory=list)  # e.g. "grammar: no LanguageTool server configured"
    timings: dict[str, float] = field(default_factory=dict)
    # the source lines findings point at, for reporters that show them
    source_lines: dict[int, str] = field(default_factory=dict)

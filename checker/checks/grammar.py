"""Grammar and usage problems found by a LanguageTool server.

What it flags
-------------
What LanguageTool finds in the copy (paragraphs, block quotes, list items
and captions; headlines and page furniture are not sent): agreement errors,
wrong word forms, doubled words, confused words.  LanguageTool's message is
the finding's message, and its first replacement, if any, is offered as a
suggested fix.  Spelling (names!) and typography (house style for quotes
and dashes) are left out by default.

Why it matters
--------------
A grammar slip in published copy costs a newsroom credibility out of all
proportion to its size, and LanguageTool catches many that a tired eye
misses.

Example
-------
    The council have voted to closes the pool.

Fix
---
Correct the sentence; check the suggestion before accepting it.

The rule needs a LanguageTool server, which newslint never downloads or
starts by itself.  Point it at one in the configuration::

    [grammar]
    server = "http://localhost:8081"   # or set NEWSLINT_LANGUAGETOOL_URL
    language = "en-GB"                 # default en-US
    timeout = 10                       # seconds per document

or, with ``local = true``, at a LanguageTool already installed for
language_tool_python (which needs Java).  Without either, the rule says once
that it is unavailable and the run goes on.  Each document is sent in as
few requests as possible (one, unless it is very long), and a document that
takes longer than the timeout is left unchecked.  See docs/grammar.md.
"""

from __future__ import annotations

import bisect
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from checker.analysis import Facts
from checker.checks.base import Check, Param
from checker.document import Document
from checker.findings import Finding, Fix

CHECKED_BLOCKS = frozenset({"paragraph", "quote", "list_item", "caption"})
DEFAULT_LANGUAGE = "en-US"
DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class Piece:
    """A block of the document as it sits in a request's text."""

    request_start: int
    doc_start: int
    length: int


@dataclass(slots=True)
class Batch:
    """One request: the text sent and where each part came from."""

    text: str
    pieces: list[Piece]

    def to_document(self, offset: int, end: bool = False) -> int:
        """The document offset of a request offset (clamped to its block)."""
        starts = [p.request_start for p in self.pieces]
        i = max(0, bisect.bisect_right(starts, offset - (1 if end else 0)) - 1)
        piece = self.pieces[i]
        inside = min(max(offset - piece.request_start, 0), piece.length)
        return piece.doc_start + inside


def batches(doc: Document, max_chars: int) -> list[Batch]:
    """The copy of ``doc`` as request texts of at most ``max_chars`` characters
    (a single block longer than that is sent on its own), blocks separated by
    blank lines so that LanguageTool sees paragraph ends."""
    out: list[Batch] = []
    parts: list[str] = []
    pieces: list[Piece] = []
    length = 0
    for block in doc.blocks:
        if block.kind not in CHECKED_BLOCKS:
            continue
        text = doc.text[block.start : block.end]
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        if not body:
            continue
        if parts and length + 2 + len(body) > max_chars:
            out.append(Batch("".join(parts), pieces))
            parts, pieces, length = [], [], 0
        if parts:
            parts.append("\n\n")
            length += 2
        pieces.append(Piece(length, block.start + lead, len(body)))
        parts.append(body)
        length += len(body)
    if parts:
        out.append(Batch("".join(parts), pieces))
    return out


def _bounded_tool_class(timeout: float) -> Any:
    """language_tool_python's client with every request bounded by ``timeout``
    seconds (its own default is five minutes)."""
    from language_tool_python import LanguageTool

    return type("BoundedLanguageTool", (LanguageTool,), {"_TIMEOUT": timeout})


def installed_language_tool(version: str | None = None) -> str | None:
    """The version name of a LanguageTool already installed for
    language_tool_python (``version`` if given and present), or None.  Never
    downloads: only the installation folder is looked at."""
    try:
        from language_tool_python.download_lt import LocalLanguageTool
    except ImportError:
        return None
    installed = LocalLanguageTool.get_installed_versions()
    if version is not None:
        return version if any(v.version_name == version for v in installed) else None
    return max(installed).version_name if installed else None


class Grammar(Check):
    requires = ()
    params: ClassVar[dict[str, Param]] = {
        "disabled_categories": Param(
            list, ["TYPOS", "TYPOGRAPHY"], "LanguageTool categories never reported (names are not typos)"
        ),
        "disabled_rules": Param(list, [], "LanguageTool rule ids never reported"),
        "max_request_chars": Param(int, 20000, "the longest text sent in one request"),
        "max_suggestions": Param(int, 3, "the most replacements named in a message"),
    }

    def setup(self) -> None:
        settings: dict[str, Any] = dict(self.options.get("grammar") or {})
        self.server: str | None = settings.get("server") or None
        local = settings.get("local", False)
        self.language: str = str(settings.get("language") or DEFAULT_LANGUAGE)
        self.timeout: float = float(settings.get("timeout") or DEFAULT_TIMEOUT)
        self.disabled_rules = set(self.spec.params["disabled_rules"]) | set(settings.get("disabled-rules") or [])
        self.local_version: str | None = None
        self.notice: str | None = None
        self._tool: Any = None
        self._failed = False
        if self.server:
            return
        if local:
            self.local_version = installed_language_tool(local if isinstance(local, str) else None)
            if self.local_version is None:
                self.notice = "grammar.local is set but no LanguageTool installation was found; not checked"
            elif shutil.which("java") is None:
                self.local_version = None
                self.notice = "grammar.local needs Java, which is not on PATH; not checked"
            return
        self.notice = (
            "no LanguageTool server configured (set grammar.server in newslint.toml "
            "or NEWSLINT_LANGUAGETOOL_URL); not checked"
        )

    @property
    def available(self) -> bool:
        return not self._failed and (self.server is not None or self.local_version is not None)

    def _open(self) -> Any:
        if self._tool is None:
            cls = _bounded_tool_class(self.timeout)
            if self.server:
                self._tool = cls(self.language, remote_server=self.server)
            else:
                self._tool = cls(self.language, language_tool_download_version=self.local_version)
            self._tool.disabled_rules = set(self.disabled_rules)
            self._tool.disabled_categories = set(self.spec.params["disabled_categories"])
        return self._tool

    def _give_up(self, why: str) -> None:
        self._failed = True
        where = f"the LanguageTool server at {self.server}" if self.server else "the local LanguageTool"
        self.notice = f"{where} could not be used ({why}); grammar not checked"

    def run(self, doc: Document, facts: Facts) -> Iterable[Finding]:
        if not self.available:
            return []
        work = batches(doc, self.spec.params["max_request_chars"])
        if not work:
            return []
        try:
            tool = self._open()
        except Exception as err:  # any failure to reach the server: report once, go on
            self._give_up(_reason(err))
            return []
        deadline = time.monotonic() + self.timeout
        findings: list[Finding] = []
        for batch in work:
            if time.monotonic() > deadline:
                self.notice = f"{doc.path}: LanguageTool took longer than {self.timeout:g} s; the rest was not checked"
                break
            try:
                matches = tool.check(batch.text)
            except Exception as err:
                self._give_up(_reason(err))
                break
            findings.extend(self._finding(batch, m) for m in matches if m.rule_id not in self.disabled_rules)
        return findings

    def _finding(self, batch: Batch, match: Any) -> Finding:
        start = batch.to_document(match.offset)
        end = max(start, batch.to_document(match.offset + match.error_length, end=True))
        replacements = [r for r in match.replacements if isinstance(r, str)]
        shown = replacements[: self.spec.params["max_suggestions"]]
        suggestion = f" (suggestion: {', '.join(repr(r) for r in shown)})" if shown else ""
        message = self.format_message(message=match.message.rstrip(), rule=match.rule_id, suggestion=suggestion)
        fix = Fix.replace(start, end, replacements[0], "suggestion") if replacements else None
        return self.finding(start, end, message, fix=fix)

    def close(self) -> None:
        if self._tool is not None:
            try:
                self._tool.close()
            finally:
                self._tool = None


def _reason(err: BaseException) -> str:
    """The root cause of a failed request, in a line ("Connection refused", "Read timed out")."""
    root = err
    while root.__cause__ is not None or (root.__context__ is not None and not root.__suppress_context__):
        root = root.__cause__ or root.__context__  # type: ignore[assignment]
    text = str(root).strip().splitlines()[0] if str(root).strip() else type(root).__name__
    text = text.split(": ", 1)[-1] if text.startswith("<") else text
    return text[:160]

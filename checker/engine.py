"""The engine: loads rule packs and configuration, runs rules over documents,
applies suppressions and orders the findings."""

from __future__ import annotations

import fnmatch
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checker.analysis import LAYERS, Facts
from checker.checks import kind_class
from checker.checks.base import Check, RuleSpec
from checker.config import Config, ConfigError
from checker.document import Document
from checker.findings import Diagnostic, FileResult, Finding, Severity, resolve
from checker.packs import PackError, builtin_rules_dir, load_packs
from checker.readers import ReadError, ReadOptions, read_bytes, read_path

UNUSED_SUPPRESSION = "unused-suppression"


@dataclass(slots=True)
class DocumentResult:
    """One document's diagnostics, and what corpus rules keep of it."""

    result: FileResult
    summaries: dict[str, Any] = field(default_factory=dict)


class Engine:
    """Rules instantiated from packs and configuration, ready to check documents."""

    def __init__(self, config: Config | None = None, *, only: Iterable[str] | None = None) -> None:
        self.config = config or Config()
        folders = [builtin_rules_dir()] + [Path(p) for p in self.config.rule_packs]
        self.specs: list[RuleSpec] = load_packs(folders)
        known = {s.id for s in self.specs}
        for rule in [
            *(self.config.select or []),
            *self.config.extend_select,
            *self.config.ignore,
            *self.config.severity,
            *self.config.rules,
        ]:
            if rule not in known and rule != "ALL":
                raise ConfigError(f"{self.config.path or 'configuration'}: unknown rule id {rule!r}")
        self.enabled_ids = self._selection(only)
        self.rules: list[Check] = []
        for spec in self.specs:
            if spec.id not in self.enabled_ids:
                continue
            self.rules.append(self._instantiate(spec))

    def _selection(self, only: Iterable[str] | None) -> set[str]:
        cfg = self.config
        if only is not None:
            chosen = set(only)
        elif cfg.select is not None:
            chosen = {s.id for s in self.specs} if "ALL" in cfg.select else set(cfg.select)
        else:
            chosen = {s.id for s in self.specs if s.enabled}
        chosen |= set(cfg.extend_select)
        chosen -= set(cfg.ignore)
        return chosen

    def _instantiate(self, spec: RuleSpec) -> Check:
        cls = kind_class(spec.kind)
        for layer in cls.requires:
            if layer not in LAYERS:
                raise ConfigError(f"{spec.pack}:{spec.line}: kind {spec.kind!r} requires unknown analysis {layer!r}")
        overrides = self.config.rules.get(spec.id, {})
        params = dict(spec.params)
        for key, value in overrides.items():
            if key not in cls.params:
                raise ConfigError(
                    f"{self.config.path}: rules.{spec.id}: unknown parameter {key!r} "
                    f"(known: {', '.join(sorted(cls.params)) or 'none'})"
                )
            try:
                params[key] = cls.params[key].validate(value)
            except ValueError as err:
                raise ConfigError(f"{self.config.path}: rules.{spec.id}.{key}: {err}") from None
        severity = self.config.severity.get(spec.id, spec.severity)
        spec = replace(spec, params=params, severity=severity)
        try:
            return cls(spec, {"grammar": self.config.grammar})
        except OSError as err:  # a word list named in the pack is missing or unreadable
            raise PackError(spec.pack, spec.line, f"rule {spec.id!r}: cannot load its data: {err}") from None

    # -- checking ---------------------------------------------------------

    @property
    def document_rules(self) -> list[Check]:
        return [r for r in self.rules if r.scope == "document"]

    @property
    def corpus_rules(self) -> list[Check]:
        return [r for r in self.rules if r.scope == "corpus"]

    def check_document(
        self, doc: Document, timings: dict[str, float] | None = None, facts: Facts | None = None
    ) -> list[Finding]:
        """Every document rule's findings for ``doc``, in text order; ``facts``
        is the whole document's analysis, when the caller keeps it for more.

        A document longer than :data:`SECTION_THRESHOLD` characters (a live
        blog, a transcript, a whole book pasted in) is checked in sections of
        whole blocks, one after the other, so that its analysis is held for one
        section at a time: memory stays bounded and no rule's work grows with
        the square of the file.  A rule then sees one section at a time, with
        the end of the section before it for context: a conflict, a name's
        spelling or a first mention further away is not connected to it, and
        the grade of the article as a whole is not given; duplicate paragraphs
        are still found across the whole file.
        Ordinary articles are far below the threshold.
        """
        spans = _sections(doc) if len(doc.text) > SECTION_THRESHOLD else None
        if not spans:
            return self._run_rules(self.document_rules, doc, timings, facts)
        # the kinds that must see the whole document (duplicate paragraphs) first
        findings = self._run_rules([r for r in self.document_rules if not r.sectioned], doc, timings, facts)
        sectioned = [r for r in self.document_rules if r.sectioned]
        for start, end, first, last in spans:
            # the blocks just before the section are read with it, for what they
            # tell about it (who was introduced, what was counted), but their
            # own findings are the previous section's
            lead, lead_start = first, start
            while lead > 0 and doc.blocks[lead - 1].start >= start - SECTION_CONTEXT_CHARS:
                lead -= 1
                lead_start = doc.blocks[lead].start
            part = doc.section(lead_start, end, lead, last)
            for f in self._run_rules(sectioned, part, timings):
                if f.start + lead_start >= start:
                    findings.append(_shifted(f, lead_start))
            del part  # its analysis goes with it, before the next section is read
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return findings

    def _run_rules(
        self, rules: list[Check], doc: Document, timings: dict[str, float] | None, facts: Facts | None = None
    ) -> list[Finding]:
        if facts is None:
            facts = Facts(doc)
        findings: list[Finding] = []
        for rule in rules:
            started = time.perf_counter()
            findings.extend(rule.run(doc, facts))
            if timings is not None:
                timings[f"rule:{rule.id}"] = timings.get(f"rule:{rule.id}", 0.0) + time.perf_counter() - started
        if timings is not None:
            for layer, spent in facts.timings.items():
                timings[f"analysis:{layer}"] = timings.get(f"analysis:{layer}", 0.0) + spent
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return findings

    def diagnose(
        self, doc: Document, *, report_unused_suppressions: bool = False, timings: dict[str, float] | None = None
    ) -> tuple[list[Diagnostic], dict[str, Any]]:
        """Findings placed in the file, with suppressions and per-path ignores applied;
        and the corpus rules' summaries of the document."""
        # the corpus rules read the analysis the document rules made (fingerprints);
        # with none, each part of the analysis goes as soon as it is used
        facts = Facts(doc) if self.corpus_rules else None
        findings = self.check_document(doc, timings, facts)
        summaries = {rule.id: rule.summarize(doc, facts or Facts(doc)) for rule in self.corpus_rules}
        diagnostics = [resolve(f, doc) for f in findings]
        ignored = self.ignored_rules(doc.path)
        diagnostics = [d for d in diagnostics if d.rule not in ignored]
        diagnostics, unused = apply_suppressions(doc, diagnostics)
        if report_unused_suppressions:
            for line, rules in unused:
                if any(rule not in self.enabled_ids or rule in ignored for rule in rules):
                    continue  # it may well be needed when that rule runs
                named = ", ".join(rules) if rules else "every rule"
                diagnostics.append(
                    Diagnostic(
                        rule=UNUSED_SUPPRESSION,
                        severity=Severity.INFO,
                        line=line,
                        column=1,
                        end_line=line,
                        end_column=1,
                        message=f"this suppression ({named}) suppresses nothing; remove it",
                        excerpt=doc.source_map.source_line(line).strip()[:160],
                    )
                )
        diagnostics.sort(key=lambda d: (d.line, d.column, d.rule))
        return diagnostics, summaries

    def ignored_rules(self, path: str) -> set[str]:
        if not self.config.per_path_ignores:
            return set()
        try:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(self.config.root))
        except ValueError:
            rel = path
        rel = rel.replace(os.sep, "/")
        out: set[str] = set()
        for glob, rules in self.config.per_path_ignores.items():
            if fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(path, glob):
                out.update(rules)
        return out

    def read_options(self, encoding: str | None = None) -> ReadOptions:
        return ReadOptions(
            encoding=encoding, json_fields=dict(self.config.json_fields), max_file_size=self.config.max_file_size
        )

    def check_path(
        self,
        path: str,
        *,
        fmt: str | None = None,
        data: bytes | None = None,
        encoding: str | None = None,
        report_unused_suppressions: bool = False,
        timings: dict[str, float] | None = None,
        first_line: int = 1,
    ) -> list[DocumentResult]:
        """Read and check one file (or standard input's ``data``); never raises
        for a bad file: the error is in the result, as it is for a file that
        takes longer than the configured ``timeout``.  ``first_line`` is the
        line of a larger file that ``data`` starts on, for the lines messages name."""
        try:
            with _time_limit(self.config.timeout):
                return self._check_path(
                    path,
                    fmt=fmt,
                    data=data,
                    encoding=encoding,
                    report_unused_suppressions=report_unused_suppressions,
                    timings=timings,
                    first_line=first_line,
                )
        except FileTimeout:
            limit = self.config.timeout
            error = f"{path}: not checked: it took longer than {limit:g} s (raise 'timeout' in the configuration)"
            return [DocumentResult(FileResult(path=path, error=error))]

    def _check_path(
        self,
        path: str,
        *,
        fmt: str | None,
        data: bytes | None,
        encoding: str | None,
        report_unused_suppressions: bool,
        timings: dict[str, float] | None,
        first_line: int = 1,
    ) -> list[DocumentResult]:
        options = self.read_options(encoding)
        try:
            docs = read_bytes(data, path, fmt, options) if data is not None else read_path(path, fmt, options)
        except ReadError as err:
            where = f"{path}:{err.line}" if err.line else path
            return [DocumentResult(FileResult(path=path, error=f"{where}: {err}"))]
        except RecursionError:
            return [DocumentResult(FileResult(path=path, error=f"{path}: markup nested too deeply to read"))]
        except Exception as err:  # a reader bug must not stop the other files from being checked
            return [
                DocumentResult(FileResult(path=path, error=f"{path}: internal error while reading: {_describe(err)}"))
            ]
        out = []
        for doc in docs:
            doc.first_line = first_line
            started = time.perf_counter()
            try:
                diagnostics, summaries = self.diagnose(
                    doc, report_unused_suppressions=report_unused_suppressions, timings=timings
                )
            except RecursionError:
                out.append(DocumentResult(FileResult(path=path, error=f"{path}: too deeply nested to check")))
                continue
            except Exception as err:  # a rule bug must not stop the other files from being checked
                out.append(
                    DocumentResult(
                        FileResult(path=path, error=f"{path}: internal error while checking: {_describe(err)}")
                    )
                )
                continue
            label = path if doc.article_id is None else f"{path}#{doc.article_id}"
            result = FileResult(path=label, diagnostics=diagnostics, source=path if label != path else None)
            result.source_lines = source_lines(doc, diagnostics)
            result.timings["total"] = time.perf_counter() - started
            out.append(DocumentResult(result, summaries))
        return out

    def finish_corpus(self, results: list[DocumentResult]) -> None:
        """Run corpus rules over every document's summary and add their findings."""
        rules = self.corpus_rules
        if not rules:
            return
        by_path = {r.result.path: r.result for r in results}
        for rule in rules:
            summaries = {r.result.path: r.summaries.get(rule.id) for r in results if rule.id in r.summaries}
            for path, diagnostics in rule.finish(summaries).items():
                target = by_path.get(path)
                if target is None:
                    continue
                ignored = self.ignored_rules(path)
                target.diagnostics.extend(d for d in diagnostics if d.rule not in ignored)
                target.diagnostics.sort(key=lambda d: (d.line, d.column, d.rule))


# Documents longer than this many characters are checked in sections of about
# SECTION_CHARS (whole blocks, about 100,000 words); an ordinary article has
# 3,000 to 10,000 characters, a long read 60,000.
SECTION_THRESHOLD = 1_000_000
SECTION_CHARS = 600_000
# and each section is read with up to this many characters of the blocks before it
SECTION_CONTEXT_CHARS = 60_000


def _sections(doc: Document) -> list[tuple[int, int, int, int]]:
    """``(start, end, first block, last block)`` of each section of ``doc``;
    empty when its blocks are not in text order (then it is checked whole)."""
    blocks = doc.blocks
    out: list[tuple[int, int, int, int]] = []
    start, first, previous_end = 0, 0, 0
    for i, block in enumerate(blocks):
        if block.start < previous_end or block.end < block.start:
            return []
        previous_end = block.end
        if i > first and block.end - start > SECTION_CHARS:
            out.append((start, block.start, first, i - 1))
            start, first = block.start, i
    if blocks:
        out.append((start, len(doc.text), first, len(blocks) - 1))
    return out if len(out) > 1 else []


def _shifted(f: Finding, base: int) -> Finding:
    """A section's finding, in the offsets of the whole document."""
    related = tuple(r if r.path is not None else replace(r, start=r.start + base, end=r.end + base) for r in f.related)
    fix = f.fix
    if fix is not None:
        fix = replace(fix, edits=tuple(replace(e, start=e.start + base, end=e.end + base) for e in fix.edits))
    return replace(f, start=f.start + base, end=f.end + base, related=related, fix=fix)


def source_lines(doc: Document, diagnostics: Iterable[Diagnostic]) -> dict[int, str]:
    """The source lines the findings stand on, fetched once a line: a file of one long line has thousands of
    findings on it."""
    return {line: doc.source_map.source_line(line) for line in {d.line for d in diagnostics}}


class FileTimeout(BaseException):
    """A file ran over its time budget.  Not an ``Exception``, so that the
    handlers of reader and rule bugs do not swallow it."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`FileTimeout` after ``seconds``.  A timer signal is the only
    way to stop a runaway regular expression in pure Python; it can be used only
    in a Unix process's main thread (the CLI, and each of its worker processes),
    so elsewhere there is no limit."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    expired = False

    def expire(signum: int, frame: object) -> None:
        nonlocal expired
        expired = True
        raise FileTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
    # the exception is lost when the signal lands in a garbage-collector
    # callback or a finaliser; the work ran over its budget all the same
    if expired:
        raise FileTimeout


def _describe(err: BaseException) -> str:
    where = ""
    tb = err.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.startswith("<"):  # importlib's frozen frames say nothing useful
            where = f" (at {os.path.basename(filename)}:{tb.tb_lineno})"
        tb = tb.tb_next
    return f"{type(err).__name__}: {err}{where}; please report this as a bug"


def apply_suppressions(
    doc: Document, diagnostics: list[Diagnostic]
) -> tuple[list[Diagnostic], list[tuple[int, tuple[str, ...]]]]:
    """Drop diagnostics silenced by inline comments; return the rest and the
    suppressions that silenced nothing (line, rules)."""
    if not doc.suppressions:
        return diagnostics, []
    events = sorted(doc.suppressions, key=lambda s: s.line)
    used = [False] * len(events)
    kept = []
    for d in diagnostics:
        silenced = False
        disabled: dict[str, int] = {}  # rule ("*" for all) -> index of the disabling comment
        for i, sup in enumerate(events):
            if sup.line > d.line:
                break
            keys = sup.rules or ("*",)
            if sup.action == "disable":
                for k in keys:
                    disabled[k] = i
            elif sup.action == "enable":
                for k in keys:
                    if k == "*":
                        disabled.clear()
                    else:
                        disabled.pop(k, None)
            elif (
                sup.action == "disable-next-line"
                and _next_line(doc, sup.line) == d.line
                and ("*" in keys or d.rule in keys)
            ):
                used[i] = True
                silenced = True
        if not silenced:
            for k in (d.rule, "*"):
                if k in disabled:
                    used[disabled[k]] = True
                    silenced = True
                    break
        if not silenced:
            kept.append(d)
    unused = [(sup.line, sup.rules) for i, sup in enumerate(events) if not used[i] and sup.action != "enable"]
    return kept, unused


def _next_line(doc: Document, line: int) -> int:
    """The next non-blank source line after ``line``."""
    lines = doc.source_map.lines
    n = line + 1
    while n <= lines.line_count and not doc.source_map.source_line(n).strip():
        n += 1
    return n

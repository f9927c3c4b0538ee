"""What a worker does with one partition: read each article, check it with
the engine, and return the report lines (and the LSH rows for the duplicate
search).

The engine is built once per worker process and kept for every partition
that process takes, keyed by the configuration, so loading rule packs and
word lists is paid once per process, never per article.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import pickle
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Any

from checker.batch.inputs import FilesPart, LinesPart, Partition, is_url, numbered_lines, read_all
from checker.config import Config
from checker.document import Document
from checker.engine import DocumentResult, Engine
from checker.findings import Diagnostic, FileResult
from checker.readers import ReadError, read_bytes
from checker.reporters.json import as_dict

# fields tried, in order, when the configuration names none
DEFAULT_FIELDS = {
    "id": ("id", "guid", "url"),
    "headline": ("headline", "title"),
    "body": ("body", "text", "content"),
}

_engines: dict[bytes, Engine] = {}
_lock = threading.Lock()


def engine_for(config: Config) -> Engine:
    """This process's engine for ``config``, built on first use."""
    key = pickle.dumps(config)
    engine = _engines.get(key)
    if engine is None:
        with _lock:
            engine = _engines.get(key)
            if engine is None:
                engine = Engine(config)
                _engines[key] = engine
    return engine


def _has_json_reader() -> bool:
    return importlib.util.find_spec("checker.readers.cms_json") is not None


@dataclass(slots=True)
class PartResult:
    """A checked partition: its report lines and LSH rows, ready to append."""

    index: int
    records: list[dict[str, Any]] = field(default_factory=list)
    lsh_rows: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # this partition's CPU time in the worker: a rate that other load cannot skew


@dataclass(slots=True)
class _Article:
    """One article on its way through a worker."""

    label: str
    ref: tuple[str, str | None, int]  # (file or export, reader format, byte offset of the line or -1)
    data: bytes | None
    fmt: str | None
    extra: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def check_partition(part: Partition, config: Config, bands: bool) -> PartResult:
    """Check every article of ``part``; with ``bands``, also compute its LSH keys."""
    started, cpu_started = time.perf_counter(), time.process_time()
    engine = engine_for(config)
    out = PartResult(part.index)
    articles = _file_articles(part) if isinstance(part, FilesPart) else _line_articles(part, engine)
    docs_for_bands: list[tuple[str, tuple[str, str | None, int], Document]] = []
    for article in articles:
        results = _check(engine, article)
        for result in results:
            out.records.append(_record(result, article))
        if bands and article.data is not None and article.error is None and not any(r.result.error for r in results):
            for doc in _documents(engine, article):
                docs_for_bands.append((article.label, article.ref, doc))
    if bands:
        out.lsh_rows = _lsh_rows(docs_for_bands)
    out.seconds = time.perf_counter() - started
    out.cpu_seconds = time.process_time() - cpu_started
    return out


def _check(engine: Engine, article: _Article) -> list[DocumentResult]:
    if article.error is not None:
        return [DocumentResult(FileResult(path=article.label, error=article.error))]
    try:
        if article.data is None:
            # let the engine read it, so an unreadable file is reported as `check` reports it
            return engine.check_path(article.label)
        first_line = article.extra.get("line", 1) if article.extra else 1
        return engine.check_path(article.label, data=article.data, fmt=article.fmt, first_line=first_line)
    except Exception as err:  # one bad article must not stop a run over millions
        message = f"{article.label}: internal error while checking: {type(err).__name__}: {err}"
        return [DocumentResult(FileResult(path=article.label, error=message))]


def _record(result: DocumentResult, article: _Article) -> dict[str, Any]:
    if article.extra:
        # a JSON Lines article is named by its id (or offset), not by its line in a one-line read
        result.result.path = article.label
        if article.extra.get("line", 1) > 1:
            result.result.diagnostics = [_moved(d, article.extra["line"] - 1) for d in result.result.diagnostics]
    files = as_dict([result.result])["files"]
    assert isinstance(files, list)
    record: dict[str, Any] = files[0]
    record.update(article.extra)
    return record


def _moved(d: Diagnostic, lines: int) -> Diagnostic:
    """A diagnostic of a line read alone, placed at that line of the export."""
    related = tuple(r if r.path else replace(r, line=r.line + lines) for r in d.related)
    fix = replace(d.fix, line=d.fix.line + lines, end_line=d.fix.end_line + lines) if d.fix else None
    return replace(d, line=d.line + lines, end_line=d.end_line + lines, related=related, fix=fix)


def _file_articles(part: FilesPart) -> list[_Article]:
    out = []
    for path in part.paths:
        try:
            data: bytes | None = read_all(path)
        except OSError as err:
            if is_url(path):
                out.append(_Article(path, (path, None, -1), None, None, error=f"{path}: cannot read: {err}"))
                continue
            data = None
        out.append(_Article(path, (path, None, -1), data, None))
    return out


def _line_articles(part: LinesPart, engine: Engine) -> list[_Article]:
    fields = engine.config.json_fields
    reader = _has_json_reader()
    out = []
    for offset, number, line in numbered_lines(part):
        if offset in part.skip or not line.strip():
            continue
        extra: dict[str, Any] = {"source": part.url, "offset": offset}
        if number and reader:
            extra["line"] = number
        try:
            record = json.loads(line)
        except ValueError:
            record = None
        if not isinstance(record, dict):
            label = f"{part.url}@{offset}"
            out.append(_Article(label, (part.url, "jsonl", offset), line, "jsonl" if reader else "text", extra))
            continue
        ident = _field(record, fields, "id")
        label = f"{part.url}#{ident}" if ident not in (None, "") else f"{part.url}@{offset}"
        if reader:
            out.append(_Article(label, (part.url, "jsonl", offset), line, "jsonl", extra))
        else:
            out.append(_Article(label, (part.url, "text", offset), _plain(record, fields), "text", extra))
    return out


def _field(record: dict[str, Any], fields: dict[str, str], name: str) -> Any:
    if name in fields:
        return record.get(fields[name])
    for candidate in DEFAULT_FIELDS[name]:
        if candidate in record:
            return record[candidate]
    return None


def _plain(record: dict[str, Any], fields: dict[str, str]) -> bytes:
    """Headline and body as plain text, for when no JSON reader is installed."""
    parts = [str(_field(record, fields, "headline") or "").strip(), str(_field(record, fields, "body") or "").strip()]
    return "\n\n".join(p for p in parts if p).encode("utf-8") + b"\n"


def _documents(engine: Engine, article: _Article) -> list[Document]:
    assert article.data is not None
    try:
        return read_bytes(article.data, article.label, article.fmt, engine.read_options())
    except (ReadError, RecursionError):
        return []


def read_article(ref: tuple[str, str | None, int], config: Config) -> Document | None:
    """Read one article again, from its reference (for verifying a candidate pair)."""
    from checker.batch.inputs import read_line_at

    source, fmt, offset = ref
    engine = engine_for(config)
    try:
        if offset < 0:
            data = read_all(source)
        else:
            line = read_line_at(source, offset)
            data = line
            if fmt == "text":
                data = _plain(json.loads(line), engine.config.json_fields)
        docs = read_bytes(data, source, fmt, engine.read_options())
    except (OSError, ValueError, ReadError, RecursionError):
        return None
    return docs[0] if docs else None


def _lsh_rows(items: list[tuple[str, tuple[str, str | None, int], Document]]) -> list[str]:
    from checker.batch.minhash import article_prints, article_shingles, band_keys, signatures

    sets = []
    kept = []
    for label, ref, doc in items:
        shingles = article_shingles(article_prints(doc))
        if shingles:
            sets.append(shingles)
            kept.append((label, ref))
    rows = []
    for (label, ref), sig in zip(kept, signatures(sets), strict=True):
        keys = band_keys(sig)
        packed = base64.b64encode(b"".join(k.to_bytes(8, "little", signed=True) for k in keys)).decode("ascii")
        rows.append(json.dumps({"path": label, "ref": list(ref), "bands": packed}, ensure_ascii=False))
    return rows

"""The properties every input must keep, shared by the atheris target and the
hypothesis tests: nothing escapes, every finding's span lies inside the
document and maps to a real line and column of the file, and checking the
same bytes twice says the same thing."""

from __future__ import annotations

from checker.config import Config
from checker.document import Document
from checker.engine import Engine
from checker.findings import FileResult, resolve
from checker.readers import ReadError, ReadOptions, read_bytes

FORMATS = ("text", "markdown", "html", "docx", "json", "jsonl")
SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html", "docx": ".docx", "json": ".json", "jsonl": ".jsonl"}

_engine: Engine | None = None


def engine() -> Engine:
    """Every rule, on by default or not, except grammar (it needs a LanguageTool server)."""
    global _engine
    if _engine is None:
        probe = Engine(Config(select=["ALL"]))
        rules = [r.id for r in probe.rules if r.spec.kind != "grammar"]
        _engine = Engine(Config(select=rules, timeout=0))
    return _engine


def check_document(doc: Document) -> None:
    """The span properties of one document's findings."""
    smap = doc.source_map
    lines = smap.lines
    n = len(doc.text)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= n, (block, n)
    findings = engine().check_document(doc)
    for f in findings:
        assert 0 <= f.start <= f.end <= n, (f.rule, f.start, f.end, n)
        for r in f.related:
            if r.line is None:
                assert 0 <= r.start <= r.end <= n, (f.rule, "related", r.start, r.end, n)
        if f.fix is not None:
            for e in f.fix.edits:
                assert 0 <= e.start <= e.end <= n, (f.rule, "fix", e.start, e.end, n)
        d = resolve(f, doc)
        for line, column in ((d.line, d.column), (d.end_line, d.end_column)):
            assert 1 <= line <= lines.line_count, (f.rule, line, lines.line_count)
            width = lines.line_end(line) - lines.line_start(line)
            assert 1 <= column <= width + 1, (f.rule, line, column, width)
        assert (d.line, d.column) <= (d.end_line, d.end_column), (f.rule, d)
        if d.fix is not None:
            assert 0 <= d.fix.src_start <= d.fix.src_end <= len(smap.source), (f.rule, d.fix)


def read(data: bytes, fmt: str) -> list[Document] | None:
    """The documents of ``data``, or None when it is refused with a :class:`ReadError`."""
    try:
        return read_bytes(data, "fuzz" + SUFFIX[fmt], fmt, ReadOptions(max_file_size=10_000_000))
    except ReadError as err:
        assert str(err), "a read error must say what is wrong"
        return None
    except RecursionError:
        return None  # the engine reports this one as "nested too deeply"


def _snapshot(results: list[FileResult]) -> list[object]:
    return [(r.path, r.error, [d.as_dict() for d in r.diagnostics]) for r in results]


def check_input(data: bytes, fmt: str, *, twice: bool = True) -> None:
    """Every property, for ``data`` read as ``fmt``; with ``twice``, through the
    engine's front door twice, to compare the output."""
    docs = read(data, fmt)
    for doc in docs or []:
        check_document(doc)
    if not twice:
        return
    eng = engine()
    first = [r.result for r in eng.check_path("fuzz" + SUFFIX[fmt], fmt=fmt, data=data)]
    for result in first:
        assert result.error is None or "internal error" not in result.error, result.error
        assert (result.error is not None) == (docs is None) or len(first) != len(docs or []), (result.error, fmt)
    again = [r.result for r in eng.check_path("fuzz" + SUFFIX[fmt], fmt=fmt, data=data)]
    assert _snapshot(first) == _snapshot(again), "output differs between two runs over the same input"


def check_reader(data: bytes, fmt: str) -> None:
    """The reader's properties alone: blocks inside the text, and text offsets
    placed at a real line and column of the source."""
    for doc in read(data, fmt) or []:
        n = len(doc.text)
        lines = doc.source_map.lines
        for block in doc.blocks:
            assert 0 <= block.start <= block.end <= n, (block, n)
        # every block edge, and a sample of the offsets between them
        offsets = {0, n, *range(0, n, 7)} | {b.start for b in doc.blocks} | {b.end for b in doc.blocks}
        for offset in sorted(offsets):
            line, column = doc.source_map.position(offset)
            assert 1 <= line <= lines.line_count, (offset, line)
            assert 1 <= column <= lines.line_end(line) - lines.line_start(line) + 1, (offset, line, column)

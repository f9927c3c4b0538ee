"""newslint: a checker for news copy.

The Python API::

    from checker import check_text
    result = check_text('"We will rebuild," she said.', path="draft.txt")
    for d in result.diagnostics:
        print(d.line, d.column, d.rule, d.message)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from checker.config import Config
    from checker.findings import FileResult

__all__ = ["__version__", "check_file", "check_text"]

_engines: dict[int, object] = {}


def _engine(config: Config | None):  # type: ignore[no-untyped-def]
    from checker.engine import Engine

    key = id(config)
    engine = _engines.get(key)
    if engine is None or config is not None:
        engine = Engine(config)
        if config is None:
            _engines[key] = engine
    return engine


def check_text(text: str, path: str = "draft.txt", fmt: str | None = None, config: Config | None = None) -> FileResult:
    """Check ``text`` as if it were the file ``path`` (its extension picks the reader)."""
    engine = _engine(config)
    results = engine.check_path(path, fmt=fmt, data=text.encode("utf-8"))
    engine.finish_corpus(results)
    return results[0].result


def check_file(path: str, config: Config | None = None) -> list[FileResult]:
    """Check one file; a JSON Lines export gives one result per article."""
    engine = _engine(config)
    results = engine.check_path(path)
    engine.finish_corpus(results)
    return [r.result for r in results]

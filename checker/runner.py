"""Finding the files to check, and checking many of them in parallel processes."""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checker.config import Config
from checker.engine import DocumentResult, Engine
from checker.findings import FileResult
from checker.readers import EXTENSIONS

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}


def collect_files(paths: list[str], exclude: list[str] | None = None) -> tuple[list[str], list[FileResult]]:
    """Files to check, from files, folders (recursively, by known extension)
    and glob patterns; and errors for paths that match nothing."""
    exclude = exclude or []
    files: list[str] = []
    errors: list[FileResult] = []
    seen: set[str] = set()

    def excluded(p: str) -> bool:
        norm = p.replace(os.sep, "/")
        return any(fnmatch.fnmatch(norm, pat) or fnmatch.fnmatch(os.path.basename(norm), pat) for pat in exclude)

    def add(p: str) -> None:
        if p not in seen and not excluded(p):
            seen.add(p)
            files.append(p)

    for raw in paths:
        if raw == "-":
            add(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(names):
                    if Path(name).suffix.lower() in EXTENSIONS and not name.startswith("."):
                        found.append(os.path.join(root, name))
            for p in sorted(found):
                add(p)
        elif path.exists():
            add(raw)
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                errors.append(FileResult(path=raw, error=f"{raw}: no file matches this pattern"))
            for p in matches:
                if os.path.isfile(p):
                    add(p)
        else:
            errors.append(FileResult(path=raw, error=f"{raw}: no such file or folder"))
    return files, errors


_worker_engine: Engine | None = None
_worker_kwargs: dict[str, Any] = {}
# the engine of the process that starts the pool; a forked worker inherits it
_parent_engine: Engine | None = None


def _init_worker(config: Config, only: list[str] | None, kwargs: dict[str, Any]) -> None:
    global _worker_engine, _worker_kwargs
    parent = _parent_engine
    if parent is not None and parent.config is config and parent._selection(only) == parent.enabled_ids:
        # forked: the parent's rules, their data and the imported analysis
        # modules are already here; building them again costs each worker
        # half a second and its own copy of every table
        _worker_engine = parent
    else:
        _worker_engine = Engine(config, only=only)
    _worker_kwargs = kwargs


def _preload() -> None:
    """Import every analysis layer once, before workers are forked, so that
    they share the modules (and their compiled patterns) instead of each
    importing them on its first document."""
    from checker.analysis import LAYERS, _layer_function

    for name in LAYERS:
        try:
            _layer_function(name)
        except Exception:  # a worker that needs the layer reports the error on the document
            continue


def _check_one(path: str) -> list[DocumentResult]:
    assert _worker_engine is not None
    return _worker_engine.check_path(path, **_worker_kwargs)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def check_files(
    engine: Engine,
    files: list[str],
    *,
    jobs: int | None = None,
    only: list[str] | None = None,
    on_done: Callable[[], None] | None = None,
    **kwargs: Any,
) -> list[DocumentResult]:
    """Check ``files`` in order; with more than one job and enough files, in
    worker processes.  Output order is the input order, whatever finishes first."""
    jobs = jobs or default_jobs()
    results: list[DocumentResult] = []
    # a process pool costs more than it saves for a handful of files
    if jobs <= 1 or len(files) < max(8, 2 * jobs) or "-" in files:
        for path in files:
            results.extend(engine.check_path(path, **kwargs))
            if on_done:
                on_done()
    else:
        global _parent_engine
        # imported here: a one-file check has no use for a process pool's machinery
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, min(64, len(files) // (jobs * 8)))
        _preload()
        _parent_engine = engine
        try:
            with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(engine.config, only, kwargs)) as pool:
                for batch in pool.map(_check_one, files, chunksize=chunk):
                    results.extend(batch)
                    if on_done:
                        on_done()
        finally:
            _parent_engine = None
    engine.finish_corpus(results)
    return results

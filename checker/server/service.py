"""Checking requests on a bounded pool of threads, within a time budget.

The event loop never runs a check itself: checks run on a fixed number of
threads, requests beyond that wait in a bounded queue, and a request that
outlives its budget is answered with 503 while its thread finishes (and
keeps its slot until it does, so slow input cannot multiply the load).
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import logging
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from checker.config import Config, ConfigError, parse_config
from checker.engine import Engine
from checker.packs import PackError
from checker.readers import READERS, ReadError, read_bytes
from checker.reporters.json import as_dict
from checker.server.errors import ApiError
from checker.server.settings import Settings

# what a request may override; the rest (rule packs, grammar server, sizes)
# would let a caller reach files or hosts, so only the server's own config sets it
OVERRIDABLE_KEYS = ("select", "extend-select", "ignore", "severity", "rules")
INPUT_FORMATS = ("text", "markdown", "html", "docx")
ENGINE_CACHE_SIZE = 32
WARM_UP_TEXT = """Council reopens coastal road

The county council reopened the road on Friday, said Jane Smith, a council spokeswoman.

"Crews worked through the night," Smith said. About 40 trees fell across the road.
"""

log = logging.getLogger("newslint.server")


@dataclass(frozen=True, slots=True)
class CheckRequest:
    name: str  # the label reported as the file's path; its extension does not pick the reader
    fmt: str
    data: bytes
    rules: tuple[str, ...] | None = None
    config: dict[str, Any] | None = None
    include_source: bool = False


def available_formats() -> list[str]:
    """Input formats whose reader is installed."""
    out = []
    for fmt in INPUT_FORMATS:
        module = READERS[fmt].partition(":")[0]
        try:
            if importlib.util.find_spec(module) is not None:
                out.append(fmt)
        except ImportError:
            continue
    return out


class CheckService:
    def __init__(self, settings: Settings, config: Config) -> None:
        self.settings = settings
        self.config = config
        self.engine = Engine(config)
        self.formats = available_formats()
        self._engines: OrderedDict[str, Engine] = OrderedDict()
        self._engines_lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=settings.max_concurrency, thread_name_prefix="newslint-check")
        self._admitted = 0  # checks running or waiting for a thread
        self._admitted_lock = threading.Lock()

    def warm_up(self) -> None:
        try:
            self.engine.check_path("warm-up.txt", data=WARM_UP_TEXT.encode("utf-8"))
        except Exception:  # a failing rule shows on real requests, with their input; starting matters more here
            log.exception("warm-up check failed")

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    # -- engines ----------------------------------------------------------

    def engine_for(self, rules: tuple[str, ...] | None, overrides: dict[str, Any] | None) -> Engine:
        if rules is None and not overrides:
            return self.engine
        key = json.dumps([sorted(rules) if rules is not None else None, overrides], sort_keys=True)
        with self._engines_lock:
            engine = self._engines.get(key)
            if engine is not None:
                self._engines.move_to_end(key)
                return engine
        engine = self._build_engine(rules, overrides or {})
        with self._engines_lock:
            self._engines[key] = engine
            while len(self._engines) > ENGINE_CACHE_SIZE:
                self._engines.popitem(last=False)
        return engine

    def _build_engine(self, rules: tuple[str, ...] | None, overrides: dict[str, Any]) -> Engine:
        known = {s.id for s in self.engine.specs}
        unknown = sorted(set(rules or ()) - known)
        if unknown:
            raise ApiError(422, "unknown-rule", f"unknown rule id {unknown[0]!r}; GET /v1/rules lists them")
        config = merge_overrides(self.config, overrides)
        try:
            return Engine(config, only=rules)
        except (ConfigError, PackError) as err:
            raise ApiError(422, "invalid-config", str(err)) from None

    # -- checking ---------------------------------------------------------

    async def check(self, request: CheckRequest) -> dict[str, Any]:
        """The JSON report for one request; raises :class:`ApiError`."""
        if request.fmt not in self.formats:
            raise ApiError(422, "unsupported-format", f"format {request.fmt!r} is not available on this server")
        with self._admitted_lock:
            if self._admitted >= self.settings.max_concurrency + self.settings.max_queue:
                raise ApiError(503, "busy", "the server is busy; retry shortly", {"Retry-After": "1"})
            self._admitted += 1
        work = self._executor.submit(self._run, request)
        # the slot is freed when the thread is done with it, not when the caller stops waiting
        work.add_done_callback(self._release)
        waiting = asyncio.wrap_future(work)
        waiting.add_done_callback(_retrieve)
        try:
            return await asyncio.shield(waiting)
        except asyncio.CancelledError:
            work.cancel()  # drops a check still queued; one already running finishes
            raise

    def _release(self, work: Future[dict[str, Any]]) -> None:
        with self._admitted_lock:
            self._admitted -= 1

    def _run(self, request: CheckRequest) -> dict[str, Any]:
        engine = self.engine_for(request.rules, request.config)
        results = engine.check_path(request.name, fmt=request.fmt, data=request.data)
        engine.finish_corpus(results)
        result = results[0].result
        if result.error:
            raise ApiError(422, "unreadable-input", result.error)
        body = as_dict([result])
        if request.include_source:
            files = body["files"]
            assert isinstance(files, list)
            files[0]["source"] = self._source(engine, request)
        return body

    def _source(self, engine: Engine, request: CheckRequest) -> str:
        """The text that lines and columns point into, for a page to show it."""
        try:
            docs = read_bytes(request.data, request.name, request.fmt, engine.read_options())
        except ReadError as err:
            raise ApiError(422, "unreadable-input", f"{request.name}: {err}") from None
        return docs[0].source_map.source


def _retrieve(future: asyncio.Future[Any]) -> None:
    """Take an abandoned check's error, so that it is not logged as never retrieved."""
    if not future.cancelled():
        future.exception()


def merge_overrides(base: Config, overrides: dict[str, Any]) -> Config:
    """The server's configuration with a request's overrides on top."""
    if not overrides:
        return base
    unknown = sorted(set(overrides) - set(OVERRIDABLE_KEYS))
    if unknown:
        raise ApiError(
            422,
            "invalid-config",
            f"config key {unknown[0]!r} cannot be set per request (allowed: {', '.join(OVERRIDABLE_KEYS)})",
        )
    try:
        extra = parse_config(overrides, Path("request config"))
    except ConfigError as err:
        raise ApiError(422, "invalid-config", str(err)) from None
    rules = {k: dict(v) for k, v in base.rules.items()}
    for rule, params in extra.rules.items():
        rules[rule] = {**rules.get(rule, {}), **params}
    return replace(
        base,
        select=extra.select if extra.select is not None else base.select,
        extend_select=[*base.extend_select, *extra.extend_select],
        ignore=[*base.ignore, *extra.ignore],
        severity={**base.severity, **extra.severity},
        rules=rules,
        path=base.path or "request config",
    )

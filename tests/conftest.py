"""Shared test helpers.

``lint(text, rule, path="draft.txt")`` checks ``text`` with one rule (built-in
packs, no configuration file) and returns its diagnostics, so a test can pin
exact lines and columns::

    assert [(d.line, d.column) for d in lint(text, "boilerplate")] == [(3, 1)]
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.config import Config
from checker.engine import Engine
from checker.findings import Diagnostic

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

_engines: dict[tuple[str, ...], Engine] = {}


def engine_for(*rules: str) -> Engine:
    key = tuple(sorted(rules))
    if key not in _engines:
        _engines[key] = Engine(Config(select=list(rules)))
    return _engines[key]


def lint(text: str, *rules: str, path: str = "draft.txt", fmt: str | None = None) -> list[Diagnostic]:
    engine = engine_for(*rules)
    results = engine.check_path(path, fmt=fmt, data=text.encode("utf-8"))
    engine.finish_corpus(results)
    assert results[0].result.error is None, results[0].result.error
    return [d for r in results for d in r.result.diagnostics]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any attempt to open a network connection (loopback included)."""

    def guard(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted during a test that forbids it")

    monkeypatch.setattr(socket.socket, "connect", guard)
    monkeypatch.setattr(socket.socket, "connect_ex", guard)
    monkeypatch.setattr(socket, "create_connection", guard)
    monkeypatch.setattr(socket, "getaddrinfo", guard)
    yield

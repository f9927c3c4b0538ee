"""Shared analysis: facts computed lazily, once per document, and read by rules.

Each layer is a function ``(doc, facts) -> value`` named in :data:`LAYERS`.
A rule declares the layers it needs (``requires``); the engine checks the
names when packs load, and a layer is computed the first time any rule (or
another layer) asks for it.  The registry is a plain mapping of names to
``module:function`` strings, so importing this package imports no layer.
"""

from __future__ import annotations

import gc
import importlib
import time
from collections.abc import Callable
from typing import Any

from checker.document import Document

LAYERS: dict[str, str] = {
    "paragraphs": "checker.analysis.text:paragraphs",
    "sentences": "checker.analysis.text:sentences",
    "tokens": "checker.analysis.text:tokens",
    "quotations": "checker.analysis.quotes:quotations",
    "attributions": "checker.analysis.quotes:attributions",
    "mentions": "checker.analysis.people:mentions",
    "quantities": "checker.analysis.quantities:quantities",
    "fingerprints": "checker.analysis.fingerprints:fingerprints",
}

_resolved: dict[str, Callable[[Document, Facts], Any]] = {}


def _layer_function(name: str) -> Callable[[Document, Facts], Any]:
    fn = _resolved.get(name)
    if fn is None:
        try:
            target = LAYERS[name]
        except KeyError:
            raise KeyError(f"unknown analysis layer {name!r}") from None
        module, _, attr = target.partition(":")
        fn = getattr(importlib.import_module(module), attr)
        _resolved[name] = fn
    return fn


class Facts:
    """The analysis of one document, computed on demand and cached."""

    __slots__ = ("doc", "_cache", "timings", "options")

    def __init__(self, doc: Document, options: dict[str, Any] | None = None) -> None:
        self.doc = doc
        self._cache: dict[str, Any] = {}
        self.timings: dict[str, float] = {}
        # layer options shared by rules (extra speech verbs from a house pack, say)
        self.options: dict[str, Any] = options or {}

    def get(self, name: str) -> Any:
        try:
            return self._cache[name]
        except KeyError:
            pass
        fn = _layer_function(name)
        started = time.perf_counter()
        # A layer builds many small objects and frees almost none (a long file's
        # tokens, sentences, numbers); the collections they would trigger walk
        # them all again and again and find nothing to free: more than a tenth of the
        # time on a file of 100,000 paragraphs.  The collector waits until the
        # layer is built (an enclosing layer restarts it, if it stopped it).
        collecting = gc.isenabled()
        if collecting:
            gc.disable()
        try:
            value = fn(self.doc, self)
        finally:
            if collecting:
                gc.enable()
        # nested layers are timed on their own; keep only this layer's share
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started
        self._cache[name] = value
        return value

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in LAYERS:
            return self.get(name)
        raise AttributeError(name)

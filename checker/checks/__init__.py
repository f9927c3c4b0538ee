"""The registry of check kinds: a plain mapping from kind name to class.

Kinds are named by ``module:Class`` strings and imported only when a rule of
that kind is loaded, so start-up pays only for the kinds in use and importing
this package has no side effects.  ``tests/test_registry.py`` compares this
mapping with the kinds documented in the README.
"""

from __future__ import annotations

import importlib

from checker.checks.base import Check

KINDS: dict[str, str] = {
    "phrase": "checker.checks.phrase:Phrase",
    "boilerplate": "checker.checks.boilerplate:Boilerplate",
    "unattributed-quote": "checker.checks.unattributed_quote:UnattributedQuote",
    "unintroduced-speaker": "checker.checks.unintroduced_speaker:UnintroducedSpeaker",
    "conflicting-count": "checker.checks.conflicting_count:ConflictingCount",
    "garbled-phrase": "checker.checks.garbled_phrase:GarbledPhrase",
    "duplicate-paragraph": "checker.checks.duplicate_paragraph:DuplicateParagraph",
    "duplicate-across-files": "checker.checks.duplicate_across_files:DuplicateAcrossFiles",
    "name-variant": "checker.checks.name_variant:NameVariant",
    "readability": "checker.checks.readability:Readability",
    "grammar": "checker.checks.grammar:Grammar",
}


def kind_class(kind: str) -> type[Check]:
    try:
        target = KINDS[kind]
    except KeyError:
        raise KeyError(f"unknown check kind {kind!r}") from None
    module, _, attr = target.partition(":")
    cls = getattr(importlib.import_module(module), attr)
    if not (isinstance(cls, type) and issubclass(cls, Check)):
        raise TypeError(f"{target} is not a Check")
    return cls  # type: ignore[no-any-return]

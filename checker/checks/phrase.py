"""A phrase the newsroom's style bans, with the words to use instead.

What it flags
-------------
Any phrase on the rule's list, wherever it appears in the copy: house-style
bans ("pass away", "in a bid to"), clichés, loaded words, a misspelt place
name.  Matching ignores case, runs of spaces and line breaks, and the
difference between straight and curly apostrophes; a phrase must stand as
whole words ("dub" does not match "dubbed").

Why it matters
--------------
A style guide that lives only in a PDF is not applied on deadline.  Encoding
it as a rule catches every instance, in every draft, the same way.

Example
-------
    The former mayor passed away on Tuesday, his family said.

Fix
---
Use the replacement the rule suggests ("died"), or rephrase.  A rule lists
its phrases inline (``phrases``: phrase to replacement, an empty replacement
meaning "rephrase or delete") or in word-list files (``lists``: one entry a
line, ``phrase -> replacement`` or just ``phrase``).  The message template
may use ``{phrase}`` (the words as written), ``{replacement}`` and
``{advice}`` ("use 'died' instead" or "rephrase it").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import ClassVar, cast

from checker.analysis import Facts
from checker.checks.base import Check, Param
from checker.document import Document
from checker.findings import Applicability, Finding, Fix
from checker.packs import PackError, pack_data_path, read_word_list

_ARROW = "->"
_APOSTROPHES = "'’‘ʼ"


def _key(text: str) -> str:
    """How a phrase is compared: lower case, single spaces, straight apostrophes."""
    for mark in _APOSTROPHES[1:]:
        text = text.replace(mark, "'")
    return " ".join(text.lower().split())


def _pattern(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        escaped = re.escape(word)
        escaped = re.sub(r"\\?'", f"[{_APOSTROPHES}]", escaped)
        parts.append(escaped)
    return r"\s+".join(parts)


def parse_entry(entry: str) -> tuple[str, str]:
    """``phrase -> replacement`` or ``phrase``, as (phrase, replacement)."""
    phrase, _, replacement = entry.partition(_ARROW)
    return phrase.strip(), replacement.strip()


def match_case(found: str, replacement: str) -> str:
    """The replacement capitalised like the words it replaces."""
    if not replacement:
        return replacement
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


class Phrase(Check):
    requires = ()
    params: ClassVar[Mapping[str, Param]] = {
        "phrases": Param(dict, {}, "phrase -> replacement; an empty replacement means rephrase or delete"),
        "lists": Param(list, [], "word-list files next to the pack: 'phrase -> replacement' or 'phrase' a line"),
        "case_sensitive": Param(bool, False, "match the phrases' capitalisation exactly"),
        "fix": Param(str, "suggestion", "how safe the replacement is to apply: safe, unsafe or suggestion"),
        "prose_only": Param(bool, True, "check only prose blocks, not page furniture or code"),
    }

    def setup(self) -> None:
        params = self.spec.params
        if params["fix"] not in ("safe", "unsafe", "suggestion"):
            raise PackError(self.spec.pack, self.spec.line, f"rule {self.id!r}: fix must be safe, unsafe or suggestion")
        entries: dict[str, tuple[str, str]] = {}
        for phrase, replacement in params["phrases"].items():
            entries[self._norm(phrase)] = (phrase.strip(), replacement.strip())
        for name in params["lists"]:
            for line in read_word_list(pack_data_path(self.spec, name)):
                phrase, replacement = parse_entry(line)
                if phrase:
                    entries[self._norm(phrase)] = (phrase, replacement)
        self.entries = entries
        ordered = sorted(entries.values(), key=lambda e: len(e[0]), reverse=True)
        flags = 0 if params["case_sensitive"] else re.IGNORECASE
        alternation = "|".join(_pattern(p) for p, _ in ordered)
        self.regex = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", flags) if ordered else None

    def _norm(self, text: str) -> str:
        key = _key(text)
        if self.spec.params["case_sensitive"]:
            for mark in _APOSTROPHES[1:]:
                text = text.replace(mark, "'")
            return " ".join(text.split())
        return key

    def run(self, doc: Document, facts: Facts) -> Iterable[Finding]:
        if self.regex is None:
            return
        blocks = doc.prose_blocks if self.spec.params["prose_only"] else doc.blocks
        for block in blocks:
            for m in self.regex.finditer(doc.text, block.start, block.end):
                found = m.group()
                entry = self.entries.get(self._norm(found))
                if entry is None:  # pragma: no cover - every match comes from an entry
                    continue
                replacement = match_case(found, entry[1])
                advice = f"use '{replacement}' instead" if replacement else "rephrase it"
                message = self.format_message(phrase=" ".join(found.split()), replacement=replacement, advice=advice)
                fix = (
                    Fix.replace(m.start(), m.end(), replacement, cast(Applicability, self.spec.params["fix"]))
                    if replacement
                    else None
                )
                yield self.finding(m.start(), m.end(), message, fix=fix)

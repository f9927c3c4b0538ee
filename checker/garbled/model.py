"""The detector's derived data, loaded once per process.

``rules/data/garbled-model.tsv`` is built by ``scripts/build_garbled_model.py``
(see there for the sources and their licences).  It is plain text in three
sections, each line tab-separated::

    [pairs]        first word -> "|second<TAB>what it is one swap from<TAB>strength|..."
    barbed         |robbery<TAB>armed robbery<TAB>6.90|
    [noun_verbs]   a noun that cannot be a verb -> the verb it comes from
    management     manage
    [bare_ing]     an -ing form that is neither a noun nor an adjective
    preventing

Pairs are grouped by their first word.  The pairs section is a few
megabytes, so it is never split up: loading records where each first word's
line lies in the one string, and a look-up searches only that line.
"""

from __future__ import annotations

import functools
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Model:
    """The collocation model: rival word pairs with their frequencies, and the grammar tables."""

    data: str  # the pairs section as it stands in the file
    groups: dict[str, tuple[int, int]]  # "barbed" -> where "|robbery\tarmed robbery\t6.90|" lies in ``data``
    noun_verbs: dict[str, str]
    bare_ing: frozenset[str]

    def pair(self, first: str, second: str) -> tuple[str, float] | None:
        """What ``first second`` is one swap away from, and how strong that expression is."""
        span = self.groups.get(first)
        if span is None:
            return None
        start, end = span
        at = self.data.find(f"|{second}\t", start, end)
        if at < 0:
            return None
        _, suggestion, score = self.data[at + 1 : self.data.index("|", at + 1)].split("\t")
        return suggestion, float(score)

    def __len__(self) -> int:
        return sum(self.data.count("|", start, end) - 1 for start, end in self.groups.values())


EMPTY = Model("", {}, {}, frozenset())


def _index(data: str) -> dict[str, tuple[int, int]]:
    """Each line's first field -> the span of the rest of the line (str.find is much cheaper than splitting)."""
    groups: dict[str, tuple[int, int]] = {}
    find = data.find
    pos, n = 0, len(data)
    while pos < n:
        tab = find("\t", pos)
        end = find("\n", pos)
        if end < 0:
            end = n
        if 0 <= tab < end:
            groups[data[pos:tab]] = (tab + 1, end)
        pos = end + 1
    return groups


def parse_model(text: str) -> Model:
    pairs_at = text.find("[pairs]\n")
    rest_at = text.find("\n[", pairs_at + 1) if pairs_at >= 0 else -1
    data = "" if pairs_at < 0 else text[pairs_at + 8 : rest_at + 1 if rest_at >= 0 else len(text)]
    sections: dict[str, list[str]] = {}
    for block in text[rest_at + 1 :].split("\n[") if rest_at >= 0 else ():
        name, _, body = block.lstrip("[").partition("]\n")
        sections[name] = [line for line in body.split("\n") if line and not line.startswith("#")]
    noun_verbs = dict(line.split("\t", 1) for line in sections.get("noun_verbs", ()))
    return Model(data, _index(data), noun_verbs, frozenset(sections.get("bare_ing", ())))


def render_model(pairs: dict[str, tuple[str, float]], noun_verbs: dict[str, str], bare_ing: list[str]) -> str:
    grouped: dict[str, list[str]] = defaultdict(list)
    for key, (suggestion, score) in sorted(pairs.items()):
        first, second = key.split(" ")
        grouped[first].append(f"{second}\t{suggestion}\t{score:.2f}")
    lines = [
        "# garbled-phrase detector data, built by scripts/build_garbled_model.py (do not edit by hand).",
        "# Derived from WordNet 3.0 (Copyright 2006 by Princeton University; licence in docs/garbled-phrase.md),",
        "# word and pair counts of the wordsegment package (Apache 2.0) and pair counts of symspellpy (MIT).",
        "[pairs]",
    ]
    lines += [f"{first}\t|{'|'.join(entries)}|" for first, entries in grouped.items()]
    lines.append("[noun_verbs]")
    lines += [f"{k}\t{v}" for k, v in sorted(noun_verbs.items())]
    lines.append("[bare_ing]")
    lines += sorted(bare_ing)
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=4)
def load_model(path: Path) -> Model:
    data = path.read_bytes()
    if path.suffix == ".gz":
        # zlib reads the gzip format itself (wbits 16 + 15), without the gzip module's imports
        data = zlib.decompress(data, 31)
    return parse_model(data.decode("utf-8"))

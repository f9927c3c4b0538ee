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

Pairs are grouped by their first word and kept as raw strings until one is
looked up: parsing every pair up front would cost more than the start-up
budget of the whole rule.
"""

from __future__ import annotations

import functools
import gzip
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Model:
    groups: dict[str, str]  # "barbed" -> "|robbery\tarmed robbery\t6.90|"
    noun_verbs: dict[str, str]
    bare_ing: frozenset[str]

    def pair(self, first: str, second: str) -> tuple[str, float] | None:
        """What ``first second`` is one swap away from, and how strong that expression is."""
        blob = self.groups.get(first)
        if blob is None:
            return None
        at = blob.find(f"|{second}\t")
        if at < 0:
            return None
        _, suggestion, score = blob[at + 1 : blob.index("|", at + 1)].split("\t")
        return suggestion, float(score)

    def __len__(self) -> int:
        return sum(blob.count("|") - 1 for blob in self.groups.values())


EMPTY = Model({}, {}, frozenset())


def parse_model(text: str) -> Model:
    sections: dict[str, list[str]] = {}
    for block in text.split("\n["):
        name, _, body = block.lstrip("[").partition("]\n")
        sections[name] = [line for line in body.split("\n") if line and not line.startswith("#")]
    groups = dict(line.split("\t", 1) for line in sections.get("pairs", ()))
    noun_verbs = dict(line.split("\t", 1) for line in sections.get("noun_verbs", ()))
    return Model(groups, noun_verbs, frozenset(sections.get("bare_ing", ())))


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
        data = gzip.decompress(data)
    return parse_model(data.decode("utf-8"))

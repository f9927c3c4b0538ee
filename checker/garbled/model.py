"""The detector's derived data, loaded once per process.

``rules/data/garbled-model.tsv.gz`` is built by ``scripts/build_garbled_model.py``
(see there for the sources and their licences).  It is gzip'd text in three
sections, each line tab-separated::

    [pairs]        garbled pair -> the collocation or compound it is one swap from, and its strength
    demise toll    death toll    3.14
    [noun_verbs]   a noun that cannot be a verb -> the verb it comes from
    management     manage
    [bare_ing]     an -ing form that is neither a noun nor an adjective
    preventing

The pairs are kept as raw strings and split only when one is found: parsing
every value up front would cost more than the whole rule's budget.
"""

from __future__ import annotations

import functools
import gzip
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Model:
    pairs: dict[str, str]  # "demise toll" -> "death toll\t3.14"
    noun_verbs: dict[str, str]
    bare_ing: frozenset[str]

    def pair(self, key: str) -> tuple[str, float] | None:
        value = self.pairs.get(key)
        if value is None:
            return None
        suggestion, _, score = value.partition("\t")
        return suggestion, float(score)


EMPTY = Model({}, {}, frozenset())


def parse_model(text: str) -> Model:
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for block in text.split("\n["):
        name, _, body = block.lstrip("[").partition("]\n")
        current = body.split("\n") if body else []
        sections[name] = [line for line in current if line and not line.startswith("#")]
    pairs = dict(line.split("\t", 1) for line in sections.get("pairs", ()))
    noun_verbs = dict(line.split("\t", 1) for line in sections.get("noun_verbs", ()))
    return Model(pairs, noun_verbs, frozenset(sections.get("bare_ing", ())))


def render_model(pairs: dict[str, tuple[str, float]], noun_verbs: dict[str, str], bare_ing: list[str]) -> str:
    lines = ["[pairs]"]
    lines += [f"{k}\t{s}\t{score:.2f}" for k, (s, score) in sorted(pairs.items())]
    lines.append("[noun_verbs]")
    lines += [f"{k}\t{v}" for k, v in sorted(noun_verbs.items())]
    lines.append("[bare_ing]")
    lines += sorted(bare_ing)
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=4)
def load_model(path: Path) -> Model:
    with path.open("rb") as fh:
        data = fh.read()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return parse_model(data.decode("utf-8"))

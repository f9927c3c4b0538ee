"""Frozen expressions with one word swapped for a synonym: "behind shut doors", "the lion's portion".

A frozen expression has one reading: its words do not admit a synonym, in spun copy or clean, so a swap is
reported on its own.  The data (built by ``scripts/build_garbled_idioms.py``) lists, for each frozen word of
an expression, the synonyms that garble it; the check anchors an expression by its rarest other content
word, so an article's words are looked up once each and only an anchor's few expressions are lined up.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Frozen:
    """One frozen word of an expression and the synonyms that garble it there."""

    words: tuple[str, ...]  # the expression's words, keyed as the detector keys copy (``norm``)
    place: int  # the frozen word
    anchor: int  # the word the expression is found by
    written: str  # the expression as written ("behind closed doors")
    synonyms: str  # "|shut|sealed|...|": looked up by a substring test, never split


@dataclass(frozen=True, slots=True)
class FrozenMatch:
    first: int  # the phrase's first word (an index into the block's words)
    frozen: Frozen


class FrozenIdioms:
    """The frozen expressions of a data file, by anchor word: each anchor's lines are parsed the first time
    copy has the word, so loading the file costs a read and a split, not 900 parses."""

    __slots__ = ("_lines", "_parsed")

    def __init__(self, lines: dict[str, list[str]]) -> None:
        self._lines = lines
        self._parsed: dict[str, list[Frozen]] = {}

    def __len__(self) -> int:
        return sum(len(v) for v in self._lines.values())

    def anchors(self) -> list[str]:
        return list(self._lines)

    def entries(self, anchor: str) -> list[Frozen]:
        """The frozen places of the expressions ``anchor`` anchors."""
        found = self._parsed.get(anchor)
        if found is None:
            found = self._parsed[anchor] = [_entry(line) for line in self._lines.get(anchor, ())]
        return found

    def find(self, toks: list[str], gaps: list[str]) -> list[FrozenMatch]:
        """The phrases of a block's words (``toks``, keyed; ``gaps``, what stands between neighbours: a
        space, a hyphen or "" for anything else) that are a frozen expression with its frozen word swapped."""
        lines = self._lines
        found: list[FrozenMatch] = []
        n = len(toks)
        for k, tok in enumerate(toks):
            if tok not in lines:
                continue
            for entry in self.entries(tok):
                first = k - entry.anchor
                words = entry.words
                last = first + len(words) - 1
                if first < 0 or last >= n or not all(gaps[first:last]):
                    continue
                if not all(toks[first + j] == w for j, w in enumerate(words) if j != entry.place):
                    continue
                if f"|{toks[first + entry.place]}|" in entry.synonyms:
                    found.append(FrozenMatch(first, entry))
        return found


def _entry(line: str) -> Frozen:
    keyed, place, anchor, written, synonyms = line.split("\t")
    return Frozen(tuple(keyed.split(" ")), int(place), int(anchor), written, f"|{synonyms}|")


def parse(text: str) -> FrozenIdioms:
    lines: dict[str, list[str]] = {}
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line or line[0] == "#":
            continue
        tab = line.index("\t")
        second = line.index("\t", tab + 1)
        anchor = int(line[second + 1 : line.index("\t", second + 1)])
        lines.setdefault(line[:tab].split(" ")[anchor], []).append(line)
    return FrozenIdioms(lines)


@functools.lru_cache(maxsize=4)
def load_frozen(path: Path) -> FrozenIdioms:
    return parse(path.read_text(encoding="utf-8"))

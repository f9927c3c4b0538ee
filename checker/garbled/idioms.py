"""Frozen expressions with one word swapped for a synonym: "behind shut doors", "the lion's portion".

A frozen expression has one reading: its words do not admit a synonym, in spun copy or clean, so a swap is
reported on its own.  The data (built by ``scripts/build_garbled_idioms.py``) lists, for each frozen word of
an expression, the synonyms that garble it.  The check finds an expression by two of its other words, its
rarest content word and a word beside it (or one further: "behind ... doors"): a block's pairs of words are
met in two set operations, and only the few pairs an expression has are looked at word by word.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from pathlib import Path

from checker.datacache import cached

# a pair of words of an expression, and how far apart they stand (1: neighbours, 2: one word between)
_Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Frozen:
    """One frozen word of an expression and the synonyms that garble it there."""

    words: tuple[str, ...]  # the expression's words, keyed as the detector keys copy (``norm``)
    place: int  # the frozen word
    anchor: int  # the first word of the pair the expression is found by
    written: str  # the expression as written ("behind closed doors")
    synonyms: frozenset[str]  # "shut", "sealed", ...
    others: tuple[tuple[int, str], ...]  # the other words, by their place: all must stand as they are


@dataclass(frozen=True, slots=True)
class FrozenMatch:
    first: int  # the phrase's first word (an index into the block's words)
    frozen: Frozen


class FrozenIdioms:
    """The frozen expressions of a data file, by the pair of words each is found by.  A pair's lines are
    parsed the first time copy has the pair, so loading the file costs a read and a split."""

    __slots__ = ("_lines", "_near", "_parsed", "_skip")

    def __init__(self, lines: dict[tuple[_Pair, int], list[str]]) -> None:
        self._lines = lines
        self._near = frozenset(pair for pair, apart in lines if apart == 1)
        self._skip = frozenset(pair for pair, apart in lines if apart == 2)
        self._parsed: dict[tuple[_Pair, int], list[Frozen]] = {}

    def __len__(self) -> int:
        return sum(len(v) for v in self._lines.values())

    def entries(self) -> list[Frozen]:
        """Every frozen place of the data."""
        return [entry for key in self._lines for entry in self._entries(key)]

    def _entries(self, key: tuple[_Pair, int]) -> list[Frozen]:
        found = self._parsed.get(key)
        if found is None:
            found = self._parsed[key] = [_entry(line) for line in self._lines.get(key, ())]
        return found

    def find(self, toks: list[str], gaps: list[str]) -> list[FrozenMatch]:
        """The phrases of a block's words (``toks``, keyed; ``gaps``, what stands between neighbours: a
        space, a hyphen or "" for anything else) that are a frozen expression with its frozen word swapped."""
        near = self._near.intersection(itertools.pairwise(toks))
        skip = self._skip.intersection(zip(toks, toks[2:], strict=False))
        if not near and not skip:
            return []
        found: list[FrozenMatch] = []
        n = len(toks)
        for apart, pairs in ((1, near), (2, skip)):
            if not pairs:
                continue
            for k, pair in enumerate(zip(toks, toks[apart:], strict=False)):
                if pair not in pairs:
                    continue
                for entry in self._entries((pair, apart)):
                    first = k - entry.anchor
                    last = first + len(entry.words) - 1
                    if first < 0 or last >= n or toks[first + entry.place] not in entry.synonyms:
                        continue
                    if all(toks[first + j] == w for j, w in entry.others) and all(gaps[first:last]):
                        found.append(FrozenMatch(first, entry))
        found.sort(key=lambda m: m.first)
        return found


def _pair_of(words: list[str], place: int, anchor: int) -> tuple[int, int]:
    """The two words an expression is found by: its anchor and a word beside it, or one further, that is not
    the frozen word (as the first of the two, and how far apart they stand)."""
    for apart in (1, 2):
        for other in (anchor + apart, anchor - apart):
            if 0 <= other < len(words) and other != place:
                return min(anchor, other), apart
    raise ValueError(f"no pair of words to find {' '.join(words)!r} by")


def _entry(line: str) -> Frozen:
    keyed, place, anchor, written, synonyms = line.split("\t")
    words = tuple(keyed.split(" "))
    at = int(place)
    first, apart = _pair_of(list(words), at, int(anchor))
    others = tuple((j, w) for j, w in enumerate(words) if j not in (at, first, first + apart))
    return Frozen(words, at, first, written, frozenset(synonyms.split("|")), others)


def parse(text: str) -> FrozenIdioms:
    return _frozen(*_by_pair(text))


def _frozen(near: dict[str, list[str]], skip: dict[str, list[str]]) -> FrozenIdioms:
    lines: dict[tuple[_Pair, int], list[str]] = {}
    for apart, found in ((1, near), (2, skip)):
        for key, group in found.items():
            first, _, second = key.partition(" ")
            lines[((first, second), apart)] = group
    return FrozenIdioms(lines)


def _by_pair(text: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The data's lines by the pair of words each expression is found by ("behind doors"), neighbours and
    one apart: plain data, kept beside the built-in file between runs."""
    near: dict[str, list[str]] = {}
    skip: dict[str, list[str]] = {}
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line or line[0] == "#":
            continue
        one = line.index("\t")
        two = line.index("\t", one + 1)
        three = line.index("\t", two + 1)
        words = line[:one].split(" ")
        first, apart = _pair_of(words, int(line[one + 1 : two]), int(line[two + 1 : three]))
        (near if apart == 1 else skip).setdefault(f"{words[first]} {words[first + apart]}", []).append(line)
    return near, skip


@functools.lru_cache(maxsize=4)
def load_frozen(path: Path) -> FrozenIdioms:
    return _frozen(*cached(path, path.read_text(encoding="utf-8"), "frozen", _by_pair))

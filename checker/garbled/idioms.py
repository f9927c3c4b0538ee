"""Frozen expressions with one word swapped for a synonym: "behind shut doors", "the lion's portion".

A frozen expression has one reading: its words do not admit a synonym, in spun copy or clean, so a swap is
reported on its own.  The data (built by ``scripts/build_garbled_idioms.py``) lists, for each frozen word of
an expression, the synonyms that garble it.  The check finds an expression by two of its other words, its
rarest content word and a word beside it (or one further: "behind ... doors"): a block's pairs of words meet
the data's in two set operations, and only the few pairs an expression has are looked at word by word.

The data's lines are sorted by those two words and indexed at the top of the file, so loading it is a few
splits, with no line parsed until copy has its pair.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from dataclasses import dataclass
from pathlib import Path

# the two words an expression is found by, and how far apart they stand ("1": neighbours, "2": one between)
_Key = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Frozen:
    """One frozen word of an expression and the synonyms that garble it there."""

    words: tuple[str, ...]  # the expression's words, keyed as the detector keys copy (``norm``)
    place: int  # the frozen word
    anchor: int  # the first of the two words the expression is found by
    written: str  # the expression as written ("behind closed doors")
    synonyms: str  # "|shut|sealed|...|": searched, not split, since most lines are read for one article only
    others: tuple[tuple[int, str], ...]  # the other words, by their place: all must stand as they are


@dataclass(frozen=True, slots=True)
class FrozenMatch:
    first: int  # the phrase's first word (an index into the block's words)
    frozen: Frozen


class FrozenIdioms:
    """The frozen expressions of a data file: its distinct keys in sorted order, where each key's lines
    start, and the lines."""

    __slots__ = ("_keys", "_lines", "_near", "_parsed", "_skip", "_starts")

    def __init__(self, keys: list[_Key], starts: list[int], lines: list[str]) -> None:
        self._keys = keys
        self._starts = starts  # key k's lines are lines[starts[k] : starts[k + 1]]
        self._lines = lines
        self._near = frozenset((a, b) for a, b, apart in keys if apart == "1")
        self._skip = frozenset((a, b) for a, b, apart in keys if apart == "2")
        self._parsed: dict[_Key, list[Frozen]] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def entries(self) -> list[Frozen]:
        """Every frozen place of the data."""
        return [entry for key in self._keys for entry in self._entries(key)]

    def _entries(self, key: _Key) -> list[Frozen]:
        found = self._parsed.get(key)
        if found is None:
            k = bisect.bisect_left(self._keys, key)
            lines = (
                self._lines[self._starts[k] : self._starts[k + 1]]
                if k < len(self._keys) and self._keys[k] == key
                else []
            )
            found = self._parsed[key] = [_entry(line) for line in lines]
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
                for entry in self._entries((pair[0], pair[1], str(apart))):
                    first = k - entry.anchor
                    last = first + len(entry.words) - 1
                    if first < 0 or last >= n or f"|{toks[first + entry.place]}|" not in entry.synonyms:
                        continue
                    if all(toks[first + j] == w for j, w in entry.others) and all(gaps[first:last]):
                        found.append(FrozenMatch(first, entry))
        found.sort(key=lambda m: m.first)
        return found


def pair_of(words: list[str], place: int, anchor: int) -> tuple[int, int]:
    """The two words an expression is found by: its anchor and a word beside it, or one further, that is not
    the frozen word (as the first of the two, and how far apart they stand)."""
    for apart in (1, 2):
        for other in (anchor + apart, anchor - apart):
            if 0 <= other < len(words) and other != place:
                return min(anchor, other), apart
    raise ValueError(f"no pair of words to find {' '.join(words)!r} by")


def _entry(line: str) -> Frozen:
    _, apart, keyed, place, first, written, synonyms = line.split("\t")
    words = tuple(keyed.split(" "))
    at, by = int(place), int(first)
    others = tuple((j, w) for j, w in enumerate(words) if j not in (at, by, by + int(apart)))
    return Frozen(words, at, by, written, f"|{synonyms}|", others)


def parse(text: str) -> FrozenIdioms:
    """The data as its build writes it: comments, four lines of index ("@first", "@second", "@apart",
    "@lines": the distinct keys in sorted order and how many lines each has), then the lines in that order."""
    lines = text.replace("\r\n", "\n").split("\n")
    index: dict[str, list[str]] = {}
    k = 0
    while k < len(lines) and (not lines[k] or lines[k][0] in "#@"):
        if lines[k].startswith("@"):
            name, _, values = lines[k][1:].partition("\t")
            index[name] = values.split("|") if values else []
        k += 1
    body = [line for line in lines[k:] if line]
    try:
        keys = list(zip(index["first"], index["second"], index["apart"], strict=True))
        starts = [0, *itertools.accumulate(int(n) for n in index["lines"])]
    except (KeyError, ValueError) as exc:
        raise ValueError(f"frozen expressions: no index as the build writes it ({exc})") from None
    if len(starts) != len(keys) + 1 or starts[-1] != len(body):
        raise ValueError(f"frozen expressions: the index counts {starts[-1]} lines, the file has {len(body)}")
    if any(a >= b for a, b in itertools.pairwise(keys)):
        raise ValueError("frozen expressions: the index is not in sorted order (rebuild the file)")
    return FrozenIdioms(keys, starts, body)


@functools.lru_cache(maxsize=4)
def load_frozen(path: Path) -> FrozenIdioms:
    return parse(path.read_text(encoding="utf-8"))

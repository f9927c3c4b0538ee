"""Curated lists of garbled phrases, matched in one Aho-Corasick pass.

A list is a tab-separated file, one entry a line::

    # comment
    safety forces<TAB>security forces<TAB>security -> safety
    clinical ordeal<TAB>?clinical trial<TAB>a "?" marks a suggestion that is not certain

Matching ignores case, treats curly and straight apostrophes alike, accepts
a hyphen or a space between words alike, and knows the singular and plural
of an entry's last word ("safety force", "Safety Forces").  A match must
stand as whole words.  Overlapping matches resolve to the longest, then the
leftmost.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from checker.datacache import cached, is_builtin
from checker.garbled import Hit

# one-for-one substitutions, so offsets survive; str.replace is much faster than str.translate
# with a table that maps non-ASCII characters
_FOLD = (("’", "'"), ("‘", "'"), ("‐", "-"), ("‑", "-"), ("\u00a0", " "), ("\t", " "), ("\n", " "), ("\r", " "))


@dataclass(frozen=True, slots=True)
class Entry:
    """A lexicon entry: a garbled phrase, the intended phrase and a note."""

    garbled: str
    intended: str
    note: str
    certain: bool


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length (offsets must survive)."""
    for old, new in _FOLD:
        if old in text:
            text = text.replace(old, new)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def read_lexicon(path: Path) -> list[Entry]:
    return [Entry(*row) for row in _parse(path, path.read_text(encoding="utf-8"))]


# an entry as plain data: garbled, intended, note, certain
_Row = tuple[str, str, str, bool]
# what a spelling of the automaton stands for: its length, its entry and the intended phrase
_Key = tuple[int, int, str]


def _parse(path: Path, text: str) -> list[_Row]:
    rows: list[_Row] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            raise ValueError(f"{path}:{number}: expected 'garbled<TAB>intended[<TAB>note]'")
        intended = fields[1].strip()
        rows.append(
            (
                " ".join(fields[0].split()),
                intended.lstrip("?").strip(),
                "\t".join(fields[2:]).strip(),
                intended[0] != "?",
            )
        )
    return rows


def _spellings(rows: Sequence[_Row]) -> tuple[list[str], list[_Key]]:
    """The spellings the entries are matched by (folded, a hyphen as a space), each with its key: the lists'
    own spellings first, so a generated variant never shadows an entry."""
    candidates = [(fold(garbled), index, intended) for index, (garbled, intended, _, _) in enumerate(rows)]
    for index, (garbled, intended, _, _) in enumerate(rows):
        candidates += [(fold(g), index, i) for g, i in _number_variants(garbled, intended)]
    spellings: list[str] = []
    keys: list[_Key] = []
    seen: set[str] = set()
    for folded, index, intended in candidates:
        spelling = folded.replace("-", " ")
        if spelling and spelling not in seen:
            seen.add(spelling)
            spellings.append(spelling)
            keys.append((len(spelling), index, intended))
    return spellings, keys


def _number_variants(garbled: str, intended: str) -> Iterable[tuple[str, str]]:
    """The entry, and the same with its last word in the other number."""
    yield garbled, intended
    head, _, last = garbled.rpartition(" ")
    ihead, _, ilast = intended.rpartition(" ")
    if not last.isalpha() or len(last) < 3:
        return
    if last.endswith("s") and not last.endswith(("ss", "us", "is")):
        singular = last[:-3] + "y" if last.endswith("ies") else last[:-1]
        isingular = ilast[:-3] + "y" if ilast.endswith("ies") else ilast[:-1] if ilast.endswith("s") else ilast
        yield f"{head} {singular}".strip(), f"{ihead} {isingular}".strip()
    elif not last.endswith("s"):
        yield f"{head} {_plural(last)}".strip(), f"{ihead} {_plural(ilast)}".strip()


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def match_case(original: str, suggestion: str) -> str:
    """``suggestion`` in the case of the ``original`` it replaces, with its apostrophes curly where the
    original's are."""
    if "’" in original and "'" in suggestion:
        suggestion = suggestion.replace("'", "’")
    if original.isupper() and len(original) > 1:
        return suggestion.upper()
    words = original.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        # a headline or a name in title case stays in title case
        return " ".join(w[:1].upper() + w[1:] for w in suggestion.split())
    if original[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class Lexicon:
    """Entries from one or more lists, compiled into one automaton."""

    def __init__(self, rows: list[_Row], spellings: list[str] | None = None, keys: list[_Key] | None = None) -> None:
        """``spellings`` and their ``keys`` (see :func:`_spellings`) are worked out here when not given."""
        if spellings is None or keys is None:
            spellings, keys = _spellings(rows)
        self._rows = rows
        self._keys = keys
        # the automaton stores a number for each spelling, the index of its key
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for number, spelling in enumerate(spellings):
            self._automaton.add_word(spelling, number)
        if spellings:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._rows)

    def find(self, text: str, folded: str | None = None) -> list[Hit]:
        """Whole-word matches in ``text``, longest first, never overlapping."""
        if not self._rows:
            return []
        folded = fold(text) if folded is None else folded
        # a hyphen in the copy matches a space in the list ("stop-fire", "stop fire")
        haystack = folded.replace("-", " ")
        found: list[tuple[int, int, int, str]] = []
        n = len(text)
        keys = self._keys
        for last, number in self._automaton.iter(haystack):
            length, index, intended = keys[number]
            start, end = last - length + 1, last + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’"):
                continue
            if end < n and (text[end].isalnum() or (text[end] in "'’" and text[end + 1 : end + 2].isalpha())):
                continue
            found.append((start, end, index, intended))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        hits: list[Hit] = []
        taken_until = -1
        for start, end, index, intended in found:
            if start < taken_until:
                continue
            _, _, entry_note, certain = self._rows[index]
            note = f"; {entry_note}" if entry_note else ""
            hits.append(Hit(start, end, match_case(text[start:end], intended), "lexicon", f"lexicon{note}", certain))
            taken_until = end
        return hits


@functools.lru_cache(maxsize=16)
def load_lexicon(paths: tuple[Path, ...]) -> Lexicon:
    """The lists at ``paths`` as one lexicon, built once per process.  For the built-in lists, the parsed
    entries and the spellings they are matched by are kept beside them (as byte code is) while the lists
    stay as they are: working the spellings out takes longer than compiling them."""
    texts = [path.read_text(encoding="utf-8") for path in paths]

    def worked_out(_: str) -> tuple[list[_Row], list[str], list[_Key]]:
        rows = [row for path, text in zip(paths, texts, strict=True) for row in _parse(path, text)]
        return (rows, *_spellings(rows))

    if not paths:
        return Lexicon([])
    if not all(map(is_builtin, paths)):
        return Lexicon(*worked_out(""))  # a house list is the newsroom's: no copy of it is kept
    key = "\0".join(f"{path.name}\0{text}" for path, text in zip(paths, texts, strict=True))
    what = "lexicon4-" + "+".join(path.stem for path in paths)
    return Lexicon(*cached(paths[0], key, what, worked_out))

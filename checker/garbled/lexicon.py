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

from checker.datacache import cached
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
    return [Entry(*row[:4]) for row in _parse(path, path.read_text(encoding="utf-8"))]


# an entry as plain data, with the keys it is matched by: its own spelling, and (singular, plural) variants
_Row = tuple[str, str, str, bool, str, tuple[tuple[str, str], ...]]


def _parse(path: Path, text: str) -> list[_Row]:
    rows: list[_Row] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            raise ValueError(f"{path}:{number}: expected 'garbled<TAB>intended[<TAB>note]'")
        garbled = " ".join(fields[0].split())
        intended = fields[1].strip()
        certain = not intended.startswith("?")
        intended = intended.lstrip("?").strip()
        variants = tuple((fold(g).replace("-", " "), i) for g, i in _number_variants(garbled, intended))
        rows.append(
            (garbled, intended, "\t".join(fields[2:]).strip(), certain, fold(garbled).replace("-", " "), variants)
        )
    return rows


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

    def __init__(
        self, entries: Sequence[Entry], spellings: Sequence[tuple[str, tuple[tuple[str, str], ...]]] = ()
    ) -> None:
        """``spellings``: for each entry, its folded spelling and its variants' (as :func:`_parse` keeps
        them); worked out here when not given."""
        self._rows = [(entry.garbled, entry.intended, entry.note, entry.certain) for entry in entries]
        # the automaton stores a number for each spelling: (its length, its entry, the intended phrase)
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._keys: list[tuple[int, int, str]] = []
        if not spellings:
            spellings = [
                (
                    fold(entry.garbled).replace("-", " "),
                    tuple((fold(g).replace("-", " "), i) for g, i in _number_variants(entry.garbled, entry.intended)),
                )
                for entry in entries
            ]
        seen: set[str] = set()
        # the lists' own spelling first, so a generated variant never shadows an entry
        keys: list[tuple[str, int, str]] = []
        for index, (entry, (own, _)) in enumerate(zip(entries, spellings, strict=True)):
            keys.append((own, index, entry.intended))
        for index, (_, variants) in enumerate(spellings):
            for spelling, intended in variants:
                keys.append((spelling, index, intended))
        for spelling, index, intended in keys:
            if spelling and spelling not in seen:
                seen.add(spelling)
                self._automaton.add_word(spelling, len(self._keys))
                self._keys.append((len(spelling), index, intended))
        if seen:
            self._automaton.make_automaton()

    @classmethod
    def compiled(
        cls, rows: list[tuple[str, str, str, bool]], spellings: list[str], keys: list[tuple[int, int, str]]
    ) -> Lexicon:
        """A lexicon of entries (as plain rows) whose spellings (each standing for the key of the same
        number) are already worked out: what is left is to compile the automaton, a few milliseconds in C."""
        lexicon = cls.__new__(cls)
        lexicon._rows = rows
        lexicon._keys = keys
        lexicon._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for number, spelling in enumerate(spellings):
            lexicon._automaton.add_word(spelling, number)
        if spellings:
            lexicon._automaton.make_automaton()
        return lexicon

    @property
    def entries(self) -> list[Entry]:
        return [Entry(*row) for row in self._rows]

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
    if not paths:
        return Lexicon([])
    texts = [path.read_text(encoding="utf-8") for path in paths]

    def compiled(_: str) -> tuple[list[tuple[str, str, str, bool]], list[tuple[int, int, str]], list[str]]:
        rows = [row for path, text in zip(paths, texts, strict=True) for row in _parse(path, text)]
        lexicon = Lexicon([Entry(*row[:4]) for row in rows], [(row[4], row[5]) for row in rows])
        spellings = [spelling for spelling, _ in sorted(lexicon._automaton.items(), key=lambda item: item[1])]
        return [row[:4] for row in rows], lexicon._keys, spellings

    key = "\0".join(f"{path.name}\0{text}" for path, text in zip(paths, texts, strict=True))
    what = "lexicon3-" + "+".join(path.stem for path in paths)
    rows, keys, spellings = cached(paths[0], key, what, compiled)
    return Lexicon.compiled(rows, spellings, keys)

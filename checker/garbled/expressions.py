"""Fixed news expressions with one word swapped for a thesaurus synonym.

A spinner that meets "security forces" looks up "security" and writes "safety
forces"; one that meets "state of emergency" writes "nation of emergency".
What gives it away is a phrase that lines up word for word with a fixed
expression of news copy, except for one word that is a synonym of the word
the expression wants, in a combination English does not use.

``rules/data/garbled-expressions.tsv`` (built by
``scripts/build_garbled_expressions.py`` from ``rules/data/news-expressions.txt``,
``news-compounds.txt``, ``spinner-swaps.tsv``, the Moby thesaurus, WordNet and
the Problematic Paper Screener's swaps) holds these sections, every word in its
:func:`norm` form::

    [expressions]   words<TAB>how copy writes it<TAB>flags (numbered from 0 in this order)
    security force  security forces  01
    [words]         word<TAB>where it anchors an expression<TAB>|close synonyms|<TAB>|loose synonyms|
    force           0:1 17:1         |personnel|troop|...|          |army|...|
    [picks]         word<TAB>|what spinners write for it|, sorted
    force           |army|power|troop|...|
    [doubles]       the listed swaps, sorted: two neighbouring words swapped for spinners' picks
    velocity restriction   912:0            (<TAB>expression:position)
    weighty snowfall   0:1<TAB>heavy snowfall   (one word of the longer list's expression: <TAB>position:1<TAB>it)
    [known]         every expression, swappable or not: a phrase that is one is English
    [english]       a swap of a word the language model fixes that it finds English all the same
    burden of evidence
    [attested]      a swapped pair that English does use: never flagged
    security staff

The flags say which words a swap may hit: a digit for a word of a fixed
pair (a strong web collocation whose other word calls for this one), or,
for a word with function words only beside it, one that a generic English
language model's word triples make likely there ("emergency" after "state
of", "rest" after "laid to"); a letter (a for the first word, b for the
second...) for one of a looser pair, which is weaker evidence; and a leading
"+" marks a closed compound.  A word anchors
an expression where it must stand as it is while another word is swapped.

Loading maps the file into memory and reads the index at its end and the
expressions section, nothing more; a word's anchors and synonyms are
parsed the first time a check needs them, and the sorted known and attested
sections are searched by bisection, only for a phrase that has lined up with
an expression, until a long run has looked up enough of them to file them in
sets.
"""

from __future__ import annotations

import binascii
import functools
import mmap
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import TypeAlias

# a built file's bytes: a memory map of it, or the bytes themselves
Data: TypeAlias = bytes | mmap.mmap

# spellings that differ between British and American copy, folded one way so that
# either finds the other's expressions and thesaurus entries
_AMERICAN = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "programme": "program",
    "catalogue": "catalog",
    "analyse": "analyze",
    "cheque": "check",
    "tyre": "tire",
    "grey": "gray",
    "storey": "story",
    "plough": "plow",
    "mould": "mold",
    "sceptic": "skeptic",
    "aluminium": "aluminum",
    "manoeuvre": "maneuver",
    "paediatric": "pediatric",
    "haemorrhage": "hemorrhage",
    "anaesthetic": "anesthetic",
    "oestrogen": "estrogen",
    "jewellery": "jewelry",
    "kerb": "curb",
}
_OUR = re.compile(r"(?<=[a-z]{3})our(?=s?$|ed$|ing$|ite$|ites$|able$)")
_TRE = re.compile(r"(?<=[a-z]{2}[^aeiou])tre(?=s?$|d$)")


@functools.lru_cache(maxsize=65536)
def norm(word: str) -> str:
    """The key a lower-case word is looked up by: American spelling, no plural (or third-person) -s; a
    possessive keeps its 's on the key of the word ("stone's")."""
    if word.endswith("'s"):
        return norm(word[:-2]) + "'s"
    w = _AMERICAN.get(word, word)
    if "our" in w:
        w = _OUR.sub("or", w)
    if "tre" in w:
        w = _TRE.sub("ter", w)
    if "isation" in w:
        w = w.replace("isation", "ization")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "ches", "shes", "xes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous", "news")):
        return w[:-1]
    return w


@dataclass(frozen=True, slots=True)
class Expression:
    """A fixed expression of news copy, and the words of it a swap may hit."""

    words: tuple[str, ...]  # norm forms
    written: str  # how copy writes it: "security forces", "firefighter"
    parts: tuple[str, ...]  # its words as written, split at spaces and hyphens: ("peer", "reviewed")
    compound: bool
    swappable: frozenset[int]  # the words a swap may hit
    fixed: frozenset[int]  # those of them in a fixed pair: a swap there is strong evidence


# words that never count as content: they must stand in the copy exactly as in the expression
FUNCTION_WORDS = frozenset(
    """
    a an the of in on at to for from by with and or as into onto off out up down over under about after before
    than per via its their his her our your my this that these those be is are was were been being has have had
    do does did not no
    """.split()
)


@dataclass(frozen=True, slots=True)
class Anchors:
    """The expressions one word anchors, by where the word stands in them."""

    after: tuple[int, ...]  # two-word expressions whose other word follows
    before: tuple[int, ...]  # ... or precedes
    longer: tuple[tuple[int, int], ...]  # (expression, position) of longer ones


# an expression's marks (compound?, swappable words, fixed words) by its flags: a few dozen kinds
_MARKS: dict[str, tuple[bool, frozenset[int], frozenset[int]]] = {}
_KEPT = 2048  # neighbour tables kept at once
_KEPT_PAIRS = 16384  # word pairs whose listed swaps are kept at once (most have none: a common pair comes back)
_TABLE_AFTER = 48  # meetings of an anchor before its neighbour table is built (one article seldom needs one)
_SET_AFTER = 256  # look-ups of the sorted sections before they are filed in sets


_DOUBLES_BITS = 1 << 20  # bits of the listed swaps' filter, 128 KiB: three a pair, one false hit in a hundred


def _bit_places(pair: bytes) -> tuple[int, int, int]:
    """Where a pair of words has its three bits: by CRC-32, stepped by Adler-32 (a Bloom filter)."""
    h1, h2 = zlib.crc32(pair), zlib.adler32(pair) | 1
    return h1 % _DOUBLES_BITS, (h1 + h2) % _DOUBLES_BITS, (h1 + 2 * h2) % _DOUBLES_BITS


def doubles_bits(phrases: Iterable[str]) -> bytes:
    """A filter of the first two words of each phrase: most word pairs of the copy are told apart from the
    listed swaps without searching them.  (One bit a pair let one pair in thirteen through; three let one
    in a hundred.)"""
    bits = bytearray(_DOUBLES_BITS // 8)
    for phrase in phrases:
        for h in _bit_places(" ".join(phrase.split(" ", 2)[:2]).encode("utf-8")):
            bits[h >> 3] |= 1 << (h & 7)
    return bytes(bits)


def _may_be_listed(bits: bytes, pair: str) -> bool:
    """Whether ``pair`` may start a listed swap (a few pairs that do not pass too)."""
    # :func:`_bit_places` spelled out: four pairs in five stop at the first bit, before the second hash
    key = pair.encode("utf-8")
    h1 = zlib.crc32(key)
    h = h1 % _DOUBLES_BITS
    if not bits[h >> 3] >> (h & 7) & 1:
        return False
    h2 = zlib.adler32(key) | 1
    h = (h1 + h2) % _DOUBLES_BITS
    if not bits[h >> 3] >> (h & 7) & 1:
        return False
    h = (h1 + 2 * h2) % _DOUBLES_BITS
    return bool(bits[h >> 3] >> (h & 7) & 1)


def _first_not_before(data: Data, lo: int, hi: int, key: bytes) -> int:
    """Where the first line of ``data[lo:hi]`` not sorted before ``key`` starts (``hi`` if none): the
    section's lines are sorted, so a binary search finds it in place."""
    while lo < hi:
        mid = (lo + hi) // 2
        cut = data.rfind(b"\n", lo, mid)
        start = lo if cut < 0 else cut + 1
        end = data.find(b"\n", start, hi)
        if end < 0:
            end = hi
        if data[start:end] < key:
            lo = end + 1
        else:
            hi = start
    return lo


def _lines_from(data: Data, span: tuple[int, int], prefix: bytes) -> list[str]:
    """The lines of the sorted section at ``span`` that start with ``prefix``."""
    lo = _first_not_before(data, *span, prefix)
    found = []
    while lo < span[1]:
        stop = data.find(b"\n", lo, span[1])
        if stop < 0:
            stop = span[1]
        line = data[lo:stop]
        if not line.startswith(prefix):
            break
        found.append(line.decode("utf-8"))
        lo = stop + 1
    return found


def _in_sorted_lines(data: Data, lo: int, hi: int, key: bytes) -> bool:
    """Whether ``key`` is a line of ``data[lo:hi]``, whose lines are sorted."""
    at = _first_not_before(data, lo, hi, key)
    end = data.find(b"\n", at, hi)
    return at < hi and data[at : hi if end < 0 else end] == key


@dataclass(slots=True)
class Expressions:
    """The expression data, read where it lies and parsed a word at a time."""

    lines: list[str]  # the expressions section, a line each
    data: Data  # the whole file, encoded: a word's line is sliced out of it the first time the word is met
    words: dict[str, int]  # word -> where its "anchors<TAB>|close|<TAB>|loose|" starts in ``data``
    anchoring: frozenset[str]  # the words that anchor an expression
    known_span: tuple[int, int]  # where the known section lies in ``text``, parsed the first time it is needed
    attested_span: tuple[int, int]
    # searched where it lies, never filed in a set: only a swap of a word the language model fixes asks
    english_span: tuple[int, int] = (0, 0)
    # the listed swaps (two neighbouring words swapped for spinners' picks, or one word of an expression of the
    # longer list), sorted, searched where they lie for a phrase whose first two words have their bit in
    # ``doubling``
    doubles_span: tuple[int, int] = (0, 0)
    doubling_at: tuple[int, int] = (0, 0)  # the index's bit set of the doubles' first two words, if any
    picks_span: tuple[int, int] = (0, 0)  # word<TAB>|what spinners write for it|, sorted
    # the words with a possessive 's that an expression or a listed swap has: such a word of the copy keeps its
    # 's ("a stone's throw"); any other possessive is its word, and no expression goes on past it
    possessives: frozenset[str] = frozenset()
    _known: frozenset[str] | None = None
    _attested: frozenset[str] | None = None
    _expressions: dict[int, Expression] = field(default_factory=dict)
    _anchors: dict[str, Anchors] = field(default_factory=dict)
    _neighbours: dict[tuple[str, int], dict[str, Codes]] = field(default_factory=dict)
    _swaps: dict[str, tuple[str, str]] = field(default_factory=dict)
    _picks: dict[str, str] = field(default_factory=dict)
    _doubling: bytes | None = None
    _longer: dict[str, Expression] = field(default_factory=dict)
    _starting: dict[str, list[tuple[str, Expression, int, int]]] = field(default_factory=dict)
    _met: dict[tuple[str, int], int] = field(default_factory=dict)
    _lookups: int = 0

    def expression(self, number: int) -> Expression:
        found = self._expressions.get(number)
        if found is None:
            words, written, flags = self.lines[number].split("\t")
            marks = _MARKS.get(flags)
            if marks is None:
                fixed = frozenset(int(c) for c in flags if c.isdigit())
                swappable = fixed | frozenset("abcd".index(c) for c in flags if c in "abcd")
                # ("c" is also the third word's letter: the compound mark is a "+" of its own)
                marks = _MARKS[flags] = (flags.startswith("+"), swappable, fixed)
            parts = tuple(written.replace("-", " ").split(" "))
            found = Expression(tuple(words.split(" ")), written, parts, *marks)
            self._expressions[number] = found
        return found

    def anchors(self, word: str) -> Anchors:
        """The expressions ``word`` anchors: two-word ones with the other word after it, before it, and
        longer ones (with the position of ``word``)."""
        found = self._anchors.get(word)
        if found is None:
            line = self._line(word)
            after: list[int] = []
            before: list[int] = []
            longer: list[tuple[int, int]] = []
            for anchor in ("" if line is None else line[: line.find("\t")]).split(" "):
                if not anchor:
                    continue
                number, _, position = anchor.partition(":")
                if position.endswith("+"):
                    longer.append((int(number), int(position[:-1])))
                else:
                    (after if position == "0" else before).append(int(number))
            found = Anchors(tuple(after), tuple(before), tuple(longer))
            self._anchors[word] = found
        return found

    def swaps(self, word: str) -> tuple[str, str]:
        """``word``'s close and loose synonyms, each as "|a|b|birthday party|" ("" when it has none)."""
        found = self._swaps.get(word)
        if found is None:
            line = self._line(word)
            if line is None:
                found = ("", "")
            else:
                _, close, loose = line.split("\t")
                found = (close, loose)
            self._swaps[word] = found
        return found

    def picks(self, word: str) -> str:
        """What spinners are known to write for ``word`` ("|velocity|pace|"): a swap among them is typical
        of spinning, not just a synonym a writer might choose."""
        found = self._picks.get(word)
        if found is None:
            lines = _lines_from(self.data, self.picks_span, f"{word}\t".encode())
            found = self._picks[word] = lines[0].partition("\t")[2] if lines else ""
        return found

    def neighbours(self, word: str, side: int) -> dict[str, Codes] | None:
        """For the two-word expressions ``word`` anchors with the other word after it (``side`` 0) or
        before it (1): each synonym of that other word -> the expressions it stands in, each coded as twice
        its number, plus one for a close synonym, and a lone one not in a tuple (see :func:`_decoded`; a
        common anchor's table has tens of thousands of entries, and plain numbers take a third of the
        memory of pairs in lists).  Built once a word has been met many times (a long run meets the common
        ones often; a single article is cheaper checked expression by expression); None until then."""
        key = (word, side)
        table: dict[str, Codes] | None = self._neighbours.get(key)
        if table is not None:
            return table
        met = self._met.get(key, 0) + 1
        self._met[key] = met
        if met < _TABLE_AFTER:
            return None
        table = {}
        get = table.get
        anchors = self.anchors(word)
        for number in anchors.after if side == 0 else anchors.before:
            e = self.expression(number)
            if 1 - side not in e.swappable:
                continue
            close, loose = self.swaps(e.words[1 - side])
            for synonyms, code in ((close, 2 * number + 1), (loose, 2 * number)):
                for synonym in synonyms[1:-1].split("|") if synonyms else ():
                    synonym = intern(synonym)  # one copy of a synonym for every table that has it
                    had = get(synonym)
                    table[synonym] = code if had is None else (*(had if type(had) is tuple else (had,)), code)
                    if " " in synonym:
                        table[""] = ()  # marks a table that holds two-word synonyms
        if len(self._neighbours) >= _KEPT:
            self._neighbours.clear()  # memory stays bounded on a long run
        self._neighbours[key] = table
        return table

    def _line(self, word: str) -> str | None:
        start = self.words.get(word)
        return None if start is None else self.data[start : self.data.find(b"\n", start)].decode("utf-8")

    # both sections are sorted: a few look-ups (one article) search the text where it lies; a long run
    # files the section in a set once it has looked up enough
    def is_known(self, phrase: str) -> bool:
        if self._known is None:
            found = self._search(self.known_span, phrase)
            if found is not None:
                return found
            self._known = self._filed(self.known_span)
        return phrase in self._known

    def is_attested(self, pair: str) -> bool:
        if self._attested is None:
            found = self._search(self.attested_span, pair)
            if found is not None:
                return found
            self._attested = self._filed(self.attested_span)
        return pair in self._attested

    def _search(self, span: tuple[int, int], key: str) -> bool | None:
        """Whether ``key`` is a line of the sorted section at ``span``, searched where it lies; None once
        enough look-ups have been made that the section is worth filing in a set."""
        self._lookups += 1
        if self._lookups < _SET_AFTER:
            return _in_sorted_lines(self.data, *span, key.encode("utf-8"))
        return None

    def _filed(self, span: tuple[int, int]) -> frozenset[str]:
        return frozenset(self.data[slice(*span)].decode("utf-8").split("\n"))

    def is_english(self, phrase: str) -> bool:
        """Whether the language model finds ``phrase``, a swap of a word it fixes, English all the same."""
        return _in_sorted_lines(self.data, *self.english_span, phrase.encode("utf-8"))

    @property
    def doubling(self) -> bytes:
        """A filter of the first two words of the listed swaps' phrases (see :func:`doubles_bits`), read the
        first time it is asked for: an article that shows no weak evidence never needs it."""
        if self._doubling is None:
            lo, hi = self.doubling_at
            if hi > lo:
                self._doubling = binascii.a2b_base64(self.data[lo:hi])
            else:
                lo, hi = self.doubles_span
                lines = self.data[lo:hi].decode("utf-8").split("\n")
                self._doubling = doubles_bits(line.partition("\t")[0] for line in lines if line)
        return self._doubling

    def starting(self, pair: str) -> list[tuple[str, Expression, int, int]]:
        """:meth:`doubles` of a pair of the copy's words, kept: a long run meets the same pairs again and
        again, and most of them start no listed swap."""
        found = self._starting.get(pair)
        if found is None:
            found = self.doubles(pair) if _may_be_listed(self.doubling, pair) else []
            if len(self._starting) >= _KEPT_PAIRS:
                self._starting.clear()  # memory stays bounded on a long run
            self._starting[pair] = found
        return found

    def doubles(self, prefix: str) -> list[tuple[str, Expression, int, int]]:
        """The listed swaps whose phrase starts with the two words ``prefix``: (phrase, expression, position,
        how many of the expression's words are swapped)."""
        found = []
        for line in _lines_from(self.data, self.doubles_span, prefix.encode("utf-8")):
            phrase, where, *written = line.split("\t")
            if phrase != prefix and not phrase.startswith(f"{prefix} "):
                continue  # "velocity restrictions ..." after "velocity restriction"
            if written:  # one word of an expression of the longer list: "<TAB>position:1<TAB>written"
                found.append((phrase, self._of_longer_list(written[0]), int(where.partition(":")[0]), 1))
            else:  # two words of an expression of the list: "<TAB>number:position"
                number, _, position = where.partition(":")
                found.append((phrase, self.expression(int(number)), int(position), 2))
        return found

    def _of_longer_list(self, written: str) -> Expression:
        """An expression of the longer list, as its listed swaps write it."""
        found = self._longer.get(written)
        if found is None:
            parts = tuple(written.replace("-", " ").split(" "))
            words = tuple(norm(part.lower()) for part in parts)
            found = self._longer[written] = Expression(
                words, written, parts, False, frozenset(range(len(words))), frozenset()
            )
        return found

    def __len__(self) -> int:
        return len(self.lines)


@dataclass(slots=True)
class Index:
    """Where a file's sections are, and each word's line in the words section."""

    spans: dict[str, tuple[int, int]]
    words: dict[str, int]  # word -> where its "anchors<TAB>|close|<TAB>|loose|" starts
    anchoring: frozenset[str]
    # where the index keeps the bit set of the doubles section's phrases (base64); (0, 0) for a file without an
    # index, whose doubles section is read instead
    doubling_at: tuple[int, int] = (0, 0)
    possessives: frozenset[str] = frozenset()  # the words with a possessive 's that the data holds ("stone's")


# a word with a possessive 's, in the data
_POSSESSIVE = re.compile(rb"[a-z]+'s(?![a-z])")


def parse(text: str) -> Expressions:
    """The expressions of a file's text (see :func:`load_expressions`, which reads the file where it lies)."""
    return parse_data(text.encode("utf-8"))


def parse_data(data: Data) -> Expressions:
    """Index the file without splitting it: 4 MB of synonyms would otherwise cost more than the start-up
    budget, and an article meets a few hundred of its 2,500 words.  The built file carries its index in
    its last section; a file without one (or one edited since it was built) is scanned."""
    index = _read_index(data) or scan(data)
    start, end = index.spans.get("expressions", (0, 0))
    lines = [line for line in data[start:end].decode("utf-8").split("\n") if line and line[0] != "#"]
    return Expressions(
        lines,
        data,
        index.words,
        index.anchoring,
        index.spans.get("known", (0, 0)),
        index.spans.get("attested", (0, 0)),
        index.spans.get("english", (0, 0)),
        index.spans.get("doubles", (0, 0)),
        index.doubling_at,
        index.spans.get("picks", (0, 0)),
        possessives=index.possessives,
    )


def _read_index(data: Data) -> Index | None:
    at = data.rfind(b"\n[index]\n")
    if at < 0:
        return None
    # the doubles' first words are read only when an article needs them (see Expressions.doubling)
    doubles = data.find(b"\n@doubles\t", at)
    end = len(data) if doubles < 0 else doubles
    doubling_at = (0, 0)
    if doubles >= 0:
        stop = data.find(b"\n", doubles + 1)
        doubling_at = (doubles + 10, len(data) if stop < 0 else stop)
    try:
        spans: dict[str, tuple[int, int]] = {}
        words: dict[str, int] = {}
        anchoring: list[str] = []
        possessives: frozenset[str] = frozenset()
        for line in data[at + 9 : end].decode("utf-8").split("\n"):
            fields = line.split("\t")
            if fields[0] == "@possessives":
                possessives = frozenset(fields[1:])
            if fields[0] == "@sections":
                for field_ in fields[1:]:
                    section, lo, hi = field_.split(":")
                    spans[section] = (int(lo), int(hi))
            elif fields[0] == "@words":
                for word, offset in zip(fields[1::2], map(int, fields[2::2]), strict=True):
                    words[word] = abs(offset)
                    if offset > 0:
                        anchoring.append(word)
    except ValueError:  # UnicodeDecodeError too
        return None
    if not spans or not words:
        return None
    # the index must still describe the data: a section heading and a word's line where it says
    for name, (start, stop) in spans.items():
        heading = f"[{name}]\n".encode()
        if data[start - len(heading) : start] != heading or data[stop : stop + 2] != b"\n[":
            return None
    for word in (next(iter(words)), next(reversed(words))):
        key = word.encode("utf-8") + b"\t"
        if data[words[word] - len(key) : words[word]] != key:
            return None
    return Index(spans, words, frozenset(anchoring), doubling_at, possessives)


def scan(data: Data) -> Index:
    """The index of a file, found by reading its sections."""
    spans: dict[str, tuple[int, int]] = {}
    name, body = "", 0
    head = data.find(b"[") if data[:1] == b"[" else data.find(b"\n[")
    while head >= 0:
        if name:
            spans[name] = (body, head)
        start = head + (data[head : head + 1] == b"\n")
        close = data.find(b"]\n", start)
        if close < 0:
            break
        name, body = data[start + 1 : close].decode("utf-8"), close + 2
        head = data.find(b"\n[", body)
    if name:
        spans[name] = (body, len(data))
    spans.pop("index", None)
    words: dict[str, int] = {}
    anchoring: list[str] = []
    i, end = spans.get("words", (0, 0))
    find = data.find
    while i < end:
        tab = find(b"\t", i, end)
        stop = find(b"\n", i, end)
        if stop < 0:
            stop = end
        if 0 <= tab < stop:
            word = data[i:tab].decode("utf-8")
            words[word] = tab + 1
            if data[tab + 1 : tab + 2] != b"\t":
                anchoring.append(word)
        i = stop + 1
    possessives = frozenset(m.decode("utf-8") for m in _POSSESSIVE.findall(data))
    return Index(spans, words, frozenset(anchoring), possessives=possessives)


@functools.lru_cache(maxsize=4)
def load_expressions(path: Path) -> Expressions:
    """The expressions of a built file, read where it lies: a memory map, of which an article touches the
    few pages its words' lines are on, instead of reading and decoding 4 MB at every start."""
    with path.open("rb") as fh:
        head = fh.read(1)
        if head:
            try:
                data: Data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # a file system without memory maps
                data = head + fh.read()
        else:
            data = b""
    first = data.find(b"\n")
    if first > 0 and data[first - 1 : first] == b"\r":  # line endings a checkout changed: read it as text
        return parse(bytes(data).decode("utf-8").replace("\r\n", "\n"))
    return parse_data(data)


@dataclass(frozen=True, slots=True)
class Swap:
    """A phrase of copy lined up with an expression, with one word (or two for one) swapped."""

    expression: Expression
    first: int  # the phrase's first and last word (indices into the block's words)
    last: int
    position: int  # which of the expression's words was swapped
    swap_first: int  # the copy's words that stand in its place
    swap_last: int
    close: bool  # a close synonym, or a loose one
    double: bool = False  # words ``position`` and ``position + 1`` both swapped for a spinner's picks
    listed: bool = False  # found in the listed swaps (two words swapped, or one in the longer list)

    @property
    def tier(self) -> int:
        """0: a close synonym in a fixed pair, evidence on its own; 1: a close synonym beside a content
        word, in a looser pair; 2: a loose synonym, a closed compound, or a swap between function words.
        3: a listed swap (two words swapped for spinners' picks, or one in an expression of the longer list),
        shown where grade 2 is but no corroboration of anything: many such phrases are English that no pair
        list holds ("district administration" is no garbled "regional government")."""
        e, q = self.expression, self.position
        if self.listed:
            return 3
        if not self.close or e.compound:
            return 2
        beside = _beside_content(e.words, q)
        if q in e.fixed:
            # beside function words only, fixed by the language model's word triples ("laid to rest"):
            # a weaker sign than a fixed pair ("freed on bail" is English the triples do not hold)
            return 0 if beside else 1
        return 1 if beside else 2


# a neighbour table's entry: expressions coded as 2 * number + close (see ``Expressions.neighbours``)
Codes: TypeAlias = int | tuple[int, ...]


def _decoded(codes: Codes | None) -> list[tuple[int, bool]]:
    """A neighbour table's entry as (expression number, close synonym?) pairs."""
    if codes is None:
        return []
    if isinstance(codes, int):
        return [(codes >> 1, bool(codes & 1))]
    return [(code >> 1, bool(code & 1)) for code in codes]


def _beside_content(words: tuple[str, ...], q: int) -> bool:
    return (q > 0 and words[q - 1] not in FUNCTION_WORDS) or (q + 1 < len(words) and words[q + 1] not in FUNCTION_WORDS)


def _swap_width(
    exprs: Expressions, wanted: str, toks: list[str], gaps: list[str], j: int, step: int
) -> tuple[int, bool]:
    """How many copy words from ``j`` (going ``step``) stand for ``wanted`` as its synonym (0, 1 or 2),
    and whether the synonym is a close one."""
    close, loose = exprs.swaps(wanted)
    key = f"|{toks[j]}|"
    if key in close:
        return 1, True
    if key in loose:
        return 1, False
    k = j + step
    if not (0 <= k < len(toks) and gaps[min(j, k)]):
        return 0, False
    key = f"|{toks[j]} {toks[k]}|" if step > 0 else f"|{toks[k]} {toks[j]}|"
    if key in close:
        return 2, True
    if key in loose:
        return 2, False
    return 0, False


def _align(exprs: Expressions, e: Expression, p: int, i: int, toks: list[str], gaps: list[str]) -> Swap | None:
    """Line ``e`` up with the copy so that its word ``p`` is the copy's word ``i``; one word swapped."""
    words, swappable = e.words, e.swappable
    n = len(toks)
    swap: tuple[int, int, int, bool] | None = None
    j = i
    for q in range(p + 1, len(words)):
        if j + 1 >= n or not gaps[j]:
            return None
        j += 1
        if toks[j] == words[q]:
            continue
        if swap is not None or q not in swappable:
            return None
        width, close = _swap_width(exprs, words[q], toks, gaps, j, 1)
        if not width:
            return None
        swap = (q, j, j + width - 1, close)
        j += width - 1
    last = j
    j = i
    for q in range(p - 1, -1, -1):
        if j < 1 or not gaps[j - 1]:
            return None
        j -= 1
        if toks[j] == words[q]:
            continue
        if swap is not None or q not in swappable:
            return None
        width, close = _swap_width(exprs, words[q], toks, gaps, j, -1)
        if not width:
            return None
        swap = (q, j - width + 1, j, close)
        j -= width - 1
    if swap is None:
        return None
    return Swap(e, j, last, *swap)


def swaps_in(exprs: Expressions, toks: list[str], gaps: list[str], doubles: bool = False) -> list[Swap]:
    """Every phrase of ``toks`` one synonym swap from an expression and not attested as English; with
    ``doubles``, only the listed swaps (two neighbouring words swapped for spinners' picks, or one word of
    an expression of the longer list), where no swap found word by word lines the same words up.

    ``toks`` are the :func:`norm` forms of a block's words; ``gaps[k]`` is
    the space or hyphen between word ``k`` and word ``k + 1``, or "" where
    anything else separates them.
    """
    found: dict[tuple[int, int], Swap] = {}
    anchoring = exprs.anchoring
    known_anchors = exprs._anchors
    tables = exprs._neighbours
    expressions = exprs._expressions
    n = len(toks)
    at: Iterable[int] = range(n)
    if doubles:
        known_pairs = exprs._starting
        for i in range(n - 1):
            if not gaps[i]:
                continue
            pair = f"{toks[i]} {toks[i + 1]}"
            starting = known_pairs.get(pair)
            if starting is None:
                starting = exprs.starting(pair)
            if starting:
                for double in _doubles_at(starting, i, toks, gaps):
                    if not exprs.is_known(" ".join(toks[double.first : double.last + 1])):
                        found.setdefault((double.first, double.last), double)
        # a single swap on the same words is the better reading: look for those only there
        at = sorted({k for double in found.values() for k in range(double.first, double.last + 1)})
    for i in at:
        tok = toks[i]
        if tok not in anchoring:
            continue
        anchors = known_anchors.get(tok) or exprs.anchors(tok)
        swaps: list[Swap] = []
        # two-word expressions: one look-up of the neighbour (or the two neighbours) among the synonyms
        # of the expression's other word
        for side, numbers in ((0, anchors.after), (1, anchors.before)):
            if not numbers:
                continue
            if side == 0:
                j, k = i + 1, i + 2  # the neighbour that may be a swapped word, and the next one
                if j >= n or not gaps[i]:
                    continue
                paired = k < n and gaps[j]
            else:
                j, k = i - 1, i - 2
                if j < 0 or not gaps[j]:
                    continue
                paired = k >= 0 and gaps[k]
            table = tables.get((tok, side))
            if table is None:
                table = exprs.neighbours(tok, side)
            pair = ""
            if paired and (table is None or "" in table):  # "" marks a table with two-word synonyms
                pair = f"{toks[j]} {toks[k]}" if side == 0 else f"{toks[k]} {toks[j]}"
            widened: list[tuple[int, tuple[int, bool]]] = []
            if table is not None:
                # the common case on a long run: one or two dictionary look-ups, and mostly nothing found
                one = table.get(toks[j])
                two = table.get(pair) if pair else None
                if one is None and two is None:
                    continue
                widened = [(1, m) for m in _decoded(one)] + [(2, m) for m in _decoded(two)]
            else:
                for width, key in ((1, toks[j]), (2, pair)):
                    if not key:
                        continue
                    bar = f"|{key}|"
                    for number in numbers:
                        e = exprs.expression(number)
                        if 1 - side in e.swappable:
                            near, far = exprs.swaps(e.words[1 - side])
                            if bar in near or bar in far:
                                widened.append((width, (number, bar in near)))
            for width, (number, close) in widened:
                if side == 0:
                    swaps.append(Swap(exprs.expression(number), i, i + width, 1, i + 1, i + width, close))
                else:
                    swaps.append(Swap(exprs.expression(number), i - width, i, 0, i - width, i - 1, close))
        for number, p in anchors.longer:
            e = expressions.get(number) or exprs.expression(number)
            # one neighbour first: most times an anchor is met it stands in no expression ("word" is not
            # "word of mouth" unless "of" follows), and that needs no alignment
            q = p + 1 if p + 1 < len(e.words) else p - 1
            j = i + q - p
            if not (0 <= j < n and (gaps[i] if j > i else gaps[j])):
                continue
            if toks[j] != e.words[q]:
                if q not in e.swappable:
                    continue
                # the neighbour is the swapped word, so every other word stands as it is: look at one more
                step = q - p
                r = q + step
                if 0 <= r < len(e.words):  # beyond it, after a synonym of one word or of two
                    k = j + step
                    if not (0 <= k < n and toks[k] == e.words[r]) and not (
                        0 <= k + step < n and toks[k + step] == e.words[r]
                    ):
                        continue
                else:  # on the anchor's other side
                    r, k = p - step, i - step
                    if 0 <= r < len(e.words) and not (0 <= k < n and toks[k] == e.words[r]):
                        continue
            hit = _align(exprs, e, p, i, toks, gaps)
            if hit is not None:
                swaps.append(hit)
        for hit in swaps:
            kept = found.get((hit.first, hit.last))
            if kept is not None and kept.listed:
                # one word swapped explains the phrase better than two, even where that swap is English
                del found[(hit.first, hit.last)]
            elif (
                kept is not None
                and kept.tier <= hit.tier
                and (is_typical(exprs, kept, toks) or not is_typical(exprs, hit, toks))
            ):
                # of two expressions a phrase lines up with, the stronger evidence speaks, unless only the
                # weaker is a swap spinners make ("profit caution": "profit warning", not "profit margin")
                continue
            words = hit.expression.words
            if (
                hit.position == len(words) - 1
                and len(words) > 2
                and hit.position not in hit.expression.fixed
                and not _beside_content(words, hit.position)
            ):
                # "series of blasts", "signs of strain": after a function word, the last word is free,
                # unless the language model found it fixed there ("state of emergency", "laid to rest")
                continue
            if exprs.is_known(" ".join(toks[hit.first : hit.last + 1])) or _attested(exprs, hit, toks):
                continue
            if _heads_compound(exprs, hit, toks, gaps):
                continue
            found[(hit.first, hit.last)] = hit
    return sorted((s for s in found.values() if s.listed == doubles), key=lambda s: (s.first, s.last))


def is_typical(exprs: Expressions, hit: Swap, toks: list[str]) -> bool:
    """Whether the swap is one spinners are known to make."""
    swapped = " ".join(toks[hit.swap_first : hit.swap_last + 1])
    return hit.listed or f"|{swapped}|" in exprs.picks(hit.expression.words[hit.position])


def _doubles_at(
    starting: list[tuple[str, Expression, int, int]], i: int, toks: list[str], gaps: list[str]
) -> list[Swap]:
    """Of the listed swaps ``starting`` with the copy's words ``i`` and ``i + 1``, those that the copy's
    words from ``i`` spell, with nothing but spaces and hyphens between."""
    out = []
    for phrase, e, q, width in starting:
        words = phrase.split(" ")
        last = i + len(words) - 1
        if last >= len(toks) or toks[i : last + 1] != words or not all(gaps[i:last]):
            continue
        after = len(e.words) - q - width  # the expression's words after the swapped ones
        out.append(Swap(e, i, last, q, i + q, last - after, True, double=width == 2, listed=True))
    return out


def _heads_compound(exprs: Expressions, hit: Swap, toks: list[str], gaps: list[str]) -> bool:
    """The swapped first word ends an expression with the word before it: "protection" in "civil protection
    ministry" is the ministry of civil protection, no swap of "defence ministry"."""
    k = hit.swap_first
    if hit.position != 0 or k == 0 or not gaps[k - 1] or hit.swap_last != k or toks[k - 1] in FUNCTION_WORDS:
        return False
    pair = f"{toks[k - 1]} {toks[k]}"
    return exprs.is_known(pair) or exprs.is_attested(pair)


def _attested(exprs: Expressions, hit: Swap, toks: list[str]) -> bool:
    """The swapped words next to the expression's neighbouring content words make a pair English uses.

    A swap with no content word beside it ("nation of emergency" next to
    "state of emergency") has no pair to check: it counts as English unless
    the synonym is a close one, and even then it is weak evidence.
    """
    words, q = hit.expression.words, hit.position
    checked = False
    if q > 0 and words[q - 1] not in FUNCTION_WORDS:
        checked = True
        if exprs.is_attested(f"{toks[hit.swap_first - 1]} {toks[hit.swap_first]}"):
            return True
    if q + 1 < len(words) and words[q + 1] not in FUNCTION_WORDS:
        checked = True
        if exprs.is_attested(f"{toks[hit.swap_last]} {toks[hit.swap_last + 1]}"):
            return True
    if not checked and q in hit.expression.fixed:
        # a word the language model fixes beside function words: English if the model finds the swap so
        return exprs.is_english(" ".join(toks[hit.first : hit.last + 1]))
    return not checked and not hit.close

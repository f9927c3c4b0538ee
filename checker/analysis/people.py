"""People and organisations named in a document: the person registry.

The ``mentions`` layer finds every capitalised name in the body copy
(headlines and captions are not copy), decides whether it names a person, an
organisation or a place, and links later references ("Jennings", "Mr
Jennings", "Tom") to the person first named in full ("Tom Jennings").  Each
person records how, and where, the article introduced them:

* ``full-name``: a first name and a surname ("Gethin Morgan");
* ``title-name``: a title or role before the name ("Interior Minister Wais
  Ahmad Barmak", "police spokesman Hashmat Stanekzai", "Governor Smith");
* ``appositive``, ``age``, ``who-clause``: a single name with a description
  ("Asam, the head of the Kabul ambulance service, ...", "Tolib, 41,",
  "Adaeze, who uses only one name,").

A bare surname, or a courtesy title with a surname ("Mr Jennings"), is a
mention but not an introduction.

Capitalisation alone does not make a name: a capitalised word that opens a
sentence and occurs elsewhere in lower case ("Police", "Officials") is a
common word, and a run with an organisation or place marker ("Norland
Energy", "Quay Street") is not a person.  A single word that the article
elsewhere treats as an organisation ("Norland said it ...", "Medora, which
employs ...", "software company Brightwave") is recorded as one.

The word lists live in the built-in ``rules/`` folder (see :class:`Lexicon`);
a rule may hand the layers a different lexicon through ``facts.options``.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from checker.analysis.numbers import TENS_WORDS, UNITS_WORDS
from checker.document import Document
from checker.packs import builtin_rules_dir, read_word_list

if TYPE_CHECKING:
    from checker.analysis import Facts

LEXICON_OPTION = "quotes.lexicon"

Introduction = Literal["full-name", "title-name", "appositive", "age", "who-clause", "bare", "honorific"]
Gender = Literal["female", "male", "unknown"]

#: the forms that count as introducing a person
INTRODUCING: frozenset[str] = frozenset({"full-name", "title-name", "appositive", "age", "who-clause"})

# Body blocks: where people are introduced.  Headlines, captions and page
# furniture name people too, but never introduce them.
BODY_BLOCKS = frozenset({"paragraph", "quote", "list_item"})

# particles of surnames, Irish among them ("Ní Bhriain", "Mac Giolla")
PARTICLES = frozenset(
    "al bin ibn da das de del della der di do dos du el la le van von y ten ter zu ó ní mac nic".split()
)

# an Arabic article joined to the name by a hyphen: "al-Mansoori", "el-Sisi", "ash-Shami"
_HYPHENED_PARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-(\w[\w'’-]*)$", re.IGNORECASE)

# Words that open sentences and are never names, whatever their case.
COMMON_CAPITALS = frozenset(
    """
    a about according after again against all also although among an and another any as at because before being
    both but by despite during each earlier either even every few first for from further given he her here his
    however i if in instead it its last later like many meanwhile more most much my neither no none nor not now
    of on once one only or other others our outside over she since so some still such than that the their them
    then there these they this those though through to today tomorrow under unlike until up we what when where
    whether which while who whose why with within without yesterday yet you your monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september october november
    december
    """.split()
)

# a picture credit closing a short paragraph: "(Photo: Marta Kowal/Reuters)", "Photo: Kevin Arden / Pelham
# Gazette", "(AP Photo/Jane Doe)", "Photograph: John Smith/Getty Images"
PICTURE_CREDIT = re.compile(
    r"[(\[]?\b(?:(?:[A-Z]{2,}\s+)?(?:Photo(?:graph)?s?|PHOTO(?:GRAPH)?S?)|Pictures?|PICTURES?|Pic|PIC|Image|IMAGE|Credit|"
    r"CREDIT|Photo credit|PHOTO CREDIT)"
    # (after a colon the credit may open with any letter: "Picture: reader submitted", "Photograph: Ádám Kertész")
    r"(?:\s*:\s*[^\W\d_]|\s*/\s*[A-Z]|\s+by\s+[A-Z])[^()\[\]\n.!?]{1,80}[)\]]?\s*$"
    # "[Courtesy of Mare Aperto/Tomás Arregui]": a picture lent, ending a caption
    r"|[(\[]Courtesy(?:\s+of)?\s+[A-Z][^()\[\]\n]{1,80}[)\]]\s*$"
    # "(Jenna Hollis / WKDM)", "(Ana Ruiz/Getty Images)": a photographer and the outlet, ending a caption
    r"|\((?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w'’-]+\s*/\s*"
    r"(?:[A-Z]{2,}[A-Z0-9-]*|Getty\s+Images|Reuters|Bloomberg|Shutterstock|Alamy)(?:\s+[A-Z][\w-]*)?\)\s*$"
)


def has_credit_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a word a picture credit starts with: a plain search first, which
    most paragraphs fail, before the pattern."""
    find = text.find
    return (
        find("Photo", start, end) >= 0
        or find("PHOTO", start, end) >= 0
        or find("Pic", start, end) >= 0
        or find("PIC", start, end) >= 0
        or find("Image", start, end) >= 0
        or find("IMAGE", start, end) >= 0
        or find("Credit", start, end) >= 0
        or find("CREDIT", start, end) >= 0
        or find("Courtesy", start, end) >= 0
        or find("/", start, end) >= 0
    )


_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
# an acronym ("BBC", "NGOs") or a word set in capitals ("WASHINGTON" in a dateline)
_ACRONYM = re.compile(r"^[A-Z]{2,}s?$")
# "Sabanero were leading", "Norland have won": a plural verb after a single name; not "Jones and Ruiz were"
_PLURAL_VERB_AFTER = re.compile(r"\s+(?:were|are|have\s+(?:been|won|lost|drawn|beaten))\b")
_JOINED_BEFORE = re.compile(r"(?:\band|&|,|\bboth)\s*$", re.IGNORECASE)


# a bank named in one word: "Privatbank", "Landesbank", "Rabobank"
_BANK_WORD = re.compile(r"^[A-Z][a-z]{2,}bank$")
# a monarch's or a pope's number after the name: "Queen Elizabeth II", "King Carl XVI Gustaf"
_PLURAL_OWNER = re.compile(r"['’]\s+([A-Z][a-z]+)")
# letters after a person's name: a rank at the bar, a seat, an honour
_POST_NOMINALS = frozenset("KC QC SC PC SAN MP MLA MSP MEP TD MBE OBE CBE KBE DBE JP".split())
_REGNAL = re.compile(r"^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$")


@dataclass(frozen=True)
class Lexicon:
    """The word lists the quotation and people analyses read."""

    speech_verbs: dict[str, bool]  # form -> strong (attributes on its own)
    titles: frozenset[str]  # lower case
    honorifics: frozenset[str]
    organisation_markers: frozenset[str]
    place_markers: frozenset[str]
    organisation_nouns: frozenset[str]  # lower case
    group_nouns: frozenset[str]  # lower case
    female_names: frozenset[str]
    male_names: frozenset[str]
    known_organisations: frozenset[str]
    known_places: frozenset[str]

    @property
    def non_persons(self) -> frozenset[str]:
        return self.known_organisations | self.known_places

    @classmethod
    def from_folder(cls, folder: Path, extra: dict[str, Iterable[str]] | None = None) -> Lexicon:
        return _load(folder, tuple(sorted((k, tuple(v)) for k, v in (extra or {}).items())))

    def is_title(self, word: str) -> bool:
        w = word.rstrip(".").lower()
        return w in self.titles or word.rstrip(".") in self.honorifics

    def is_role_noun(self, word: str) -> bool:
        w = word.lower()
        if w in self.titles or w in self.group_nouns:
            return True
        if w.endswith("men") and w[:-3] + "man" in self.titles:
            return True
        if w.endswith("ies") and w[:-3] + "y" in self.titles:
            return True
        return w.endswith("s") and (w[:-1] in self.titles or (w.endswith("es") and w[:-2] in self.titles))

    def gender_of(self, given: str) -> Gender:
        key = strip_accents(given)
        if given in self.female_names or key in self.female_names:
            return "female"
        if given in self.male_names or key in self.male_names:
            return "male"
        if "-" in given:
            # "Marie-Claude", "Lars-Erik", "Jean-Robert": a double given name is of the sex of its first part,
            # or of its second where the first is either sex
            first, _, second = given.partition("-")
            if first[:1].isupper() and second[:1].isupper():
                sex = self.gender_of(first)
                return sex if sex != "unknown" else self.gender_of(second)
        return "unknown"


LEXICON_FILES = {
    "speech_verbs": "speech-verbs.txt",
    "titles": "titles-roles.txt",
    "honorifics": "honorifics.txt",
    "organisation_markers": "organisation-markers.txt",
    "place_markers": "place-markers.txt",
    "organisation_nouns": "organisation-nouns.txt",
    "group_nouns": "group-nouns.txt",
    "female_names": "given-names-female.txt",
    "male_names": "given-names-male.txt",
    "known_organisations": "known-organisations.txt",
    "known_places": "known-places.txt",
}


@functools.lru_cache(maxsize=16)
def _load(folder: Path, extra: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    more = dict(extra)
    lists: dict[str, list[str]] = {}
    for key, name in LEXICON_FILES.items():
        entries = read_word_list(folder / name)
        lists[key] = entries + list(more.get(key, ()))
    verbs: dict[str, bool] = {}
    for entry in lists["speech_verbs"]:
        weak = entry.endswith("*")
        verbs[entry.rstrip("*").strip().lower()] = not weak
    lower = {"titles", "organisation_nouns", "group_nouns"}
    sets = {k: frozenset(e.lower() if k in lower else e for e in v) for k, v in lists.items() if k != "speech_verbs"}
    return Lexicon(speech_verbs=verbs, **sets)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.from_folder(builtin_rules_dir())


def lexicon_for(facts: Facts) -> Lexicon:
    lex = facts.options.get(LEXICON_OPTION)
    return lex if isinstance(lex, Lexicon) else default_lexicon()


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_key(word: str) -> str:
    """How name tokens are compared: no possessive, no accents, case folded."""
    return strip_accents(_POSSESSIVE.sub("", word)).casefold()


@dataclass(frozen=True, slots=True)
class Mention:
    """One reference to a person: a span of ``Document.text`` and its form."""

    start: int
    end: int
    text: str  # the name as written, title stripped ("Jennings", "Tom Jennings")
    form: Introduction
    block: int
    title: str = ""  # the title or role written before the name, if any


@dataclass
class Person:
    """A person the article names, with every mention in text order.

    ``introduction`` is the mention that introduced them (``None`` if none
    did); ``full_name`` is the longest form of the name the article uses.
    """

    id: int
    full_name: str
    mentions: list[Mention] = field(default_factory=list)
    introduction: Mention | None = None
    gender: Gender = "unknown"
    evidence: bool = False  # a given name, a title, a role or a description says this is a person
    _keys: tuple[str, frozenset[str]] | None = field(default=None, repr=False, compare=False)

    @property
    def keys(self) -> frozenset[str]:
        """The words of the name as compared (no particles, accents or possessive)."""
        cached = self._keys
        if cached is None or cached[0] != self.full_name:
            words = [t for t in self.full_name.split() if t.lower() not in PARTICLES]
            # "Khalid al-Mansoori" is "Mansoori" too
            words += [m.group(1) for t in words if (m := _HYPHENED_PARTICLE.match(t)) is not None]
            cached = (self.full_name, frozenset(name_key(t) for t in words))
            self._keys = cached
        return cached[1]

    def introduced_before(self, offset: int) -> bool:
        return self.introduction is not None and self.introduction.start < offset

    @property
    def how_introduced(self) -> str:
        return self.introduction.form if self.introduction is not None else "never"


@dataclass(frozen=True, slots=True)
class OrgMention:
    """A mention of an organisation: its span, its text and its block."""

    start: int
    end: int
    text: str
    block: int


@dataclass
class Registry:
    """The ``mentions`` layer: people and organisations of one document."""

    people: list[Person]
    organisations: list[OrgMention]
    organisation_words: frozenset[str]  # name keys that name an organisation
    place_words: frozenset[str]  # name keys that name a place
    tokens: frozenset[str]  # the text's white-space-separated tokens
    _index: list[tuple[int, Mention, Person]] | None = field(default=None, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _org_order: list[int] | None = field(default=None, repr=False)
    _org_starts: list[int] = field(default_factory=list, repr=False)

    def person_named(self, word: str, before: int | None = None) -> Person | None:
        """The person a single name refers to: of the people with that word in
        their name, the one mentioned most recently before ``before``, else the
        first one mentioned after it."""
        key = name_key(word)
        found = [p for p in self.people if key in p.keys]
        if not found:
            return None
        if before is not None:
            earlier = [p for p in found if p.mentions[0].start < before]
            if earlier:
                return max(earlier, key=lambda p: max(m.start for m in p.mentions if m.start < before))
        return found[0]

    def mentions_before(self, offset: int) -> Iterator[tuple[Mention, Person]]:
        """Person mentions that start before ``offset``, the latest first."""
        self.mentions_between(0, 0)  # makes the index
        index = self._index or []
        for i in range(bisect.bisect_left(self._starts, offset) - 1, -1, -1):
            yield index[i][1], index[i][2]

    def person_at(self, start: int) -> Person | None:
        """The person a mention covering ``start`` refers to."""
        for m, person in self.mentions_between(start - 200, start + 1):
            if m.start <= start < m.end:
                return person
        return None

    def mentions_between(self, lo: int, hi: int) -> list[tuple[Mention, Person]]:
        """Person mentions that start in ``[lo, hi)``, in text order."""
        index = self._index
        if index is None:
            index = sorted(((m.start, m, p) for p in self.people for m in p.mentions), key=lambda t: t[0])
            self._index = index
            self._starts = [t[0] for t in index]
        i = bisect.bisect_left(self._starts, lo)
        out: list[tuple[Mention, Person]] = []
        while i < len(index) and index[i][0] < hi:
            out.append((index[i][1], index[i][2]))
            i += 1
        return out

    def names_organisation_in(self, lo: int, hi: int) -> bool:
        """Whether an organisation mention starts in ``[lo, hi)`` (a bisection:
        a scan of them all for every speaker phrase was quadratic)."""
        return self.last_organisation_in(lo, hi) is not None

    def last_organisation_in(self, lo: int, hi: int) -> OrgMention | None:
        """Of the organisation mentions that start in ``[lo, hi)``, the last in
        :attr:`organisations`' order (which is text order)."""
        if self._org_order is None:
            self._org_order = sorted(range(len(self.organisations)), key=lambda i: self.organisations[i].start)
            self._org_starts = [self.organisations[i].start for i in self._org_order]
        order = self._org_order[bisect.bisect_left(self._org_starts, lo) : bisect.bisect_left(self._org_starts, hi)]
        return self.organisations[max(order)] if order else None

    def is_organisation_word(self, word: str) -> bool:
        return name_key(word) in self.organisation_words

    def is_place_word(self, word: str) -> bool:
        return name_key(word) in self.place_words


@dataclass(slots=True)
class _Run:
    """A run of capitalised words in one block: a name in the making."""

    tokens: list[tuple[int, int, str]]
    block: int


# capitals of the Latin alphabets (case is checked again in code): a plain
# character class keeps the scan fast
_CAPWORD = r"[A-ZÀ-ÖØ-Þ\u0100-\u024f]\w*(?:['’\-]\w+)*"
_PARTICLE = "|".join(sorted(PARTICLES, key=lambda p: (-len(p), p)))
# a run of capitalised words, with name particles between them ("Luiz Inácio Lula da Silva")
# an abbreviated title keeps its full stop: "Sen. Elizabeth Warren", "Mr. Jennings"
_ABBREVIATED = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Capt|Sgt|Prof|Rev|Supt|Insp|Det|Cmdr|Adm|Maj|Atty|Hon|Pres)\. "
_WORD_IN_RUN = rf"(?:(?:[A-Z]\.){{2,}}(?= )|{_CAPWORD}(?:\.(?= ))?)"  # an initialism ("U.S.") or a word
# an Arabic article joined to the name inside a run: "Saif al-Badri", "Hosni el-Masry"
_RUN = re.compile(rf"{_WORD_IN_RUN}(?: (?:(?:{_PARTICLE}) )*(?:(?:al|el)-)?{_WORD_IN_RUN})*")
_ABBREVIATION = re.compile(rf"{_ABBREVIATED}$")
_TOKEN_IN_RUN = re.compile(r"\S+")
_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")


def _used_in_lower_case(word: str, tokens: frozenset[str]) -> bool:
    """Whether the text uses ``word`` in lower case (``tokens`` are its white-space-separated tokens)."""
    return any(word + tail in tokens for tail in _TAILS)


_TAILS = ("", ",", ".", ";", ":", "'s", "’s", ")", "?", "!")


def _split_at_full_stops(toks: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """A run cut at every full stop that is not an abbreviated title's: "Sen.
    Elizabeth Warren" stays whole; "in Kabul. Police said" is two runs."""
    parts: list[list[tuple[int, int, str]]] = [[]]
    for a, b, w in toks:
        # an initial ("George W. Bush") does not end a sentence, nor does an initialism ("Assistant U.S.
        # Attorney Marcus Oduya")
        if w.endswith(".") and len(w) > 2 and not _ABBREVIATION.match(w + " ") and not _INITIALISM.match(w):
            parts[-1].append((a, b - 1, w[:-1]))
            parts.append([])
        else:
            parts[-1].append((a, b, w))
    return [p for p in parts if p]


def _runs(
    text: str,
    start: int,
    end: int,
    block: int,
    lowercase: frozenset[str],
    lex: Lexicon,
    verdicts: dict[tuple[str, bool, bool], bool],
) -> list[_Run]:
    """Runs of capitalised words (with name particles) inside one block."""
    runs: list[_Run] = []
    for m in _RUN.finditer(text, start, end):
        group = m.group()
        if not group[0].isupper():
            continue
        at = m.start()
        if at > start and (text[at - 1].isalnum() or text[at - 1] == "_"):
            continue
        if " " not in group:
            # the common case, one word: most are sentence openers ("The", "In")
            word = group.rstrip(".")
            if word.lower() in COMMON_CAPITALS or len(word) == 1 or _is_number_word(word):
                continue
            parts = [[(at, at + len(word), word)]]
        else:
            parts = _split_at_full_stops(
                [(t.start(), t.end(), t.group()) for t in _TOKEN_IN_RUN.finditer(text, at, m.end())]
            )
        for toks in (piece for part in parts for piece in _split_at_possessives(part)):
            run = _clean_run(text, start, toks, lowercase, lex, verdicts)
            if run:
                runs.append(_Run(run, block))
    return runs


def _is_number_word(word: str) -> bool:
    """A number opening a sentence ("Seventy-one", "Two"), no one's name."""
    return all(part in UNITS_WORDS or part in TENS_WORDS for part in word.lower().split("-"))


def _split_at_possessives(toks: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """A run cut after a possessive: "Nigeria's President Muhammadu Buhari" is
    the place and then the person.  What follows is kept only if it is two or
    more words (a title and a name, or a full name): one capitalised word after
    a possessive is as often a thing ("Ghani's Taliban") as a person."""
    for i, (_, _, w) in enumerate(toks[:-1]):
        if w.endswith(("'s", "’s")):
            rest = toks[i + 1 :]
            head = [toks[: i + 1]]
            return head + _split_at_possessives(rest) if len(rest) > 1 else head
    return [toks]


def _clean_run(
    text: str,
    start: int,
    toks: list[tuple[int, int, str]],
    lowercase: frozenset[str],
    lex: Lexicon,
    verdicts: dict[tuple[str, bool, bool], bool],
) -> list[tuple[int, int, str]]:
    """The name in a run of capitalised words, without the words that open a sentence or a run
    ("The", "Police said"); ``verdicts`` keeps :func:`_not_a_name`'s answers for the document."""
    # a possessive ends the name: "Ghani's offer"
    for i, (_, _, w) in enumerate(toks[:-1]):
        if w.endswith(("'s", "’s")):
            toks = toks[: i + 1]
            break
    at = toks[0][0]
    head = text[max(start, at - 4) : at].rstrip(" \"'“‘(")
    # a dash opens an entry as a full stop does: "4:45 p.m. — Forecasters say ..."
    sentence_start = at == start or not head or head[-1] in ".!?:;\n—–-"
    # words that open sentences are not names: "Police said", "Engineers said", "The ..."
    while toks:
        w = toks[0][2]
        key = (w, sentence_start, len(toks) == 1)
        drop = verdicts.get(key)
        if drop is None:
            drop = verdicts[key] = _not_a_name(w, sentence_start, len(toks) == 1, lowercase, lex)
        if not drop:
            break
        toks = toks[1:]
        sentence_start = False
    while toks and toks[-1][2] in PARTICLES:
        toks.pop()
    if toks and toks[0][2] in PARTICLES:
        return []
    return toks


def _not_a_name(w: str, sentence_start: bool, alone: bool, lowercase: frozenset[str], lex: Lexicon) -> bool:
    """Whether the first word ``w`` of a run is no part of a name (``alone``: the run's only word)."""
    lw = _POSSESSIVE.sub("", w).lower()
    if (lw in COMMON_CAPITALS and lw not in PARTICLES) or len(w) == 1:
        # "The", "In" never open a name; nor does a lone letter ("C Wing", "A road")
        return True
    return (
        sentence_start
        and not _ACRONYM.match(w)
        and (
            _used_in_lower_case(lw, lowercase)
            or (lex.is_role_noun(lw) and not (not alone and lex.is_title(w)))
            or (bool(_COMMON_PLURAL.search(lw)) and (not _SURNAME_LIKE.search(lw) or _singular(lw) in COMMON_WORDS))
            # a word alone: before another capital it is as often a given name ("Pep Guardiola")
            or (alone and lw in COMMON_WORDS)
        )
    )


class _CommonWords:
    """English words that are no one's name ("research", "speculation", "addressing"), from
    ``rules/common-words.txt``.  A single article asks about a handful: the file is searched as it
    stands until enough questions make a set of its 40,000 words worth building."""

    SEARCHES = 64

    def __init__(self) -> None:
        self.text = ""
        self.words: frozenset[str] | None = None
        self.searched = 0

    def __contains__(self, word: str) -> bool:
        if self.words is not None:
            return word in self.words
        if not self.text:
            self.text = "\n" + (builtin_rules_dir() / "common-words.txt").read_text(encoding="utf-8")
        self.searched += 1
        if self.searched >= self.SEARCHES:
            self.words = frozenset(line for line in self.text.split("\n") if line and line[0] != "#")
        return f"\n{word}\n" in self.text


COMMON_WORDS = _CommonWords()


# "Engineers said", "Forecasters said": a plural common noun opening a sentence (not "Davies said",
# "Walters said": no common noun is their singular)
_COMMON_PLURAL = re.compile(r"(?:ers|ors|ists|ians|ents|ants|ions|ies|ees|ives)$")


# endings that surnames share with plural nouns ("Davies", "Walters", "Connors", "Rees"): such a word is a
# plural noun only when its singular is a common word; "Seismologists", "Geologists" are plural whatever
_SURNAME_LIKE = re.compile(r"(?:ers|ors|ies|ees)$")


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Z]\.\s?){1,3}$")
# "Antonio Reyes, 71,", "Yanti (45), a beef trader"
_AGE = re.compile(r",\s*(?:aged\s+)?\d{1,3},|\s*\(\d{1,3}\),")
_APPOSITIVE_A = re.compile(r",\s*(?:a|an|([a-z]+(?:\s+[a-z]+)?)\s+(?:of|at|for|in|with)\b)\s")
# (the comma that closes it is no thousands separator: "According to MacLeod, the trust will need about £180,000")
_APPOSITIVE_THE = re.compile(r",\s*(?:the|his|her|their|its)\s+([^,.;]{1,80}),(?!\d)")
_MONTHS_DAYS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()
)
_DAY_NEXT = re.compile(r"\s+(?:Day|Eve)\b")
_STORMS = frozenset("Hurricane Typhoon Cyclone Storm Tropical Super Supertyphoon".split())
_HOLIDAYS = frozenset(
    # (a possessive is read without its "'s": "New Year's Day", "Mother's Day")
    """Boxing Christmas Year Labour Labor Independence Anzac Memorial Remembrance Victory Armistice Valentine
    Mother Father Thanksgiving Election Polling Deadline National Australia Canada Republic Unity Easter
    Halloween""".split()
)
_WHO = re.compile(r",\s*who\s+(\w+)")
# a "who" clause introduces a single name when it gives a role or says why there is one name ("Asam, who heads
# the ambulance service", "Adaeze, who uses only one name"); "Whitcombe, who has lived on Mill Lane for 30 years"
# leaves the reader without a first name
_WHO_INTRODUCES = re.compile(
    r",\s*who\s+(?:(?:is|was|has\s+been|had\s+been|became|becomes)\s+(?:an?|the|its|their|his|her)\s"
    r"|(?:heads|headed|leads|led|chairs|chaired|runs|ran|directs|directed|manages|managed|coaches|coached|owns|owned|"
    r"founded|co-founded|represents|represented|works|worked|serves|served|teaches|taught|edits|edited|oversees|"
    r"oversaw|commands|commanded|captains|captained|presides|presided|uses|goes|gave|asked|declined|requested|"
    r"wished|preferred|only|would)\b"
    r"|(?:\w+\s+){1,4}?(?:name|names|surname)\b)",
    re.IGNORECASE,
)
# a "who" clause that reports more speech does not say who the person is
_NOT_DESCRIPTIONS = frozenset(
    """also questioned called criticised criticized accused blamed condemned welcomed praised described demanded
    rejected dismissed""".split()
)
# what follows a single name and makes it an organisation: "Medora, which ...",
# "Norland said on Tuesday its ...", "Ryanair's chief executive" ("said it" is
# no sign: "Ferreira said it was the best moment of his career")
_ORG_AFTER = re.compile(
    r"^(?:,\s*which\b|\s+(?:(?:has|had)\s+)?(?:said|says|added|announced|confirmed|reported|warned)\s+"
    r"(?:\w+\s+){0,3}?its\b"
    r"|\s+(?:(?:has|had)\s+)?said\s+(?:(?:on|in|at|late|early|last)\s+(?:\w+\s+){0,2}?)?it\s+"
    r"(?:would|will|had|has|is|sees|saw|expects|expected|plans|planned|intends|intended)\b"
    r"|['’]s\s+(?:\w+\s+)?(?:shares|stock|chief executive|chief financial officer|board|headquarters|website|customers|"
    r"employees|staff|workforce|shareholders|investors|profits?|revenue|sales|products|stores|factories|plants|"
    r"flights|executives|subsidiary|parent company|spokesman|spokeswoman|spokesperson|stake|network|subscribers|"
    r"takeover|bid|share price|market value|earnings|results|operations|brand)\b"
    # "Cardway chief executive Ruben Alvarado": the company's officer, named after it
    r"|\s+(?:chief executive|chief financial officer|chief operating officer|chairman|chairwoman|chairperson|"
    r"spokesman|spokeswoman|spokesperson|shareholders|shares|employees)\b"
    # "Blackburn have said", "Korn are": British copy gives a team or a band a plural verb, never a person
    r"|\s+(?:have|are|were)\s+(?:\w+\s+)?(?:said|says|been|not|now|also|already|enjoyed|won|lost|signed|agreed|"
    r"rejected|confirmed|announced|made|released|played|beaten)\b)"
)
# what bears a saint's or a founder's name: "St Aidan's Primary School", "Guy's Hospital"
_INSTITUTION_AFTER = re.compile(
    r" (?:[A-Z][a-z]+ ){0,2}(?:School|Hospital|College|Church|Cathedral|Academy|University|Hospice|Infirmary|"
    r"Chapel|Parish|Seminary)\b"
)
_ORG_OF = re.compile(
    r"\b(?:Service|Ministry|Department|Office|Committee|Commission|Council|Agency|Bureau|Institute|University|"
    r"Court|Board|Directorate|Inspectorate|Administration)\s+(?:of|for)\s+(?:the\s+)?"
    # "the Ministry of the Sea, Transport and Infrastructure": each of the list's words is the body's name
    # (a possessive ends it: "the Bureau of Meteorology's Claire Richards" names a person after it)
    r"(?:[A-Z][\w'’-]*(?<!['’]s)(?:,|\s+and|,\s+and)?\s+){0,4}$"
)
_PLACE_OF = re.compile(
    r"\b(?:town|city|village|district|province|region|municipality|county|island|port|valley|suburb|hamlet|commune|"
    r"parish|state)\s+of\s+$",
    re.IGNORECASE,
)
# a news agency credited in parentheses before the story: "LONDON, June 3 (Meridian Wire) - "
_AGENCY_CREDIT = re.compile(r"\)\s*[-–—]\s")
# the second name of an organisation's pair: "the Department of Trade and Industry", "the Department of
# Foreign Affairs and Trade", "technology firms Earthlink and Webroot"
_PAIRED_ORG = re.compile(r"(?:\b(?:of|for) [A-Z]\w+(?: [A-Z]\w+)*|[a-z]s [A-Z]\w+) (?:and|&) $")
# a county, a state or a province written as one word: "Gloucestershire", "Yorkshire"
_PLACE_SUFFIX = re.compile(r"\wshire$")
# a nickname in quotes between a first name and a surname: "Brian 'Head' Welch"
_NICKNAME_BEFORE = re.compile(r"\b([A-Z][a-z]+) (?:['‘][A-Z][\w .]*['’]|[\"“][A-Z][\w .'’-]*[\"”]) $")
# ... and the given name before it, and the nickname itself: neither is a person of its own
_NICKNAME_AFTER = re.compile(r" (?:['‘][A-Z][\w .]*['’]|[\"“][A-Z][\w .'’-]*[\"”]) [A-Z]")
_IN_NICKNAME = re.compile(r"\b[A-Z][a-z]+ ['‘\"“]$")
_NICKNAME_END = re.compile(r"['’\"”] [A-Z]")
# "Toronto-based Greyrock Living": a company, named after where it is based
_BASED_BEFORE = re.compile(r"\w-based $")


def mentions(doc: Document, facts: Facts) -> Registry:
    """The person registry: every person, how each was introduced, and the
    organisations named, for the body copy of ``doc``."""
    lex = lexicon_for(facts)
    text = doc.text
    body = [(i, b) for i, b in enumerate(doc.blocks) if b.kind in BODY_BLOCKS]
    lowercase = frozenset(text.split())
    people: list[Person] = []
    known = _PeopleIndex(people)
    orgs: list[OrgMention] = []
    org_words: set[str] = set()
    place_words: set[str] = set()
    verbs = lex.speech_verbs
    verdicts: dict[tuple[str, bool, bool], bool] = {}

    for index, block in body:
        if _is_furniture(text, block.start, block.end):
            continue
        end = block.end
        credit = has_credit_word(text, block.start, block.end) and PICTURE_CREDIT.search(text, block.start, block.end)
        if credit:
            end = credit.start()  # a photographer named in a picture credit is no one in the story
        for run in _runs(text, block.start, end, index, lowercase, lex, verdicts):
            toks = run.tokens
            words = [t[2] for t in toks]
            last_end = toks[-1][1]
            after = text[last_end : min(block.end, last_end + 60)]
            before = text[max(block.start, toks[0][0] - 40) : toks[0][0]]
            bare_words = [_POSSESSIVE.sub("", w) if ("'" in w or "’" in w) else w for w in words]
            if len(toks) >= 3 and bare_words[-1] in _POST_NOMINALS and text[toks[-2][1] : toks[-1][0]] == " ":
                # "Ravindra de Alwis PC", "Kwabena Osei-Bonsu KC": the letters after a name are no body's
                toks, words, bare_words = toks[:-1], words[:-1], bare_words[:-1]
                last_end = toks[-1][1]
                after = text[last_end : min(block.end, last_end + 60)]
            if len(bare_words) == 1 and bare_words[0] in lex.known_places:
                place_words.add(name_key(bare_words[0]))
                continue
            # titles and roles before the name ("Senate Majority Leader Chuck Schumer")
            cut = 0
            for i in range(len(bare_words) - 1):
                if lex.is_title(bare_words[i]):
                    cut = i + 1
            if (
                cut == 0
                and len(bare_words) >= 3
                and _ACRONYM.match(bare_words[0])
                and lex.gender_of(bare_words[1]) != "unknown"
            ):
                cut = 1  # a rank in capitals before a given name: "DCOP Abena Owusu-Sekyere", "ACP Ravi Menon"
            if (
                cut == 0
                and len(bare_words) >= 3
                and bare_words[0] in lex.organisation_markers
                and lex.gender_of(bare_words[1]) != "unknown"
                and (title_of := _TITLE_OF.search(before)) is not None
                and lex.is_title(title_of.group(1))
            ):
                cut = 1  # the rest of a title before a given name: "Superintendent of Police Anil Rathore"
            if len(bare_words) > 1 and (all(lex.is_title(w) for w in bare_words) or lex.is_title(bare_words[-1])):
                # "Deputy Superintendent of Police", "Chief Financial Officer": a title, no one's name in it
                continue
            if _ORG_OF.search(before):
                org_words.update(name_key(w) for w in bare_words)
                continue  # "the State Service of Extraordinary Situations": the rest of a body's name
            if _PLACE_OF.search(before):
                place_words.update(name_key(w) for w in bare_words)
                continue  # "the town of Montalbán de la Vega": a place named after its kind
            if bare_words[0] in ("St", "St.", "Saint") and len(bare_words) > 1 and words[-1] != bare_words[-1]:
                # "St Ita's", "St Mary's": a saint's name in the possessive names a church, school, hospital or
                # club, no one in the story
                org_words.update(name_key(w) for w in bare_words[1:])
                continue
            if bare_words[-1] in lex.organisation_markers:
                cut = 0  # "Kelbrook General Hospital": a title inside an organisation's name is part of it
            named = bare_words[cut:]
            if (
                any(w in lex.organisation_markers or _BANK_WORD.search(w) for w in named)
                or any(_ACRONYM.match(w) and not (i and _REGNAL.match(w)) for i, w in enumerate(named))
                or _RED_CROSS.search(" ".join(named)) is not None
                # "the Aviation and Allied Workers' Union": a plural's apostrophe before the body's own word
                or ((owned := _PLURAL_OWNER.match(after)) is not None and owned.group(1) in lex.organisation_markers)
                or (len(named) == 1 and named[0] in lex.known_organisations)
                or (text[toks[0][0] - 1 : toks[0][0]] == "(" and _AGENCY_CREDIT.match(text, last_end) is not None)
            ):
                orgs.append(OrgMention(toks[cut][0], last_end, " ".join(named), index))
                org_words.update(name_key(w) for w in named if w not in lex.organisation_markers)
                continue
            if (
                len(named) == 1
                and cut == 0
                and _PLURAL_VERB_AFTER.match(text, last_end)
                and not _JOINED_BEFORE.search(before)
            ):
                # "Sabanero were leading 2-1": a team or a body takes a plural verb, a person does not
                org_words.add(name_key(named[0]))
                continue
            if _NUMBER_AFTER.match(text, last_end):
                # "According to Rescue 1122", "Route 66": a name with its number is a service's or a thing's
                org_words.update(name_key(w) for w in named)
                continue
            if (
                cut == 0
                and text[last_end : last_end + 1] == ","
                and _ORG_APPOSED.search(before)
                and before[:-2].rsplit(" ", 1)[-1].lower() in lex.organisation_nouns
                and lex.gender_of(named[0]) == "unknown"
            ):
                # "The state electricity operator, Redelva, said": an organisation named after its kind
                org_words.update(name_key(w) for w in named)
                continue
            if (
                len(named) == 1
                and orgs
                and text[orgs[-1].end : toks[0][0]].strip() == "("
                and text[last_end : last_end + 1] == ")"
            ):
                # "The Maritime Industry Authority (Marina) said": the organisation's short name
                org_words.add(name_key(named[0]))
                continue
            if cut == 0 and any(w in lex.place_markers for w in named):
                # "Defence Minister Robert Hill" is a person: a title before the name says so
                place_words.update(name_key(w) for w in named if w not in lex.place_markers)
                continue
            title_words = bare_words[:cut]
            name_toks = toks[cut:]
            name_words = bare_words[cut:]
            if not name_toks:
                continue
            # a lower-case role just before the name ("police spokesman Hashmat Stanekzai")
            prev = before[:-1].rsplit(" ", 1)[-1] if before.endswith(" ") else ""
            role_before = prev.islower() and lex.is_role_noun(prev)
            if len(bare_words) == 1 and bare_words[0].lower() in _MONTHS_DAYS:
                continue
            if (len(bare_words) >= 2 and bare_words[-1] in ("Day", "Eve") and bare_words[-2] in _HOLIDAYS) or (
                bare_words[-1] in _HOLIDAYS and words[-1] != bare_words[-1] and _DAY_NEXT.match(after)
            ):
                continue  # "Boxing Day", "Christmas Eve", "New Year's Day": a day, no one
            if len(bare_words) >= 2 and bare_words[0] in _STORMS:
                continue  # "Hurricane Delphine", "Tropical Storm Ana": a storm, no she
            if not title_words and _PLACE_APPOSED.search(before):
                # "The Defense Ministry in the capital, Orsk, said": a place named after its kind
                place_words.update(name_key(w) for w in name_words)
                continue
            if not title_words and prev.lower() in _THING_NOUNS and _DETERMINER_END.search(before[: -len(prev) - 1]):
                # "The ferry Estrella del Sur", "the film Erin Brockovich": a thing named, not a person
                continue
            if (
                not title_words
                and (apposed := _THING_APPOSED.search(before))
                and apposed.group(1) in _THING_NOUNS
                and lex.gender_of(name_words[0]) == "unknown"
            ):
                continue  # "the residents' newsletter, Ashcombe Matters": its name, not a person
            if not title_words and (thing := _NEXT_LOWER.match(text, last_end)) and thing.group(1) in _THING_NOUNS:
                continue  # "our free Ashcombe Echo newsletter", "the Kestrel 2 rocket": a thing's name
            if len(name_words) == 1 and not title_words and prev in ("the", "The"):
                org_words.add(name_key(name_words[0]))
                continue
            if words[-1].endswith(("'s", "’s")) and _INSTITUTION_AFTER.match(text, last_end):
                # "St Aidan's Primary School", "St Luke's Hospital": a name the institution bears
                org_words.update(name_key(w) for w in name_words)
                continue
            # a possessive is part of the last token: "Turkcell's stake" is read from its "'s"
            owner = text[last_end - 2 : last_end + 60] if words[-1].endswith(("'s", "’s")) else after
            if len(name_words) == 1 and (_ORG_AFTER.match(owner) or _is_brand(name_words[0])):
                org_words.add(name_key(name_words[0]))
                continue
            if (
                prev in ("from", "in", "near")
                and not title_words
                and not words[-1].endswith(("'s", "’s"))
                and lex.gender_of(name_words[0]) == "unknown"
            ):
                # "Anne Corrigan, 67, from Little Hesketh", "flooding in Tarvik": a place
                place_words.update(name_key(w) for w in name_words)
                continue
            if len(name_words) == 1 and not title_words and _PLACE_SUFFIX.search(name_words[0]):
                place_words.add(name_key(name_words[0]))
                continue
            if len(name_words) == 1 and not title_words and (_PAIRED_ORG.search(before) or prev == "at"):
                # "an outage at Cardway", "talks at Lancaster": a place or an organisation, not a person
                org_words.add(name_key(name_words[0]))
                continue
            if len(name_words) == 1 and (
                prev.lower() in lex.organisation_nouns or prev.lower().rstrip("s") in lex.organisation_nouns
            ):
                # "software company Brightwave", "the club Atletico"
                org_words.add(name_key(name_words[0]))
                orgs.append(OrgMention(name_toks[0][0], last_end, name_words[0], index))
                continue
            if (
                len(name_words) == 1
                and not title_words
                and (
                    _NICKNAME_AFTER.match(text, last_end)
                    or (_IN_NICKNAME.search(before) and _NICKNAME_END.match(text, last_end))
                )
            ):
                continue  # "Desmond" and "Tallman" of 'Desmond "Tallman" Walters': the surname's person
            if not title_words and (
                (_BASED_BEFORE.search(before) and lex.gender_of(name_words[0]) == "unknown")
                or (len(name_words) > 1 and name_words[0].endswith("-based"))
            ):
                org_words.update(name_key(w) for w in name_words)
                orgs.append(OrgMention(name_toks[0][0], last_end, " ".join(name_words), index))
                continue
            honorific = bool(title_words) and all(w.rstrip(".") in lex.honorifics for w in title_words)
            titled = bool(title_words) and not honorific
            form: Introduction
            nickname = _NICKNAME_BEFORE.search(before) if len(name_words) == 1 else None
            if nickname is not None:
                # "Brian 'Head' Welch": the given name before the nickname is his
                name_words = [nickname.group(1), *name_words]
                form = "full-name"
            elif len(name_words) == 1 and _INITIALS.search(before):
                # "J.K. Rowling", "T. S. Eliot": initials stand for the first name
                form = "full-name"
            elif len(name_words) == 2 and name_words[0].lower() in PARTICLES and not (titled or role_before):
                # "Van Wyk argued", "De Souza said": a surname with its particle, no given name
                form = "bare"
            elif len(name_words) >= 2:
                form = "title-name" if (titled or role_before) else "full-name"
            elif titled or role_before:
                form = "title-name"
            elif _AGE.match(after):
                form = "age"
            elif _is_appositive(after, lex) or _appositive_before(before, lex):
                form = "appositive"
            elif (
                (who := _WHO.match(after))
                and who.group(1).lower() not in verbs
                and who.group(1).lower() not in (_NOT_DESCRIPTIONS)
                and _WHO_INTRODUCES.match(after)
            ):
                form = "who-clause"
            elif honorific:
                form = "honorific"
            else:
                form = "bare"
            start = name_toks[0][0]
            mention = Mention(start, last_end, " ".join(name_words), form, index, " ".join(title_words))
            _register(
                known,
                mention,
                name_words,
                lex,
                titled or role_before or honorific,
                _role_sex(after, [*title_words, prev] if role_before else title_words),
            )
    # a single word the article shows elsewhere to be an organisation or a place is not a person
    not_people = org_words | place_words
    kept = [p for p in people if len(p.full_name.split()) > 1 or name_key(p.full_name) not in not_people]
    # "Patient Voice Kelbrook" beside "Kelbrook General Hospital": a run that ends in an organisation's or a
    # place's word, with no given name and no title or role, is named after it
    kept = [p for p in kept if not _named_after(p, not_people)]
    # "South Koreans", "North Africa": a compass word opens no person's name, nor ends one with no given name
    # before it; "Airbus A321", "Boeing 737 MAX":
    # a name with a number in it is a model's
    kept = [
        p
        for p in kept
        if (p.full_name.split()[0] not in _COMPASS or any(m.title for m in p.mentions))
        and not any(c.isdigit() for c in p.full_name)
        # "Zongo East", "Accra Central": a place's part; "Adam West" has a given name, "Senator North" a title
        and not (
            len(p.full_name.split()) > 1
            and p.full_name.split()[-1] in _COMPASS
            and lex.gender_of(p.full_name.split()[0]) == "unknown"
            and not any(m.title for m in p.mentions)
        )
    ]
    # "Nordavia said ... Nordavia has not said whether it will pay": a company, not a person
    given = lex.female_names | lex.male_names
    things = {id(p) for p in _genders_from_pronouns(text, kept, given)}
    if things:
        org_words.update(name_key(p.full_name) for p in kept if id(p) in things)
        kept = [p for p in kept if id(p) not in things]
    for i, p in enumerate(kept):
        p.id = i
    return Registry(kept, orgs, frozenset(org_words), frozenset(place_words), lowercase)


_OF_THE_BEFORE = re.compile(r"\b(?:of|the)\s+$", re.IGNORECASE)  # "the Ministry of Transport said"
_SAID_AFTER = re.compile(r"\s+(?:said|says|told|added|argued|explained|insisted)\b")
# the first pronoun after a name, up to the end of its sentence; a noun that is someone else stops the search
_PRONOUN_AFTER = re.compile(
    r"(?:[^.!?\n\"“”]|(?<=\d)\.(?=\d))*?\b(?:(he|him|his|himself)|(she|her|hers|herself)|(it|its|itself)|(?:[A-Z][a-z]+|man|woman|"
    r"men|women|boy|girl|wife|husband|mother|father|son|daughter|brother|sister|they|their|them))\b"
)


# a person's own words, in their own letter or statement: "said in her letter", "wrote in his statement"
_OWN_WORDS = re.compile(r"\s+(?:said|says|wrote|writes|added|explained)\s+(?:in|on)\s+(her|his)\s+(?:own\s+)?[a-z]+")


# "X said. She added that ...": the speaker of a sentence that ends with the name's "said" goes on in the next
_GOES_ON = re.compile(r"\s+(?:said|says|told\s+\w+)[.!?]\s+(He|She)\s+(?:added|also\s+said|went\s+on|continued|said)\b")


def _genders_from_pronouns(text: str, people: list[Person], given: frozenset[str] = frozenset()) -> list[Person]:
    """A person whose given name does not say their sex may be said by the article's pronouns: in
    "captain Sam Fitzgerald, who made 71 before he was caught" and "Fitzgerald said his opener", the
    first pronoun after the name, before anyone else is named, is his; every such pronoun must agree.
    A single name the article calls "it" ("Nordavia has not said whether it will pay") is no person,
    nor a longer one with no ``given`` name first that the article calls "its" ("The ruling Lok Jan
    Morcha and its allies"): those are returned."""
    starts = sorted(m.start for p in people for m in p.mentions)
    things: list[Person] = []
    for person in people:
        own = {o.group(1) for m in person.mentions if (o := _OWN_WORDS.match(text, m.end))}
        if len(own) == 1 and not any(m.title for m in person.mentions):
            # "Head teacher Oluwaseun Adeyemi said in her letter": the article's word outweighs a list's
            person.gender = "female" if own.pop() == "her" else "male"
            continue
        if person.gender != "unknown":
            continue
        # one capitalised word with no sign it is a person is not judged; "Okonjo said ..., adding that he" is one
        speaks = not person.evidence and any(
            _SAID_AFTER.match(text, m.end) and not _OF_THE_BEFORE.search(text, max(0, m.start - 5), m.start)
            for m in person.mentions
        )
        slight = not person.evidence and len(person.mentions) < 2
        if slight and not speaks:
            continue
        found: set[str] = set()
        possessive = True  # every "it" found is "its" or "itself"
        for mention in person.mentions:
            going_on = _GOES_ON.match(text, mention.end, mention.end + 300)
            if going_on is not None:
                # "Dr Nyirenda said. She added that ...": the next sentence's speaker goes on
                found.add("male" if going_on.group(1).lower() == "he" else "female")
                possessive = False
                continue
            m = _PRONOUN_AFTER.match(text, mention.end, mention.end + 200)
            if m is None or not m.lastindex:
                continue
            k = bisect.bisect_right(starts, mention.end)
            if k < len(starts) and starts[k] < m.end():
                continue  # someone else named first
            if m.lastindex == 3 and "," in text[mention.end : m.start(3)]:
                continue  # "Danjuma said ... the old pit, which was abandoned by its operator": another thing's
            found.add(("male", "female", "it")[m.lastindex - 1])
            possessive = possessive and m.group(m.lastindex) != "it"
        if len(found) != 1:
            continue
        sex = found.pop()
        if sex == "it":
            words = person.full_name.split()
            named = len(words) == 1 or (possessive and strip_accents(words[0]) not in given)
            # "Ferreira said it was the best moment": one mention's "it" is what was said, not the speaker
            if named and not slight and not any(m.title for m in person.mentions):
                things.append(person)
        elif person.evidence or speaks:
            person.gender = "male" if sex == "male" else "female"
    return things


_COMPASS = frozenset("North South East West Northern Southern Eastern Western Central".split())


def _named_after(person: Person, not_people: set[str]) -> bool:
    words = person.full_name.split()
    if len(words) < 2 or person.gender != "unknown" or name_key(words[-1]) not in not_people:
        return False
    return all(m.form in ("full-name", "bare") and not m.title for m in person.mentions)


# a capital inside a word, after a lower-case letter: "MarketWatch", "TimeWarner",
# "BlackRock" are brands; the surname prefixes ("McCain", "DeSantis", "LeBlanc",
# "MacKenzie", "FitzGerald", "VanDyke") and given names built like them
# ("LaToya", "DeShawn") are people
_INNER_CAPITAL = re.compile(r"^([A-Z][a-z]+)[A-Z][a-z]")
_NAME_PREFIXES = frozenset("Mc Mac De Di Da Du Le La Lo Van Von Ver Fitz St Ja Ke Sha Ta".split())


def _is_brand(word: str) -> bool:
    m = _INNER_CAPITAL.match(word)
    return m is not None and m.group(1) not in _NAME_PREFIXES


def _is_furniture(text: str, start: int, end: int) -> bool:
    # "Latest News", "Related Topics": a short line with no sentence in it
    body = text[start:end].strip()
    return len(body.split()) <= 3 and body[-1:] not in '.!?"”’'


# a title that takes "of" and the body it serves: "Superintendent of Police", "Inspector General of Prisons"
_TITLE_OF = re.compile(r"\b([A-Z][a-z]+)\s+of\s+$")
# things named like people: a vessel, a craft, a work, a building ("the ferry Estrella del Sur")
_THING_NOUNS = frozenset(
    """ferry ship vessel boat yacht tanker freighter trawler liner cruiser tug barge submarine frigate destroyer
    carrier aircraft plane jet airliner helicopter train locomotive rocket spacecraft probe satellite telescope
    hotel restaurant cafe pub bar film movie documentary series album single song novel book play opera musical
    painting sculpture statue horse colt filly mare racehorse greyhound hurricane typhoon cyclone storm
    newsletter magazine newspaper podcast programme program app website blog journal report
    ground stadium arena""".split()
)
# "the council's residents' newsletter, Ashcombe Matters": a thing named after its kind
_THING_APPOSED = re.compile(r"\b([a-z]+), $")
_NEXT_LOWER = re.compile(r" ([a-z]+)\b")
_RED_CROSS = re.compile(r"\bRed (?:Cross|Crescent)\b")  # "the Kenya Red Cross": no woman called Kenya
_NUMBER_AFTER = re.compile(r" \d+\b(?![.,]\d)")
# "The state electricity operator, Redelva,", "Mexico's federal health regulator, Cofepris,"
_ORG_APPOSED = re.compile(
    r"(?:\b(?:the|a|an|its|their)|[A-Z][\w-]*['’]s)\s+(?:(?!of\b)[a-z-]+\s+){0,3}[a-z]+, $", re.IGNORECASE
)
_PLACE_APPOSED = re.compile(
    r"\b(?:the|its|their|a|an)\s+(?:[a-z]+\s+)?(?:capital|city|town|village|province|region|district|state|"
    r"country|port|island|county|suburb|neighbourhood|neighborhood)\s*,\s*$"
)
_DETERMINER_END = re.compile(r"\b(?:the|a|an|its|their|his|her|our)\s*$", re.IGNORECASE)


def _is_appositive(after: str, lex: Lexicon) -> bool:
    m = _APPOSITIVE_A.match(after)
    # ", a ...", or a role before "of", "at", "for": ", head of", ", professor at"; not ", the drilling of a
    # shaft could take days" (the main clause after "According to Villagrán"), nor ", a third of the residents
    # are over 70"
    if m and (m.group(1) is None or any(lex.is_role_noun(w) for w in m.group(1).split())):
        rest = after[m.end() :].split(",", 1)[0]
        return _SHARE_OF.match(after, m.end() - 1) is None and _CLAUSE_VERB.search(rest) is None
    m = _APPOSITIVE_THE.match(after)
    return bool(
        m
        # "According to Halloran, the market had already priced in a loss at the court,": a clause, not a role
        and _CLAUSE_VERB.search(m.group(1)) is None
        and any(lex.is_role_noun(w) or w.lower() in lex.organisation_nouns for w in _WORD.findall(m.group(1)))
    )


# a finite verb of the main clause, not of a relative clause in the apposition ("the chief executive, who has")
_CLAUSE_VERB = re.compile(
    r"^(?:(?!\b(?:who|which|that|whose)\b)[^,])*?\b(?:had|has|have|was|were|is|are|will|would|could|should|may|"
    r"might|must|can)\b"
    # "According to Dvořáček, the patients received ethanol": a plural and its verb in the past
    r"|^(?:[a-z]+\s+){0,2}?[a-z]+s\s+[a-z]+ed\b"
)
# a share of something, not a role: ", a third of the residents", ", a number of"
_SHARE_OF = re.compile(r"\s(?:third|quarter|half|fifth|tenth|number|total|majority|minority|fraction|dozen)\b")


# "a man known as Nick", "a woman who gave her name only as Maria", "a resident identified only as Tomas", "a
# businessman who gave only his first name, Walid":
# the description that goes before the name introduces the one-word name
_DESCRIBED_AS = re.compile(
    r"\b(?:(?:known|identified|described|named|referred\s+to)\s+(?:only\s+|simply\s+)?as"
    r"|gave\s+(?:his|her|their|only\s+(?:his|her|their))\s+(?:first\s+)?name\s+(?:only\s+)?as"
    r"|asked\s+to\s+be\s+(?:identified|called|named)\s+(?:only\s+)?(?:as\s+)?"
    # "who gave only his first name, Walid", "identified only by her first name, Amal"
    r"|(?:gave|giving|gives|by)\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+|given\s+)?name(?:\s+only)?,)\s+$",
    re.IGNORECASE,
)


def _appositive_before(before: str, lex: Lexicon) -> bool:
    if _DESCRIBED_AS.search(before):
        return True
    # "the shop's owner, Jennings," - a role, a comma, then the name
    if not before.endswith(", "):
        return False
    word = before[:-2].rsplit(" ", 1)[-1]
    return word.isalpha() and lex.is_role_noun(word)


class _PeopleIndex:
    """The people met so far, looked up by the words of their names: a scan of
    them all for every mention was quadratic in a long document.  Each list
    holds people in the order they were met (by ``id``)."""

    __slots__ = ("people", "_by_keys", "_by_key", "_single")

    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self._by_keys: dict[frozenset[str], list[Person]] = {}  # all the name's words
        self._by_key: dict[str, list[Person]] = {}  # one of them
        self._single: dict[str, list[Person]] = {}  # a one-word name

    def first_named(self, keys: frozenset[str]) -> Person | None:
        found = self._by_keys.get(keys)
        return found[0] if found else None

    def last_with(self, key: str) -> Person | None:
        found = self._by_key.get(key)
        return found[-1] if found else None

    def last_single(self, keys: list[str]) -> Person | None:
        best: Person | None = None
        for key in keys:
            found = self._single.get(key)
            if found and (best is None or found[-1].id > best.id):
                best = found[-1]
        return best

    def add(self, name: str) -> Person:
        person = Person(id=len(self.people), full_name=name)
        self.people.append(person)
        self._file(person)
        return person

    def rename(self, person: Person, name: str) -> None:
        for index, key in self._entries(person):
            found = index[key]
            del found[bisect.bisect_left(found, person.id, key=_person_id)]
        person.full_name = name
        self._file(person)

    def _entries(self, person: Person) -> list[tuple[dict[Any, list[Person]], Any]]:
        keys = person.keys
        out: list[tuple[dict[Any, list[Person]], Any]] = [(self._by_keys, keys)]
        out.extend((self._by_key, key) for key in keys)
        if len(person.full_name.split()) == 1:
            out.append((self._single, name_key(person.full_name)))
        return out

    def _file(self, person: Person) -> None:
        for index, key in self._entries(person):
            found = index.setdefault(key, [])
            found.insert(bisect.bisect_left(found, person.id, key=_person_id), person)


def _person_id(person: Person) -> int:
    return person.id


# the sex a noun for a person says ("her" for a spokeswoman); plural nouns are "they", and some say nothing
GENDERED: dict[str, str] = {
    "man": "male",
    "men": "they",
    "boy": "male",
    "father": "male",
    "husband": "male",
    "son": "male",
    "brother": "male",
    "uncle": "male",
    "grandfather": "male",
    "spokesman": "male",
    "chairman": "male",
    "businessman": "male",
    "policeman": "male",
    "fisherman": "male",
    "farmer": "unknown",
    "woman": "female",
    "women": "they",
    "girl": "female",
    "mother": "female",
    "wife": "female",
    "daughter": "female",
    "sister": "female",
    "aunt": "female",
    "grandmother": "female",
    "spokeswoman": "female",
    "chairwoman": "female",
    "businesswoman": "female",
    "policewoman": "female",
    "widow": "female",
    "widower": "male",
    "congressman": "male",
    "congresswoman": "female",
}
# a name's apposition that says the sex of the person named: "Sofie Verhaegen, a spokeswoman for the prosecutor"
_ROLE_AFTER = re.compile(r",\s+(?:a|an|the|his|her|their)\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?=[\s,.;])")
_ROLE_END = frozenset("of for at in with from to on who and".split())


def _role_sex(after: str, title_words: list[str]) -> Gender:
    """The sex a role written before the name ("Spokeswoman Sofie Verhaegen") or in apposition after it says: the
    head of the apposition's noun phrase ("a spokeswoman for the prosecutor", "the team's former chairwoman")."""
    roles = [w.lower() for w in title_words[-1:]]
    if (m := _ROLE_AFTER.match(after)) is not None:
        words = m.group(1).lower().split()
        head = next((k for k, w in enumerate(words) if w in _ROLE_END), len(words))
        if head:
            roles.append(words[head - 1])
    for role in roles:
        if (sex := GENDERED.get(role)) == "female":
            return "female"
        if sex == "male":
            return "male"
    return "unknown"


# Polish, Czech, Slovak, Russian, Ukrainian, Bulgarian and Lithuanian surnames that say their bearer's sex
# ("Zieliński" and "Zielińska", "Ivanov" and "Ivanova")
_SURNAME_MALE = re.compile(r"[^\W\d_]{2,}(?:ski|cki|dzki|ský|cký|ov|ev|ovich|evich)$")
_SURNAME_FEMALE = re.compile(r"[^\W\d_]{2,}(?:ska|cka|dzka|ská|cká|ová|ova|eva|ovna|evna|aitė|ytė|ienė)$")


def _surname_sex(surname: str) -> Gender:
    if not surname[:1].isupper():
        return "unknown"
    if _SURNAME_FEMALE.match(surname):
        return "female"
    if _SURNAME_MALE.match(surname):
        return "male"
    return "unknown"


def _register(
    known: _PeopleIndex, mention: Mention, words: list[str], lex: Lexicon, titled: bool, role: Gender = "unknown"
) -> None:
    keys = [name_key(w) for w in words if w.lower() not in PARTICLES]
    full = len(words) >= 2 and not (len(words) == 2 and words[0].lower() in PARTICLES)
    target: Person | None = None
    if full:
        target = known.first_named(frozenset(keys))
        if target is None:
            # a bare mention made earlier ("said Novak") and now the full name ("Jana Novak")
            target = known.last_single(keys)
            if target is not None:
                known.rename(target, mention.text)
    else:
        target = known.last_with(keys[0] if keys else name_key(words[0]))
    if target is None:
        target = known.add(mention.text)
    target.mentions.append(mention)
    if target.introduction is None and mention.form in INTRODUCING:
        target.introduction = mention
    if mention.form in INTRODUCING or titled:
        target.evidence = target.evidence or mention.form != "full-name" or titled
    if full:
        # two or more capitalised words not marked as a place or organisation: a name
        target.evidence = True
    if full and target.gender == "unknown":
        # the first given name the lists know, before the surname: a role they do not know may stand first
        # ("Seamer Tom Brereton"), or an honorific ("Awang Haji Zulkifli Hamdan")
        for word in words[: min(3, len(words) - 1)]:
            target.gender = lex.gender_of(word)
            if target.gender != "unknown":
                break
        if target.gender != "unknown":
            target.evidence = True
    if target.gender == "unknown":
        # a surname that has one form for each sex: "Zieliński" and "Zielińska", "Novák" and "Nováková"
        target.gender = _surname_sex(words[-1])
    if target.gender == "unknown":
        target.gender = role
    if mention.title:
        # an honorific outweighs a list of given names: "Nino Chkheidze", then "Ms Chkheidze" (Nino is a man's
        # name in Italy, a woman's in Georgia)
        t = mention.title.split()[0].rstrip(".")
        if t in ("Mr", "Mister", "Sir", "Lord"):
            target.gender = "male"
        elif t in ("Mrs", "Ms", "Miss", "Dame", "Madam", "Mme"):
            target.gender = "female"

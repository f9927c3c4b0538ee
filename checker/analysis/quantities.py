"""Quantities: the numbers in a story, what each one counts, and which event it belongs to.

Three steps, once per document:

1. **Numbers.**  Digits ("1,200", "12", "1.5m", "3 million"), words ("five",
   "twenty-five", "a dozen", "two hundred"), vague words ("dozens",
   "hundreds", "several") and their hedges ("at least", "up to", "about")
   become a :class:`Quantity` with a value and an interval.  Ordinals, dates,
   times, years, ages, money, percentages, scores, measures and labels
   ("Gate 7") get their own kind, so that only counts are compared.
2. **Categories.**  A count is assigned a category (deaths, injuries,
   arrests, ...) from the verb or noun that governs it, using the table in
   ``rules/data/count-categories.yaml``.
3. **Scope.**  Each count records what would make it a count of a different
   thing: another time ("in 2014", "last week"), another day or place, a
   claim by a party, a sub-count ("including nine journalists"), an explicit
   update ("the toll rose to seven"), an earlier report ("had put the number
   at 24"), a hypothetical ("could rise to 50") or a quotation.

Everything is a span of ``Document.text``; nothing here decides whether two
counts conflict.  That is the ``conflicting-count`` rule's business.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from checker.document import Document

if TYPE_CHECKING:
    from checker.analysis import Facts

# --- the data model ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in the text.

    ``start``/``end`` cover the whole expression, hedge included ("at least
    five"); ``num_start``/``num_end`` only the number ("five").  ``low`` and
    ``high`` bound what the expression allows (``math.inf`` when open);
    ``value`` is None for vague quantities ("dozens").
    """

    start: int
    end: int
    num_start: int
    num_end: int
    kind: str  # count, ordinal, date, time, year, age, money, percent, score, measure, label
    value: float | None
    low: float
    high: float
    hedge: str = "exact"  # exact, lower, upper, approx, range, vague

    @property
    def vague(self) -> bool:
        return self.value is None


@dataclass(frozen=True, slots=True)
class Scope:
    """What a count is a count of, beyond its category: which event, and how it is reported."""

    period: str | None = None  # another time: "2014", "last week", "march", "since sunday"
    day: str | None = None  # a weekday named in the count's own clause
    places: frozenset[str] = frozenset()  # names after "in"/"near" in the sentence
    claim: bool = False  # "the Taliban claimed to have killed 10"
    sub: bool = False  # "including nine journalists", "three of the dead"
    update: bool = False  # "the death toll rose to seven", "revised to"
    earlier: bool = False  # "initially", "had put the number at 24"
    hypothetical: bool = False  # "could rise to 50", "up to 50 may have died"
    quoted: bool = False  # inside quotation marks
    other_event: bool = False  # "in a separate attack", "another blast"
    aggregate: bool = False  # a total over several events ("two bombings killed at least 19")

    @property
    def comparable(self) -> bool:
        """Whether the count states the story's own current figure."""
        return not (
            self.claim
            or self.sub
            or self.update
            or self.earlier
            or self.hypothetical
            or self.quoted
            or self.other_event
        )


@dataclass(frozen=True, slots=True)
class Count:
    """A quantity that counts something of a known category."""

    quantity: Quantity
    category: str
    start: int  # the count expression: hedge, number, noun and cue
    end: int
    noun: str | None  # the counted noun, lower case ("people", "gunmen"), or None
    cue_start: int  # the governing word(s): "killed", "death toll", "attackers"
    cue_end: int
    sentence: int  # index into the sentences layer
    block: int  # index into Document.blocks
    scope: Scope
    minimum: bool = False  # the count is only a floor ("14 bodies recovered")
    proper: bool = False  # the counted noun is a name ("two Americans"): a group, never a total

    @property
    def low(self) -> float:
        return self.quantity.low

    @property
    def high(self) -> float:
        return math.inf if self.minimum else self.quantity.high


@dataclass(frozen=True, slots=True)
class Quantities:
    numbers: tuple[Quantity, ...]
    counts: tuple[Count, ...]


# --- category table -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    label: str
    nouns: frozenset[str]
    minimum_nouns: frozenset[str]
    counted: frozenset[str]


@dataclass(frozen=True, slots=True)
class CountTable:
    """The categories and noun classes a newsroom's data file defines."""

    categories: tuple[Category, ...]
    generic_nouns: frozenset[str]
    group_nouns: frozenset[str]
    category_nouns: frozenset[str] = field(default=frozenset())
    # every category's cues in one pattern each, so that a count costs two
    # matches however many categories a newsroom defines
    after: re.Pattern[str] | None = None
    before: re.Pattern[str] | None = None
    # plain "before" phrases, looked up by their words ("killing", "death toll of");
    # only those with a gap or a wildcard need the pattern, gated by their first word
    before_phrases: Mapping[tuple[str, ...], int] = field(default_factory=dict)
    before_gate: re.Pattern[str] | None = None
    before_last: frozenset[str] = field(default=frozenset())

    def category(self, name: str) -> Category | None:
        for c in self.categories:
            if c.name == name:
                return c
        return None


# Words a count's cue may be separated from its noun by ("were", "had been").
_SKIP = (
    r"were|was|are|is|be|been|being|had|have|has|who|that|which|all|also|reportedly|later|now|still|already|"
    r"confirmed|believed|feared|thought|said|to\s+have|to\s+be|initially|eventually|subsequently|either|both|then|"
    r"seriously|critically|badly|slightly|fatally|mortally|severely|lightly|so\s+far|each|in\s+total|altogether|"
    r"allegedly|apparently|officially|either|since"
)
_NAME = r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"


def _phrase_regex(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        if word == "...":
            parts.append(r"(?:\S+\s+){0,12}?")
            continue
        if word == "{name}":
            parts.append(_NAME + r"\s+")
            continue
        if word == "*":
            parts.append(r"[\w'’-]+\s+")
            continue
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*\s+")
        else:
            parts.append(re.escape(word) + r"\s+")
    body = "".join(parts)
    return body[: -len(r"\s+")] if body.endswith(r"\s+") else body


def _alternatives(phrases: list[str]) -> str:
    return "|".join(_phrase_regex(p) for p in sorted(phrases, key=len, reverse=True))


def _compile_after(by_category: list[tuple[str, list[str]]]) -> re.Pattern[str] | None:
    groups = [f"(?P<c{i}>{_alternatives(phrases)})" for i, (_, phrases) in enumerate(by_category) if phrases]
    if not groups:
        return None
    return re.compile(rf"(?:\s+(?:{_SKIP})\b)*\s+(?:{'|'.join(groups)})\b", re.IGNORECASE)


_BEFORE_TAIL = r"(?:\s+(?:the|a\s+total\s+of|an\s+estimated|another))?\s*$"


def _compile_before(by_category: list[tuple[str, list[str]]]) -> re.Pattern[str] | None:
    groups = [f"(?P<c{i}>{_alternatives(phrases)})" for i, (_, phrases) in enumerate(by_category) if phrases]
    if not groups:
        return None
    return re.compile(rf"\b(?:{'|'.join(groups)}){_BEFORE_TAIL}", re.IGNORECASE)


def _gate(words: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words))), re.IGNORECASE) if words else None


def _plain(phrase: str) -> bool:
    return not any(token == "..." or "*" in token or "{" in token for token in phrase.split())


def load_table(path: Path) -> CountTable:
    """Read a category data file (see ``rules/data/count-categories.yaml``)."""
    with path.open(encoding="utf-8") as fh:
        raw: Any = yaml.safe_load(fh) or {}
    if not isinstance(raw, dict) or not isinstance(raw.get("categories"), dict):
        raise ValueError(f"{path}: a count category file needs a 'categories' mapping")
    cats = []
    afters: list[tuple[str, list[str]]] = []
    befores: list[tuple[str, list[str]]] = []
    for name, spec in raw["categories"].items():
        spec = spec or {}
        unknown = set(spec) - {"label", "after", "before", "nouns", "minimum_nouns", "counted"}
        if unknown:
            raise ValueError(f"{path}: category {name!r}: unknown key(s) {', '.join(sorted(unknown))}")
        afters.append((str(name), [str(p) for p in spec.get("after") or []]))
        befores.append((str(name), [str(p) for p in spec.get("before") or []]))
        cats.append(
            Category(
                name=str(name),
                label=str(spec.get("label", name)),
                nouns=frozenset(str(n).lower() for n in spec.get("nouns") or []),
                minimum_nouns=frozenset(str(n).lower() for n in spec.get("minimum_nouns") or []),
                counted=frozenset(str(n).lower() for n in spec.get("counted") or []),
            )
        )
    category_nouns = frozenset(n for c in cats for n in c.nouns | c.minimum_nouns)
    return CountTable(
        categories=tuple(cats),
        generic_nouns=frozenset(str(n).lower() for n in raw.get("generic_nouns") or []),
        group_nouns=frozenset(str(n).lower() for n in raw.get("group_nouns") or []),
        category_nouns=category_nouns,
        after=_compile_after(afters),
        before=_compile_before([(name, [p for p in ps if not _plain(p)]) for name, ps in befores]),
        before_phrases={
            tuple(p.lower().split()): i for i, (_, ps) in reversed(list(enumerate(befores))) for p in ps if _plain(p)
        },
        before_gate=_gate([p.split()[0].lower() for _, ps in befores for p in ps if not _plain(p)]),
        before_last=frozenset(p.split()[-1].lower() for _, ps in befores for p in ps if _plain(p)),
    )


@lru_cache(maxsize=1)
def default_table_path() -> Path:
    from checker.packs import builtin_rules_dir

    return builtin_rules_dir() / "data" / "count-categories.yaml"


@lru_cache(maxsize=8)
def table_for(path: str) -> CountTable:
    return load_table(Path(path))


# --- number parsing ---------------------------------------------------------------------

_UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "hundredth": 100,
    "thousandth": 1000,
}
_NUMBER_WORD = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS, *_SCALES], key=len, reverse=True))
_ORDINAL_WORD = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
_VAGUE = (
    r"(?:tens|hundreds)\s+of\s+thousands|(?:several|a\s+few|a\s+handful\s+of|a\s+couple\s+of|many|some)\s+"
    r"(?:dozen|hundred|thousand|million)|dozens|scores|hundreds|thousands|millions|several|a\s+handful|numerous"
)

_NUMBER = re.compile(
    r"(?P<clock>(?<![\w.,:])\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?\b)?)"
    r"|(?P<digits>(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w,.]\d))"
    r"(?P<scale>(?:m|bn|k)\b|\s+(?:million|billion|thousand|hundred|dozen|trillion)\b)?"
    rf"|(?P<vague>\b(?:{_VAGUE})\b)"
    rf"|(?P<ordinal>\b(?:{_ORDINAL_WORD})\b)"
    rf"|(?P<words>\b(?:(?:a|half\s+a)\s+(?=(?:dozen|hundred|thousand|million|billion)\b))?(?:{_NUMBER_WORD})"
    rf"(?:(?:-|\s+|\s+and\s+)(?:{_NUMBER_WORD})\b)*\b)",
    re.IGNORECASE,
)

_HEDGES: list[tuple[str, str]] = [
    (
        r"at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|well\s+over",
        "lower",
    ),
    (r"up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than|fewer\s+than|less\s+than|under|as\s+few\s+as", "upper"),
    (r"nearly|almost|just\s+under|close\s+to", "below"),
    (r"just\s+over", "above"),
    (r"about|around|some|roughly|approximately|approx\.|an\s+estimated|estimated|circa|or\s+so", "approx"),
]
_HEDGE = re.compile(
    r"\b(?:" + "|".join(f"(?P<h{i}>{p})" for i, (p, _) in enumerate(_HEDGES)) + r")\s+$",
    re.IGNORECASE,
)
_TRAILING_HEDGE = re.compile(r"\s+(?:(?P<more>or\s+more|and\s+more|or\s+over|plus)|(?P<so>or\s+so))\b", re.IGNORECASE)

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CURRENCY_AFTER = re.compile(
    r"(?:\s*(?:m|bn|k|million|billion|thousand|trillion))?\s+(?:dollars|pounds|euros|crowns|yuan|yen|rupees|pesos|"
    r"francs|rand|naira|shillings|cents|pence|dinars|riyals|dirhams|lira|rubles|roubles|baht|ringgit|kronor|krona|"
    r"kroner|zloty|forint|afghanis|hryvnias|reais|rupiah|taka|cedis|kwacha)\b",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent\b|percent\b|percentage\s+points?\b|pc\b)", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|hrs\b|GMT\b|BST\b|UTC\b|CET\b|EST\b|ET\b|local\s+time|o'clock)", re.IGNORECASE
)
_AGE_AFTER = re.compile(r"(?:-|\s)(?:years?|months?|weeks?)(?:-|\s)olds?\b|s\b", re.IGNORECASE)
_AGE_APPOSITION_AFTER = re.compile(r"(?:,|\s*\)|\s+and\b)")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(
    r"(?:-(?=[a-z])|\s*(?:km/h|kph|mph|km|kms|kilomet(?:re|er)s?|met(?:re|er)s?|m|cm|mm|millimet(?:re|er)s?|"
    r"centimet(?:re|er)s?|miles?|feet|foot|ft|inch(?:es)?|yards?|hectares?|ha|acres?|tonnes?|tons?|kg|kilos?|"
    r"kilograms?|grams?|g|lb|lbs|litres?|liters?|gallons?|barrels?|degrees?|°|knots?|seconds?|secs?|minutes?|mins?|"
    r"hours?|hrs?|days?|nights?|weeks?|months?|years?|yrs?|decades?|centuries|century|times|points?|goals?|runs?|"
    r"wickets?|laps?|storeys?|floors?|square|sq|cubic|mw|gw|kw|kwh|megawatts?|gigawatts?|mg|ml|calories|"
    r"percentile|fold|per)\b)",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(
    r"\s*(?:-|–|—|to|and)\s*(?:[£$€]\s?)?(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\w,.]\d)"
    r"(?P<scale>(?:m|bn|k)\b|\s+(?:million|billion|thousand|hundred)\b)?",
    re.IGNORECASE,
)
_WORD_RANGE_AFTER = re.compile(rf"\s+(?:to|or)\s+(?P<w>(?:{_NUMBER_WORD})(?:-(?:{_NUMBER_WORD}))?)\b", re.IGNORECASE)


def _digits_value(text: str, scale: str | None) -> float:
    value = float(text.replace(",", ""))
    if scale:
        s = scale.strip().lower()
        value *= {"m": 1e6, "bn": 1e9, "k": 1e3, "million": 1e6, "billion": 1e9, "thousand": 1e3, "hundred": 100}.get(
            s, {"trillion": 1e12, "dozen": 12}.get(s, 1)
        )
    return value


def words_value(text: str) -> float | None:
    """The value of a number in words ("twenty-five", "a dozen", "two hundred and fifty")."""
    words = re.split(r"[\s-]+", text.lower())
    total = 0.0
    current = 0.0
    seen = False
    half = False
    for w in words:
        if w in ("and", ""):
            continue
        if w == "a":
            current = max(current, 1)
            continue
        if w == "half":
            half = True
            continue
        if w in _UNITS_WORDS:
            current += _UNITS_WORDS[w]
        elif w in _TENS_WORDS:
            current += _TENS_WORDS[w]
        elif w in _SCALES:
            scale = _SCALES[w]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    return value / 2 if half else value


_WORD_JOIN = re.compile(r"(?:-|\s+|\s+and\s+)", re.IGNORECASE)


def _split_words(text: str) -> int:
    """How much of a run of number words is one number: "seven eight" is two,
    "two hundred and fifty" one; returns the length of the first number."""
    prev_kind = None
    pos = 0
    for m in re.finditer(r"[A-Za-z]+", text):
        w = m.group().lower()
        if w in ("a", "half"):
            prev_kind = "a"
            pos = m.end()
            continue
        if w == "and":
            if prev_kind != "scale":
                return pos
            prev_kind = "and"
            continue
        kind = "unit" if w in _UNITS_WORDS else "tens" if w in _TENS_WORDS else "scale"
        if prev_kind in ("unit",) and kind in ("unit", "tens"):
            return pos
        if prev_kind == "tens" and kind == "tens":
            return pos
        if prev_kind == "tens" and kind == "unit" and text[pos : m.start()] != "-":
            return pos
        prev_kind = kind
        pos = m.end()
    return pos


def _interval(value: float, hedge: str, dozen: bool = False) -> tuple[float, float, str]:
    if hedge == "lower":
        return value, math.inf, "lower"
    if hedge == "upper":
        return 0.0, value, "upper"
    if hedge == "below":
        return value - max(1.0, value * 0.15), value, "approx"
    if hedge == "above":
        return value, value + max(1.0, value * 0.15), "approx"
    if hedge == "approx":
        spread = max(1.0, value * 0.15)
        return value - spread, value + spread, "approx"
    if dozen:
        return value - 1, value + 1, "approx"
    if value >= 1000 and value % 100 == 0:
        # a round figure is itself a rounding: "1,200" stands for 1,170 to 1,230
        spread = value * 0.03
        return value - spread, value + spread, "exact"
    return value, value, "exact"


# Words a number expression can start with; the full pattern is tried only
# where one of these (or a digit) starts a token, which keeps the scan linear
# and cheap on long copy.
_START_WORDS = frozenset(
    [
        *_UNITS_WORDS,
        *_TENS_WORDS,
        *_SCALES,
        *_ORDINAL_WORDS,
        *"a half tens hundreds thousands millions dozens scores several some many numerous".split(),
    ]
)
_DIGIT_RUN = re.compile(r"\d+")


# Every byte that is not a letter becomes a space, and capitals become small
# letters, so that the automaton finds whole words by their surrounding spaces;
# a character outside ASCII becomes one "?" first, which keeps offsets intact.
_WORD_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_MULTIWORD_STARTS = ("a dozen", "a hundred", "a thousand", "a million", "a billion", "a few", "a handful", "a couple")


@lru_cache(maxsize=1)
def _start_automaton() -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    keys = [w for w in _START_WORDS if w not in ("a", "half", "some", "many")]
    keys += [
        *_MULTIWORD_STARTS,
        "half a",
        *(f"{w} {s}" for w in ("some", "many") for s in ("dozen", "hundred", "thousand", "million")),
    ]
    for key in keys:
        automaton.add_word(f" {key} ", len(key))
    automaton.make_automaton()
    return automaton


def _candidates(text: str, start: int, end: int) -> list[int]:
    """Offsets where a number may start: a digit, or a number word on word boundaries."""
    out = [m.start() for m in _DIGIT_RUN.finditer(text, start, end)]
    words = " " + text[start:end].encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii") + " "
    # a match ends at the space after the word; the word starts one past the space before it
    out.extend(start + last - length - 1 for last, length in _start_automaton().iter(words))
    out.sort()
    return out


def parse_numbers(
    text: str, start: int = 0, end: int | None = None, candidates: list[int] | None = None
) -> list[Quantity]:
    """Every number in ``text[start:end]``, classified, as spans of ``text``.

    ``candidates`` are the offsets :func:`_candidates` found, when the caller
    scanned a larger span at once."""
    out: list[Quantity] = []
    end = len(text) if end is None else end
    pos = start
    match = _NUMBER.match
    if candidates is None:
        candidates = _candidates(text, start, end)
    else:
        candidates = candidates[bisect.bisect_left(candidates, start) : bisect.bisect_left(candidates, end)]
    for at in candidates:
        if at < pos:
            continue
        m = match(text, at, end)
        if m is None:
            continue
        q = _classify(text, m, start, end)
        if q is None:
            continue
        pos = max(m.end(), q.num_end)
        out.append(q)
    return out


@dataclass(slots=True)
class _Before:
    """The words just before a number, split once: most tests on them are set lookups."""

    pre: str  # up to 40 characters of the sentence before the number
    glued: str  # a token touching the number ("£", "US$"), or ""
    words: list[str]  # the whole words before it, nearest last
    at_sentence_start: bool  # ``pre`` reaches back to the start of the sentence

    @classmethod
    def of(cls, text: str, s: int, floor: int) -> _Before:
        lo = max(floor, s - 40)
        pre = text[lo:s]
        ws = pre.split()
        glued = ""
        if pre and not pre[-1].isspace() and ws:
            glued = ws.pop()
        return cls(pre, glued, ws, lo == floor)

    def last(self, n: int = 1) -> str:
        return " ".join(self.words[-n:]).lower() if len(self.words) >= n else ""


_HEDGE_LAST = frozenset(
    "least than over of excess to many most under about around some roughly approximately approx. nearly almost "
    "close estimated circa as".split()
)
_LABEL_WORDS = frozenset(
    """magnitude category level grade size no. number page room gate route flight platform article section chapter
    band line bus tier phase stage class type model version code unit ward block pier terminal exit junction lane road
    street avenue highway interstate channel episode season series week day year round covid incident case""".split()
)
_MONTH_WORDS = frozenset(_MONTHS.split("|"))
_CURRENCY_GLUED = ("£", "$", "€", "¥", "₹")
_CURRENCY_WORDS = frozenset(("Rs", "Rs.", "USD", "EUR", "GBP", "£", "$", "€", "US$"))


def _money_start(kind: str, before: _Before, s: int) -> int:
    """A sum of money starts at its currency sign ("£214 million")."""
    if kind == "money" and before.glued.endswith(_CURRENCY_GLUED):
        sign = before.glued.rstrip("£$€¥₹")
        return s - (len(before.glued) - len(sign))
    return s


def _hedge_of(before: _Before, s: int) -> tuple[int, str]:
    """Where the hedge before a number starts, and what kind it is."""
    if before.glued or before.last() not in _HEDGE_LAST:
        return s, "exact"
    pre = before.pre
    h = _HEDGE.search(pre, max(0, len(pre) - 30))
    if h is None:
        return s, "exact"
    kind = next(_HEDGES[i][1] for i in range(len(_HEDGES)) if h.group(f"h{i}"))
    return s - (len(pre) - h.start()), kind


def _classify(text: str, m: re.Match[str], floor: int, limit: int) -> Quantity | None:
    s, e = m.start(), m.end()
    which = m.lastgroup
    if which == "clock":
        v = float(m.group("clock")[:2].rstrip(":"))
        return Quantity(s, e, s, e, "time", v, v, v)
    if which == "ordinal":
        v = float(_ORDINAL_WORDS[m.group("ordinal").lower()])
        return Quantity(s, e, s, e, "ordinal", v, v, v)
    before = _Before.of(text, s, floor)
    if which == "vague":
        hs, _ = _hedge_of(before, s)
        return Quantity(hs, e, s, e, "count", None, 0.0, math.inf, "vague")
    dozen = False
    if which == "words":
        raw = m.group("words")
        cut = _split_words(raw)
        e = s + len(raw[:cut].rstrip(" -"))
        if e <= s:
            return None
        word_text = text[s:e]
        value = words_value(word_text)
        if value is None:
            return None
        if word_text.lower() == "one" and (
            before.last() in ("no", "any", "every", "each") or before.last(2) == "the only"
        ):
            return None
        dozen = "dozen" in word_text.lower()
        digits = False
    else:
        digits = True
        value = _digits_value(m.group("digits"), m.group("scale"))
    post = text[e : min(limit, e + 40)]
    kind = _kind(before, post, value, digits, m)
    if kind != "count":
        if kind in _SPAN_KINDS:
            # "3-1", "aged 10 to 14", "$85 million to $95 million": one quantity, not two
            r = _RANGE_AFTER.match(post) if digits else _WORD_RANGE_AFTER.match(post)
            if r is not None and (kind == "score" or post[: r.start("n" if digits else "w")].strip() != "and"):
                other = _digits_value(r.group("n"), r.group("scale")) if digits else words_value(r.group("w"))
                if other is not None:
                    lo, hi = min(value, other), max(value, other)
                    return Quantity(_money_start(kind, before, s), e + r.end(), s, e + r.end(), kind, value, lo, hi)
        return Quantity(_money_start(kind, before, s), e, s, e, kind, value, value, value)
    hs, hedge = _hedge_of(before, s)
    r = _RANGE_AFTER.match(post) if digits else _WORD_RANGE_AFTER.match(post)
    if r is not None and before.last() != "from":
        other = _digits_value(r.group("n"), r.group("scale")) if digits else words_value(r.group("w"))
        connector = post[: r.start("n" if digits else "w")].strip().lower()
        if other is not None and other > value and (connector != "and" or before.last() == "between"):
            return Quantity(hs, e + r.end(), s, e + r.end(), "count", value, value, other, "range")
    t = _TRAILING_HEDGE.match(post)
    if t is not None and hedge == "exact":
        hedge = "lower" if t.group("more") else "approx"
        low, high, hedge = _interval(value, hedge)
        return Quantity(hs, e + t.end(), s, e, "count", value, low, high, hedge)
    low, high, hedge = _interval(value, hedge, dozen)
    return Quantity(hs, e, s, e, "count", value, low, high, hedge)


# What follows a number, in the order the kinds are decided: one match instead of seven
_POST_KIND = re.compile(
    "|".join(
        f"(?P<{name}>{pattern.pattern})"
        for name, pattern in (
            ("money", _CURRENCY_AFTER),
            ("percent", _PERCENT_AFTER),
            ("time", _TIME_AFTER),
            ("age", _AGE_AFTER),
            ("month", re.compile(rf"(?-i:{_MONTH_AFTER.pattern})")),
            ("ordinal", _ORDINAL_AFTER),
            ("unit", _UNIT_AFTER),
        )
    ),
    re.IGNORECASE,
)
_SCORE_AFTER = re.compile(r"[-–]\d+(?:\s+([A-Za-z]+))?")
_SPAN_KINDS = frozenset(("score", "age", "money", "measure", "percent"))


def _kind(before: _Before, post: str, value: float, digits: bool, m: re.Match[str]) -> str:
    glued = before.glued
    last = before.words[-1] if before.words else ""
    pk = _POST_KIND.match(post)
    after = pk.lastgroup if pk is not None else None
    if after == "time" and value >= 25:
        after = "unit" if _UNIT_AFTER.match(post) else None
    if after == "month" and not (digits and value <= 31):
        after = "unit" if _UNIT_AFTER.match(post) else None
    if glued.endswith(_CURRENCY_GLUED) or (not glued and last in _CURRENCY_WORDS) or after == "money":
        return "money"
    if after == "percent":
        return "percent"
    if after == "time":
        return "time"
    if after == "age" or (not glued and (last.lower() in ("aged", "age", "ages") or before.last(2) == "aged between")):
        if post[:1] == "s" and digits and value >= 1800:
            return "year"  # "the 1990s"
        return "age"
    if (
        digits
        and not glued
        and value < 120
        and last.endswith(",")
        and last[:1].isupper()
        and _AGE_APPOSITION_AFTER.match(post)
    ):
        return "age"  # "Antonio Reyes, 71, who ..."
    if after == "month":
        return "date"
    if digits and after == "ordinal":
        return "ordinal"
    if value <= 31 and not glued and last.rstrip(".") in _MONTH_WORDS:
        return "date"
    plain = digits and "," not in m.group("digits") and "." not in m.group("digits") and not m.group("scale")
    if plain and 1800 <= value <= 2100 and len(m.group("digits")) == 4 and not post.startswith(" people"):
        return "year"
    if digits and post[:1] in ("-", "–") and post[1:2].isdigit():
        sm = _SCORE_AFTER.match(post)
        if sm and (sm.group(1) is None or not _is_plural(sm.group(1).lower())):
            return "score"
    if after == "unit":
        return "measure"
    if not glued and last.lower() in _LABEL_WORDS:
        return "label"
    if (
        digits
        and not glued
        and last[:1].isupper()
        and last.isalpha()
        and last.lower() not in _WEEKDAYS
        and last.lower() not in _HEDGE_LAST
        and last.lower() not in _STOP_AFTER
        and last.lower() not in ("between", "from", "about", "some", "nearly", "almost", "roughly", "approximately")
        and not (before.at_sentence_start and len(before.words) == 1)
        and not (len(before.words) >= 2 and before.words[-2][-1:] in '.!?:;"“')
    ):
        # "Gate 7", "Boeing 737", "Windows 11": a name, not a count
        return "label"
    return "count"


# --- counts: noun, category, scope -------------------------------------------------------

_NOUN_WORD = re.compile(r"[ \t]+([A-Za-z][\w'’]*(?:-[A-Za-z][\w'’]*)*)")
_STOP_AFTER = frozenset(
    (
        *"""
    of were was are is be been being had have has who that which whom whose and or but nor in on at to from by for
    with without into onto over under after before during since as than while when where if so also all both more
    less most least other others' each per the a an this these those it its their his her our your my we they he she
    you i them him us me there here not no yet still now then later reportedly across along around near through
    throughout inside outside including among alone
    """.split(),
        *_UNITS_WORDS,
        *_TENS_WORDS,
    )
)
_IRREGULAR_PLURALS = frozenset(
    "people police staff crew personnel children dead injured wounded cattle sheep aircraft youth "
    "clergy livestock deer fish offspring".split()
)
_SINGULAR_HEADS = frozenset(
    "person man woman child boy girl baby officer soldier civilian worker resident passenger student "
    "journalist policeman guard miner patient victim body attacker gunman bomber assailant home house "
    "building".split()
)


def _is_plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS or word.endswith("men"):
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "'s", "’s")) and len(word) > 3


def _noun_after(text: str, pos: int, singular: bool) -> tuple[int, int, str] | None:
    """The counted noun after a number: "[football] fans", "people", "[militia] fighters"."""
    for _ in range(3):
        m = _NOUN_WORD.match(text, pos)
        if m is None:
            return None
        w = m.group(1).lower()
        if w in _STOP_AFTER:
            return None
        if (singular and w in _SINGULAR_HEADS) or (not singular and _is_plural(w)):
            return m.start(1), m.end(1), w
        pos = m.end()
    return None


_CLAUSE_BREAK = re.compile(r"[,;:!?()\"“”—–]|\.(?=\s|$)|\s-\s")
_QUOTE_MARKS = re.compile(r"[\"“”]")

_PERIOD = re.compile(
    r"\b(?:(?P<year>1[89]\d\d|20\d\d)s?\b"
    r"|(?P<rel>(?:last|previous|past)\s+(?:week|weekend|month|year|summer|winter|spring|autumn|fall|decade|century)"
    r"|earlier\s+this\s+(?:week|month|year)|this\s+year|so\s+far\s+this\s+\w+|in\s+recent\s+(?:days|weeks|months|years)"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:days?|weeks?|months?|years?|decades?)"
    r"\s+(?:ago|earlier|before|previously))"
    rf"|(?:in|last|since|early|late|mid-?|until)\s+(?P<month>(?-i:{_MONTHS}))\b"
    r"|(?P<rate>(?:a|each|every|per)\s+(?:day|week|month|year)|annually|on\s+average|a\s+typical\s+\w+)"
    r"|since\s+(?P<since>(?:the\s+)?\w+))",
    re.IGNORECASE,
)
_OTHER_EVENT = re.compile(
    r"\b(?:another|separate|earlier|previous|similar|unrelated|second|third|twin|prior|last)\s+(?:\w+\s+){0,2}?"
    r"(?:attacks?|blasts?|bombings?|explosions?|incidents?|strikes?|raids?|crash(?:es)?|accidents?|fires?|quakes?|"
    r"earthquakes?|storms?|floods?|shootings?|clash(?:es)?|riots?|protests?|operations?|disasters?|collisions?|"
    r"outbreaks?|waves?|ambush(?:es)?|stampedes?|sinkings?|derailments?|landslides?|avalanches?|eruptions?|"
    r"hurricanes?|cyclones?|typhoons?|tornado(?:es)?)\b|\baftershocks?\b|\belsewhere\b|\bin\s+a\s+separate\b|\bcompared\s+with\b"
    r"|\b(?:worst|deadliest|biggest|largest|most\s+serious)\b[^.]*\bsince\b",
    re.IGNORECASE,
)
_CLAIM = re.compile(r"\b(?:claim(?:s|ed|ing)?|boast(?:s|ed|ing)?|alleg(?:e|es|ed|ing))\b", re.IGNORECASE)
_UPDATE = re.compile(
    r"\b(?:rose|rises|risen|rising|climbed|climbs|climbing|jumped|jumps|increased|increases|grew|grown|reached|"
    r"reaches|raising|raised|brought|bringing|brings|revised|revising|updated|updating|lowered|corrected|dropped|"
    r"fell|fallen|now\s+stands|now\s+stood|upgraded|downgraded)\b",
    re.IGNORECASE,
)
_UPDATE_AFTER = re.compile(r"\W*(?:\w+\W+){0,6}?(?:up|down)\s+from\b", re.IGNORECASE)
_EARLIER = re.compile(
    r"\b(?:initially|originally|earlier(?!\s+(?:this|last|in)\b)|at\s+first|first\s+reported|previously|initial|had\s+put|had\s+given|"
    r"had\s+reported|had\s+said|preliminary)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|may|will|expected\s+to|likely\s+to|feared\s+to|fears?\s+that|risk|threat(?:en)?s?|"
    r"plans?\s+to|aims?\s+to|target|warned|if)\b",
    re.IGNORECASE,
)
_SUB_BEFORE = re.compile(
    r"\b(?:including|includes|included|among\s+them|among\s+whom|among\s+the|among|of\s+whom|of\s+which|such\s+as|"
    r"alone)\b",
    re.IGNORECASE,
)
_SUB_AFTER = re.compile(r"\s+(?:of\s+(?:the|them|whom|those|these|which|its|their)\b|of\s+\d|more\b|others?\b)", re.I)
# "another five", "a further three", "two more": an addition to a count, not a count
_ADDITION_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+$", re.IGNORECASE)
# "two remain in hospital", "eight are still missing": a later state of part of a count
_STATUS = re.compile(r"\b(?:still|remain|remains|remained|remaining|currently|continue|continued|continues)\b", re.I)
_SUB_LEAD = re.compile(r"(?:^|[,;]\s*)of\s+(?:those|these|the|them|whom|which)\b", re.IGNORECASE)
_PLACE = re.compile(r"\b(?i:in|near|outside|across)\s+(?:the\s+)?((?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*))")
_DAY = re.compile(r"\bon\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_NOT_PLACES = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday The A An This That".split()
)


_AGGREGATE = re.compile(
    r"\b(?:two|three|four|five|six|twin|several|multiple|a\s+series\s+of|a\s+wave\s+of|separate|coordinated|"
    r"different|both|simultaneous|a\s+string\s+of)\s+(?:\w+\s+){0,2}?(?:attacks|bombings|blasts|explosions|strikes|"
    r"raids|incidents|crashes|accidents|fires|storms|cities|towns|provinces|districts|villages|regions|countries|"
    r"states|locations|sites|stations|shootings|clashes)\b"
    r"|\bacross\s+(?:the\s+)?(?:(?-i:[A-Z])\w+|country|region|state|province|city|north|south|east|west|territory)\b"
    r"|\bacross\s+(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)\s+\w+",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _SentenceScope:
    period: str | None
    places: frozenset[str]
    other_event: bool
    aggregate: bool
    words: frozenset[str]


_WORD_RE = re.compile(r"[a-z]+")
_PERIOD_GATE = frozenset(
    "last previous past earlier this recent ago since each every per annually average typical in early late mid "
    "until".split()
)
_OTHER_EVENT_GATE = frozenset(
    "meanwhile aftershock aftershocks another separate earlier previous similar unrelated second third twin prior "
    "last elsewhere compared worst deadliest biggest largest serious".split()
)
_AGGREGATE_GATE = frozenset(
    "two three four five six twin several multiple series wave separate coordinated different both simultaneous "
    "string across".split()
)


def _sentence_scope(sent_text: str) -> _SentenceScope:
    words = frozenset(_WORD_RE.findall(sent_text.lower()))
    periods = []
    if not words.isdisjoint(_PERIOD_GATE) or any(c.isdigit() for c in sent_text):
        for m in _PERIOD.finditer(sent_text):
            if m.group("year"):
                periods.append(m.group("year"))
            elif m.group("rel"):
                periods.append(" ".join(m.group("rel").lower().split()))
            elif m.group("month"):
                periods.append(m.group("month").lower())
            elif m.group("rate"):
                periods.append("rate")
            elif m.group("since"):
                periods.append("since " + m.group("since").lower())
    places: set[str] = set()
    if not words.isdisjoint(("in", "near", "outside", "across")):
        for m in _PLACE.finditer(sent_text):
            places.update(w for w in m.group(1).split() if w not in _NOT_PLACES)
    return _SentenceScope(
        period=" / ".join(sorted(set(periods))) or None,
        places=frozenset(places),
        other_event=not words.isdisjoint(_OTHER_EVENT_GATE) and bool(_OTHER_EVENT.search(sent_text)),
        aggregate=not words.isdisjoint(_AGGREGATE_GATE) and bool(_AGGREGATE.search(sent_text)),
        words=words,
    )


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside quotation marks in ``text[start:end]`` (a block); an
    unclosed quotation runs to the end of the block."""
    spans = []
    opened: int | None = None
    for m in _QUOTE_MARKS.finditer(text, start, end):
        c = m.group()
        if opened is None:
            if c != "”":
                opened = m.end()
        elif c != "“":
            spans.append((opened, m.start()))
            opened = None
    if opened is not None:
        spans.append((opened, end))
    return spans


def analyse(doc: Document, facts: Facts, table: CountTable) -> Quantities:
    """Numbers and categorised counts of ``doc``, using ``table``."""
    text = doc.text
    numbers: list[Quantity] = []
    counts: list[Count] = []
    block_quotes: dict[int, list[tuple[int, int]]] = {}
    candidates = _candidates(text, 0, len(text))
    if not candidates:
        return Quantities((), ())
    for si, sent in enumerate(facts.get("sentences")):
        lo = bisect.bisect_left(candidates, sent.start)
        if lo == len(candidates) or candidates[lo] >= sent.end:
            continue
        found = parse_numbers(text, sent.start, sent.end, candidates)
        if not found:
            continue
        numbers.extend(found)
        sscope: _SentenceScope | None = None
        for q in found:
            if q.kind != "count":
                continue
            cued = _categorise(text, q, sent.start, sent.end, table)
            if cued is None:
                continue
            if sscope is None:
                sscope = _sentence_scope(text[sent.start : sent.end])
                dated = _dated(text, sent.start, found)
                if dated:
                    # "on Oct. 7, in which 1,200 people were killed": a dated event is an event of its own
                    sscope.period = f"{sscope.period} / {dated}" if sscope.period else dated
            if sent.block not in block_quotes:
                b = doc.blocks[sent.block]
                block_quotes[sent.block] = _quote_spans(text, b.start, b.end)
            counts.extend(
                _scoped(text, q, cued, si, sent.start, sent.end, sent.block, sscope, block_quotes[sent.block])
            )
    return Quantities(tuple(numbers), tuple(counts))


def _dated(text: str, floor: int, found: list[Quantity]) -> str:
    dates = [" ".join(text[max(floor, q.start - 6) : q.end].split()) for q in found if q.kind == "date"]
    return " / ".join(f"date {d}" for d in dates)


def _clause_bounds(text: str, s: int, e: int, sent_start: int, sent_end: int) -> tuple[int, int]:
    cs = sent_start
    window = text[max(sent_start, s - 160) : s]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        cs = max(sent_start, s - len(window) + breaks[-1].end())
    m = _CLAUSE_BREAK.search(text, e, min(sent_end, e + 200))
    ce = m.start() if m else sent_end
    return cs, ce


@dataclass(slots=True)
class _Cued:
    """A number with the categories its cues give it, before scoping."""

    noun: tuple[int, int, str] | None
    clause: tuple[int, int]
    cues: list[tuple[Category, int, int]]


_AGENT = re.compile(
    rf"\s+(?:at\s+least|more\s+than|about|around|some|nearly|almost|up\s+to|as\s+many\s+as|an?\s|the\s|his\s|her\s|"
    rf"their\s|its\s|\d|(?:{_NUMBER_WORD}|dozens|hundreds|thousands|scores|several)\b)",
    re.IGNORECASE,
)
# Things that kill, injure or destroy, which a count next to a category's verb may count
_AGENT_NOUNS = frozenset(
    """attacks airstrikes air-strikes blasts bombings bombs bullets clashes crashes earthquakes explosions fires floods
    grenades landslides missiles quakes raids rockets shells shellings shootings storms strikes tremors aftershocks
    accidents collisions drones""".split()
)
_PART_OF = re.compile(r"\s+of\s+(?:the|those)\s+([A-Za-z]+)")
_HEAD_FILLERS = frozenset(("the", "of", "total", "a", "an", "estimated", "another"))


_HEAD_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\S")


def _before_cue(text: str, cs: int, hs: int, table: CountTable) -> tuple[int, int, int] | None:
    """The category cue that ends just before a number ("killing", "death toll rose to"), as
    (category index, start, end); fillers such as "the" or "a total of" may come between."""
    tokens = [(t.start(), t.end(), t.group().lower()) for t in _HEAD_TOKEN.finditer(text, max(cs, hs - 60), hs)]
    phrases = table.before_phrases
    while tokens:
        if tokens[-1][2] not in table.before_last and tokens[-1][2] not in _HEAD_FILLERS:
            break
        for k in (4, 3, 2, 1):
            if len(tokens) >= k:
                found = phrases.get(tuple(t[2] for t in tokens[-k:]))
                if found is not None:
                    return found, tokens[-k][0], tokens[-1][1]
        if tokens[-1][2] not in _HEAD_FILLERS:
            break
        tokens.pop()
    if table.before is None or table.before_gate is None or not table.before_gate.search(text, cs, hs):
        return None
    head = text[cs:hs]
    m = table.before.search(head)
    if m is None or m.lastgroup is None:
        return None
    return int(m.lastgroup[1:]), cs + m.start(m.lastgroup), cs + m.end(m.lastgroup)


def _categorise(text: str, q: Quantity, sent_start: int, sent_end: int, table: CountTable) -> _Cued | None:
    singular = q.value == 1 and q.hedge == "exact"
    noun = _noun_after(text, q.end, singular)
    if q.value == 1 and noun is None:
        return None  # "one" without a noun is a pronoun far more often than a count
    cs, ce = _clause_bounds(text, q.start, q.end, sent_start, sent_end)
    tail_start = noun[1] if noun else q.end
    cues: list[tuple[Category, int, int]] = []
    cats = table.categories
    cue: tuple[int, int, int] | None = None
    m = table.after.match(text, tail_start, ce) if table.after is not None else None
    if m is not None and m.lastgroup is not None:
        # "two bombings killed at least 19": the number counts the agents, not the victims
        if not _AGENT.match(text, m.end()):
            cue = (int(m.lastgroup[1:]), m.start(m.lastgroup), m.end(m.lastgroup))
    elif cs < q.start:
        cue = _before_cue(text, cs, q.start, table)
    if cue is not None:
        cat = cats[cue[0]]
        if not cat.counted or (noun is not None and noun[2] in cat.counted):
            cues.append((cat, cue[1], cue[2]))
    if noun is not None and noun[2] in _AGENT_NOUNS:
        return None
    if noun is None:
        # "three of the dead", "two of the injured": a part of a count named by its category
        part = _PART_OF.match(text, q.end, ce)
        if part is not None and part.group(1).lower() in table.category_nouns:
            noun = (part.start(1), part.end(1), part.group(1).lower())
    if noun is not None and noun[2] in table.category_nouns and not cues:
        for cat in cats:
            if (noun[2] in cat.nouns or noun[2] in cat.minimum_nouns) and all(c is not cat for c, _, _ in cues):
                cues.append((cat, noun[0], noun[1]))
    return _Cued(noun, (cs, ce), cues) if cues else None


def _scoped(
    text: str,
    q: Quantity,
    cued: _Cued,
    si: int,
    sent_start: int,
    sent_end: int,
    block: int,
    sscope: _SentenceScope,
    quotes: list[tuple[int, int]],
) -> list[Count]:
    """The counts of one number, with where each sits: its clause, its sentence, its quotation."""
    words = sscope.words
    noun = cued.noun
    cs, ce = cued.clause
    tail_start = noun[1] if noun else q.end
    head = text[cs : q.start]
    before_in_sentence = text[sent_start : q.start]
    day_m = _DAY.search(text, cs, ce) if not words.isdisjoint(_WEEKDAYS) else None
    sub = bool(_SUB_AFTER.match(text, q.end, ce)) or bool(_ADDITION_BEFORE.search(text, max(cs, q.start - 20), q.start))
    if not sub and not words.isdisjoint(_STATUS_GATE):
        sub = bool(_STATUS.search(text, cs, ce))
    if not sub and not words.isdisjoint(_SUB_GATE):
        sub = bool(_SUB_BEFORE.search(before_in_sentence)) or bool(_SUB_LEAD.search(before_in_sentence))
    quoted = any(a <= q.start < b for a, b in quotes)
    update = not words.isdisjoint(_UPDATE_GATE) and (
        bool(_UPDATE.search(head)) or bool(_UPDATE_AFTER.match(text, q.end, sent_end))
    )
    claim = not words.isdisjoint(_CLAIM_GATE) and bool(_CLAIM.search(before_in_sentence))
    earlier = not words.isdisjoint(_EARLIER_GATE) and bool(_EARLIER.search(before_in_sentence))
    maybe_hypothetical = not words.isdisjoint(_HYPOTHETICAL_GATE)
    out = []
    for cat, cue_s, cue_e in cued.cues:
        # "could rise to 50", "50 may have died": a figure nobody has reported yet
        hypothetical = maybe_hypothetical and (
            bool(_HYPOTHETICAL.search(head))
            or (cue_s > tail_start and bool(_HYPOTHETICAL.search(text, tail_start, cue_s)))
        )
        noun_text = noun[2] if noun else None
        scope = Scope(
            period=sscope.period,
            day=day_m.group(1).lower() if day_m else None,
            places=sscope.places,
            claim=claim,
            sub=sub,
            update=update,
            earlier=earlier,
            hypothetical=hypothetical,
            quoted=quoted,
            other_event=sscope.other_event,
            aggregate=sscope.aggregate,
        )
        start = min(q.start, cue_s)
        end = max(q.end, cue_e, noun[1] if noun else q.end)
        minimum = noun_text is not None and noun_text in cat.minimum_nouns
        proper = noun is not None and text[noun[0]].isupper()
        out.append(Count(q, cat.name, start, end, noun_text, cue_s, cue_e, si, block, scope, minimum, proper))
    return out


_STATUS_GATE = frozenset("still remain remains remained remaining currently continue continued continues".split())
_SUB_GATE = frozenset("including includes included among of such alone".split())
_UPDATE_GATE = frozenset(
    """rose rises risen rising climbed climbs climbing jumped jumps increased increases grew grown reached reaches
    raising raised brought bringing brings revised revising updated updating lowered corrected dropped fell fallen
    now upgraded downgraded up down""".split()
)
_CLAIM_GATE = frozenset(
    "claim claims claimed claiming boast boasts boasted boasting allege alleges alleged alleging".split()
)
_EARLIER_GATE = frozenset("initially originally earlier first previously initial had preliminary".split())
_HYPOTHETICAL_GATE = frozenset(
    "could would might may will expected likely feared fear fears risk threat threaten threatens plan plans aim aims "
    "target warned if".split()
)


def quantities(doc: Document, facts: Facts) -> Quantities:
    """The layer: numbers and counts with the built-in category table, or the
    one a house pack names in ``facts.options["count_categories"]``."""
    path = facts.options.get("count_categories") or str(default_table_path())
    return analyse(doc, facts, table_for(str(path)))

"""Numbers in news copy: digits, words, vague quantities and their hedges, as spans.

:func:`parse_numbers` finds every number in a span of text and decides what
kind of number it is (a count, or an ordinal, date, time, year, age, sum of
money, percentage, score, measure or label such as "Gate 7"), its value and
the interval its hedge allows ("at least five" is five to infinity, "about
40" is 34 to 46, "a dozen" 11 to 13).  The ``quantities`` layer builds on it.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


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


# A frozen data class's __init__ sets each field through object.__setattr__;
# a long file has a number in every paragraph, so quantities are made by
# setting the slots directly: the same object at half the cost
_SET_QUANTITY = tuple(
    getattr(Quantity, name).__set__
    for name in ("start", "end", "num_start", "num_end", "kind", "value", "low", "high", "hedge")
)


def _quantity(
    start: int,
    end: int,
    num_start: int,
    num_end: int,
    kind: str,
    value: float | None,
    low: float,
    high: float,
    hedge: str = "exact",
) -> Quantity:
    """``Quantity(start, end, ...)``, made faster."""
    q = object.__new__(Quantity)
    s0, s1, s2, s3, s4, s5, s6, s7, s8 = _SET_QUANTITY
    s0(q, start)
    s1(q, end)
    s2(q, num_start)
    s3(q, num_end)
    s4(q, kind)
    s5(q, value)
    s6(q, low)
    s7(q, high)
    s8(q, hedge)
    return q


UNITS_WORDS = {
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
TENS_WORDS = {
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
NUMBER_WORD = "|".join(sorted([*UNITS_WORDS, *TENS_WORDS, *_SCALES], key=lambda w: (-len(w), w)))
_VAGUE = (
    r"(?:tens|hundreds)\s+of\s+thousands|(?:several|a\s+few|a\s+handful\s+of|a\s+couple\s+of|many|some)\s+"
    r"(?:dozen|hundred|thousand|million)|dozens|scores|hundreds|thousands|millions|several|a\s+handful|numerous"
)

# The same groups, one pattern per kind of start: a candidate's first character
# or word says which one to try, which is far cheaper than one large alternation
# (digits glued to a word by a hyphen name a thing, not a quantity: "Covid-19",
# "G-20", "F-35", the "under-21" side)
_DIGIT_NUMBER = re.compile(
    r"(?P<clock>(?<![\w.,:])\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?\b)?)"
    r"|(?P<digits>(?<![\w.,])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w,.]\d))"
    r"(?P<scale>(?:m|bn|k)\b|\s+(?:million|billion|thousand|hundred|dozen|trillion)\b)?",
    re.IGNORECASE,
)
_VAGUE_NUMBER = re.compile(rf"(?P<vague>(?:{_VAGUE})\b)", re.IGNORECASE)
_ORDINAL_NUMBER = re.compile(r"(?<![\w-])(?P<ordinal>[A-Za-z]+)")
# a run of up to six words; _split_words keeps the ones that make one number
_WORDS_NUMBER = re.compile(r"(?<![\w-])(?P<words>[A-Za-z]+(?:(?:-|\s+and\s+|\s+)[A-Za-z]+){0,5})")
_ALPHA = re.compile(r"[A-Za-z]+")
# "Both men arrested", "Both of the teenagers taken to hospital": two, by a plural noun; not "both men and
# women", nor a bare "both", which stands for a pair just named
_BOTH_NUMBER = re.compile(
    r"(?P<both>both)(?=\s+(?:of\s+the\s+)?(?:[a-z]+s|[a-z]*men|people|children)\b(?!\s+(?:[a-z]+\s+)?(?:and|or)\b))",
    re.IGNORECASE,
)
_VAGUE_STARTS = frozenset("tens hundreds thousands millions dozens scores several a some many numerous".split())


def _match_number(text: str, at: int, end: int) -> re.Match[str] | None:
    if text[at].isdigit():
        return _DIGIT_NUMBER.match(text, at, end)
    word = _ALPHA.match(text, at, end)
    if word is None:
        return None
    w = word.group().lower()
    if w == "both":
        return _BOTH_NUMBER.match(text, at, end)
    if w in _ORDINAL_WORDS:
        return _ORDINAL_NUMBER.match(text, at, end)
    if w in _VAGUE_STARTS:
        m = _VAGUE_NUMBER.match(text, at, end)
        if m is not None:
            return m
    return _WORDS_NUMBER.match(text, at, end)


_HEDGES: list[tuple[str, str]] = [
    (
        r"at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|"
        r"not\s+fewer\s+than|not\s+less\s+than|well\s+over",
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

MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
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
_WORD_RANGE_AFTER = re.compile(rf"\s+(?:to|or)\s+(?P<w>(?:{NUMBER_WORD})(?:-(?:{NUMBER_WORD}))?)\b", re.IGNORECASE)


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
        if w in UNITS_WORDS:
            current += UNITS_WORDS[w]
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
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


def _split_words(text: str) -> int:
    """How much of a run of number words is one number: "seven eight" is two,
    "two hundred and fifty" one; returns the length of the first number."""
    prev_kind = None
    pos = 0
    for m in re.finditer(r"[A-Za-z]+", text):
        w = m.group().lower()
        if w in ("a", "half"):
            if prev_kind not in (None, "a"):
                return pos
            prev_kind = "a"
            pos = m.end()
            continue
        if w == "and":
            if prev_kind != "scale":
                return pos
            prev_kind = "and"
            continue
        if w in UNITS_WORDS:
            kind = "unit"
        elif w in TENS_WORDS:
            kind = "tens"
        elif w in _SCALES:
            kind = "scale"
        else:
            return pos  # the first word that is not part of a number ends it
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
        # "about 1,200" may be 1,100 or 1,300, not 900: a tenth either way
        spread = max(1.0, value * 0.10)
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
        *UNITS_WORDS,
        *TENS_WORDS,
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
        "both",
        *_MULTIWORD_STARTS,
        "half a",
        *(f"{w} {s}" for w in ("some", "many") for s in ("dozen", "hundred", "thousand", "million")),
    ]
    for key in keys:
        automaton.add_word(f" {key} ", len(key))
    automaton.make_automaton()
    return automaton


def candidates(text: str, start: int, end: int) -> list[int]:
    """Offsets where a number may start: a digit, or a number word on word boundaries."""
    out = [m.start() for m in _DIGIT_RUN.finditer(text, start, end)]
    words = " " + text[start:end].encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii") + " "
    # a match ends at the space after the word; the word starts one past the space before it
    out.extend(start + last - length - 1 for last, length in _start_automaton().iter(words))
    out.sort()
    return out


def parse_numbers(text: str, start: int = 0, end: int | None = None, starts: list[int] | None = None) -> list[Quantity]:
    """Every number in ``text[start:end]``, classified, as spans of ``text``.

    ``starts`` are the offsets :func:`candidates` found, when the caller
    scanned a larger span at once."""
    out: list[Quantity] = []
    end = len(text) if end is None else end
    pos = start
    if starts is None:
        starts = candidates(text, start, end)
    else:
        starts = starts[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
    for at in starts:
        if at < pos:
            continue
        m = _match_number(text, at, end)
        if m is None:
            continue
        q = _classify(text, m, start, end)
        if q is None:
            continue
        # a run of words is read only as far as its number: "Two died and five people were injured" has two
        pos = q.num_end if m.re is _WORDS_NUMBER else max(m.end(), q.num_end)
        out.append(q)
    return out


class _Before:
    """The words just before a number, split once: most tests on them are set lookups."""

    # a plain class: one is made for every number, and a data class's generated
    # methods are not needed
    __slots__ = ("pre", "glued", "words", "at_sentence_start", "last_word", "lower_last")

    def __init__(self, text: str, s: int, floor: int) -> None:
        lo = s - 40 if s - 40 > floor else floor
        pre = text[lo:s]
        ws = pre.split()
        glued = ""
        if pre and not pre[-1].isspace() and ws:
            glued = ws.pop()
        self.pre = pre  # up to 40 characters of the sentence before the number
        self.glued = glued  # a token touching the number ("£", "US$"), or ""
        self.words = ws  # the whole words before it, nearest last
        self.at_sentence_start = lo == floor  # ``pre`` reaches back to the start of the sentence
        self.last_word = ws[-1] if ws else ""  # the nearest whole word, as written
        self.lower_last = self.last_word.lower()  # and in lower case: ``last()``

    @classmethod
    def of(cls, text: str, s: int, floor: int) -> _Before:
        return cls(text, s, floor)

    def last(self, n: int = 1) -> str:
        if n == 1:
            return self.lower_last
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
_MONTH_WORDS = frozenset(MONTHS.split("|"))
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
        return _quantity(s, e, s, e, "time", v, v, v)
    if which == "ordinal":
        v = float(_ORDINAL_WORDS[m.group("ordinal").lower()])
        return _quantity(s, e, s, e, "ordinal", v, v, v)
    if which == "both":
        return _quantity(s, e, s, e, "count", 2.0, 2.0, 2.0)
    before = _Before(text, s, floor)
    if which == "vague":
        hs, _ = _hedge_of(before, s)
        return _quantity(hs, e, s, e, "count", None, 0.0, math.inf, "vague")
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
                    return _quantity(_money_start(kind, before, s), e + r.end(), s, e + r.end(), kind, value, lo, hi)
        return _quantity(_money_start(kind, before, s), e, s, e, kind, value, value, value)
    hs, hedge = _hedge_of(before, s)
    if post[:1] in _ENDS_NUMBER:
        # neither a range ("12 to 15") nor a trailing hedge ("12 or more") follows
        low, high, hedge = _interval(value, hedge, dozen)
        return _quantity(hs, e, s, e, "count", value, low, high, hedge)
    r = _RANGE_AFTER.match(post) if digits else _WORD_RANGE_AFTER.match(post)
    if r is not None and before.last() != "from":
        other = _digits_value(r.group("n"), r.group("scale")) if digits else words_value(r.group("w"))
        connector = post[: r.start("n" if digits else "w")].strip().lower()
        if other is not None and other > value and (connector != "and" or before.last() == "between"):
            return _quantity(hs, e + r.end(), s, e + r.end(), "count", value, value, other, "range")
    t = _TRAILING_HEDGE.match(post)
    if t is not None and hedge == "exact":
        hedge = "lower" if t.group("more") else "approx"
        low, high, hedge = _interval(value, hedge)
        return _quantity(hs, e + t.end(), s, e, "count", value, low, high, hedge)
    low, high, hedge = _interval(value, hedge, dozen)
    return _quantity(hs, e, s, e, "count", value, low, high, hedge)


# what may follow a count that starts no range and no trailing hedge (nothing, or a mark)
_ENDS_NUMBER = frozenset(("", ".", ",", ";", ":", ")", "]", '"', "”", "'", "’", "!", "?"))


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
# The first words that can follow a number of another kind than a count: a
# number followed by any other word ("seven people") needs no pattern at all
_POST_WORDS = frozenset(
    """
    km/h kph mph km kms kilometre kilometres kilometer kilometers metre metres meter meters m cm mm millimetre
    millimetres millimeter millimeters centimetre centimetres centimeter centimeters mile miles feet foot ft inch
    inches yard yards hectare hectares ha acre acres tonne tonnes ton tons kg kilo kilos kilogram kilograms gram
    grams g lb lbs litre litres liter liters gallon gallons barrel barrels degree degrees ° knot knots second
    seconds sec secs minute minutes min mins hour hours hr hrs day days night nights week weeks month months year
    years yr yrs decade decades centuries century times point points goal goals run runs wicket wickets lap laps
    storey storeys floor floors square sq cubic mw gw kw kwh megawatt megawatts gigawatt gigawatts mg ml calories
    percentile fold per percent percentage pc % bn k million billion thousand trillion dollars pounds euros crowns
    yuan yen rupees pesos francs rand naira shillings cents pence dinars riyals dirhams lira rubles roubles baht
    ringgit kronor krona kroner zloty forint afghanis hryvnias reais rupiah taka cedis kwacha a.m p.m am pm gmt bst
    utc cet est et local o'clock of
    """.split()
) | frozenset(w.lower() for w in MONTHS.split("|"))


def _may_have_kind(post: str) -> bool:
    if not post:
        return False
    if not post[0].isspace():
        # every pattern of another kind starts with a space, a letter, "-", "%" or "°": a number
        # followed by a full stop or a comma is a count, without the pattern
        return post[0].isalpha() or post[0] in "-%°"
    first = post.split(None, 1)
    if not first:
        return False
    word = first[0].lower().rstrip(",;:)")
    return word in _POST_WORDS or word.rstrip(".") in _POST_WORDS


_PLURAL_NEXT = re.compile(r"\s+(?:people|persons|residents|workers|children|men|women|[a-z]+s)\b(?!['’])")
_SCORE_AFTER = re.compile(r"[-–]\d+(?:\s+([A-Za-z]+))?")
_SPAN_KINDS = frozenset(("score", "age", "money", "measure", "percent"))


def _another_age(before: _Before) -> bool:
    """The last of a list of ages: "two boys aged three and 13", "aged 10, 12 and 14"."""
    words = before.words
    if before.lower_last not in ("and", "or") or len(words) < 3:
        return False
    i = len(words) - 2
    # back over the ages before this one ("10, 12"), to the word that opens the list
    while i >= 0 and (words[i].rstrip(",").isdigit() or words_value(words[i].rstrip(",").lower()) is not None):
        i -= 1
    return i < len(words) - 2 and i >= 0 and words[i].lower() in ("aged", "ages")


def _kind(before: _Before, post: str, value: float, digits: bool, m: re.Match[str]) -> str:
    glued = before.glued
    last = before.last_word
    low = before.lower_last
    pk = _POST_KIND.match(post) if _may_have_kind(post) else None
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
    if after == "age" or (
        not glued
        and (
            low in ("aged", "age", "ages")
            or (low == "between" and len(before.words) >= 2 and before.words[-2].lower() == "aged")
            or _another_age(before)
        )
    ):
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
    if digits and 1800 <= value <= 2100:
        number = m.group("digits")
        plain = len(number) == 4 and "," not in number and "." not in number and not m.group("scale")
        if plain and not post.startswith(" people"):
            return "year"
    if digits and post[:1] in ("-", "–") and post[1:2].isdigit():
        sm = _SCORE_AFTER.match(post)
        if sm and (sm.group(1) is None or not is_plural(sm.group(1).lower())):
            return "score"
    if after == "unit":
        return "measure"
    if glued:
        return "count"
    if low in _LABEL_WORDS and (digits or not _PLURAL_NEXT.match(post)):
        # "Gate 7", "case 3"; but "as a result of incident five people died" counts the people
        return "label"
    if (
        digits
        and last[:1].isupper()
        and last.isalpha()
        and low not in WEEKDAYS
        and low not in _HEDGE_LAST
        and low not in STOP_AFTER
        and low not in ("between", "from", "about", "some", "nearly", "almost", "roughly", "approximately")
        and not (before.at_sentence_start and len(before.words) == 1)
        and not (len(before.words) >= 2 and before.words[-2][-1:] in '.!?:;"“')
    ):
        # "Gate 7", "Boeing 737", "Windows 11": a name, not a count
        return "label"
    return "count"


# --- words around a number ---------------------------------------------------------------

STOP_AFTER = frozenset(
    (
        *"""
    of were was are is be been being had have has who that which whom whose and or but nor in on at to from by for
    with without into onto over under after before during since as than while when where if so also all both more
    less most least other others' each per the a an this these those it its their his her our your my we they he she
    you i them him us me there here not no yet still now then later reportedly across along around near through
    throughout inside outside including among alone
    """.split(),
        *UNITS_WORDS,
        *TENS_WORDS,
    )
)
IRREGULAR_PLURALS = frozenset(
    "people police staff crew personnel children dead deceased injured wounded cattle sheep aircraft youth "
    "clergy livestock deer fish offspring".split()
)

# plurals that end like a singular ("analysis", "this"): peoples and faiths named in "-i" ("two dozen Israelis")
_PLURALS_IN_IS = frozenset(
    "israelis iraqis pakistanis somalis saudis yemenis kuwaitis qataris omanis nepalis bangladeshis emiratis "
    "bahrainis azeris kashmiris punjabis bengalis gujaratis sindhis yazidis houthis sunnis thais malis "
    "afghanis".split()
)


def is_plural(word: str) -> bool:
    if word in IRREGULAR_PLURALS or word.endswith("men") or word in _PLURALS_IN_IS:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "'s", "’s")) and len(word) > 3

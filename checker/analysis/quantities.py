"""Quantities: the numbers in a story, what each one counts, and which event it belongs to.

Three steps, once per document:

1. **Numbers** (:mod:`checker.analysis.numbers`).  Digits ("1,200", "12",
   "1.5m", "3 million"), words ("five", "twenty-five", "a dozen", "two
   hundred"), vague words ("dozens", "hundreds", "several") and their hedges
   ("at least", "up to", "about") become a :class:`Quantity` with a value and
   an interval.  Ordinals, dates, times, years, ages, money, percentages,
   scores, measures and labels ("Gate 7") get their own kind, so that only
   counts are compared.
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
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.analysis.numbers import (
    MONTHS,
    NUMBER_WORD,
    STOP_AFTER,
    WEEKDAYS,
    Quantity,
    candidates,
    is_plural,
    parse_numbers,
)
from checker.datacache import load_yaml_data
from checker.document import Document

if TYPE_CHECKING:
    from checker.analysis import Facts

# --- the data model ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scope:
    """What a count is a count of, beyond its category: which event, and how it is reported."""

    period: str | None = None  # another time: "2014", "last week", "march", "since sunday"
    day: str | None = None  # a weekday named in the count's own clause
    places: frozenset[str] = frozenset()  # names after "in"/"near" in the sentence
    claim: bool = False  # "the Taliban claimed to have killed 10"
    sub: bool = False  # "including nine journalists", "three of the dead"
    update: bool = False  # "the death toll rose to seven", "revised to"
    rise: bool = False  # an update that says the figure went up, and nothing that it went down
    earlier: bool = False  # "initially", "had put the number at 24"
    hypothetical: bool = False  # "could rise to 50", "up to 50 may have died"
    quoted: bool = False  # inside quotation marks
    other_event: bool = False  # "in a separate attack", "another blast"
    aggregate: bool = False  # a total over several events ("two bombings killed at least 19")
    # ... over several places only, one event's ("the 2,300 people evacuated from the three towns")
    over_places: bool = False
    running: bool = False  # a running total: "by the evening", "so far", "as of noon"
    cumulative: bool = False  # since the story's event began: "since the outbreak began"
    status: bool = False  # how many are in a state now: "eight are still missing", "remain in hospital"

    @property
    def comparable(self) -> bool:
        """Whether the count states the story's own current figure."""
        return self.stated and not self.quoted

    @property
    def stated(self) -> bool:
        """Whether the count states a current figure of the story's own, in the narrative or in a quote."""
        return not (self.claim or self.sub or self.update or self.earlier or self.hypothetical or self.other_event)


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
    definite: bool = False  # "the 12 homes destroyed", "all three suspects": the ones the story has counted
    carried: bool = False  # a bare number whose noun is the clause's before it ("Three workers ... and 14 were")

    @property
    def low(self) -> float:
        return self.quantity.low

    @property
    def high(self) -> float:
        return math.inf if self.minimum else self.quantity.high


@dataclass(frozen=True, slots=True)
class Quantities:
    """The quantities layer: every number read, and the counts among them."""

    numbers: tuple[Quantity, ...]
    counts: tuple[Count, ...]


# --- category table -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Category:
    """A kind of count (the killed, the injured, the arrested) and the words that name it."""

    name: str
    label: str
    nouns: frozenset[str]
    minimum_nouns: frozenset[str]
    counted: frozenset[str]
    # the category's own word for the people it counts, which does not name it alone: "four patients had
    # been hospitalised" is the same count as "six people admitted to hospital"; "2,460 patients" in a
    # trial are not in hospital
    kin_nouns: frozenset[str] = frozenset()
    # nouns a cue of the category never counts: "the evacuation of three villages" counts no one evacuated
    uncounted: frozenset[str] = frozenset()


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
    # nouns that count the same things ("houses" and "dwellings" are "homes"): each to the first of its group
    same_nouns: Mapping[str, str] = field(default_factory=dict)

    def index(self, name: str) -> int | None:
        """Where the category called ``name`` stands among the categories, if it is there."""
        return next((k for k, c in enumerate(self.categories) if c.name == name), None)

    def category(self, name: str) -> Category | None:
        k = self.index(name)
        return None if k is None else self.categories[k]


# another noun the count shares: "4,500 residents and holidaymakers were ordered to leave", "1,100 guests and
# staff were evacuated" (not "five people died and dozens were injured")
_COORDINATED = (
    r"and\s+(?:their\s+)?(?!(?:tens|dozens|scores|hundreds|thousands|millions|others)\b)(?:[a-z]+s|staff|crew)"
)
_COORDINATED_AFTER = re.compile(r"\s+" + _COORDINATED + r"\b", re.IGNORECASE)
# Words a count's cue may be separated from its noun by ("were", "had been").
_SKIP = (
    r"were|was|are|is|be|been|being|had|have|has|who|that|which|all|also|reportedly|later|now|still|already|"
    r"confirmed|believed|feared|thought|said|to\s+have|to\s+be|initially|eventually|subsequently|either|both|then|"
    r"seriously|critically|badly|slightly|fatally|mortally|severely|lightly|so\s+far|each|in\s+total|altogether|"
    r"allegedly|apparently|officially|since|" + _COORDINATED
)
_NAME = r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"
# where the people counted are from: "1,200 residents of Sandoval Ridge and the hamlet of Pinos Altos were evacuated"
_PLACE_OF = (
    rf"of\s+(?:the\s+)?{_NAME}(?:\s+and\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}?of\s+{_NAME}"
    # "residents of Dolna Wierzba, Górki and Stary Młyn"
    rf"|(?:\s*,\s*{_NAME})*,?\s+and\s+{_NAME})?"
)


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
    return "|".join(_phrase_regex(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))


def _compile_after(by_category: list[tuple[str, list[str]]]) -> re.Pattern[str] | None:
    groups = [f"(?P<c{i}>{_alternatives(phrases)})" for i, (_, phrases) in enumerate(by_category) if phrases]
    if not groups:
        return None
    return re.compile(rf"(?:\s+(?:{_SKIP}|{_PLACE_OF})\b)*\s+(?:{'|'.join(groups)})\b", re.IGNORECASE)


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
        text = fh.read()
    # the built-in table is read at every start: its parse is kept between runs
    raw: Any = load_yaml_data(path, text)
    raw = raw or {}
    if not isinstance(raw, dict) or not isinstance(raw.get("categories"), dict):
        raise ValueError(f"{path}: a count category file needs a 'categories' mapping")
    cats = []
    afters: list[tuple[str, list[str]]] = []
    befores: list[tuple[str, list[str]]] = []
    for name, spec in raw["categories"].items():
        spec = spec or {}
        unknown = set(spec) - {
            "label",
            "after",
            "before",
            "nouns",
            "minimum_nouns",
            "counted",
            "kin_nouns",
            "uncounted",
        }
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
                kin_nouns=frozenset(str(n).lower() for n in spec.get("kin_nouns") or []),
                uncounted=frozenset(str(n).lower() for n in spec.get("uncounted") or []),
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
        same_nouns={str(n).lower(): str(group[0]).lower() for group in raw.get("same_nouns") or [] for n in group[1:]},
    )


@lru_cache(maxsize=1)
def default_table_path() -> Path:
    from checker.packs import builtin_rules_dir

    return builtin_rules_dir() / "data" / "count-categories.yaml"


@lru_cache(maxsize=8)
def table_for(path: str) -> CountTable:
    return load_table(Path(path))


# --- counts: noun, category, scope -------------------------------------------------------

_NOUN_WORD = re.compile(r"[ \t]+([A-Za-z][\w'’]*(?:-[A-Za-z][\w'’]*)*)")
_SINGULAR_HEADS = frozenset(
    "person man woman child boy girl baby officer soldier civilian worker resident passenger student "
    "journalist policeman guard miner patient victim body attacker gunman bomber assailant home house "
    "building".split()
)


def _noun_after(text: str, pos: int, singular: bool) -> tuple[int, int, str] | None:
    """The counted noun after a number: "[football] fans", "people", "[militia] fighters"."""
    for k in range(3):
        m = _NOUN_WORD.match(text, pos)
        if m is None:
            return None
        w = m.group(1).lower()
        if w == "other" and k == 0 and not singular:
            pos = m.end()  # "two other people were taken to hospital": the people are counted
            continue
        if w in STOP_AFTER:
            return None
        if (singular and w in _SINGULAR_HEADS) or (not singular and is_plural(w)):
            if not singular:
                # "Eleven police officers", "five customs officers": the officers are counted, the word before
                # says which
                nxt = _NOUN_WORD.match(text, m.end())
                if (
                    nxt is not None
                    and (w == "police" or (text[m.end() : nxt.start(1)] == " " and nxt.group(1).islower()))
                    and nxt.group(1).lower().endswith("s")
                    and is_plural(nxt.group(1).lower())
                    and nxt.group(1).lower() not in STOP_AFTER
                ):
                    return nxt.start(1), nxt.end(1), nxt.group(1).lower()
            return m.start(1), m.end(1), w
        pos = m.end()
    return None


_CLAUSE_BREAK = re.compile(r"[,;:!?()\"“”—–]|\.(?=\s|$)|\s-\s")
_QUOTE_MARKS = re.compile(r"[\"“”]")
# the rest of a list of names after its first comma: ", Górki and Stary Młyn"
_LISTED_NAME = r"[^\W\d_a-z][\w'’-]*(?:\s+[^\W\d_a-z][\w'’-]*)*"
_NAME_LIST = re.compile(rf"(?:,\s*{_LISTED_NAME})*,?\s+and\s+{_LISTED_NAME}(?=[\s,.;:])")

_PERIOD = re.compile(
    r"\b(?:(?P<year>1[89]\d\d|20\d\d)s?\b"
    r"|(?P<rel>(?:last|previous|past)\s+(?:week|weekend|month|year|summer|winter|spring|autumn|fall|decade|century|"
    r"season)"
    r"|(?:last|previous|past)\s+(?:\d+|two|three|four|five|six|seven|ten|several|few)\s+"
    r"(?:hours|days|weeks|months|years)"
    r"|(?:last|previous|past)\s+(?:24|48|72)\s+hours|(?:last|past)\s+day"
    r"|earlier\s+this\s+(?:week|month|year)|this\s+year|so\s+far\s+this\s+\w+|in\s+recent\s+(?:days|weeks|months|years)"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:days?|weeks?|months?|years?|decades?)"
    # "it could be several weeks before they can return" is no time of the count
    r"\s+(?:ago|earlier|before(?!\s+(?:they|he|she|it|we|you|i|any|anyone|residents|people)\b)|previously))"
    rf"|(?:in|last|since|early|late|mid-?|until|the)\s+(?P<month>(?-i:{MONTHS}))\b"
    # "five a day", "every week"; not "for a week", "less than a year" or "a day of mourning", spans of time,
    # nor "hot food three times a day", how often something else happens
    r"|(?P<rate>(?:(?<!\bfor\s)(?<!\bover\s)(?<!\bwithin\s)(?<!\bin\s)(?<!\bthan\s)(?<!\bhalf\s)"
    r"(?<!\btimes\s)(?<!\btwice\s)(?<!\bonce\s)a|each|every|per)\s+(?:day|week|month|year)"
    r"(?!\s+(?:of|after|before|earlier|later|ago|long|and|or)\b)|annually|on\s+average|a\s+typical\s+\w+)"
    # "have since been discharged" is no time
    r"|since\s+(?!(?:been|then|become|gone|returned|recovered|died|left|resigned)\b)(?P<since>(?:the\s+)?\w+)"
    # "The second night of air raids killed eight": a part of the story's time, with counts of its own
    r"|(?P<part>(?:first|second|third|fourth|fifth|sixth|seventh|final|last)\s+(?:night|day|week|month|wave)\s+of)\b)",
    re.IGNORECASE,
)
# a year that dates a thing, not the count: "ranch houses built in the 1970s", "a bridge opened in 1932"
_ORIGIN_BEFORE = re.compile(
    r"\b(?:built|founded|constructed|established|opened|erected|completed|born|dating(?: back)? (?:to|from)|"
    r"dates?(?: back)? (?:to|from))\s+(?:in\s+)?(?:the\s+)?(?:early\s+|late\s+|mid-?)?$",
    re.IGNORECASE,
)
_OTHER_EVENT = re.compile(
    r"\b(?:another|separate|earlier|previous|similar|unrelated|second|third|twin|prior|last|smaller|larger)\s+"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|blasts?|bombings?|explosions?|incidents?|strikes?|walkouts?|stoppages?|outages?|blackouts?|"
    r"heatwaves?|collapses?|spills?|raids?|crash(?:es)?|accidents?|fires?|quakes?|"
    r"earthquakes?|storms?|floods?|shootings?|clash(?:es)?|riots?|protests?|operations?|disasters?|collisions?|"
    r"outbreaks?|waves?|ambush(?:es)?|stampedes?|sinkings?|derailments?|landslides?|slides?|avalanches?|eruptions?|"
    r"hurricanes?|cyclones?|typhoons?|tornado(?:es)?)\b"
    # "in a separate case" is another event; "in a separate statement" is the same one told again
    # "Elsewhere, two people died", "three were killed elsewhere"; not "found rooms elsewhere in the town"
    r"|\baftershocks?\b|(?:^|[,;:]\s*)elsewhere\b"
    r"|\b(?:killed|died|dead|injured|wounded|hurt|arrested|missing|evacuated|destroyed)\s+elsewhere\b"
    r"|\bcompared\s+with\b"
    # "In neighbouring Hungary, the same storm injured two people": another country's or region's count
    r"|\bin\s+(?:the\s+)?neighbou?ring\s+(?-i:[A-Z])"
    r"|\bin\s+a\s+separate\b(?!\s+(?:\w+\s+)?(?:statements?|interviews?|reports?|briefings?|posts?|letters?|"
    r"messages?|announcements?|releases?|tweets?|comments?|updates?|bulletins?)\b)",
    re.IGNORECASE,
)
# "The attack, which left 23 injured, was the deadliest since January, when an ambush killed 17": what follows
# the superlative is another event and its time; the counts before it are the story's own
# "the three deaths in the current outbreak ... the lessons of 2021": the count says which event it is of
_CURRENT = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:in|during|from|of)\s+(?:the\s+)?(?:current|present|latest|ongoing|this)\s+"
    r"(?!(?:year|week|month|morning|afternoon|evening|weekend|summer|winter|spring|autumn|season|time)\b)\w+",
    re.IGNORECASE,
)
_RECORD = re.compile(
    r"\b(?:worst|deadliest|biggest|largest|heaviest|most\s+serious|first)\b[^.]*\bsince\b"
    # "The accident, which left 71 people injured, is the second on the line this year"
    r"|\b(?:second|third|fourth|fifth|sixth|latest)\b(?=[^.,;]*\bthis\s+(?:year|month|week|season)\b)",
    re.IGNORECASE,
)
# a party's claim, a disputed or contrasting figure, one source's estimate (not "claimed the lives of")
_CLAIM = re.compile(
    r"\b(?:claim(?:s|ed|ing)?(?!\s+(?:the\s+)?lives\b)|boast(?:s|ed|ing)?|alleg(?:e|es|ed|ing)|disput(?:e|es|ed|ing)|den(?:y|ies|ied)|"
    r"contradict(?:s|ed|ing)?|put\s+(?:the|its|their)\s+(?:\w+\s+){0,3}?at)\b|^\W*(?:however|but|yet)\b",
    re.IGNORECASE,
)
_CONTRAST_LEAD = re.compile(r"\W*(?:however|but|yet)\b", re.IGNORECASE)  # "However, officials said five ..."
# the verbs that say a count went up ("jumped" only with a figure after it: not "the fire jumped Highway 2")
_ROSE_VERBS = (
    r"rose|rises|risen|rising|climbed|climbs|climbing|jump(?:ed|s)(?=\s+(?:to|by|from|\d))|increased|increases|"
    r"grew|grown|reached|reaches|raising|raised|brought|bringing|brings"
)
_UPDATE = re.compile(
    rf"\b(?:{_ROSE_VERBS}|revised|revising|updated|updating|lowered|corrected|dropped|"
    r"fell|fallen|now\s+stands|now\s+stood|upgraded|downgraded)\b",
    re.IGNORECASE,
)
_UPDATE_AFTER = re.compile(r"\W*(?:\w+\W+){0,6}?(?:up|down)\s+from\b", re.IGNORECASE)
_EARLIER = re.compile(
    r"\b(?:initially|originally|earlier(?!\s+(?:this|last|in)\b)|at\s+first|first\s+reported|previously|initial|"
    r"had\s+put|had\s+given|"
    r"had\s+reported|had\s+said|preliminary|in\s+the\s+first\s+hours|first\s+reports?)\b",
    re.IGNORECASE,
)
# "reported 12 deceased, but the figure rose to 14": the count the sentence then revises
_REVISED_AFTER = re.compile(
    r"[^.!?;]{0,60}?\bbut\s+(?:the|that|this)\s+(?:figure|toll|number|count|tally)\s+(?:later\s+|then\s+|has\s+since\s+|"
    r"since\s+|soon\s+)?(?:rose|climbed|increased|grew|fell|dropped|was\s+revised|has\s+risen|had\s+risen)\b",
    re.IGNORECASE,
)
# "Three workers died on the spot and another died on the way to hospital": a part, the rest counted after it
_MORE_AFTER = re.compile(
    r"[^.!?;]{0,60}?\b(?:and|while|whereas)\s+(?:(?:another|one\s+more|a\s+(?:second|third|fourth|fifth|sixth))\s+"
    r"(?:\w+\s+){0,2}?(?:died|was|were|is|are|had|has|succumbed)"
    # "Nine people died on the spot while two others succumbed": not "and 14 others were injured"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:others|more)\s+(?:\w+\s+)?(?:died|succumbed|perished))\b",
    re.IGNORECASE,
)
# "Four of them ..., and two ...": the parts of a whole counted before
_PARTITION_BEFORE = re.compile(rf"\b(?:\d[\d,]*|{NUMBER_WORD})\s+of\s+(?:them|those|these|whom|which)\b", re.IGNORECASE)
_AND_BEFORE = re.compile(r"\s*and\s+(?:another\s+|the\s+other\s+)?", re.IGNORECASE)
_CONTRAST = re.compile(r"\b(?:but|however|yet|now)\b", re.IGNORECASE)
_HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|may|will|expected\s+to|likely\s+to|feared\s+to|fears?\s+that|risk|threat(?:en)?s?|"
    r"plans?\s+to|aims?\s+to|target|warned|if)\b",
    re.IGNORECASE,
)
# what opens a clause of fact inside a hypothetical sentence: "she would ask for a review after 71 runners
# needed treatment"
_FACT_LEAD = re.compile(r"\b(?:after|because|since|when|once)\s+", re.IGNORECASE)


_RELATIVE = re.compile(r"\s+(?:who|that|which)\b", re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|all)\s+$", re.IGNORECASE)


def _fact_start(head: str) -> int:
    """Where the clause of fact that ``head`` (the words before a number) ends in starts; 0 if none."""
    start = 0
    for m in _FACT_LEAD.finditer(head):
        start = m.end()
    return start


_SUB_BEFORE = re.compile(
    r"\b(?:including|includes|included|among\s+them|among\s+whom|among\s+the|among|such\s+as|alone)\b"
    # "44 passengers, of whom six died" is a part; "as a result of which six died" is not
    r"|(?:,\s*|\b(?:some|most|many|all|several|both|each|one|none|\d[\d,]*)\s+)of\s+(?:whom|which)\b"
    # "Only from Zelenyi Potik rescuers evacuated 61 people": one place's part of a whole
    r"|^\s*only\s+(?:from|in|at)\s",
    re.IGNORECASE,
)
_ALL_BEFORE = re.compile(r"\ball\s+$", re.IGNORECASE)


def _all_of(text: str, q: Quantity, floor: int = 0) -> bool:
    """Whether the count is all of those it names: "all nine of the people", "both of the teenagers"."""
    if text[q.num_start : q.num_end].lower() == "both":
        return True
    return bool(_ALL_BEFORE.search(text, max(floor, q.start - 8), q.start))


_ALL_OF_THE = re.compile(r"\s+of\s+the\s+([A-Za-z]+s|people)\b")
# "Twelve of our supporters are in hospital", "We have lost 23 of our citizens": a speaker's count of their own
# people, by the noun after the possessive (a number after it is a part of that many: "eight of its 27 staff")
_OF_OURS = re.compile(r"\s+of\s+(?:our|its|their|my|your)\s+(?:fellow\s+)?([a-z]+s|people)\b")
_HAVE_LOST = re.compile(r"\b(?:have|has|had)\s+lost\s+$", re.IGNORECASE)
# "The 36 patients admitted over the weekend"; not "admitted that", "admitted to the bar"
_ADMITTED = re.compile(
    r"\s+(?:(?:were|was|have\s+been|had\s+been|being)\s+)?(admitted)\b(?!\s+(?:that|to\s+(?:the\s+)?(?:bar|university|college|school)\b))"
)
# "Among the dead was a nurse, one of eleven people to have died": the eleven are all of them
# "one of nine suspects arrested", "the families of the 12 people who died": the count is the whole of those
# another noun is of, not a part of a list a lead ("among them", "including") opens
_ONE_OF_BEFORE = re.compile(
    r"\bone\s+of\s+(?:the\s+)?$"
    r"|(?<![\w-])(?!(?:tens|dozens|scores|hundreds|thousands|millions|others|ones)\s)[a-z]+s\s+of\s+the\s+$",
    re.IGNORECASE,
)
_SUB_AFTER = re.compile(r"\s+(?:of\s+(?:the|them|whom|those|these|which|its|their)\b|of\s+\d|more\b)", re.I)
_EACH_BEFORE = re.compile(r"\b(?:have|has|had|were|are)\s+each\b", re.IGNORECASE)
_EACH_AFTER = re.compile(r"\s+each\b", re.IGNORECASE)
# "two others died": more of a category counted before it in the sentence; "five killed and 30 others
# injured" is the whole count of another category
_OTHERS_AFTER = re.compile(r"\s+others?\b", re.IGNORECASE)
# "another five", "a further three", "two more": an addition to a count, not a count
_ADDITION_BEFORE = re.compile(
    r"\b(?:another|a\s+further|an\s+additional|an\s+extra|(?:the\s+)?other)\s+$", re.IGNORECASE
)
# "the three lightly injured tourists", "the condition of four injured": the injured of one degree, a part
_DEGREE = re.compile(
    r"\s+(?:(?:were|are|was|is|have\s+been|had\s+been)\s+)?(?:lightly|slightly|seriously|critically|badly|gravely|"
    r"severely|mildly|moderately)\s+(?:injured|wounded|hurt|ill)\b",
    re.IGNORECASE,
)
_CONDITION_OF = re.compile(r"\bcondition\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "two remain in hospital", "eight are still missing": a later state of part of a count
_STATUS = re.compile(
    r"\W*(?:[\w'’]+\s+){0,3}?(?:still|remain|remains|remained|remaining|currently|(?:continue|continued|continues)\s+to)\b",
    re.IGNORECASE,
)
_SUB_LEAD = re.compile(r"(?:^|[,;]\s*)of\s+(?:those|these|the|them|whom|which)\b", re.IGNORECASE)
_PLACE = re.compile(
    # "in neighbouring Quang Ngai province", "in central Vietnam"
    r"\b(?i:in|near|outside|across)\s+(?:the\s+)?(?:(?:neighbouring|neighboring|nearby|northern|southern|eastern|"
    r"western|central|north-eastern|north-western|south-eastern|south-western|rural|coastal)\s+)?"
    r"((?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*))"
    # "Seven people have died on Queensland roads"
    r"|\b(?i:on)\s+(?:the\s+)?((?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*))(?=\s+(?:roads|streets|highways|motorways)\b)"
)
# "New South Wales has recorded 18 holiday deaths": a place that keeps its own count
_PLACE_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
_PLACE_SUBJECT = re.compile(
    rf"\s*((?-i:{_PLACE_NAME}(?:,\s+{_PLACE_NAME})*(?:,?\s+and\s+{_PLACE_NAME})?))\s+(?:has|have|had)\s+"
    r"(?:now\s+|also\s+|each\s+)?(?:recorded|registered)\b"
)
_DAY = re.compile(r"\bon\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
# "the 27 people arrested in Tuesday's clashes": the day of the count's own noun phrase
# "On Sunday, a drone attack ... wounded three people": the day the sentence opens with
_OPENING_DAY = re.compile(
    r"\s*(?:(?:late|early)\s+)?on\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE
)
_CARE_BEFORE = re.compile(
    r"\b(?:hospitals?|clinics?|centres?|centers?|camps?|shelters?|morgues?|mortuary|facilities)\s*$", re.IGNORECASE
)
_DAY_OF = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s?\s", re.IGNORECASE)
_SPEAKER_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:said|says|told|reported|announced|confirmed)\b")
_POSSESSIVE_S = re.compile(r"['’]s?$")
_ORGANISATION_HEADS = frozenset(
    "Authority Agency Ministry Department Council Commission Service Services Office Board Bureau Police Army "
    "Force Forces Company Corporation Group Committee Directorate Institute University Hospital Clinic Court "
    "Courts Tribunal Prison Jail".split()
)
_NOT_PLACES = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday The A An This That".split()
)


_AGGREGATE = re.compile(
    r"\b(?:two|three|four|five|six|twin|several|multiple|a\s+series\s+of|a\s+wave\s+of|separate|coordinated|"
    r"different|both|simultaneous|a\s+string\s+of)\s+"
    r"(?:(?!(?:in|on|at|of|and|or|to|from|people|were|was|are|had|have|has)\b)\w+\s+){0,2}?"
    r"(?:attacks|bombings|blasts|explosions|strikes|"
    r"raids|incidents|crashes|accidents|fires|storms|cities|towns|provinces|districts|villages|regions|countries|"
    r"states|locations|sites|stations|shootings|clashes)\b"
    # "in Wednesday's raids", "in the attacks": the total of every raid the story covers
    # ("clashes" is one event however it is written: "in Tuesday's clashes")
    r"|\b(?:in|during|after)\s+(?:the|(?-i:[A-Z])\w+['’]s)\s+(?:\w+\s+)?(?:raids|attacks|bombings|blasts|strikes|"
    r"shootings)\b"
    r"|\bacross\s+(?:the\s+)?(?:(?-i:[A-Z])\w+|country|region|state|province|city|north|south|east|west|territory)\b"
    r"|\bacross\s+(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)\s+\w+"
    # two named places or more: "struck Pakistan and India", "in Kabul and Kandahar", "residents of Dolna
    # Wierzba, Górki and Stary Młyn"
    r"|\b(?:in|across|struck|hit|hits|between|of)\s+(?:the\s+)?(?:[a-z]+\s+)?"
    r"(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)*),?"
    # (not "out of City Hall and onto Main Street": one crowd moving, no second place)
    r"\s+and\s+(?:the\s+)?(?:(?!(?:onto|into|to|from|through|towards?|past|along|down|up)\b)[a-z]+\s+)?(?-i:[A-Z])",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _SentenceScope:
    """What a sentence says of the event its counts belong to."""

    period: str | None
    other_event: bool
    aggregate: bool
    words: frozenset[str]
    cumulative: bool = False
    dates: tuple[tuple[int, str], ...] = ()  # the sentence's dates (where each starts), a dateline's left out
    record_at: int | None = None  # where "the deadliest ... since" starts, from the sentence's start
    period_before: str | None = None  # the period and other event of the words before it
    other_before: bool = False
    aggregate_at: int = 0  # where the sign of a total over several events starts, from the sentence's start
    over_places: bool = False  # the sign names several places, no events
    # the sentence's place names and where each starts, from the sentence's start: a count's places are
    # those of its own clause and before it, not of a later clause ("Two people died, police say, and a
    # fisherman is missing near Namoli")
    place_at: tuple[tuple[int, str], ...] = ()
    # the sentence's periods and where each starts, and where its relative clauses start (", which had stood
    # since 1911"), from the sentence's start: a period in a relative clause after a count's own is not its
    period_at: tuple[tuple[int, str], ...] = ()
    relative_at: tuple[int, ...] = ()
    # where the sign of another event starts, from the sentence's start (0: the whole sentence, as when it is
    # a record): a count's clause before it is not of that event ("Three people were killed, officials said,
    # and four were hurt in a separate crash elsewhere")
    other_at: int = 0


# ", which had stood since 1911", ", several of whom had only just moved back in ... last winter"
# "a theft ring that investigators say stripped 140 vehicles since January": "that" after a noun, not after a
# verb of saying
_RELATIVE_CLAUSE = re.compile(
    r",\s+(?:which|who|whose|where|(?:\w+\s+){1,2}of\s+(?:whom|which))\b"
    r"|(?<=[a-z]{3})(?<!said)(?<!says)(?<!told)(?<!ieve)(?<!ieved)(?<!ported)(?<!nounced)(?<!added)(?<!warned)"
    r"(?<!firmed)(?<!stated)(?<!noted)(?<!aimed)(?<!ieves)(?<! say)\s+that\s+(?!is\b|was\b)",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[a-z]+")
_SINCE_START = re.compile(
    r"since\s+(?:the|this)\s+(?:\w+\s+)?(?:outbreak|protests?|war|fighting|conflict|crisis|epidemic|pandemic|"
    r"strike|floods?|fires?|unrest|campaign|siege|storm|drought|heatwave|violence|clashes)\s+"
    r"(?:began|begun|started|erupted|broke\s+out)\b"
    # "since temperatures began climbing on Sunday": the story's own event, from its start (not "since
    # records began")
    r"|since\s+(?!records\b)(?:the\s+)?[a-z]+\s+(?:began|started)\s+(?:to\s+)?[a-z]+ing\b"
    # "since the start of the outbreak" (not "of the month": a time of its own)
    r"|since\s+the\s+(?:start|beginning|onset)\s+of\s+(?:the|this)\s+(?:\w+\s+)?(?:outbreak|protests?|war|fighting|"
    r"conflict|crisis|epidemic|pandemic|strike|floods?|fires?|unrest|campaign|siege|drought|heatwave|violence|clashes)\b",
    re.IGNORECASE,
)
# since a day of the week, or since the event itself: no other period than the story's own
_SINCE_EVENT = re.compile(
    r"since\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!\s+(?:week|last|before))"
    r"|the\s+weekend\b"
    r"|the\s+(?:\w+\s+)?(?:attack|blast|explosion|bombing|shooting|crash|collision|collapse|derailment|sinking|"
    r"slide|landslide|mudslide|avalanche|quake|earthquake|eruption|storm|tornado|hurricane|cyclone|typhoon|flood|"
    r"flooding|fire|blaze|spill|leak|outbreak|heatwave|riot|raid|siege|hijacking|stampede|disaster|accident|"
    r"outage|blackout|breakdown)s?\b"
    r"(?!\s+(?:of|in|at|on)\s+(?:\d|last|(?-i:[A-Z]))))",
    re.IGNORECASE,
)
_PERIOD_GATE = frozenset(
    "last previous past earlier this recent ago since each every per annually average typical year week month day "
    "hours days weeks months years night first second third fourth fifth sixth seventh final".split()
) | frozenset(m.lower() for m in MONTHS.split("|"))
_HAS_DIGIT = re.compile(r"\d")
# "Over 5,500 people have died in the conflict": the toll of a whole war, not of the story's incident
_WAR_TOTAL = re.compile(
    r"\b(?:in|during|since|throughout)\s+the\s+(?:\w+\s+){0,2}?(?:conflict|war|insurgency|uprising|civil\s+war)\b",
    re.IGNORECASE,
)
_WAR_GATE = frozenset("conflict war insurgency uprising".split())
_OTHER_EVENT_GATE = frozenset(
    "meanwhile aftershock aftershocks another separate earlier previous similar unrelated second third twin prior "
    "neighbouring neighboring "
    "last elsewhere compared worst deadliest biggest largest heaviest serious fourth fifth sixth latest first smaller "
    "larger".split()
)
# what makes a total's sign, anywhere in its sentence, one of several events rather than of one event's
# several places ("Attacks in three cities", not "the people evacuated from the three towns")
_EVENTS = re.compile(
    r"\b(?:attacks|bombings|blasts|explosions|strikes|raids|incidents|crashes|accidents|fires|storms|shootings|"
    r"clashes|quakes|earthquakes|floods)\b",
    re.IGNORECASE,
)
_AGGREGATE_GATE = frozenset(
    "two three four five six twin several multiple series wave separate coordinated different both simultaneous "
    "string across in struck hit hits between during after of".split()
)


def _sentence_scope(sent_text: str) -> _SentenceScope:
    words = frozenset(_WORD_RE.findall(sent_text.lower()))
    periods: list[tuple[int, str]] = []
    cumulative = False
    if not words.isdisjoint(_PERIOD_GATE) or _HAS_DIGIT.search(sent_text):
        for m in _PERIOD.finditer(sent_text):
            if m.group("year"):
                if not _ORIGIN_BEFORE.search(sent_text, max(0, m.start() - 40), m.start()):
                    periods.append((m.start(), m.group("year")))
            elif m.group("rel"):
                if (
                    sent_text[m.end() : m.end() + 2] in ("'s", "’s")
                    and sent_text[max(0, m.start() - 3) : m.start()] == "of "
                ):
                    # "a recount of last week's election": the week dates the election, not the count ("Last
                    # year's floods killed 112 people" is dated by it)
                    continue
                periods.append((m.start(), " ".join(m.group("rel").lower().split())))
            elif m.group("month"):
                periods.append((m.start(), m.group("month").lower()))
            elif m.group("rate"):
                periods.append((m.start(), "rate"))
            elif m.group("part"):
                periods.append((m.start(), " ".join(m.group("part").lower().split()[:2])))
            elif m.group("since"):
                if _SINCE_START.match(sent_text, m.start()) or _SINCE_EVENT.match(sent_text, m.start()):
                    # "since the outbreak began", "since Sunday", "since the slide": the story's own event,
                    # from its start
                    cumulative = True
                else:
                    periods.append((m.start(), "since " + m.group("since").lower()))
    place_at: list[tuple[int, str]] = []
    if not words.isdisjoint(("in", "near", "outside", "across", "on")):
        for m in _PLACE.finditer(sent_text):
            name = m.group(1) or m.group(2)
            if _SPEAKER_AFTER.match(sent_text, m.end()):
                continue  # "Community leaders in Ezimbeni said ...": where the speaker is, not the count
            if _CARE_BEFORE.search(sent_text, max(0, m.start() - 20), m.start()):
                continue  # "taken to hospitals in Lokoja": where they were cared for, not where it happened
            if name.rsplit(None, 1)[-1] in _ORGANISATION_HEADS:
                continue  # "the head of operations in the Inland Water Transport Authority": a body, not a place
            # "in Peru's southern Arequipa region" and "in Peru" name one place
            place_at.extend(
                (m.start(), bare) for w in name.split() if (bare := _POSSESSIVE_S.sub("", w)) not in _NOT_PLACES
            )
    if "recorded" in words or "registered" in words:
        subject = _PLACE_SUBJECT.match(sent_text)
        if subject is not None and subject.group(1).rsplit(None, 1)[-1] not in _ORGANISATION_HEADS:
            names = subject.group(1).replace(",", " ").split()
            place_at.extend((subject.start(1), w) for w in names if w not in _NOT_PLACES and w != "and")
    other_gate = not words.isdisjoint(_OTHER_EVENT_GATE)
    total = _AGGREGATE.search(sent_text) if not words.isdisjoint(_AGGREGATE_GATE) else None
    record = _RECORD.search(sent_text) if other_gate else None
    other = _OTHER_EVENT.search(sent_text) if other_gate else None
    scope = _SentenceScope(
        period=" / ".join(sorted({label for _, label in periods})) or None,
        period_at=tuple(periods),
        relative_at=tuple(m.start() for m in _RELATIVE_CLAUSE.finditer(sent_text)) if periods else (),
        place_at=tuple(place_at),
        other_event=(other_gate and (record is not None or other is not None))
        or (not words.isdisjoint(_WAR_GATE) and _WAR_TOTAL.search(sent_text) is not None),
        other_at=other.start() if other is not None and record is None else 0,
        aggregate=total is not None,
        words=words,
        cumulative=cumulative,
    )
    if total is not None:
        scope.aggregate_at = total.start()
        scope.over_places = _EVENTS.search(sent_text) is None
    if record is not None:
        at = record.start()
        scope.record_at = at
        scope.period_before = " / ".join(sorted({label for start, label in periods if start < at})) or None
        scope.other_before = bool(_OTHER_EVENT.search(sent_text, 0, at))
    return scope


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
    counted: set[str] = set()  # the categories counted in the sentences before
    starts = candidates(text, 0, len(text))
    if not starts:
        return Quantities((), ())
    for si, sent in enumerate(facts.get("sentences")):
        lo = bisect.bisect_left(starts, sent.start)
        if lo == len(starts) or starts[lo] >= sent.end:
            continue
        found = parse_numbers(text, sent.start, sent.end, starts)
        if not found:
            continue
        numbers.extend(found)
        sscope: _SentenceScope | None = None
        seen: set[str] = set()  # the categories counted so far in the sentence
        first = len(counts)
        for q in found:
            if q.kind != "count":
                continue
            cued = _categorise(text, q, sent.start, sent.end, table)
            if cued is None:
                continue
            if sscope is None:
                sscope = _sentence_scope(text[sent.start : sent.end])
                sscope.dates = _dated(text, sent.start, found)
            if sent.block not in block_quotes:
                b = doc.blocks[sent.block]
                block_quotes[sent.block] = _quote_spans(text, b.start, b.end)
            counts.extend(
                _scoped(
                    text, q, cued, si, sent.start, sent.end, sent.block, sscope, block_quotes[sent.block], seen, counted
                )
            )
        _carry_nouns(text, counts, first, found)
        counted.update(seen)
    return Quantities(tuple(numbers), tuple(counts))


# what stands between a count and the bare number of the next clause that counts the same people: "Three
# workers were found dead at the scene and 14 were taken to hospital"
_AND_NEXT = re.compile(r"[^.;:,\d]{0,60}\band\s+", re.IGNORECASE)


def _carry_nouns(text: str, counts: list[Count], first: int, found: list[Quantity]) -> None:
    """A bare number that counts the people of the clause before it, joined by "and", counts them by that
    clause's noun: "Three workers were found dead at the scene and 14 were taken to hospital" are 14 workers."""
    for i in range(first, len(counts)):
        count = counts[i]
        if count.noun is not None or count.start != count.quantity.start:
            continue
        k = next((k for k, q in enumerate(found) if q.start == count.quantity.start), 0)
        if k == 0 or found[k - 1].kind != "count":
            continue
        noun = _noun_after(text, found[k - 1].end, found[k - 1].value == 1)
        if (
            noun is not None
            and noun[2] != "others"
            and not text[noun[0]].isupper()
            and _AND_NEXT.fullmatch(text, noun[1], count.start) is not None
        ):
            counts[i] = replace(count, noun=noun[2], carried=True)


def _dated(text: str, floor: int, found: list[Quantity]) -> tuple[tuple[int, str], ...]:
    # a dateline's date ("DORVALA, June 3 (Wire) -") is when the story was filed, not an event of its own
    return tuple(
        (q.start, "date " + " ".join(text[max(floor, q.start - 6) : q.end].split()))
        for q in found
        if q.kind == "date" and not _DATELINE.match(text, floor, q.start)
    )


def _period(sscope: _SentenceScope, clause_end: int, own_end: int, before_record: bool) -> str | None:
    """The time a count is of: "on Oct. 7, in which 1,200 people were killed" is an event of its own, but
    "released the 27 arrested, ordering them to appear on October 2" is not dated by the hearing, nor
    "the nine homes destroyed were on the edge of town, among them the post office, which had stood since
    1911" by the post office's age, nor "arrested ... a ring that investigators say stripped 140 vehicles since
    January" by the thefts.  ``own_end`` is where the count's own words end (its clause's end, or the count's
    if that comes first), from the sentence's start."""
    period = sscope.period_before if before_record else sscope.period
    if period and not before_record and sscope.relative_at:
        relative = sscope.relative_at
        labels = {label for at, label in sscope.period_at if not any(own_end <= r < at for r in relative)}
        period = " / ".join(sorted(labels)) or None
    dates = [label for at, label in sscope.dates if at < clause_end]
    if not dates:
        return period
    dated = " / ".join(dates)
    return f"{period} / {dated}" if period else dated


# "DORVALA, June 3", "SPRINGFIELD, Ill., June 3", "SANTA LUZIA DO NORTE, Brazil, Aug 3"
_DATELINE = re.compile(
    r"[^\W\d_a-z](?:[^\W\d_a-z]|[ .'’-])*[^\W\d_a-z],\s*(?:[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2},\s*)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+)?$"
)
_LAST_BREAK = re.compile(r".*(?:[,;:!?()\"“”—–]|\.(?=\s|$)|\s-\s)", re.DOTALL)


def _clause_bounds(text: str, s: int, e: int, sent_start: int, sent_end: int) -> tuple[int, int]:
    """The clause a number sits in: between the nearest commas, dashes, brackets or quotation marks."""
    lo = max(sent_start, s - 160)
    m = _LAST_BREAK.match(text, lo, s)
    cs = m.end() if m else sent_start
    m = _CLAUSE_BREAK.search(text, e, min(sent_end, e + 200))
    ce = m.start() if m else sent_end
    # the commas of a list of names are inside the clause: "1,200 residents of Dolna Wierzba, Górki and
    # Stary Młyn were moved out"
    listed = _NAME_LIST.match(text, ce) if m is not None and m.group() == "," else None
    if listed is not None:
        m = _CLAUSE_BREAK.search(text, listed.end(), min(sent_end, listed.end() + 200))
        ce = m.start() if m else sent_end
    return cs, ce


@dataclass(slots=True)
class _Cued:
    """A number with the categories its cues give it, before scoping."""

    noun: tuple[int, int, str] | None
    clause: tuple[int, int]
    cues: list[tuple[Category, int, int]]


_TOOK_LIVES = re.compile(
    r"\b(claimed|claiming|claims|cost|costing|costs|took|taking|takes)\s+(?:at\s+least\s+|more\s+than\s+|about\s+|"
    r"nearly\s+|some\s+|over\s+|almost\s+|the\s+)?$",
    re.IGNORECASE,
)
_AGENT = re.compile(
    rf"\s+(?:at\s+least|more\s+than|about|around|some|nearly|almost|up\s+to|as\s+many\s+as|an?\s|the\s|his\s|her\s|"
    rf"their\s|its\s|\d|(?:{NUMBER_WORD}|dozens|hundreds|thousands|scores|several)\b)",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:were|was|been|being|are|is)\b", re.IGNORECASE)
# what makes a count the latest part of a running total: "37 new patients", "five more bodies"
_INCREMENT = re.compile(r"\b(?:new|more|additional|further|fresh)\b", re.IGNORECASE)
# Things that kill, injure or destroy, which a count next to a category's verb may count
_AGENT_NOUNS = frozenset(
    """attacks airstrikes air-strikes blasts bombings bombs bullets clashes crashes earthquakes explosions fires floods
    grenades landslides missiles quakes raids rockets shells shellings shootings storms strikes tremors aftershocks
    accidents collisions drones""".split()
)
_PART_OF = re.compile(r"\s+of\s+(?:the|those)\s+([A-Za-z]+)")
_POSSESSIVE_END = re.compile(r"[a-z]['’]s$", re.IGNORECASE)
_HEAD_FILLERS = frozenset(("the", "of", "total", "a", "an", "estimated", "another"))


_HEAD_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\S")


def _before_cue(text: str, cs: int, hs: int, table: CountTable) -> tuple[int, int, int] | None:
    """The category cue that ends just before a number ("killing", "death toll rose to"), as
    (category index, start, end); fillers such as "the" or "a total of" may come between."""
    near = text[max(cs, hs - 24) : hs].split()
    if not near or (
        near[-1].lower() not in table.before_last
        and near[-1].lower() not in _HEAD_FILLERS
        and not _POSSESSIVE_END.search(near[-1])
    ):
        return _gapped_cue(text, cs, hs, table)
    tokens = [(t.start(), t.end(), t.group().lower()) for t in _HEAD_TOKEN.finditer(text, max(cs, hs - 60), hs)]
    phrases = table.before_phrases
    while tokens:
        # "evacuate the vessel's 186 passengers": a possessive after "the" stands as "the" does
        filler = tokens[-1][2] in _HEAD_FILLERS or (
            _POSSESSIVE_END.search(tokens[-1][2]) is not None and len(tokens) > 1 and tokens[-2][2] == "the"
        )
        if tokens[-1][2] not in table.before_last and not filler:
            break
        for k in (4, 3, 2, 1):
            if len(tokens) >= k:
                found = phrases.get(tuple(t[2] for t in tokens[-k:]))
                if found is not None:
                    return found, tokens[-k][0], tokens[-1][1]
        if not filler:
            break
        tokens.pop()
    return _gapped_cue(text, cs, hs, table)


def _gapped_cue(text: str, cs: int, hs: int, table: CountTable) -> tuple[int, int, int] | None:
    """A cue with a gap in it ("the death toll from the earthquake rose to")."""
    if table.before is None or table.before_gate is None or not table.before_gate.search(text, cs, hs):
        return None
    head = text[cs:hs]
    m = table.before.search(head)
    if m is None or m.lastgroup is None:
        return None
    return int(m.lastgroup[1:]), cs + m.start(m.lastgroup), cs + m.end(m.lastgroup)


# the parts of a count told between commas: ", including 19 workers and eight residents,"
_ASIDE = re.compile(
    r",\s+(?:including|among\s+them|most\s+of\s+them|many\s+of\s+them|all\s+of\s+them|mostly|mainly|both|aged|"
    r"who|whose|last\s+seen|(?:\w+\s+)of\s+(?:whom|them)|caught|trapped|found|seen|taken|hit|struck)\b"
    r"[^,;:.!?()\"“”]{1,120},",
    re.IGNORECASE,
)
# ", who were ..." after a count's noun: its verb may be the relative clause's
_WHO_WERE = re.compile(r",\s+who\s+(?=(?:were|was|had\s+been|have\s+been|are)\s)", re.IGNORECASE)
# the subject of a relative clause with no "that": "the 95 homes the tornado destroyed", "the eight people we
# arrested"
_REDUCED_RELATIVE = re.compile(
    r"\s+(?:(?:the|a|an|its|their)\s+(?:storm|tornado|quake|earthquake|flood|floods|fire|"
    r"blaze|wildfire|blast|explosion|hurricane|cyclone|typhoon|attack|police|army|landslide|tsunami)|we|they|police)"
    r"(?=\s)"
)
# what may stand between a counted noun and its verb: an -ing modifier ("600 people living within a
# kilometre of the site have been evacuated") or a short phrase of place ("Two passengers in the car were
# detained", "Nearly 300 residents of low-lying Waipeketu were evacuated")
_PREPOSITIONAL = (
    r"(?:in|on|at|from|of|inside|aboard|near|with)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+|[A-Z][\w'’-]+)"
    r"(?:\s+(?:[a-z-]+|[A-Z][\w'’-]+))?"
)
# one or two phrases after the noun before its verb: "Eleven fishermen from Apaakrom in the Central Region are dead"
_MODIFIER = re.compile(
    rf"\s+(?:[a-z]+ing\b|{_PREPOSITIONAL}(?:\s+{_PREPOSITIONAL})?\s+(?=(?:have|has|had|were|was|are|is)\b))"
)
# a short relative clause of the noun's own, then the main verb: "who joined the clean-up were"
_WHO_DID = re.compile(
    r"\s+(?:who|that)\s+(?!(?:have|has|had|were|was|are|is|been)\b)[a-z]+(?:\s+[a-z][\w'’-]*){0,4}?"
    r"(?=\s+(?:have|has|had|were|was|are|is)\b)"
)
_AUXILIARY = re.compile(r"\s+(?:have|has|had|were|was|are|is)\b")
# a second count sharing the verb: "Forty-three guests and 11 members of staff were evacuated"
_AND_COUNT = re.compile(
    rf"\s+and\s+(?:\d[\d,]*|{NUMBER_WORD})\s+(?:[a-z]+\s+){{1,3}}?(?=(?:have|has|had|were|are)\s)", re.IGNORECASE
)
# what starts a clause of its own, or another count, before the verb
_MODIFIER_STOP = re.compile(
    r"\d|\b(?:where|when|who|whom|whose|which|that|after|before|because|while|as|since|and|but|or|if|until|"
    r"said|says|told)\b",
    re.IGNORECASE,
)


def _cue_apart(
    text: str, q: Quantity, noun: tuple[int, int, str], ce: int, sent_end: int, after: re.Pattern[str]
) -> re.Match[str] | None:
    """The cue of a count whose verb does not follow its noun at once: a participle between the number and
    the noun ("the 3,200 evacuated residents"), a modifier of the noun before the clause's own verb, with no
    other clause or number between ("600 people living near the plant have been evacuated"), or the count's
    parts between commas ("At least 27 people, including 19 workers, were admitted")."""

    def cue(start: int, end: int) -> re.Match[str] | None:
        m = after.match(text, start, end)
        return m if m is not None and m.lastgroup is not None else None

    def to_clause_break(start: int) -> int:
        brk = _CLAUSE_BREAK.search(text, start, min(sent_end, start + 200))
        return brk.start() if brk else sent_end

    found = cue(q.end, noun[0]) if noun[0] > q.end + 1 else None
    if found is None and _MODIFIER.match(text, noun[1], ce) is not None:
        aux = _AUXILIARY.search(text, noun[1], min(ce, noun[1] + 90))
        if aux is not None and _MODIFIER_STOP.search(text, noun[1], aux.start()) is None:
            found = cue(aux.start(), ce)
    if found is None and (relative := _WHO_DID.match(text, noun[1], ce)) is not None:
        # "17 volunteers who joined the clean-up were hospitalised": the count's verb after a relative clause
        found = cue(relative.end(), ce)
    if found is None and (shared := _AND_COUNT.match(text, noun[1], ce)) is not None:
        found = cue(shared.end() - 1, ce)
    if found is None and (reduced := _REDUCED_RELATIVE.match(text, noun[1], ce)) is not None:
        # "Most of the 95 homes the tornado destroyed were ...": the count's verb in a clause of its own
        found = cue(reduced.end(), ce)
    shared = _COORDINATED_AFTER.match(text, noun[1], ce)
    tail = shared.end() if shared is not None else noun[1]
    if found is None and ce == tail:
        # "4,500 residents and holidaymakers, including dozens of Britons, were ordered to leave"
        if (aside := _ASIDE.match(text, tail, sent_end)) is not None:
            found = cue(aside.end(), to_clause_break(aside.end()))
        if found is None and (who := _WHO_WERE.match(text, tail, sent_end)) is not None:
            # "The three directors, who were arrested in March, ...": the count's verb in its relative clause
            found = cue(who.end() - 1, to_clause_break(who.end()))
    return found


def _categorise(text: str, q: Quantity, sent_start: int, sent_end: int, table: CountTable) -> _Cued | None:
    singular = q.value == 1 and q.hedge == "exact"
    noun = _noun_after(text, q.end, singular)
    if noun is None and (whole := _ALL_OF_THE.match(text, q.end)) and _all_of(text, q):
        # "All nine of the people who were arrested", "Both of the teenagers": all of them, counted by the noun
        # after "of the"
        noun = (whole.start(1), whole.end(1), whole.group(1).lower())
    ours = _OF_OURS.match(text, q.end) if noun is None else None
    if ours is not None:
        noun = (ours.start(1), ours.end(1), ours.group(1))
    if q.value == 1 and noun is None:
        return None  # "one" without a noun is a pronoun far more often than a count
    cs, ce = _clause_bounds(text, q.start, q.end, sent_start, sent_end)
    tail_start = noun[1] if noun else q.end
    cues: list[tuple[Category, int, int]] = []
    cats = table.categories
    cue: tuple[int, int, int] | None = None
    m = table.after.match(text, tail_start, ce) if table.after is not None else None
    if (m is None or m.lastgroup is None) and noun is not None and table.after is not None:
        m = _cue_apart(text, q, noun, ce, sent_end, table.after)
    if (
        (m is None or m.lastgroup is None)
        and noun is not None
        and noun[2] in table.category_nouns
        and table.after is not None
        and (head := _HEAD_AFTER.match(text, noun[1], ce)) is not None
    ):
        # "after two injured pupils died in hospital": the pupils, counted by what befell them last
        later = table.after.match(text, head.end(), ce)
        if later is not None and later.lastgroup is not None:
            m, noun = later, (head.start(1), head.end(1), head.group(1))
    if m is not None and m.lastgroup is not None:
        # "two bombings killed at least 19": the number counts the agents, not the victims
        # (never the next paragraph's "Three people ..."); a passive's subject is none ("4,500 residents were
        # ordered to leave the town")
        # (an infinitive's object is no victim: "forcing 212 residents to flee their rooms")
        if (
            not _AGENT.match(text, m.end(), sent_end)
            or _PASSIVE.search(text, tail_start, m.start(m.lastgroup))
            or text[m.start(m.lastgroup) : m.start(m.lastgroup) + 3].lower() == "to "
        ):
            cue = (int(m.lastgroup[1:]), m.start(m.lastgroup), m.end(m.lastgroup))
    elif cs < q.start:
        cue = _before_cue(text, cs, q.start, table)
    if (
        cue is None
        and noun is not None
        and noun[2] == "lives"
        and (took := _TOOK_LIVES.search(text, cs, q.start)) is not None
        and (killed := table.index("killed")) is not None
    ):
        # "the crash, which claimed fifteen lives", "a blast that cost 12 lives": deaths, counted by the lives
        cue = (killed, took.start(1), took.end(1))
    if (
        cue is None
        and noun is not None
        and (admitted := _ADMITTED.match(text, noun[1], ce)) is not None
        and (hospitalised := table.index("hospitalised")) is not None
        and noun[2] in cats[hospitalised].kin_nouns
    ):
        # "The 36 patients admitted over the weekend": patients admitted are admitted to hospital
        cue = (hospitalised, admitted.start(1), admitted.end(1))
    if (
        cue is None
        and ours is not None
        and (lost := _HAVE_LOST.search(text, cs, q.start)) is not None
        and (killed := table.index("killed")) is not None
    ):
        # "We have lost 23 of our citizens": a speaker's own dead
        cue = (killed, lost.start(), lost.end())
    if cue is not None:
        cat = cats[cue[0]]
        if (not cat.counted or (noun is not None and noun[2] in cat.counted)) and not (
            noun is not None and noun[2] in cat.uncounted
        ):
            cues.append((cat, cue[1], cue[2]))
    if noun is not None and noun[2] in _AGENT_NOUNS:
        return None
    if noun is None:
        # "three of the dead", "two of the injured": a part of a count named by its category
        part = _PART_OF.match(text, q.end, ce)
        if part is not None and part.group(1).lower() in table.category_nouns:
            noun = (part.start(1), part.end(1), part.group(1).lower())
    # "The 31 wounded were evacuated": a count of the wounded, whatever else befell them (a participle or an
    # adjective named for what befell them, not "gunmen")
    # ("Four survivors suffering from hypothermia were flown to Rhodes" names some of them, by what they suffer)
    if (
        noun is not None
        and noun[2] in table.category_nouns
        and (not cues or noun[2].endswith("ed") or noun[2] in ("dead", "missing"))
        and not (not cues and _SOME_OF_THEM.match(text, noun[1], ce))
    ):
        for cat in cats:
            if (noun[2] in cat.nouns or noun[2] in cat.minimum_nouns) and all(c is not cat for c, _, _ in cues):
                cues.append((cat, noun[0], noun[1]))
    return _Cued(noun, (cs, ce), cues) if cues else None


# the noun a participle or adjective of a category stands before: "two injured pupils"
_HEAD_AFTER = re.compile(r"\s+([a-z]{3,}s)\b")
_SOME_OF_THEM = re.compile(
    r"\s+(?:suffering|with\s+(?:severe|serious|minor|critical)|in\s+(?:need|serious|critical))\b"
)


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
    seen: set[str],
    counted: set[str],
) -> list[Count]:
    """The counts of one number, with where each sits: its clause, its sentence, its quotation."""
    words = sscope.words
    noun = cued.noun
    cs, ce = cued.clause
    tail_start = noun[1] if noun else q.end
    head = text[cs : q.start]
    before_in_sentence = text[sent_start : q.start]
    weekday = not words.isdisjoint(WEEKDAYS)
    # the day after the count before one before it: "said on Tuesday that 1,400 people had been evacuated ... on
    # Thursday night" counts Thursday's
    day_m = (
        (_DAY_OF.search(text, q.end, ce) or _DAY.search(text, q.end, ce) or _DAY.search(text, cs, ce))
        if weekday
        else None
    )
    opening_day = _OPENING_DAY.match(text, sent_start, q.start) if weekday and day_m is None else None
    # "three of the dead" is a part; "all 17 of the injured" is all of them
    sub = (
        bool(_SUB_AFTER.match(text, q.end, ce))
        and not _all_of(text, q, cs)
        and not (noun is not None and _OF_OURS.match(text, q.end, ce))
    ) or bool(_ADDITION_BEFORE.search(text, max(cs, q.start - 20), q.start))
    # "the three lightly injured tourists", "four critically injured", "the condition of four injured is serious":
    # the injured of one degree, a part of all the injured
    sub = (
        sub
        or bool(_DEGREE.match(text, tail_start, ce) or _DEGREE.match(text, q.end, ce))
        or bool(_CONDITION_OF.search(text, cs, q.start))
    )
    others_m = None if sub else _OTHERS_AFTER.match(text, q.end, ce)
    others = others_m is not None
    other_noun = others_m is not None and others_m.group().strip().lower() == "other"
    if not sub and _AND_BEFORE.fullmatch(text, cs, q.start) and _PARTITION_BEFORE.search(before_in_sentence):
        sub = True  # "Four of them were killed by falling trees, and two drowned": the rest of the same whole
    status = False
    if not sub and not words.isdisjoint(_STATUS_GATE):
        # "eight are still missing"; not "11 were killed and several families were still searching"
        cut = _NEW_CLAUSE.search(text, q.end, ce)
        # the state is the count's own, a few words after it: not "the operation for the 45 missing will continue"
        status = bool(_STATUS.match(text, tail_start, cut.start() if cut else ce))
    if not sub and not words.isdisjoint(_SUB_GATE):
        lead = _SUB_LEAD.search(before_in_sentence)
        # "Of those, three were ..." is a part; in "Of the 29 people injured, most ..." the 29 is the whole
        # "including" in the count's own clause ("six people, including two children"), not anywhere before
        # it ("a district that includes much of the course, ... after 71 runners needed treatment")
        sub = (
            not _ONE_OF_BEFORE.search(before_in_sentence)
            and (
                any(
                    (m.start() >= cs - sent_start or not m.group().lower().startswith("includ"))
                    # "Among the 25 people evacuated were six children": the 25 is the whole, as after "Of the"
                    # "one of nine suspects arrested", "was among nine suspects arrested": nine is the whole
                    and not (m.group().lower() in ("among the", "among") and not before_in_sentence[m.end() :].strip())
                    for m in _SUB_BEFORE.finditer(before_in_sentence)
                )
                or bool(lead and before_in_sentence[lead.end() :].strip())
            )
        )
    # the block's quotations are in order and apart: the last that opens at or before the number
    k = bisect.bisect_right(quotes, (q.start, math.inf)) - 1
    quoted = k >= 0 and q.start < quotes[k][1]
    update = not words.isdisjoint(_UPDATE_GATE) and (_updates(head) or bool(_UPDATE_AFTER.match(text, q.end, sent_end)))
    # "the party claimed a lead, while police said 14 were arrested": a claim is the count's own clause's
    claim = not words.isdisjoint(_CLAIM_GATE) and (
        # "which claimed fifteen lives": deaths the event caused, not a figure someone claims
        bool(
            _CLAIM.search(text, cs, q.start)
            and not (noun is not None and noun[2] == "lives" and _TOOK_LIVES.search(text, cs, q.start))
        )
        or bool(_CONTRAST_LEAD.match(before_in_sentence))
    )
    # "Early reports had put the dead at 11, but police said eight had been killed": the figure after the
    # contrast is the current one
    cue = _EARLIER.search(before_in_sentence) if not words.isdisjoint(_EARLIER_GATE) else None
    earlier = cue is not None and not _CONTRAST.search(before_in_sentence, cue.end())
    if not earlier and "but" in words:
        earlier = _REVISED_AFTER.match(text, tail_start, sent_end) is not None
    if not sub and "each" in words:
        # "The Northern Territory and South Australia have each recorded three deaths", "two each in Western
        # Australia": a count for each of several, none of them the whole
        sub = bool(_EACH_BEFORE.search(text, cs, q.start)) or bool(_EACH_AFTER.match(text, tail_start, ce))
    if not sub and not words.isdisjoint(_MORE_GATE):
        sub = _MORE_AFTER.match(text, tail_start, sent_end) is not None
    if not sub:
        # "Two men were arrested on Saturday. A third man was arrested on Sunday": the rest follows; "Six people
        # died at the scene. A woman died in hospital, bringing the death toll to seven": the toll then rose
        sub = (
            _ORDINAL_NEXT.match(text, sent_end, sent_end + 40) is not None
            or _BRINGING_NEXT.match(text, sent_end, sent_end + 200) is not None
        )
    maybe_hypothetical = not words.isdisjoint(_HYPOTHETICAL_GATE)
    running = not words.isdisjoint(_RUNNING_GATE) and bool(_RUNNING.search(text, sent_start, sent_end))
    before_record = sscope.record_at is not None and q.start - sent_start < sscope.record_at
    current = (sscope.period is not None or sscope.other_event) and bool(_CURRENT.match(text, tail_start, ce))
    # a modal before the number does not reach a definite count, which the sentence takes as given ("would
    # look into the three deaths"), nor a relative clause of fact after it ("would bear the cost of a
    # burial for the eight persons who died")
    definite = maybe_hypothetical and _DEFINITE_BEFORE.search(text, max(0, q.start - 8), q.start) is not None
    out = []
    definite_count = _DEFINITE_COUNT.search(text, max(0, q.start - 10), q.start) is not None
    for cat, cue_s, cue_e in cued.cues:
        # "could rise to 50", "50 may have died": a figure nobody has reported yet
        given = definite or (cue_s > tail_start and _RELATIVE.match(text, tail_start) is not None)
        hypothetical = maybe_hypothetical and (
            (not given and bool(_HYPOTHETICAL.search(head, _fact_start(head))))
            or (cue_s > tail_start and bool(_HYPOTHETICAL.search(text, tail_start, cue_s)))
        )
        noun_text = noun[2] if noun else None
        start = min(q.start, cue_s)
        end = max(q.end, cue_e, noun[1] if noun else q.end)
        scope = Scope(
            period=None if current else _period(sscope, ce, min(ce, end) - sent_start, before_record),
            day=_day(day_m, opening_day, definite_count and given),
            # "Most of the 104 destroyed homes were in Cedar Hollow": where the ones counted were, not another place's
            places=frozenset(
                w
                for at, w in sscope.place_at
                if at < (q.start if definite_count and _LOCATED.match(text, end) else ce) - sent_start
            ),
            claim=claim,
            # "killed five and injured 12 others": other than the sentence's first count; "the three other people
            # arrested", after the story's count of the arrested: the rest of them, or more of them
            sub=sub
            or (others and (cat.name in seen or (other_noun and cat.name in counted)))
            # "37 new patients had been admitted overnight": the night's, a part of all of them
            or (noun is not None and _INCREMENT.search(text, q.end, noun[0]) is not None),
            update=update,
            rise=update and _rose(text[max(0, q.start - 80) : end + 30]),
            earlier=earlier,
            hypothetical=hypothetical,
            quoted=quoted,
            other_event=not current
            and (
                sscope.other_before
                if before_record
                else sscope.other_event
                and (
                    not sscope.other_at
                    or (
                        sscope.other_at < ce - sent_start
                        # "all three suspects arrested are local, and that ... break-ins elsewhere": a clause
                        # of its own after the count's
                        and not _NEW_CLAUSE.search(text, tail_start, sent_start + sscope.other_at)
                    )
                )
            ),
            # "the collapse, which left six people dead, ... bridges across the country": a total's sign in
            # a later clause is another matter's
            aggregate=sscope.aggregate and sscope.aggregate_at < ce - sent_start,
            over_places=sscope.over_places and sscope.aggregate_at < ce - sent_start,
            running=running,
            cumulative=sscope.cumulative,
            status=status,
        )
        minimum = noun_text is not None and noun_text in cat.minimum_nouns
        proper = noun is not None and text[noun[0]].isupper()
        out.append(
            Count(q, cat.name, start, end, noun_text, cue_s, cue_e, si, block, scope, minimum, proper, definite_count)
        )
        seen.add(cat.name)
    return out


# how an update says the count went: only a rise rules out a lower figure later ("revised" and
# "corrected" go either way)
_RISE = re.compile(rf"\b(?:{_ROSE_VERBS}|upgraded|up\s+from)\b", re.IGNORECASE)
_FALL = re.compile(
    r"\b(?:revised|revising|updated|updating|lowered|corrected|dropped|fell|fallen|downgraded|down)\b", re.IGNORECASE
)


def _updates(head: str) -> bool:
    """The clause before a count says the figure changed: a capitalised word past the clause's first is a name
    ("Ms Fell said firefighters would visit the 140 homes", "Rose Mensah said 12 were hurt"), no verb."""
    lead = len(head) - len(head.lstrip(" \t\"“‘'(—–-"))
    return any(m.start() == lead or m.group()[0].islower() for m in _UPDATE.finditer(head))


def _rose(window: str) -> bool:
    return bool(_RISE.search(window)) and not _FALL.search(window)


_RUNNING = re.compile(
    r"\b(?:by\s+(?:the\s+)?(?:morning|afternoon|evening|night|noon|midnight|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|late|then|now|\d)|so\s+far|as\s+of|to\s+date|up\s+to\s+now)\b",
    re.IGNORECASE,
)
_LOCATED = re.compile(r"\s+(?:were|are)\s+(?:mostly\s+|mainly\s+|largely\s+|all\s+)?in\s", re.IGNORECASE)
_RUNNING_GATE = frozenset("by far as to".split())


def _day(own: re.Match[str] | None, opening: re.Match[str] | None, definite: bool) -> str | None:
    """The weekday of a count: its own clause's, else the one its sentence opens with, which a definite count
    with its cue in a relative clause does not take ("On Wednesday, relatives of the five miners who lost
    their lives gathered": the deaths the story has counted, not Wednesday's)."""
    if own is not None:
        return own.group(1).lower()
    if opening is not None and not definite:
        return opening.group(1).lower()
    return None


_DEFINITE_COUNT = re.compile(r"\b(?:the|all|all the)\s+$", re.IGNORECASE)
_NEW_CLAUSE = re.compile(
    r"\s(?:and\s+that|but|while|whereas|although|and\s+(?:several|many|some|most|the|a|an|his|her|their|its))\s"
)
_STATUS_GATE = frozenset("still remain remains remained remaining currently continue continued continues".split())
_SUB_GATE = frozenset("including includes included among of such alone only".split())
_UPDATE_GATE = frozenset(
    """rose rises risen rising climbed climbs climbing jumped jumps increased increases grew grown reached reaches
    raising raised brought bringing brings revised revising updated updating lowered corrected dropped fell fallen
    now upgraded downgraded up down""".split()
)
_CLAIM_GATE = frozenset(
    "dispute disputes disputed disputing deny denies denied contradict contradicts contradicted contradicting put "
    "however but yet".split()
) | frozenset("claim claims claimed claiming boast boasts boasted boasting allege alleges alleged alleging".split())
_ORDINAL_NEXT = re.compile(
    r"[.!?\"”’)]*\s*(?:a|the|another)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth)\b", re.IGNORECASE
)
_BRINGING_NEXT = re.compile(
    r"[.!?\"”’)]*\s*[^.!?]{0,150}?\bbringing\s+the\s+(?:death\s+)?(?:toll|total|number|tally|count)\s+to\b",
    re.IGNORECASE,
)
_MORE_GATE = frozenset("another more others second third fourth fifth sixth".split())
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

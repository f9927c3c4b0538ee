"""Two counts of the same thing, for the same event, that cannot both be true.

What it flags
-------------
A count (of the dead, the injured, people taken to hospital, the missing,
arrests, attackers, people evacuated or rescued, homes destroyed) that
contradicts an earlier count of the same category for the same event: the
lede says "killing at least five people", a later paragraph "three people
died".  The finding is on the later count; the earlier one is named as the
other side.  A lower-bound hedge that a later count has overtaken without any
word of an update ("at least five killed" in the lede, "seven were killed"
further down) is reported at a lower severity.

Why it matters
--------------
Figures are what readers quote and what corrections are made for.  Stories
are updated under pressure, and a lede written from the first police
statement often survives next to the hospital's later figure.

Example
-------
    Seven people were killed and 23 injured when a bus left the road ...
    The regional health department said nine people had died ...

Fix
---
Check which figure is right and correct the other, or say that the figure
changed ("the death toll rose to nine").  Most numbers in a story are about
different things, so counts are compared only when they share a category, a
counted noun (a total of "people" is not compared with "six soldiers", but
is with "the 15 supporters arrested", which names them all again), a
time (not "in 2019", "last week", "since Sunday"; but a story of a past
event, dated alike in every count of its lede, dates its later counts that
name no time), a day and a place; a
sub-count ("including nine journalists", "three of the dead"), a claim by a
party, a hypothetical ("could rise to 50"), a quotation, an explicit update
("rose to", "revised") or an earlier report ("initially", "had put the
number at") is never compared, and an update either way keeps all of its
category's figures from being compared.  A rise explains the figures before it, not
one after it that differs with no word of a second rise: "the death toll rose
to 46" and then "39 people had died" (or "51 people died", where it is no
running total) is a conflict.  Digits and words ("12" and "twelve", "a
dozen"), hedges ("nearly 50" and 48, "about 40" and 43) are reconciled as
intervals.  A newsroom adds categories (jobs cut, votes) in its own copy of
the category data file, named by the rule's ``categories`` parameter.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import ClassVar

from checker.analysis import Facts
from checker.analysis.quantities import (
    Category,
    Count,
    CountTable,
    Quantities,
    analyse,
    default_table_path,
    table_for,
)
from checker.checks.base import Check, Param
from checker.document import Document
from checker.findings import Finding, Related, Severity
from checker.packs import pack_data_path

DEFAULT_CATEGORIES = "data/count-categories.yaml"
# counts of one category compared pairwise in a document
_MAX_COMPARED = 300


def _describe(doc: Document, count: Count) -> str:
    return " ".join(doc.text[count.start : count.end].split())


def _number(doc: Document, count: Count) -> str:
    q = count.quantity
    text = " ".join(doc.text[q.start : q.end].split())
    # "Seven" opens its sentence; in the middle of a message it is "seven"
    return text[:1].lower() + text[1:] if text[:1].isalpha() else text


def _lede_blocks(doc: Document) -> frozenset[int]:
    """The headline and the first paragraph: where a story names who it counts."""
    out = []
    for i, block in enumerate(doc.blocks):
        if block.kind == "headline":
            out.append(i)
        elif block.kind == "paragraph":
            out.append(i)
            break
    return frozenset(out)


_WHERE = re.compile(r"\bwhere\s+$")
# a past perfect, what had happened before the story's time: "had died", "had been evacuated"
_HAD_DONE = re.compile(r"\bhad\s+(?:been\s+)?[a-z]+(?:ed|died|lost)\b", re.IGNORECASE)
# "Three people had died by Sunday evening", after "the death toll rose to four": the figure before the rise, as
# of a time the copy names
_BEFORE_THE_RISE = re.compile(
    r"[^.;:]*?\bhad\s+(?:\w+\s+){0,2}?\w+(?:ed|died|lost|been)\b[^.;:]{0,40}?\bby\s+"
    r"(?:the\s+)?(?:(?:early|late)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|then|"
    r"that\s+(?:morning|afternoon|evening|night|day)|the\s+weekend)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Pairing:
    """Which counts of one category, in one document, may be compared."""

    table: CountTable
    category: Category | None
    lede_blocks: frozenset[int]
    # a story with a total over several events or places ("across three
    # states") breaks it down; two of the parts may be of different places
    multi: bool
    # the nouns the headline and the lede count this category by ("killing nine workers"): the story's own
    # word for everyone it counts, even when it is elsewhere a part ("six workers" of a larger toll)
    lede_nouns: frozenset[str] = frozenset()
    headlines: frozenset[int] = frozenset()  # the lede blocks that are headlines

    def same_event(self, a: Count, b: Count, any_noun: bool = False) -> bool:
        """Whether ``a`` and ``b`` count the same people of the same event; with ``any_noun``, whatever
        their nouns (a part of everyone counted: "14 passengers remained unaccounted for" after "11 missing")."""
        if a.sentence == b.sentence or not (any_noun or self.same_noun(a, b)):
            return False
        if a.scope.day and b.scope.day and a.scope.day != b.scope.day:
            return False
        if a.scope.cumulative != b.scope.cumulative and (a.scope.day or b.scope.day):
            return False  # "one killed on Tuesday" and "23 killed since the protests began" are not one count
        if a.scope.over_places or b.scope.over_places:
            # "The fifteen who died in the crash were mostly from towns in Sohag and Qena": where the people
            # counted came from, not where the event was
            return True
        if bool(a.scope.places) != bool(b.scope.places):
            # the lede's total of no place, and later fewer at one place, counted afresh ("killing 11 people",
            # then "Three people were killed when the wall of a church collapsed in Lorevu"): that place's part
            # ("the 27 people arrested ... in Kaloma" is all of them again)
            placed, total = (a, b) if a.scope.places else (b, a)
            if (
                not placed.definite
                and placed.block not in self.lede_blocks
                and total.block in self.lede_blocks
                and placed.high < total.low
            ):
                return False
        return not (a.scope.places and b.scope.places and not (a.scope.places & b.scope.places))

    def part_above_whole(self, a: Count, b: Count) -> bool:
        """A named group, named as the ones the story counted, above the total of everyone counted for the same
        event: "34 injured" in the lede, "The 41 passengers who were injured" later.  A part may be any size up
        to its whole, never more."""
        if a.sentence == b.sentence or a.scope.aggregate or b.scope.aggregate:
            return False

        def group(count: Count) -> bool:
            # "The 41 passengers who were injured": the ones the story counted, by a group's name; "About 60
            # miners were arrested during that dispute" may be another event's
            return count.definite and not count.proper and count.noun in self.table.group_nouns

        if self.counts_everyone(a) and group(b):
            total, part = a, b
        elif self.counts_everyone(b) and group(a):
            total, part = b, a
        else:
            return False
        if total.block not in self.lede_blocks or total.scope.sub:
            return False  # the story's own total
        if part.scope.places and total.scope.places and not part.scope.places & total.scope.places:
            return False  # of another place
        if total.scope.day and part.scope.day and total.scope.day != part.scope.day:
            return False
        return part.low > total.high

    def counts_everyone(self, count: Count) -> bool:
        """Whether ``count`` names no one in particular: no noun, a generic one ("people") or the category's own
        ("the dead", "patients" taken to hospital)."""
        noun = count.noun
        if noun is None or count.carried or noun in self.table.generic_nouns:
            return True
        category = self.category
        return category is not None and (
            noun in category.nouns or noun in category.minimum_nouns or noun in category.kin_nouns
        )

    def same_noun(self, a: Count, b: Count) -> bool:
        """Whether ``a`` and ``b`` count the same people.  A bare number's noun carried from the clause before it
        ("Three workers ... and 14 were taken to hospital") names them, but the number named no one itself: either
        reading will do."""
        if a.carried or b.carried:
            plain = self._same_noun(a, b)
            return plain or self._same_noun(*(replace(c, noun=None, carried=False) if c.carried else c for c in (a, b)))
        return self._same_noun(a, b)

    def _same_noun(self, a: Count, b: Count) -> bool:
        def key(count: Count) -> str:
            if count.carried and count.noun is not None:
                return self.table.same_nouns.get(count.noun, count.noun)
            if self.counts_everyone(count):
                return "*"
            noun = count.noun
            assert noun is not None
            return self.table.same_nouns.get(noun, noun)

        ka, kb = key(a), key(b)
        if ka == kb:
            return a.proper == b.proper
        if "*" not in (ka, kb):
            return False
        named = b if ka == "*" else a
        # a total is never compared with a named part of it ("six soldiers",
        # "two Americans"), nor with a count of attackers or bodies; a noun
        # the data does not know is the story's own word for the people
        # counted only when the lede uses it ("two dozen fans were injured")
        other = a if named is b else b
        if (
            named.noun in self.lede_nouns
            and not named.proper
            and (other.noun not in self.table.generic_nouns or other.noun == "others")
        ):
            # "killing nine workers" in the lede and "the death toll rose to 11": the same count; but "six
            # soldiers" in the lede is a part of "15 people killed in total"
            return True
        if named.proper or named.noun in self.table.group_nouns or named.noun in self.table.category_nouns:
            return False
        # "the 15 supporters arrested", "the six missing villagers": the ones the story counted, named again by
        # a word of their own, not a part of them (a part is a group: "the five children killed")
        return named.block in self.lede_blocks or named.definite

    def incompatible(self, a: Count, b: Count) -> bool:
        if a.scope.aggregate != b.scope.aggregate:
            total, part = (a, b) if a.scope.aggregate else (b, a)
            # "The more than 180 people rescued were taken to Lewoloba and two nearby villages": where the story's
            # counted were taken, not several events
            if not (
                total.scope.over_places
                and (self.story_total(part) or self.whole_again(part) or self.whole_again(total))
            ):
                # a total over several events and the count of one of them: only a
                # part larger than the whole is wrong
                return part.low > total.high
            # "forced about 1,800 people to flee" in the lede, "the 2,300 people evacuated from the three
            # towns" later: one event's total both times
            return a.high < b.low or b.high < a.low
        if self.multi and not a.scope.aggregate:
            return False
        if a.minimum and b.minimum and a.noun == b.noun and a.end <= b.start:
            # each count of the bodies recovered is only a floor of the dead, but the bodies themselves are
            # counted: "Of the 14 bodies recovered so far", then "the 11 bodies that have been recovered so far"
            # (more later may be those found since)
            return b.quantity.high < a.quantity.low
        return a.high < b.low or b.high < a.low

    def story_total(self, count: Count) -> bool:
        """Whether ``count`` is the story's own total: the headline's (which names the story's place: "kills nine
        in Tajikistan's east"), or the lede's of no one place."""
        return (
            count.block in self.lede_blocks
            and (count.block in self.headlines or not count.scope.places)
            and not count.scope.sub
        )

    def whole_again(self, count: Count) -> bool:
        """Whether ``count`` names again, after the lede, all that the story counted: "Of the 12 homes
        destroyed" after "destroying 17 homes in the Cedar Hollow and Briar Park neighborhoods"."""
        return count.definite and not count.scope.places and not count.scope.sub

    def stale(self, earlier: Count, later: Count) -> bool:
        """A lower bound ("at least five", in the lede or after it) that a later exact count
        has overtaken, where nothing says the later one is a running total ("by the evening")."""
        return (
            earlier.quantity.hedge == "lower"
            and not later.scope.running
            and later.quantity.hedge == "exact"
            and not later.minimum
            and not earlier.scope.aggregate
            and not later.scope.aggregate
            and later.low > earlier.low
            # "over 200 arrested", then "214 people had been arrested": a round figure's bound, met
            and not (earlier.low >= 20 and earlier.low % 10 == 0 and later.low <= 1.1 * earlier.low)
        )


def _stated_in_quote(doc: Document, count: Count) -> bool:
    """A figure someone quoted states as a fact ("Eight passengers were injured," the driver said; "Nearly forty
    of our children went to hospital," the head teacher said), as the story's own: an eyewitness's estimate ("I
    counted at least 12 bodies", "I think about 30 were hurt") is not one."""
    if not count.scope.stated:
        return False
    if count.quantity.hedge == "exact":
        return True
    start = doc.text.rfind("\n", 0, count.start) + 1
    return _ESTIMATE.search(doc.text, max(start, count.start - 120), count.start) is None


# what marks a figure in a quote as its speaker's estimate, not a fact they report
_ESTIMATE = re.compile(
    r"\b(?:saw|seen|see|counted|count|heard|watched|think|thought|guess|estimate|reckon|believe|maybe|perhaps|"
    r"probably|could|might|must\s+have|looked\s+like|seemed)\b",
    re.IGNORECASE,
)


class ConflictingCount(Check):
    requires = ("sentences", "quantities")
    params: ClassVar[Mapping[str, Param]] = {
        "categories": Param(str, DEFAULT_CATEGORIES, "the category data file, relative to the pack"),
        "stale_hedge": Param(bool, True, "also report a lower-bound hedge overtaken by a later exact count"),
        "stale_message": Param(
            str,
            "'{later}' is more than '{earlier}' earlier in the story, with no word that the count rose; "
            "update the earlier figure or say that the {category} figure rose.",
            "message for an overtaken hedge",
        ),
    }

    def setup(self) -> None:
        path = pack_data_path(self.spec, self.spec.params["categories"]).resolve()
        self.table: CountTable = table_for(str(path))
        self.uses_default = path == default_table_path().resolve()

    def run(self, doc: Document, facts: Facts) -> Iterable[Finding]:
        found: Quantities = facts.get("quantities") if self.uses_default else analyse(doc, facts, self.table)
        groups: dict[tuple[str, str | None, bool], list[Count]] = defaultdict(list)
        rises: dict[tuple[str, str | None, bool], list[Count]] = defaultdict(list)
        revised: set[tuple[str, str | None, bool]] = set()
        # the parts counted so far, by category: "Twelve persons were detained ... four were later arrested", then
        # "the trial of the four who were arrested" names that part again, not all of them
        parts: dict[str, list[Count]] = defaultdict(list)
        lede = _lede_blocks(doc)
        headlines = frozenset(i for i in lede if doc.blocks[i].kind == "headline")
        # a story about a past event dates it in the lede ("a grass fire ... last May, destroying six homes"): its
        # later counts that name no time are of that event, not of another time
        # (only where every count of the first paragraph is dated alike: "Rain has killed five, a year after floods
        # killed 112" dates only the floods)
        lede_periods = {c.scope.period for c in found.counts if c.block in lede and c.block not in headlines}
        story_period = next(iter(lede_periods)) if len(lede_periods) == 1 else None
        if story_period == "rate":
            story_period = None
        counted: set[str] = set()  # the categories counted so far
        # "found 2 more bodies, the death toll rose to 11, still 4 people trapped": a count beside another's rise
        # is the figure after it, as much an update as the rise
        risen = {(c.sentence, c.category) for c in found.counts if c.scope.rise}
        rise_sentences = {sentence for sentence, _ in risen}
        # the day the first paragraph counts each category on, where it names one
        lede_days: dict[str, set[str | None]] = defaultdict(set)
        for c in found.counts:
            if c.block in lede and c.block not in headlines:
                lede_days[c.category].add(c.scope.day)
        for c in found.counts:
            if (
                c.scope.day is not None
                and lede_days[c.category] - {c.scope.day, None}
                and _HAD_DONE.search(doc.text, c.start, c.end)
            ):
                # "Three pilgrims had died on Saturday", after "At least 14 pilgrims died ... on Sunday": the
                # figure of a day before, not the story's
                continue
            if c.scope.sub and c.category not in counted:
                # "over 1.8 lakh people have been affected. Of these, nearly 23,000 have taken shelter in relief
                # camps": a part of a whole the category does not count is the first figure of its own
                c = replace(c, scope=replace(c.scope, sub=False))
            counted.add(c.category)
            if c.definite and any(p.low == c.low and p.high == c.high for p in parts[c.category]):
                continue
            if c.scope.sub:
                parts[c.category].append(c)
            # how many are still missing is compared with how many are still missing, not with how many
            # went missing: some may have been found since
            period = c.scope.period
            if period is None and story_period is not None:
                period = story_period
            key = (c.category, period, c.scope.status)
            if c.scope.sub:
                pass  # "the toll rose to 12 after four of the wounded died" revises the dead, not the wounded
            elif c.scope.rise:
                rises[key].append(c)
            elif c.scope.update or (c.sentence in rise_sentences and (c.sentence, c.category) not in risen):
                # an update that may go either way: the story already says the figure changed (an earlier report,
                # "officials had initially put the toll at seven", is only left out itself: it is not comparable)
                revised.add(key)
            if (c.scope.comparable or _stated_in_quote(doc, c)) and not c.quantity.vague:
                groups[key].append(c)
        for key, counts in groups.items():
            if key in revised and key not in rises:
                # an update either way: the story says the figure changed (a rise says how, and is read below)
                continue
            lede_nouns = frozenset(c.noun for c in counts if c.block in lede and c.noun is not None)
            if "others" in lede_nouns:
                # "killing seven workers and injuring 23 others": the others are workers too
                lede_nouns |= {c.noun for c in found.counts if c.block in lede and c.noun is not None}
            pairing = _Pairing(
                self.table,
                self.table.category(key[0]),
                lede,
                any(c.scope.aggregate for c in counts),
                lede_nouns,
                headlines,
            )
            if key in rises:
                # the count rose: it explains how a figure before the rise differs from one after it, not
                # two figures before it that disagree, nor a figure after it that is lower ("the toll rose
                # to 46" ... "39 people had died")
                first = min(r.start for r in rises[key])
                # a headline gives the latest figure: one the count rose to is no conflict with the lede's
                # first ("killing 3" over "killing two people" and "the death toll rose to three")
                before = [
                    c
                    for c in counts
                    if c.end <= first
                    and not (
                        doc.blocks[c.block].kind == "headline"
                        and any(not pairing.incompatible(c, r) for r in rises[key])
                    )
                ]
                yield from self._compare(doc, pairing, before)
                yield from self._below_rise(doc, pairing, counts, rises[key])
            elif len(counts) >= 2:
                yield from self._compare(doc, pairing, counts)
            if key[2]:
                # "six persons were still missing" after "five others are missing": those still missing are
                # some of everyone counted, never more, unless the count rose
                total_key = (key[0], key[1], False)
                if total_key not in revised and total_key not in rises:
                    yield from self._above_total(doc, pairing, groups.get(total_key, []), counts)

    def _above_total(
        self, doc: Document, pairing: _Pairing, totals: list[Count], states: list[Count]
    ) -> Iterable[Finding]:
        label = pairing.category.label if pairing.category else states[0].category
        for later in states:
            for earlier in totals:
                # those still missing are some of everyone who went missing, whoever they are
                same = pairing.same_event(earlier, later, any_noun=pairing.counts_everyone(earlier))
                if earlier.end <= later.start and same and later.low > earlier.high:
                    message = self.format_message(**self._values(doc, later, earlier, label))
                    yield self._finding(doc, later, earlier, message, None)
                    break

    def _below_rise(
        self, doc: Document, pairing: _Pairing, counts: list[Count], rises: list[Count]
    ) -> Iterable[Finding]:
        label = pairing.category.label if pairing.category else counts[0].category
        for later in counts:
            # a figure for one place ("the village of Tal Sar, where 12 people died") is part of a total
            # that names none
            before = [
                r
                for r in rises
                if r.end <= later.start
                and pairing.same_event(r, later)
                and (not later.scope.places or r.scope.places & later.scope.places)
                and not _WHERE.search(doc.text, max(0, later.start - 8), later.start)
            ]
            if before and not later.scope.aggregate:
                rise = max(before, key=lambda r: r.low)
                # lower than the risen figure, or higher with no word that it rose again ("the death toll has
                # risen to four" ... "six people have died"); a running total may have moved on
                if (later.high < rise.low and not self._before_the_rise(doc, later, rises)) or (
                    later.low > rise.high and not later.scope.running
                ):
                    message = self.format_message(**self._values(doc, later, rise, label))
                    yield self._finding(doc, later, rise, message, None)

    @staticmethod
    def _before_the_rise(doc: Document, later: Count, rises: list[Count]) -> bool:
        """Whether a count below the risen figure is the one before the rise, as of a time the copy names: "Three
        people had died by Sunday evening", or "Two people had died on Tuesday" after a rise on Thursday."""
        if later.scope.day and any(r.scope.day and r.scope.day != later.scope.day for r in rises):
            return True
        return _BEFORE_THE_RISE.match(doc.text, later.start, later.end + 60) is not None

    def _compare(self, doc: Document, pairing: _Pairing, counts: list[Count]) -> Iterable[Finding]:
        label = pairing.category.label if pairing.category else counts[0].category
        # every pair is compared: a table of thousands of figures (not an
        # article's handful) would take quadratic time, so only its first
        # counts are, the lede's among them
        counts = counts[:_MAX_COMPARED]
        for i, later in enumerate(counts):
            stale: Count | None = None
            conflict: Count | None = None
            for earlier in counts[:i]:
                if not pairing.same_event(earlier, later):
                    if pairing.part_above_whole(earlier, later):
                        conflict = earlier
                        break
                    continue
                if pairing.incompatible(earlier, later):
                    conflict = earlier
                    break
                if stale is None and pairing.stale(earlier, later):
                    stale = earlier
            if conflict is not None:
                message = self.format_message(**self._values(doc, later, conflict, label))
                yield self._finding(doc, later, conflict, message, None)
            elif stale is not None and self.spec.params["stale_hedge"]:
                values = self._values(doc, later, stale, label)
                try:
                    message = self.spec.params["stale_message"].format(**values)
                except (KeyError, IndexError, ValueError):
                    message = self.spec.params["stale_message"]
                yield self._finding(doc, later, stale, message, Severity.INFO)

    @staticmethod
    def _values(doc: Document, later: Count, earlier: Count, label: str) -> dict[str, str]:
        return {
            "later": _describe(doc, later),
            "earlier": _describe(doc, earlier),
            "later_number": _number(doc, later),
            "earlier_number": _number(doc, earlier),
            "category": label,
        }

    def _finding(self, doc: Document, later: Count, earlier: Count, message: str, severity: Severity | None) -> Finding:
        related = Related(earlier.start, earlier.end, f"the earlier count: '{_describe(doc, earlier)}'")
        return self.finding(later.start, later.end, message, severity=severity, related=[related])

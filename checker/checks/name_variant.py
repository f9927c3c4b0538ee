"""The same name spelled two ways in one article.

What it flags
-------------
A name (of a person or a place) written in two spellings that differ by a
letter or two: "Stanekzai" and "Stanikzai", "Ghani" and "Ghanni", "Kovač"
and "Kovac".  The rarer spelling is flagged (the later one when both are as
common), the other spelling's first use is the related location, and the
usual spelling is offered as a suggestion.

Why it matters
--------------
A misspelt name is the error readers and the people named notice first, and
two spellings in one story mean at least one of them is wrong.

Example
-------
    Police spokesman Hashmat Stanekzai said the attackers had been killed.
    ...
    Stanikzai said three officers were wounded.

Fix
---
Check the name against a reliable source and use one spelling throughout.

Two different people are never taken for one: names that share no word
("Ahmad Shah" and "Ahmed Zia"), given names whose surnames differ, forms
that differ only in the last letter (Maria, Mario) or by an ending
(Daniel, Daniela; Afghan, Afghans), and words shorter than ``min_length``
letters are left alone.  A capitalised word that the article also uses in
lower case is an ordinary word, not a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from checker.analysis import Facts
from checker.analysis.text import Token
from checker.checks.base import Check, Param
from checker.checks.readability import cmu_dictionary
from checker.document import Document
from checker.findings import Finding, Fix, Related

# Headlines and subheadings are left out: title case capitalises ordinary words.
NAME_BLOCKS = frozenset({"paragraph", "quote", "list_item", "caption"})
# Lower-case words inside a name ("Gulbuddin al Hekmatyar", "Ursula von der Leyen").
PARTICLES = frozenset("al bin ibn da das de del della der di do dos du el la le van von y ten ter zu".split())
# Capitalised words that are never names wherever they stand.
COMMON = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december mr mrs ms dr prof sir lord lady
    """.split()
)
_POSSESSIVE = re.compile(r"['’]s?$")
_POSSESSIVE_ENDS = ("'", "’", "'s", "’s")  # what _POSSESSIVE can match
# more words in a run of capitals than any person's name has
_MAX_NAME_WORDS = 12


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _is_capitalised(text: str) -> bool:
    return text[:1].isupper() and not text.isupper() and text[:1].isalpha()


@dataclass(slots=True)
class Spelling:
    """One spelling of a name word and where it occurs."""

    word: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    # the other words of each name it stands in; () when it stands alone
    contexts: set[tuple[str, ...]] = field(default_factory=set)
    alone_or_last: bool = False  # used as a surname or on its own, not only as a given name


def name_spellings(doc: Document, facts: Facts) -> dict[str, Spelling]:
    """Every capitalised name word of the copy, by spelling (possessive dropped)."""
    tokens: list[Token] = facts.get("tokens")
    sentences = facts.get("sentences")
    lowercase = {w.lower() for t in tokens if (w := t.text)[:1].islower() and w[:1].isalnum()}
    out: dict[str, Spelling] = {}
    current: list[Token] = []

    def record(run: list[Token]) -> None:
        # the possessive dropped ("Ahmadi's"): the expression only for a word that may have one
        words = [_POSSESSIVE.sub("", w) if w.endswith(_POSSESSIVE_ENDS) else w for w in (t.text for t in run)]
        keep = []
        for i, w in enumerate(words):
            low = w.lower()
            if low in PARTICLES or low in COMMON:
                continue
            # a capitalised word also written in lower case is an ordinary word
            if low in lowercase:
                continue
            keep.append(i)
        names = [words[i] for i in keep]
        for n, i in enumerate(keep):
            w = words[i]
            s = out.get(w)
            if s is None:
                s = out[w] = Spelling(w)
            s.spans.append((run[i].start, run[i].start + len(w)))
            # a long run of capitals (a title-case line) is no name: its
            # contexts, word by word, would take quadratic time and say nothing
            s.contexts.add(tuple(names[:n] + names[n + 1 :]) if len(names) <= _MAX_NAME_WORDS else ())
            if n == len(keep) - 1:
                s.alone_or_last = True

    def flush() -> None:
        # each run is recorded as it closes: a long file's runs are not all kept at once
        while current and current[-1].text.lower() in PARTICLES:
            current.pop()
        if current:
            record(current)
        current.clear()

    # this loop sees every token of the copy: the block test is made once per
    # sentence, and flush() is only called when there is a run to close
    in_names = [doc.blocks[s.block].kind in NAME_BLOCKS for s in sentences]
    previous: Token | None = None
    for t in tokens:
        if not in_names[t.sentence]:
            continue
        if current and not (previous is not None and previous.sentence == t.sentence and t.start - previous.end <= 1):
            flush()
        # t.is_word and (_is_capitalised(t.text) or a particle inside a run), spelt out: this is the hot loop
        text = t.text
        first = text[:1]
        if first.isalnum() and (
            (first.isupper() and first.isalpha() and not text.isupper()) or (current and text.lower() in PARTICLES)
        ):
            current.append(t)
        elif current:
            flush()
        previous = t
    flush()
    return out


def is_variant(a: str, b: str, min_length: int) -> bool:
    """Whether two different words look like two spellings of one name."""
    fa, fb = _fold(a), _fold(b)
    if min(len(fa), len(fb)) < min_length or fa[0] != fb[0]:
        return False
    if any(c.isdigit() for c in fa + fb):
        return False  # model numbers differ by a digit on purpose: A300 and A380, F-16 and F-35
    if fa == fb:  # differ only in accents: "Kovač", "Kovac"
        return True
    if fa.startswith(fb) or fb.startswith(fa):  # an ending: Daniel / Daniela, Afghan / Afghans
        return False
    if len(fa) == len(fb) and fa[:-1] == fb[:-1]:  # the last letter: Maria / Mario
        return False
    # one letter added, dropped, changed, or two swapped; more than that
    # joins real pairs of names (Austria, Australia; Slovenia, Slovakia)
    from rapidfuzz.distance import OSA  # only for two names this alike: a one-file check rarely needs it

    if OSA.distance(fa, fb, score_cutoff=1) > 1:
        return False
    # two words the dictionary knows are two established names or words
    # (Johnson, Johnston; Court, Count), not a slip of the keyboard
    known = cmu_dictionary()
    return known is None or not (fa in known and fb in known)


def same_person(a: Spelling, b: Spelling) -> bool:
    """False when the two spellings stand in names that are told apart by
    another word (Ahmad Shah / Ahmed Zia, John Smith / Jane Smyth)."""
    full_a = {c for c in a.contexts if c}
    full_b = {c for c in b.contexts if c}
    if full_a and full_b and not any(_fold(" ".join(x)) == _fold(" ".join(y)) for x in full_a for y in full_b):
        return False
    # a given name is only compared within the same full name
    return (a.alone_or_last and b.alone_or_last) or bool(
        {_fold(" ".join(x)) for x in full_a} & {_fold(" ".join(y)) for y in full_b}
    )


class NameVariant(Check):
    requires = ("tokens", "sentences")
    params: ClassVar[dict[str, Param]] = {
        "min_length": Param(int, 5, "shorter name words are never compared"),
    }

    def run(self, doc: Document, facts: Facts) -> Iterable[Finding]:
        spellings = name_spellings(doc, facts)
        ordered = sorted(spellings.values(), key=lambda s: s.spans[0][0])
        min_length = self.spec.params["min_length"]
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if not is_variant(a.word, b.word, min_length) or not same_person(a, b):
                    continue
                # the rarer spelling is the suspect; on a tie, the later one
                usual, odd = (a, b) if len(a.spans) >= len(b.spans) else (b, a)
                yield self._finding(doc, odd, usual)

    def _finding(self, doc: Document, odd: Spelling, usual: Spelling) -> Finding:
        start, end = odd.spans[0]
        other_start, other_end = usual.spans[0]
        line = doc.line_of(other_start)
        times = f", {len(usual.spans)} times" if len(usual.spans) > 1 else ""
        message = self.format_message(
            name=odd.word, other=usual.word, where=f"{doc.line_label} {line}{times}", count=len(odd.spans)
        )
        fix = Fix.replace(start, end, usual.word, "suggestion") if len(usual.spans) > len(odd.spans) else None
        related = Related(other_start, other_end, f"'{usual.word}' here")
        return self.finding(start, end, message, related=[related], fix=fix)

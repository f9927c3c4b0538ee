"""Garbled wording that no list has seen.

Spinners and careless translation swap words one at a time for thesaurus
synonyms.  What they leave is either a rare pair of words one swap away from
a strong collocation ("barbed robbery" / "armed robbery"), a pair one swap away
from a closed compound ("fire paladins" / "firefighters"), or a
grammatical break: a noun where the verb must stand ("they management the
district") or a bare verb form where a noun must stand ("the preventing
continues").

The pairs are precomputed (see :mod:`checker.garbled.model`), so a block of
copy costs one regular-expression pass and one dictionary look-up per word.
"""

from __future__ import annotations

import re

from checker.garbled import Evidence, Hit
from checker.garbled.lexicon import match_case
from checker.garbled.model import Model

SUBJECTS = frozenset("they we he she it i you who".split())
# a modal is always followed by a verb: "forces will management the district" is a swap
# ("to" is not among them: "moved from sales to management the next year" is English)
MODALS = frozenset("will would can could should must might shall".split())
DETERMINERS = frozenset("the a an its their his her our this that these those".split())
# what follows "the <verb>ing" when the -ing form stands where a noun must
FINITE = frozenset(
    """
    is was are were has had have continues continued continue remains remained remain seems seemed began begun
    started ended lasted broke erupted resumed intensified
    """.split()
)
# after a word ending in -s, these make it a verb ("the deal sets up", "the team makes the")
VERB_CUES = frozenset("up out off down away back the a an his her its their our this that these those".split())
_WORD = re.compile(r"[a-z]+")
_SENTENCE_END = ".!?:;\"“”‘’'()[]—–"


def _sentence_initial(text: str, start: int, floor: int) -> bool:
    i = start - 1
    while i >= floor and text[i] in " \t":
        i -= 1
    return i < floor or text[i] in _SENTENCE_END


def _is_name(text: str, start: int, end: int, floor: int) -> bool:
    """A capital inside a sentence marks a name ("Safety Council"): never a garble we can judge."""
    if not text[start].isupper():
        return False
    return text[start + 1 : end].isupper() or not _sentence_initial(text, start, floor)


def detect(text: str, folded: str, start: int, end: int, model: Model, min_score: float, grammar: bool) -> list[Hit]:
    """Detector hits in ``text[start:end]`` (one block); ``folded`` is ``text`` lower-cased, same length."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(folded, start, end)]
    hits: list[Hit] = []
    groups = model.groups
    n = len(words)
    for i in range(n - 1):
        s1, e1 = words[i]
        s2, e2 = words[i + 1]
        gap = folded[e1:s2]
        if gap != " " and gap != "-":
            continue
        w1 = folded[s1:e1]
        if w1 in groups:
            w2 = folded[s2:e2]
            found = model.pair(w1, w2)
            if found is not None and found[1] >= min_score and not _verb_reading(folded, words, i, w2):
                if _is_name(text, s1, e1, start) or _is_name(text, s2, e2, start):
                    continue
                suggestion = found[0]
                evidence: Evidence
                if " " in suggestion:
                    evidence = "collocation"
                    detail = f"collocation: '{suggestion}' is a fixed expression one word swap away; '{w1} {w2}' is not"
                else:
                    evidence, detail = "compound", f"compound: '{suggestion}' is one word swap away"
                hits.append(Hit(s1, e2, match_case(text[s1:e2], suggestion), evidence, detail))
                continue
        if grammar and i + 2 < n and (w1 in SUBJECTS or w1 in MODALS or w1 == "the") and gap == " ":
            hit = _grammar(text, folded, words, i, model)
            if hit is not None:
                hits.append(hit)
    return hits


def _verb_reading(folded: str, words: list[tuple[int, int]], i: int, second: str) -> bool:
    if not second.endswith("s") or i + 2 >= len(words):
        return False
    s3, e3 = words[i + 2]
    return folded[words[i + 1][1] : s3] == " " and folded[s3:e3] in VERB_CUES


def _grammar(text: str, folded: str, words: list[tuple[int, int]], i: int, model: Model) -> Hit | None:
    (s1, e1), (s2, e2), (s3, e3) = words[i], words[i + 1], words[i + 2]
    if folded[e2:s3] != " " or not text[s2:e2].islower():
        return None
    first, second, third = folded[s1:e1], folded[s2:e2], folded[s3:e3]
    if (first in SUBJECTS or first in MODALS) and third in DETERMINERS and second in model.noun_verbs:
        verb = model.noun_verbs[second]
        return Hit(
            s1,
            e2,
            match_case(text[s1:e2], f"{first} {verb}"),
            "grammar",
            f"grammar: the noun '{second}' stands where a verb must (perhaps '{verb}')",
        )
    if first == "the" and second in model.bare_ing and third in FINITE:
        return Hit(
            s1,
            e3,
            "",
            "grammar",
            f"grammar: the verb form '{second}' stands where a noun must (a swapped noun such as 'the fighting')",
        )
    return None

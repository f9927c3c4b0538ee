"""Garbled wording that no list has seen.

Spinners and careless translation swap words one at a time for thesaurus
synonyms.  What they leave is either a rare pair of words one swap away from
a strong collocation ("demise toll" / "death toll"), a pair one swap away
from a closed compound ("wild hearth" / "wildfire"), or a grammatical break:
a noun where the verb must stand ("they management the district") or a bare
verb form where a noun must stand ("the preventing continues").

The pairs are precomputed (see :mod:`checker.garbled.model`), so a document
costs one dictionary look-up per pair of adjacent words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from checker.analysis.text import Token
from checker.garbled import Hit
from checker.garbled.lexicon import match_case
from checker.garbled.model import Model

SUBJECTS = frozenset("they we he she it i you who".split())
DETERMINERS = frozenset("the a an its their his her our this that these those".split())
# what follows "the <verb>ing" when the -ing form stands where a noun must
FINITE = frozenset(
    """
    is was are were has had have continues continued continue remains remained remain seems seemed began begun
    started ended lasted broke erupted resumed intensified
    """.split()
)
_WORD = re.compile(r"[A-Za-z]+")


def _words(tokens: Sequence[Token]) -> Iterator[tuple[int, int, str, int]]:
    """(start, end, text, sentence) of each word; hyphenated tokens yield their parts."""
    for t in tokens:
        if not t.text[:1].isalpha():
            yield t.start, t.end, "", t.sentence  # punctuation or a number breaks a pair
            continue
        if "-" in t.text:
            for m in _WORD.finditer(t.text):
                yield t.start + m.start(), t.start + m.end(), m.group(), t.sentence
        else:
            yield t.start, t.end, t.text, t.sentence


def _is_name(word: str, first_in_sentence: bool) -> bool:
    # a capital inside a sentence is a name ("Safety Council"), never a garble we can judge
    return word[:1].isupper() and (not first_in_sentence or word[1:2].isupper())


def detect(text: str, tokens: Sequence[Token], model: Model, min_score: float, grammar: bool = True) -> list[Hit]:
    words = list(_words(tokens))
    hits: list[Hit] = []
    previous_sentence = -1
    first = [False] * len(words)
    for i, (_, _, _, sentence) in enumerate(words):
        first[i] = sentence != previous_sentence
        previous_sentence = sentence
    for i in range(len(words) - 1):
        s1, e1, w1, sent1 = words[i]
        s2, e2, w2, sent2 = words[i + 1]
        if not w1 or not w2 or sent1 != sent2:
            continue
        if text[e1:s2] not in (" ", "-"):
            continue
        if _is_name(w1, first[i]) or _is_name(w2, False):
            continue
        key = f"{w1.lower()} {w2.lower()}"
        found = model.pair(key)
        if found is not None and found[1] >= min_score:
            suggestion, score = found
            phrase = text[s1:e2]
            if " " not in suggestion:
                evidence, detail = "compound", f"compound: '{suggestion}' is one word swap away"
            else:
                evidence = "collocation"
                detail = f"collocation: '{suggestion}' is a fixed expression one word swap away; '{key}' is not"
            hits.append(Hit(s1, e2, match_case(phrase, suggestion), evidence, detail))  # type: ignore[arg-type]
            continue
        if grammar and i + 2 < len(words):
            hit = _grammar(text, words, i, model)
            if hit is not None:
                hits.append(hit)
    return hits


def _grammar(text: str, words: list[tuple[int, int, str, int]], i: int, model: Model) -> Hit | None:
    s1, _, w1, sent = words[i]
    _, e2, w2, _ = words[i + 1]
    _, e3, w3, sent3 = words[i + 2]
    if not w3 or sent3 != sent:
        return None
    first, second, third = w1.lower(), w2.lower(), w3.lower()
    if first in SUBJECTS and third in DETERMINERS and second in model.noun_verbs and w2.islower():
        verb = model.noun_verbs[second]
        return Hit(
            s1,
            e2,
            match_case(text[s1:e2], f"{w1.lower()} {verb}"),
            "grammar",
            f"grammar: the noun '{w2}' stands where a verb must (perhaps '{verb}')",
        )
    if first == "the" and second in model.bare_ing and third in FINITE and w2.islower():
        return Hit(
            s1,
            e3,
            "",
            "grammar",
            f"grammar: the verb form '{w2}' stands where a noun must (a swapped noun such as 'the fighting')",
        )
    return None

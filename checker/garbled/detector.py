"""Garbled wording that no list has seen.

Spinners and careless translation swap words one at a time for thesaurus
synonyms.  What they leave is either a phrase one swap away from a fixed
expression of news copy ("demise toll" / "death toll"; see
:mod:`checker.garbled.expressions`), a pair one swap away from a strong web
collocation (when the model is built with its pairs), or a grammatical
break: a noun where the verb must stand ("they management the district") or
a bare verb form where a noun must stand ("the preventing continues").

A block of copy costs one regular-expression pass and a dictionary look-up
or two per word.
"""

from __future__ import annotations

import itertools
import re

from checker.garbled import Evidence, Hit
from checker.garbled.expressions import Expressions, Swap, is_typical, norm, swaps_in
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
# verbs whose "to" can only start an infinitive ("refused to", "plans to"): a noun after it stands where the
# verb must; not the many whose "to" takes a noun phrase ("agreed to", "committed to", "due to", "set to")
CONTROL_VERBS = frozenset(
    """
    refuse refuses refused refusing decline declines declined declining vow vows vowed vowing decide decides
    decided deciding try tries tried trying attempt attempts attempted attempting fail fails failed failing
    manage manages managed want wants wanted plan plans planned planning intend intends intended intending
    seek seeks sought seeking threaten threatens threatened threatening aim aims aimed aiming hope hopes hoped
    hoping expect expects expected able unable begin begins began begun beginning start starts started starting
    continue continues continued continuing need needs needed promise promises promised prepared ready likely
    """.split()
)
_TRIGGERS = SUBJECTS | MODALS | CONTROL_VERBS | {"the"}  # where a grammar break can start
# after a plural standing for a swapped noun, these make it a verb ("inflation falls to")
# after a word of any form standing for a swapped noun, these make it a verb with its object; not "that"
# ("the campaign path that they ..."), nor "this" ("the campaign path this year")
_OBJECT_DETERMINERS = frozenset("the a an its their his her our both every each".split())
_NOUN_CUES = VERB_CUES | frozenset("to by through into across past around over along towards toward".split())
# a word, with the possessive 's it may carry ("a stone's throw", "the lion's share"): one token, so that an
# idiom with a possessive lines up as it is written, and "the government's security forces" never reads "s"
_WORD = re.compile(r"[a-z]+(?:'s(?![a-z]))?")
_SENTENCE_END = ".!?:;\"“”‘’'()[]—–"


def _sentence_initial(text: str, start: int, floor: int) -> bool:
    i = start - 1
    while i >= floor and text[i] in " \t":
        i -= 1
    return i < floor or text[i] in _SENTENCE_END


def is_name(text: str, start: int, end: int, floor: int) -> bool:
    """A capital inside a sentence marks a name ("Safety Council"): never a garble we can judge."""
    if not text[start].isupper():
        return False
    return text[start + 1 : end].isupper() or not _sentence_initial(text, start, floor)


def detect(
    text: str,
    folded: str,
    start: int,
    end: int,
    model: Model,
    min_score: float,
    grammar: bool,
    expressions: Expressions | None = None,
    doubles: bool = False,
    memo: dict[int, Block] | None = None,
) -> list[Hit]:
    """Detector hits in ``text[start:end]`` (one block); ``folded`` is ``text`` lower-cased, same length.
    With ``doubles``, only the listed swaps (grade 3, looked for only where an article shows its weakest
    evidence).  ``memo`` keeps a block's words between the two passes."""
    block = None if memo is None else memo.get(start)
    if block is None:
        words = [m.span() for m in _WORD.finditer(folded, start, end)]
        if folded.find("'s", start, end) >= 0:
            words = _possessives_cut(folded, words, expressions)
        # the character between word k and word k + 1 when it is one space or a hyphen, else ""
        gaps = [
            folded[e1] if s2 - e1 == 1 and folded[e1] in " -" else "" for (_, e1), (s2, _) in itertools.pairwise(words)
        ]
        block = Block(words, gaps, [norm(folded[s:e]) for s, e in words])
        if memo is not None:
            memo[start] = block
    words, gaps = block.words, block.gaps
    n = len(words)
    hits: list[Hit] = []
    if expressions is not None and len(expressions):
        hits = _expression_hits(text, folded, block, start, expressions, doubles)
    if doubles:
        return hits
    taken = [(h.start, h.end) for h in hits]
    groups = model.groups
    if not groups and not grammar:
        return hits
    for i in range(n - 1):
        gap = gaps[i]
        if not gap:
            continue
        s1, e1 = words[i]
        w1 = folded[s1:e1]
        if groups and w1 in groups:
            s2, e2 = words[i + 1]
            w2 = folded[s2:e2]
            found = model.pair(w1, w2)
            if found is not None and found[1] >= min_score and not _verb_reading(folded, words, i, w2):
                if is_name(text, s1, e1, start) or is_name(text, s2, e2, start):
                    continue
                if any(s1 < b and a < e2 for a, b in taken):
                    continue
                suggestion = found[0]
                evidence: Evidence
                if " " in suggestion:
                    evidence = "collocation"
                    detail = f"collocation: '{suggestion}' is a fixed expression one word swap away; '{w1} {w2}' is not"
                else:
                    evidence, detail = "compound", f"compound: '{suggestion}' is one word swap away"
                hits.append(
                    Hit(
                        s1,
                        e2,
                        match_case(text[s1:e2], suggestion),
                        evidence,
                        detail,
                        tier=1 if evidence == "collocation" else 0,
                        typical=False,
                    )
                )
                continue
        if grammar and gap == " " and w1 in _TRIGGERS and i + 2 < n:
            hit = _grammar(text, folded, words, i, model)
            if hit is not None:
                hits.append(hit)
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def _possessives_cut(
    folded: str, words: list[tuple[int, int]], expressions: Expressions | None
) -> list[tuple[int, int]]:
    """The words, with the possessive 's cut off those no expression has: "the public prosecutor's office"
    ends "public prosecutor" at the apostrophe, where no expression goes on ("prosecutor office")."""
    known = expressions.possessives if expressions is not None else frozenset()
    out = []
    for s, e in words:
        if folded[e - 2 : e] == "'s" and norm(folded[s:e]) not in known:
            e -= 2
        out.append((s, e))
    return out


class Block:
    """A block's words: their spans, what stands between neighbours (a space, a hyphen or ""), and their
    :func:`norm` forms.  (A plain class: a data class costs start-up time to build.)"""

    __slots__ = ("gaps", "toks", "words")

    def __init__(self, words: list[tuple[int, int]], gaps: list[str], toks: list[str]) -> None:
        self.words = words
        self.gaps = gaps
        self.toks = toks


def _expression_hits(
    text: str, folded: str, block: Block, floor: int, expressions: Expressions, doubles: bool = False
) -> list[Hit]:
    words, gaps, toks = block.words, block.gaps, block.toks
    hits: list[Hit] = []
    for swap in swaps_in(expressions, toks, gaps, doubles):
        if doubles and not swap.listed:
            continue
        span = words[swap.first : swap.last + 1]
        if any(is_name(text, s, e, floor) for s, e in span):
            continue
        if _held_elsewhere(toks, gaps, swap, expressions):
            continue
        at = swap.swap_first if swap.double else swap.swap_last
        swapped = folded[words[at][0] : words[at][1]]
        modifier = swap.position < len(swap.expression.words) - 1
        if modifier and _plural(swapped) and not _plural(swap.expression.parts[swap.position]):
            continue  # a modifier is singular ("interest rates"): "the bank holds rates" has a verb
        if swap.position > 0 and swap.first > 0 and _subject_before(folded, words, swap.first):
            continue  # "police officers hit persons": a verb after its subject, not "hit men" swapped
        if swap.first > 0 and gaps[swap.first - 1] == " " and toks[swap.first - 1] in MODALS | {"cannot"}:
            continue  # "companies must report breaches": a verb after a modal, not "data breaches" swapped
        if _other_plural_modifier(folded, words, swap):
            continue  # "securities transactions" is not "security measures": a plural modifier is its own word
        last = folded[span[-1][0] : span[-1][1]]
        if swap.swap_last == swap.last and _verb_reading(folded, words, swap.last - 1, last, _NOUN_CUES):
            continue  # "the bank holds rates", "inflation falls to": a verb, not a noun swapped
        s, e = span[0][0], span[-1][1]
        written = swap.expression.written
        suggestion = _suggest(folded, words, swap)
        evidence: Evidence = "compound" if swap.expression.compound else "collocation"
        swapped_words = "two words swapped" if swap.double else "one word swap"
        detail = f"{evidence}: {swapped_words} from the fixed expression '{written}'"
        typical = is_typical(expressions, swap, toks)
        hits.append(Hit(s, e, match_case(text[s:e], suggestion), evidence, detail, tier=swap.tier, typical=typical))
    return hits


def _held_elsewhere(toks: list[str], gaps: list[str], swap: Swap, expressions: Expressions) -> bool:
    """The swapped word belongs with a neighbour outside the phrase: it makes an expression with it ("a
    health think tank" is no "health care"), or a hyphen joins it to a word before ("return-to-work
    agreements" is no "trade agreements")."""
    after, before = swap.last + 1, swap.first - 1
    if (
        swap.swap_last == swap.last
        and after < len(toks)
        and gaps[swap.last] == " "
        and expressions.is_known(f"{toks[swap.last]} {toks[after]}")
    ):
        return True
    if swap.swap_first == swap.first and before >= 0 and gaps[before]:
        return gaps[before] == "-" or expressions.is_known(f"{toks[before]} {toks[swap.first]}")
    return False


def _subject_before(folded: str, words: list[tuple[int, int]], first: int) -> bool:
    """The word before the phrase is a plural noun or a subject pronoun next to it: the phrase's first word
    is then a verb."""
    s, e = words[first - 1]
    if folded[e : words[first][0]] != " ":
        return False
    word = folded[s:e]
    return word in SUBJECTS or (_plural(word) and not word.endswith("ss"))


def _other_plural_modifier(folded: str, words: list[tuple[int, int]], swap: Swap) -> bool:
    """A word the swap left standing is a plural modifier where the expression has a singular one."""
    parts = swap.expression.parts
    if swap.expression.compound or len(parts) != swap.last - swap.first + 1:
        return False  # a two-word synonym shifts the alignment; a compound is written as one word
    for q in range(len(parts) - 1):
        if swap.position <= q <= swap.position + swap.double:
            continue
        s, e = words[swap.first + q]
        if _plural(folded[s:e]) and not _plural(parts[q]):
            return True
    return False


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and norm(word) != word


def _inflected(wanted: str, like: str) -> str:
    """``wanted`` in the number of the copy's word ``like``."""
    if _plural(like) and not _plural(wanted):
        if wanted.endswith("man"):
            return wanted[:-3] + "men"  # "hit persons": "hit men", not "hit mans"
        if wanted.endswith("child"):
            return wanted + "ren"
        if wanted.endswith("y") and wanted[-2:-1] not in tuple("aeiou"):
            return wanted[:-1] + "ies"
        return wanted + ("es" if wanted.endswith(("s", "x", "z", "ch", "sh")) else "s")
    if not _plural(like) and _plural(wanted):
        if wanted.endswith("ies"):
            return wanted[:-3] + "y"
        return wanted[:-2] if wanted.endswith(("sses", "ches", "shes", "xes")) else wanted[:-1]
    return wanted


def _suggest(folded: str, words: list[tuple[int, int]], swap: Swap) -> str:
    expression = swap.expression
    last = folded[words[swap.last][0] : words[swap.last][1]]
    if expression.compound:
        return _inflected(expression.written, last)
    swapped = expression.parts[swap.position : swap.position + 1 + swap.double]
    wanted = swapped[-1]
    if swap.position + swap.double == len(expression.parts) - 1:  # only the head noun takes the copy's number
        wanted = _inflected(wanted, folded[words[swap.swap_last][0] : words[swap.swap_last][1]])
    wanted = " ".join((*swapped[:-1], wanted))
    start, end = words[swap.first][0], words[swap.last][1]
    cut, resume = words[swap.swap_first][0], words[swap.swap_last][1]
    return folded[start:cut] + wanted + folded[resume:end]


def _verb_reading(
    folded: str, words: list[tuple[int, int]], i: int, second: str, cues: frozenset[str] = VERB_CUES
) -> bool:
    """Whether ``second`` (word ``i + 1``) reads as a verb by the word after it: a particle or a
    determiner after a form in -s ("the bank holds rates up"), a determiner after any form ("a drone hit
    an electrical substation", "falling birth rates in the town mean both schools ...")."""
    if i + 2 >= len(words):
        return False
    s3, e3 = words[i + 2]
    if folded[words[i + 1][1] : s3] != " ":
        return False
    after = folded[s3:e3]
    return after in (cues if second.endswith("s") else _OBJECT_DETERMINERS)


def _noun_for_verb(text: str, start: int, end: int, before: str, noun: str, model: Model) -> Hit:
    """``text[start:end]``, ``before`` and then ``noun``, with the verb the noun stands for suggested."""
    verb = model.noun_verbs[noun]
    return Hit(
        start,
        end,
        match_case(text[start:end], f"{before} {verb}"),
        "grammar",
        f"grammar: the noun '{noun}' stands where a verb must (perhaps '{verb}')",
    )


def _grammar(text: str, folded: str, words: list[tuple[int, int]], i: int, model: Model) -> Hit | None:
    (s1, e1), (s2, e2), (s3, e3) = words[i], words[i + 1], words[i + 2]
    if folded[e2:s3] != " " or not text[s2:e2].islower():
        return None
    first, second, third = folded[s1:e1], folded[s2:e2], folded[s3:e3]
    if (first in SUBJECTS or first in MODALS) and third in DETERMINERS and second in model.noun_verbs:
        return _noun_for_verb(text, s1, e2, first, second, model)
    if first in CONTROL_VERBS and second == "to" and third in model.noun_verbs and text[s3:e3].islower():
        return _noun_for_verb(text, s2, e3, second, third, model)
    if first == "the" and second in model.bare_ing and third in FINITE:
        return Hit(
            s1,
            e3,
            "",
            "grammar",
            f"grammar: the verb form '{second}' stands where a noun must (a swapped noun such as 'the fighting')",
        )
    return None

"""A paragraph that repeats an earlier one in the same article.

What it flags
-------------
A paragraph (or block quote, or list item) that repeats an earlier one of the
same article, word for word or lightly edited: a word or two changed, a
clause added or dropped, punctuation or quote marks changed, the last
sentence cut.  The later copy is flagged, the earlier one is given as the
related location, and the message gives their similarity (0 to 1).

Why it matters
--------------
Repeated paragraphs are the mark of a botched edit: a paragraph moved with
copy and paste and never deleted, two versions of the same update both left
in, a rewrite pasted under the original.  Readers notice at once.

Example
-------
    More than 600 firefighters were battling the blaze on Tuesday, the fire
    service said.
    ...
    More than 600 firefighters were fighting the blaze on Tuesday, the fire
    service said.

Fix
---
Delete one copy, or merge what each copy adds into one paragraph.

Short lines that are repeated by design (bylines, "Reporting by ..."
sign-offs, section labels) are never compared: a paragraph needs
``min_words`` words, and one that opens with a label on the rule's
``exempt`` word list is skipped.  Headlines and subheadings, which restate
the copy on purpose, are not compared either.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain, repeat
from operator import neg
from typing import Any, ClassVar

from checker.analysis import Facts
from checker.analysis.fingerprints import Fingerprint, normalise
from checker.checks.base import Check, Param, RuleSpec
from checker.document import Document
from checker.findings import Finding, Related
from checker.packs import pack_data_path, read_word_list

# Comparing every pair is cheapest for an ordinary article; past this many
# paragraphs, candidates come from shared word shingles instead.
ALL_PAIRS_LIMIT = 80
# A shingle shared by more paragraphs than this ("said on Tuesday") says
# nothing about which paragraph repeats which; it is left out of the index.
MAX_POSTINGS = 50


class DuplicateParagraph(Check):
    requires = ("fingerprints",)
    # a repeat is as much a repeat ten sections apart; the index keeps it linear
    sectioned = False
    params: ClassVar[dict[str, Param]] = {
        "min_words": Param(int, 8, "paragraphs with fewer words are never compared (labels, bylines)"),
        "min_similarity": Param(float, 0.8, "similarity (0-1, character level) at which two paragraphs are copies"),
        "min_containment": Param(
            float, 0.9, "share of a shorter paragraph's words found, in order, in a longer one that makes it a copy"
        ),
        "min_contained_words": Param(int, 15, "a contained copy needs at least this many words"),
        "shared_run": Param(int, 10, "words in a row that two lightly edited copies keep as they were (0: off)"),
        "min_shared_similarity": Param(
            float, 0.7, "similarity (0-1) at which two paragraphs that keep such a run are copies"
        ),
        "exempt": Param(list, [], "word-list files of labels that open legitimately repeated lines"),
        "max_candidates": Param(int, 20, "in a very long file, the most earlier paragraphs compared with each one"),
    }

    def setup(self) -> None:
        self.exempt_re = exempt_pattern(self.spec)

    def run(self, doc: Document, facts: Facts) -> Iterable[Finding]:
        prints: list[Fingerprint] = [fp for fp in facts.get("fingerprints") if self._eligible(fp)]
        for later, earlier, similarity in find_repeats(prints, self.spec.params):
            yield self._finding(doc, prints[later], prints[earlier], similarity)

    def _eligible(self, fp: Fingerprint) -> bool:
        return eligible(fp, self.spec.params["min_words"], self.exempt_re)

    def _finding(self, doc: Document, later: Fingerprint, earlier: Fingerprint, similarity: float) -> Finding:
        where = f"{doc.line_label} {doc.line_of(earlier.start)}"
        message = self.format_message(where=where, similarity=f"{similarity:.2f}")
        return self.finding(
            later.start, later.end, message, related=[Related(earlier.start, earlier.end, "the earlier copy")]
        )


def exempt_pattern(spec: RuleSpec) -> re.Pattern[str] | None:
    """A pattern for the labels (from the rule's ``exempt`` word lists) that
    open lines repeated by design."""
    labels = {normalise(e) for name in spec.params["exempt"] for e in read_word_list(pack_data_path(spec, name))}
    if not labels:
        return None
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=lambda label: (-len(label), label)))
    return re.compile(r"[(\[]?(?:" + alternatives + r")(?!\w)")


def eligible(fp: Fingerprint, min_words: int, exempt: re.Pattern[str] | None) -> bool:
    """Whether a paragraph is long enough, and not a sign-off or credit, to be compared."""
    if len(fp.words) < min_words:
        return False
    return not (exempt is not None and exempt.match(fp.text))


def similarity(
    a: Fingerprint,
    b: Fingerprint,
    min_similarity: float,
    min_containment: float,
    min_words: int,
    sorted_texts: tuple[str, str] | None = None,
    shared_run: int = 0,
    min_shared_similarity: float = 1.0,
) -> float:
    """How much ``b`` repeats ``a`` (0 to 1), or 0.0 when it is not a copy.

    A copy is either close as a whole (character-level similarity at least
    ``min_similarity``, as written or with its words sorted, which catches
    sentences and clauses moved around) or a cut-down version: nearly all the words of the
    shorter paragraph appear, in order, in a longer one at most three times
    its length.  For a cut-down copy the similarity is that of the best
    aligned stretch of the longer paragraph.

    ``sorted_texts`` are the two texts with their words sorted, when the
    caller keeps them: the same as ``token_sort_ratio`` sorts on every call.

    A copy edited throughout but for a sentence (``shared_run`` words in a row kept as they were) is one
    at ``min_shared_similarity``: "said all ballot papers had remained sealed ... throughout the delay" and
    "said all the ballot papers had stayed sealed ... for the duration of the delay", each followed by the
    same quote.
    """
    if a.words == b.words:
        return 1.0
    # imported only when two paragraphs are alike enough to compare: most articles have none, and a one-file
    # check should not pay for the library's start-up
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Indel

    cutoff = 100 * min_similarity
    # one character-level ratio serves both tests below (the library returns 0 under its cutoff, the exact
    # ratio above it)
    whole = fuzz.ratio(a.text, b.text, score_cutoff=min(cutoff, 100 * min_shared_similarity) if shared_run else cutoff)
    score = whole / 100 if whole >= cutoff else 0.0
    # the same sentences or clauses in another order
    if not score:
        if sorted_texts is None:
            score = fuzz.token_sort_ratio(a.text, b.text, score_cutoff=cutoff) / 100
        else:
            score = fuzz.ratio(*sorted_texts, score_cutoff=cutoff) / 100
    if score:
        return 0.0 if parallel(a, b) else score
    short, long_ = (a, b) if len(a.words) <= len(b.words) else (b, a)
    n_short, n_long = len(short.words), len(long_.words)
    if n_short >= min_words and n_long <= 3 * n_short:
        common = (n_short + n_long - Indel.distance(short.words, long_.words)) / 2
        if common / n_short >= min_containment:
            return float(fuzz.partial_ratio(short.text, long_.text)) / 100
        if common / n_short >= min_containment - 0.1:
            # a sentence of the longer one, lightly edited: "who leads the campaign ... spread quickly ... where",
            # then "who is leading the campaign ... spread rapidly ... in which"
            aligned = fuzz.partial_ratio(short.text, long_.text, score_cutoff=90)
            if aligned:
                return float(aligned) / 100
    if (
        shared_run
        and whole >= 100 * min_shared_similarity
        and _share_run(a.words, b.words, shared_run)
        and not parallel(a, b)
    ):
        return whole / 100
    return 0.0


def _share_run(a: Sequence[str], b: Sequence[str], size: int) -> bool:
    """Whether ``a`` and ``b`` have ``size`` words in a row in common."""
    runs = {tuple(a[k : k + size]) for k in range(len(a) - size + 1)}
    return any(tuple(b[k : k + size]) in runs for k in range(len(b) - size + 1))


def _is_fact(word: str) -> bool:
    return any(c.isdigit() for c in word) or word[:1].isupper()


def _word(cased: str) -> str:
    """A cased word as a fingerprint's words are written: lower case, without a possessive."""
    word = cased.lower()
    return word[:-2] if word.endswith(("'s", "’s")) else word


def parallel(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether two alike paragraphs are parallel, not copies: the same frame
    with two or more names or numbers swapped ("Temperatures in Madrid will
    reach 41C on Tuesday" / "... in Seville will reach 44C on Wednesday").
    A copy's edits change ordinary words; a roundup's entries change facts.  A fact the other paragraph
    also has is not changed, only moved or written out ("Kestrel's" / "Kestrel Air's", "The airline has
    offered" / "Kestrel has offered")."""
    from rapidfuzz.distance import Levenshtein

    in_a, in_b = set(map(_word, a.words)), set(map(_word, b.words))
    swapped = 0
    old: list[str] = []
    new: list[str] = []
    # a run of edits with no word kept between them is one change ("John Smith" -> "Jane Doe")
    for op in [*Levenshtein.opcodes(a.words, b.words), None]:
        if op is not None and op.tag != "equal":
            old.extend(a.cased[op.src_start : op.src_end])
            new.extend(b.cased[op.dest_start : op.dest_end])
            continue
        if any(_is_fact(w) and _word(w) not in in_b for w in old) and any(
            _is_fact(w) and _word(w) not in in_a for w in new
        ):
            swapped += 1
            if swapped >= 2:
                return True
        old, new = [], []
    return False


def _candidates(index: dict[int, list[int]], fp: Fingerprint, limit: int) -> list[int]:
    # counted and ranked in C: in a file of thousands of paragraphs this runs
    # once per paragraph over up to MAX_POSTINGS entries per shingle
    get = index.get
    counts = Counter(chain.from_iterable(map(get, fp.shingles, repeat((), len(fp.shingles)))))
    # the most shared first, the earliest among equals: (-count, index) pairs compare in C
    ranked = heapq.nsmallest(limit, zip(map(neg, counts.values()), counts.keys(), strict=True))
    return [i for _, i in ranked]


def find_repeats(prints: list[Fingerprint], params: Mapping[str, Any]) -> Iterator[tuple[int, int, float]]:
    """``(later, earlier, similarity)`` for each fingerprint that repeats an
    earlier one, by index into ``prints``; the earlier one is the most similar.

    Exact repeats are found by hash; near repeats by comparing every earlier
    paragraph in an ordinary article, and in a very long file only the
    earlier paragraphs that share the most word shingles with it, so that
    the cost grows with the file's length, not its square.
    """
    min_similarity = float(params["min_similarity"])
    min_containment = float(params["min_containment"])
    min_words = int(params["min_contained_words"])
    limit = int(params["max_candidates"])
    shared_run = int(params["shared_run"])
    min_shared = float(params["min_shared_similarity"])
    all_pairs = len(prints) <= ALL_PAIRS_LIMIT
    first_by_digest: dict[int, int] = {}
    index: dict[int, list[int]] = {}
    # each paragraph's words in sorted order, made once rather than for every pair
    sorted_cache: dict[int, str] = {}

    def sorted_words(i: int) -> str:
        found = sorted_cache.get(i)
        if found is None:
            found = sorted_cache[i] = " ".join(sorted(prints[i].text.split()))
        return found

    for j, fp in enumerate(prints):
        digest = fp.digest
        if digest in first_by_digest:
            yield j, first_by_digest[digest], 1.0
            continue
        first_by_digest[digest] = j
        candidates: Iterable[int] = range(j) if all_pairs else _candidates(index, fp, limit)
        best, best_score = -1, 0.0
        mine = sorted_words(j)
        for i in candidates:
            score = similarity(
                prints[i],
                fp,
                min_similarity,
                min_containment,
                min_words,
                (sorted_words(i), mine),
                shared_run,
                min_shared,
            )
            if score > best_score or (score == best_score and score and i < best):
                best, best_score = i, score
        if best >= 0:
            yield j, best, best_score
        if not all_pairs:
            for shingle in fp.shingles:
                posting = index.setdefault(shingle, [])
                if len(posting) <= MAX_POSTINGS:
                    posting.append(j)

"""Paragraph fingerprints: normalised text, word shingles and MinHash signatures.

The ``fingerprints`` layer gives, for every paragraph of copy, its
normalised text (case, quote marks, dashes and spacing folded), its words and
the stable hashes of its word shingles.  The helpers below work on plain
strings too, so that a batch run over an archive computes the same
fingerprints for millions of articles without building documents.

Shingle hashes are stable across processes and machines (a keyed BLAKE2
digest, not Python's salted ``hash``), so signatures made in worker processes
can be compared in the parent.  MinHash signatures use ``datasketch``, which
is imported only when a signature is asked for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.document import Document

try:
    # BLAKE2 itself, without hashlib, whose import also loads OpenSSL (a few
    # milliseconds of every single-file check) for the digests it offers
    from _blake2 import blake2b
except ImportError:  # an interpreter without the built-in module
    from hashlib import blake2b

if TYPE_CHECKING:
    from checker.analysis import Facts

#: Blocks whose copy is fingerprinted.  Headlines and headings are labels that
#: restate the copy by design, and captions often repeat a line of the story.
FINGERPRINTED_BLOCKS = frozenset({"paragraph", "quote", "list_item"})

SHINGLE_SIZE = 3
NUM_PERM = 64
SEED = 1

_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‛": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "\u00a0": " ",
    }
)
_WORD = re.compile(r"\w+(?:'\w+)*")


def normalise(text: str) -> str:
    """Text folded for comparison: NFKC, lower case, plain quotes and dashes,
    single spaces.  Punctuation is kept, so ``words`` can still split it."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD).lower()
    return " ".join(folded.split())


def words(normalised: str) -> list[str]:
    """The words of a normalised text, punctuation dropped."""
    return _WORD.findall(normalised)


# an empty 4-byte BLAKE2 state: a copy of it is filled for each value, which is
# less than half the cost of setting up a new one (every shingle is hashed)
_EMPTY_DIGEST = blake2b(digest_size=4)


def stable_hash(value: str) -> int:
    """A 32-bit hash of ``value`` that is the same in every process."""
    digest = _EMPTY_DIGEST.copy()
    digest.update(value.encode("utf-8"))
    return int.from_bytes(digest.digest(), "little")


def shingles(tokens: Sequence[str], size: int = SHINGLE_SIZE) -> set[int]:
    """Stable hashes of the ``size``-word shingles of ``tokens``; a text shorter
    than ``size`` words is one shingle."""
    if not tokens:
        return set()
    if len(tokens) <= size:
        return {stable_hash(" ".join(tokens))}
    # hashing costs more than joining: a shingle that recurs is hashed once
    return set(map(stable_hash, set(map(" ".join, _windows(tokens, size)))))


def _windows(tokens: Sequence[str], size: int) -> Iterator[tuple[str, ...]]:
    """Every run of ``size`` consecutive tokens (zipped, which is cheaper than slicing)."""
    return zip(*(tokens[k:] for k in range(size)), strict=False)  # the shorter tails end it


def _identity(value: Any) -> Any:
    # shingles are already 32-bit hashes; datasketch must not hash them again
    return value


def minhash_signatures(shingle_sets: Iterable[Iterable[int]], num_perm: int = NUM_PERM, seed: int = SEED) -> list[Any]:
    """A compact, picklable MinHash (``datasketch.LeanMinHash``) of each set of
    shingle hashes.  Signatures made with the same ``num_perm`` and ``seed``
    are comparable wherever they were made."""
    from datasketch import LeanMinHash, MinHash

    sets = [list(s) for s in shingle_sets]
    if not sets:
        return []
    out = []
    for mh, values in zip(
        MinHash.bulk([[] for _ in sets], num_perm=num_perm, seed=seed, hashfunc=_identity), sets, strict=True
    ):
        if values:
            mh.update_batch(values)
        out.append(LeanMinHash(mh))
    return out


def jaccard(a: set[int], b: set[int]) -> float:
    """Exact Jaccard similarity of two shingle sets."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """One paragraph of copy, ready for comparison."""

    block: int  # index into Document.blocks
    start: int  # the paragraph's span in Document.text, white space trimmed
    end: int
    text: str  # normalised
    words: tuple[str, ...]  # lower case
    cased: tuple[str, ...] = ()  # the same words as written (names and numbers stand out)
    # the hashed word shingles, made the first time they are asked for: only a very long file's index and
    # the comparisons across files need them, and hashing them is most of a fingerprint's cost
    _shingles: frozenset[int] | None = field(default=None, repr=False, compare=False)

    @property
    def shingles(self) -> frozenset[int]:
        """The stable hashes of the paragraph's word shingles (see :func:`shingles`)."""
        found = self._shingles
        if found is None:
            toks = self.words
            if len(toks) <= SHINGLE_SIZE:
                # shingles(toks), without the set copied into a frozen one
                found = frozenset((stable_hash(" ".join(toks)),)) if toks else frozenset()
            else:
                found = frozenset(map(stable_hash, set(map(" ".join, _windows(toks, SHINGLE_SIZE)))))
            object.__setattr__(self, "_shingles", found)
        return found

    @property
    def digest(self) -> int:
        """A stable hash of the normalised words: equal for exact repeats."""
        return stable_hash(" ".join(self.words))


def fingerprint_text(text: str, block: int = 0, start: int = 0, pool: dict[str, str] | None = None) -> Fingerprint:
    """The fingerprint of one paragraph's text (``start`` is its offset).

    ``pool`` holds one copy of each word seen so far: the fingerprints of a
    long document then share their words instead of each keeping its own."""
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    # normalise(body), with the folding done once for both uses
    if body.isascii():
        # NFKC leaves ASCII as it is, and the backtick is the one ASCII character folded
        folded = body.replace("`", "'") if "`" in body else body
    else:
        folded = unicodedata.normalize("NFKC", body).translate(_FOLD)
    norm = " ".join(folded.lower().split())
    found = _WORD.findall(folded)
    lowered = [w.lower() for w in found]
    if pool is None:
        cased, toks = tuple(found), tuple(lowered)
    else:
        cased, toks = tuple(map(pool.setdefault, found, found)), tuple(map(pool.setdefault, lowered, lowered))
    # Fingerprint(block, start + lead, start + lead + len(body), norm, toks, cased), made
    # without the frozen class's __init__ (see _SET_FINGERPRINT)
    fp = object.__new__(Fingerprint)
    set_block, set_start, set_end, set_text, set_words, set_cased, set_shingles = _SET_FINGERPRINT
    set_block(fp, block)
    set_start(fp, start + lead)
    set_end(fp, start + lead + len(body))
    set_text(fp, norm)
    set_words(fp, toks)
    set_cased(fp, cased)
    set_shingles(fp, None)
    return fp


# A frozen data class's __init__ sets each field through object.__setattr__; a
# long document has a fingerprint for each of its paragraphs, so they are made
# by setting the slots directly: the same objects at half the cost
_SET_FINGERPRINT = tuple(
    getattr(Fingerprint, name).__set__ for name in ("block", "start", "end", "text", "words", "cased", "_shingles")
)


def fingerprints(doc: Document, facts: Facts | None) -> list[Fingerprint]:
    """A fingerprint of every paragraph, block quote and list item, in order.

    It reads no other layer, so code outside a check run (the batch mode)
    may call it with ``facts=None``."""
    out = []
    pool: dict[str, str] = {}
    for index, block in enumerate(doc.blocks):
        if block.kind not in FINGERPRINTED_BLOCKS:
            continue
        text = doc.text[block.start : block.end]
        if not text.strip():
            continue
        out.append(fingerprint_text(text, index, block.start, pool))
    return out

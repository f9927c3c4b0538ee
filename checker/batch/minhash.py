"""Article signatures for near-duplicate search, and the LSH band keys built from them.

Shingling and MinHash come from :mod:`checker.analysis.fingerprints`, the
same helpers the ``duplicate-across-files`` rule uses in ``newslint check``:
an article's shingle set is the union of the word 3-shingles of its
paragraphs of copy (headlines are left out: a rewrite changes them first).

A signature of ``BANDS * ROWS`` values is cut into bands; two articles whose
values are equal in any one band become a candidate pair (the banding of
Leskovec, Rajaraman and Ullman, *Mining of Massive Datasets*, ch. 3).  With
32 bands of 4 rows, a pair with Jaccard similarity 0.5 becomes a candidate
with probability 0.87, one at 0.3 with 0.23, and one at 0.1 with 0.003;
candidates are then verified on the texts.

Every function here is pure, so any worker on any machine computes the same
keys for the same article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from checker.analysis.fingerprints import Fingerprint, fingerprints, minhash_signatures
from checker.document import Document

BANDS = 32
ROWS = 4
NUM_PERM = BANDS * ROWS
SEED = 1


def article_prints(doc: Document) -> list[Fingerprint]:
    """The fingerprints of the article's paragraphs of copy, in order."""
    return fingerprints(doc, None)  # type: ignore[arg-type] # the layer reads no other fact


def article_shingles(prints: Sequence[Fingerprint]) -> set[int]:
    out: set[int] = set()
    for fp in prints:
        out |= fp.shingles
    return out


def signatures(shingle_sets: Sequence[set[int]]) -> list[Any]:
    """One signature (a numpy array of ``NUM_PERM`` values) per shingle set;
    making them together shares the cost of the permutations."""
    return [m.hashvalues for m in minhash_signatures(shingle_sets, num_perm=NUM_PERM, seed=SEED)]


def band_keys(sig: Any) -> list[int]:
    """One signed 64-bit key per band.  The band's index salts the hash, so
    equal values in different bands never meet."""
    raw = sig.astype("<u8").tobytes()
    width = ROWS * 8
    return [
        int.from_bytes(
            hashlib.blake2b(raw[b * width : (b + 1) * width], digest_size=8, salt=b.to_bytes(2, "little")).digest(),
            "little",
            signed=True,
        )
        for b in range(BANDS)
    ]

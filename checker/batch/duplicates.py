"""Near-duplicate articles across a whole batch, without comparing all pairs.

1. Every checked article left an LSH row: its 32 band keys (see
   :mod:`checker.batch.minhash`).
2. The rows are read in chunks and each chunk becomes two NumPy arrays,
   ``(band key, row number)``, split by key into one piece per partition.
   Partition *p* gathers its piece of every chunk (a task-based shuffle: each
   bucket meets on one worker whatever the corpus size, and only two 8-byte
   integers per band travel).
3. A bucket with two or more articles yields pairs: every pair of a small
   bucket; a star and a chain through a large one, so a story syndicated ten
   thousand times costs ten thousand pairs, not fifty million.  A pair is
   one integer, ``(i << 32) | j``.
4. The pairs are shuffled again, by pair, and a pair that met in at least two
   bands is a candidate: counting is a sort of an integer array, not a
   Python dictionary.
5. Each distinct candidate pair is verified on the texts themselves, read
   again by a worker: the normalised copy must be at least ``min_ratio``
   similar by ``rapidfuzz``'s normalised Indel similarity.
6. Verified pairs are joined into clusters (union-find) by the caller.

Each article contributes a fixed number of integers to the first shuffle,
and the work of every step is a sort or a scan of NumPy arrays, so the cost
grows with the number of articles and of the pairs that meet in a bucket;
the text is read again only for candidates.  An earlier version moved the
same rows as Python tuples through ``dask.bag``'s groupby, which hashes
every element with ``dask.tokenize`` and kept millions of small objects
alive on the workers: ten times the articles cost sixteen times the CPU.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import getitem
from typing import Any

import numpy as np

from checker.config import Config

MAX_BUCKET = 32  # above this, a bucket yields a star and a chain instead of every pair
# A pair must meet in two bands, not one.  Pairs at Jaccard 0.7 still pass 99.8 % of the time (0.6: 93 %,
# 0.5: 60 %), while unrelated articles that share stock phrases (Jaccard 0.1) meet twice 600 times less
# often than once (5e-6 against 3e-3), so text verification stays proportional to the real duplicates.
MIN_SHARED_BANDS = 2
LINES_PER_CHUNK = 20_000
MAX_VERIFY_TASK = 500  # candidate pairs verified by one task
# A shuffle of c chunks into p partitions is c * p small tasks; past this many partitions the scheduler's
# time per task would cost more than the spread of a step that takes seconds at 100,000 articles
MAX_SHUFFLE_PARTITIONS = 64
ROW_BITS = 32  # a pair of row numbers is packed into one int64: up to two billion articles a run
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing spreads packed pairs evenly over partitions

Ref = tuple[str, "str | None", int]


@dataclass(frozen=True, slots=True)
class Extent:
    """Where an article's copy starts: its first paragraph, in the user's file."""

    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str


@dataclass(frozen=True, slots=True)
class Pair:
    """A verified near-duplicate pair, ``earlier < later`` by path."""

    earlier: str
    later: str
    jaccard: float  # share of word 3-shingles in common
    ratio: float  # rapidfuzz normalised similarity of the copy


@dataclass(slots=True)
class Duplicates:
    pairs: list[Pair] = field(default_factory=list)
    extents: dict[str, Extent] = field(default_factory=dict)
    candidates: int = 0
    articles: int = 0
    seconds: float = 0.0

    def clusters(self) -> list[list[str]]:
        """Groups of articles joined by verified pairs, largest first."""
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for p in self.pairs:
            ra, rb = find(p.earlier), find(p.later)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        groups: dict[str, list[str]] = {}
        for x in list(parent):
            groups.setdefault(find(x), []).append(x)
        return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))


def _chunks(path: str, size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            chunk.append(line)
            if len(chunk) >= size:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def _split_bands(item: tuple[int, list[str]], parts: int) -> list[tuple[Any, Any]]:
    """A chunk of LSH rows as ``(band keys, row numbers)`` arrays, one pair of
    arrays per partition of the shuffle."""
    from checker.batch.minhash import BANDS

    base, lines = item
    raw: list[bytes] = []
    numbers: list[int] = []
    for i, line in enumerate(lines):
        try:
            packed = base64.b64decode(json.loads(line)["bands"])
        except (ValueError, KeyError, TypeError):
            continue  # a row cut short by an interrupted run
        if len(packed) == 8 * BANDS:
            raw.append(packed)
            numbers.append(base + i)
    keys = np.frombuffer(b"".join(raw), dtype="<i8").astype(np.int64)
    rows = np.repeat(np.asarray(numbers, dtype=np.int64), BANDS)
    # band keys are hash values already: their low bits choose the partition
    return _split(keys, rows, keys.view(np.uint64) % np.uint64(parts), parts)


def _split(keys: Any, rows: Any, target: Any, parts: int) -> list[tuple[Any, Any]]:
    target = target.astype(np.int64)
    order = np.argsort(target, kind="stable")
    bounds = np.searchsorted(target[order], np.arange(parts + 1))
    keys, rows = keys[order], rows[order]
    return [(keys[bounds[p] : bounds[p + 1]], rows[bounds[p] : bounds[p + 1]]) for p in range(parts)]


def bucket_pairs(keys: Any, rows: Any) -> Any:
    """The pairs of rows that share a band key, each packed as ``(i << 32) | j``
    with ``i < j``: every pair of a bucket of at most ``MAX_BUCKET`` rows, and
    for a larger one a star from its first row and a chain through the rest."""
    order = np.lexsort((rows, keys))
    keys, rows = keys[order], rows[order]
    if len(keys) > 1:
        fresh = np.ones(len(keys), dtype=bool)
        fresh[1:] = (keys[1:] != keys[:-1]) | (rows[1:] != rows[:-1])
        keys, rows = keys[fresh], rows[fresh]
    if len(keys) < 2:
        return np.empty(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    firsts: list[Any] = []
    seconds: list[Any] = []
    for size in range(2, MAX_BUCKET + 1):
        at = starts[sizes == size]
        if len(at):
            left, right = np.triu_indices(size, 1)
            firsts.append(rows[at[:, None] + left].ravel())
            seconds.append(rows[at[:, None] + right].ravel())
    for start, size in zip(starts[sizes > MAX_BUCKET].tolist(), sizes[sizes > MAX_BUCKET].tolist(), strict=True):
        members = rows[start : start + size]
        firsts.extend((np.full(size - 1, members[0]), members[1:-1]))
        seconds.extend((members[1:], members[2:]))
    if not firsts:
        return np.empty(0, dtype=np.int64)
    return (np.concatenate(firsts) << ROW_BITS) | np.concatenate(seconds)


def _pairs_by_bucket(pieces: Sequence[tuple[Any, Any]], parts: int) -> list[Any]:
    """One partition's buckets turned into packed pairs, split by pair for the count."""
    keys = np.concatenate([k for k, _ in pieces]) if pieces else np.empty(0, dtype=np.int64)
    rows = np.concatenate([r for _, r in pieces]) if pieces else np.empty(0, dtype=np.int64)
    pairs = bucket_pairs(keys, rows)
    target = (pairs.view(np.uint64) * _MIX) % np.uint64(parts)
    return [k for k, _ in _split(pairs, pairs, target, parts)]


def shared_pairs(pieces: Sequence[Any]) -> Any:
    """The packed pairs that occur at least ``MIN_SHARED_BANDS`` times."""
    if not pieces:
        return np.empty(0, dtype=np.int64)
    pairs, counts = np.unique(np.concatenate(pieces), return_counts=True)
    return pairs[counts >= MIN_SHARED_BANDS]


def _candidates(client: Any, split: list[Any], parts: int) -> Any:
    """The candidate pairs of the split chunks, as one packed array."""
    # a piece is taken where its chunk was split; only that piece travels to its partition
    pieces = [[client.submit(getitem, s, p) for s in split] for p in range(parts)]
    split.clear()  # the cluster drops each chunk's arrays as soon as its pieces are taken
    paired = [client.submit(_pairs_by_bucket, column, parts) for column in pieces]
    pieces.clear()
    counted = [client.submit(shared_pairs, [client.submit(getitem, b, q) for b in paired]) for q in range(parts)]
    paired.clear()
    found = client.gather(counted)
    return np.concatenate(found) if found else np.empty(0, dtype=np.int64)


def _rows(path: str, wanted: set[int]) -> dict[int, tuple[str, Ref]]:
    """The path and reference of the wanted row numbers, read again from the file."""
    out: dict[int, tuple[str, Ref]] = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            if number in wanted:
                try:
                    row = json.loads(line)
                except ValueError:
                    continue
                out[number] = (row["path"], (row["ref"][0], row["ref"][1], int(row["ref"][2])))
    return out


def _verify(pairs: Iterable[tuple[str, Ref, str, Ref]], config: Config, min_ratio: float) -> list[tuple[Any, ...]]:
    from rapidfuzz import fuzz

    from checker.analysis.fingerprints import jaccard
    from checker.batch.minhash import article_prints, article_shingles
    from checker.batch.work import read_article

    # only what the comparison and the report need is kept, not the whole documents, so a task of many
    # pairs stays small in memory
    seen: dict[str, tuple[Extent, str, set[int]] | None] = {}
    reported: set[str] = set()

    def load(label: str, ref: Ref) -> tuple[Extent, str, set[int]] | None:
        if label not in seen:
            doc = read_article(ref, config)
            if doc is None:
                seen[label] = None
            else:
                prints = article_prints(doc)
                text = " ".join(fp.text for fp in prints)
                seen[label] = (_extent(doc, prints), text, article_shingles(prints)) if text else None
        return seen[label]

    out: list[tuple[Any, ...]] = []
    for a, ref_a, b, ref_b in pairs:
        left, right = load(a, ref_a), load(b, ref_b)
        if left is None or right is None:
            continue
        ratio = fuzz.ratio(left[1], right[1], score_cutoff=100 * min_ratio) / 100
        if ratio < min_ratio:
            continue
        out.append(("pair", Pair(a, b, round(jaccard(left[2], right[2]), 3), round(ratio, 3))))
        for label, item in ((a, left), (b, right)):
            if label not in reported:
                reported.add(label)
                out.append(("extent", label, item[0]))
    return out


def _extent(doc: Any, prints: list[Any]) -> Extent:
    from checker.findings import EXCERPT_LIMIT

    if not prints:
        return Extent(1, 1, 1, 1, "")
    first = prints[0]
    smap = doc.source_map
    line, column = smap.position(first.start)
    end_line, end_column = smap.end_position(first.end)
    excerpt = " ".join(doc.text[first.start : first.end].split())
    if len(excerpt) > EXCERPT_LIMIT:
        excerpt = excerpt[: EXCERPT_LIMIT - 1] + "…"
    return Extent(line, column, end_line, end_column, excerpt)


def candidate_pairs(client: Any, lsh_path: str, partitions: int) -> tuple[int, list[tuple[int, int]]]:
    """How many rows ``lsh_path`` holds, and the pairs of row numbers that met in
    at least ``MIN_SHARED_BANDS`` bands, ``i < j``, in no particular order."""
    parts = max(1, min(partitions, MAX_SHUFFLE_PARTITIONS))
    rows = 0
    split = []
    for chunk in _chunks(lsh_path, LINES_PER_CHUNK):
        # one chunk at a time, so the driver never holds the whole file; the
        # cluster keeps the chunk's text only until its task has split it
        (lines,) = client.scatter([(rows, chunk)])
        split.append(client.submit(_split_bands, lines, parts))
        rows += len(chunk)
    if rows < 2:
        return rows, []
    packed = _candidates(client, split, parts)
    mask = np.int64((1 << ROW_BITS) - 1)
    return rows, list(zip((packed >> ROW_BITS).tolist(), (packed & mask).tolist(), strict=True))


def find_duplicates(client: Any, lsh_path: str, config: Config, *, min_ratio: float, partitions: int) -> Duplicates:
    """Verified near-duplicate pairs among the articles of ``lsh_path``'s rows.

    The rows are read here and scattered to the workers, so the cluster
    needs no access to the driver's disk for this step.
    """
    started = time.perf_counter()
    found = Duplicates()
    found.articles, candidates = candidate_pairs(client, lsh_path, partitions)
    found.candidates = len(candidates)
    rows = _rows(lsh_path, {row for pair in candidates for row in pair})
    pairs = []
    for i, j in candidates:
        if i in rows and j in rows and rows[i][0] != rows[j][0]:
            (a, ref_a), (b, ref_b) = sorted((rows[i], rows[j]))
            pairs.append((a, ref_a, b, ref_b))
    pairs = sorted(set(pairs))  # the same two articles may hold two rows each after a resumed run
    # pairs of one article land in one task, so it is read once per task; tasks of a bounded size spread
    # the work evenly over a large cluster and bound each worker's memory
    size = max(1, min(MAX_VERIFY_TASK, len(pairs) // max(1, partitions) + 1))
    futures = client.map(
        _verify, [pairs[k : k + size] for k in range(0, len(pairs), size)], config=config, min_ratio=min_ratio
    )
    for batch in client.gather(futures):
        for item in batch:
            if item[0] == "pair":
                found.pairs.append(item[1])
            else:
                found.extents[item[1]] = item[2]
    found.pairs.sort(key=lambda p: (p.later, p.earlier))
    found.seconds = time.perf_counter() - started
    return found

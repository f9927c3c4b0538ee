"""Near-duplicate articles across a whole batch, without comparing all pairs.

1. Every checked article left an LSH row: its 32 band keys (see
   :mod:`checker.batch.minhash`).
2. The rows are exploded to ``(band key, article)`` and grouped by key with a
   Dask shuffle, so each bucket meets on one worker whatever the corpus size.
3. A bucket with two or more articles yields pairs (all pairs of a small
   bucket; a star and a chain through a large one, so a story syndicated ten
   thousand times costs ten thousand pairs, not fifty million); a pair that
   meets in at least two bands is a candidate.
4. Each distinct candidate pair is verified on the texts themselves, read
   again by a worker: the normalised copy must be at least ``min_ratio``
   similar by ``rapidfuzz``'s normalised Indel similarity.
5. Verified pairs are joined into clusters (union-find) by the caller.

The work is linear in the number of articles: each article contributes a
fixed number of rows to the shuffle, and only candidate pairs are compared.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations, pairwise
from operator import itemgetter
from typing import Any

from checker.config import Config

MAX_BUCKET = 32  # above this, a bucket yields a star and a chain instead of every pair
# A pair must meet in two bands, not one.  Pairs at Jaccard 0.7 still pass 99.8 % of the time (0.6: 93 %,
# 0.5: 60 %), while unrelated articles that share stock phrases (Jaccard 0.1) meet twice 600 times less
# often than once (5e-6 against 3e-3), so text verification stays proportional to the real duplicates.
MIN_SHARED_BANDS = 2
LINES_PER_CHUNK = 20_000

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


def _explode(part: Iterable[tuple[int, list[str]]]) -> list[tuple[int, int]]:
    """``(band key, row number)`` for every band of every row; the shuffle
    moves two integers per band, whatever the paths look like."""
    from checker.batch.work import unpack_bands

    out: list[tuple[int, int]] = []
    for base, lines in part:
        for i, line in enumerate(lines):
            try:
                packed = json.loads(line)["bands"]
            except (ValueError, KeyError, TypeError):
                continue  # a row cut short by an interrupted run
            out.extend((key, base + i) for key in unpack_bands(packed))
    return out


def _candidates(groups: Iterable[tuple[int, list[tuple[int, int]]]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for _key, members in groups:
        rows = sorted({row for _, row in members})
        if len(rows) < 2:
            continue
        if len(rows) <= MAX_BUCKET:
            out.extend(combinations(rows, 2))
        else:
            out.extend((rows[0], other) for other in rows[1:])
            out.extend(pairwise(rows[1:]))
    return out


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

    seen: dict[str, Any] = {}
    extents: dict[str, Extent] = {}

    def load(label: str, ref: Ref) -> Any:
        if label not in seen:
            doc = read_article(ref, config)
            if doc is None:
                seen[label] = None
            else:
                prints = article_prints(doc)
                text = " ".join(fp.text for fp in prints)
                seen[label] = (doc, prints, text, article_shingles(prints))
        return seen[label]

    out: list[tuple[Any, ...]] = []
    for a, ref_a, b, ref_b in pairs:
        left, right = load(a, ref_a), load(b, ref_b)
        if left is None or right is None or not left[2] or not right[2]:
            continue
        ratio = fuzz.ratio(left[2], right[2], score_cutoff=100 * min_ratio) / 100
        if ratio < min_ratio:
            continue
        out.append(("pair", Pair(a, b, round(jaccard(left[3], right[3]), 3), round(ratio, 3))))
        for label, item in ((a, left), (b, right)):
            if label not in extents:
                extents[label] = _extent(item[0], item[1])
                out.append(("extent", label, extents[label]))
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


def find_duplicates(client: Any, lsh_path: str, config: Config, *, min_ratio: float, partitions: int) -> Duplicates:
    """Verified near-duplicate pairs among the articles of ``lsh_path``'s rows.

    The rows are read here and scattered to the workers, so the cluster
    needs no access to the driver's disk for this step.
    """
    import dask
    import dask.bag as db

    started = time.perf_counter()
    found = Duplicates()
    parts = []
    for chunk in _chunks(lsh_path, LINES_PER_CHUNK):
        parts.append(dask.delayed(client.scatter([(found.articles, chunk)])))
        found.articles += len(chunk)
    if found.articles < 2:
        found.seconds = time.perf_counter() - started
        return found
    keyed = db.from_delayed(parts).map_partitions(_explode)
    groups = keyed.groupby(itemgetter(0), shuffle="tasks", npartitions=max(1, partitions))
    shared = groups.map_partitions(_candidates).frequencies()
    candidates = [pair for pair, bands in client.compute(shared).result() if bands >= MIN_SHARED_BANDS]
    found.candidates = len(candidates)
    rows = _rows(lsh_path, {row for pair in candidates for row in pair})
    pairs = []
    for i, j in candidates:
        if i in rows and j in rows and rows[i][0] != rows[j][0]:
            (a, ref_a), (b, ref_b) = sorted((rows[i], rows[j]))
            pairs.append((a, ref_a, b, ref_b))
    pairs = sorted(set(pairs))  # the same two articles may hold two rows each after a resumed run
    # pairs of one article land in one task, so it is read once per task
    size = max(1, len(pairs) // max(1, partitions) + 1)
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

"""A paragraph, or a whole article, that repeats one in another file of the run.

What it flags
-------------
When several articles are checked together, a paragraph that repeats one in
another file, word for word or lightly edited, and an article most of whose
paragraphs repeat another article (a story filed twice, a rewrite saved
next to the original).  The copy in the file that comes later in the run is
flagged; the earlier file and line are given as the related location.  The
similarity is the share of three-word runs the two paragraphs have in common
(Jaccard similarity of their word 3-shingles, estimated with MinHash).

Why it matters
--------------
A duplicated story, or a paragraph pasted from another article, is a
syndication and search problem at best and a plagiarism or corrections
problem at worst.  Within a content repository it usually means a story
was filed twice.

Example
-------
    $ newslint check drafts/ --select duplicate-across-files
    drafts/flood-update.txt:5:1: warning: This paragraph repeats
    drafts/flood.txt line 7 (overlap 0.82) ...

Fix
---
Keep one copy; if both articles must stand, rewrite the repeated paragraph
or link to the other article.

The rule is off by default, since it only makes sense over a folder:
``newslint check DIR --select duplicate-across-files``, or
``extend-select = ["duplicate-across-files"]`` in the configuration.  It
scales to large runs: every paragraph is reduced in its worker process to a
MinHash signature, and the signatures are matched with locality-sensitive
hashing, so the cost grows with the number of paragraphs, not its square.
Short lines, sign-offs and credits are skipped as in ``duplicate-paragraph``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any, ClassVar

from checker.analysis import Facts
from checker.analysis.fingerprints import minhash_signatures
from checker.checks.base import Check, Param
from checker.checks.duplicate_paragraph import eligible, exempt_pattern
from checker.document import Document
from checker.findings import EXCERPT_LIMIT, Diagnostic, ReportedRelated

NUM_PERM = 128


@dataclass(frozen=True, slots=True)
class ParagraphSummary:
    """What the parent process needs of one paragraph: its place and its signature."""

    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    digest: int
    signature: Any  # datasketch.LeanMinHash


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the parent process needs of one article: its paragraphs' summaries."""

    label: str  # "line" or "paragraph" (a .docx file)
    paragraphs: tuple[ParagraphSummary, ...]


@dataclass(slots=True)
class _Match:
    """A paragraph that repeats one of an earlier file (or an earlier one of its own file)."""

    later: tuple[int, int]  # (file index, paragraph index)
    earlier: tuple[int, int]
    similarity: float


class DuplicateAcrossFiles(Check):
    requires = ("fingerprints",)
    scope = "corpus"
    params: ClassVar[dict[str, Param]] = {
        "min_words": Param(int, 8, "paragraphs with fewer words are never compared (labels, bylines)"),
        "min_similarity": Param(float, 0.5, "share of three-word runs (0-1) two paragraphs must have in common"),
        "article_share": Param(
            float, 0.8, "share of an article's paragraphs that must repeat one other article to report the article"
        ),
        "exempt": Param(list, [], "word-list files of labels that open legitimately repeated lines"),
        "max_related": Param(int, 3, "the most other copies listed with one finding"),
    }

    def setup(self) -> None:
        self.exempt_re: re.Pattern[str] | None = exempt_pattern(self.spec)

    def summarize(self, doc: Document, facts: Facts) -> ArticleSummary:
        min_words = self.spec.params["min_words"]
        prints = [fp for fp in facts.get("fingerprints") if eligible(fp, min_words, self.exempt_re)]
        signatures = minhash_signatures((fp.shingles for fp in prints), num_perm=NUM_PERM)
        smap = doc.source_map
        out = []
        for fp, signature in zip(prints, signatures, strict=True):
            line, column = smap.position(fp.start)
            end_line, end_column = smap.end_position(fp.end)
            excerpt = " ".join(doc.text[fp.start : fp.end].split())
            if len(excerpt) > EXCERPT_LIMIT:
                excerpt = excerpt[: EXCERPT_LIMIT - 1] + "…"
            out.append(ParagraphSummary(line, column, end_line, end_column, excerpt, fp.digest, signature))
        return ArticleSummary(doc.line_label, tuple(out))

    def finish(self, summaries: Mapping[str, Any]) -> Mapping[str, list[Diagnostic]]:
        paths = [p for p, s in summaries.items() if isinstance(s, ArticleSummary) and s.paragraphs]
        articles: list[ArticleSummary] = [summaries[p] for p in paths]
        matches = find_cross_file_matches(articles, self.spec.params["min_similarity"])
        return self._diagnostics(paths, articles, matches)

    def _diagnostics(
        self, paths: list[str], articles: list[ArticleSummary], matches: list[_Match]
    ) -> dict[str, list[Diagnostic]]:
        by_later: dict[tuple[int, int], list[_Match]] = defaultdict(list)
        for m in matches:
            by_later[m.later].append(m)
        out: dict[str, list[Diagnostic]] = defaultdict(list)
        share = self.spec.params["article_share"]
        for f, article in enumerate(articles):
            n = len(article.paragraphs)
            # which earlier file does most of this article repeat?
            per_file: dict[int, list[_Match]] = defaultdict(list)
            for k in range(n):
                for m in by_later.get((f, k), ()):
                    per_file[m.earlier[0]].append(m)
            covered: set[int] = set()
            if per_file and n >= 2:
                # the earlier article that this one repeats most of
                other, ms = min(per_file.items(), key=lambda kv: (-len({m.later for m in kv[1]}), kv[0]))
                if len({m.later for m in ms}) >= share * n:
                    covered = {m.later[1] for m in ms}
                    out[paths[f]].append(self._article_diagnostic(paths, articles, f, other, len(covered), ms))
            for k in range(n):
                if k in covered:
                    continue
                ms = sorted(by_later.get((f, k), ()), key=lambda m: (-m.similarity, m.earlier))
                if ms:
                    out[paths[f]].append(self._paragraph_diagnostic(paths, articles, ms))
        return dict(out)

    def _where(self, paths: list[str], articles: list[ArticleSummary], ref: tuple[int, int]) -> str:
        p = articles[ref[0]].paragraphs[ref[1]]
        return f"{paths[ref[0]]} {articles[ref[0]].label} {p.line}"

    def _related(
        self, paths: list[str], articles: list[ArticleSummary], ms: list[_Match]
    ) -> tuple[ReportedRelated, ...]:
        out: list[ReportedRelated] = []
        seen: set[int] = set()
        # the best copy in each other file (``ms`` is best first)
        for m in ms:
            if m.earlier[0] in seen:
                continue
            seen.add(m.earlier[0])
            if len(out) >= self.spec.params["max_related"]:
                break
            p = articles[m.earlier[0]].paragraphs[m.earlier[1]]
            out.append(ReportedRelated(p.line, p.column, f"the copy in {paths[m.earlier[0]]}", paths[m.earlier[0]]))
        return tuple(out)

    def _paragraph_diagnostic(self, paths: list[str], articles: list[ArticleSummary], ms: list[_Match]) -> Diagnostic:
        best = ms[0]
        p = articles[best.later[0]].paragraphs[best.later[1]]
        where = self._where(paths, articles, best.earlier)
        others = len({m.earlier[0] for m in ms}) - 1
        if others:
            where += f" (and {others} other file{'s' if others > 1 else ''})"
        message = self.format_message(what="This paragraph", where=where, similarity=f"{best.similarity:.2f}")
        return self._diagnostic(p, message, self._related(paths, articles, ms))

    def _article_diagnostic(
        self, paths: list[str], articles: list[ArticleSummary], f: int, other: int, repeated: int, ms: list[_Match]
    ) -> Diagnostic:
        first = articles[f].paragraphs[0]
        n = len(articles[f].paragraphs)
        ms = sorted(ms, key=lambda m: m.later)
        mean = sum(max(m.similarity for m in ms if m.later == key) for key in {m.later for m in ms}) / repeated
        what = f"This article ({repeated} of its {n} paragraphs)"
        message = self.format_message(what=what, where=paths[other], similarity=f"{mean:.2f}")
        related = ReportedRelated(
            articles[other].paragraphs[0].line, articles[other].paragraphs[0].column, "the other article", paths[other]
        )
        return self._diagnostic(first, message, (related,))

    def _diagnostic(self, p: ParagraphSummary, message: str, related: tuple[ReportedRelated, ...]) -> Diagnostic:
        return Diagnostic(
            rule=self.id,
            severity=self.severity,
            line=p.line,
            column=p.column,
            end_line=p.end_line,
            end_column=p.end_column,
            message=message,
            excerpt=p.excerpt,
            related=related,
        )


def find_cross_file_matches(articles: list[ArticleSummary], threshold: float, limit: int = 8) -> list[_Match]:
    """Pairs of paragraphs in different articles whose estimated Jaccard
    similarity is at least ``threshold``, each oriented from the later
    article to the earlier one.

    Exact repeats are grouped by digest; near repeats are found with MinHash
    LSH, which returns, for each paragraph, only the paragraphs that share a
    band of their signatures, so no pair of unrelated paragraphs is ever
    compared.  Each paragraph is matched with at most ``limit`` earlier
    copies (the earliest), so a paragraph repeated in thousands of files
    costs thousands of matches, not millions.
    """
    from datasketch import MinHashLSH

    keys = [(f, k) for f, a in enumerate(articles) for k in range(len(a.paragraphs))]
    matches: dict[tuple[tuple[int, int], tuple[int, int]], float] = {}
    by_digest: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for key in keys:
        by_digest[articles[key[0]].paragraphs[key[1]].digest].append(key)
    for group in by_digest.values():
        files = {f for f, _ in group}
        if len(files) < 2:
            continue
        for i, later in enumerate(group):
            for earlier in islice((e for e in group[:i] if e[0] < later[0]), limit):
                matches[(later, earlier)] = 1.0

    # weigh misses above false candidates (every candidate is verified): at
    # the threshold itself a pair is then found 86% of the time, not 55%
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=(0.2, 0.8))
    with lsh.insertion_session() as session:
        for key in keys:
            session.insert(key, articles[key[0]].paragraphs[key[1]].signature, check_duplication=False)
    for later in keys:
        signature = articles[later[0]].paragraphs[later[1]].signature
        found = sorted(tuple(e) for e in lsh.query(signature))
        kept = 0
        for earlier in found:
            if earlier[0] >= later[0] or kept >= limit:
                break
            if (later, earlier) in matches:
                kept += 1
                continue
            score = float(signature.jaccard(articles[earlier[0]].paragraphs[earlier[1]].signature))
            if score >= threshold:
                matches[(later, earlier)] = score
                kept += 1
    return [_Match(later, earlier, score) for (later, earlier), score in matches.items()]

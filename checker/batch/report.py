"""Verified near-duplicate pairs as ``duplicate-across-files`` findings, and as clusters.

In a pair, the article whose path sorts later is flagged and the earlier one
is the related location, as ``newslint check --select duplicate-across-files``
flags the later file of a run.  The message and severity are the rule's own,
from its pack, so a configuration that changes them applies here too.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from checker.batch.duplicates import Duplicates, Extent, Pair
from checker.config import Config
from checker.findings import Diagnostic, ReportedRelated, Severity

RULE = "duplicate-across-files"
MAX_RELATED = 3
DEFAULT_MESSAGE = "{what} repeats {where} (similarity {similarity}); check which copy should stand."


def _rule(config: Config) -> tuple[str, Severity]:
    from checker.batch.work import engine_for

    for spec in engine_for(config).specs:
        if spec.id == RULE:
            return spec.message, config.severity.get(RULE, spec.severity)
    return DEFAULT_MESSAGE, config.severity.get(RULE, Severity.WARNING)


def duplicate_records(found: Duplicates, config: Config) -> list[dict[str, Any]]:
    """One report line per flagged article: ``{"path", "findings", "pass": "duplicates"}``."""
    template, severity = _rule(config)
    by_later: dict[str, list[Pair]] = defaultdict(list)
    for pair in found.pairs:
        by_later[pair.later].append(pair)
    records = []
    for later in sorted(by_later):
        pairs = sorted(by_later[later], key=lambda p: (-p.jaccard, p.earlier))
        best = pairs[0]
        where = best.earlier
        if len(pairs) > 1:
            where += f" (and {len(pairs) - 1} other file{'s' if len(pairs) > 2 else ''})"
        try:
            message = template.format(what="This article", where=where, similarity=f"{best.jaccard:.2f}")
        except (KeyError, IndexError, ValueError):
            message = template
        here = found.extents.get(later, Extent(1, 1, 1, 1, ""))
        related = tuple(
            ReportedRelated(
                found.extents.get(p.earlier, here).line,
                found.extents.get(p.earlier, here).column,
                "the other article",
                p.earlier,
            )
            for p in pairs[:MAX_RELATED]
        )
        diagnostic = Diagnostic(
            rule=RULE,
            severity=severity,
            line=here.line,
            column=here.column,
            end_line=here.end_line,
            end_column=here.end_column,
            message=message,
            excerpt=here.excerpt,
            related=related,
        )
        records.append({"path": later, "findings": [diagnostic.as_dict()], "pass": "duplicates"})
    return records


def cluster_records(found: Duplicates) -> list[dict[str, Any]]:
    """One line per cluster of near-identical articles, largest first."""
    by_article: dict[str, list[Pair]] = defaultdict(list)
    for pair in found.pairs:
        by_article[pair.earlier].append(pair)
    out = []
    for number, members in enumerate(found.clusters(), 1):
        pairs = [p for m in members for p in by_article.get(m, ())]
        out.append(
            {
                "cluster": number,
                "size": len(members),
                "articles": members,
                "pairs": [
                    {"earlier": p.earlier, "later": p.later, "jaccard": p.jaccard, "ratio": p.ratio} for p in pairs
                ],
            }
        )
    return out

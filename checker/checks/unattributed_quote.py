"""A direct quotation with nobody to say it.

What it flags
-------------
A quotation of a full sentence or clause whose speaker the reader cannot
find: no speech verb and speaker in its sentence or paragraph, no speaker in
the paragraph before (the wire convention for a quote that carries on), and
not a later paragraph of a multi-paragraph quote.  Also a quotation whose
speaker is a pronoun with nothing to refer to: "it said" when nothing before
is an organisation, "they said" when no group or organisation is named in the
paragraph or the one before, "he" or "she" when no person of that sex has
been named.

Why it matters
--------------
An unattributed quote is an editing accident (a cut that took the speaker
with it) or an unsourced claim dressed as testimony.  Either way the reader
cannot weigh it.

Example
-------
    Several attackers were seen outside the building.

    "We will not be intimidated by these people," it said.

Fix
---
Name the speaker next to the quote ("the ministry said in a statement"), or
cut the quote.

Scare quotes and short quoted phrases ("one-off fixes", "right-sizing"),
titles of books, films, reports and slogans, block quotes, and quotes in
headlines and captions are not flagged; a partial quote inside a sentence is
flagged only when it is clause-length (eight words or more).  Speakers may be
people, roles ("the police chief"), organisations ("the authority said in a
statement") or documents ("according to the memo").  Because a false alarm on
a properly sourced quote costs more than a miss, a quote also counts as
attributed when someone is named beside it in its paragraph, when it repeats
an attributed quote (a pull quote), when a label ("Adams:") or a dash
("— Jane Doe") gives its source, and when the next paragraph opens by naming
who said it ("That was how fire chief Bob Harding described ...").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from checker.analysis import Facts
from checker.analysis.people import LEXICON_OPTION, Lexicon
from checker.analysis.quotes import Attributions, Quotation
from checker.checks.base import Check, Param
from checker.document import Document
from checker.findings import Finding, Related
from checker.packs import pack_data_path


def lexicon_for_rule(check: Check) -> Lexicon:
    """The lexicon a rule's ``lexicon_folder`` parameter names (the pack's folder by default)."""
    folder = check.spec.params.get("lexicon_folder") or "."
    return Lexicon.from_folder(pack_data_path(check.spec, folder).resolve())


def _excerpt(text: str, limit: int = 40) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


class LexiconCheck(Check):
    """A check that reads the shared word lists of the quote and speaker analysis."""

    params: ClassVar[dict[str, Param]] = {
        "lexicon_folder": Param(
            str, ".", "folder (relative to the pack) holding the speech-verb, title and name lists"
        ),
    }

    def setup(self) -> None:
        self.lexicon = lexicon_for_rule(self)


class UnattributedQuote(LexiconCheck):
    requires = ("quotations", "attributions")

    def run(self, doc: Document, facts: Facts) -> Iterable[Finding]:
        facts.options.setdefault(LEXICON_OPTION, self.lexicon)
        quotes: list[Quotation] = facts.get("quotations")
        analysis: Attributions = facts.get("attributions")
        seen_groups: set[int] = set()
        for source in analysis.sources:
            if source.status not in ("unattributed", "pronoun-unresolved"):
                continue
            q = quotes[source.quote]
            if q.group in seen_groups:
                continue
            seen_groups.add(q.group)
            related: list[Related] = []
            if source.status == "pronoun-unresolved" and source.frame is not None and source.frame.speaker:
                pronoun = source.frame.speaker.text
                if source.frame.speaker.kind in ("source", "unknown"):
                    what = f"nothing before it mentions a {pronoun.split()[-1]}"
                else:
                    what = {
                        "it": "nothing named just before it is an organisation that could have said it",
                        "they": "no group or organisation is named in this paragraph or the one before",
                    }.get(pronoun.lower(), "no person it could refer to is named before it")
                reason = f"its speaker is '{pronoun}', but {what}"
                end = max(q.end, source.frame.end)
            else:
                reason = "no speaker is named in its sentence, its paragraph or the paragraph before"
                end = q.end
            if source.candidate is not None:
                related.append(
                    Related(
                        source.candidate.start,
                        source.candidate.end,
                        f"nearest earlier speaker: {source.candidate.text}",
                    )
                )
            message = self.format_message(quote=_excerpt(q.text), reason=reason)
            yield self.finding(q.start, end, message, related=related)

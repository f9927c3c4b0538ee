"""A source cited by a bare name the article has not introduced.

What it flags
-------------
A speaker cited by a single name ("Amin said", "said Okafor", "According to
Danish", "Mr Jennings said") at a point where the article has not yet given
that person's full name or role.  The first such citation is the finding;
later bare citations of the same person, and a full name that only comes
later, are its related lines.

Why it matters
--------------
Readers cannot judge a source they cannot identify.  A bare surname is
usually a sign that the paragraph introducing the person was cut or moved.

Example
-------
    Amin said a separate attack in central Kabul set off fighting.

Fix
---
Give the full name and role on first reference ("Kabul police spokesman
Basir Amin said ..."), or move the introduction up.

A single name with a description ("Asam, the head of the Kabul ambulance
service, who only has one name, said"), a title or role ("Governor Qaderi",
"substitute Ferreira"), an age ("Tolib, 41,") or a "who" clause that gives a
role or the reason for one name ("Asam, who heads the ambulance service",
"Adaeze, who uses only one name") counts as an introduction; "Pardoe, who has
lived on the estate for 20 years," still lacks a first name.  Organisations and places cited by one
word ("Norland said", "Moscow said", "Reuters reported") are not people: a
word the article uses in an organisation's name, refers to as "it" or
"which", or that a newsroom lists in ``known-non-persons.txt`` is never
flagged.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.analysis import Facts
from checker.analysis.people import INTRODUCING, LEXICON_OPTION, Registry
from checker.analysis.quotes import Attributions, Frame
from checker.checks.unattributed_quote import LexiconCheck
from checker.document import Document
from checker.findings import Finding, Related


class UnintroducedSpeaker(LexiconCheck):
    requires = ("mentions", "attributions")

    def run(self, doc: Document, facts: Facts) -> Iterable[Finding]:
        facts.options.setdefault(LEXICON_OPTION, self.lexicon)
        registry: Registry = facts.get("mentions")
        analysis: Attributions = facts.get("attributions")
        bare: dict[int, list[Frame]] = {}
        for frame in analysis.frames:
            sp = frame.speaker
            if sp is None or sp.kind != "name" or sp.person is None:
                continue
            person = registry.people[sp.person]
            intro = person.introduction
            if intro is not None and intro.start <= sp.start:
                continue
            if (
                registry.is_organisation_word(sp.text)
                or registry.is_place_word(sp.text)
                or sp.text in self.lexicon.non_persons
            ):
                continue
            bare.setdefault(sp.person, []).append(frame)
        for pid, frames in bare.items():
            person = registry.people[pid]
            first = frames[0]
            assert first.speaker is not None
            mention = next((m for m in person.mentions if m.start == first.speaker.start), None)
            honorific = mention is not None and mention.form == "honorific"
            name = (mention.title + " " + mention.text).strip() if mention is not None else first.speaker.text
            if person.introduction is not None and person.introduction.form in INTRODUCING:
                later = person.introduction
                missing = f"the article introduces '{later.text}' only later; move the full name and role up"
            elif honorific:
                missing = "add a first name and a role (who is this, and why are they quoted?)"
            else:
                missing = "give a full name and a role on first reference"
            related = [
                Related(f.speaker.start, f.speaker.end, f"'{f.speaker.text}' cited again without an introduction")
                for f in frames[1:]
                if f.speaker is not None
            ]
            if person.introduction is not None:
                intro = person.introduction
                related.append(Related(intro.start, intro.end, f"introduced here, after being quoted: {intro.text}"))
            start = min(first.speaker.start, first.cue_start)
            end = max(first.speaker.end, first.cue_end)
            if mention is not None and mention.title:
                start = min(start, first.speaker.start - len(mention.title) - 1)
            yield self.finding(start, end, self.format_message(name=name, missing=missing), related=related)

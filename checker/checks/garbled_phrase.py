"""Spun or machine-translated wording: a word swapped for a wrong synonym.

What it flags
-------------
Phrases that content spinners and careless translation leave behind when
they swap words one at a time for thesaurus synonyms: "safety forces" for
"security forces", "barbed robbery" for "armed robbery", "they management the
district" for "they control the district".  Three kinds of evidence:

- lexicon: the phrase is on a curated list of garbled news phrases;
- collocation: the phrase lines up with a fixed expression of news copy
  except for one word, a thesaurus synonym of the word the expression wants,
  and the swapped pair is not attested in published English ("demise toll"
  / "death toll"); with ``compounds = true``, also a pair one swap from a
  closed compound ("fire combatants" / "firefighters");
- grammar: a noun stands where the verb must ("they management the"), or a
  bare verb form where a noun must ("the preventing continues").

Weaker evidence (a looser synonym or a looser expression) is reported only
in an article where stronger evidence, three weaker signs close together, or
two swaps spinners are known to make show that the copy was spun: spinners
rewrite whole articles, and one odd pair in clean copy is usually English.
For the same reason a collocation, however strong, is not reported alone;
but a longer idiom with a word past its first swapped for a spinner's pick
("state of urgency", "rule of finger") is, since its other words leave the
swap no English reading.

Why it matters
--------------
Spun copy is a sign of plagiarised or machine-rewritten material, and a
garbled phrase misleads readers ("arrest guarantee" for "arrest warrant").
An editor who sees one should check the whole article's provenance.

Example
-------
    The Taliban issued a statement saying they management the district and
    claiming to have killed 10 safety forces.

Fix
---
Use the intended wording the message suggests ("control", "security forces").
A lexicon entry the list marks as certain carries a safe fix
(``newslint check --fix``); detector findings are suggestions only.  The
lexicon can be switched off to see what the detector finds on its own::

    [rules.garbled-phrase]
    lexicon = false
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from checker.analysis import Facts
from checker.checks.base import Check, Param
from checker.document import Document
from checker.findings import Finding, Fix
from checker.garbled import Hit
from checker.garbled.detector import Block, detect, is_name
from checker.garbled.expressions import FUNCTION_WORDS, Expressions, load_expressions, norm
from checker.garbled.idioms import FrozenIdioms, load_frozen
from checker.garbled.lexicon import Lexicon, fold, load_lexicon, match_case
from checker.garbled.model import EMPTY, Model, load_model
from checker.packs import builtin_rules_dir, pack_data_path, read_word_list

_WORDS_PER_SIGN = 200


class GarbledPhrase(Check):
    requires: ClassVar[tuple[str, ...]] = ()
    params: ClassVar[Mapping[str, Param]] = {
        "lexicon": Param(bool, True, "match the curated lists in `lists`"),
        "lists": Param(list, [], "lexicon files: garbled<TAB>intended[<TAB>note] a line"),
        "detector": Param(bool, True, "look for garbled pairs and grammar no list has seen"),
        "model": Param(str, "data/garbled-model.tsv", "the detector's derived data"),
        "expressions": Param(str, "data/garbled-expressions.tsv", "fixed news expressions and their swaps"),
        "min_score": Param(float, 2.7, "how strong a collocation must be to count as evidence"),
        "grammar": Param(bool, True, "also flag a noun where a verb must stand, and the reverse"),
        "compounds": Param(bool, False, "also flag a pair one swap from a closed compound (less precise)"),
        "together": Param(int, 3, "this many weaker findings in one article count without a stronger one (0: never)"),
        "typical": Param(
            bool, True, "report findings only where one is typical of spinning (spinner swap, lexicon, grammar)"
        ),
        "typical_together": Param(
            int, 2, "this many findings typical of spinning in one article count as a stronger one (0: never)"
        ),
        "listed_together": Param(
            int,
            0,
            "this many different listed swaps typical of spinning in one article show it was spun, where no other "
            "finding is typical (0: never; 3 finds more in some spun copy, for 0.3 ms more an article)",
        ),
        "idioms": Param(
            bool,
            True,
            "report a spinner's swap in an expression of three words or more, or of a possessive idiom's "
            "possessor, without other evidence",
        ),
        "frozen": Param(
            str,
            "data/garbled-idioms.tsv",
            "frozen expressions and the synonyms that garble them on their own (with `idioms`; '' for none)",
        ),
        "safe_fixes": Param(bool, True, "mark certain lexicon suggestions safe to apply with --fix"),
        "allow": Param(list, [], "word-list files of ordinary expressions never to flag"),
    }

    def setup(self) -> None:
        params = self.spec.params
        self.lexicon: Lexicon | None = None
        if params["lexicon"] and params["lists"]:
            self.lexicon = load_lexicon(tuple(pack_data_path(self.spec, name) for name in params["lists"]))
        self.model: Model = EMPTY
        self.expressions: Expressions | None = None
        self.frozen: FrozenIdioms | None = None
        if params["detector"]:
            self.model = load_model(self._data(params["model"]))
            path = self._data(params["expressions"])
            self.expressions = load_expressions(path) if path.exists() else None
            frozen = self._data(params["frozen"]) if params["frozen"] and params["idioms"] else None
            self.frozen = load_frozen(frozen) if frozen is not None and frozen.exists() else None
        self.min_score = float(params["min_score"])
        self.typical = bool(params["typical"])
        self.allowed = {
            _allow_key(fold(entry))
            for name in params["allow"]
            for entry in read_word_list(pack_data_path(self.spec, name))
        }

    def _data(self, name: str) -> Path:
        """A data file of the pack; a house pack uses the built-in data unless it ships its own."""
        path = pack_data_path(self.spec, name)
        return path if path.exists() else builtin_rules_dir() / name

    def run(self, doc: Document, facts: Facts) -> Iterable[Finding]:
        text = doc.text
        folded = fold(text)
        memo: dict[int, Block] = {}
        found = self._found(doc, text, folded, memo)
        if self.spec.params["idioms"]:
            found = self._with_possessive_idioms(text, folded, doc, found)
            if self.frozen is not None:
                found = self._with_frozen_idioms(text, folded, doc, found, memo)
        for hit in found:
            # a phrase inside a longer one reported ("category action" in "category action lawsuit") says
            # nothing more
            if not any(
                other is not hit
                and other.start <= hit.start
                and hit.end <= other.end
                and other.end - other.start > hit.end - hit.start
                for other in found
            ):
                yield self._finding(text, hit)

    def _with_possessive_idioms(self, text: str, folded: str, doc: Document, found: list[Hit]) -> list[Hit]:
        """``found`` and the possessive idioms whose possessor is swapped for a spinner's pick ("a pebble's
        throw", "a rock's throw"): such an idiom has no other reading, in clean copy too."""
        if self.expressions is None or not self.expressions.possessives:
            return found
        possessives = self.expressions.possessives
        out = list(found)
        for block in doc.prose_blocks:
            for m in _POSSESSIVE.finditer(folded, block.start, block.end):
                if m.group() not in possessives:
                    continue
                # only the words around it: an idiom is a few words long, and "people's", "country's" are common
                lo = folded.find(" ", max(block.start, m.start() - 30), m.start()) + 1 or m.start()
                hi = folded.rfind(" ", m.end(), min(block.end, m.end() + 40))
                hi = block.end if hi < 0 or m.end() + 40 >= block.end else hi
                for hit in self._detect(text, folded, lo, hi, {}, doubles=True):
                    if (
                        _possessive_idiom(text, hit)
                        and not self._allowed(folded, hit)
                        and not any(hit.start < other.end and other.start < hit.end for other in out)
                    ):
                        out.append(hit)
        return sorted(out, key=lambda h: (h.start, h.end))

    def _with_frozen_idioms(
        self, text: str, folded: str, doc: Document, found: list[Hit], memo: dict[int, Block]
    ) -> list[Hit]:
        """``found`` and the frozen expressions with their frozen word swapped for a synonym ("behind shut
        doors", "leave no rock unturned"): such a phrase has no English reading, in clean copy too."""
        assert self.frozen is not None
        out = list(found)
        for block in doc.prose_blocks:
            words = memo.get(block.start)
            if words is None:
                self._detect(text, folded, block.start, block.end, memo)
                words = memo[block.start]
            for match in self.frozen.find(words.toks, words.gaps):
                entry = match.frozen
                span = words.words[match.first : match.first + len(entry.words)]
                start, end = span[0][0], span[-1][1]
                s, e = span[entry.place]
                if is_name(text, s, e, block.start):
                    continue  # a name ("the Council of Governors", "leave no Rock unturned")
                written = entry.written.split(" ")
                if any(
                    folded[a:b].endswith("s") != w.endswith("s")
                    for j, ((a, b), w) in enumerate(zip(span, written, strict=True))
                    if j != entry.place
                ):
                    continue  # its other words in another number: "economy of space" is no "economies of scale"
                wanted = written[entry.place]
                if any(
                    start <= other.start < other.end <= end and wanted in other.suggestion.lower().split()
                    for other in out
                ):
                    continue  # already found as the swap it is ("demise toll" in "demise toll rose")
                suggestion = " ".join((text[start:s] + match_case(text[s:e], wanted) + text[e:end]).split())
                hit = Hit(
                    start,
                    end,
                    suggestion,
                    "collocation",
                    f"idiom: '{entry.written}' is a fixed expression whose '{wanted}' takes no synonym",
                    typical=False,
                )
                # a weaker reading of part of it ("behind shut" for "behind bars") gives way to it
                if not self._allowed(folded, hit) and not any(
                    hit.start < other.end
                    and other.start < hit.end
                    and not (start <= other.start and other.end <= end and other.end - other.start < end - start)
                    for other in out
                ):
                    out.append(hit)
        return sorted(out, key=lambda h: (h.start, h.end))

    def _found(self, doc: Document, text: str, folded: str, memo: dict[int, Block]) -> list[Hit]:
        """What the rule reports of the document, but the possessive and frozen idioms; ``memo`` keeps each
        block's words."""
        compounds = self.spec.params["compounds"]
        found: list[Hit] = []
        body: list[Hit] = []  # the findings outside the headline (telegraphic noun stacks, never corroboration)
        for block in doc.prose_blocks:
            hits: list[Hit] = []
            if self.lexicon is not None:
                for hit in self.lexicon.find(text[block.start : block.end], folded[block.start : block.end]):
                    if block.kind != "headline" and _inside_name(text, block.start + hit.start, block.start):
                        continue  # "the Civil Protection Ministry": part of a name, which is as it is
                    hits.append(
                        Hit(
                            hit.start + block.start,
                            hit.end + block.start,
                            hit.suggestion,
                            hit.evidence,
                            hit.detail,
                            hit.safe,
                        )
                    )
            if self.model is not EMPTY:
                taken = [(h.start, h.end) for h in hits]
                for hit in self._detect(text, folded, block.start, block.end, memo):
                    if hit.evidence == "compound":
                        if compounds:
                            hit = replace(hit, tier=0)  # asked for: reported like any other evidence
                        elif not hit.typical:
                            continue  # but a swap spinners are known to make ("fire combatants") is weak evidence
                    if not any(hit.start < end and start < hit.end for start, end in taken):
                        hits.append(hit)
            hits.sort(key=lambda h: (h.start, h.end))
            for hit in hits:
                if self._allowed(folded, hit):
                    continue
                found.append(hit)
                if block.kind != "headline":
                    body.append(hit)
        tally = _Tally(text, body, self.typical)
        tiers, signs = tally.tiers, tally.signs
        # spinners rewrite whole articles: weaker signs count where a stronger one, or several of
        # them together, show that the copy was spun
        together = self.spec.params["together"]
        # several weak signs count only as densely as a spinner leaves them: one a few hundred words, not
        # three in a long document of technical prose ("class body", "new exception")
        words = len(text.split()) if together and tiers[1] else 0
        weak = bool(together) and tiers[1] >= together and tiers[1] * _WORDS_PER_SIGN >= words
        # the weakest signs too, when a weaker one stands among them: "break factors" with "direct sets" and
        # "globe number one" in a few hundred words
        mixed = (
            bool(together)
            and tiers[1] >= 1
            and tiers[1] + tiers[2] >= together
            and (tiers[1] + tiers[2]) * _WORDS_PER_SIGN >= words
        )
        shown = 3 if tiers[0] or mixed else 1 if weak else -1
        listed_together = self.spec.params["listed_together"]
        untypical = self.typical and not any(hit.typical for hit in found)
        if untypical and not listed_together:
            # every finding is a swap a writer might make ("production loss" for "job losses"): one typical of
            # spinning, or of machine translation, must show that the copy was garbled
            return []
        idioms = self.spec.params["idioms"]
        listed: list[Hit] = []
        typical_listed: set[str] = set()  # the different listed swaps typical of spinning, outside the headline
        typical_together = self.spec.params["typical_together"]
        if self.expressions is not None and (shown == 3 or (signs and typical_together) or untypical):
            # the listed swaps (two words, or one in an expression of the longer list) are grade 3: looked for
            # only where the weakest evidence is shown, or where they may join a typical sign to show it
            for block in doc.prose_blocks:
                for hit in self._detect(text, folded, block.start, block.end, memo, doubles=True):
                    if not self._allowed(folded, hit) and not any(
                        hit.start < other.end and other.start < hit.end for other in found
                    ):
                        listed.append(hit)
                        if block.kind != "headline" and hit.typical:
                            signs += tally.sign(hit)
                            typical_listed.add(" ".join(folded[hit.start : hit.end].split()))
        if untypical:
            # no finding of the first pass is typical of spinning: several different listed swaps that are, as
            # densely as a spinner leaves them, show the copy was spun ("examined constructive", "crisis
            # division", "underlying well being situations" in a health story); fewer show nothing
            words = words or len(text.split())
            if len(typical_listed) < listed_together or len(typical_listed) * _WORDS_PER_SIGN < words:
                return []
            shown = 3
        if shown < 3 and typical_together and signs >= typical_together:
            # several swaps spinners are known to make, as densely as they leave them ("world document" and
            # "private best" in a race report), show that the copy was spun as a stronger sign does
            words = words or len(text.split())
            if signs * _WORDS_PER_SIGN >= words:
                shown = 3
        reported = [hit for hit in found if hit.tier <= shown]
        if shown == 3:
            reported += listed
        elif idioms:
            # a longer idiom with a word swapped for a spinner's pick is garbled on its own, in clean copy too
            # ("state of urgency", "laid to sleep", "rule of finger"): its other words leave the swap no English
            # reading, where a pair ("atomic programme") may be a writer's choice.  (Not the listed swaps, which
            # no thesaurus vouches for: "treated and discharged", "put out the flames" are English.)
            reported += [hit for hit in found if hit.tier > shown and _idiom(text, hit)]
        reported.sort(key=lambda h: (h.start, h.end))
        return reported

    def _detect(
        self, text: str, folded: str, start: int, end: int, memo: dict[int, Block], doubles: bool = False
    ) -> list[Hit]:
        params = self.spec.params
        return detect(
            text, folded, start, end, self.model, self.min_score, params["grammar"], self.expressions, doubles, memo
        )

    def _allowed(self, folded: str, hit: Hit) -> bool:
        """An ordinary expression of the allow lists ("budget shortfall")."""
        return bool(self.allowed) and _allow_key(folded[hit.start : hit.end]) in self.allowed

    def _finding(self, text: str, hit: Hit) -> Finding:
        phrase = " ".join(text[hit.start : hit.end].split())
        advice = f"probably '{hit.suggestion}'" if hit.suggestion else "rephrase it"
        message = self.format_message(
            phrase=phrase, suggestion=hit.suggestion, advice=advice, evidence=hit.evidence, detail=hit.detail
        )
        fix = None
        if hit.suggestion:
            safe = hit.safe and self.spec.params["safe_fixes"]
            fix = Fix.replace(hit.start, hit.end, hit.suggestion, "safe" if safe else "suggestion")
        return self.finding(hit.start, hit.end, message, fix=fix)


def _words_of(text: str, hit: Hit) -> tuple[list[str], list[str]]:
    """The words of a hit and of its suggestion, as copy spaces them ("low-lying areas" is two), in lower case
    with straight apostrophes."""
    return (
        text[hit.start : hit.end].lower().replace("’", "'").split(),
        hit.suggestion.lower().replace("’", "'").split(),
    )


def _idiom(text: str, hit: Hit) -> bool:
    """A swap typical of spinning in an expression of three words or more, two of them content words, past its
    first word: an opening verb is an open slot ("freed on bail", "prohibited from driving")."""
    words, wanted = _words_of(text, hit)
    return (
        hit.typical
        and len(wanted) >= 3
        and len(words) == len(wanted)
        and words[0] == wanted[0]
        and sum(w not in FUNCTION_WORDS for w in wanted) >= 2
    )


def _possessive_idiom(text: str, hit: Hit) -> bool:
    """A swap typical of spinning of an idiom's possessor: "stone's throw" as "pebble's throw"."""
    words, wanted = _words_of(text, hit)
    return (
        hit.typical
        and len(words) == len(wanted)
        and any(
            w.endswith("'s") and g.endswith("'s") and w != g and words[k + 1 :] == wanted[k + 1 :]
            for k, (w, g) in enumerate(zip(words, wanted, strict=True))
        )
    )


def _allow_key(phrase: str) -> str:
    """An allowed expression's key, in either number and spelling: "provincial authorities" allows
    "provincial authority"."""
    return " ".join(norm(w) for w in phrase.replace("-", " ").split())


_POSSESSIVE = re.compile(r"(?<![a-z])[a-z]+'s\b")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*)[ \t]+$")


def _inside_name(text: str, start: int, floor: int) -> bool:
    """A capitalised phrase that goes on a capitalised word inside a sentence is the end of a name."""
    if not text[start : start + 1].isupper():
        return False
    m = _WORD_BEFORE.search(text, max(floor, start - 40), start)
    return m is not None and m.group(1)[0].isupper() and not _starts_sentence(text, m.start(1), floor)


def _starts_sentence(text: str, at: int, floor: int) -> bool:
    """Whether the word at ``at`` opens a sentence: after the block's start, a full stop or an opening
    quotation mark, not after a quotation closed on a comma ('"...rebuilt," Civil Protection Minister')."""
    i = at - 1
    while i >= floor and text[i] in " \t":
        i -= 1
    if i < floor or text[i] in ".!?:;([“‘":
        return True
    if text[i] in "\"”’'":
        return text[i - 1 : i] not in (",", "—", "–") if i > floor else True
    return False


class _Tally:
    """What an article's findings outside its headline show together: how many of each grade, and how many
    different swaps typical of spinning.

    - Two findings that read the same words two ways that cannot both be right ("local command" for "local
      government" and "command station" for "command post", in "a local command station") are one sign.
    - A typical finding counts once for each expression it garbles: "interim authority" and "interim
      cabinet" are two ways of writing "interim government", which a writer varies on purpose.
    - A collocation alone, however strong, in otherwise clean copy ("Opposition commanders" beside
      "opposition leaders") shows nothing: spinners rewrite whole articles.  Lexicon and grammar evidence
      stand alone.  ``company`` (the rule's ``typical``) asks for it; without, a collocation stands alone too.
    """

    def __init__(self, text: str, body: list[Hit], company: bool) -> None:
        self.tiers = [0, 0, 0, 0]
        self.signs = 0
        self._expressions: set[str] = set()
        counted: list[tuple[Hit, tuple[tuple[int, int], ...]]] = []
        for hit in sorted(body, key=lambda h: (h.tier, h.start)):
            changed = _changed(text, hit)
            if any(hit.start < other.end and other.start < hit.end and changed != seen for other, seen in counted):
                continue
            counted.append((hit, changed))
            self.tiers[hit.tier] += 1
            if hit.typical:
                self.signs += self.sign(hit)
        if (
            company
            and self.tiers[0]
            and sum(self.tiers[:3]) < 2
            and not any(hit.evidence in ("lexicon", "grammar") for hit, _ in counted)
        ):
            self.tiers[0] = 0

    def sign(self, hit: Hit) -> int:
        """1 for a typical finding of an expression not counted yet, else 0."""
        expression = hit.suggestion.lower()
        if expression in self._expressions:
            return 0
        self._expressions.add(expression)
        return 1


_WORD = re.compile(r"[\w'’]+")


def _changed(text: str, hit: Hit) -> tuple[tuple[int, int], ...]:
    """The spans of the words a finding says were swapped: those that differ from its suggestion word for
    word, or the whole phrase where the two differ in length ("birthday party" for "party")."""
    words = [m.span() for m in _WORD.finditer(text, hit.start, hit.end)]
    wanted = _WORD.findall(hit.suggestion.lower())
    if len(words) != len(wanted):
        return ((hit.start, hit.end),)
    return tuple((s, e) for (s, e), w in zip(words, wanted, strict=True) if text[s:e].lower() != w)

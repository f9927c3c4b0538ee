"""Quotations and who said them: the ``quotations`` and ``attributions`` layers.

``quotations`` finds every quotation in the prose blocks: straight and curly
double quotes, single quotes used as quotation marks (British style), and the
wire convention for quotes that run over several paragraphs (a paragraph that
opens a quote and does not close it continues into the next paragraph that
opens with a quote mark).  A stray mark, an inch mark or a mark used as an
apostrophe never swallows more than its own paragraph.

``attributions`` finds the attribution frames of each paragraph (speaker +
speech verb, ``according to X``, with the speaker before or after the verb)
and decides, for every quotation, who said it: the frame in its sentence, a
frame elsewhere in its paragraph, the frame of the quote it continues, or the
speaker of the paragraph before.  Pronoun speakers are resolved to a
plausible antecedent: an organisation or group for "it" and "they" in the
same or the previous paragraph, a person of a compatible sex for "he" and
"she" anywhere before.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from checker.analysis.people import (
    BODY_BLOCKS,
    COMMON_CAPITALS,
    COMMON_WORDS,
    GENDERED,
    Lexicon,
    Mention,
    Person,
    Registry,
    lexicon_for,
)
from checker.analysis.text import ABBREVIATIONS, DATELINE, TIME_STAMP
from checker.document import Document

if TYPE_CHECKING:
    from checker.analysis import Facts

QUOTE_BLOCKS = frozenset({"headline", "heading", "paragraph", "quote", "caption", "list_item"})

_DOUBLE = re.compile(r"[\"“”„«»]")
_SINGLE = re.compile(r"['‘’‹›]")
_OPENING_NEIGHBOURS = " \t\n([{—–-/\"“‘'«„"
_CLOSING_NEIGHBOURS = ".,;:!?)]}—–-\"”’'»…"
_WORDS = re.compile(r"\w+(?:['’\-]\w+)*")


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation: ``[start, end)`` includes its marks, ``[inner_start, inner_end)`` does not.

    ``continues`` is true for a piece of a multi-paragraph quote that runs on
    into the next paragraph; every piece of one quote shares ``group`` (the
    index of its first piece).  ``closed`` is false for a mark that was never
    closed in its paragraph.  ``sentence_start`` tells a quote that opens a
    sentence (a full-sentence quote) from one inside a sentence (a partial
    or scare quote).
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    block: int
    block_kind: str
    mark: Literal["double", "single", "block"]
    closed: bool
    continues: bool
    group: int
    nested: bool
    words: int
    text: str
    sentence_start: bool


def _prev_char(text: str, i: int, lo: int) -> str:
    return text[i - 1] if i > lo else " "


def _next_char(text: str, i: int, hi: int) -> str:
    return text[i + 1] if i + 1 < hi else " "


def _opens(p: str, n: str) -> bool:
    return (p.isspace() or p in _OPENING_NEIGHBOURS) and not n.isspace()


def _closes(p: str, n: str) -> bool:
    return not p.isspace() and (n.isspace() or n in _CLOSING_NEIGHBOURS)


def _double_spans(text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """``(open, close_or_hi, closed)`` for the double-quote pairs of one block."""
    spans: list[tuple[int, int, bool]] = []
    open_at = -1
    for m in _DOUBLE.finditer(text, lo, hi):
        i = m.start()
        c = m.group()
        p, n = _prev_char(text, i, lo), _next_char(text, i, hi)
        if open_at < 0:
            # two straight marks together ('""') quote nothing: a run of them
            # would otherwise make a quotation of every pair
            if c in "“„«" or (c == '"' and n != '"' and _opens(p, n) and not p.isdigit()):
                open_at = i
            continue
        if c in "”»" or c == '"' or (c == "“" and text[open_at] == "„" and _closes(p, n)):
            # "„Stara Jama“": German, Serbian and other languages' pairs close with the English opening mark
            spans.append((open_at, i + 1, True))
            open_at = -1
        elif c in "“„«":
            # a new opening mark: the previous quote was never closed
            spans.append((open_at, i, False))
            open_at = i
    if open_at >= 0:
        spans.append((open_at, hi, False))
    return spans


_ELISIONS = re.compile(r"['‘’](?:em|n|til|cause|tis|twas|\d0s|\d\ds)\b", re.I)


def _single_spans(text: str, lo: int, hi: int, doubles: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Single-quote pairs outside double quotes; an unclosed one is kept only
    if the block ends inside it (the caller decides whether it continues)."""
    spans: list[tuple[int, int, bool]] = []
    open_at = -1
    closers = "’›'"  # a curly opening is closed by a curly mark: the straight one is an apostrophe ("boys' club")
    # the double-quote spans are in order and do not overlap: a bisection finds
    # the one that may hold a mark (a scan of all of them was quadratic)
    starts = [a for a, _, _ in doubles]
    for m in _SINGLE.finditer(text, lo, hi):
        i = m.start()
        k = bisect.bisect_left(starts, i) - 1
        if open_at < 0 and k >= 0 and i < doubles[k][1]:
            continue
        c = m.group()
        p, n = _prev_char(text, i, lo), _next_char(text, i, hi)
        if open_at < 0:
            if (c in "‘‹'") and _opens(p, n) and n.isalnum() and not _ELISIONS.match(text, i):
                open_at = i
                closers = "’›" if c in "‘‹" else "’›'"
            continue
        if c in closers and _closes(p, n) and not n.isalnum():
            spans.append((open_at, i + 1, True))
            open_at = -1
    if open_at >= 0:
        spans.append((open_at, hi, False))
    return spans


def _starts_with_opening(text: str, lo: int, hi: int, marks: str) -> bool:
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    return i < hi - 1 and text[i] in marks and not text[i + 1].isspace()


def _sentence_start(text: str, lo: int, i: int) -> bool:
    # only the last few characters matter: copying the block up to ``i`` for
    # every quote made a block of many quotes quadratic
    j = i
    while j > lo and text[j - 1] in " \t(":
        j -= 1
    if j == lo:
        return True
    head = text[max(lo, j - 16) : j]
    if head[-1] in ":" or head.endswith(("—", "–")):
        return True
    if head[-1] in "\"”’'" and len(head) >= 2 and head[-2] in ".!?":
        return True
    if head[-1] in ".!?":
        word = _LAST_WORD_STOP.search(head[-14:])
        return not (word and word.group(1).lower().rstrip(".") in ABBREVIATIONS)
    return False


def quotations(doc: Document, facts: Facts) -> list[Quotation]:
    """Every quotation of every prose block, in text order."""
    text = doc.text
    blocks = doc.blocks
    out: list[Quotation] = []
    pending_group: int | None = None  # the group a continuing quote hands to the next paragraph
    for index, block in enumerate(blocks):
        if block.kind not in QUOTE_BLOCKS:
            continue
        lo, hi = block.start, block.end
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if block.kind == "quote":
            inner = text[lo:hi]
            lead = len(inner) - len(inner.lstrip())
            out.append(
                Quotation(
                    lo + lead,
                    hi,
                    lo + lead,
                    hi,
                    index,
                    "quote",
                    "block",
                    True,
                    False,
                    len(out),
                    False,
                    len(_WORDS.findall(inner)),
                    inner.strip(),
                    True,
                )
            )
            pending_group = None
            continue
        doubles = _double_spans(text, lo, hi)
        singles = _single_spans(text, lo, hi, doubles)
        if not doubles and not singles:
            pending_group = None  # most paragraphs quote no one: what follows would find nothing
            continue
        nxt = _next_prose(blocks, index)
        spans: list[tuple[int, int, bool, str]] = []
        for a, b, closed in doubles:
            spans.append((a, b, closed, "double"))
        for a, b, closed in doubles:
            if closed:
                # quotes inside a quote: only whole pairs count
                singles += [span for span in _single_spans(text, a + 1, b - 1, []) if span[2]]
        for a, b, closed in singles:
            # British style: an unclosed single quote counts only if it continues
            if not closed and (nxt is None or not _starts_with_opening(text, blocks[nxt].start, blocks[nxt].end, "‘'")):
                continue
            spans.append((a, b, closed, "single"))
        spans.sort()
        group_in = pending_group
        pending_group = None
        outer_end = -1
        for a, b, closed, mark in spans:
            if (closed and b - a == 2) or (not closed and (a + 1 == b or text[a + 1 : b].isspace())):
                # marks with nothing between them ("“““”"): no quotation, and in a
                # file of a million marks, a million of them to analyse
                continue
            nested = a < outer_end
            continues = False
            if not closed and not nested and nxt is not None:
                marks = '“"„«' if mark == "double" else "‘'"
                continues = _starts_with_opening(text, blocks[nxt].start, blocks[nxt].end, marks)
            inner_start = a + 1
            inner_end = b - 1 if closed else b
            group = len(out)
            if group_in is not None and not nested and a == _first_non_space(text, lo, hi):
                group = group_in
            group_in = None
            body = text[inner_start:inner_end]
            out.append(
                Quotation(
                    a,
                    b,
                    inner_start,
                    inner_end,
                    index,
                    block.kind,
                    mark,  # type: ignore[arg-type]
                    closed,
                    continues,
                    group,
                    nested,
                    len(_WORDS.findall(body)),
                    body,
                    _sentence_start(text, lo, a),
                )
            )
            if continues:
                pending_group = group
            if not nested:
                outer_end = max(outer_end, b)
    return out


def _first_non_space(text: str, lo: int, hi: int) -> int:
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    return i


def _next_prose(blocks: list, index: int) -> int | None:  # type: ignore[type-arg]
    for j in range(index + 1, len(blocks)):
        if blocks[j].kind in ("paragraph", "quote", "list_item"):
            return j
        if blocks[j].kind in ("headline", "heading"):
            return None
    return None


# --- attribution frames --------------------------------------------------------

SpeakerKind = Literal["person", "name", "pronoun", "role", "group", "organisation", "source", "unknown"]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a frame says spoke: a span of the text and what kind of speaker it is.

    ``kind`` is ``person`` for a name the article introduces there or before,
    ``name`` for a single name (a surname, or "Mr" and a surname), ``role`` or
    ``group`` for people named by what they are ("the police chief",
    "officials"), ``organisation``, ``source`` for a document ("figures
    released by ...", "the memo") and ``pronoun``.
    """

    start: int
    end: int
    text: str
    kind: SpeakerKind
    person: int | None = None  # id in the mentions registry


@dataclass(frozen=True, slots=True)
class Antecedent:
    """What a pronoun speaker may refer to: a span and its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Frame:
    """Speaker + cue: ``Amin said``, ``said Okafor``, ``according to Danish``, ``it said``.

    ``governs`` says what follows the cue: a ``quote``, a ``that`` clause, a
    ``colon``, or a reported ``clause``.  ``resolved`` is meaningful for a
    pronoun speaker: whether a plausible antecedent exists (``antecedent``).
    """

    cue_start: int
    cue_end: int
    cue: str
    speaker: Speaker | None
    block: int
    form: Literal["verb", "inverted", "according-to", "passive"]
    governs: Literal["quote", "that", "colon", "clause"]
    resolved: bool = True
    antecedent: Antecedent | None = None

    @property
    def start(self) -> int:
        return min(self.cue_start, self.speaker.start) if self.speaker else self.cue_start

    @property
    def end(self) -> int:
        return max(self.cue_end, self.speaker.end) if self.speaker else self.cue_end


QuoteStatus = Literal["attributed", "pronoun-unresolved", "unattributed", "scare", "title", "not-copy"]


@dataclass(frozen=True, slots=True)
class QuoteSource:
    """Who said quotation ``quote`` (an index into the ``quotations`` layer), and how we know.

    ``via`` is ``sentence`` (a frame in its sentence), ``paragraph``,
    ``multi-paragraph`` (the quote it continues), ``previous-paragraph`` or
    ``""`` when no speaker was found.  ``candidate`` is the nearest speaker
    before it, for messages.
    """

    quote: int
    status: QuoteStatus
    frame: Frame | None = None
    via: str = ""
    candidate: Antecedent | None = None


@dataclass
class Attributions:
    """The ``attributions`` layer: every frame, and a source for every quotation."""

    frames: list[Frame]
    sources: list[QuoteSource]
    by_block: dict[int, list[int]] = field(default_factory=dict)  # block -> frame indices

    def frames_in(self, block: int) -> list[Frame]:
        return [self.frames[i] for i in self.by_block.get(block, [])]


PRONOUNS = {"he": "male", "she": "female", "it": "it", "they": "they", "we": "we", "i": "we"}
_TRAILING_ADVERBS = frozenset(
    """also later then previously earlier had has have would will once again further separately repeatedly
    recently publicly privately subsequently initially originally simply reportedly allegedly quickly flatly yet
    only both all never not did does do could can may might should must still already just""".split()
)
_CLAUSE_WORDS = frozenset(
    """that which and but when while as because if whether where after before so since until although though
    whom than or nor where once""".split()
)
_SEGMENT_STOP = frozenset(
    """in on at after before when while as outside inside speaking sentencing asked writing addressing during
    for from with without under speaking, since following despite by""".split()
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got|gets)\s+(?:\w+ly\s+)?$", re.I)
_SOURCE_NOUNS = frozenset(
    """statement report study figures data memo survey tally results records documents filing letter ruling
    judgment judgement poll analysis paper website records estimate estimates count census review audit
    findings research statistics notice announcement release post message video footage sources""".split()
)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")
_LAST_WORD_STOP = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_AGENT = re.compile(r"\bby\s+")
_SEGMENT_BREAK = re.compile(r"[,;(]|:\s|\s[—–]\s")  # "Q: Brannigan said": a label is no part of the speaker
_NP_END = re.compile(
    r",|;|\s[—–]\s|\s(?:who|which|that|in a|on a|at a|after|before|when|while|during|at the|in the|on the|"
    r"outside|to reporters)\s"
)
_NEXT_WORD = re.compile(r"\s+(\w+)")
# a weak cue that asks someone to do something is speech: "Beridze urged protesters to return"
_URGING = frozenset(("urged", "urges", "urging"))
_URGED_TO = re.compile(r"\s+(?:the\s+|all\s+|her\s+|his\s+|their\s+)?[a-z]+(?:\s+[a-z]+)?\s+to\s+[a-z]")
# a capitalised name (a title before it at most) and a clause's opening word after it, with no comma between
_NAME_THEN_CLAUSE = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?=(?:the|a|an|it|its|he|she|they|his|her|their|there|this|"
    r"these|those|we|all|no|some|most|many|both|each|every|only|nobody|none)\s)"
)
# a determiner, or a possessive, a few words before the end: an organisation's ("the ministry") or a
# person's ("a nurse", "the team's forward")
_DETERMINED_BY = r"\b(?:{})\s+(?:[\w\-']+\s+){{0,3}}$|['’]s\s+(?:[\w\-']+\s+){{0,2}}$"
_DETERMINED = re.compile(_DETERMINED_BY.format("the|a|an|its|this"), re.I)
_ROLE_DETERMINED = re.compile(_DETERMINED_BY.format("the|a|an|its|this|that|his|her|their|our|one|another"), re.I)
_DASH_NAME = re.compile(r"\s*[—–-]+\s*[A-Z@]")
_AUXILIARIES = frozenset(
    "have has had was were is are will would be been can could may might must should did do does".split()
)


class _Paragraph:
    """One block's text with its quotations and, computed on first use, the
    offsets where its sentences start (full stops inside quotes ignored)."""

    __slots__ = ("index", "lo", "hi", "quotes", "_bounds", "_spans", "_furniture", "_text", "_all")

    def __init__(self, index: int, lo: int, hi: int, quotes: list[int], text: str, all_quotes: list[Quotation]) -> None:
        self.index = index
        self.lo = lo
        self.hi = hi
        self.quotes = quotes
        self._bounds: list[int] | None = None
        self._spans: tuple[list[int], list[int]] | None = None
        self._furniture: bool | None = None
        self._text = text
        self._all = all_quotes

    @property
    def bounds(self) -> list[int]:
        if self._bounds is None:
            self._bounds = _sentence_bounds(self._text, self, self._all)
        return self._bounds

    @property
    def furniture(self) -> bool:
        """Page furniture ("Advertisement") between two paragraphs: three words or
        fewer, without a sentence's closing mark."""
        if self._furniture is None:
            body = self._text[self.lo : self.hi]
            self._furniture = len(body.split()) <= 3 and body.rstrip()[-1:] not in '.!?"”’'
        return self._furniture

    @property
    def spans(self) -> tuple[list[int], list[int]]:
        """The starts and the ends of the paragraph's outer quotations.  They
        are in text order and do not overlap (a quote that starts inside
        another is nested), so both lists are sorted and a bisection finds the
        quote at or next to an offset: a scan of them all for every speech verb
        or full stop was quadratic in a paragraph of many quotes."""
        if self._spans is None:
            outer = [self._all[q] for q in self.quotes if not self._all[q].nested]
            self._spans = ([q.start for q in outer], [q.end for q in outer])
        return self._spans


def _quote_around(starts: list[int], ends: list[int], i: int) -> int:
    """The index of the outer quote with ``start < i < end``, or -1."""
    k = bisect.bisect_left(starts, i) - 1
    return k if k >= 0 and i < ends[k] else -1


# from the first mark of a run only: a long run of dots is otherwise rescanned from each mark
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++(?=[\"”’')\]]*\s+[\"“‘'(\[]?[A-Z0-9])")


def _sentence_bounds(text: str, para: _Paragraph, quotes: list[Quotation]) -> list[int]:
    """Offsets where sentences start, ignoring full stops inside quotations."""
    bounds = [para.lo]
    starts, ends = para.spans
    for m in _SENTENCE_END.finditer(text, para.lo, para.hi):
        i = m.start()
        inside = _quote_around(starts, ends, i)
        if inside >= 0:
            b = ends[inside]
            # a quote that ends its sentence: ``... today." The ...``
            if m.end() >= b - 1:
                j = b
                while j < para.hi and text[j].isspace():
                    j += 1
                if j < para.hi and (text[j].isupper() or text[j] in '"“‘'):
                    bounds.append(j)
            continue
        if m.group() == ".":
            word = _LAST_WORD.search(text, max(para.lo, i - 12), i)
            if word and (word.group(1).lower().rstrip(".") in ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        j = m.end()
        while j < para.hi and (text[j].isspace() or text[j] in "\"”’')]"):
            if text[j] in "\"'" and j + 1 < para.hi and not text[j + 1].isspace():
                break
            j += 1
        bounds.append(j)
    return sorted(set(bounds))


class _Paragraphs(dict[int, _Paragraph]):
    """The paragraphs of body copy by block index, each made the first time it is
    asked for: most paragraphs of a long file have no speech verb and no quote,
    and nothing asks for them."""

    def __init__(self, doc: Document, by_block: dict[int, list[int]], quotes: list[Quotation]) -> None:
        super().__init__()
        self._doc = doc
        self._by_block = by_block
        self._quotes = quotes

    def __missing__(self, index: int) -> _Paragraph:
        blocks = self._doc.blocks
        if not 0 <= index < len(blocks) or blocks[index].kind not in BODY_BLOCKS or blocks[index].kind == "quote":
            raise KeyError(index)
        block = blocks[index]
        text = self._doc.text
        hi = block.end
        while hi > block.start and text[hi - 1].isspace():
            hi -= 1
        para = self[index] = _Paragraph(index, block.start, hi, self._by_block.get(index, []), text, self._quotes)
        return para

    def get(self, index: int, default: _Paragraph | None = None) -> _Paragraph | None:  # type: ignore[override]
        try:
            return self[index]
        except KeyError:
            return default


def attributions(doc: Document, facts: Facts) -> Attributions:
    """Attribution frames, and who said each quotation."""
    lex = lexicon_for(facts)
    quotes: list[Quotation] = facts.get("quotations")
    registry: Registry = facts.get("mentions")
    text = doc.text
    by_block: dict[int, list[int]] = {}
    for qi, q in enumerate(quotes):
        by_block.setdefault(q.block, []).append(qi)
    cues = find_cues(text, lex)
    cue_starts = [c[0] for c in cues]
    paragraphs = _Paragraphs(doc, by_block, quotes)
    frames: list[Frame] = []
    frames_by_block: dict[int, list[int]] = {}
    for index, block in enumerate(doc.blocks):
        if block.kind not in BODY_BLOCKS or block.kind == "quote":
            continue
        first = bisect.bisect_left(cue_starts, block.start)
        if first == len(cue_starts) or cue_starts[first] >= block.end:
            continue  # no speech verb: the paragraph is made only if something asks for it
        para = paragraphs[index]
        last = bisect.bisect_left(cue_starts, para.hi)
        if first == last:
            continue
        for frame in _frames(text, para, quotes, cues[first:last], lex, registry):
            frames_by_block.setdefault(index, []).append(len(frames))
            frames.append(frame)
    analysis = Attributions(frames, [], frames_by_block)
    _resolve_pronouns(doc, analysis, paragraphs, registry, lex, quotes)
    analysis.sources = _sources(doc, quotes, analysis, paragraphs, registry, lex)
    return analysis


# what may stick to a speech verb in white-space-separated text: "said,", "(said", "—said"
_CUE_PUNCTUATION = ",.:;—–)!?(\"“'‘"


_FORMS: dict[int, dict[str, list[str]]] = {}


def _cue_forms(lex: Lexicon) -> dict[str, list[str]]:
    """The cues (speech verbs and "according to") by their first word."""
    forms_of = _FORMS.get(id(lex))
    if forms_of is None:
        forms_of = {}
        for form in (*lex.speech_verbs, "according to"):
            forms_of.setdefault(form.split(" ", 1)[0], []).append(form)
        _FORMS[id(lex)] = forms_of
    return forms_of


def find_cues(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Every speech verb (and "according to") in ``text``, as ``(start, end, form)``.

    One ``str.find`` scan per form over the lower-cased text: on news copy this
    is several times faster than one regular expression with a hundred
    alternatives, which Python tries at every position.
    """
    lower = text.lower()
    n = len(lower)
    # only the forms whose first word occurs at all (one set intersection)
    forms_of = _cue_forms(lex)
    present = {t.strip(_CUE_PUNCTUATION) for t in set(lower.split())} & forms_of.keys()
    out: list[tuple[int, int, str]] = []
    for form in [f for first in present for f in forms_of[first]]:
        i = lower.find(form)
        size = len(form)
        while i >= 0:
            j = i + size
            if (i == 0 or not lower[i - 1].isalnum()) and (j >= n or not lower[j].isalnum()):
                out.append((i, j, form))
            i = lower.find(form, j)
    out.sort()
    # "pointed out" and "pointed": keep the longest form at each start
    kept: list[tuple[int, int, str]] = []
    for hit in out:
        if kept and kept[-1][0] == hit[0]:
            if hit[1] > kept[-1][1]:
                kept[-1] = hit
            continue
        kept.append(hit)
    return kept


def _bound_before(para: _Paragraph, i: int) -> int:
    bounds = para.bounds
    k = bisect.bisect_right(bounds, i) - 1
    return bounds[k] if k >= 0 else para.lo


def _bound_after(para: _Paragraph, i: int) -> int:
    bounds = para.bounds
    k = bisect.bisect_right(bounds, i)
    return bounds[k] if k < len(bounds) else para.hi


def _frames(
    text: str, para: _Paragraph, quotes: list[Quotation], cues: list[tuple[int, int, str]], lex: Lexicon, reg: Registry
) -> Iterator[Frame]:
    starts, ends = para.spans
    for cs, ce, form in cues:
        k = bisect.bisect_right(starts, cs) - 1
        if k >= 0 and cs < ends[k]:  # inside a quote
            continue
        if not lex.speech_verbs.get(form, True) and not starts:
            # a weak verb ("added", "described") with no quote in the paragraph speaks only through "that" or a
            # colon, or by urging someone to act (read below, in its sentence)
            rest = text[ce : ce + 8].lstrip()
            if not (rest.startswith(":") or rest.startswith("that ") or form in _URGING):
                continue
        s0 = _bound_before(para, cs)
        s1 = _bound_after(para, cs)
        # the sentence around the verb, cut at the nearest quotes on each side
        k = bisect.bisect_right(ends, cs) - 1
        left_lo = max(s0, ends[k]) if k >= 0 else s0
        k = bisect.bisect_left(starts, ce)
        right_hi = min(s1, starts[k]) if k < len(starts) else s1
        # the verb follows a quote in the same sentence: ``"...," she added``
        k = bisect.bisect_left(ends, left_lo)
        attached_after = k < len(ends) and ends[k] == left_lo
        left_lo, right_hi = _within_reach(text, left_lo, cs, ce, right_hi)
        left = text[left_lo:cs]
        right = text[ce:right_hi]
        after = text[ce : min(para.hi, ce + 3)].lstrip()
        governs = _governs(text, ce, right_hi, starts, s1)
        if form == "according to":
            if text[cs] == "A" and cs > s0 and text[cs - 1] == " " and text[cs - 2].isalpha():
                continue  # a capital inside a sentence: a title ("The World According to Garp")
            speaker = _speaker_right(text, ce, right_hi, lex, reg)
            if speaker is not None:
                yield Frame(cs, ce, "according to", speaker, para.index, "according-to", governs)
            continue
        cue = form
        strong = lex.speech_verbs.get(cue, True)
        if (
            not strong
            and governs == "clause"
            and not attached_after
            and not (cue in _URGING and _URGED_TO.match(text, ce, right_hi) is not None)
        ):
            continue
        if cue in ("told", "tells") and not right.strip():
            continue
        if _PASSIVE.search(left[-30:]):
            agent = _AGENT.search(right)
            speaker = _speaker_right(text, ce + agent.end(), right_hi, lex, reg) if agent else None
            yield Frame(cs, ce, cue, speaker, para.index, "passive", governs)
            continue
        if not left.strip(" \t,—–-:;") and not after.startswith("that"):
            speaker = _speaker_right(text, ce, right_hi, lex, reg)
            if speaker is not None and (attached_after or speaker.kind != "unknown"):
                yield Frame(cs, ce, cue, speaker, para.index, "inverted", "quote" if attached_after else governs)
            continue
        if left.rstrip().endswith(",") and _inverted_np(text, ce, right_hi):
            # "The blast hit a police station, said police spokesman Hashmat Stanekzai."
            speaker = _speaker_right(text, ce, right_hi, lex, reg)
            if speaker is not None and speaker.kind not in ("unknown", "source", "pronoun"):
                yield Frame(cs, ce, cue, speaker, para.index, "inverted", governs)
                continue
        speaker = _speaker_left(text, left_lo, cs, lex, reg)
        if speaker is None:
            continue
        yield Frame(cs, ce, cue, speaker, para.index, "verb", "quote" if attached_after else governs)


def _inverted_np(text: str, ce: int, hi: int) -> bool:
    rest = text[ce:hi].strip()
    first = _SEGMENT_BREAK.split(rest, maxsplit=1)[0].strip().rstrip(".!?")
    words = _WORDS.findall(first)
    if not words or len(words) > 7:
        return False
    return not any(w.lower() in _AUXILIARIES for w in words)


def _governs(
    text: str, ce: int, right_hi: int, starts: list[int], s1: int
) -> Literal["quote", "that", "colon", "clause"]:
    rest = text[ce:right_hi].lstrip()
    if rest.startswith(":"):
        return "colon"
    if rest.startswith("that ") or rest.startswith("that,"):
        return "that"
    k = bisect.bisect_left(starts, ce)
    if k < len(starts) and starts[k] < s1:
        return "quote"
    return "clause"


# A speaker is named within this many characters of the speech verb (the
# longest appositive, "Ruth Okafor, who has run the ferry at Hamley since ...,
# said", is a few hundred); what lies further off in a sentence is not read for
# every verb, or a sentence of thousands of words with a verb in every few
# would be read once for each of them.
SPEAKER_REACH = 600


def _within_reach(text: str, lo: int, cs: int, ce: int, hi: int) -> tuple[int, int]:
    """``[lo, cs)`` and ``[ce, hi)`` cut to :data:`SPEAKER_REACH`, at a space."""
    if cs - lo > SPEAKER_REACH:
        space = text.find(" ", cs - SPEAKER_REACH, cs)
        lo = space + 1 if space >= 0 else cs - SPEAKER_REACH
    if hi - ce > SPEAKER_REACH:
        space = text.rfind(" ", ce, ce + SPEAKER_REACH)
        hi = space if space > ce else ce + SPEAKER_REACH
    return lo, hi


_SPACE = " \t\n\r\u00a0\u2009\u202f"
_TRIM_LEFT = _SPACE + ",;:—–-\"”’'("
_TRIM_RIGHT = _SPACE + ",;:—–-\"“‘'"


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    """``[lo, hi)`` without the spaces, punctuation and quote marks at its edges."""
    chunk = text[lo:hi]
    left = chunk.lstrip(_TRIM_LEFT)
    lo += len(chunk) - len(left)
    return lo, lo + len(left.rstrip(_TRIM_RIGHT))


def _speaker_left(text: str, lo: int, hi: int, lex: Lexicon, reg: Registry) -> Speaker | None:
    # "Asam, the head of ..., who ..., said": a comma before the verb closes an appositive
    appositive = text[lo:hi].rstrip().endswith(",")
    lo, hi = _trim(text, lo, hi)
    # drop adverbs and auxiliaries before the verb: "Hrubý also said", "she had earlier said"
    while lo < hi:
        space = text.rfind(" ", lo, hi)
        if space < 0 or text[space + 1 : hi].lower() not in _TRAILING_ADVERBS:
            break
        hi = space
        lo, hi = _trim(text, lo, hi)
    if lo >= hi:
        return None
    segments = _split_segments(text[lo:hi], lo)
    if not segments:
        return None
    if appositive and len(segments) > 1:
        trailing = segments[-3:]
        named = [s for s in trailing if _starts_with_name(text, s[0], s[1], lex)]
        # "Shire president, Ron Grant, says": a capitalised word before a role describes the named person
        named = [s for s in named if not _ends_with_role(text, s[0], s[1], lex)] or named
        if named:
            return _classify(text, named[0][0], named[0][1], lex, reg)
        a, b = trailing[0]
        a = _after_clause_word(text, a, b)
        return _classify(text, a, b, lex, reg) if a < b else None
    a, b = segments[-1]
    a = _after_clause_word(text, a, b)
    if a >= b:
        return None
    return _classify(text, a, b, lex, reg)


def _split_segments(chunk: str, base: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SEGMENT_BREAK.finditer(chunk):
        if chunk[start : m.start()].strip():
            out.append(_strip_span(chunk, start, m.start(), base))
        start = m.end()
    if chunk[start:].strip():
        out.append(_strip_span(chunk, start, len(chunk), base))
    return out


def _strip_span(chunk: str, a: int, b: int, base: int) -> tuple[int, int]:
    while a < b and chunk[a] in " \t)":
        a += 1
    while b > a and chunk[b - 1] in " \t)":
        b -= 1
    return base + a, base + b


def _first_word(text: str, a: int, b: int) -> str:
    m = _WORDS.search(text, a, b)
    return m.group() if m else ""


_PARTY_STATE = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")


def _starts_with_name(text: str, a: int, b: int, lex: Lexicon) -> bool:
    w = _first_word(text, a, b)
    if not w or not w[0].isupper() or w.endswith(("'s", "’s")) or (len(w) > 1 and w.isupper()):
        return False
    if _PARTY_STATE.match(text, a):
        return False  # "D-Mass.", "R-S.D.": a US politician's party and state
    lw = w.lower()
    if lex.is_title(w):
        # "Sen. Elizabeth Warren", "Councillor Ruth Ekwueme": a title before a name
        nxt = _WORDS.search(text, a + len(w) + 1, b)
        return bool(nxt and nxt.group()[0].isupper())
    return not (lw in COMMON_CAPITALS or lw in _SEGMENT_STOP or lex.is_role_noun(lw) or lw in lex.organisation_nouns)


def _ends_with_role(text: str, a: int, b: int, lex: Lexicon) -> bool:
    """Whether ``text[a:b]`` ends in a role noun in lower case ("Shire president", "Harbour Board chairman")."""
    words = _WORDS.findall(text, a, b)
    return len(words) > 1 and words[-1].islower() and lex.is_role_noun(words[-1])


def _after_clause_word(text: str, a: int, b: int) -> int:
    last = a
    for m in _WORDS.finditer(text, a, b):
        if m.group().lower() in _CLAUSE_WORDS:
            last = m.end()
    while last < b and text[last].isspace():
        last += 1
    return last


def _speaker_right(text: str, lo: int, hi: int, lex: Lexicon, reg: Registry) -> Speaker | None:
    lo, hi = _trim(text, lo, hi)
    if lo >= hi:
        return None
    m = _NP_END.search(text, lo, hi)
    end = m.start() if m else hi
    end = _trim(text, lo, end)[1]
    # "according to Thibodeau the structure passed": a name, then the clause it is the source of
    name = _NAME_THEN_CLAUSE.match(text, lo, end)
    if name is not None:
        end = name.end(1)
    # "according to figures the council released" is a document; keep the head only
    words = list(_WORDS.finditer(text, lo, end))
    if not words:
        return None
    if len(words) > 8:
        end = words[7].end()
    return _classify(text, lo, end, lex, reg)


# the start of a list of places that a name ends: "from Molo and ", "in Lamu, Kilifi or "
_PLACE_LIST_BEFORE = re.compile(
    r"\b(?:from|in|at|near|between)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)*"
    r",?\s+(?:and|or)\s+$"
)


def _classify(text: str, a: int, b: int, lex: Lexicon, reg: Registry) -> Speaker | None:
    a, b = _trim(text, a, b)
    if a >= b:
        return None
    span = text[a:b]
    words = _WORDS.findall(span)
    if not words:
        return None
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        m = _WORDS.search(text, a, b)
        assert m is not None
        return Speaker(m.start(), m.end(), m.group(), "pronoun")
    # a person or organisation the registry found inside the span
    for mention, person in reg.mentions_between(a, b):
        if True:
            if text[mention.end - 2 : mention.end] in ("'s", "’s") or text[mention.end - 1 : mention.end] in "'’":
                continue  # "Halvorsen's chief executive": the name only qualifies the speaker
            single = len(mention.text.split()) == 1
            if single and (reg.is_organisation_word(mention.text) or reg.is_place_word(mention.text)):
                return Speaker(a, b, span, "organisation")
            if single and _PLACE_LIST_BEFORE.search(text, max(0, mention.start - 80), mention.start):
                continue  # "relatives who had travelled from Molo and Njoro said": a place, not the speaker
            if single:
                # a bare name is the speaker only if it is the whole phrase ("Amin", "Mr Jennings")
                rest = _WORDS.findall(text[a : mention.start]) + _WORDS.findall(text[mention.end : b])
                # (a live blog's time before the name is no part of the phrase: "20:41 - Appiah said")
                if any(not lex.is_title(w) and not w.isdigit() for w in rest):
                    continue
            kind: SpeakerKind = "person" if person.introduced_before(mention.start + 1) else "name"
            return Speaker(mention.start, mention.end, mention.text, kind, person.id)
    if reg.names_organisation_in(a, b):
        return Speaker(a, b, span, "organisation")
    head = low[-1]
    for w in low:
        if w in ("of", "at", "for", "in", "from", "with"):
            break
        head = w
    head = re.sub(r"['’]s$", "", head)
    owned = _OWNED_HEAD.search(span)
    if owned:
        head = owned.group(1).lower()  # "the secretary of state's office": the office
    if head in _SOURCE_NOUNS:
        return Speaker(a, b, span, "source")
    if (
        head in lex.organisation_nouns
        or head.rstrip("s") in lex.organisation_nouns
        or (head.endswith("ies") and head[:-3] + "y" in lex.organisation_nouns)
        # "the coast guard" is the coastguard, no guard on a coast
        or (len(low) >= 2 and low[-1] == head and low[-2] + head in lex.organisation_nouns)
    ):
        return Speaker(a, b, span, "organisation")
    if head in lex.group_nouns:
        return Speaker(a, b, span, "group")
    if lex.is_role_noun(head):
        return Speaker(a, b, span, "role")
    if any(w[:1].isupper() for w in words):
        cap = [w for w in words if w[:1].isupper()]
        if all(reg.is_organisation_word(w) or reg.is_place_word(w) or w in lex.non_persons for w in cap):
            return Speaker(a, b, span, "organisation")
    return Speaker(a, b, span, "unknown")


# --- pronouns -------------------------------------------------------------------


# what someone issues, and a story names before it quotes it: "in a statement", "a letter to parents"
# ... and an anonymous source, introduced before it is quoted: "a person familiar with the talks"
_ISSUED = frozenset(
    "statement statements letter memo notice announcement release post message filing person woman man".split()
)


def _unseen_source(text: str, sp: Speaker) -> bool:
    """Whether the source ``sp`` is "the statement", "the report" and the like, and nothing before it in
    the article mentions one: no "in a statement", no "a report by"."""
    words = sp.text.lower().split()
    if len(words) != 2 or words[0] != "the" or words[1] not in _ISSUED:
        return False  # "the findings", "the figures": what the story is about, named or not
    stem = {"woman": "wom[ae]n", "man": "m[ae]n"}.get(words[1]) or re.escape(words[1].removesuffix("s"))
    return re.search(rf"\b{stem}(?:s|es)?\b", text[: sp.start], re.IGNORECASE) is None


def _previous_paragraph(doc: Document, paragraphs: dict[int, _Paragraph], index: int) -> _Paragraph | None:
    for j in range(index - 1, -1, -1):
        para = paragraphs.get(j)
        if para is None:
            if doc.blocks[j].kind in ("headline", "heading"):
                return None
            continue
        if para.furniture:
            continue
        return para
    return None


# a paragraph that opens by pointing back at the quote before it
_LOOKING_BACK = frozenset({"That", "Those", "This", "These", "So", "Such", "Said", "Says"})


def _next_paragraph(doc: Document, paragraphs: dict[int, _Paragraph], index: int) -> _Paragraph | None:
    for j in range(index + 1, len(doc.blocks)):
        para = paragraphs.get(j)
        if para is not None:
            return para
        if doc.blocks[j].kind in ("headline", "heading"):
            return None
    return None


def _resolve_pronouns(
    doc: Document,
    analysis: Attributions,
    paragraphs: dict[int, _Paragraph],
    reg: Registry,
    lex: Lexicon,
    quotes: list[Quotation],
) -> None:
    text = doc.text
    spoke: set[int] = set()
    # a name inside a quotation is the speaker's word, not the narrative's: "Kelbrook has been underfunded"
    quoted = [(q.start, q.end) for q in quotes if not q.nested]
    # the outer quotations are in text order and apart (see _Paragraph.spans)
    outer = ([a for a, _ in quoted], [b for _, b in quoted])
    spoken_by: dict[tuple[int, str], Antecedent | None] = {}
    learned: dict[int, str] = {}  # person id -> the pronoun pinned on them, for a person the article does not sex
    for i, frame in enumerate(analysis.frames):
        sp = frame.speaker
        if sp is None:
            continue
        if sp.person is not None:
            spoke.add(sp.person)
            continue
        if sp.kind in ("source", "unknown") and _unseen_source(text, sp):
            # "the statement said" where the article never mentions a statement: a source with nothing behind it
            analysis.frames[i] = replace(frame, resolved=False)
            continue
        if sp.kind != "pronoun":
            continue
        pron = PRONOUNS.get(sp.text.lower(), "we")
        if pron == "we":
            continue
        para = paragraphs[frame.block]
        prev = _previous_paragraph(doc, paragraphs, frame.block)
        near: list[tuple[int, int]] = [(_reach_back(text, _after_dateline(text, para.lo), sp.start), sp.start)]
        entry_before = _entry_before(doc, paragraphs, frame.block)
        if entry_before is not None:
            lo = _after_dateline(text, entry_before.lo)
            near.insert(0, (_reach_back(text, lo, entry_before.hi), entry_before.hi))
        near = _outside(near, *outer)
        found: Antecedent | None = None
        if pron in ("it", "they"):
            found = _speaker_antecedent(doc, analysis, paragraphs, frame.block, pron, spoken_by)
        if found is not None:
            pass
        elif pron in ("male", "female"):
            found = (
                _person_antecedent(text, reg, sp.start, pron, spoke, outer, learned)
                or _noun_antecedent(text, near, pron, lex, analysis, reg)
                or _role_speaker(text, analysis, reg, sp.start, pron)
                or _described_speaker(text, analysis, frame.block, prev, sp.start, lex, reg, pron)
            )
        else:
            found = _noun_antecedent(text, near, pron, lex, analysis, reg)
            if found is None and pron == "they":
                found = _near_person(reg, near)
        analysis.frames[i] = Frame(
            frame.cue_start,
            frame.cue_end,
            frame.cue,
            sp,
            frame.block,
            frame.form,
            frame.governs,
            found is not None,
            found,
        )


def _after_dateline(text: str, lo: int) -> int:
    """Where a paragraph's copy starts after its dateline: "DUSHANBE, May 14 (Wire) - " names the place, the date
    and the agency that filed the story, none of them anything an "it said" or a "they said" in it can mean."""
    m = DATELINE.match(text, lo)
    return m.end() if m else lo


def _speaker_antecedent(
    doc: Document,
    analysis: Attributions,
    paragraphs: dict[int, _Paragraph],
    block: int,
    pron: str,
    known: dict[tuple[int, str], Antecedent | None],
) -> Antecedent | None:
    """An organisation or group that spoke in this paragraph or one of the two
    before.  ``known`` keeps the answers: the frames it reads are those of other
    speakers than pronouns, which resolving pronouns leaves as they are, and a
    paragraph of many "it said" would otherwise read them all for each."""
    if (block, pron) not in known:
        known[block, pron] = _first_speaker(doc, analysis, paragraphs, block, pron)
    return known[block, pron]


# a live blog's entry opens with its time: "12:31 - ", "9.05am: "
_LIVE_ENTRY = re.compile(r"\s*" + TIME_STAMP + r"\s*[-–—:|]\s", re.IGNORECASE)


def _entry_before(doc: Document, paragraphs: dict[int, _Paragraph], block: int) -> _Paragraph | None:
    """The paragraph before ``block`` where a pronoun may find what it means; none for a live blog's
    entry, which stands alone ("they" is no group of an earlier entry)."""
    if _LIVE_ENTRY.match(doc.text, doc.blocks[block].start):
        return None
    return _previous_paragraph(doc, paragraphs, block)


def _first_speaker(
    doc: Document, analysis: Attributions, paragraphs: dict[int, _Paragraph], block: int, pron: str
) -> Antecedent | None:
    blocks = [block]
    para = _entry_before(doc, paragraphs, block)
    if para is not None:
        blocks.append(para.index)
        before = _previous_paragraph(doc, paragraphs, para.index)
        if before is not None:
            blocks.append(before.index)
    wanted = ("organisation",) if pron == "it" else ("organisation", "group")
    text = doc.text
    for b in blocks:
        for f in analysis.frames_in(b):
            sp = f.speaker
            if sp is None or sp.kind not in wanted or f.form == "according-to":
                continue
            if pron == "they" and sp.kind == "organisation" and _IT_AFTER.match(text, max(sp.end, f.cue_end)):
                continue  # "The state government said that it had opened an inquiry": "it", never "they"
            if pron == "it" and _plural_body(sp.text):
                continue  # "Police have confirmed ...": the police are "they", never "it"
            return Antecedent(sp.start, sp.end, sp.text)
    return None


# A pronoun's antecedent is looked for this many characters back in its own
# paragraph and in the end of the one before (an ordinary paragraph is shorter):
# a paragraph of thousands of "it said" would otherwise be read once for each.
ANTECEDENT_REACH = 2000


def _reach_back(text: str, lo: int, hi: int) -> int:
    """The start of ``[lo, hi)`` cut to its last :data:`ANTECEDENT_REACH` characters, at a space."""
    if hi - lo <= ANTECEDENT_REACH:
        return lo
    space = text.find(" ", hi - ANTECEDENT_REACH, hi)
    return space + 1 if space >= 0 else hi - ANTECEDENT_REACH


def _outside(spans: list[tuple[int, int]], starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
    """:func:`_outside_quotes` for the outer quotations' sorted ``starts`` and
    ``ends``: only those that overlap a span are visited."""
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        k = bisect.bisect_right(ends, lo)
        while k < len(starts) and starts[k] < hi:
            if starts[k] > lo:
                out.append((lo, starts[k]))
            lo = max(lo, ends[k])
            k += 1
        if lo < hi:
            out.append((lo, hi))
    return out


def _outside_quotes(spans: list[tuple[int, int]], quotes: list[Quotation]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        for q in quotes:
            if q.end <= lo or q.start >= hi or q.nested:
                continue
            if q.start > lo:
                out.append((lo, q.start))
            lo = max(lo, q.end)
        if lo < hi:
            out.append((lo, hi))
    return out


def _role_speaker(text: str, analysis: Attributions, reg: Registry, before: int, pron: str) -> Antecedent | None:
    # "the prime minister said ..." paragraphs earlier, then "she said"
    found: Antecedent | None = None
    for f in analysis.frames:
        sp = f.speaker
        if sp is None or sp.start >= before or sp.kind != "role":
            continue
        head = _WORDS.findall(sp.text.lower())
        if head and head[-1].endswith("s") and not head[-1].endswith("ss") and head[-1] not in GENDERED:
            continue  # "Both councillors said": a group is "they", never "he" or "she"
        genders = {GENDERED.get(w) for w in head} - {None, "unknown"}
        if (
            (not genders or pron in genders)
            and not _named_other(text, reg, sp.end, pron)
            and not _titled_other(text, reg, head, sp.start, pron)
        ):
            found = Antecedent(sp.start, sp.end, sp.text)
    return found


def _titled_other(text: str, reg: Registry, head: list[str], before: int, pron: str) -> bool:
    """The role names again someone the article gave that title, and none of them fits the pronoun:
    "County Commissioner Joseph Lagat", then "the commissioner said", is not "she"."""
    if not head:
        return False
    role = head[-1]

    def titled_so(m: Mention) -> bool:
        if m.title and m.title.lower().split()[-1] == role:
            return True
        # a title that opens a sentence is not part of the name's run: "Governor Daniel Omondi was ...", and a
        # role before an honorific neither: "consultant surgeon Dr Philip Greaves"
        head = text[max(0, m.start - len(role) - 12) : m.start].lower()
        if m.title:
            head = head.removesuffix(f"{m.title.lower()} ")
        return head.endswith(f"{role} ") and (len(head) == len(role) + 1 or not head[-len(role) - 2].isalpha())

    titled = [person for person in reg.people if any(m.start < before and titled_so(m) for m in person.mentions)]
    return bool(titled) and all(person.gender not in ("unknown", pron) for person in titled)


# one person described, not named: "The 34-year-old said", "One man, who gave
# his name only as Karim, said", "A woman who lives next door said"
_ONE_PERSON = re.compile(r"(?:the|a|an|one|another)\s+(?!(?:of|group|number|couple|pair|team|family)\b)[\w\-]+", re.I)


def _described_speaker(
    text: str,
    analysis: Attributions,
    block: int,
    prev: _Paragraph | None,
    before: int,
    lex: Lexicon,
    reg: Registry,
    pron: str,
) -> Antecedent | None:
    """A person described by a noun phrase who spoke earlier in this paragraph or
    in the one before: "he said" in the next sentence is that person."""
    blocks = [block] if prev is None else [prev.index, block]
    found: Antecedent | None = None
    for b in blocks:
        for f in analysis.frames_in(b):
            sp = f.speaker
            if sp is None or sp.start >= before or sp.kind not in ("role", "unknown") or f.form == "according-to":
                continue
            head = sp.text.rstrip(" ,")
            if any(w.lower() in lex.organisation_nouns or w.lower() in _BODY_WORDS for w in _WORDS.findall(head)):
                continue  # "the central bank", "the police district": an institution is never "he" or "she"
            if (
                _ONE_PERSON.match(head)
                and not (head.endswith("s") and not head.endswith("ss"))
                and not _titled_other(text, reg, _WORDS.findall(head.lower()), sp.start, pron)
            ):
                found = Antecedent(sp.start, sp.end, sp.text)
    return found


# words of a body that is no organisation noun of its own ("the police district said", "the prosecution said"):
# never "he" or "she"
_BODY_WORDS = frozenset(
    ("police", "district", "division", "unit", "command", "prosecution", "defence", "defense", "jury", "panel")
)


def _near_person(reg: Registry, near: list[tuple[int, int]]) -> Antecedent | None:
    # "they" for a named person whose pronouns the article does not give: the
    # first such person met, at their first mention near the pronoun
    best: tuple[int, int, Mention] | None = None
    for lo, hi in near:
        for m, person in reg.mentions_between(lo, hi):
            if person.gender != "unknown" or not person.evidence:
                continue
            if best is None or (person.id, m.start) < best[:2]:
                best = (person.id, m.start, m)
    return Antecedent(best[2].start, best[2].end, best[2].text) if best else None


def _compatible(person: Person, pron: str) -> bool:
    return person.gender == "unknown" or person.gender == pron


def _person_antecedent(
    text: str,
    reg: Registry,
    before: int,
    pron: str,
    spoke: set[int],
    quoted: tuple[list[int], list[int]],
    learned: dict[int, str],
) -> Antecedent | None:
    # the latest mention before ``before``, outside the quotations' sorted
    # ``(starts, ends)``, of a person who may be meant; ``learned`` holds the
    # sex of the people an earlier "he said" or "she said" was pinned on, and
    # gains this one's
    starts, ends = quoted
    for m, person in reg.mentions_before(before):
        if not (person.evidence or person.id in spoke or person.gender != "unknown"):
            continue
        if (
            person.gender == "unknown"
            and person.id not in spoke
            and (_only_after_the(text, person) or _named_like_a_thing(person))
        ):
            # "sections of the Bharatiya Nyaya Sanhita", "the Kaptebo Marathon", "before Lunar New Year": a thing
            # with a name, no one a "he" or a "she" can mean
            continue
        if not _compatible(person, pron) or learned.get(person.id, pron) != pron:
            continue
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.start < ends[k]:
            continue
        if person.gender == "unknown":
            learned[person.id] = pron  # "Salonga said ... he said": a later "she said" is someone else
        return Antecedent(m.start, m.end, m.text)
    return None


def _named_like_a_thing(person: Person) -> bool:
    """Whether every mention of ``person`` in more than one word opens or ends with an English word that is no
    one's name ("Lunar New Year", "Internationally Trained Physicians", "Maritime New Zealand", "Collapsed
    Speyside"), and none has a title: an event, a body, a place or a thing the names layer took for a person."""
    full = False
    for m in person.mentions:
        if m.title:
            return False
        words = m.text.split()
        if len(words) < 2:
            continue  # "Kaptebo", after "the Kaptebo Marathon": the same name, cut short
        first, last = words[0].lower(), words[-1].lower()
        if not (first in COMMON_WORDS or last in COMMON_WORDS or (last.endswith("s") and last[:-1] in COMMON_WORDS)):
            return False
        full = True
    return full


# "the Bharatiya Nyaya Sanhita", "the former Hadley Creamery site"; not "the late Desmond Tutu"
_THE_BEFORE = re.compile(r"\bthe\s+(?:(?!late\b)[a-z][a-z-]*\s+)?$", re.IGNORECASE)


def _only_after_the(text: str, person: Person) -> bool:
    """Whether every mention of ``person`` follows "the" with no title: people are seldom "the" anything."""
    return all(not m.title and _THE_BEFORE.search(text, max(0, m.start - 30), m.start) for m in person.mentions)


def _noun_antecedent(
    text: str, near: list[tuple[int, int]], pron: str, lex: Lexicon, analysis: Attributions, reg: Registry
) -> Antecedent | None:
    # the last span with a candidate decides; in it a noun comes before an
    # acronym and an acronym before an organisation's name, the last of each
    # (the nearest the pronoun), so each is read from the end
    for lo, hi in reversed(near):
        for m in reversed(list(_WORDS.finditer(text, lo, hi))):
            if _refers(text, lo, m, pron, lex, reg):
                return Antecedent(m.start(), m.end(), m.group())
        if pron in ("it", "they"):
            acronyms = list(_ACRONYM.finditer(text, lo, hi))
            if acronyms:
                return Antecedent(acronyms[-1].start(), acronyms[-1].end(), acronyms[-1].group())
            org = reg.last_organisation_in(lo, hi)
            if org is not None and not (
                pron == "it"
                and (
                    _plural_body(org.text)
                    # "families in Harlan Ridge County": the county as a place, not its government speaking
                    or _IN_PLACE_BEFORE.search(text, max(lo, org.start - 60), org.start)
                )
            ):
                return Antecedent(org.start, org.end, org.text)
    return None


def _in_place_name(text: str, end: int, lex: Lexicon) -> bool:
    """Whether the capitalised words after ``end`` make the word before them part of a place's name: "Wellagoda"
    in "the Wellagoda Municipal Stadium", after "Wellagoda Base Hospital" has made it an organisation's word."""
    rest = _CAPITALISED_AFTER.match(text, end)
    return rest is not None and rest.group(1).split()[-1] in lex.place_markers


_IN_PLACE_BEFORE = re.compile(
    r"\b(?:in|across|near|throughout|outside)\s+(?:the\s+)?"
    # "in downtown Garnet Springs", "across rural Kenya"
    r"(?:(?:downtown|uptown|central|northern|southern|eastern|western|rural|suburban|coastal|greater|inner|outer)\s+)?"
    r"(?:[A-Z][\w'’-]*\s+){0,3}$"
    # "a fishing community in the Emohua area of Rivers State": a place, by the part of it named first
    r"|\b(?:area|areas|part|parts|region|district|outskirts|north|south|east|west|centre|center)\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*\s+){0,3}$"
)
_CAPITALISED_AFTER = re.compile(r"((?:\s+[A-Z][\w'’-]*){1,3})")
# a name of two capitalised words or more after an organisation noun, then its verb: "group Fair Skies Ireland welcomed"
_NAMED_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]*){2,5}\s+[a-z]")


def _refers(text: str, lo: int, m: re.Match[str], pron: str, lex: Lexicon, reg: Registry) -> bool:
    """Whether the word ``m`` (in a span that starts at ``lo``) may be what ``pron`` stands for."""
    w = m.group()
    lw = w.lower()
    if pron == "it":
        if _plural_body(lw):
            return False  # the police are "they"
        return (
            (
                lw in lex.organisation_nouns
                and _has_determiner(text, lo, m.start())
                and not _modifier(text, m.end(), lex)
            )
            or (
                # "Passenger rights group Fair Skies Ireland welcomed the decision": the noun before the body's name
                lw in lex.organisation_nouns and m.start() > lo and _NAMED_AFTER.match(text, m.end()) is not None
            )
            or (
                w[:1].isupper()
                and reg.is_organisation_word(w)
                and not _in_place_name(text, m.end(), lex)
                # "parts of Lethukuhle": the place, alone, where "the Lethukuhle Residents Forum" is a body
                and not (reg.is_place_word(w) and _CAPITALISED_AFTER.match(text, m.end()) is None)
                # "families in Harlan Ridge County", "in the Meghna river": a place, whatever else the name is
                and _IN_PLACE_BEFORE.search(text, max(lo, m.start() - 60), m.start()) is None
            )
        )
    if pron == "they":
        organisation = (
            lw in lex.organisation_nouns
            or (lw.endswith("s") and lw[:-1] in lex.organisation_nouns)
            or (lw.endswith("ies") and lw[:-3] + "y" in lex.organisation_nouns)
        )
        return (
            (
                lw in lex.group_nouns
                or (lw.endswith("s") and lex.is_role_noun(lw) and lw not in lex.titles)
                # "villages on both sides of the border": a place, not the sides of a dispute; "the government
                # said that it had opened an inquiry": the article calls it "it"
                or (organisation and not _OF_NEXT.match(text, m.end()) and not _IT_AFTER.match(text, m.end()))
                or GENDERED.get(lw) == "they"
            )
            or (w[:1].isupper() and reg.is_organisation_word(w))
        )
    g = GENDERED.get(lw)
    if _OUR_OWN.search(text, max(lo, m.start() - 6), m.start()):
        return False  # "confirmed the incident to our correspondent": the paper's own reporter, not a source
    return g == pron or (
        g is None
        and lw in lex.titles
        and w.islower()
        # "a nurse", "the team's forward"; not "she was thrown forward"
        and _ROLE_DETERMINED.search(text, max(lo, m.start() - 40), m.start()) is not None
        and not _named_other(text, reg, m.end(), pron)
        and not _named_before(text, reg, m.start(), pron)
        and not _titled_other(text, reg, [lw], m.start(), pron)
        and not _describes_group(text, m.end(), lex)
        and not _qualifies_place(text, m.end())
    )


def _qualifies_place(text: str, end: int) -> bool:
    """The role noun ending at ``end`` only qualifies a place or an event: "the town's general hospital"."""
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1) in _PLACE_OR_EVENT


_OF_NEXT = re.compile(r"\s+of\b")
_OUR_OWN = re.compile(r"\bour\s+$", re.IGNORECASE)
_PLURAL_BODIES = frozenset(("police", "staff", "personnel", "people"))


def _plural_body(phrase: str) -> bool:
    """A body English calls "they", never "it": "Police", "the hospital's staff"."""
    return phrase.rsplit(None, 1)[-1].lower() in _PLURAL_BODIES


_IT_AFTER = re.compile(r"[^.!?\"“”]{0,120}?\b(?:it|its|itself)\b")


def _named_other(text: str, reg: Registry, end: int, pron: str) -> bool:
    """The role noun ending at ``end`` is given a name of the other gender, next to it or after the rest of its
    noun phrase: "its director, Helen Osei," is not "he"."""
    named = reg.mentions_between(end, end + 3)
    if not named:
        # "The leader of the opposition Civic Party group, Cllr Priya Lal, said": the name after the rest of
        # the role's noun phrase
        named = reg.mentions_between(end, end + 80)[:1]
        if named and not (
            _APPOSED_AFTER.fullmatch(text, end, named[0][0].start)
            or _TITLE_RUN_AFTER.fullmatch(text, end, named[0][0].start)
        ):
            return False
    return bool(named) and named[0][1].gender not in ("unknown", pron)


# the rest of a title written in capitals before the name: "Deputy Superintendent of Police (DSP) Emmanuel"
_TITLE_RUN_AFTER = re.compile(r"(?:\s+(?:of|for|the|[A-Z][\w'’-]*))*(?:\s+\([A-Z]{2,6}\))?\s+")
# the rest of a role's noun phrase, then the comma before the name it is given
_APPOSED_AFTER = re.compile(
    r"(?:\s+(?:of|for|at|the|a|an|[A-Z][\w'’-]*|[a-z]+-?[a-z]*)){0,7}?,\s+(?:[A-Z][\w.'’-]*\s+){0,2}"
)


# what stands between a name and the role it is given after it: "Mirela Stanescu, 34, a nurse"
_APPOSED = re.compile(r",\s*(?:\d{1,3},\s*)?(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}$")


def _named_before(text: str, reg: Registry, start: int, pron: str) -> bool:
    """The role noun starting at ``start`` is given to a name of the other gender just before it: "Mirela
    Stanescu, 34, a nurse who ..." is not "he"."""
    for m, person in reversed(reg.mentions_between(max(0, start - 80), start)):
        if _APPOSED.fullmatch(text, m.end, start) is None:
            continue
        return person.gender not in ("unknown", pron)
    return False


def _modifier(text: str, end: int, lex: Lexicon) -> bool:
    # "government ministers", "union officials": the noun describes people, not a speaker
    m = _NEXT_WORD.match(text, end, end + 30)
    return bool(m and lex.is_role_noun(m.group(1)))


def _describes_group(text: str, end: int, lex: Lexicon) -> bool:
    """The role noun ending at ``end`` describes a group named two words on: "volunteer search crews"."""
    m = _TWO_WORDS.match(text, end, end + 40)
    if m is None:
        return False
    first = m.group(1)
    return not first.endswith(("s", "ed")) and first not in lex.speech_verbs and m.group(2) in lex.group_nouns


_TWO_WORDS = re.compile(r"\s+([a-z]+)\s+([a-z]+)\b")


def _has_determiner(text: str, lo: int, i: int) -> bool:
    before = text[max(lo, i - 40) : i]
    return bool(_DETERMINED.search(before))


# --- sources ----------------------------------------------------------------------

_TITLE_CUES = re.compile(
    r"\b(?:titled|entitled|called|named|dubbed|headlined|nicknamed|known as|book|novel|film|movie|song|album|"
    r"series|show|play|documentary|poem|article|column|episode|exhibition|slogan|motto|hashtag|campaign|operation|"
    r"reading|read|words|the phrase|the term|banner|sign|signs|placards?|hit|single|podcast|programme|program)"
    r"\s*[,:]?\s*$",
    re.I,
)


def _is_title(text: str, q: Quotation, para_lo: int) -> bool:
    before = text[max(para_lo, q.start - 30) : q.start]
    if _TITLE_CUES.search(before):
        return True
    words = _WORDS.findall(q.text)
    if len(words) < 2 or q.text.rstrip()[-1:] in ".!?,":
        return False
    small = {"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "from"}
    content = [w for w in words if w.lower() not in small]
    return (
        bool(content)
        and sum(1 for w in content if w[:1].isupper() or w[:1].isdigit()) >= 0.75 * len(content)
        and (len(content) >= 2)
    )


def _is_direct(q: Quotation) -> bool:
    """A quote of a full sentence or clause, as opposed to a scare-quoted phrase."""
    if q.sentence_start:
        return q.words >= 3
    return q.words >= 8


# the question label a transcript puts before each answer: "(on the injuries)",
# "(Opening statement)", "(Asked about the referee)"
_TRANSCRIPT_CUE = re.compile(
    r"\((?:on|opening|asked|about|regarding|re|question)\b[^()\n]{0,200}\)\s*[\"“]", re.IGNORECASE
)
# one to three words, the last ending in a colon, before a quote: "Adams:",
# "Read more:"; matched rather than split, which copied the paragraph for each quote
_LABEL = re.compile(r"\s*(?:\S+\s+){0,2}\S*:\s*")


def _sources(
    doc: Document,
    quotes: list[Quotation],
    analysis: Attributions,
    paragraphs: dict[int, _Paragraph],
    registry: Registry,
    lex: Lexicon,
) -> list[QuoteSource]:
    text = doc.text
    sources: list[QuoteSource] = []
    candidates = _NearestSpeaker(
        [f.speaker for f in analysis.frames if f.speaker is not None and f.speaker.kind != "pronoun"]
    )
    answers: set[int] = set()  # quote groups that answer a transcript's question
    # each paragraph's frames (in cue order), their cues' starts and the first
    # that has a speaker, made once: listing them for every quote was quadratic
    # in a paragraph of many quotes
    by_block: dict[int, tuple[list[Frame], list[int], Frame | None]] = {}
    for qi, q in enumerate(quotes):
        block = doc.blocks[q.block]
        if block.kind not in ("paragraph", "list_item") or q.nested:
            sources.append(QuoteSource(qi, "not-copy"))
            continue
        para = paragraphs.get(q.block)
        if para is None:
            sources.append(QuoteSource(qi, "not-copy"))
            continue
        if _is_title(text, q, para.lo):
            sources.append(QuoteSource(qi, "title"))
            continue
        if _TRANSCRIPT_CUE.match(text, para.lo, q.start + 1):
            # a quote sheet or press-conference transcript: "(On the injuries) "We
            # lost ..."" answers a question under the speaker's heading, not copy
            sources.append(QuoteSource(qi, "not-copy"))
            answers.add(q.group)
            continue
        if q.group in answers:
            # the next paragraph of the same answer
            sources.append(QuoteSource(qi, "not-copy"))
            continue
        known = by_block.get(q.block)
        if known is None:
            frames = analysis.frames_in(q.block)
            first_spoken = next((f for f in frames if f.speaker is not None and f.resolved), None)
            known = by_block[q.block] = (frames, [f.cue_start for f in frames], first_spoken)
        frames, cue_starts, first_spoken = known
        s0 = _bound_before(para, q.start)
        s1 = _bound_after(para, q.end - 1)
        in_sentence = frames[bisect.bisect_left(cue_starts, s0) : bisect.bisect_left(cue_starts, s1)]
        attached = _attached(text, q, in_sentence)
        cand = candidates.before(q.start)
        if attached is not None and attached.speaker is not None:
            if attached.speaker.kind in ("pronoun", "source", "unknown") and not attached.resolved:
                sources.append(QuoteSource(qi, "pronoun-unresolved", attached, "sentence", cand))
            else:
                sources.append(QuoteSource(qi, "attributed", attached, "sentence", cand))
            continue
        spoken = [f for f in in_sentence if f.speaker is not None and f.resolved]
        if spoken:
            sources.append(QuoteSource(qi, "attributed", spoken[0], "sentence", cand))
            continue
        if first_spoken is not None:
            sources.append(QuoteSource(qi, "attributed", first_spoken, "paragraph", cand))
            continue
        if not _is_direct(q):
            sources.append(QuoteSource(qi, "scare", None, "", cand))
            continue
        if _LABEL.fullmatch(text, para.lo, q.start):
            # "Adams: ..." in a transcript; "Watch: ...", "Read more: ..." on a page
            sources.append(QuoteSource(qi, "attributed", None, "label", cand))
            continue
        if _DASH_NAME.match(text, q.end, q.end + 6):
            # "... ." — Jane Doe, in the style of epigraphs and embedded posts
            sources.append(QuoteSource(qi, "attributed", None, "dash", cand))
            continue
        # someone named beside the quote (in its paragraph; for a partial quote, before
        # the end of its sentence) is taken as its speaker even in a form we do not parse
        lo, hi = (para.lo, para.hi) if q.sentence_start else (para.lo, s1)
        named = _names_someone(text, lo, hi, [quotes[i] for i in para.quotes], registry, lex, (s0, s1))
        if named is not None:
            sources.append(QuoteSource(qi, "attributed", None, "named-nearby", named))
            continue
        sources.append(QuoteSource(qi, "unattributed", None, "", cand))
    _share_within_groups(sources, quotes)
    # a pull quote: the same words quoted, with a speaker, elsewhere in the article
    # (one search of them all, joined by a character no quote's words hold)
    spoken_texts = "\0".join(_norm(quotes[s.quote].text) for s in sources if s.status == "attributed")
    for i, s in enumerate(sources):
        if s.status == "unattributed":
            words = _norm(quotes[s.quote].text)
            if words and words in spoken_texts:
                sources[i] = QuoteSource(s.quote, "attributed", None, "repeated", s.candidate)
    # a quote paragraph whose speaker the next paragraph names at once:
    # ``"We've never seen anything like it." // That was how fire chief Bob Smith described ...``
    for i, s in enumerate(sources):
        if s.status != "unattributed":
            continue
        nxt = _next_paragraph(doc, paragraphs, quotes[s.quote].block)
        if nxt is None or _first_word(text, nxt.lo, nxt.hi) not in _LOOKING_BACK:
            continue
        first_end = nxt.bounds[1] if len(nxt.bounds) > 1 else nxt.hi
        spoken = [
            f
            for f in analysis.frames_in(nxt.index)
            if f.cue_start < first_end and f.speaker is not None and f.speaker.kind != "pronoun"
        ]
        if spoken:
            sources[i] = QuoteSource(s.quote, "attributed", spoken[0], "next-paragraph", s.candidate)
        elif find_cues(text[nxt.lo : first_end], lex):
            named = _names_someone(text, nxt.lo, first_end, [], registry, lex)
            if named is not None:
                sources[i] = QuoteSource(s.quote, "attributed", None, "next-paragraph", named)
    by_quote = {src.quote: src for src in sources}
    # a quote paragraph that follows a paragraph whose last sentence has someone speaking continues them:
    # ``... ," Rakhimova said. // "If nothing changes ..."``; after ``Police said the suspect ... No one was
    # hurt.`` a quote needs a speaker of its own
    for i, s in enumerate(sources):
        if s.status != "unattributed":
            continue
        q = quotes[s.quote]
        para = paragraphs.get(q.block)
        if para is None or not any(quotes[k].start == _first_non_space(text, para.lo, para.hi) for k in para.quotes):
            continue  # a paragraph of narrative of its own ("parents held placards. "...") continues no one
        prev = _previous_paragraph(doc, paragraphs, q.block)
        closing = None if prev is None else _closing_quote(text, prev, quotes)
        if prev is None or not (
            any(quotes[k].sentence_start for k in prev.quotes)
            or text[prev.lo : prev.hi].rstrip().endswith(":")
            or (closing is not None and _whole_sentences(text, prev, quotes[closing]))
        ):
            # a speaker carries on into a bare quote only from a sentence of theirs quoted before it, or a
            # ``..., said:`` that opens it: after ``Mwale said the union had tried for months.`` or a few
            # words quoted from a statement, a quote needs a speaker of its own
            continue
        last = _last_own_sentence(text, prev, quotes)
        spoken = [
            f
            for f in analysis.frames_in(prev.index)
            if f.speaker is not None and f.resolved and _speaks_on(f) and max(f.cue_start, f.speaker.start) >= last
        ]
        if spoken:
            sources[i] = QuoteSource(s.quote, "attributed", spoken[-1], "previous-paragraph", s.candidate)
            continue
        # "Hauke Christiansen was visibly moved after the vote: „Today is a good day ...“" closing the paragraph
        # before: the quote it ends with is someone's, with or without a verb of speech
        if closing is not None:
            earlier = by_quote.get(closing)
            if earlier is not None and earlier.status == "attributed" and (earlier.frame or earlier.candidate):
                sources[i] = QuoteSource(
                    s.quote, "attributed", earlier.frame, "previous-paragraph", earlier.candidate or s.candidate
                )
    # again: the first piece of a multi-paragraph quote may only now have its
    # speaker ("..., said:" closing the paragraph before it)
    _share_within_groups(sources, quotes)
    return sources


def _closing_quote(text: str, para: _Paragraph, quotes: list[Quotation]) -> int | None:
    """The quote the paragraph ends with (nothing but punctuation after it), or None."""
    closing = next((k for k in reversed(para.quotes) if not quotes[k].nested), None)
    if closing is None or text[quotes[closing].end : para.hi].strip(" \t\n.,;:!?\"“”„‘’'"):
        return None
    return closing


def _whole_sentences(text: str, para: _Paragraph, closing: Quotation) -> bool:
    """Whether the quote that closes the paragraph is of whole sentences: ``Dr Shuvo said, "We are working day and
    night. But we have no security."`` (not a few words quoted: ``described the attack as "cowardly".``)."""
    words = closing.text.split()
    ends = closing.text.rstrip()[-1:] + text[closing.end : para.hi].strip()[:1]
    return len(words) >= 6 and words[0][:1].isupper() and any(c in ".!?" for c in ends)


def _last_own_sentence(text: str, para: _Paragraph, quotes: list[Quotation]) -> int:
    """Where the paragraph's last sentence that is not all quotation starts: in ``"...," Alito said. "Do you
    dispute that?"`` the speaker still has the last word."""
    spans = [(quotes[q].start, quotes[q].end) for q in para.quotes if not quotes[q].nested]
    bounds = para.bounds
    k = len(bounds) - 1
    while k > 0:
        lo = bounds[k]
        hi = bounds[k + 1] if k + 1 < len(bounds) else para.hi
        body = text[lo:hi].strip()
        start = lo + text[lo:hi].find(body[:1]) if body else lo
        if not any(a <= start and start + len(body) <= b + 1 for a, b in spans):
            break
        k -= 1
    return bounds[k]


def _speaks_on(frame: Frame) -> bool:
    """Whether a paragraph of quotation after ``frame`` can be its speaker's words: "according to records
    seen by local media" cites a document, and a document says no more than its paragraph."""
    assert frame.speaker is not None
    return frame.form != "according-to" or frame.speaker.kind in ("person", "name", "role", "pronoun")


def _share_within_groups(sources: list[QuoteSource], quotes: list[Quotation]) -> None:
    """A piece of a multi-paragraph quote has the speaker of the whole quote."""
    by_group: dict[int, QuoteSource] = {}
    for s in sources:
        if s.status == "attributed":
            by_group.setdefault(quotes[s.quote].group, s)
    for i, s in enumerate(sources):
        if s.status == "unattributed":
            whole = by_group.get(quotes[s.quote].group)
            if whole is not None:
                sources[i] = QuoteSource(s.quote, "attributed", whole.frame, "multi-paragraph", s.candidate)


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in _WORDS.findall(text))


def _names_someone(
    text: str,
    lo: int,
    hi: int,
    quotes: list[Quotation],
    reg: Registry,
    lex: Lexicon,
    sentence: tuple[int, int] | None = None,
) -> Antecedent | None:
    """A person or organisation named in ``[lo, hi)`` outside quotations, or a role or organisation noun in
    ``sentence`` (the quote's own sentence) when it is given: "customs officers" two sentences before a
    quote did not say it."""
    spans = _outside_quotes([(lo, hi)], quotes)
    for mention, person in reg.mentions_between(lo, hi):
        if any(a <= mention.start < b for a, b in spans) and person.evidence:
            if _qualifies(text, mention.end, lex):
                continue  # "Okonkwo-Ruiz supporters", "the Smith family": the name only qualifies them
            if _died(text, lo, mention.start):
                continue  # "The deceased, identified as Kofi Nyarko, ... was pronounced dead": no one who speaks
            return Antecedent(mention.start, mention.end, mention.text)
    for org in reg.organisations:
        if any(a <= org.start < b for a, b in spans) and not _PLURAL_ACRONYM.match(org.text):
            if _qualifies(text, org.end, lex):
                continue  # "Army engineers spent Tuesday clearing roads": the organisation only qualifies them
            if _PLACE_BEFORE.search(text, max(lo, org.start - 12), org.start):
                continue  # "was rushed to the Akwadum Government Hospital": a place here, not a speaker
            return Antecedent(org.start, org.end, org.text)
    if sentence is not None:
        spans = _outside_quotes([sentence], quotes)
        if not any(find_cues(text[a:b], lex) for a, b in spans):
            # "The pupils used the devices for presentations, "in mathematics almost never"": a role noun
            # with no word of saying beside it did not say the quote
            return None
    for a, b in spans:
        for word in _WORDS.finditer(text, a, b):
            w = word.group().lower()
            if lex.is_role_noun(w) or w in lex.organisation_nouns:
                if _qualifies_place(text, word.end()):
                    continue  # "the town's general hospital", "a general strike": a place or an event, no one
                return Antecedent(word.start(), word.end(), word.group())
    return None


# nouns a role noun before them only qualifies: "general hospital", "guard house"
_PLACE_OR_EVENT = frozenset(
    "hospital hospitals election elections strike strikes assembly public store court office offices station "
    "headquarters house school".split()
)


def _qualifies(text: str, end: int, lex: Lexicon) -> bool:
    """The name ending at ``end`` only qualifies the people a role noun after it names."""
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1).islower() and lex.is_role_noun(after.group(1))


# the sentence of a name says that person died: "The deceased, identified as Kofi Nyarko, 28, ... was
# pronounced dead on arrival", "Ama Boateng was killed"
_DEATH = re.compile(
    r"\b(?:the deceased|the dead (?:man|woman|boy|girl)|(?:pronounced|declared|found|shot|confirmed) dead|"
    r"(?:was|were) (?:killed|murdered)|died)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'A-Z])")


def _died(text: str, lo: int, start: int) -> bool:
    """The sentence of the name at ``start`` (its paragraph starting at ``lo``) opens with the name, or with
    "the deceased", and says that person died."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, start)]
    first = breaks[-1] if breaks else lo
    if start - first > 40:
        return False  # the name is not the sentence's subject
    end = _SENTENCE_BREAK.search(text, start)
    return _DEATH.search(text, first, end.start() if end else len(text)) is not None


# a preposition of place or direction before an organisation's name
_PLACE_BEFORE = re.compile(r"\b(?:to|at|in|into|from|near|outside|inside)\s+(?:the\s+)?$")
_OWNED_HEAD = re.compile(r"\w['’]s\s+(\w+)[\s.,]*$")
# "SUVs", "ATMs": things, not organisations that speak
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")


def _attached(text: str, q: Quotation, frames: list[Frame]) -> Frame | None:
    """The frame written against the quote: ``"...," X said`` or ``X said: "..."``."""
    best: Frame | None = None
    for f in frames:
        if f.start >= q.end and _only(_GLUE, text, q.end, f.start):
            return f
        if f.cue_start >= q.end and f.form == "inverted" and _only(_GLUE, text, q.end, f.cue_start):
            return f
        if f.end <= q.start and _only(_GLUE_BEFORE, text, f.end, q.start):
            best = f
        if f.governs in ("quote", "colon") and f.end <= q.start:
            best = best or f
    return best


# what may stand between a quote and the frame written against it
_GLUE = re.compile(r"[ ,—–-]*+")
_GLUE_BEFORE = re.compile(r"[ ,:—–-]*+")


def _only(glue: re.Pattern[str], text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` is all ``glue`` (read up to its first other
    character, not copied: the frames of a long sentence are far apart)."""
    m = glue.match(text, lo, hi)
    return m is not None and m.end() == hi


class _NearestSpeaker:
    """The last speaker, in frame order, that starts before an offset.

    Frames come in text order but a speaker may stand after its cue, so the
    starts are not sorted; a scan per quote would be quadratic in a long file.
    """

    __slots__ = ("_speakers", "_starts", "_last")

    def __init__(self, speakers: list[Speaker]) -> None:
        order = sorted(range(len(speakers)), key=lambda i: speakers[i].start)
        self._speakers = speakers
        self._starts = [speakers[i].start for i in order]
        # for the k speakers that start first, the latest of them in frame order
        last: list[int] = []
        best = -1
        for i in order:
            best = max(best, i)
            last.append(best)
        self._last = last

    def before(self, offset: int) -> Antecedent | None:
        k = bisect.bisect_left(self._starts, offset)
        if k == 0:
            return None
        s = self._speakers[self._last[k - 1]]
        return Antecedent(s.start, s.end, s.text)

"""Paragraphs, sentences and tokens: the base layers every other layer reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.document import Block, Document

if TYPE_CHECKING:
    from checker.analysis import Facts


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its span of Document.text and its block."""

    start: int
    end: int
    block: int  # index into Document.blocks

    def text(self, doc: Document) -> str:
        return doc.text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Token:
    """A word or number: its span, its text and its sentence."""

    start: int
    end: int
    text: str
    sentence: int  # index into the sentences layer

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def paragraphs(doc: Document, facts: Facts) -> list[Block]:
    """Blocks of copy (headline, paragraphs, quotes, captions, list items), in order."""
    return doc.prose_blocks


# a live blog's time stamp, which opens each entry: "07:45", "9.05am", "14:20 GMT"
TIME_STAMP = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:[ap]\.?m\.?|GMT|BST|UTC|CET|EST|ET|PT))?"

# a wire dateline opening the first paragraph is not part of the sentence a reader
# reads: "TUNIS (Reuters) - ", "MARIUPOL, Ukraine — ", "(Reuters) – ",
# "DONETSK, Ukraine, July 18 (AP) -- ", "UNITED NATIONS (Sputnik, 4 December) ", "MADURAI: "
_DATELINE_PLACE = r"[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+)*"
DATELINE = re.compile(
    rf"(?:{_DATELINE_PLACE}(?:,[^\n()—–]{{1,60}}?)?\s*(?:\([^()\n]{{1,60}}\))?\s*(?:--|[—–-])\s+"
    rf"|{_DATELINE_PLACE}\s*\([^()\n]{{1,60}}\)\s+"
    rf"|{_DATELINE_PLACE}:\s+"
    r"|\([A-Za-z .]{2,30}\)\s*(?:--|[—–-])\s+)"
)


# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen col lt capt sgt maj adm cmdr insp supt det
    st mt ft jr sr rev hon pres vs etc inc ltd co corp dept univ approx est no nos
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    u.s u.k u.n e.u a.m p.m i.e e.g al
    """.split()
)

# A candidate sentence end: terminal punctuation, optional closing quotes or
# brackets, then white space.  It starts only at the first mark of a run and
# never gives marks back: otherwise a long run of dots is scanned again from
# each of its marks, in quadratic time.
_END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.?$")


def _split_block(text: str, base: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _END.finditer(text):
        end = m.end()
        nxt = end
        while nxt < n and text[nxt].isspace():
            nxt += 1
        if nxt >= n:
            break
        following = text[nxt]
        if not (following.isupper() or following.isdigit() or following in "\"'“‘(["):
            continue
        if m.group().startswith(".") and len(m.group()) == 1:
            before = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if before:
                word = before.group(1).lower().rstrip(".")
                if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
        spans.append((base + start, base + end))
        start = nxt
    # trim trailing white space of the last sentence
    tail_end = n
    while tail_end > start and text[tail_end - 1].isspace():
        tail_end -= 1
    if tail_end > start:
        spans.append((base + start, base + tail_end))
    return spans


_SENTENCE_BLOCKS = frozenset(("headline", "heading", "paragraph", "quote", "caption", "list_item"))


def sentences(doc: Document, facts: Facts) -> list[Sentence]:
    """Sentences of every prose block; a sentence never crosses a block."""
    out: list[Sentence] = []
    append = out.append
    full = doc.text
    for index, block in enumerate(doc.blocks):
        if block.kind not in _SENTENCE_BLOCKS:
            continue
        text = full[block.start : block.end]
        lead = len(text) - len(text.lstrip())
        for s, e in _split_block(text[lead:] if lead else text, block.start + lead):
            # Sentence(s, e, index), made as the tokens are (see below)
            sent = _new_sentence(Sentence)
            _set_sentence_start(sent, s)
            _set_sentence_end(sent, e)
            _set_sentence_block(sent, index)
            append(sent)
    return out


_new_sentence = object.__new__
_set_sentence_start, _set_sentence_end, _set_sentence_block = (
    getattr(Sentence, field).__set__ for field in ("start", "end", "block")
)


_TOKEN = re.compile(r"\w+(?:[.'’\-]\w+)*|[^\w\s]", re.UNICODE)


# A frozen dataclass's __init__ sets each field through object.__setattr__;
# an article has a thousand tokens, so they are built by setting the slots
# directly, which is the same object at a third of the cost.
_new_token = object.__new__
_set_start, _set_end, _set_text, _set_sentence = (
    getattr(Token, field).__set__ for field in ("start", "end", "text", "sentence")
)


def tokens(doc: Document, facts: Facts) -> list[Token]:
    """Words, numbers and punctuation marks of every sentence."""
    out: list[Token] = []
    append = out.append
    text = doc.text
    for i, sent in enumerate(facts.get("sentences")):
        for m in _TOKEN.finditer(text, sent.start, sent.end):
            tok = _new_token(Token)
            _set_start(tok, m.start())
            _set_end(tok, m.end())
            _set_text(tok, m.group())
            _set_sentence(tok, i)
            append(tok)
    return out

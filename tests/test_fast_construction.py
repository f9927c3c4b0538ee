"""The hot loops of the analysis build frozen data classes by setting their slots
directly, and skip work that cannot find anything; these tests hold those short
cuts to what the plain way gives."""

from __future__ import annotations

import dataclasses
import io

import pytest

from checker.analysis import Facts
from checker.analysis.fingerprints import _SET_FINGERPRINT, Fingerprint, fingerprint_text, shingles, stable_hash
from checker.analysis.numbers import _SET_QUANTITY, Quantity, _quantity, parse_numbers
from checker.analysis.text import Sentence, sentences
from checker.document import Block, Segment
from checker.readers import read_bytes


def _names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]


def test_every_field_of_a_fast_built_class_is_set() -> None:
    # a field added to one of these classes must be added to its setters too
    assert len(_SET_QUANTITY) == len(_names(Quantity))
    assert len(_SET_FINGERPRINT) == len(_names(Fingerprint))
    from checker.analysis import text
    from checker.readers import docx

    assert [text._set_sentence_start, text._set_sentence_end, text._set_sentence_block] == [
        getattr(Sentence, name).__set__ for name in _names(Sentence)
    ]
    assert [docx._set_kind, docx._set_start, docx._set_end] == [getattr(Block, n).__set__ for n in _names(Block)]
    assert [docx._set_text_start, docx._set_text_end, docx._set_src_start, docx._set_src_end] == [
        getattr(Segment, n).__set__ for n in _names(Segment)
    ]


def test_a_fast_built_quantity_is_the_plain_one() -> None:
    fast = _quantity(3, 9, 4, 9, "count", 12.0, 10.0, 14.0, "approx")
    plain = Quantity(3, 9, 4, 9, "count", 12.0, 10.0, 14.0, "approx")
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert _quantity(1, 2, 1, 2, "count", 1.0, 1.0, 1.0) == Quantity(1, 2, 1, 2, "count", 1.0, 1.0, 1.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 0  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    [
        "Paragraph 12.",
        "At least 12 people died, 3 of them children; 40, 50 or more were hurt.",
        "Police said 7: two men (aged 20 and 31) and five others!",
        "The toll rose to 12 to 15 by Tuesday, or 20 or so.",
        "He scored 2.",
    ],
)
def test_numbers_before_a_mark_are_what_the_full_classification_makes_of_them(text: str) -> None:
    found = parse_numbers(text)
    assert found, text
    for q in found:
        assert isinstance(q, Quantity) and q.kind
    # a count right before a mark spans only its digits (no range, no trailing hedge)
    q = parse_numbers("Paragraph 12.")[0]
    assert (q.kind, q.start, q.end, q.low, q.high, q.hedge) == ("count", 10, 12, 12.0, 12.0, "exact")


def test_fast_fingerprint_is_the_plain_one() -> None:
    for body in ["  Paragraph 12.", "The council said “12 people” were hurt — in Tórshavn.", "a `b` c d e f", ""]:
        fp = fingerprint_text(body, 4, 10)
        words = tuple(w.lower() for w in fp.cased)
        plain = Fingerprint(fp.block, fp.start, fp.end, fp.text, words, fp.cased)
        assert fp == plain and repr(fp) == repr(plain)
        assert fp.shingles == plain.shingles == frozenset(shingles(words))
    assert stable_hash("killed at least") == 568624301  # the same in every process and release


def test_sentences_are_plain_sentences() -> None:
    doc = read_bytes(b"One sentence here. Another one.\n\nA second paragraph.\n", "a.txt")[0]
    found = sentences(doc, Facts(doc))
    assert [(s.start, s.end, s.block) for s in found] == [(0, 18, 0), (19, 31, 0), (33, 52, 1)]
    assert found[0] == Sentence(0, 18, 0) and hash(found[0]) == hash(Sentence(0, 18, 0))


def test_docx_blocks_and_segments_are_plain_ones() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("A headline", level=0)
    document.add_paragraph("  First paragraph.")
    document.add_paragraph("Second\nparagraph.")
    out = io.BytesIO()
    document.save(out)
    doc = read_bytes(out.getvalue(), "a.docx")[0]
    assert doc.blocks == [Block("headline", 0, 10), Block("paragraph", 12, 28), Block("paragraph", 30, 47)]
    assert doc.text[30:47] == "Second paragraph."
    assert [hash(b) for b in doc.blocks] == [hash(Block(b.kind, b.start, b.end)) for b in doc.blocks]


def test_hyphenation_skips_pieces_no_pattern_has() -> None:
    from checker.checks.readability import _hyphenator

    hyphenator = _hyphenator("en_US")
    if hyphenator is None or not hasattr(hyphenator, "positions"):
        pytest.skip("pyphen is not installed")
    words = ["2024", "12,500", "representatives", "café", "x1y2", "hyphenation", "naïveté"]
    pruned = [hyphenator.positions(w) for w in words]
    # every character allowed: the search tries every piece, as it did before it was pruned
    hyphenator._alphabet = frozenset(chr(c) for c in range(0x3000))
    assert [hyphenator.positions(w) for w in words] == pruned
    hyphenator._alphabet = None

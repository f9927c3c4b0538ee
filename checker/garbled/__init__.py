"""Garbled phrases: the lexicon matcher and the detector behind the ``garbled-phrase`` kind.

- :mod:`checker.garbled.lexicon` matches curated "garbled -> intended" phrase
  lists in one Aho-Corasick pass.
- :mod:`checker.garbled.expressions` finds fixed news expressions with one
  word swapped for a synonym (data built by ``scripts/build_garbled_expressions.py``).
- :mod:`checker.garbled.idioms` finds frozen expressions with one word swapped for a
  synonym ("behind shut doors"; data built by ``scripts/build_garbled_idioms.py``).
- :mod:`checker.garbled.model` loads the grammar tables (and, when built with
  them, web-collocation pairs) of ``scripts/build_garbled_model.py``.
- :mod:`checker.garbled.detector` runs them over a block of copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Evidence = Literal["lexicon", "collocation", "compound", "grammar"]


@dataclass(frozen=True, slots=True)
class Hit:
    """A garbled span of ``Document.text`` and what was probably meant."""

    start: int
    end: int
    suggestion: str  # the intended wording, with the case of the original
    evidence: Evidence
    detail: str  # one clause of evidence for the message
    safe: bool = False  # the suggestion can replace the span as it stands
    # how much the evidence needs company: 0 stands alone; 1 needs a finding of tier 0, or another of
    # tier 1, in the same article; 2 needs one of tier 0
    tier: int = 0
    # a swap spinners are known to make, or evidence as telling (lexicon, grammar): an article's findings are
    # reported only when one of them is typical of spinning
    typical: bool = True

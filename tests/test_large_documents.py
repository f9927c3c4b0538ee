"""Very large documents: checked in sections of whole blocks, with findings
placed in the whole file; and the steps that once grew with the square of a
file's length give the same answers as the simple scans they replaced.

The section sizes are shrunk for these tests, so that a few kilobytes of
text stand for the megabytes a real long file has.
"""

from __future__ import annotations

import io
import itertools
import random
from collections.abc import Iterator

import pytest
from test_hostile import docx as docx_bytes

import checker.analysis.people as people_module
import checker.analysis.quotes as quotes_module
import checker.engine as engine_module
from checker.analysis import Facts
from checker.analysis.fingerprints import fingerprint_text
from checker.analysis.people import PARTICLES, Mention, Person, name_key
from checker.analysis.quotes import Antecedent, Speaker, _NearestSpeaker
from checker.checks.duplicate_paragraph import _candidates
from checker.config import Config
from checker.document import Block, Document, SourceMap
from checker.engine import Engine, _sections
from checker.findings import Diagnostic, Edit, Finding, Fix, Related
from checker.readers import ReadOptions, read_bytes
from checker.readers import docx as docx_reader

STORY = (
    "Flood warning for the valley\n\n"
    "The river rose two metres overnight, the Environment Agency said on Tuesday.\n\n"
    '"We have never seen it this high," said Ruth Okafor, who runs the ferry at Hamley.\n\n'
    "Okafor said the ferry would stay closed until the weekend.\n\n"
    "Advertisement\n\n"
)
REPEATED = (
    "More than 600 firefighters were battling the blaze on Tuesday afternoon as strong winds "
    "drove the flames towards the town, the fire service said."
)


@pytest.fixture
def small_sections(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(engine_module, "SECTION_THRESHOLD", 1_500)
    monkeypatch.setattr(engine_module, "SECTION_CHARS", 600)
    monkeypatch.setattr(engine_module, "SECTION_CONTEXT_CHARS", 300)
    yield


_engine: Engine | None = None


def engine() -> Engine:
    """Every rule but grammar (it needs a LanguageTool server)."""
    global _engine
    if _engine is None:
        rules = [r.id for r in Engine(Config(select=["ALL"])).rules if r.spec.kind != "grammar"]
        _engine = Engine(Config(select=rules, timeout=0))
    return _engine


def check(text: str) -> list[Diagnostic]:
    (result,) = engine().check_path("long.txt", data=text.encode("utf-8"))
    assert result.result.error is None, result.result.error
    return result.result.diagnostics


def key(d: Diagnostic) -> tuple[object, ...]:
    fix = (d.fix.line, d.fix.column, d.fix.end_line, d.fix.end_column, d.fix.replacement) if d.fix else None
    related = tuple((r.line, r.column, r.message) for r in d.related)
    return (d.rule, d.line, d.column, d.end_line, d.end_column, d.message, related, fix)


def test_a_long_file_of_whole_stories_gives_the_findings_of_each_story(small_sections: None) -> None:
    text = STORY * 12
    sectioned = check(text)
    engine_module.SECTION_THRESHOLD = 10**9  # restored by monkeypatch
    whole = check(text)
    assert [key(d) for d in sectioned] == [key(d) for d in whole]
    assert {d.rule for d in sectioned} >= {"boilerplate"}
    # every story's advertisement line is found, in the right place
    assert [d.line for d in sectioned if d.rule == "boilerplate"] == [9 + 10 * i for i in range(12)]


def test_repeats_are_found_across_sections(small_sections: None) -> None:
    rng = random.Random(1)
    filler = "".join(
        " ".join("".join(rng.choices("abcdefghijklmnoprstuw", k=6)) for _ in range(10)).capitalize() + ".\n\n"
        for _ in range(60)
    )
    text = "Live: the fire\n\n" + REPEATED + "\n\n" + filler + REPEATED + "\n"
    assert len(text) > engine_module.SECTION_THRESHOLD
    doc = read_bytes(text.encode(), "long.txt", None, ReadOptions())[0]
    assert len(_sections(doc)) > 2
    repeats = [d for d in check(text) if d.rule == "duplicate-paragraph"]
    assert [(d.line, d.column, [(r.line, r.column) for r in d.related]) for d in repeats] == [(125, 1, [(3, 1)])]


def test_the_grade_of_the_whole_article_is_not_given_for_a_section(small_sections: None) -> None:
    hard = (
        "Notwithstanding considerable institutional apprehension, the municipality's infrastructural "
        "reconfiguration necessitated extraordinarily comprehensive intergovernmental deliberation. "
    )
    text = "Headline\n\n" + "".join(hard * 2 + "\n\n" for _ in range(12))

    def grades() -> list[Diagnostic]:
        return [d for d in check(text) if d.rule == "readability" and "as a whole" in d.message]

    assert grades() == []
    engine_module.SECTION_THRESHOLD = 10**9  # restored by monkeypatch
    assert [d.line for d in grades()] == [3]


def test_sections_cover_the_text_and_keep_blocks_whole() -> None:
    rng = random.Random(5)
    blocks, pos, text = [], 0, []
    for _ in range(400):
        n = rng.randint(1, 40_000)
        blocks.append(Block("paragraph", pos, pos + n))
        text.append("x" * n + "\n\n")
        pos += n + 2
    doc = Document("a.txt", "".join(text), blocks, SourceMap.identity("".join(text)))
    spans = _sections(doc)
    assert spans[0][0] == 0 and spans[-1][1] == len(doc.text)
    for (_, end, _, last), (start, _, first, _) in itertools.pairwise(spans):
        assert end == start == blocks[first].start and first == last + 1
    for start, end, first, last in spans:
        assert all(start <= b.start and b.end <= end for b in blocks[first : last + 1])
        # a section passes its size only by its last block
        assert last == first or blocks[last - 1].end - start <= engine_module.SECTION_CHARS


def test_out_of_order_blocks_are_checked_whole() -> None:
    text = "a" * 100
    doc = Document("a.txt", text, [Block("paragraph", 50, 60), Block("paragraph", 0, 10)], SourceMap.identity(text))
    assert _sections(doc) == []


def test_a_section_maps_offsets_and_positions_into_the_whole_file() -> None:
    source = "<p>One.</p>\n<p>Two &amp; three.</p>\n<p>Four five.</p>\n"
    doc = read_bytes(source.encode(), "a.html", None, ReadOptions())[0]
    second = doc.blocks[1].start
    part = doc.section(second, len(doc.text), 1, len(doc.blocks) - 1)
    assert part.text == doc.text[second:] and not part.whole
    assert [(b.start + second, b.end + second) for b in part.blocks] == [(b.start, b.end) for b in doc.blocks[1:]]
    for offset in range(len(part.text)):
        assert part.source_map.position(offset) == doc.source_map.position(offset + second)
        assert part.source_map.end_position(offset + 1) == doc.source_map.end_position(offset + second + 1)
    assert part.source_map.source_line(2) == doc.source_map.source_line(2)


def test_shifted_findings_move_every_offset() -> None:
    f = Finding(
        "r",
        1,
        2,
        "m",
        related=(Related(3, 4, "earlier"), Related(0, 1, "elsewhere", path="other.txt", line=1, column=1)),
        fix=Fix((Edit(5, 6, "x"),)),
    )
    moved = engine_module._shifted(f, 100)
    assert (moved.start, moved.end) == (101, 102)
    assert [(r.start, r.end) for r in moved.related] == [(103, 104), (0, 1)]
    assert moved.fix is not None and [(e.start, e.end, e.replacement) for e in moved.fix.edits] == [(105, 106, "x")]


def test_the_nearest_speaker_index_agrees_with_a_scan() -> None:
    rng = random.Random(11)
    for _ in range(200):
        speakers = []
        for _ in range(rng.randint(0, 30)):
            start = rng.randint(0, 500)
            speakers.append(Speaker(start, start + rng.randint(1, 20), f"s{start}", "person"))
        index = _NearestSpeaker(speakers)
        for before in range(-1, 530, 7):
            best = None
            for s in speakers:
                if s.start < before:
                    best = s
            expected = Antecedent(best.start, best.end, best.text) if best else None
            assert index.before(before) == expected


def test_candidate_ranking_agrees_with_a_sort() -> None:
    rng = random.Random(3)
    for _ in range(100):
        index = {rng.randint(0, 60): sorted(rng.sample(range(200), rng.randint(1, 30))) for _ in range(40)}
        words = " ".join(rng.choice(["the", "fire", "crew", "said", "on", "monday", "blaze"]) for _ in range(40))
        fp = fingerprint_text(words)
        fp = type(fp)(fp.block, fp.start, fp.end, fp.text, fp.words, frozenset(rng.sample(range(60), 25)), fp.cased)
        counts: dict[int, int] = {}
        for shingle in fp.shingles:
            for i in index.get(shingle, ()):
                counts[i] = counts.get(i, 0) + 1
        limit = rng.randint(1, 30)
        assert _candidates(index, fp, limit) == sorted(counts, key=lambda i: (-counts[i], i))[:limit]


@pytest.mark.parametrize(
    "text",
    ['""' * 50, '"' * 101, "\u201c" * 40 + "\u201d" * 40, "\u201c \u201c  \u201c\n", "\u2018\u2019 '' \u201c\u201d"],
)
def test_marks_with_nothing_between_them_are_no_quotations(text: str) -> None:
    doc = read_bytes(f"Headline\n\n{text}\n".encode(), "a.txt", None, ReadOptions())[0]
    assert Facts(doc).get("quotations") == []


def test_a_quote_beside_empty_marks_is_still_found() -> None:
    doc = read_bytes(b'Headline\n\n"" "We will rebuild," she said.\n', "a.txt", None, ReadOptions())[0]
    assert [q.text for q in Facts(doc).get("quotations")] == ["We will rebuild,"]


def _register_by_scan(people: list[Person], mention: Mention, words: list[str]) -> Person:
    """Which person a mention joins, by scanning everyone met so far (the rule the index keeps)."""
    keys = [name_key(w) for w in words if w.lower() not in PARTICLES]
    # "Van Wyk" (a particle and a surname) is a bare surname, not a full name
    if len(words) >= 2 and not (len(words) == 2 and words[0].lower() in PARTICLES):
        for p in people:
            if p.keys == frozenset(keys):
                return p
        for p in reversed(people):
            if len(p.full_name.split()) == 1 and name_key(p.full_name) in keys:
                p.full_name = mention.text
                return p
    else:
        key = keys[0] if keys else name_key(words[0])
        for p in reversed(people):
            if key in p.keys:
                return p
    person = Person(id=len(people), full_name=mention.text)
    people.append(person)
    return person


def test_the_people_index_agrees_with_a_scan() -> None:
    rng = random.Random(7)
    given, family = ["Ana", "Tom", "Jana", "Li"], ["Novak", "Okafor", "de", "Silva", "Smith"]
    lex = people_module.default_lexicon()
    for _ in range(300):
        scanned: list[Person] = []
        indexed: list[Person] = []
        known = people_module._PeopleIndex(indexed)
        for i in range(rng.randint(1, 25)):
            words = [rng.choice(given + family) for _ in range(rng.choice([1, 1, 2, 3]))]
            mention = Mention(i * 10, i * 10 + 5, " ".join(words), "bare", 0)
            expected = _register_by_scan(scanned, mention, words)
            expected.mentions.append(mention)
            people_module._register(known, mention, words, lex, False)
        assert [(p.full_name, [m.start for m in p.mentions]) for p in indexed] == [
            (p.full_name, [m.start for m in p.mentions]) for p in scanned
        ]


@pytest.mark.parametrize("seed", range(3))
def test_the_label_and_glue_patterns_agree_with_splitting(seed: int) -> None:
    rng = random.Random(seed)
    parts = ["a", ":", " ", "\n", "b:", "  ", "x,", "—", "-", ", "]
    for _ in range(20_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 10)))
        label = text.strip()
        assert (quotes_module._LABEL.fullmatch(text) is not None) == (
            label.endswith(":") and 1 <= len(label.split()) <= 3
        ), repr(text)
        assert quotes_module._only(quotes_module._GLUE, text, 0, len(text)) == (not text.strip(" ,—–-"))
        assert quotes_module._only(quotes_module._GLUE_BEFORE, text, 0, len(text)) == (not text.strip(" ,:—–-"))


def test_a_count_knows_whether_it_is_quoted_among_many_quotes() -> None:
    text = "Headline\n\n" + " ".join(
        '"Two people died in the blast," he said. Police said three people were hurt.' for _ in range(40)
    )
    doc = read_bytes(text.encode(), "a.txt", None, ReadOptions())[0]
    counts = Facts(doc).get("quantities").counts
    assert len(counts) == 80
    assert [c.scope.quoted for c in counts] == [True, False] * 40


def test_a_sentence_of_speech_verbs_is_read_once_per_verb_near_it() -> None:
    # each verb reads a bounded stretch before it: a sentence of thousands of
    # them is no longer read in full once for each
    text = "Headline\n\n" + "Maria Lopez said " + "said " * 5000 + "it."
    doc = read_bytes(text.encode(), "a.txt", None, ReadOptions())[0]
    frames = Facts(doc).get("attributions").frames
    assert frames and frames[0].speaker is not None and frames[0].speaker.text == "Maria Lopez"


def _docx_paragraphs_both_ways(data: bytes, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    fast = docx_reader._paragraphs(data)
    with monkeypatch.context() as m:
        m.setattr(docx_reader, "_tangled", lambda: lambda body: True)  # each paragraph's own subtree
        assert docx_reader._paragraphs(data) == fast
    return fast


def test_one_walk_of_a_docx_reads_what_a_walk_of_each_paragraph_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    rng = random.Random(4)
    for _ in range(15):
        d = docx.Document()
        for _ in range(rng.randint(0, 10)):
            pick = rng.random()
            if pick < 0.2:
                d.add_heading("Flood warning", level=rng.choice([0, 1, 2]))
            elif pick < 0.35:
                d.add_paragraph("We have never seen it this high.", style="Quote")
            elif pick < 0.5:
                d.add_table(rows=2, cols=2).cell(0, 1).text = "In a table"
            else:
                run = d.add_paragraph("The river rose ").add_run("two\tmetres")
                run.add_break()
        out = io.BytesIO()
        d.save(out)
        _docx_paragraphs_both_ways(out.getvalue(), monkeypatch)
    # a paragraph in a text box is read inside its paragraph too, as before
    # (the helper writes each paragraph's text into the XML as it is)
    box = "Outer</w:t><w:txbxContent><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:txbxContent><w:t>"
    data = docx_bytes([box, "After"])
    assert _docx_paragraphs_both_ways(data, monkeypatch) == [("Outerinner", ""), ("inner", ""), ("After", "")]

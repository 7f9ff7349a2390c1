"""Word shingles, one builder: k-word windows hashed with crc32, so a shingle has the same
hash in every process and every run (Python's ``hash`` of a string is salted per process).

The story store keeps samples of these hashes, so the builder must never change silently.

Example::

    >>> shingles("the cat sat on the mat", k=5) == shingles("The cat sat on the MAT", k=5)
    True
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

from newsweave.text.tokens import tokenize

_MASK = np.uint64(0xFFFFFFFF)
_BASE = np.uint64(1_000_003)


def shingle_array(text: str, k: int = 5) -> np.ndarray:
    """Sorted unique hashes (uint64 below 2**32) of the text's k-word shingles; a text of
    fewer than ``k`` words is one shingle; no words, none."""
    words = tokenize(text, "word")
    if not words:
        return np.zeros(0, dtype=np.uint64)
    ids = {w: zlib.crc32(w.encode("utf-8")) for w in set(words)}
    wh = np.fromiter(map(ids.__getitem__, words), dtype=np.uint64, count=len(words))
    n = max(1, len(words) - k + 1)
    h = np.zeros(n, dtype=np.uint64)
    for j in range(min(k, len(words))):  # polynomial rolling hash of k word hashes, mod 2^32
        h = (h * _BASE + wh[j : j + n]) & _MASK
    return np.unique(h)


def exact_shingles(texts: Sequence[str], k: int = 5) -> list[np.ndarray] | None:
    """Per text, its k-word shingles (same words and windows as :func:`shingle_array`) as
    sorted unique int64 keys that are exact: words numbered from 1 within this call, a
    window read as a number in base (words + 1), so two keys are equal only when their
    windows are (no hash, no collision). Comparable between these texts only; None when
    the texts have too many distinct words for an exact key in 63 bits."""
    words = [tokenize(t, "word") for t in texts]
    number: dict[str, int] = {}
    for ws in words:
        new = dict.fromkeys(ws).keys() - number.keys()
        number.update(zip(new, range(len(number) + 1, len(number) + 1 + len(new)), strict=True))
    base = len(number) + 1
    if base ** k >= 2 ** 63:
        return None
    out = []
    for ws in words:
        if not ws:
            out.append(np.zeros(0, dtype=np.int64))
            continue
        ids = np.fromiter(map(number.__getitem__, ws), dtype=np.int64, count=len(ws))
        n = max(1, len(ws) - k + 1)
        key = np.zeros(n, dtype=np.int64)
        for j in range(min(k, len(ws))):
            key = key * base + ids[j : j + n]
        key.sort()
        out.append(key[np.r_[True, key[1:] != key[:-1]]])
    return out


def shingles(text: str, k: int = 5) -> set[int]:
    """The text's shingle hashes as a set (for containment between texts)."""
    return set(shingle_array(text, k).tolist())


def shingle_sample(text: str, k: int = 5, mod: int = 16, floor: int = 6) -> list[int]:
    """A containment-preserving sample of the text's shingles: every hash that is 0 mod
    ``mod``, plus the ``floor`` smallest."""
    hashes = shingle_array(text, k)
    if not len(hashes):
        return []
    picked = np.union1d(hashes[:floor], hashes[hashes % np.uint64(mod) == 0])
    return [int(x) for x in picked]


def array_containment(a: np.ndarray, b: np.ndarray) -> float:
    """:func:`containment` of two sorted arrays of unique keys."""
    if not len(a) or not len(b):
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(np.intersect1d(small, large, assume_unique=True)) / len(small)


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller set found in the larger: 1.0 when one text contains the other."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)

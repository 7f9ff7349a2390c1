"""Regex searches with a literal prefilter: the same results, without scanning texts that
cannot match.

:func:`required` reads a compiled pattern (its parse tree) and finds a set of literal strings
such that every match contains one of them, e.g. ``{"://", "www.", "@", ".com", "click",
"subscribe"}`` for a pattern of URL-like branches. :class:`Prefiltered` tests those with
``in`` (fast string search in C) before it runs the pattern, so a text holding none of them
is answered ``None`` at once. The set is derived from the pattern itself, so editing the
pattern can never leave a stale filter; a pattern where no such set is found is always run.

Case-insensitive patterns are filtered only on texts of ASCII and uncased punctuation
(``text.tokens.case_safe``), lower-cased: there ``re.I`` means plain ASCII case folding and
``str.lower`` changes only A-Z; any other text is searched directly.

Example::

    >>> import re
    >>> p = Prefiltered(re.compile(r"\\b(?:click|subscribe)\\b", re.I))
    >>> sorted(p.literals), p.search("Nothing here.") is None, bool(p.search("CLICK here"))
    (['click', 'subscribe'], True, True)
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from newsweave.text.tokens import case_safe

Literals = frozenset[str]

_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}


def _best(found: list[Literals]) -> Literals | None:
    """The most selective set: longest shortest string, then fewest strings."""
    good = [f for f in found if f and all(f)]
    if not good:
        return None
    return max(good, key=lambda f: (min(map(len, f)), -len(f)))


def _sequence(items: Any, flags: int) -> Literals | None:
    """A literal set of a sequence of parsed items (every match of it holds one string)."""
    found: list[Literals] = []
    run: list[str] = []

    def close() -> None:
        if run:
            found.append(frozenset(("".join(run),)))
            run.clear()

    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        close()
        inner: Literals | None = None
        if op is C.SUBPATTERN:
            _group, add, remove, sub = av
            if not add and not remove:
                inner = _sequence(sub, flags)
        elif op is C.ATOMIC_GROUP:
            inner = _sequence(av, flags)
        elif op is C.BRANCH:
            alts = [_sequence(b, flags) for b in av[1]]
            if alts and all(a is not None for a in alts):
                inner = frozenset().union(*alts)  # type: ignore[arg-type]
        elif op in _REPEATS:
            lo, _hi, sub = av
            if lo >= 1:
                inner = _sequence(sub, flags)
        elif op is C.ASSERT:
            direction, sub = av
            if direction == 1:  # a lookahead must match too, where it stands
                inner = _sequence(sub, flags)
        if inner is not None:
            found.append(inner)
    close()
    return _best(found)


def required(pattern: re.Pattern[str]) -> Literals | None:
    """Strings one of which every match of ``pattern`` contains (lower-cased for a
    case-insensitive pattern); None when none can be read off the pattern."""
    if not isinstance(pattern.pattern, str):
        return None
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    flags = parsed.state.flags
    if flags & (re.VERBOSE | re.LOCALE):  # (VERBOSE is resolved by the parser; keep it simple)
        return None
    got = _sequence(parsed, flags)
    if got is None:
        return None
    if flags & re.IGNORECASE:
        if not all(s.isascii() for s in got):
            return None  # e.g. the Kelvin sign folds to "k": not plain ASCII folding
        got = frozenset(s.lower() for s in got)
    return got


class Prefiltered:
    """``pattern.search`` that first checks :func:`required`'s strings (same results)."""

    __slots__ = ("pattern", "literals", "_fold")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        lits = required(pattern)
        self.literals = tuple(sorted(lits)) if lits is not None else None
        self._fold = bool(pattern.flags & re.IGNORECASE)

    def possible(self, text: str, lower: str | None = None) -> bool:
        """False only when ``pattern`` cannot match ``text`` (``lower``: ``text.lower()``,
        when the caller has it)."""
        lits = self.literals
        if lits is None:
            return True
        if self._fold:
            if not case_safe(text):
                return True
            text = text.lower() if lower is None else lower
        for s in lits:
            if s in text:
                return True
        return False

    def search(self, text: str, lower: str | None = None) -> re.Match[str] | None:
        """``pattern.search(text)``."""
        return self.pattern.search(text) if self.possible(text, lower) else None

"""Two lower-case checks of who and what, measured on the blind-judged lower-cased pairs.

    python bench/trust_lower_rules.py [-v]

For each judged citation of ``judged_final_r3.jsonl`` (set ``final-r3-trust-train40000``) and
``judged_trustcite_dev.jsonl`` (label of ``judge1``) it prints, by set, the citations
:class:`newsweave.align.check.Checker` ``(lower=True)`` shows without and with
``lowercase.other_modifier`` (shipped: a body or role named by the same head with another
modifier, "the airport police" / "the state police", is not shown) and how many bad
(none/contradicts) and good ones each removes; and the same for ``predicate_missing`` below
and ``main_predicate_missing`` (not shipped: a partial whose claim's predicate has no word
in the evidence), and how often
each fires on all the pairs the judged versions showed.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable
from unittest import mock

from newsweave.align.check import _NOT_NAME, FULL, PARTIAL, Checker
from newsweave.align.lowercase import other_modifier
from trust_lower import BAD, CHECK, load

_WORDS = re.compile(r"\w+")
_TAIL = re.compile(r"[,;:]\s*(?:\"|'')?\s*(?:\w+\s+){0,5}?(?:said|says|told|reported|reports|"
                   r"added|adds|wrote|writes)\b.*$|\s*,?\s*according to\b.*$")


_AUX = re.compile(r"\b(?:is|was|are|were|can|could|will|would|may|might|has|have|had|should|"
                  r"must)\b((?:\s+[\w'-]+){1,4})")


def predicate_missing(claim: str, evidence: str, content: Callable[[str], frozenset[str]]
                      ) -> bool:
    """The words after the claim's first auxiliary, modal or copula ("can affect mortality",
    "was of unknown origin"; up to four, not across punctuation, an attribution tail
    "..., police said" set aside) have content words and none of them is in the evidence."""
    main = _TAIL.sub("", claim.strip().rstrip(".!?\"'” ")).lower()
    m = _AUX.search(main)
    if m is None:
        return False
    want = content(m.group(1))
    have = content(evidence)
    return bool(want) and not any(w in have or any(h[:5] == w[:5] for h in have if len(w) > 5)
                                  for w in want)


_REL = re.compile(r"\b(?:who|which|that|where|when|whose|whom)\b")


def main_predicate_missing(claim: str, evidence: str,
                           content: Callable[[str], frozenset[str]]) -> bool:
    """Like :func:`predicate_missing`, on the main clause only: relative clauses (", who ... ,")
    set aside, no relative word before the auxiliary, the words up to the next punctuation,
    at least two content words."""
    main = _TAIL.sub("", claim.strip().rstrip(".!?\"'” ")).lower()
    main = re.sub(r",\s*(?:who|which|whose|where|when)\b[^,]*,", " ", main)
    m = _AUX.search(main)
    if m is None or _REL.search(main[:m.start()]):
        return False
    want = content(re.split(r"[,;:(]", m.group(1) + main[m.end():])[0])
    have = content(evidence)
    return len(want) >= 2 and not any(
        w in have or any(h[:5] == w[:5] for h in have if len(w) > 5) for w in want)


def main() -> None:
    rows = load()
    if not rows:
        print("no judged pairs (bench/judged_*.jsonl)")
        return
    verbose = "-v" in sys.argv
    with mock.patch.object(CHECK, "other_modifier", lambda *a: None):
        chk0 = Checker(lower=True)
        before = [chk0.check(r["brief_sentence"], r["evidence"]).label for r in rows]
    chk = Checker(lower=True)
    after = [chk.check(r["brief_sentence"], r["evidence"]).label for r in rows]
    c: Counter = Counter()
    for r, b, a in zip(rows, before, after, strict=True):
        s, lab = r["set"], r["judge1"]["label"]
        kind = "bad" if lab in BAD else "good"
        if b in (FULL, PARTIAL):
            c[s, "before", kind] += 1
            if a in (FULL, PARTIAL):
                c[s, "after", kind] += 1
            elif verbose:
                print("modifier removes", b, lab, "|", r["brief_sentence"][:150], "||",
                      r["evidence"][:150])
            if a == PARTIAL and predicate_missing(r["brief_sentence"], r["evidence"], chk.stems):
                c[s, "pred", kind] += 1
            if a == PARTIAL and main_predicate_missing(r["brief_sentence"], r["evidence"],
                                                       chk.stems):
                c["total", "main", kind] += 1
        if r["shown"] in (FULL, PARTIAL):
            c["all", "n", kind] += 1
            c["all", "mod", kind] += other_modifier(r["brief_sentence"], r["evidence"],
                                                    _NOT_NAME) is not None
            c["all", "pred", kind] += predicate_missing(r["brief_sentence"], r["evidence"],
                                                        chk.stems)
    sets = sorted({k[0] for k in c if k[0] not in ("all", "total")})
    tot: Counter = Counter()
    for s in [*sets, "total"]:
        g = (lambda *k, s=s: c[(s, *k)]) if s != "total" else (lambda *k: tot[k])
        n0 = g("before", "bad") + g("before", "good")
        print(f"{s:<27} shown bad/all {g('before', 'bad')}/{n0}"
              f" -> {g('after', 'bad')}/{g('after', 'bad') + g('after', 'good')}"
              f" | modifier removes bad {g('before', 'bad') - g('after', 'bad')}"
              f" good {g('before', 'good') - g('after', 'good')}"
              f" | predicate would remove bad {g('pred', 'bad')} good {g('pred', 'good')}")
        if s != "total":
            for k in [k for k in c if k[0] == s]:
                tot[k[1:]] += c[k]
    print(f"main-clause predicate check would remove bad {c['total', 'main', 'bad']} good"
          f" {c['total', 'main', 'good']} of the shown")
    print(f"on all {c['all', 'n', 'bad']} bad / {c['all', 'n', 'good']} good pairs the judged"
          f" versions showed: modifier fires on bad {c['all', 'mod', 'bad']} good"
          f" {c['all', 'mod', 'good']}; predicate on bad {c['all', 'pred', 'bad']} good"
          f" {c['all', 'pred', 'good']}")


if __name__ == "__main__":
    main()

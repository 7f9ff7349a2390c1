"""Quotations in a sentence, as the support check reads them.

A quotation is the text between an opening and a closing mark (or the end of the sentence).
A sentence cut out of a longer quotation may start inside it: ``That really hurts, " said
jonathan mcdowell ...`` has one straight mark, a closing one, with the speech before it. The
check must read the words before that mark as the quotation (what the speaker said, which the
evidence has to state) and not the attribution after it as one.
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r"[\"“]([^\"“”]{3,})(?:[\"”]|$)")
# speech that runs up to a closing mark and a verb of saying, with no opening mark before it
# (a closing mark has a space after it; '..., "He said' opens one)
_LEAD = re.compile(r"^[^A-Za-z\"“”]{0,3}[A-Za-z][^\"“”]{8,}?[,.!?…]\s*[\"”]\s+[-—–,]?\s*"
                   r"(?=(?:he|she|they|it|\w+\s+)?(?:said|says|told|added|wrote|asked|"
                   r"explained|continued|recalled|insisted|warned|tweeted)\b)")


def quoted_words(text: str, word: re.Pattern[str]) -> list[str]:
    """The lower-cased words (``word`` finds them) of the quotations of ``text`` of at least
    four words, and of the speech that runs up to a first, closing mark (two words suffice:
    ``Great news, " she said``): see the module doc."""
    start, out = 0, []
    m = _LEAD.match(text)
    if m and ("”" in m.group(0) or text.count('"') % 2):  # the first mark closes a quotation
        inner = word.findall(m.group(0))
        out += inner if len(inner) >= 2 else []
        start = m.end()
    for q in _QUOTED.finditer(text, start):
        inner = word.findall(q.group(1))
        out += inner if len(inner) >= 4 else []
    return [w.lower() for w in out]

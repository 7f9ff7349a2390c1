"""Who wrote a document a quote comes from: a statement, a letter, a tweet, a note.

'"…," the statement said', '"…," it reads', '"…," says the letter, which carries the
signature of Jon Byong Ho': the words are the author's, and the text names the author near
by ("Charamut's campaign issued a statement", "Kennedy's last letter to von Post", "a
statement from Bishop Provenzano", "the letter, signed by …"). :func:`document_subject` tells
whether a quote's attribution is a document; :func:`document_author` finds its author in the
text before the quote (and in the rest of the quote's sentence).
"""

from __future__ import annotations

import re

from newsweave.analyze.attribution import VERBS, clean_np, is_agent

DOCS = (r"statements?|letters?|notes?|e-?mails?|messages?|posts?|tweets?|memos?|"
        r"(?:press\s+)?release|text|texts|editorial|caption|notice|filing|post|policy|"
        r"(?:privacy\s+)?policy|guidelines|website|site|page|bulletin|memo|warning|advisory")
_DET = r"(?:the|this|that|its|his|her|their|a|an|one|another)"
_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+(?:(?:al|el|bin|ibn|de|van|von|of|the)[ \t]+)?[A-Z][\w'’.-]*){0,5}"
_DESC = r"(?:The|the)[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}[a-z][\w-]*"
# the attribution names a document: '," the statement said', '," says the letter', '," it reads'
_TAIL_DOC = re.compile(
    rf"^\s*[,—–-]?\s*(?:(?:{VERBS})\s+)?{_DET}\s+(?:[\w-]+\s+){{0,2}}(?:{DOCS})\b(?:\s+(?:also\s+)?"
    rf"(?:{VERBS}))?", re.IGNORECASE)
_TAIL_IT = re.compile(r"^\s*[,—–-]?\s*it\s+(?:also\s+)?(?:says|said|reads|read|states|stated|"
                      r"continues|continued|adds|added|concludes|concluded)\b")
_HEAD_DOC = re.compile(
    rf"\b{_DET}\s+(?:[\w-]+\s+){{0,2}}(?:{DOCS})\s+(?:that\s+|which\s+)?(?:also\s+|then\s+|further\s+)?"
    rf"(?:{VERBS}|states|stated|opens|opened|continued|continues)\s*(?:in\s+part\s*)?[:,]?\s*$",
    re.IGNORECASE)
_AUTHOR = [
    # "the Samsung policy", "the White House statement"
    re.compile(rf"\b[Tt]he[ \t]+(?P<who>{_NAME})[ \t]+(?:{DOCS})\b"),
    # "Kennedy's last letter", "Charamut's statement"
    re.compile(rf"(?P<who>{_NAME}|{_DESC})['’]s?\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{DOCS})\b"),
    # "a statement from Bishop Provenzano", "the letter, signed by …", "signature of …"
    re.compile(rf"(?:{DOCS}|signature)\s*,?\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:from|by|of)\s+"
               rf"(?:(?:the\s+)?(?:apparent\s+)?(?:[a-z][\w-]*\s+)?)(?P<who>{_NAME})"),
    # "Charamut's campaign issued a statement", "Provenzano issued a statement that reads"
    re.compile(rf"(?P<who>{_NAME}(?:['’]s?\s+(?:campaign|office|team|family|lawyer|attorney|"
               rf"spokes\w+|representative|rep))?)(?:,[^,]{{2,80}},)?"
               rf"(?:\s+(?:of|from|at|for)\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)?"
               rf"\s+(?:also\s+|later\s+)?"
               rf"(?:issued|released|sent|posted|wrote|shared|put\s+out|tweeted|published|"
               rf"e-?mailed|signed)\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{DOCS})\b"),
    # "In a statement, the station's owner, Southern Cross Media, said …"
    re.compile(rf"\b[Ii]n\s+an?\s+(?:[a-z][\w-]*\s+)?(?:{DOCS}),?\s+(?:(?:the|a|an)\s+[^,]{{2,60}},"
               rf"\s+)?(?P<who>{_NAME})(?:,[^,]{{2,80}},)?,?\s+(?:also\s+)?(?:said|says|wrote|added)\b"),
    # "Charamut's campaign issued an apology …, saying in a statement that …"; "Romano too
    # acknowledged …, in a statement sent to The Post"
    re.compile(rf"(?P<who>{_NAME}(?:['’]s?\s+(?:campaign|office|team|family|lawyer|attorney|"
               rf"spokes\w+|representative|rep))?)\s+(?:too\s+|also\s+)?[a-z][^.!?“”\"\n]{{0,160}}?"
               rf",?\s+(?:(?:saying|adding|writing)\s+in\s+an?\s+(?:[a-z][\w-]*\s+)?(?:{DOCS})|"
               rf"in\s+an?\s+(?:[a-z][\w-]*\s+)?(?:{DOCS})\s+(?:sent|released|issued|posted|"
               rf"given|e-?mailed))\b"),
    # "spokesperson Mark Toner in a statement said", "Mark Toner said in a statement"
    re.compile(rf"(?P<who>{_NAME})(?:,[^,]{{2,80}},)?\s+(?:in\s+an?\s+(?:[a-z][\w-]*\s+)?(?:{DOCS})\s+"
               rf"(?:said|says|wrote)|(?:said|says|wrote)\s+in\s+an?\s+(?:[a-z][\w-]*\s+)?(?:{DOCS}))\b"),
]


def document_subject(tail: str, head: str) -> bool:
    """The quote's attribution is a document (or "it" reads/says), not a person."""
    return bool(_TAIL_DOC.match(tail) or _TAIL_IT.match(tail) or _HEAD_DOC.search(head[-120:]))


_MODIFIED = re.compile(rf"\b(?:a|an|the)\s+(?P<by>police|army|military|court|government|"
                       rf"company|family|campaign|party|ministry|church|school|hospital|"
                       rf"university|club|team|state|agency|embassy)\s+(?:{DOCS})\b",
                       re.IGNORECASE)


_FROM_AGENT = re.compile(rf"\b(?:{DOCS})\s+from\s+(?P<by>(?:her|his|their|the|its)\s+"
                         rf"(?:[a-z][\w-]*\s+)?(?P<last>[a-z][\w-]*))\b")


def document_issuer(tail: str, head: str) -> str | None:
    """'a police statement said' -> "police"; 'the family statement' -> "the family"."""
    m = _MODIFIED.search(tail[:80]) or _MODIFIED.search(head[-120:])
    if not m:
        by = _FROM_AGENT.search(tail[:80]) or _FROM_AGENT.search(head[-120:])
        if by and is_agent(by.group("last").lower()):
            return by.group("by")  # '," said a statement from her agent' -> "her agent"
        return None
    by = m.group("by").lower()
    return by if by == "police" else f"the {by}"


def document_author(text: str, pos: int, end: int) -> str | None:
    """The author of the document last named before ``pos`` (within 700 characters), or in
    the quote's own sentence up to ``end``."""
    start = max(0, pos - 700)
    best: tuple[int, str] | None = None
    for pat in _AUTHOR:
        for m in pat.finditer(text, start, end):
            # "Wednesday. Marrow's campaign": the name starts after a sentence's end
            who = clean_np(re.sub(r"['’]s$", "", re.split(r"(?<=[a-z]{2})\.\s+",
                                                        m.group("who"))[-1]))
            if not who:
                continue
            at = m.start()
            # before the quote: the nearest wins; after it (same sentence): only if none before
            rank = pos - at if at < pos else 10_000 + at - pos
            if best is None or rank < best[0]:
                best = (rank, who)
    return best[1] if best else None

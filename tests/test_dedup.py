from __future__ import annotations

from newsweave.text import mark_duplicates, source_groups
from newsweave.text.dedup import containment, shingles
from newsweave.types import Article

BODY = (
    "The city council voted on Tuesday to close the old bridge for repairs after engineers "
    "found cracks in two of its supports. The closure will last at least six months, and "
    "traffic will be sent over the northern crossing, officials said."
)


def test_syndicated_copy_is_marked_and_counts_once() -> None:
    arts = [
        Article("a", BODY),
        Article("b", "Different story about a football match that ended in a draw on Sunday night."),
        Article("c", BODY + " Reporting by the wire service."),
    ]
    marked = mark_duplicates(arts)
    assert [a.duplicate_of for a in marked] == [None, None, "a"]
    groups = source_groups(marked)
    assert groups == {"a": "a", "b": "b", "c": "a"}
    assert len(set(groups.values())) == 2


def test_containment_edges() -> None:
    assert containment(set(), {1}) == 0.0
    s = shingles(BODY)
    assert containment(s, s) == 1.0
    assert shingles("too short") != set()


def test_exact_shingle_keys_give_the_hashed_containments() -> None:
    from newsweave.text.shingles import array_containment, exact_shingles

    texts = [BODY, BODY + " Reporting by the wire service.", "too short", "", "Bridge",
             "The city council voted on Tuesday to close the old bridge, officials said.",
             BODY.upper(), "bridge bridge bridge bridge bridge bridge"]
    keys = exact_shingles(texts)
    assert keys is not None
    for i, a in enumerate(texts):
        assert len(keys[i]) == len(shingles(a))
        for j, b in enumerate(texts):
            assert array_containment(keys[i], keys[j]) == containment(shingles(a), shingles(b))
    # a short text's one shingle never meets a window of a longer text
    short = exact_shingles(["the the bridge", "the the the the bridge"])
    assert short is not None and array_containment(short[0], short[1]) == 0.0

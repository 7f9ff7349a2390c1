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

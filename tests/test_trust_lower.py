"""Trust on lower-cased text (the truncated Multi-News train clusters): regressions from
blind-judged items (bench/judged_final_r3.jsonl, bench/judged_trustcite_dev.jsonl)."""

from __future__ import annotations

from newsweave.align import check

LASHES_100 = ("An imam at a local mosque issued a fatwa saying that hena was guilty of adultery "
              "and must be punished, and a village makeshift court sentenced hena to 100 lashes "
              "in a public whipping.")
LASHES_101 = ("The imam from the local mosque ordered the fatwa, or religious ruling, and the "
              "punishment: 101 lashes delivered swiftly, deliberately in public.")


def test_whole_counts_must_be_equal_not_within_two_percent() -> None:
    # judged "contradicts" by both judges of final-r3 (shown partial before): 100 vs 101 lashes
    v = check(LASHES_100, LASHES_101)
    assert v.label == "contradicts" and "100" in v.reason and "101" in v.reason
    # hedged or large figures keep the 2 % tolerance
    assert check("The storm left about 100 people homeless in the town of Ware.",
                 "The storm left 101 people homeless in the town of Ware.").label != "contradicts"
    assert check("The company sold 2.7 million phones in the first quarter of the year.",
                 "The company sold 2.74 million phones in the first quarter of the year."
                 ).label == "full"

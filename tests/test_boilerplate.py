"""Site furniture counted on the train file never enters a brief (text.boilerplate)."""

from __future__ import annotations

from newsweave.options import BriefOptions
from newsweave.pipeline import make_brief
from newsweave.text.boilerplate import is_boilerplate, normalize


def test_known_site_furniture_is_recognised_whatever_the_case_and_punctuation() -> None:
    # seen in default briefs of dev50 / test150 before the list existed
    for s in ("You can unsubscribe at any time.",
              "Rating is available when the video has been rented.",
              "Dow Jones Reprints: This copy is for your personal, non-commercial use only.",
              "YOU CAN UNSUBSCRIBE AT ANY TIME!"):
        assert is_boilerplate(s), s
    assert normalize("Dow Jones Reprints: This copy…") == "dow jones reprints this copy"
    for s in ("The storm killed 18 people in New York City on Monday.",
              "You can unsubscribe from the list at any time, the company said."):
        assert not is_boilerplate(s), s


def test_site_furniture_is_not_eligible_for_a_brief() -> None:
    story = ("Rescue crews pulled three hikers from the flooded canyon on Sunday after a "
             "night on a ledge. You can unsubscribe at any time. The hikers were taken to a "
             "hospital in Flagstaff and are expected to recover, the sheriff said.")
    other = ("Three hikers stranded overnight in a flooded canyon were rescued on Sunday. "
             "You can unsubscribe at any time. All three were treated at a Flagstaff "
             "hospital, officials said.")
    b = make_brief([{"id": "a1", "text": story}, {"id": "a2", "text": other}], BriefOptions())
    assert b.summary and not any("unsubscribe" in item.text for item in b.summary)

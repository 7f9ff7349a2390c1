"""Support-check regressions from blind-judged lower-cased pairs (fourth and fifth sessions'
fresh rounds): a hyphenated figure keeps its unit, a figure both sentences give is no clash,
and speech that runs up to a first, closing mark is the claim's quotation."""

from __future__ import annotations

import importlib
import re
from unittest import mock

from newsweave.align.check import Checker, check, facts
from newsweave.align.quoting import quoted_words

check_module = importlib.import_module("newsweave.align.check")

SCULPTURE_200 = ("Bieber's likeness was part of a 200-ton sand sculpture depicting artists who "
                 "performed at the fair's old grandstand, which was imploded in january.")
SCULPTURE_180 = ("This year's sculpture, which started off as 180 tons of sand, pays tribute to "
                 "the scores of artists who performed at the fair's mohegan sun grandstand, "
                 "which was imploded in january.")
HURTS = ('That really hurts, " said jonathan mcdowell, astronomer at the harvard-smithsonian '
         'center for astrophysics.')
DATA = ("Dr jonathan mcdowell, an astronomer at the harvard-smithsonian center for "
        "astrophysics, said data from the space-track organisation showed the rocket part "
        "re-entered over a track from southern nsw to southern queensland.")


def test_hyphenated_figure_keeps_its_unit() -> None:
    # final-r4 train32000, judged "contradicts" by both judges (shown partial): 200 vs 180 tons
    (n,) = facts(SCULPTURE_200).numbers
    assert n.value == 200 and n.unit == "ton"
    v = Checker(lower=True).check(SCULPTURE_200, SCULPTURE_180)
    assert v.label == "contradicts" and "200" in v.reason and "180" in v.reason
    (m,) = facts("The bridge is 25-miles long.").numbers
    assert m.unit == "km" and round(m.value) == 40


def test_a_figure_both_sentences_give_is_no_clash() -> None:
    # the claim names both the 30-hour and the 40-hour workers; the evidence only the 40-hour
    # ones (judged full): no contradiction, but not support either, since which of the claim's
    # figures the evidence's 40 stands for is not known ("killed 12 and wounded 30" / "killed
    # 30" must not be cited; independent review, session 24)
    a = ("These 30-hour employees will be salaried and receive the same benefits as traditional "
         "40-hour workers, but they will receive only 75 percent of the pay full-time workers "
         "earn.")
    b = ("The teams ' members will receive the same benefits as full-time employees, and 75 % "
         "of a 40-hour workers ' pay.")
    assert Checker(lower=True).check(a, b).label == "none"
    v = check("The blast killed 12 people and wounded 30 people in Kabul on Monday.",
              "The blast killed 30 people in Kabul on Monday.")
    assert v.label == "none" and v.reason == "another figure of the same unit"
    assert check("The plant employs 40 workers on 12-hour shifts.",
                 "The plant employs 40 workers on 8-hour shifts.").label == "contradicts"


def test_speech_before_a_first_closing_mark_is_the_quotation() -> None:
    # final-r4 train32000, judged "none" by both judges (shown partial): the evidence has the
    # speaker and his title but not what he said
    assert quoted_words(HURTS, re.compile(r"\w+")) == ["that", "really", "hurts"]
    assert Checker(lower=True).check(HURTS, DATA).label == "none"
    assert Checker().check(
        'That really hurts," said Jonathan McDowell, astronomer at the Harvard-Smithsonian '
        "Center for Astrophysics.",
        'Jonathan McDowell, an astronomer at the Harvard-Smithsonian Center for Astrophysics, '
        'said: "That really hurts."').label in ("full", "partial")
    # an opening mark first: the quotations as before, nothing taken from before them
    w = re.compile(r"\w+")
    assert quoted_words('"We will win this war," he said, "no matter what it costs us."', w) == [
        "we", "will", "win", "this", "war", "no", "matter", "what", "it", "costs", "us"]
    assert quoted_words('He said "we will win this war" on tuesday.', w) == [
        "we", "will", "win", "this", "war"]
    assert quoted_words("Officials said the storm was over.", w) == []


ENDORSE_THIS = ("Nbc news has confirmed with a source familiar with the matter that sheriff joe "
                "arpaio of maricopa county, arizona, will endorse rick perry this week.")
ENDORSE_NEXT = ('Sheriff joe arpaio, the sheriff of maricopa county, ariz., who calls himself '
                '"america\'s toughest sheriff, " will endorse texas gov. Rick perry next week, a '
                "source with knowledge of the endorsement told abc news.")
SWORD_GREEN = ('The sword is suspected to originate from the qing dynasty ( 1644 to 1912 ) due '
               'to the presence of three chinese characters which read " qing long jian " ( '
               "green dragon sword ).")
SWORD_BLACK = ("They found the three characters read black dragon sword, and believed the sword "
               "was made in the qing dynasty ( 1644-1912 ), the paper cited the officials as")


def test_another_moment_or_colour_is_not_support() -> None:
    # trust-d24 (train lines 32400-35999), both judged "contradicts", shown partial before
    from newsweave.align.clashes import clash
    for a, b, why in ((ENDORSE_THIS, ENDORSE_NEXT, "this week, not next week"),
                      (SWORD_GREEN, SWORD_BLACK, "green dragon, not black dragon")):
        assert clash(a, b) == why
        with mock.patch.object(check_module, "T_SUPPORTED_LOWER", 0.93):  # a gate keeping it
            v = Checker(lower=True).check(a, b)
        assert v.label == "none" and v.reason == why
    # the same moment, or a colour the evidence also gives, is no clash
    assert clash("The vote is set for next week.", "Lawmakers will vote in the coming week.") is None
    assert clash("He drove a red car.", "The car, red and black, was his.") is None
    assert clash("He drove a red car.", "He was seen in a car.") is None
    assert check("The council will vote on the plan this week, the mayor said.",
                 "The council will vote on the plan next week, the mayor said.").label == "none"

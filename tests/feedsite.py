"""Article texts for the loopback feed tests: a few stories, each told by several outlets
in different words (same story, no near-copies)."""

from __future__ import annotations

STORIES = {
    "flood": [
        "Floodwaters swept through the river town of Alcira, forcing hundreds of residents "
        "from their homes.",
        "The Jucar river burst its banks after three days of torrential rain across Valencia.",
        "Emergency crews used boats to reach families stranded on rooftops in Alcira.",
        "Regional officials said two people had died and four were missing in the floods.",
        "The mayor of Alcira asked the army to help clear mud from the flooded streets.",
        "Farmers in the valley said the floods had destroyed most of the orange harvest.",
        "Forecasters warned that more rain could fall on Valencia before the weekend.",
        "Schools in Alcira will stay closed while engineers inspect the damaged bridges.",
        "Insurers estimated the flood damage in the Valencia region at 200 million euros.",
        "Volunteers handed out blankets and water in a sports hall turned shelter in Alcira.",
    ],
    "mine": [
        "Rescuers reached 33 miners trapped in a collapsed copper mine near Copiapo.",
        "The miners had been stuck 700 metres underground since a tunnel caved in.",
        "Drilling teams bored a narrow shaft to send food and oxygen to the Copiapo miners.",
        "Relatives camped at the mine entrance waiting for news of the trapped workers.",
        "The mining minister said the rescue capsule would be lowered within hours.",
        "Engineers checked the rock walls of the shaft before the capsule descended.",
        "The company that runs the copper mine faces questions about safety inspections.",
        "Doctors examined each miner as he came out of the rescue capsule at Copiapo.",
        "The president of Chile thanked the drilling teams at a ceremony at the mine.",
        "Union leaders demanded stricter rules for deep copper mines after the collapse.",
    ],
    "comet": [
        "Astronomers announced the discovery of a bright comet approaching the inner solar "
        "system.",
        "The comet was first spotted by a telescope in the Atacama desert observatory.",
        "Scientists expect the comet to be visible to the naked eye by early spring.",
        "The icy nucleus of the comet is estimated to be about ten kilometres wide.",
        "Observers in the southern hemisphere will get the best view of the comet's tail.",
        "The space agency plans to point its orbiting telescope at the comet next month.",
        "Amateur astronomers have already photographed the comet's faint green coma.",
        "The comet follows an orbit that brings it near the Sun once every 6,000 years.",
        "Researchers hope the comet's gases will reveal clues about the early solar system.",
        "Planetariums are organising public viewing nights as the comet brightens.",
    ],
}


def paragraphs(story: str, k: int, n: int = 5) -> list[str]:
    """The ``k``-th outlet's article of ``story``: a window of ``n`` sentences, shifted by
    ``2 k`` (so two outlets share at most part of their text), each its own paragraph."""
    pool = STORIES[story]
    lead = f"Report number {k + 1} from our correspondent on the {story} story."
    return [lead] + [pool[(2 * k + j) % len(pool)] for j in range(n)]

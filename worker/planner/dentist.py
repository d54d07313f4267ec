"""A dentist's chair-side talk set aside around the one request it carries. Read only in a question that
speaks it (a marker below: "Open wide!", "Rinse and spit", "Any sensitivity?", "You have 3 cavities",
"Let's take some X-rays", "Floss twice a day", "Your next cleaning is in 6 months", "Bite down", "molar",
"Numbing you up now", "This won't hurt a bit"), so any other question reads exactly as before:
- a sentence or clause of the chair that asks nothing comes off whole (worker.planner.voice_asides): three
  cavities set no limit, "twice a day - 2 times, no fewer" no threshold, six months to the next cleaning
  no period, the upper left molar no direction;
- "Before you go:" and "While the numbing sets in:" hand over the request.
What the request itself asks of the chair (cavities per patient, the healthiest teeth) is left as it is
(and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["undentist"]

_I = re.IGNORECASE
_CHAIR = (
    r"open\s+wide|rinse\s+and\s+spit|any\s+sensitivity|cavit(?:y|ies)|x-?rays?|floss(?:ing)?|next\s+cleaning"
    r"|bite\s+down|molars?|numbing|won['\u2019]t\s+hurt\s+a\s+bit"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_CHAIR})\b", _I)
# Words of the chair: a sentence or clause with one that asks nothing is the dentist's talk.
_DENTAL = re.compile(
    rf"\b(?:{_CHAIR}|rinse|spit|teeth|tooth|gums|drill|cleaning|sensitivity|numb|twice|fewer|good|afraid)\b",
    _I,
)
_HANDOVER = re.compile(
    r"(?:^|(?<=[.!?]\s))\s*(?:before\s+you\s+go|while\s+the\s+numbing\s+sets\s+in)\s*[:,]\s*", _I
)


def undentist(text: str, model: SemanticModel) -> str:
    """`text` with a dentist's talk set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    read = without_asides(_HANDOVER.sub(" ", text).strip(), _DENTAL, names_of(model))
    return tidy(read)

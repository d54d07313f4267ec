"""A satnav, a car's navigation voice, set aside around the one request it carries. Read only in a question
that speaks it (a marker below: "In 200 metres, turn left", "At the roundabout, take the third exit",
"Recalculating", "Make a U-turn where possible", "Continue for 2 miles", "Keep right at the fork", "Head west
for 3 miles", "Arriving in 10 minutes", "Satellite signal lost", "You have reached your destination"), so any
other question reads exactly as before:
- a sentence or clause of the voice that asks nothing comes off whole (worker.planner.voice_asides): its
  distances, exit numbers, road numbers and minutes look like limits, thresholds or periods and are none,
  and its left, right and west are the road's, not the wind's;
- "the driver asks for X", "show the driver X", "for the passenger:" and "while we drive:" hand over the
  request X, so only X is read.
What the request itself asks that the data lacks (petrol prices, the best country to drive in) is left as
it is (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unsatnav"]

_I = re.IGNORECASE
_SIDE = r"(?:left|right)"
_UNIT = r"(?:metres|meters|yards|feet|miles?|kilometres|kilometers|km|m)"
_COMPASS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|last|\d+(?:st|nd|rd|th))"
# At a sentence's start only: "in 5 miles" inside a request ("countries within 5 miles") is no satnav.
_START = r"(?:^|(?<=[.!?:])\s*)"
_DIRECTIONS = (
    rf"(?:turn|bear|keep)\s+(?:slight(?:ly)?\s+)?{_SIDE}|roundabout|take\s+the\s+{_ORDINAL}\s+exit"
    rf"|recalculating|u-turn|reached\s+your\s+destination|satellite\s+signal"
    rf"|continue\s+(?:straight|on\s+the\s+\w+|for\s+[\d.,]+\s+{_UNIT})|head\s+{_COMPASS}\s+for\s+[\d.,]+"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"\b(?:{_DIRECTIONS})\b|{_START}(?:in\s+[\d.,]+\s+{_UNIT}|arriving\s+in\s+\d+\s+minutes?)\b", _I
)
# Words of the road: a sentence or clause with one that asks nothing is the satnav's.
_ROAD = re.compile(
    rf"\b(?:{_DIRECTIONS}|turn|{_SIDE}|exit|fork|destination|route|road|motorway|lane|junction|signal"
    rf"|drive|driving|driver|passenger|arriving|continue|straight|ahead|[\d.,]+\s+{_UNIT}|minutes|pass"
    rf"|petrol\s+stations?|traffic|head\s+{_COMPASS})\b",
    _I,
)
# The hand-over: who asks, then the request ("The driver asks for a histogram ..." asks for the histogram).
_ASKS_FOR = re.compile(
    r"\bthe\s+(?:driver|passengers?)\s+(?:asks|wants|would\s+like)\s+(?:for\s+|to\s+see\s+)?", _I
)
_SHOW_TO = re.compile(r"\b(show|give|tell)\s+the\s+(?:driver|passengers?)\b", _I)
# What is left may open on the route's "Then" ("Then show the 10 countries ...").
# "where possible" is the U-turn's, not a place asked about ("where" would read as a question).
_WHERE_POSSIBLE = re.compile(r"(?<=turn)\s+(?:where|when|if)\s+(?:possible|safe)\b", _I)
_THEN = re.compile(r"^\W*then\b\s*,?\s*", _I)


def unsatnav(text: str, model: SemanticModel) -> str:
    """`text` with a satnav's directions set aside around the driver's request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    handed = _SHOW_TO.sub(r"\1", _ASKS_FOR.sub("show ", _WHERE_POSSIBLE.sub("", text)))
    read = without_asides(handed, _ROAD, names_of(model))
    return tidy(_THEN.sub("", read))

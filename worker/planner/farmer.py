"""A farmer, whose patter is set aside around the one request it carries. Read only in a question that
speaks it (a marker below: "The cows were milked at 5", "Bessie gave 30 litres", "We sold 12 lambs at
market", "40 acres of wheat", "My tractor is a 1978 John Deere", "The rooster crows at dawn", "A gold rosette
at the county fair", "The north field flooded", "the hay is baled", "the ewes are lambing"), so any other
question ("the north wind", "a gold medal", "the harvest of votes", "sold" or "market" in an ordinary one)
reads exactly as before:
- a sentence or clause of the farm that asks nothing comes off whole (worker.planner.voice_asides): the
  milking hour, a cow's litres, the lambs sold, the acres, the tonnes and the price a buyer paid are no
  limit, party size, threshold or unit ("150 dollars each" no currency); the tractor's year and the flood's
  no period; the market day no day filter; a gold rosette or silver cup no medal; a buyer from New Zealand
  or China no country or nation; "the best cow in the county" no ranking or country; the weathervane's
  east and the south barn no wind direction; irises in a ditch no species; a candidate's campaign bus no
  candidate filter;
- a sentence that opens with a request's verb ("Chart ...", "Count ...", "Name ...") is the request even
  when it speaks of the farm, so what it asks of the farm stays in it.
What the request itself asks that the data lacks (the litres each cow gave, rainfall, the best continent
for farming, the median or the average "whichever the vet would use") is left as it is, and refused
downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import REQUEST_VERBS, request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["unfarm"]

_I = re.IGNORECASE
_LIVESTOCK = r"cows?|cattle|heifers?|calves|lambs?|ewes?|rams?|sheep|pigs?|piglets|hens|chickens|goats?|geese"
# The voice: nothing below is read in a question without one of these, each the farm's own (not "field",
# "harvest", "market" or "sold" alone, which an ordinary question may say).
_MARKS = (
    rf"(?:(?:the|my|our)\s+)?(?:{_LIVESTOCK})\s+(?:were|was|are|is|gave|give|got)\s+(?:milked|sheared|fed"
    rf"|lambing|calving|out|in)|milk(?:ed|ing)\s+(?:the\s+)?(?:cows|herd|goats)|sold\s+\d+\s+(?:{_LIVESTOCK})"
    r"|\w+\s+gave\s+\d+\s+litres|\d+\s+(?:litres|gallons)\s+of\s+milk|acres\s+of\s+(?:wheat|barley|oats|corn"
    r"|maize|hay|potatoes|beet)|tractor|john\s+deere|combine\s+harvester|the\s+rooster|rooster\s+crows"
    r"|(?:the\s+)?county\s+fair|rosette|(?:north|south|east|west|top|bottom|back)\s+(?:field|paddock|pasture)"
    r"|farm(?:hands?|house|yard)|the\s+farm|(?:the|my|our)\s+(?:barn|pigsty|henhouse|silo|sheepdog)"
    r"|(?:my|our)\s+(?:herd|flock)"
    r"|(?:hay|harvest|crop)\s+(?:is|was|came)\s+(?:baled|in)|bales\s+of\s+(?:hay|straw)|lambing|calving"
    r"|weathervane|ploughed|plowed"
)
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the farm: a sentence or clause with one that asks nothing is the farmer's. A clause that opens
# with a request's verb is the request whatever it names ("Chart the litres of milk each cow gave"), and
# "vet" is no farm word: "whichever the vet would use" leaves the median or the average open, and stays
# refused.
_FARM = re.compile(
    rf"^(?!\W*(?:{REQUEST_VERBS})\b)[\s\S]*?"
    rf"\b(?:{_MARKS}|{_LIVESTOCK}|milk(?:ed|ing)?|litres|gallons|acres|wheat|barley|harvest|field|flooded"
    r"|barn|tractor|deere|rooster|crows|dawn|fair|rosette|cup|market|sold|buyers?|butcher|tonnes|farm\w*"
    r"|ditch|bought|hay|straw|bales?|eggs|fence|orchard|pasture|paddock|dad|dinner\s+at\s+\d+|sharp"
    r"|record|the\s+best\s+\w+\s+in\s+the\s+county)\b",
    _I,
)


def unfarm(text: str, model: SemanticModel) -> str:
    """`text` with a farmer's patter set aside around the request; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = tidy(without_asides(tidy(text), _FARM, names_of(model)))
    return request_read(text, read, model)

"""A baker at the oven ("The sourdough went in at 4 a.m., 12 loaves", "Croissants, 3 dozen, ready by 7",
"A baker's dozen is 13", "Oven's at 220 degrees", "Proofing for 90 minutes at 27 degrees", "25 kilos of
flour from the mill", "The starter is 30 years old", "The rye is 60 per cent rye to 40 wheat", "The price of
butter has gone up 20 per cent since 2018", "Won silver at the county show with a 2-kilo cob", "Sold out by
noon, 6 dozen rolls for the mayor's office"), whose patter is set aside around the one request it carries.
Read only in a question that carries one of the baker's markers below (a baker or bakery, bread and its
loaves, rolls by the dozen, dough and its proofing, a sourdough starter, flour, the oven, a crust, the trade's
breads and pastries), so any other question ("pipe-delimited", "cut the population", "colour it by year",
"the oil price", "the engine of growth", "Ford", "lunch only", "tips by day", "a roll of the dice", "the
bread-and-butter measures") reads exactly as before:
- a sentence or clause of the bakery that asks nothing comes off whole (worker.planner.voice_asides): the
  loaves, the dozens, a tray's count and the kilos of flour are no limit, party size or threshold; the
  oven's degrees and the proofing's minutes no unit or period; the rolls' 2 dollars no currency or
  threshold; "ready by 7", "4 a.m." and "sold out by noon" no hour or meal; the lunch crowd no meal;
  Saturday's sell-out no day; the starter's years and the county show's year no period; a German recipe,
  Turkish poppy seeds, Brazilian cheese bread or a Korean baker no country; a silver at the show and a
  gold-brown crust no medal; violet icing no species; the wind off the sea from the east no direction;
- a baker's percentage ("60 per cent rye") and the price of the trade's stuff ("the price of butter") are
  no share and no share price;
- a lead-in while the bread bakes ("While the dough proves,", "Before the rolls go in:") and a hand-over
  after the patter ("Right then,", "Anyway -") are the request's start.
A choice left to someone ("whichever the head baker prefers") is the request's and stays. What the request
itself asks that the data lacks (the loaves sold each day, the tastiest species, an hour of the tips, a
temperature) is left as it is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import HANDOVER, REQUEST_VERBS, request_read, told_by, untold, without_asides
from worker.semantic import SemanticModel

__all__ = ["unbake"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_BREAD = (
    r"sourdough|loaf|loaves|baguettes?|croissants?|bagels?|brioche|focaccia|ciabatta|pastr(?:y|ies)|scones"
    r"|doughnuts?|eclairs?|crumpets|bloomers?|cobs|rye|pumpernickel|(?:cheese|soda|rye|white|brown|spelt)\s+bread"
)
_STUFF = r"(?:butter|flour|sugar|eggs|yeast|salt|rye|wheat|spelt|seeds|water|milk|cream|chocolate)"
# Marks the baker alone makes. Not "roll" or "rolls" alone (a roll of the dice, a payroll), nor "bread" in
# "bread-and-butter", nor "crust", "dozen" or "starter" alone: the rolls come by the dozen, the crust is
# gold-brown, the starter has an age ("The starter is 30 years old").
_MARKS = (
    rf"bak(?:er|ers|er{_Q}s|ery|eries|ing)|{_BREAD}|bread(?![\s-]+and[\s-]+butter)|dough|knead\w*"
    r"|proofing|prov(?:ing|ed)\s+(?:overnight|drawer|basket)|ovens?|flour"
    r"|(?:\d+|a|half\s+a)\s+dozen\s+(?:\w+\s+)?rolls|(?:bread|dinner|the)\s+rolls\s+(?:were|are|went|came)"
    r"|(?:gold(?:en)?-?\s?brown|crisp|crusty)\s+crust|(?:the|my|our)\s+starter\s+(?:is|was|turn(?:s|ed))\s+\w+\s+(?:years?|months?|weeks?)\s+old"
    r"|\d+-kilo\s+(?:cob|loaf|plait)|(?:my|the)\s+plait|(?:wedding|birthday|sponge)\s+cake|icing"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the bakery: a sentence or clause with one that asks nothing is the baker's. A choice left to
# someone ("whichever the head baker prefers") is the request's, and stays refused, as is a clause that
# opens with a request's verb whatever it names ("Chart the loaves I sold").
_BAKERY = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    rf".*?\b(?:{_MARKS}|{_STUFF}|rolls|dozen|trays?|rack|crust|starter|recipe|mill|kilos?|cob|plait|seeds"
    r"|cake|fancies|sold\s+out|proof\w*|judges|apprentice)\b",
    _I | re.DOTALL,
)
# What the trade tells that would read as asking, in a sentence that asks nothing else: a baker's percentage
# ("60 per cent rye") is no share of a total, the price of butter asks nothing of the stocks' price, the
# county show shows nothing, and "that's how you know" or "is what the judges gave" ask no question.
_TOLD = re.compile(
    rf"\b(?:(?:price|cost)s?\s+of\s+(?:\w+\s+)?{_STUFF}|\d+\s*(?:per\s*cent|%)\s+{_STUFF}"
    rf"|(?:county|village|town|bread|baking|agricultural)\s+show|that{_Q}s\s+how\s+you\s+(?:know|tell)"
    rf"|(?:is|was|are)\s+what\s+(?:the|my|our)\s+\w+\s+(?:gave|give|say|said|want|ordered|liked?))\b",
    _I,
)
_WORK = r"(?:dough|bread|loaves|rolls|oven|starter|flour|croissants|batch|trays?|bake)"
# A lead-in while the bread bakes, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:while|whilst|as|before|after)\s+(?:I|we|the|it)(?:{_Q}(?:s|m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,30}}\s*[,:]\s*",
    _I,
)


def unbake(text: str, model: SemanticModel) -> str:
    """`text` with a baker's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    told = told_by(_TOLD, _VOICE, names)
    read = _LEAD_IN.sub(" ", untold(tidy(text), told)).strip()
    read = tidy(HANDOVER.sub("", without_asides(read, _BAKERY, names)))
    return request_read(text, read, model)

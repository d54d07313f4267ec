"""A car mechanic in the garage ("Oil change is 40 dollars, tyres 4 for 300", "Tyre pressure 32 psi all
round", "Spark plugs gapped at 0.8 millimetres", "Torque the wheel nuts to 90", "A 3-litre V6 booked in for 9
sharp", "The Ford in bay 2 has done 200,000 miles", "Timing belt's due at 60,000 miles", "Check engine light
on since Monday", "The 2007 Corolla needs new brake pads", "Got her up on the ramp", "I got my gold badge in
2001"), whose patter is set aside around the one request it carries. Read only in a question that carries one
of the mechanic's markers below (an oil change, tyres and their pressure, psi, spark plugs, brake pads, a
timing or fan belt, a warning light, a bay's number, a car's engine size or body, a car's mileage, the ramp or
the bonnet, a job booked in, the mechanic's badge), so any other question ("the oil price", "the engine of
growth", "the light at dinner", "Ford's share price", "a pipe of tips", "the colour of each species", "the
lunch tips", "a cut of the votes") reads exactly as before:
- a sentence or clause of the garage that asks nothing comes off whole (worker.planner.voice_asides): the
  prices of a job ("40 dollars", "tyres 4 for 300") are no currency, threshold or party size; psi,
  millimetres, litres, torque and miles no threshold, limit, unit or band; a bay's number, "9 sharp" and a
  party waiting in reception no limit, time or party size; a car's model year, "from 1972" and a badge's year
  no period; "since Monday" no day, the engine light's "check" no bill; a car from Germany or Japan, an owner
  from India or Rosemont and a customer who drives for Amazon no country, district or company; silver paint, a
  gold stripe and a gold badge no medal; a car nosed to the east wall or a garage door facing south no wind
  direction; irises on the dash no dataset;
- a lead-in while the car is worked on ("While it's up on the ramp,", "While the oil drains:", "Between
  jobs:") and a hand-over after the patter ("Right then,", "Anyway -") are the request's start.
A choice left to someone ("whichever the customer in bay 2 prefers") is the request's and stays. What the
request itself asks that the data lacks (the cars serviced each day, the most reliable company, a bill in
Canadian dollars, the tables served between 8 and 10 at night) is left as it is and refused downstream, as are
two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import HANDOVER, request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["ungarage"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_PARTS = (
    r"spark\s+plugs?|brake\s+(?:pads|discs|fluid|lines?)|(?:timing|fan|cam)\s*belt|head\s+gasket|gearbox"
    r"|clutch\s+(?:plate|cable|pedal)|exhaust\s+(?:pipe|manifold)|alternator|carburett?or|radiator\s+hose"
    r"|wheel\s+(?:nuts|bearings?|alignment)|lug\s+nuts|wiper\s+blades|dipstick|catalytic\s+converter"
)
# Marks the mechanic alone makes. Not "oil", "engine", "light", "pipe", "colour" or "Ford" alone ("the oil
# price", "the engine of growth", "Ford's share price"), nor "tires" or "tyre" alone (a verb, a typing
# slip): a car's oil is changed, its engine light is on, its miles run into the thousands on the clock.
_MARKS = (
    rf"oil\s+(?:change|filter|leak)|{_PARTS}|tyres|(?:new|spare|flat|front|rear|four|winter)\s+(?:tyre|tires?)"
    r"|t[yi]re\s+(?:pressure|tread)|\d+\s*psi"
    r"|(?:check\s+)?engine\s+(?:warning\s+)?light\s+(?:is\s+|was\s+)?(?:on|came\s+on|flashing)"
    r"|check\s+engine\s+light|(?:in|into|from)\s+bay\s+\d+|bay\s+\d+\s+and|\d(?:\.\d)?[-\s]litre"
    r"|V(?:6|8|10|12)|estate\s+car|hatchback|(?:has\s+done|due\s+at|on\s+the\s+clock\s+at|clocked)\s+"
    r"\d{1,3}(?:,\d{3})+\s+miles|\d{1,3}(?:,\d{3})+\s+miles\s+on\s+the\s+clock"
    r"|(?:up\s+)?on\s+the\s+(?:ramp|lift|axle\s+stands)|under\s+the\s+bonnet"
    r"|(?:jack|jacked)\s+(?:it|her)\s+up"
    r"|pull\s+(?:it|her)\s+in|torque(?:d)?\s+(?:the\s+)?(?:bolts|nuts|wheel\s+nuts)|gapped\s+at"
    r"|booked\s+in\s+for|the\s+MOT|(?:failed|passed)\s+(?:its|her|the)\s+MOT|road[-\s]test"
    r"|\d+\s+cars\s+a\s+(?:day|week|month)|(?:my|his|her)\s+(?:gold|silver|bronze)\s+badge"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the garage: a sentence or clause with one that asks nothing is the mechanic's. A choice left to
# someone ("whichever the customer in bay 2 prefers") is the request's, and stays refused.
_GARAGE = re.compile(
    rf"^(?!.*\bwhichever\b).*?\b(?:{_MARKS}|cars?|vans?|owner{_Q}?s?|customers?|ford|corolla|golf|model"
    r"|engine|light|oil|brakes?|pads|belt|miles|mileage|bolts|torque|bay|rattle|runs\s+sweet|garage|door"
    r"|wall|nose|badge|dash|paint|stripe|reception|spanners?|wrench|bonnet|ramp|jack|exhaust|dollars|pressure"
    r"|sweet|drives|belongs)\b",
    _I | re.DOTALL,
)
# "Check" is the bill's synonym to the data ("the check on each day"): before the engine light it is the
# light's name, and would make the light's sentence a request.
_CHECK = re.compile(r"\bcheck\s+(?=engine\s+(?:warning\s+)?light)", _I)
_WORK = r"(?:car|van|it|her|oil|engine|tyres?|brakes|ramp|lift|bonnet|jobs?|bay\s+\d+|paint)"
# A lead-in while the car is worked on, then the request.
_LEAD_IN = re.compile(
    r"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|you|it|the\s+\w+)"
    rf"(?:{_Q}(?:s|m|re|ll|ve))?\s+[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,20}}"
    rf"|between\s+{_WORK})\s*[,:]\s*",
    _I,
)


def ungarage(text: str, model: SemanticModel) -> str:
    """`text` with a car mechanic's patter set aside around the request; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = _LEAD_IN.sub(" ", _CHECK.sub("", tidy(text))).strip()
    read = tidy(HANDOVER.sub("", without_asides(read, _GARAGE, names_of(model))))
    return request_read(text, read, model)

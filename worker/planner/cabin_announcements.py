"""An airline captain's cabin announcement, set aside around the chart request it carries. Read only in a
question that speaks it (a word below: "this is your captain", "flight deck", "cabin crew", "seatbelt",
"cruising", "feet" after an altitude, "landing", "touch down", "descent", "turbulence", "welcome aboard",
"holding pattern", "flying over", "in-flight", "aircraft", "tailwind"), so any other question reads
exactly as before:
- the announcement before the request is context: "Ladies and gentlemen,", "This is your captain
  (speaking).", "Cabin crew, prepare for landing.", "We're cruising at 35,000 feet,", "welcome aboard
  flight 1952 to Nairobi.", "we'll be landing at 14:30 local time.", "The cabin crew will be coming
  through shortly;" come off whole, so altitudes, flight numbers, seat rows, flight times and local times
  are never values, years, periods or limits ("flight 1952" is no survey year, "rows 10 to 20" no range);
- a lead before a colon that names no value and no measure ("On your screens:", "For the arrivals hall:",
  "The chart for this leg:", "One last chart before we land:", "so here's something longer:") comes off,
  and so does a "Meanwhile,", "Until then," or "in the meantime," before the request ("meantime" is no
  mean);
- a place flown over or to ("flying over South Korea", "descent into Montreal") is kept only where the
  request points back to it ("its medals", "there"); a request that names it again has it as its own;
- "Feel free to move about the cabin and enjoy X" and "sit back, relax and enjoy X" are "show X"; a
  closing "as we cross into the new time zone" or "before we land" adds nothing.
A request for what the data does not hold (the outside air temperature, passengers per flight, the wind
when we touch down) is left as it is, and refused downstream by name. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import Names, names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["uncabin"]

_I = re.IGNORECASE
# The announcement's words: a part before the request that carries one (and no measure) is context.
_MARKER = (
    r"\b(?:(?:this\s+is\s+)?your\s+captain|captain\s+speaking|flight\s+deck|cabin\s+crew|the\s+cabin|"
    r"seat\s*belts?(?:\s+sign)?|cruising|cruise\s+altitude|altitude|[\d,]+\s*(?:feet|ft)|"
    r"land(?:ing|s|ed)?|touch(?:es|ing)?\s+down|descent|descend(?:ing)?|turbulence|welcome\s+aboard|"
    r"holding\s+pattern|(?:flying|fly|passing)\s+over|in-flight|aircraft|airplane|tail\s*wind|head\s*wind|"
    r"take\s+your\s+seats|arm\s+doors|cross-check|tray\s+tables?|overhead\s+(?:bins?|lockers?)|"
    r"flight(?:\s+(?:time|number|attendants?))?|passengers?|arrivals\s+hall|take-?off|boarding)\b"
)
# The voice itself: nothing below is read in a question without one of these.
_VOICE = re.compile(
    r"\b(?:this\s+is\s+your\s+captain|captain\s+speaking|from\s+the\s+flight\s+deck|cabin\s+crew|"
    r"seat\s*belts?|cruising\s+(?:at|altitude)|[\d,]+\s*(?:feet|ft)\b|prepare\s+for\s+(?:landing|take-?off)|"
    r"welcome\s+aboard|holding\s+pattern|(?:flying|fly|passing)\s+over|in-flight|turbulence|"
    r"(?:begin|start)\s+our\s+descent|touch\s+down|tray\s+tables?|arm\s+doors)\b",
    _I,
)
_ANNOUNCED = re.compile(_MARKER, _I)
_GREETING = re.compile(
    r"^\s*(?:ladies\s+and\s+gentlemen|(?:good\s+(?:morning|afternoon|evening|day)|hello|hi)"
    r"(?:\s+(?:everyone|everybody|folks|all))?|folks|everyone)\s*[,!.:]?\s*",
    _I,
)
# The places where one part of the announcement ends and the next begins ("14:30" is no end).
_PART = re.compile(r"(?<=[.;:!?,])\s+")
# A connective before the request: "Meanwhile:", "Until then,", "in the meantime,", "so:".
_CONNECTIVE = re.compile(
    r"^\s*(?:and\s+)?(?:meanwhile|in\s+the\s+meantime|until\s+then|for\s+now|so|then|now|anyway)\s*[,:;]\s*",
    _I,
)
_CONNECTIVE_ONLY = re.compile(_CONNECTIVE.pattern + r"$", _I)
# "Feel free to move about the cabin and enjoy a histogram": the cabin is no data; enjoy is "show".
_ENJOY = re.compile(
    r"\b(?:feel\s+free\s+to\s+|you\s+(?:may|can)\s+now\s+)?(?:(?:move|walk|get\s+up\s+and\s+move)\s+"
    r"(?:about|around)\s+the\s+cabin|sit\s+back\s*,?\s*(?:relax\s*,?\s*)?)\s*,?\s*(?:and\s+)?"
    r"(?:enjoy|watch|take\s+a\s+look\s+at|have\s+a\s+look\s+at)\s+",
    _I,
)
# A closing clause of the flight: ", as we cross into the new time zone", ", before we land".
_CLOSING = re.compile(
    r"\s*,\s*(?:as|while|before|until|once|when)\s+we(?:'re|'ll|\s+are|\s+will)?\s+"
    r"(?:cross|land|touch|begin|start|fly|cruise|descend|climb|pass|head|arrive)\w*\b[^,.;:!?]*"
    r"(?=[.!]?\s*$)",
    _I,
)
# "its countries", "down there": the request points back to the place flown over.
_POINTER = re.compile(
    r"\b(?:its|(?:down\s+)?there|below\s+us|that\s+(?:continent|country|nation|region))\b", _I
)
_FUTURE = re.compile(r"\b(?:tomorrow|tonight|next\s+(?:week|month|year)|later\s+today)\b", _I)
_WHEN_WE = re.compile(
    r"\b(?:when|once|after|by\s+the\s+time)\s+we(?:'ll|\s+will)?\s+(?:land|touch\s+down|arrive|get\s+there)\b",
    _I,
)


def uncabin(text: str, model: SemanticModel) -> str:
    """`text` with a captain's cabin announcement set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    read = _ENJOY.sub("show ", text)
    parts = [p for p in _PART.split(read.strip()) if p]
    names = names_of(model)
    dropped: list[str] = []
    first = 0
    while first < len(parts) - 1 and _is_announcement(parts[first], names):
        dropped.append(parts[first])
        first += 1
    request = " ".join(parts[first:])
    # Only a closing of the flight itself; "as it will be when we touch down" asks a forecast, and is left.
    request = _CLOSING.sub("", request)
    request = _CONNECTIVE.sub("", request)
    when = _FUTURE.search(" ".join(dropped))
    if when:
        # "We land at 16:00 tomorrow: ... as it will be when we touch down": the time asked is tomorrow's,
        # which the data cannot hold; said by name, it is refused by name.
        request = _WHEN_WE.sub(when[0].lower(), request)
    said = values_named(" ".join(dropped), names)
    again = {v.lower() for v in values_named(request, names)}
    lost = [v for v in said if v.lower() not in again]
    if lost and (pointed := _points_back(request)):
        # "We're flying over Asia. The chart: its countries' populations": the place is the request's.
        request = f"{', '.join(lost)}: {pointed}"
    read = tidy(request)
    return read if read else text


def _points_back(request: str) -> str:
    """The request without its words pointing back to the place flown over; empty when none do."""
    if found := points_back(request):
        return found
    if not _POINTER.search(request):
        return ""
    return _POINTER.sub(lambda m: "the" if m[0].lower() == "its" else "", request)


def _is_announcement(part: str, names: Names) -> bool:
    """Whether a part before the request is the announcement's: it carries no measure of the data."""
    if _GREETING.fullmatch(part) or _CONNECTIVE_ONLY.match(part):
        return True
    body = _GREETING.sub("", part)
    if names.measures.search(body) or _CHART_TYPE.search(body):
        return False
    if body.rstrip().endswith(":") and not values_named(_POSSESSIVE.sub("", body), names):
        # A lead before a colon ("On your screens:", "One last chart before we land:") names nothing.
        return True
    return bool(_ANNOUNCED.search(body)) and not _REQUESTS.search(body)


_POSSESSIVE = re.compile(r"['\u2019]s\b")
_CHART_TYPE = re.compile(r"\b(?:histograms?|scatter|pies?|bars?|lines?|donuts?|columns?)\b", _I)
_REQUESTS = re.compile(r"\b(?:show|chart|plot|draw|graph|compare|rank|list)\b", _I)

"""A park ranger on the radio or at the trailhead ("Ranger station, over.", "Trail 4 closes at dusk", "Three
black bears spotted near the south fork", "The campground's full, 60 sites taken", "Fire risk is high since
2018", "Two hikers from Norway signed the trailhead log", "Bear-proof lockers are 5 dollars a night", "Trail 7
is a 12-kilometre loop, allow 4 hours", "A silver-tipped grizzly crossed trail 4 at noon", "Winds gusting from
the north-west at 40", "This park opened in 1931"), whose patter is set aside around the one request it
carries. Read only in a question that carries one of the ranger's markers below (a ranger and the ranger
station, a numbered trail or the trailhead, a campground, campsite, campers or a campfire, bears and other
wildlife, hikers, the fire risk, a river's fork, a ridge, the park itself, the backcountry and its permits),
so any other question ("over time", "the top story", "a break in the line", "the station's readings", "the
first five", "the weather", "a fork of the data", "whichever suits", "pipe-delimited", "Apple shares", "a
bear market", "a rate hike", "ridge regression", "the car park") reads exactly as before:
- a sentence or clause of the park that asks nothing comes off whole (worker.planner.voice_asides): trail
  numbers, the sites taken, the rangers on duty, the campers and the bears counted, a loop's kilometres and
  hours, a locker's dollars a night are no limit, party size, threshold, unit or period; dusk, noon, tonight
  and this morning no meal or hour; the Monday a trail reopened no day; the park's year and the fire risk's
  "since 2018" no period; hikers from Norway and campers from Mexico no country; a silver-tipped grizzly and
  gold panning no medal; wild irises by the station no species; the south fork, the east ridge and winds
  gusting from the north-west no direction; a lodge owner's Netflix shares no company;
- the radio's procedure ("Ranger station, over.", "over" closing the message, "Radio from the south fork:")
  adds nothing; a lead-in on patrol ("While I'm on patrol,", "Back at the station:") and a hand-over after
  the patter ("Anyway -", "Now then:") are the request's start; a "that year" points back to the year the
  patter told ("This park opened in 1947. Canada's population in that year").
A request passed on for the lodge ("The lodge wants ...") is planned as if asked directly. A choice
left to someone ("the botanist on the ridge can decide") and a sentence opening with a request's verb ("Chart
the bear sightings on each trail") are the request's and stay. What the request itself asks that the data
lacks (the bear sightings, the best hiking, a wind speed in km/h, the wind at dusk yesterday, a year before
the data's) is left as it is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import HANDOVER, REQUEST_VERBS, request_read_in_year, without_asides
from worker.semantic import SemanticModel

__all__ = ["unranger"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SIDE = r"(?:north|south|east|west|middle|upper|lower)(?:ern)?"
# Marks the ranger alone makes. Not "trail", "park", "fork", "ridge", "bear", "station", "camp", "hike" or
# "fire" alone (an audit trail, the car park, a fork of the repo, ridge regression, a bear market, the
# weather station, a boot camp, a rate hike, "fire off a chart"), nor a team's "Rangers", the ELK stack,
# the radio's "over" (over time) or a wind "gusting" (the forecaster's): they are the park's beside its
# other words.
_COUNTED = r"(?:\d+|one|two|three|four|five|six|a|the|only|park|forest|head|duty|senior)"
_MARKS = (
    rf"{_COUNTED}\s+rangers?|rangers?\s+(?:station|on\s+duty|hut|cabin|patrol|post)|ranger(?:{_Q}s)?\s+"
    r"(?-i:[A-Z][a-z]+)|trail\s+\d+|trailheads?|(?:hiking|nature|loop|ridge|forest|mountain)\s+trails?"
    r"|the\s+trails?\s+(?:is|was|are|were|closes?|closed|reopen\w*|opens?)|campgrounds?|campsites?|campers"
    r"|campfires?|backcountry|hikers|switchbacks|(?:black|brown|grizzly)\s+bears?|grizzl(?:y|ies)|bear-proof"
    r"|bears?\s+(?:spotted|sighted|seen|crossed|sightings?|spray|lockers?|box(?:es)?|country)|wildlife"
    r"|moose|elk(?!\s+stack)|bison|wolves|cougars?|mountain\s+lions?|rattlesnakes?|wildfires?|forest\s+fires?"
    r"|fire\s+(?:lookout|tower|ban)|red\s+flag\s+warning|(?:high|extreme|low|moderate)\s+fire\s+(?:risk|danger)"
    rf"|fire\s+(?:risk|danger)\s+(?:is|was|{_Q}s|remains|stays|high|extreme)|{_SIDE}\s+fork|{_SIDE}\s+ridge"
    r"|(?:on|up|along|from|over)\s+the\s+ridge|the\s+ridge\s+(?:is|was)|(?:national|state|provincial)\s+parks?"
    r"|(?:the|this|our)\s+park\s+(?:opened|closes|closed|opens|is\s+(?:open|closed|full))"
    r"|visitor\s+cent(?:re|er)|leave\s+no\s+trace"
    r"|(?:close[sd]?|shuts?|open(?:s|ed)?)\s+at\s+(?:dusk|dawn|sundown|sunset|sunrise)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the park: a sentence or clause with one that asks nothing is the ranger's. One that opens with a
# request's verb ("Chart the bear sightings on each trail"), leaves a choice to someone ("the botanist on the
# ridge can decide", "whichever the head ranger prefers") or operates on the data ("the 2 bands that blow
# most often") is the request's, and stays. Not "wind" or "south" (a request's direction), "only" (the one
# ranger on duty), "per" (5 dollars per night), "top of" or "most of" (the top of the ridge).
_CHOICE = r"whichever|decides?|choose|chooses|picks?|prefers?|up\s+to\s+(?:him|her|them|you)"
_OPERATES = (
    r"average|mean|median|total|number\s+of|each|every|versus|vs|against|top(?!\s+of)|bottom"
    r"|most(?!\s+of)|least|highest|lowest|biggest|smallest|sorted|between|histogram|scatter|pie"
)
_PARK = re.compile(
    rf"^(?!.*\b(?:{_CHOICE}|{_OPERATES})\b)(?!\W*(?:{REQUEST_VERBS})\b).*?\b(?:{_MARKS}|trails?|park|fork|ridge"
    r"|bears?|camp\w*|station|lodge|radio|patrol|duty|sites?|lockers?|permits?|hikes?|hiking|loop|smoke"
    r"|fire|flooded|gusting|gusts|dusk|dawn|sundown|sunset|sunrise|blooming|panning|irises|spotted|sighted"
    r"|kilometres?|miles|river|lake|falls|creek|gates?|footbridge|road|snow|mud\w*|cubs|deer|visitors"
    r"|tents?|boots|tonight|season)\b",
    _I | re.DOTALL,
)
# The radio's "over" closing the message ("..., over.", "... 1.5 cm, over?", "Over and out."): procedure,
# asking nothing. Not "65 and over": a comma, a dash or a sentence's end comes before it.
_OVER = re.compile(r"(?:\s*,|\s+[-\u2013\u2014]+|(?<=[.!?]))\s*\bover(?:\s+and\s+out)?\s*(?=[.!?]*\s*$)", _I)
# A lead-in on patrol or back at the station, then the request.
_LEAD_IN = re.compile(
    r"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+[^,.!?:;]{0,30}?\b(?:patrol|trail|rounds"
    r"|campground|station|lodge)\b[^,.!?:;]{0,15}|back\s+at\s+(?:the\s+)?(?:station|lodge))\s*[,:]\s*",
    _I,
)
# A request passed on for the park's own places ("The lodge wants ...", "Dispatch asks for ..."): the lodge
# is no role worker.planner.relayed_requests knows (it reads "the lodge manager asks"), and left to the
# planner, "lodge" and "wants" are unknown words in the request.
_FOR_THE_PARK = re.compile(
    r"(?:^|(?<=[.!?:])\s+)(?:the\s+)?(?:lodge|visitor\s+cent(?:re|er)|dispatch|park\s+office)\s+(?:wants"
    r"|would\s+like|needs|asks(?:\s+for)?)(?:\s+to\s+(?:see|know|have))?\s*:?\s*",
    _I,
)


def unranger(text: str, model: SemanticModel) -> str:
    """`text` with a park ranger's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    told = tidy(text)
    # A message whose "over and out" worker.planner.radio_procedure took ends on the comma before it.
    read = _FOR_THE_PARK.sub(" ", _LEAD_IN.sub(" ", _OVER.sub("", told).rstrip(" ,;"))).strip()
    read = tidy(HANDOVER.sub("", without_asides(read, _PARK, names_of(model))))
    if read == told:
        return text
    return request_read_in_year(text, read, told, model)

"""A flight attendant working the cabin, whose announcements are set aside around the one request a passenger
makes through them. Read only in a question that speaks it (a marker below: a seat code "Seat 14C" or "the
passenger in 3A", "Row 22 asks", "Ladies and gentlemen", "cabin crew", "doors to automatic", "the trolley is
coming through", "duty-free", "the drinks trolley", "meal trays", "tray tables", "overhead bins", "business
class", "cabin lights", "Flight 447", "cruising at", "we'll be landing in"), so any other question ("row 3 of
the table", "the ladies", "my dinner service", "the lunch tips", "She asks for", "flight" or "seat" in an
ordinary one) reads exactly as before:
- the passenger who asks ("A passenger in 3A asks", "Seat 6F would like", "Row 30 asks:", "Two women in row
  4 would like", "A gentleman in 12B asks for", "She asks for" after a sentence about a passenger) hands over
  to the request, and the cabin before it is the attendant's: a seat code or a row is a label, no party size,
  limit or value; the passengers' number and sex ("two women") no party size and no sex filter;
- what the passenger says of themself on the way ("Seat 21A is flying home to Nairobi and asks", "works at
  Netflix, but asks") is context: a home, a job or a place flown to or over is no filter, unless the request
  names it again, or points back to it ("her country's life expectancy");
- a sentence or clause of the cabin that asks nothing comes off whole (worker.planner.voice_asides):
  "38,000 feet" is no threshold, "40 minutes" no period or limit, "Flight 447" no value, "the lunch service"
  no meal filter, "silver service" and "gold cards" no medal, a tailwind from the west no direction.
What the request itself asks that the data lacks (the passengers on each flight, a date, knots, "whichever
the captain prefers") is left as it is, and refused downstream, as are two charts. Text not recognised is
unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, capitalised_values, names_of
from worker.planner.voice_asides import request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["uncabin_crew"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
# A seat code is a row and a capital letter ("14C", "3A"); "Q4" or "6+" are not.
_SEAT = r"(?:\d{1,2}(?-i:[A-K]))"
_SPOT = rf"(?:{_SEAT}|row\s+\d{{1,2}})"
_PEOPLE = (
    r"(?:passengers?|gentleman|gentlemen|lady|ladies|wom[ae]n|m[ae]n|boy|girl|child(?:ren)?|kids?|couple"
    r"|family|student|businessman|businesswoman|traveller|traveler|guest|mother|father|grandmother|grandfather)"
)
_ASKS = (
    rf"(?:asks?|asked|(?:is|are)\s+asking|ha(?:s|ve)\s+asked|wants?|wanted|would\s+(?:like|love)"
    rf"|{_Q}d\s+(?:like|love)|requests?|requested|needs?|wonders?|(?:is|are)\s+wondering)"
)
_CABIN = (
    rf"seat\s+{_SEAT}|(?:{_PEOPLE})\s+in\s+{_SPOT}|row\s+\d{{1,2}}\s+{_ASKS}|ladies\s+and\s+gentlemen"
    r"|cabin\s+(?:crew|lights|service|pressure)|doors?\s+to\s+(?:automatic|manual)|arm\s+doors|cross-check"
    r"|(?:drinks|duty-free|snack|bar)\s+trolley|trolley\s+(?:is\s+)?coming\s+(?:through|round|down)|duty-free"
    r"|(?:beverage|inflight|in-flight)\s+service|meal\s+trays?|tray\s+tables?|overhead\s+(?:bins?|lockers?)"
    r"|(?:business|economy)\s+class|flight\s+(?:attendants?|\d{2,4})|cruising\s+(?:at|altitude)"
    rf"|(?:we{_Q}ll|we\s+will|we\s+are|we{_Q}re)\s+(?:be\s+)?landing\s+in"
    r"|landing\s+in\s+[^.!?]{1,30}?\s+(?:in\s+\d+\s+minutes|shortly|soon)|seat\s*belts?|life\s+vests?"
    r"|oxygen\s+masks?|welcome\s+aboard|in\s+the\s+aisle|window\s+seat|aisle\s+seat"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_CABIN})\b", _I)
# Words of the cabin: a sentence or clause with one that asks nothing is the attendant's. Not "passengers"
# alone: "the passengers on each flight" asked as data stays, and is refused.
_ANNOUNCED = re.compile(
    rf"{_VOICE.pattern}|\b(?i:cabin|crew|trolley|aisle|seats?|doors?|flight|feet|cruising|landing|land"
    r"|minutes|descent|take-?off|captain|tailwind|headwind|turbulence|runway|gate|blankets?|pillows?"
    r"|headphones|service|trays?|cards?|class|aboard|lights?\s+dimmed)\b"
)
# The passenger who asks, at a sentence's start, with what they say of themselves on the way ("is flying
# home to Nairobi and", "works at Netflix, but", ", a teacher from Oslo,"); what follows is the request.
_HANDOVER = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:(?:an?|the|one|two|three|four|\w+)\s+)?(?:\w+\s+)?{_PEOPLE}\s+in\s+{_SPOT}"
    rf"|seat\s+{_SEAT}|row\s+\d{{1,2}}|(?:she|he|they))"
    r"(?P<own>\s*,[^,.!?]{1,60},|\s+[^.!?]{1,80}?(?:,\s*|\s+)(?:and|but|so)(?:\s+(?:she|he|they))?)?"
    rf"\s+{_ASKS}(?:\s+(?:for|to\s+see|to\s+know|about))?\s*:?\s*",
    _I,
)
# The request's pronoun of the passenger's home ("her country's", "their home country").
_BACK = re.compile(
    r"\b(?:her|his|their)\s+(?:own\s+|home\s+)?(?:country|nation|continent)(?=['\u2019]s?\b|\s|[.,!?]|$)"
    rf"(?:{_Q}s)?",
    _I,
)


def uncabin_crew(text: str, model: SemanticModel) -> str:
    """`text` with a flight attendant's announcements set aside around the request; other text unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    read = _handed_over(tidy(text), names)
    read = tidy(without_asides(read, _ANNOUNCED, names))
    return request_read(text, read, model)


def _handed_over(text: str, names: Names) -> str:
    """The request after the passenger who asks, with a home the request points back to put in; `text`
    when no passenger asks."""
    handover = _HANDOVER.search(text)
    if handover is None or not text[handover.end() :].strip(" .!?"):
        return text
    request = text[handover.end() :]
    said = capitalised_values(text[: handover.end()], names)
    if said and not capitalised_values(request, names) and _BACK.search(request):
        home = " and ".join(said)
        request = _BACK.sub(lambda m: f"{home}'s" if m[0][-1:] == "s" else home, request, count=1)
    return request

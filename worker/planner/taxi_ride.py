"""A taxi driver at the wheel ("Where to, mate?", "The fare's 23 dollars 50 and the meter's running", "My cab
number is 2214", "I've been driving this cab 17 years", "Traffic on the 401 is murder", "Had a fare from the
airport at 4 a.m.", "Turn left at the lights", "Hop in, buckle up", "The dispatcher radioed", "Rush hour on
the bridge"), whose patter is set aside around the one request it carries. Read only in a question that
carries one of the driver's markers below (the meter, a fare, the cab or taxi, "where to", the traffic, the
dispatcher, a shift at the wheel, a passenger in the back, the tolls or the lights), so any other question
("the airfare", "the gentleman in the back", "a passenger's tip", "each shift of the wind", "the lights of
Tokyo") reads exactly as before:
- "Where to, mate?" asks nothing of the data and comes off, as does any sentence or clause of the ride that
  asks nothing (worker.planner.voice_asides): the fare's dollars and the meter's kilometres are no unit,
  threshold or measure; the cab's number no date or limit; the years at the wheel and "since 2007" no
  period; the hour of a pick-up ("at 4 a.m.", "at 6") no time; the day of a fare ("on Tuesday", "the
  Saturday flight") no day; a passenger ("two women", "a Brazilian couple", "Joly", "three Olympians from
  Seoul") no sex, country, candidate or nation; a destination ("the Kenyan consulate", "the Apple store",
  "the Indian restaurant") no country or company; a road's number ("the 401") no value; a colour ("the
  silver one") no medal; the wind off the lake no direction; irises in the back no dataset;
- a lead-in while the car waits ("While we wait:", "While we're stuck here,", "At the next light,") is the
  request's start.
A choice left to someone ("whichever the dispatcher likes") is the request's and stays. What the request
itself asks that the data lacks (the fares of each shift, the best company to drive for, the tips between 3
and 5 in the morning) is left as it is and refused downstream, as are two charts. Text not recognised is
unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["untaxi"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
# Marks the driver alone makes. Not "fare" inside a word ("airfare", "welfare"), "the back" or "the lights"
# alone ("the gentleman in the back", "the northern lights"), "shift" alone (a shift of the wind), "driving"
# alone, nor a radio's "traffic and weather".
_MARKS = (
    rf"where\s+to,?\s+(?:mate|love|pal|buddy|boss|sir|madam|miss)|(?:the\s+)?meter(?:{_Q}s)?\s+"
    r"(?:is\s+|was\s+)?(?:running|ticking|ticks|says|reads|shows|at|still)|taxi(?:s|\s+rank)?|cabs?|cabbie"
    rf"|fares?|(?:the\s+)?fare{_Q}s|traffic(?!\s+and\s+weather)|dispatch(?:er)?|tolls|rush\s+hour|hop\s+in"
    r"|buckle\s+up|keep\s+the\s+change|(?:in|on)\s+the\s+back\s+seat|in\s+the\s+back\s+with"
    r"|(?:had|have|got)\s+[^.!?]{1,40}\s+in\s+the\s+back\b|(?:before|after|on)\s+my\s+shift"
    r"|(?:at|turn\s+(?:left|right)\s+at)\s+the\s+(?:next\s+)?(?:traffic\s+)?lights"
    rf"|been\s+driving\s+(?:this|a|the)\s+(?:cab|taxi|car)"
    rf"|I(?:{_Q}ve)?\s+(?:once\s+)?(?:drove|driven|picked\s+up)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the ride: a sentence or clause with one that asks nothing is the driver's. A choice left to
# someone ("whichever the dispatcher likes") is the request's, and stays refused.
_RIDE = re.compile(
    rf"^(?!.*\bwhichever\b).*?\b(?:{_MARKS}|mate|meter|drive|driving|drove|driven|shifts?|airport|flight"
    r"|lights|turn(?:ed)?\s+(?:left|right)|blocks?|dollars?|bucks|tipped"
    r"|passengers?|back|ride|road|highway|motorway|bridge|lanes?|street|avenue|crawling|stuck|murder"
    r"|dent|door|gps|radio(?:ed)?|rally|voted|heading|consulate|store|restaurant|hotel|station)\b",
    _I | re.DOTALL,
)
# "Where to, mate?" is a question of the ride, not of the data.
_WHERE_TO = re.compile(
    r"(?:^|(?<=[.!?])\s+)where\s+to(?:\s+(?:today|tonight|now))?,?\s*(?:\w+\s*)?[?!.]+\s*", _I
)
# The driver's own tip ("and the tip's up to you", "keep the change") names the tips data's measure and
# asks nothing of it.
_OWN_TIP = re.compile(
    rf"(?:,\s*|\s+)(?:and\s+)?(?:the\s+tip(?:{_Q}s|\s+is)\s+up\s+to\s+you|keep\s+the\s+change"
    r"|tips?\s+(?:are|is)\s+(?:always\s+)?welcome)\b",
    _I,
)
# A lead-in while the car waits, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:meanwhile|in\s+the\s+meantime|(?:while|whilst|as)\s+(?:we|you|I)(?:{_Q}re)?"
    r"\s+(?:wait|sit|are\s+stuck|stuck|crawl|drive|ride|idle)\w*\b[^,.!?:;]{0,30}"
    r"|at\s+the\s+next\s+(?:light|red\s+light|stop))\s*[,:]\s*",
    _I,
)


def untaxi(text: str, model: SemanticModel) -> str:
    """`text` with a taxi driver's patter set aside around the request; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = _OWN_TIP.sub("", _WHERE_TO.sub(" ", tidy(text)))
    read = _LEAD_IN.sub(" ", read).strip()
    read = tidy(without_asides(read, _RIDE, names_of(model)))
    return request_read(text, read, model)

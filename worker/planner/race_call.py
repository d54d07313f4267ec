"""A horse-racing commentator calling a race ("And they're off in the 3:15 at Ascot!", "Number 4, Lucky
Star, leads by two lengths!", "Into the final furlong", "It's a photo finish!", "Going: good to soft", "At 5
to 1 the outsider hits the front", "The favourite in gold and green silks wins by a neck", "A field of 12
runners", "The grey filly is flying on the rail", "Under starter's orders", "Stewards' enquiry!"), whose
patter is set aside around the one request it carries. Read only in a question that carries one of the
commentator's markers below (the off, lengths, a neck, nose or head, furlongs, the straight, a photo finish,
the going, silks, odds of "N to 1", a field of runners, the rail, colts and fillies, jockeys, the stewards,
a named race or racecourse), so any other question ("the favourite company", "a field of 3", "one line
each", "the front row", "the home countries", "the grey wolf") reads exactly as before:
- a sentence or clause of the race that asks nothing comes off whole (worker.planner.voice_asides): a
  saddle-cloth number is no limit, party size or value; a horse's name ("Joly's Pride", "Apple Blossom",
  "Amazon Queen") no candidate or company; lengths no limit, odds no threshold or band; the hour of the race
  ("the 3:15") no time; the racecourse ("Ascot", "the Melbourne Cup", "Blue Bonnets") no country or
  district; the silks' gold, silver or bronze no medal and their colours no colouring; a horse bred in
  Ireland or Japanese-owned no country; the year of an old Derby no period; the wind down the straight no
  direction; the crowd's Saturday no day; irises in the infield no dataset;
- a lead-in while the field gets ready ("While they settle,", "As they load into the stalls,",
  "Meanwhile") is the request's start, as is a hand-over after the call ("Now,", "Right then:").
A sentence that charts or leaves a choice to someone ("whichever the stewards prefer") is the request's and
stays. What the request itself asks that the data lacks (each horse's finishing time, the best company to
back, an hour of the tips) is left as it is and refused downstream, as are two charts. Text not recognised
is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import HANDOVER, request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["unrace_call"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_N = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|half\s+a)"
_GOING = r"(?:good|firm|soft|heavy|yielding)"
_COURSE = (
    r"ascot|kempton|longchamp|epsom|cheltenham|aintree|newmarket|goodwood|sandown|doncaster|haydock"
    rf"|churchill\s+downs|flemington|belmont\s+stakes|saratoga|(?:melbourne|breeders{_Q}?|gold)\s+cup"
    r"|grand\s+national"
)
# Marks the commentator alone makes. Not "the favourite", "the grey", "the front" or "the straight" alone
# ("my favourite chart", "a straight line"), "first past the post" (an electoral system), "neck and neck" or
# "by a nose" without the race's verb, nor a clock time alone.
_MARKS = (
    rf"(?:and\s+)?they{_Q}re\s+off|at\s+the\s+off|(?:leads?|clear|wins?|won|beaten|takes\s+it)\s+by\s+{_N}"
    rf"\s+(?:lengths?|necks?|noses?|heads?|short\s+head)|{_N}\s+lengths?\s+(?:clear|in\s+front|behind|down)"
    r"|by\s+a\s+(?:neck|short\s+head)|furlongs?|(?:home|back|final|finishing)\s+straight"
    rf"|into\s+the\s+straight|photo[-\s]finish|(?:the\s+going\s+is|going\s*:)\s*{_GOING}"
    rf"|going\s+{_GOING}\s+to\s+{_GOING}|silks|at\s+\d+\s+to\s+1\b(?!\s*(?:ratio|people|\d))"
    r"|\d+-to-1\s+(?:shot|outsider|favourite)|on\s+the\s+rail|field\s+of\s+\d+\s+(?:runners|horses|starters)"
    r"|\d+\s+runners|outsiders?|colts?|fill(?:y|ies)|jockeys?|racecourse|racehorses?|starting\s+(?:stalls|gate)"
    rf"|winning\s+post|starter{_Q}s\s+orders|stewards{_Q}?\s+enquiry|each-way"
    rf"|hits\s+the\s+front|the\s+\d{{1,2}}[:.]\d\d\s+at\s+(?-i:[A-Z])\w+|(?:the\s+)?\d{{4}}\s+derby|{_COURSE}"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the race: a sentence or clause with one that asks nothing is the commentator's. One that charts
# or leaves a choice to someone ("whichever the stewards prefer") is the request's.
_RACE = re.compile(
    rf"^(?!.*\b(?:chart|whichever)\b).*?\b(?:{_MARKS}|leads?|lengths?|races?|track|rail|favourite|grey"
    r"|horses?|runners?|field|odds|bend|flying|fading|closing|clear|front|finish|crowd|roaring|screen"
    r"|stewards|bred|owned|infield|number\s+\d+|silk|going|derby|cup|gallop\w*)\b",
    _I | re.DOTALL,
)
# A lead-in while the field gets ready, then the request.
_LEAD_IN = re.compile(
    r"(?:^|(?<=[.!?:])\s+)(?:meanwhile|in\s+the\s+meantime|(?:while|whilst|as)\s+(?:they|the\s+(?:field"
    r"|horses|runners|jockeys|stewards))\s+(?:settle|load|go\s+(?:behind|down|to\s+post)|parade|line\s+up"
    r"|canter|circle|come\s+under\s+orders|check|review|wait)\w*\b[^,.!?:;]{0,30})\s*[,:]\s*",
    _I,
)


def unrace_call(text: str, model: SemanticModel) -> str:
    """`text` with a horse-racing commentator's patter set aside around the request; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = _LEAD_IN.sub(" ", tidy(text)).strip()
    read = tidy(HANDOVER.sub("", without_asides(read, _RACE, names_of(model))))
    return request_read(text, read, model)

"""A midwife on the ward ("Contractions every 4 minutes now", "She is 7 centimetres", "Born at 04:12, 3.4
kilos, Apgar 9", "Twins in room 6, both feeding well", "38 weeks on the dot", "Epidural at 3 in the morning,
baby by 6", "A birth weight under 2.5 kilos counts as low", "Joly's nephew was my 400th delivery", "She is
naming the baby after her grandmother, who packed boxes at Amazon"), whose patter is set aside around the
one request it carries. Read only in a question that carries one of the midwife's markers below (a midwife,
a baby, babies, twins or a newborn, contractions, centimetres dilated, weeks along or pregnant, labour, an
epidural, an Apgar score, a birth, a delivery counted, the due date, the cord, the waters, pushing), so any
other question ("a baby boom", "the delivery of the votes", "the labour party", "in 2 weeks", "push the
bars apart", "the cord of the chart", "a 5-centimetre petal") reads exactly as before:
- a sentence or clause of the ward that asks nothing comes off whole (worker.planner.voice_asides): the
  minutes between contractions, the centimetres, kilos, weeks and Apgar scores are no threshold, limit or
  unit; a baby born at an hour, an epidural at 3 in the morning and a baby an hour old no hour; the day of
  the week a baby came no day; the year a baby was born no period; mum's and dad's countries no country;
  the babies and midwives counted no limit; a gold chain no medal; the wind at a home birth no direction;
- a family told of ("the grandmother, who packed boxes at Amazon", "the dad works at Apple", "named him
  after the winner") names no company and no winner to filter on;
- a lead-in while the ward goes on ("Between contractions,", "While she pushes:") and a hand-over after the
  patter ("Now,") are the request's start; a "that year" points back to the year the patter told.
A sentence opening with a request's verb and a choice left to someone ("pick whichever matters more") are
the request's and stay. What the request itself asks that the data lacks (births per 1000 people, a
measure in days, an hour of the tips, a year the data does not hold, the most family-friendly candidate)
is left as it is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import REQUEST_VERBS, set_aside
from worker.semantic import SemanticModel

__all__ = ["unmidwife"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_KIN = r"(?:mum|mom|mother|dad|father|grand(?:ma|mother|dad|father|pa)|nan|gran|aunt|uncle|husband|partner)"
# Marks the midwife alone makes. Not "delivery", "labour", "push", "cord", "weeks", "centimetres", "kilos",
# "born" or "shift" alone (the delivery of the votes, the labour force, push the bars, a 5-centimetre petal,
# in 2 weeks, the night shift of a diner): they are the midwife's beside the ward's other words.
_MARKS = (
    r"midwi(?:fe|ves|fery)|bab(?:y|ies)(?!\s+boom)|newborns?|twins|triplets|contractions?|epidurals?"
    r"|apgar|dilated|placenta|caesarean|c-section|in\s+labou?r|into\s+labou?r|labou?r\s+ward"
    r"|birth\s+weight|home\s+birth|due\s+date|cord\s+(?:clamped|cut)|waters\s+(?:broke|have\s+broken)"
    r"|push(?:ing)?\s+now|(?:she|he)\s+is\s+\d+\s+centimetres|\d+\s+weeks\s+(?:along|pregnant|on\s+the\s+dot)"
    r"|(?:my|her)\s+\d+(?:st|nd|rd|th)\s+(?:delivery|birth|baby)|caught\s+(?:over\s+)?\d+\s+babies"
    r"|(?:boy|girl)\s+born|born\s+at\s+\d"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the ward: a sentence or clause with one that asks nothing is the midwife's. One that opens with a
# request's verb or leaves a choice to someone ("pick whichever") is the request's. Not "day", "hour",
# "minutes", "window" or "years" alone: a request's clause may say them.
_WARD = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    rf".*?\b(?:{_MARKS}|{_KIN}|kilos?|centimetres?|weeks|born|birth|feeding|shift|kettle|room|ward"
    r"|delivery|delivered|labou?r|push|cord|nephew|niece|named|naming|noses|hour\s+old|windows\s+shut"
    r"|she\s+came|sign\s+of\s+her|grip|chest)\b",
    _I | re.DOTALL,
)
# What the ward tells that would read as asking, in a sentence that asks nothing else: a family's work ("the
# grandmother, who packed boxes at Amazon", "the dad works at Apple") and a baby named after someone ("after
# the winner"), which name no company or winner to filter on.
_TOLD = re.compile(
    rf"\b(?:{_KIN},?\s+who\s+\w+(?:\s+\w+)?\s+at\s+\w+|(?:works?|worked|working)\s+at\s+\w+"
    rf"|(?:and\s+)?the\s+{_KIN}\s+at\s+\w+|nam(?:ed|ing)\s+(?:him|her|them|the\s+baby)\s+after\s+(?:the\s+)?\w+)",
    _I,
)
_WORK = r"(?:push\w*|contraction\w*|scrub\w*|check\w*|deliver\w*|feed\w*|settl\w*|weigh\w*|stitch\w*)"
# A lead-in while the ward goes on, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|you|she|he|the\s+\w+)(?:{_Q}(?:m|re|ll|s))?"
    rf"\s+[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,30}}|between\s+(?:contractions|pushes|feeds))\s*[,:]\s*",
    _I,
)


def unmidwife(text: str, model: SemanticModel) -> str:
    """`text` with a midwife's patter set aside around the request it carries; other text unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _WARD)

"""A mountaineer on an expedition ("Base camp, 5,364 m.", "Summit push at 2 a.m.", "Camp 3 tonight",
"Crampons on!", "Oxygen at 8,000 m", "The Sherpas say the wind is from the north-west", "Day 23 on the
mountain", "Roped up, three of us") radioing the one request down to base. Read only in a question that
carries one of the expedition's markers below, so any other question reads exactly as before (a base year,
a summit of prices, a camp, a radio, the gold medals):
- the radio hand-over ("Radio base for X", "Radio the analyst for X", "Ask the analyst (at base): how
  many ...", "Radio up X", "Radioed down: X", "Radioed to base: X", "The analyst at base can send X",
  "Base, send X") gives the request X, and what the climber said before it is the expedition's news;
- any other sentence or clause of the expedition's that asks nothing comes off whole
  (worker.planner.voice_asides), and "Before we go," opening the request is its start: an altitude is no
  threshold or population, a camp's number and "three of us" no limit or party size, "Day 23" no period,
  "2 a.m." no time, "summit push" no maximum, the mountain's wind no direction of the wind data, the
  summit flag's gold and the ice axe's silver no medal, and "no irises up here" names no species;
- a relay after it ("base wants X", "Base asks for X") is left to worker.planner.relayed_requests.
What the request itself asks that the data lacks (the oxygen in each bottle, Nepal in 2012, the wind on the
summit ridge tonight) is left as it is (and refused downstream), as are two charts. Text not recognised is
unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["unexpedition"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
# Who is radioed: base, the (team's) analyst, the analyst at base.
_BASE = rf"(?:base(?:\s+camp)?|the\s+(?:team{_Q}s\s+)?analyst(?:\s+at\s+base(?:\s+camp)?)?)"
_RADIO = rf"radio(?:ed)?\s+(?:up|down|back|base|to\s+base|the\s+(?:team{_Q}s\s+)?analyst)"
_MARKS = (
    rf"base\s+camp|summit\s+(?:push|ridge|day|bid|attempt)|camp\s+\d|crampons?|oxygen\s+(?:at|low|is)"
    rf"|sherpas?|day\s+\d+\s+on\s+the\s+mountain|roped\s+up|ice\s+(?:axe|fall)|expedition|{_RADIO}"
    rf"|the\s+analyst\s+at\s+base|ask\s+the\s+analyst"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the mountain: a sentence or clause with one that asks nothing is the expedition's news. A
# choice left to someone ("- whichever the expedition doctor likes") is the request's, and stays.
_MOUNTAIN = re.compile(
    rf"^(?!.*\bwhichever\b).*?\b(?:{_MARKS}|base|camp|summit|mountain|climb(?:ed|ing|ers?)?|grandfather"
    r"|oxygen|tents?|poppies|irises\s+up\s+here|storm|radio|newspapers|flag|rope[ds]?|of\s+us|day\s+\d+"
    r"|\d[\d,.]*\s*m|metres|altitude|acclimati[sz]\w*|avalanche|glacier|ridge|snow|cold|thin|crackling)\b",
    _I | re.DOTALL,
)
# The hand-over at a sentence's or clause's start; what follows it is the request, a question word
# opening it ("Ask the analyst how many ...") asks itself.
_START = r"(?:^|(?<=[.!?:;])\s+|\s+[-\u2013\u2014]+\s+)"
_HANDOVER = re.compile(
    rf"{_START}\W*(?:(?:radio(?:ed)?|ask(?:ed)?)(?:\s+(?:up|down|back))?(?:\s+to)?\s+{_BASE}"
    r"|radio(?:ed)?\s+(?:up|down|back)"
    rf"|{_BASE}\s*,?\s+(?:can\s+|could\s+|will\s+|please\s+)?send(?:\s+(?:up|down|us|me))?)"
    r"(?:\s+for\b|\s*[:,])?\s+(?=(?P<question>how|which|what|who|whose|where|when|whether)\b)?",
    _I,
)
# "Before we go," opening what is left is the request's start.
_BEFORE = re.compile(rf"^\W*before\s+(?:we|I){_Q}?\w*\s+[\w\s']{{0,30}}?,\s*", _I)


def unexpedition(text: str, model: SemanticModel) -> str:
    """`text` with a mountaineer's news set aside around the request radioed down; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = without_asides(_handed_over(tidy(text)), _MOUNTAIN, names_of(model))
    read = tidy(_BEFORE.sub("", read))
    return request_read(text, read, model)


def _handed_over(text: str) -> str:
    """The request after the radio hand-over (an object read as "show ..."), or `text` without one."""
    handover = _HANDOVER.search(text)
    if handover is None or handover.end() >= len(text):
        return text
    request = text[handover.end() :]
    return request if handover["question"] else f"show {request}"

"""A lifeguard at a swimming pool, whose shouts are set aside around the one request they carry. Read only in
a question that shouts one (a marker below: "No running by the pool!", "Everybody out of the water!", "Swim
between the flags!", "The deep end is 3 metres", "No diving in the shallow end!", "Adult swim in 10
minutes", "Lane 4 is closed", "The pool closes at 8", "Walk, don't run!", "Whistle!", "Lifeguard on duty"),
so any other question ("the pooled tips", "the north lane", "weeks that closed above 100") reads exactly as
before:
- a sentence or clause of the lifeguard's that asks nothing comes off whole (worker.planner.voice_asides):
  its depths look like thresholds, its lane numbers like party sizes or limits, its minutes and closing
  hour like periods, "closed" and "out of the water" like exclusions and "between the flags" like a range,
  and none is one;
- the wind blowing the flags ("- the wind is blowing them in from the west") is the pool's weather, no
  direction of the wind data, so it comes off even though it names the wind;
- "Now," opening the request after a shout is the request's start.
What the request itself asks that the data lacks (the lengths each swimmer swam, the water's temperature)
is left as it is (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unlifeguard"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
# A shout the lifeguard alone makes; "whistle" only as a shout of its own ("the final whistle" is a match's).
_SHOUTS = (
    rf"no\s+(?:running|diving|bombing|splashing|ducking)|by\s+the\s+pool|out\s+of\s+the\s+(?:water|pool)"
    rf"|(?:swim|stay)\s+between\s+the\s+flags|(?:deep|shallow)\s+end|adult\s+swim|lifeguard"
    rf"|lane\s+{_NUMBER}\s+is\s+(?:closed|shut|open|reserved)|pool\s+(?:closes|opens|is\s+closed)"
    rf"|walk\s*,?\s+don{_Q}?t\s+run"
)
_WHISTLE = r"(?:^|(?<=[.!?:]\s))\s*(?:\*\s*)?(?:whistle|tweet|pheep)\b(?:\s*\*)?\s*!+"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_SHOUTS})\b|{_WHISTLE}", _I)
# Words of the pool: a sentence or clause with one that asks nothing is the lifeguard's.
_POOLSIDE = re.compile(
    rf"\b(?:{_SHOUTS}|pool|water|swim(?:s|ming|mers?)?|flags?|lanes?|whistle|run(?:ning)?|walk|diving"
    r"|dive|lessons?|metres|meters|feet|deep|shallow|closed|closes|everybody|everyone|splash(?:ing)?"
    r"|towels?|goggles|armbands|floats?|minutes)\b",
    _I,
)
# The wind blowing the flags is the pool's weather: "- the wind is blowing them in from the west".
_FLAGS_BLOWN = re.compile(
    r"(?:\s+[-\u2013\u2014]+\s+|\s*[,;]\s+)(?:and\s+)?(?:the\s+)?wind\s+(?:is\s+|has\s+been\s+)?"
    r"(?:blowing|blows|blew|whipping|flapping|tugging\s+at)\s+(?:them|the\s+flags?)\b[^.!?;:]*",
    _I,
)
_WHISTLE_SHOUT = re.compile(_WHISTLE, _I)
# "Now," after a shout opens the request ("No running by the pool! Now, the average tip").
_NOW = re.compile(r"^\W*(?:ok(?:ay)?\s*,?\s*)?now\b\s*,?\s*", _I)


def unlifeguard(text: str, model: SemanticModel) -> str:
    """`text` with a lifeguard's shouts set aside around the request they carry; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = _WHISTLE_SHOUT.sub(" ", _FLAGS_BLOWN.sub("", text)).strip()
    read = without_asides(read, _POOLSIDE, names_of(model))
    read = tidy(_NOW.sub("", read))
    return read or text

"""A sports play-by-play announcer's calls set aside around the one request they carry. Read only in a
question that speaks it (a marker below: "He shoots! He scores!", "a slam dunk", "What a play!", "We're in
overtime", "At the buzzer!", "a home run", "the crowd of 40,000 goes wild", "Number 23 drives to the
basket", "Back to you in the studio", "the MVP", the quarters of a game), so any other question reads
exactly as before:
- a sentence or clause of the game that asks nothing comes off whole (worker.planner.voice_asides): the
  crowd of 40,000 sets no threshold, number 23 no limit, "the third quarter of the game is over" no
  quarter of a year; "Back to you in the studio - but first, world GDP ..." is the request after the dash;
- "the MVP <thing>" is the top one ("Just the MVP day" is the top day).
What the request itself asks of the game (points scored, players, next season's MVP) is left as it is (and
refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unannounce"]

_I = re.IGNORECASE
_CALLS = (
    r"he\s+shoots|he\s+scores|slam\s+dunk|what\s+a\s+play|(?:in|into)\s+overtime|at\s+the\s+buzzer"
    r"|home\s+run|crowd\s+of\s+[\d,]+\s+goes\s+wild|number\s+\d+\s+drives|back\s+to\s+you\s+in\s+the\s+studio"
    r"|\w+\s+quarter\s+of\s+the\s+game|end\s+of\s+the\s+\w+\s+quarter|the\s+MVP"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_CALLS})\b", _I)
# Words of the game: a sentence or clause with one that asks nothing is a call.
_GAME = re.compile(
    rf"\b(?:{_CALLS}|shoots|scores|dunk|overtime|buzzer|crowd|basket|studio|game|folks|touchdown|goal)\b", _I
)
# "Just the MVP day": the top one of what is ranked.
_MVP = re.compile(r"\bthe\s+MVP\b(?=\s+\w)", _I)


def unannounce(text: str, model: SemanticModel) -> str:
    """`text` with a sports announcer's calls set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    read = without_asides(text, _GAME, names_of(model))
    return _MVP.sub("the top", read)

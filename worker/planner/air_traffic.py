"""An air traffic controller's calls set aside around the one request they carry. Read only in a question
that speaks it (a marker below: "Tower to Chart 451", "cleared for takeoff", "runway 27", "climb and
maintain flight level 350", "squawk 7700", "wind 270 at 15 knots", "hold short", "contact departure on
124.5", "expect delays of 20 minutes", "Roger", "Wilco"), so any other question reads exactly as before:
- a sentence or clause of the radio that asks nothing comes off whole (worker.planner.voice_asides): call
  signs and runway, flight-level and squawk numbers set no limit or filter, the radio's wind (270 at 15
  knots) asks nothing of the wind data, a delay of 20 minutes sets no period;
- the call sign said as an address ("Chart 451, ...") and "Request" before the request come off.
What the request itself asks of the airfield (delays per runway, wind speeds in knots) is left as it is
(and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unradio_tower"]

_I = re.IGNORECASE
_CALLS = (
    r"tower\s+to\s+\w+|cleared\s+for\s+(?:takeoff|landing)|runway\s+\d+|flight\s+level\s+\d+|squawk(?:ing)?\s+\d+"
    r"|wind\s+\d{3}\s+at\s+\d+\s+knots|hold\s+short|contact\s+(?:departure|approach|ground)|expect\s+delays"
    r"|wilco"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_CALLS})\b", _I)
# Words of the radio: a sentence or clause with one that asks nothing is a call.
_RADIO = re.compile(
    rf"\b(?:{_CALLS}|roger|tower|runway|takeoff|landing|climb|maintain|squawk(?:ing)?|knots|departure"
    r"|delays?|minutes|chart\s+\d+)\b",
    _I,
)
# "Chart 451, ..." as an address, "Then:" and "Request" before what is asked.
_ADDRESS = re.compile(r"(?:^|(?<=[.!?:]\s))\s*(?:chart\s+\d+\s*,\s*|then\s*:\s*|request\s+(?=the\b))", _I)


def unradio_tower(text: str, model: SemanticModel) -> str:
    """`text` with an air traffic controller's calls set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    read = without_asides(text, _RADIO, names_of(model))
    return tidy(_ADDRESS.sub(" ", read).strip()) if read != text else text

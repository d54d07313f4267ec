"""A photographer at a shoot ("Say cheese!", "Hold that pose", "Shoot at f/2.8, 1/250 s, ISO 400", "Use the
50 mm lens", "Golden hour starts at 6:40", "Three more frames", "Everyone from the left, squeeze in!") set
aside around the one request asked between takes. Read only in a question that carries one of the shoot's
markers below, so any other question reads exactly as before ("the ISO country code", "from the left", the
frames, a lens, prices that shoot up, takes):
- a sentence or clause of the shoot that asks nothing comes off whole (worker.planner.voice_asides): an
  aperture, shutter speed, ISO number, focal length or focus distance is no threshold, ratio, limit or party
  size, "three more frames" and "frame 36 of 36" no limit, "golden hour starts at 6:40" no period or meal,
  "from the left" no direction or order, "squeeze in" combines nothing, the reflectors' gold and silver are
  no medal, and the places and people of the shoot (the harbour, Villeray, the CEO) are no filter;
- the lead-in that hands over the request ("Between takes,", "Meanwhile:", "For the brochure:", "While I
  swap memory cards:") comes off with the patter before it; a relay after it ("the client asks for ...")
  is left to worker.planner.relayed_requests.
What the request itself asks of the shoot (the photos each photographer took, the wind at 6:40 this
evening) is left as it is (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unphoto_shoot"]

_I = re.IGNORECASE
_N = r"(?:\d+|one|two|three|four|five|six|a\s+few|a\s+couple\s+more)"
# An ISO number, an aperture, a shutter speed and a focal length: "ISO country code" and "1/4 of the bill"
# are no marker, a number is needed after ISO and a unit after the fraction.
_SETTINGS = r"ISO\s*\d{2,5}|f/\d+(?:\.\d+)?|1/\d+\s*(?:s|sec|second)\b|\d+\s*mm(?:\s+macro)?\s+lens"
_MARKS = (
    rf"{_SETTINGS}|say\s+cheese|hold\s+(?:that|this|the)\s+pose|hold\s+still|golden\s+hour"
    rf"|{_N}\s+more\s+(?:frames|shots)|frame\s+\d+\s+of\s+\d+|between\s+(?:takes|shots)|squeeze\s+in"
    r"|reflectors?|memory\s+cards?|the\s+(?:photo\s+)?shoot\b|last\s+one\s+on\s+(?:this|the)\s+roll"
    r"|shoot\s+(?:the\s+group|at\s+(?:f/|1/))|focus\s+at\s+\d+\s*cm"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"(?<![\w/])(?:{_MARKS})", _I)
# Words of the shoot: a sentence or clause with one that asks nothing is the photographer's (its praise,
# "lovely", included: "Hold that pose... lovely." splits into two sentences).
_SHOOT = re.compile(
    rf"(?<![\w/])(?:{_MARKS}|shoot|shots?|frames?|lens|pose|cheese|smile|aperture|shutter|portrait"
    r"|reflectors?|lights|roll|golden|squeeze|everyone|paces|step\s+back|focus|splash|hats|gusts?|coffee"
    r"|a\s+break|swap|lovely|perfect|beautiful|gorgeous|stunning|wonderful|brilliant|chin\s+up"
    r"|look\s+(?:here|at\s+me)|eyes\s+on\s+me|from\s+the\s+(?:left|right))\b",
    _I,
)
# The hand-over after the patter ("Between takes,", "Meanwhile:", "In the meantime", "For the brochure:",
# "While they shuffle along:"): the request's start. "For the X" needs its colon or comma, since "For the
# smokers" may be the request's own filter.
_HANDOVER = re.compile(
    r"^\W*(?:and\s+|but\s+|so\s+)?(?:(?:between\s+(?:takes|shots)|meanwhile|in\s+the\s+meantime)\s*[:,]?"
    r"|(?:until\s+then|for\s+now|now|then|next|for\s+the\s+[\w\s'-]{1,40}?"
    r"|while\s+(?:I|we|they|you|he|she)\s+[\w\s']{1,40}?)\s*[:,])\s*(?=\S)",
    _I,
)


def unphoto_shoot(text: str, model: SemanticModel) -> str:
    """`text` without the photographer's patter around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = without_asides(tidy(text), _SHOOT, names_of(model))
    request = _HANDOVER.sub("", read)
    if request == tidy(text):
        return text
    return tidy(request[:1].upper() + request[1:])

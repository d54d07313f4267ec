"""A museum tour guide's patter set aside around the request it carries. Read only in a question that
speaks it (a guide's word below), so any other question reads exactly as before:
- the guide's asides ("Please don't touch the glass.", "Please stay with the group.", "No flash
  photography, please.", "Follow me, please.", "Mind the step.") and greetings ("Ladies and gentlemen,",
  "Welcome, everyone,") come off wherever they stand as a sentence or a lead of their own;
- a lead of the tour ("On your left you'll see the tips data.", "On your right, the medal case:",
  "Moving along to the west wing, where the wind exhibit hangs:", "Moving along to the Asia room:", "In
  this room you'll find ...", "This case holds the irises:", "This gallery holds ...", "Our final room of
  the tour:", "This next exhibit dates from 1952:") is context: the museum's rooms, wings, cases and
  galleries are no filters and its exhibits no values, so the lead comes off whole. A lead that names a
  measure is the request itself ("On your left, a histogram of life expectancy in 1982."): only its
  opening words ("On your left,", "Moving along,") come off;
- an exhibit's date ("dates from 1952", "dates back to the first week of 2018", "was made in 1977") is
  the request's period only where the request points back to it: "in that year", "that year", "the same
  year", "back then" and "at that time" are "in 1952", "from then" / "since then" are "from 1952" (a span
  starting in "the first week of 2018" starts in 2018). A date outside the data is then refused by name;
  a date the request does not point back to ("dates from 1957, but the chart beside it does not: ... in
  2007") is only the exhibit's;
- the request's own openers ("Here we have", "Here are", "Next,", "Next up:", "And now,") add nothing;
  "the 5 longest-lived (shortest-lived) countries" are those with the highest (lowest) life expectancy.
Visitor numbers, galleries, provinces of empires, colours, and why anything happened are left as they
are (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.everyday_words import spell_lived
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.semantic import SemanticModel

__all__ = ["untour"]

_I = re.IGNORECASE
_PLACE = (
    r"(?:exhibits?|rooms?|galler(?:y|ies)|cases?|halls?|wings?|displays?|vitrines?|collections?|pieces?|"
    r"paintings?|portraits?|sculptures?|statues?|artefacts?|artifacts?|tapestr(?:y|ies)|photographs?)"
)
# A guide's word: nothing below is read in a question without one.
_TOUR = re.compile(
    r"\b(?:on\s+your\s+(?:left|right)|moving\s+(?:along|on)|(?:don'?t|do\s+not)\s+touch\s+the\s+glass|"
    r"stay\s+with\s+the\s+group|exhibits?|(?:east|west|north|south)\s+wing|in\s+this\s+(?:room|gallery|hall)|"
    rf"(?:this|our|the)\s+(?:next\s+|final\s+)?(?:[\w-]+\s+)?{_PLACE}\s+(?:of\s+the\s+tour|holds|houses|contains|"
    r"shows|dates|was\s+(?:made|painted|built))|"
    r"(?:room|stop)\s+of\s+the\s+tour|flash\s+photography)\b",
    _I,
)
# The guide's asides: a sentence or lead of their own, said anywhere.
_ASIDE = re.compile(
    r"(?:^|(?<=[.!:?]))\s*(?:please\s+)?(?:"
    r"(?:don'?t|do\s+not)\s+touch\s+(?:the\s+)?(?:glass|exhibits?|cases?|displays?|paintings?|objects?)|"
    r"(?:stay|keep)\s+(?:with|close\s+to)\s+the\s+group|(?:stay|keep)\s+together|"
    r"no\s+(?:flash\s+)?photography|follow\s+me|mind\s+the\s+step|this\s+way"
    r")(?:\s*,?\s*please)?\s*(?:[.!:]+|$)",
    _I,
)
_GREETING = re.compile(
    r"^\s*(?:ladies\s+and\s+gentlemen|welcome(?:\s+back)?(?:,?\s+everyone)?|everyone|folks)\s*[,!:]\s*", _I
)
# A lead: the words before the first ":" or sentence end, with the request after it.
_LEAD = re.compile(r"^\s*(?P<lead>[^:!?.]{1,160}?)\s*(?::|[.!](?=\s))\s*(?P<rest>\S.*)$", re.DOTALL)
# What makes a lead the guide's.
_OPENER = re.compile(
    r"^\W*(?:on\s+your\s+(?:left|right)|moving\s+(?:along|on)|next\s+up|"
    rf"(?:in|inside)\s+(?:this|the\s+next|our\s+(?:next|final|last))\s+{_PLACE}|"
    rf"(?:this|the|our)\s+(?:(?:next|final|last|first|following)\s+)?(?:[\w-]+\s+)?{_PLACE}\b|"
    r"(?:here|now)\s+(?:in|at)\s+the\s+)",
    _I,
)
_PLACES = re.compile(rf"\b{_PLACE}\b", _I)
# The opening words of a lead that is itself the request.
_OPENING_WORDS = re.compile(
    r"^\W*(?:on\s+your\s+(?:left|right)|moving\s+(?:along|on)(?:\s*,?\s*please)?)\s*,?\s*"
    r"(?:(?:you(?:'ll|\s+will|\s+can)\s+see|you\s+see|is|are|we\s+have|sits?|stands?|hangs?)\s+)?",
    _I,
)
# The request's own openers.
_HERE = re.compile(
    r"^\W*(?:here\s+(?:we\s+have|you\s+(?:can\s+)?see|are|is)|next(?:\s+up)?\s*[,:]|and\s+now\s*,|now\s*,)\s*",
    _I,
)
# An exhibit's date, and the words of the request that point back to it.
_DATED = re.compile(
    r"\b(?:dates?|dating|dated)\s+(?:from|back\s+to|to)\s+(?P<when>[^,;:]+?)\s*(?:,|$)|"
    r"\b(?:was|were)\s+(?:made|painted|built|recorded|collected)\s+in\s+(?P<made>[^,;:]+?)\s*(?:,|$)",
    _I,
)
_IN_THEN = re.compile(
    r"\b(?:(?:in|during|for|of)\s+)?(?:that|the\s+same)\s+(?:year|time|period|date)\b|"
    r"\bback\s+then\b|\bat\s+that\s+time\b",
    _I,
)
_YEAR = re.compile(r"\d{4}")
_EACH_ONE = re.compile(r"\beach\s+(?:one|of\s+them)\b", _I)
_FROM_THEN = re.compile(r"\b(?P<word>from|since)\s+then\b", _I)
_STARTS = re.compile(
    r"^(?:the\s+)?(?:(?:first|opening)\s+(?:week|month|day|days|weeks|quarter)|start|beginning)\s+of\s+"
    r"(?P<year>\d{4})$",
    _I,
)


def untour(text: str, model: SemanticModel) -> str:
    """`text` with a tour guide's patter set aside as context; other text is unchanged."""
    if not _TOUR.search(text):
        return text
    read = _GREETING.sub("", _ASIDE.sub(" ", text)).strip()
    when: str | None = None
    names = names_of(model)
    measures, group = names.measures, None
    while (found := _LEAD.match(read)) is not None and _OPENER.match(found["lead"]):
        lead = found["lead"]
        if measures.search(lead) and not _PLACES.search(lead):
            # "On your left, a histogram of life expectancy in 1982": the lead is the request.
            break
        dated = _DATED.search(lead)
        if dated is not None:
            when = (dated["when"] or dated["made"]).strip()
        group = names.groups.search(lead) or group
        read = found["rest"]
    if group is not None and _EACH_ONE.search(read):
        # "In this room, the six companies: the highest price each one reached": what "each one" is.
        read = f"The {group[0]}: {read}"
    read = _OPENING_WORDS.sub("", read) if measures.search(read) else read
    read = _HERE.sub("", read)
    if when is not None and _YEAR.search(when):
        read = _pointed(read, when)
    read = spell_lived(read)
    if not read.strip():
        return text
    return tidy(read) if read != text else text


def _pointed(request: str, when: str) -> str:
    """The request with what points back to the exhibit's date spelt as that date."""
    start = _STARTS.match(when)
    request = _FROM_THEN.sub(f"from {start['year'] if start else when}", request)
    return _IN_THEN.sub(f"in {when}", request)

"""A wedding officiant's words set aside around the one request the ceremony carries. Read only in a
question that speaks it (a marker below: "Dearly beloved", "we are gathered here", "if anyone objects",
"speak now or forever hold your peace", "I now pronounce (you)", "to have and to hold", "in sickness and in
health", "till death do us part", "for richer, for poorer", "you may now kiss the bride", "the rings", "the
happy couple", "the bride", "the groom", "the best man", "the vows"), so any other question reads exactly as
before. (A wedding planner's talk, "the big day", "the seating plan", is worker.planner.wedding_plans',
read earlier; this reader is for the ceremony's own words.)
- "Dearly beloved, we are gathered here today to join X and Y:" and "I now pronounce (you) X (the
  winner):" are formulae: they come off up to the colon, the ellipsis or the sentence's end. "Gathered
  here today in Montreal" is where, not what; "gathered here today to compare ..." hands over the request;
- the vows ("To have and to hold, in sickness and in health:", "Till death do us part:", "You may now kiss
  the bride!") come off: no life expectancy, no period;
- a sentence or clause of the ceremony that asks nothing comes off whole (worker.planner.voice_asides):
  "If anyone objects, speak now or forever hold your peace. ... Good.", "The rings cost 1,000 dollars
  each, but never mind that:" (no threshold), "The bride's 150 guests are seated." (no limit), "The best
  man:" (no ranking);
- a value named only in what came off sets nothing, unless the request points back to it ("their",
  "those two countries", "both"): "I now pronounce you South Korea and China: their medals by type" is read
  "South Korea and China: their medals by type", and "The happy couple met in Canada and honeymoon in
  Mexico. The population of those two countries ..." as "Canada and Mexico: the population of those two
  countries ..." (worker.planner.counted_back counts them);
- "whichever the bride prefers" ("... you'd put on the cake") hands the choice back: it is said as
  "whichever you prefer", never dropped as patter, and the question stays refused.
Two charts ("I now pronounce you two charts: ...") are refused here, before the formula comes off. What the
request itself asks of the wedding (guests, tables of the reception, the wedding day) is left as it is (and
refused downstream as what the data cannot answer). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.chart_count import refuse_second_chart
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, names_of, values_named
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unwed"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_LITURGY = (
    rf"dearly\s+beloved|(?:we\s+are|we{_Q}re)\s+gathered|gathered\s+here"
    r"|any\s*(?:one|body)\s+(?:here\s+)?objects?"
    r"|speak\s+now|(?:forever\s+)?hold\s+(?:your|their|his|her)\s+peace"
    r"|now\s+pronounce|pronounce\s+you|to\s+have\s+and\s+to\s+hold|in\s+sickness\s+and\s+in\s+health"
    r"|till\s+death\s+do\s+(?:us|you)\s+part|for\s+richer,?\s+for\s+poorer|for\s+better,?\s+for\s+worse"
    r"|kiss\s+the\s+bride|the\s+(?:wedding\s+)?rings|(?:the|happy)\s+couple(?!\s+of)|brides?|grooms?"
    r"|newlyweds|best\s+man|the\s+vows|officiant"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_LITURGY})\b", _I)
# Words of the ceremony: a sentence or clause with one that asks nothing is the officiant's patter.
_CEREMONY = re.compile(
    rf"\b(?:{_LITURGY}|beloved|gathered|objects?|objections?|peace|pronounced?|couple|rings?|guests?"
    r"|honeymoon(?:ing)?|met|marry|married|wed|wedding|veil|bouquet|vows|cake|altar|aisle|congregation"
    r"|husband|wife|spouses?|amen|good|hearing\s+none|never\s+mind(?:\s+that)?)\b",
    _I,
)
# Where a formula ends: an ellipsis, a colon, or the end of its sentence.
_END = r"(?:\s*(?:\.{3}|\u2026)\s*|:\s+|[.!?]+(?:\s+|$))"
_GATHERED = rf"(?:(?:we\s+are|we{_Q}re|we\s+have)\s+)?gathered\s+(?:here\s+)?(?:today\s+)?"
_BELOVED = re.compile(
    rf"(?:^|(?<=[.!?:]\s))\W*(?:dearly\s+beloved\b[\s,]*(?:{_GATHERED})?|{_GATHERED})"
    rf"(?P<purpose>[^:.!?\u2026]*?){_END}",
    _I,
)
# "to join X and Y", "in Montreal": the ceremony's purpose and place, not the request's.
_PURPOSE = re.compile(
    r"^\s*(?:|(?:to\s+(?:join|unite|wed|marry|witness|celebrate)|in|at|before|for)\b.*)$", _I
)
_TO = re.compile(r"^\s*to\s+", _I)
_PRONOUNCE = re.compile(
    r"(?:^|(?<=[.!?:]\s))\W*(?:and\s+)?(?:so\s*,?\s*)?(?:by\s+the\s+power\s+vested\s+in\s+me[^,]*,\s*)?"
    rf"I\s+now\s+pronounce\b[^:.!?\u2026]*?{_END}",
    _I,
)
# Without a colon or a stop, the pronouncement ends at a spaced dash.
_PRONOUNCE_DASH = re.compile(r"^\W*I\s+now\s+pronounce\b[^\u2013\u2014]*?\s[-\u2013\u2014]+\s+", _I)
# A choice handed back ("whichever the bride prefers", "whichever you'd put on the cake") is said plainly, so
# that it is no patter to drop and the question stays refused for leaving the choice open.
_CHOICE = re.compile(r"\bwhichever\b[^.!?;:,]*?(?=\s+[-\u2013\u2014]|[.!?;:,]|$)", _I)
# The vows name no measure, period or value: they come off first, so that a request after them that names
# no measure ("Till death do us part: the number of tables ...") is not read as their aside.
_VOWS = re.compile(
    r"(?:^|(?<=[.!?:]\s))\W*(?:(?:to\s+have\s+and\s+to\s+hold|in\s+sickness\s+and\s+in\s+health"
    r"|till\s+death\s+do\s+(?:us|you)\s+part|for\s+richer,?\s+for\s+poorer|for\s+better,?\s+for\s+worse"
    r"|you\s+may\s+now\s+kiss\s+the\s+bride)(?:,\s*(?=(?:to|in|till|for|you)\b))?)+"
    r"\s*[.!:;,\u2013\u2014-]*\s*",
    _I,
)
# What in the request points back to values the ceremony named.
_BACK = re.compile(r"\b(?:their|them|both|those|these)\b", _I)


def unwed(text: str, model: SemanticModel) -> str:
    """`text` with a wedding officiant's words set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    refuse_second_chart(text, model)
    names = names_of(model)
    said = _CHOICE.sub(lambda m: "whichever you prefer" if _CEREMONY.search(m[0]) else m[0], text)
    read = without_asides(_unformula(said), _CEREMONY, names)
    if not read.strip():
        # Nothing but the ceremony: left as said, so that the refusal names its words.
        return text
    read = _pointed_back(text, read, names)
    return read if read != tidy(text) else text


def _unformula(text: str) -> str:
    """`text` without the vows and the formulae "Dearly beloved, we are gathered here ..." and "I now
    pronounce ..."."""
    text = _BELOVED.sub(_purpose, _VOWS.sub(" ", text))
    unpronounced = _PRONOUNCE.sub(" ", text)
    if unpronounced == text:
        unpronounced = _PRONOUNCE_DASH.sub(" ", text)
    return tidy(unpronounced)


def _purpose(found: re.Match[str]) -> str:
    """What the gathering is for: nothing when it joins or is a place, the request when it hands one over."""
    purpose = found["purpose"]
    if _PURPOSE.match(purpose):
        return " "
    # "we are gathered here today to compare ...": the request after "to"; the formula's end stays.
    return f" {_TO.sub('', purpose)}{found[0][found.end('purpose') - found.start() :]}"


def _pointed_back(text: str, read: str, names: Names) -> str:
    """The request, after the values only the ceremony named where it points back to them ("their")."""
    again = {v.lower() for v in values_named(read, names)}
    # The ceremony's own words name no value of the data ("the best man" is no man of the tips data).
    lost = [v for v in values_named(_VOICE.sub(" ", text), names) if v.lower() not in again]
    if len(lost) < 2 or again or not _BACK.search(read):
        return read
    return tidy(f"{', '.join(lost[:-1])} and {lost[-1]}: {read[:1].lower()}{read[1:]}")

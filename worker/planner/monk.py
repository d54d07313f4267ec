"""A monk's patter ("Peace be with you.", "Brother Anselm rang the bell for vespers at 6", "We rose at 4 for
matins", "I have kept silence for 40 days", "Our 12 brothers pray for every continent", "The abbey was
founded in 1098", "The bishop visits on Sunday", "We brew our own ale", "In the garden of the cloister, where
irises grow, I measure them in silence") set aside around the one request it carries. Read only in a question
that carries one of the monk's markers below (monks, an abbey, abbot, cloister, monastery or priory, the hours
of prayer, "Brother Anselm", "our 12 brothers", "peace be with you", a vow or keeping of silence, the
bishop's visit, the scriptorium, psalms, a rosary), so any other question ("my brother asks for", "the bishop
in chess", "in silence", "before I ring the bell", "A bar for each, I pray", "the office quiz") reads exactly
as before:
- a greeting ("Peace be with you, brother,") and an hour of prayer opening the request ("After vespers,")
  hand over to the request;
- a sentence of the monastery that asks nothing comes off whole, though it names the data's words (the
  wind over the cloister garden no direction, the irises growing no species, the brothers praying for every
  continent no grouping), as does a clause of it (worker.planner.voice_asides): the hours rung ("at 6",
  "3 times"), days of silence and brothers counted are no time, period, limit or party size; the abbey's
  founding year no year; the bishop's Sunday no day filter; the silver chalice and gold cross no medal; a
  brother's name no value; the ale brewed no measure;
- a request that points back to the patter ("those two countries", "their", "that year") asks what the
  patter named: its values stand before the request ("Japan and China: ..."), its year in place of "that
  year" ("in 1098"), so what the data lacks is refused downstream.
What the request itself asks that the data lacks (ale brewed, the holiest continent, an hour of the tips, a
choice left to the abbot) is left as it is and refused downstream, as are two charts. Text not recognised is
unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, capitalised_values, listed, names_of
from worker.planner.voice_asides import (
    ASKS,
    THAT_YEAR,
    YEAR,
    request_read,
    untold,
    without_asides,
    year_pointed_back,
)
from worker.semantic import SemanticModel

__all__ = ["unmonk"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_HOURS = r"(?:vespers|matins|lauds|compline|vigils|terce|sext|the\s+divine\s+office|the\s+angelus)"
_COUNTED = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|many|fellow|dear)"
# Marks the monk alone makes. Not "brother" alone ("my brother asks for" is a relayed request), "bishop"
# alone (a chess piece), "the office" (a quiz's), "I pray" (an old-fashioned please), "silence" or the bell
# (a bartender rings it).
_MARKS = (
    rf"monks?|monastic|monaster(?:y|ies)|abbey(?:{_Q})?s?|abbots?|abbess|priory|friars?|friary|cloisters?"
    rf"|novices?|{_HOURS}|(?-i:Brother\s+[A-Z][a-z]+)|(?:our|the)\s+{_COUNTED}\s+brothers|brethren"
    r"|peace\s+be\s+with\s+you|pax\s+vobiscum|deo\s+gratias|(?:kept|keep|keeping)\s+(?:a\s+|the\s+)?silence"
    r"|vows?\s+of\s+(?:silence|poverty|obedience)|scriptorium|refectory|psalms?"
    r"|psalter|rosary|benedictine|cistercian|trappist|franciscan|carmelite"
    r"|(?:the|our)\s+bishop\s+(?:visits|visited|comes|came|arrives|will\s+visit)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the monastery: a sentence or clause with one that asks nothing is the monk's. Not a day ("Sunday
# only" asks), nor "cross" alone.
_CLOISTER = re.compile(
    rf"\b(?:{_MARKS}|brothers?|sisters?|bells?|silence|silent|ale|brew\w*|bishop|garden|chapel|church|altar"
    r"|chalice|candles?|incense|relics?|saints?|feast|fasting|bread|cells?|habits?|robes?|prayers?|pray\w*"
    r"|bless\w*|holy|god|lord|faith|founded|herbs?|vineyard|orchard|windows?|dawn|dusk|noon|rose|chant\w*"
    r"|hymns?|mass)\b",
    _I,
)
# What asks beyond voice_asides' ASKS: an operation on the data, or someone asking. A sentence of the
# monastery without one asks nothing, whatever data words it names ("the wind blows from the east").
_OPERATES = re.compile(
    r"\b(?:average|mean|median|total|sum|count|number\s+of|per|each|split|broken\s+down|versus|vs|top|bottom"
    r"|most|least|highest|lowest|rank\w*|sorted|only|asks?|asked|requests?|chart\w*|since|between|share)\b",
    _I,
)
# ", where irises grow": a relative clause, no question.
_WHERE = re.compile(r",\s+where\b[^,.!?;:]*", _I)
_GREETING = re.compile(
    r"^\W*(?:peace\s+be\s+with\s+you|pax\s+vobiscum|god\s+be\s+with\s+you|deo\s+gratias|blessings)"
    r"(?:\s*,\s*(?:my\s+)?(?:brother|sister|child|friend)s?)?\s*[,:;!-]+\s*",
    _I,
)
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:after|before|during|between)\s+(?:{_HOURS}|prayers?|mass|the\s+bell)\s*[,:]\s*",
    _I,
)
# A request pointing back to the patter: to its values, or to its year.
_POINTS_BACK = re.compile(
    r"\b(?:their|its|them|those|these|both|(?:that|this|the\s+same)\s+(?:country|nation|continent|company))\b",
    _I,
)


def unmonk(text: str, model: SemanticModel) -> str:
    """`text` with a monk's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    told = tidy(_LEAD_IN.sub(" ", _GREETING.sub("", tidy(text))))
    request = tidy(without_asides(untold(told, _told), _CLOISTER, names))
    if request == tidy(text):
        return text
    return request_read(text, _pointed_back(request, told, names), model)


def _told(sentence: str) -> bool:
    """Whether `sentence` tells of the monastery, asking nothing of the data."""
    plain = _WHERE.sub("", sentence)
    return bool(_CLOISTER.search(sentence) and not ASKS.search(plain) and not _OPERATES.search(plain))


def _pointed_back(request: str, told: str, names: Names) -> str:
    """`request` with what it points back to in the patter put in: the year for "that year", the values
    before it for "those two countries" (a request naming values of its own points back to none)."""
    if THAT_YEAR.search(request):
        return year_pointed_back(request, told, YEAR)
    said = capitalised_values(told, names)
    if said and _POINTS_BACK.search(request) and not capitalised_values(request, names):
        return f"{listed(said)}: {request[:1].lower()}{request[1:]}"
    return request

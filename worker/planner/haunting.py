"""A ghost haunting an old house ("Boooo...", "I have haunted this manor since 1890", "Rattling my chains",
"Beyond the grave", "The living never listen", "In 1962 I lost my head") around the one request it carries.
Read only in a question that speaks it (a marker below: a moaned "Boo", haunting, a ghost, rattled chains,
the grave, "the living", a lost head), so any other question reads exactly as before ("since 1990", "lost",
"the living standards" in an ordinary question stay as they are):
- the moan ("Boooo...") says nothing and comes off wherever it stands;
- a sentence or clause of the ghost's afterlife that asks nothing comes off whole (as
  worker.planner.voice_asides reads asides; "the house where I died" asks nothing either): the year a
  haunting began or a head was lost ("since 1890", "In 1952 I lost my head") is no period, "three centuries"
  no span or value, "three gold rings" no medal filter, "the east wing" no wind direction, and a measure
  named as an object of the story ("its old tip jar") asks for nothing unless it is asked of a group ("the
  median tip by day");
- a year set aside that the request points back to ("from that year to 2002", "back then") is the request's
  year: the story names it only so the request can use it. With two years in the story, "that year" is left
  as it is (and refused downstream).
What the request itself asks that the data lacks (ghosts per continent, the spookiest country, a year outside
the data, the wind on Halloween night) is left as it is, and refused downstream. Text not recognised is
unchanged.
"""

from __future__ import annotations

import re
from dataclasses import replace

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, names_of
from worker.planner.voice_asides import ASKS, without_asides
from worker.semantic import SemanticModel

__all__ = ["unhaunt"]

_I = re.IGNORECASE
# "Boo", "Boooo", "Wooooo": a moan, stretched or not ("book" and "boost" are words of their own).
_MOAN = r"b+o{2,}h*|w+o{3,}h*|o{4,}h*"
_GHOSTLY = (
    r"haunt\w*|ghosts?|ghostly|phantoms?|spectres?|specters?|poltergeists?|apparitions?|rattl\w*\s+(?:my\s+)?chains"
    r"|beyond\s+the\s+grave|my\s+grave|the\s+afterlife|lost\s+my\s+head|headless|since\s+I\s+died"
    r"|the\s+living(?!\s+(?:room|wage|standards?|conditions|costs?))"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MOAN}|{_GHOSTLY})\b", _I)
_MOANED = re.compile(rf"\b(?:{_MOAN})\b[\s.,!\u2026]*", _I)
# Words of the ghost and its house: a sentence or clause with one that asks nothing is the ghost's story.
_AFTERLIFE = re.compile(
    rf"\b(?:{_GHOSTLY}|graves?|tombs?|crypt|manor|mansion|house|hall|cellar|attic|chains?|centuries|century"
    r"|died|dead|death|head|chandelier|wings?|draughts?|moan\w*|wail\w*|howl\w*|I|I'\w+|me|my|mine)\b",
    _I,
)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
# What points back to the year of the story: "from that year", "in that same year", "back then".
_THEN = re.compile(
    r"\b(?:(?P<at>in|from|since|until|to|for|during)\s+)?(?:that\s+(?:same\s+|very\s+)?year|the\s+same\s+year"
    r"|at\s+the\s+time|in\s+those\s+days)\b",
    _I,
)
_BACK_THEN = re.compile(r"\bback\s+then\b", _I)
_NOTHING = re.compile(r"(?!)")
# "the house where I died", "the year when my head fell": a place or time of the story, not a question.
_RELATIVE = re.compile(r"(?<=[a-z]\s)(?:where|when|who)\b(?=\s+(?:I|my|we|the|a|they)\b)")
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# A group asked of: "by day", "each party size", "per continent".
_OF_GROUPS = r"\b(?:by|each|every|per|across|split)\b"


def unhaunt(text: str, model: SemanticModel) -> str:
    """`text` without a ghost's story around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    unmoaned = tidy(_MOANED.sub(" ", text))
    names = _asked_of(names_of(model))
    read = without_asides(_untold(unmoaned, names), _AFTERLIFE, names)
    if read == tidy(text):
        return text
    return tidy(_pointed_back(read, _years_set_aside(text, read)))


def _asked_of(names: Names) -> Names:
    """The names with which a sentence asks: a measure asked of a group ("the median tip by day", "tips on
    each day"), never a measure alone, which the story may name as one of its objects ("its old tip jar")."""
    asked = rf"^(?=[\s\S]*(?:{_OF_GROUPS}|{names.groups.pattern}))[\s\S]*?{names.measures.pattern}"
    return replace(names, measures=re.compile(asked, _I), groups=_NOTHING)


def _untold(text: str, names: Names) -> str:
    """`text` without the sentences of the story whose only question word opens a relative clause ("I have
    haunted the house where I died in 1890."), which worker.planner.voice_asides would read as asking."""
    kept = [s for s in _SENTENCES.split(text) if not _story(s, names)]
    return " ".join(kept) if kept else text


def _story(sentence: str, names: Names) -> bool:
    told = _RELATIVE.sub(" ", sentence)
    return bool(_AFTERLIFE.search(told) and not ASKS.search(told) and not names.measures.search(told))


def _years_set_aside(text: str, read: str) -> list[str]:
    """The distinct years of `text` that `read` no longer names: the story's."""
    kept = set(_YEAR.findall(read))
    return sorted({y for y in _YEAR.findall(text) if y not in kept})


def _pointed_back(request: str, years: list[str]) -> str:
    """The request with "that year" / "back then" as the one year the story set aside named."""
    if len(years) != 1:
        return request
    request = _BACK_THEN.sub(f"in {years[0]}", request)
    return _THEN.sub(lambda m: f"{m['at'] or 'in'} {years[0]}", request)

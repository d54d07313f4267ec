"""A vampire's gothic patter ("Since 1652 I have dined only after dark... and I never drink... wine", "My 7
brides await me in the castle's 13 coffins", "I left Transylvania in 1652", "Under the blood moon I dine with
13 guests", "Garlic at every table - the horror!", "I count the ballots by candlelight", "I sleep through the
day in my coffin") set aside around the one request it carries. Read only in a question that carries one of
the vampire's markers below (coffins, a crypt, fangs, garlic, the blood moon, bats, brides, mortals, the
castle, Transylvania, after dark, the sun rising, candlelight, centuries lived, the undead), so any other
question ("at night", "the median, whichever the night prefers", "a castle in chess", "the gold medals",
"Romania's population") reads exactly as before:
- a dramatic pause ("I never drink... wine") runs on in its sentence, so the sentence comes off whole;
- a sentence or clause of the vampire's that asks nothing comes off whole (worker.planner.voice_asides):
  the centuries and years lived ("since 1652", "for 400 years") are no period, the brides, coffins and
  guests no limit or party size, the sun's hour no time, "by day, so I did not vote" no day, Transylvania
  no value, the bats' wind no direction, and the gold and silver of the castle no medal; one the vampire
  tells of itself ("I count the ballots by candlelight") comes off though it names a measure, as it asks
  nothing;
- "I must know:" or "so show me" handing over to the request is the request's start.
A request that points back to the patter ("Romania's population in that year") asks the patter's year, and
is read with it ("in 1652"), so what the data lacks is refused downstream. What the request itself asks
that the data lacks (blood drunk, garlic dishes, a flower's beauty by moonlight, the wind at midnight) is
left as it is, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import (
    ASKS,
    SENTENCES,
    request_read_in_year,
    without_asides,
)
from worker.semantic import SemanticModel

__all__ = ["unvampire"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SUN = r"(?:sun(?:rise|light)|daylight|(?:the\s+)?sun\s+(?:rises|comes\s+up))"
# A mark the vampire alone makes: its crypt and castle, its brides and bats, its fear of the sun and of
# garlic, and the centuries it has lived ("castle" only as its own: a chess player castles).
_MARKS = (
    rf"vampires?|dracula|nosferatu|transylvania\w*|coffins?|crypts?|fangs?|garlic|undead|immortal\w*"
    rf"|blood\s+moon|(?:the|my|of)\s+bats|brides|mortals"
    rf"|(?:my|this|the)\s+castle(?:{_Q}s)?|after\s+dark|(?:before|until|till|at)\s+{_SUN}|candlelight"
    r"|moonlight|holy\s+water|wooden\s+stakes?|(?:drink|drank|thirst\s+for)\s+(?:\w+\s+)?blood"
    r"|sleep\s+through\s+the\s+day|creatures?\s+of\s+the\s+night|walked\s+these\s+nights"
    r"|(?:for|these|four|five|six|seven|eight|nine|ten|many|\d+)\s+centuries|outlived"
    r"|(?:by|during\s+the|in\s+the)\s+(?:day|daylight|sun)\s*,\s*so\s+I\b"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the night: a sentence or clause with one that asks nothing is the vampire's.
_NIGHT = re.compile(
    rf"\b(?:{_MARKS}|castles?|blood|moon|bats?|brides?|coffins?|graves?|tombs?|night|nights|midnight|dark"
    r"|sun|centur(?:y|ies)|years|dine[ds]?|drink|wine|omen|horror|storm|tower|asleep|sleep|slumber"
    r"|empires?|guests?|coins|wolf|wolves|howls?|bite|neck|cape|coven|mirror|eternity)\b",
    _I,
)
# A dramatic pause runs on in its sentence: "I never drink... wine."
_PAUSE = re.compile(r"(?:\.\.\.|\u2026)\s+(?=[a-z])")
# What the vampire tells of itself: a first-person sentence that asks nothing, whatever it names ("I count
# the ballots by candlelight", "so I did not vote"). One with a clause mark is left to the clauses' reading.
_OWN = re.compile(r"\b(?:I|(?i:my|me|mine))\b")
_CLAUSE = re.compile(r"[:;]\s|\s[-\u2013\u2014]+\s")
# "I must know:" or ", so show me" handing over: what follows is the request.
_HANDOVER = re.compile(r"^.*?(?:\bI\s+must\s+know\s*:|,\s*so\s+(?=show\b))\s*", _I)


def unvampire(text: str, model: SemanticModel) -> str:
    """`text` with a vampire's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    told = tidy(_PAUSE.sub(" ", text))
    sentences = SENTENCES.split(told)
    kept = [s for s in sentences if not _own(s)] or sentences
    request = without_asides(" ".join(kept), _NIGHT, names_of(model))
    request = tidy(_HANDOVER.sub("", request) if _VOICE.search(request) else request)
    if request == told:
        return text
    return request_read_in_year(text, request, told, model)


def _own(sentence: str) -> bool:
    """Whether `sentence` is the vampire telling of itself in the voice, asking nothing."""
    told = _OWN.search(sentence) and _VOICE.search(sentence) and not _CLAUSE.search(sentence)
    return bool(told and not ASKS.search(sentence))

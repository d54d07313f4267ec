"""A fisherman's tales ("Caught a 12-pound pike this morning!", "The one that got away was bigger - 20
pounds at least, I swear", "High tide at 6:15", "Three bites in an hour", "Using worms as bait", "Cast off
from the north bank", "Back at the pier by sunset, with a full bucket") set aside around the one request they
carry. Read only in a question that carries one of the angler's markers below (a catch, a fish's weight, the
one that got away, the tide, bites, bait, casting off, the pier, a full bucket, rod and reel, fishing), so any
other question ("more than 20 pounds", "dinner after sunset", "in an hour", "winds from the north", "the gold
medals", "the iris data") reads exactly as before:
- a sentence or clause of the fisherman's that asks nothing comes off whole (worker.planner.voice_asides): a
  fish's weight in pounds is no threshold and no currency, "the one that got away was bigger" no ranking, the
  tide's hour no time, party size or limit, "three bites in an hour" no limit or time grain, the north bank
  no direction (and "bank" no finance), "by sunset" no meal, a perch's gold, silver or bronze no medal, and
  the angler's wind ("wind picking up"), the river fished ("on the Riviere des Prairies", a district's name
  too) or the iris beds by the water no filter (the tale's "wind" and "iris" name no measure or grouping);
- "Now then:" or "Quick one:" opening the request after a tale is the request's start.
What the request itself asks that the data lacks (the fish caught, the water temperature, the wind at high
tide) is left as it is (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unfishing"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_FISH = r"(?:pike|trout|carp|bass|perch|salmon|bream|roach|tench|mackerel|cod|eels?|walleye|catfish)"
_NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|no|nothing)"
# A mark the angler alone makes ("caught" only of a fish, "bites" only in a count or as nothing biting).
_MARKS = (
    rf"caught\s+(?:a|an|\d+|one|two|three|four|five|six|\w+\s+{_FISH})\b|\d+[- ]pound\s+{_FISH}"
    rf"|the\s+one\s+that\s+got\s+away|(?:high|low)\s+tide|{_NUMBER}\s+bites|nothing\s+biting|(?:as|for)\s+bait"
    r"|cast\s+off|(?:at|on|off|by|from)\s+the\s+pier|(?:full|empty)\s+bucket|bucket\s+of\s+(?:fish|worms|bait)"
    r"|rod\s+and\s+reel"
    r"|(?:went|gone|go|out)\s+fishing|fishing\s+(?:trip|rod|line|boat)|fished\s+the|angler"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the trip: a sentence or clause with one that asks nothing is the fisherman's.
_TRIP = re.compile(
    rf"\b(?:{_MARKS}|{_FISH}|fish(?:ed|ing|es)?|caught|catch|tides?|bites?|biting|bait|worms?|hooks?|pier"
    r"|bucket|rods?|reels?|river|riviere|lake|pond|pool|estuary|bank|shore|boat|dawn|sunset|sunrise"
    rf"|breeze|pounds?|lbs?|swear|got\s+away|in\s+colou?r|I{_Q}d\s+say|picking\s+up|beds)\b|^[\s.!?]*$",
    _I,
)
# The hand-over after a tale ("Now then:", "Quick one:", "Now,"): the request's start.
_HANDOVER = re.compile(r"^\W*(?:now\s+then|quick\s+one|right|anyway|now)\s*[:,]\s*(?=\S)", _I)


def unfishing(text: str, model: SemanticModel) -> str:
    """`text` without the fisherman's tales around the request they carry; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = without_asides(tidy(text), _TRIP, names_of(model))
    if read == tidy(text):
        return text
    request = _HANDOVER.sub("", read)
    return tidy(request)

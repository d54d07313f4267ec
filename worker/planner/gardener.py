"""A gardener's notes ("Planted 40 tulip bulbs today.", "Sow 2 cm deep, 30 cm apart.", "First frost is due
on the 3rd.", "The roses by the west wall are in bloom") set aside around the one request they carry. Read
only in a question that carries one of the garden's markers below (planting, sowing, bulbs, seedlings,
frost, compost, mulch, "in bloom", the roses, dahlias, tomatoes, flower beds, weeding, pruning, the
greenhouse, the allotment, "my irises grew"), so any other question reads exactly as before ("the irises
of each species", winds from the west, this week, the 3rd place):
- a sentence or clause of the garden that asks nothing comes off whole (worker.planner.voice_asides): a
  count of bulbs, rows or beds is no limit or party size, a depth, spacing or growth no threshold, the
  frost's date or "after Easter" no period or day, marigolds "gold and orange" no medal, a gardener's
  irises no species, and the west wall no wind direction;
- the lead-in that hands over the request ("Before I cover the dahlias:", "For now,", "Until then:")
  comes off with the notes before it.
What the request itself asks of the garden (the bulbs each gardener planted, rainfall) is left as it is
(and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["ungarden"]

_I = re.IGNORECASE
_MARKS = (
    r"plant(?:ed|ing)\s+(?:out\s+)?(?:\d+|a|the|some|my|\w+\s+rows?)|sow(?:n|ed|ing)?|bulbs?|seedlings?"
    r"|(?:first|last|late|early|a)\s+frosts?|frost\s+is|compost|mulch(?:ed|ing)?|in\s+(?:full\s+)?bloom"
    r"|the\s+roses|dahlias|tomato(?:es)?|marigolds|sweet\s+peas|tulips?|daffodils|leeks|runner\s+beans"
    r"|flower\s*beds?|raised\s+beds?|weed(?:ed|ing)|prun(?:ed|ing)|greenhouse|allotment|potting\s+shed"
    r"|my\s+(?:irises|roses|lawn|garden|vegetable\s+patch)\s+(?:grew|are|is|have)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the garden: a sentence or clause with one that asks nothing is the gardener's.
_GARDEN = re.compile(
    rf"\b(?:{_MARKS}|planted|plants?|garden(?:er|ing)?|roses?|irises|blooms?|flowering|wall|beds?|rows\s+of"
    r"|cm\s+(?:deep|apart|tall)|grew|grown|frost|easter|spring|seeds?|soil|hedge|lawn|shed|dug"
    r"|watered|harvest(?:ed)?|stak(?:e|ed|ing)|cover(?:ed)?\s+the)\b",
    _I,
)
# The hand-over after the notes ("Until then:", "For now,", "Meanwhile:"), or a chore it waits on before a
# colon or comma ("Before I stake them:", "While I wait for rain,"): the request's start.
_HANDOVER = re.compile(
    r"^\W*(?:and\s+|but\s+)?(?:until\s+then|for\s+now|in\s+the\s+meantime|meanwhile|then|now|next"
    r"|before\s+that|anyway|(?:before|after|while|until)\s+I\s+[\w\s']{1,40}?(?=[:,]))"
    r"\s*[:,]\s*(?=\S)",
    _I,
)


def ungarden(text: str, model: SemanticModel) -> str:
    """`text` without the gardener's notes around the request they carry; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = without_asides(tidy(text), _GARDEN, names_of(model))
    if read == tidy(text):
        return text
    request = _HANDOVER.sub("", read)
    return tidy(request[:1].upper() + request[1:])

"""A knitter reading out a pattern between requests: the pattern's lines set aside around the one request
they carry. Read only in a question that carries one of the pattern's markers ("Cast on 40 stitches", "Bind
off", "K2, P2", "k2tog", "purl", "knit 2 together", "yarn", "4 mm needles", "Row 12:", "Repeat rows 3 to 6",
"the second sleeve"), so any other question reads exactly as before ("the p90 of the tip", a row, a needle,
gold, silver or a join):
- the stitch codes ("K2, P2", "k2tog", "ssk") and the pattern's row labels ("Row 12:") come off;
- a sentence or clause of the pattern that asks nothing comes off whole (worker.planner.voice_asides): a
  stitch count is no limit or value, a row number no band or district, a needle size no threshold, a repeat
  no range, "knit 2 together" combines nothing, "slip 1" excludes nothing, "bind off" ends no period, "the
  second sleeve" is no second place and the yarn's colours ("the gold yarn", "join the silver") are no medal;
- the lead-in that hands over the request ("Then:", "In between:") comes off with the pattern before it.
What the request itself asks of knitting (the balls of yarn each knitter used, the day the scarf was cast on)
is left as it is (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unknit"]

_I = re.IGNORECASE
_N = r"(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve)"
# Stitch codes: a knit and a purl count side by side ("K2, P2", "k1 p1"), or a decrease ("k2tog", "ssk").
# A lone "P2" or "p90" is a percentile's name, never a marker.
_CODES = r"[Kk]\d+\s*,?\s*[Pp]\d+|[Pp]\d+\s*,?\s*[Kk]\d+|[KkPp]\d*tog(?:\s*tbl)?|ssk|sl\s*1|psso"
_MARKS = (
    rf"{_CODES}|cast\s+(?:on|off)|bind\s+off|purl(?:ed|ing)?|knit(?:ting)?\s+(?:{_N}|across|to\s+the\s+end)"
    rf"|stitch(?:es)?|yarn|skeins?|{_N}\s*mm\s+needles|needles|row\s+\d+\s*:|repeat\s+(?:rows?|the\s+pattern)"
    r"|garter|stockinette|ribbing|(?:first|second|other|left|right)\s+sleeve"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the pattern: a sentence or clause with one that asks nothing is the knitter's.
_PATTERN = re.compile(
    rf"\b(?:{_MARKS}|knit(?:ting|ted)?|slip(?:ped)?|sleeves?|cuff|jumper|sweater|scarf|hat|mittens?"
    r"|pattern|rows?|needles?|loosely|tightly|cast|bind|join|break\s+off|ball|wool)\b",
    _I,
)
# A pattern's lines said before the request within its sentence, with no clause mark for voice_asides:
# a row label, and the stitch codes with what they run to ("K2, P2 to the end of the row,").
_LABEL = re.compile(r"(?:^|(?<=[.!?]\s))\s*Row\s+\d+\s*:\s*", _I)
_RUN = re.compile(
    rf"\b(?:{_CODES})(?:\s*,\s*(?:{_CODES}))*(?:\s+(?:to|across)\s+(?:the\s+)?end(?:\s+of\s+the\s+row)?)?"
    r"\s*[,.;]?",
    _I,
)
# The hand-over after the pattern ("Then:", "In between:", "Now,"): the request's start.
_HANDOVER = re.compile(
    r"^\W*(?:and\s+)?(?:then|now|next|in\s+between|meanwhile|between\s+rows)\s*[:,]\s*(?=\S)", _I
)


def unknit(text: str, model: SemanticModel) -> str:
    """`text` without the pattern's lines around the request they carry; other text unchanged."""
    if not _VOICE.search(text):
        return text
    stripped = tidy(_RUN.sub(" ", _LABEL.sub(" ", text)))
    read = without_asides(stripped, _PATTERN, names_of(model))
    if read == stripped and stripped == tidy(text):
        return text
    return tidy(_HANDOVER.sub("", read))

"""A bartender's patter set aside around the one request it carries. Read only in a question that speaks it
(a marker below: "What'll it be?", "Last orders!", "Last call", "Another round for table 6!", "Happy hour is
5 to 7", "On the rocks", "Make it a double", "Put it on my tab", "While I pour:", "Before I ring the bell:",
"My tip jar was full on Friday"), so any other question reads exactly as before:
- a sentence or clause of the bar that asks nothing comes off whole (worker.planner.voice_asides): the
  table a round is for is no party size or limit, happy hour's "5 to 7" no range, last orders "at 11" no
  limit, a double no doubling and "my tab" no sum;
- the bartender's own tips are not the tips data's: "my tip jar", "my tips" are read as the bar's takings,
  so "My tip jar was full on Friday" sets no Friday filter and no tip measure;
- "What'll it be?" asks nothing of the data, and "While I pour:", "Before I ring the bell:", "Meanwhile,"
  hand over the request.
What the request itself asks that the data lacks (cocktails sold, the tips the bartender collected, the
tips between 5 and 7 pm) is left as it is (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unbartender"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_BAR = (
    rf"what{_Q}?ll\s+it\s+be|last\s+(?:orders|call)|another\s+round|happy\s+hour|on\s+the\s+rocks"
    r"|make\s+it\s+a\s+double|on\s+my\s+tab|while\s+I\s+pour|ring\s+the\s+bell|tip\s+jar"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_BAR})\b", _I)
# Words of the bar: a sentence or clause with one that asks nothing is the bartender's. Not "pours":
# "whichever pours faster" leaves the choice of the median or the average open, and must stay refused.
_POURED = re.compile(
    rf"\b(?:{_BAR}|round|orders|rocks|double|tab|settle\s+up|bell|jar|takings|bartender|barman|shift"
    r"|ice|neat|shaken|stirred|cheers|my\s+business)\b",
    _I,
)
# The bartender's greeting is a question, so voice_asides would keep it as one: it asks nothing of the data.
_GREETING = re.compile(
    rf"(?:^|(?<=[.!?])\s)\s*(?:what{_Q}?ll\s+it\s+be|what\s+can\s+I\s+get\s+you|what\s+are\s+you\s+having)"
    r"(?:\s*,\s*\w+)?\s*\?+",
    _I,
)
# The bartender's own tips: the jar's and "my tips" are the bar's takings, never the tips data's measure.
_OWN_TIPS = re.compile(r"\b(?:my|the)\s+tip\s+jar\b|\bmy\s+tips\b", _I)
_HANDOVER = re.compile(
    r"(?:^|(?<=[.!?:]\s))\s*(?:while\s+I\s+pour|before\s+I\s+ring\s+the\s+bell|meanwhile"
    r"|in\s+the\s+meantime|while\s+you\s+wait)\s*[:,]\s*",
    _I,
)
# Patter said inside the request's own sentence ("Make it a double and show me ..."), with no clause mark
# for voice_asides to split at.
_PATTER = re.compile(
    r"\b(?:another\s+round(?:\s+for\s+table\s+\d+)?|last\s+(?:orders|call)(?:\s+at\s+\d+)?"
    r"|make\s+it\s+a\s+double|(?:put\s+it\s+)?on\s+my\s+tab|on\s+the\s+rocks"
    r"|happy\s+hour\s+is\s+\d+\s+(?:to|till|until)\s+\d+)\s*(?:,?\s*(?:and|so|then)\b)?\s*",
    _I,
)


def unbartender(text: str, model: SemanticModel) -> str:
    """`text` with a bartender's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = _OWN_TIPS.sub("my takings", _GREETING.sub(" ", text))
    read = _HANDOVER.sub(" ", read).strip()
    read = without_asides(read, _POURED, names_of(model))
    return tidy(_PATTER.sub("", read))

"""A hypnotist's induction set aside around the one request it carries. Read only in a question that speaks
it (a marker below: "You are getting sleepy", "Look into my eyes", "Deeper and deeper", "When I snap my
fingers", "On the count of three", "you will wake (up)", "You will remember / forget", "You feel calm", a
trance, or a countdown that trails off: "Ten... nine... eight..."), so any other question reads exactly
as before ("three", "remember", "calm", "eyes" or "wake" in an ordinary question are left to the planner):
- the hand-overs come off and give the request: "When I snap my fingers (twice), you will see X" and "On the
  count of three(, you will see) X" are X;
- countdowns ("Ten, nine, eight... deeper... four...", "One... two... three.") come off: their numbers, like
  the count of three or a snap twice, are no limit, value or party size;
- a suggestion about the subject's memory ("You will remember this chart when you wake:", "You will forget
  everything...", "you will remember Joly...") is no filter, exclusion or sort: it comes off up to its
  colon or its sentence's end, and a value it names counts only where the request names it again;
- a sentence or clause of the trance that asks nothing comes off whole (worker.planner.voice_asides): "You
  feel calm", "You are drifting back to 1952" (a memory, no year), "seven deep breaths" (no count).
Two charts to see on waking are refused here (worker.planner.chart_count): the clause that counts them is
the trance's. The request's own numbers ("the 10 countries") stay, and what it asks that the data lacks
(people hypnotised, a heart rate) is left as it is, and refused downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.chart_count import refuse_second_chart
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unhypnotize"]

_I = re.IGNORECASE
_NUMBER = r"(?:ten|nine|eight|seven|six|five|four|three|two|one)"
# A pause in a countdown: a comma or an ellipsis, not a plain space ("one two" is no count).
_PAUSE = r"(?:\s*(?:,|\.{2,}|\u2026)\s*)"
_STEP = rf"(?:{_NUMBER}|deeper(?:\s+and\s+deeper)?)"
# Three numbers counted with pauses, or one to three: nothing else says them so.
_COUNTDOWN = re.compile(
    rf"\b{_NUMBER}{_PAUSE}(?:{_STEP}{_PAUSE})*{_NUMBER}{_PAUSE}(?:{_STEP}{_PAUSE})*{_STEP}\b(?:[.!]+|\u2026)?"
    rf"|\bone{_PAUSE}two{_PAUSE}three\b[.!\u2026]*",
    _I,
)
# A countdown is the voice only when it trails off ("Ten... nine... eight..."): "parties of one, two, three
# and four" counts too.
_TRAILED = re.compile(rf"\b{_NUMBER}(?:\s*(?:\.{{2,}}|\u2026)\s*{_STEP}){{2,}}", _I)
_SNAP = r"when\s+I\s+snap\s+my\s+fingers(?:\s*,?\s*(?:twice|three\s+times|again|once\s+more))?"
_COUNT = r"on\s+the\s+count\s+of\s+\w+"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"\b(?:{_SNAP}|{_COUNT}|(?:getting|feel(?:ing)?)\s+(?:very\s+)?(?:sleepy|drowsy)|look\s+into\s+my\s+eyes"
    r"|deeper\s+and\s+deeper|you\s+will\s+(?:wake|awaken|remember|forget)|you\s+(?:feel|are)\s+(?:so\s+)?calm"
    r"|trance|hypnotic\s+state|your\s+eyelids)\b",
    _I,
)
# Words of the trance: a sentence or clause with one that asks nothing is the induction.
_TRANCE = re.compile(
    rf"\b(?:{_SNAP}|{_COUNT}|sleepy|drowsy|sleep|asleep|calm|relax\w*|deeper|deep\s+breaths?|wake|awaken"
    r"|eyes|eyelids|trance|lighter|heavier|heavy|drifting|sinking|floating|fingers|remember|forget"
    r"|you\s+(?:will\s+)?feel|refreshed|rested|awake)\b",
    _I,
)
# The hand-over: what follows "When I snap my fingers, you will see" / "On the count of three," is asked.
_HANDOVER = re.compile(
    rf"(?:^|(?<=[.!?:\u2026]\s))\s*(?:{_SNAP}|{_COUNT})\s*,?\s*"
    r"(?:you\s+will\s+(?:see|be\s+shown|show\s+me|find)\s*:?\s*)?",
    _I,
)
# A suggestion about the subject's memory, up to its colon or its sentence's end.
_SUGGESTION = re.compile(r"\byou\s+will\s+(?:remember|forget)\b[^:.!?\u2026]*(?::\s*|[.!?\u2026]+\s*|$)", _I)
# Left at the request's start once the induction is gone: "Now," / "Now:" and the "but" after a suggestion.
_LEAD = re.compile(r"^[\s,.:;\u2026-]*(?:(?:now|but|and|then)\b\s*[,:]?\s*)*", _I)


def unhypnotize(text: str, model: SemanticModel) -> str:
    """`text` without a hypnotist's induction around its request; other text unchanged."""
    if not _VOICE.search(text) and not _TRAILED.search(text):
        return text
    said = _SUGGESTION.sub(" ", _COUNTDOWN.sub(" ", _HANDOVER.sub(" ", text)))
    # "you will wake up and see two charts: ..." would lose its count with the trance's clause.
    refuse_second_chart(said, model)
    read = without_asides(tidy(said), _TRANCE, names_of(model))
    request = tidy(_LEAD.sub("", read))
    return request or text

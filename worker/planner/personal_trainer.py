"""A personal trainer's calls set aside around the one request they carry. Read only in a question with one
of the trainer's marks (a marker below: "Three sets of 12 reps", "Drop and give me 20 burpees", "Hold the
plank for 60 seconds", "Hydrate!", "Rest 90 seconds", "between sets", "Last rep, push!", "You burned 450
calories", "While you're down there"), so any other question ("drop the smokers", "the rest of Asia", "the
last 5 years", "Drop the tips table") reads exactly as before:
- "Drop and give me N (burpees)" said as a phrase of its own is the exercise: no decline, exclusion or change
  of the data (a command the planner would refuse);
- a sentence or clause of the trainer's that asks nothing comes off whole (worker.planner.voice_asides): its
  sets, reps, seconds and calories look like limits, party sizes, thresholds and periods, and none is one;
- the lead-ins that hand the request over ("Then tell me:", "Then:", "While you're down there:", "Between
  sets", "Meanwhile", "The client's question:", "The client asks for / wants") come off.
What the request itself asks that the data lacks (the calories each client burned, a heart rate) is left as
it is (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["untrain"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_COUNT = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|sixty|a\s+hundred)"
)
_EXERCISES = r"(?:burpees|push-?ups|press-?ups|sit-?ups|squats|lunges|crunches|jumping\s+jacks|pull-?ups)"
# Calls a user of another voice does not make: any one marks the voice. "Sets", "rest", "push", "last" and
# "calories" alone are no mark ("the rest of Asia", "the last 5 years").
_MARKS = (
    rf"{_COUNT}\s+sets\s+of\s+{_COUNT}(?:\s+reps)?|{_COUNT}\s+(?:more\s+)?reps\b|(?:last|one\s+more)\s+rep"
    rf"|{_COUNT}\s+{_EXERCISES}|drop\s+and\s+give\s+me\s+{_COUNT}|hold\s+(?:the|that|a)\s+plank|hydrate"
    rf"|rest\s+(?:for\s+)?{_COUNT}\s+(?:seconds|secs?|minutes)|between\s+sets|burn(?:ed|t)\s+{_COUNT}"
    rf"(?:\s*k?cal|\s+calories)|while\s+you{_Q}?re\s+down\s+there|while\s+you\s+are\s+down\s+there"
)
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the workout: a sentence or clause with one that asks nothing is the trainer's.
_GYM = re.compile(
    rf"\b(?:{_MARKS}|{_EXERCISES}|sets?|reps?|plank|seconds|minutes|calories|rest|push|champ|cheating"
    r"|go\s+again|workout|sweat|burn|breathe|client|down\s+there|feel\s+it|keep\s+going|come\s+on)\b",
    _I,
)
# The exercise said as a phrase of its own, before the request.
_DROP = re.compile(
    rf"(?:^|(?<=[.!?]\s))\s*drop\s+and\s+give\s+me\s+{_COUNT}(?:\s+(?:more\s+)?{_EXERCISES})?\s*[!.,]+", _I
)
# Hand-overs to the request at its start; the client's words are the request.
_LEAD = re.compile(
    rf"^(?:(?:and\s+|now\s+)?then\s*(?:tell\s+me|show\s+me)?\s*[:,]?\s+|while\s+you(?:{_Q}?re|\s+are)"
    r"\s+down\s+there\s*[:,]?\s+|between\s+sets\s*[:,]?\s+|meanwhile\s*[:,]?\s+)",
    _I,
)
_CLIENT = re.compile(
    rf"^(?:the\s+client{_Q}s\s+question\s*:\s*|the\s+client\s+(?:asks|wants|would\s+like)(?:\s+for\b|\s+to\s+see\b)?\s*)",
    _I,
)


def untrain(text: str, model: SemanticModel) -> str:
    """`text` with a personal trainer's calls set aside around the request; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = without_asides(tidy(_DROP.sub(" ", text)), _GYM, names_of(model))
    # One hand-over may follow another ("Then, between sets, the client asks for ...").
    for lead in (_LEAD, _LEAD, _CLIENT):
        read = lead.sub("", read)
    return tidy(read) or text

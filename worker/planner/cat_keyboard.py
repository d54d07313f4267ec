"""A cat at the keyboard: the cat's interruptions set aside around the request typed between them. Read only
in a question that carries one of the cat's sounds (a marker below: "Meow", "Purrrr", "Hiss", "Hairball",
"I require tuna", "the red dot"), so any other question reads exactly as before:
- the stage directions ("*knocks glass off table*", or without its asterisks once the chat's formatting is
  gone) and keyboard mashes come off;
- a sentence of the cat's that asks nothing comes off whole (worker.planner.voice_asides): "The humans feed
  me at 7" sets no time, "9 lives" no limit.
What the request itself asks of cats (tuna eaten, the most purr-fect country) is left as it is (and refused
downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["uncat"]

_I = re.IGNORECASE
_SOUNDS = r"me+o+w+|pu+r+r+|hi+s+s+|hairball|require\s+tuna|red\s+dot"
# A stage direction between asterisks, and a row of keys mashed ("asdfghjkl", "jjjjjjj").
_ACTION = re.compile(r"\*[^*]{1,80}\*")
# The same direction once the chat's formatting is gone (worker.planner.chat_formatting takes the asterisks
# off): the cat's verb and the lower-case words after it, up to the request's capital ("knocks glass off
# table The median total bill").
_DIRECTION = re.compile(
    r"\b(?i:knocks|sits|chases|stretches|yawns|licks|naps|rolls|paws|pounces|kneads)\b"
    r"(?:\s+(?![A-Z])[\w'-]+){0,6}[.!]?"
)
_MASH = re.compile(r"\b(?:asdf\w*|qwer\w*|zxcv\w*|(\w)\1{4,})\b[.!]?", _I)
# The voice: nothing below is read in a question without one of these.
# Asterisks alone are no marker: "count(*) ... count(*)" and a footnote's "*" pair up too.
_VOICE = re.compile(rf"\b(?:{_SOUNDS})\b", _I)
# Words of the cat: a sentence with one that asks nothing is the cat's.
_FELINE = re.compile(
    rf"\b(?:{_SOUNDS}|tuna|humans?|feed|lives|mouse|whiskers|paws?|naps?|the\s+dot)\b|^[\s.!?]*$", _I
)


def uncat(text: str, model: SemanticModel) -> str:
    """`text` without a cat's interruptions around the request typed between them; other text unchanged."""
    if not _VOICE.search(text):
        return text
    typed = tidy(_MASH.sub(" ", _DIRECTION.sub(" ", _ACTION.sub(" ", text))))
    read = without_asides(typed, _FELINE, names_of(model))
    return tidy(read)

"""An automated phone menu's prompts set aside around the one request they carry. Read only in a question
that speaks it (a marker below: "Press 1 for ...", "Thank you for calling", "Your call is important to
us", "Please hold", "You are caller number 14", "Estimated wait time", "This call may be recorded",
"oprima", "To repeat these options, press star"), so any other question reads exactly as before:
- the menu's options ("Press 1 for the average tip on each day, press 2 for ...", "For Africa, press 5")
  are what could be asked, not what is: the caller's own choice is. "I'm pressing 1." asks for option 1
  ("the average tip on each day"); "I pressed 3: the total of all the bills ..." asks for what follows the
  colon. Two presses, or none, are left as they are (and refused downstream as two charts or a choice);
- a prompt that asks nothing (caller number 14, a wait of 7 minutes, the recording notice) comes off whole
  (worker.planner.voice_asides), and so does "Meanwhile," before the request.
Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unphone"]

_I = re.IGNORECASE
_PROMPTS = (
    r"press\s+(?:\d|star|pound)|thank\s+you\s+for\s+calling|your\s+call\s+is\s+important|please\s+hold"
    r"|caller\s+number\s+\d+|estimated\s+wait\s+time|may\s+be\s+recorded|oprima|repeat\s+these\s+options"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_PROMPTS})\b", _I)
# Words of the phone line: a sentence with one that asks nothing is a prompt.
_LINE = re.compile(
    rf"\b(?:{_PROMPTS}|call|calling|caller|queue|hold|wait|minutes|recorded|quality|training|menu|options"
    r"|espanol|support)\b",
    _I,
)
_OPTION = re.compile(
    r"\bpress\s+(?P<n>\d)\s+for\s+(?P<what>[^,.;]+)|\bfor\s+(?P<what2>[^,.;]+?),?\s+press\s+(?P<n2>\d)\b", _I
)
_MENU = re.compile(r"[^.!?]*\bpress\s+\d[^.!?]*[.!?]?\s*", _I)
# The caller's own press: "I'm pressing 1." or "I pressed 3: <request>".
_PRESSED = re.compile(
    r"\bI(?:['\u2019]m|\s+am)?\s+(?:press(?:ed|ing)?|chose|choose|pick(?:ed)?)\s+(?P<n>\d)\b(?P<rest>\s*:\s*\S.*)?",
    _I | re.S,
)
_MEANWHILE = re.compile(r"^\W*(?:meanwhile|in\s+the\s+meantime)\s*,\s*", _I)


def unphone(text: str, model: SemanticModel) -> str:
    """`text` with a phone menu's prompts set aside around the caller's request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    chosen = _chosen(text)
    if chosen is None and _OPTION.search(text):
        return text  # options and no one press: a choice the question does not make
    read = without_asides(chosen or text, _LINE, names_of(model))
    return tidy(_MEANWHILE.sub("", read))


def _chosen(text: str) -> str | None:
    """The caller's request: what follows "I pressed N:", or option N; None with no one press."""
    presses = list(_PRESSED.finditer(text))
    if len(presses) != 1 or re.search(r"\band\s+then\s+\d\b", text[presses[0].end() :], _I):
        return None
    press = presses[0]
    if press["rest"]:
        return press["rest"].lstrip(" :")
    options = {m["n"] or m["n2"]: (m["what"] or m["what2"]).strip() for m in _OPTION.finditer(text)}
    chosen = options.get(press["n"])
    if chosen is None:
        return None
    # The prompts before the menu stay, to be read as prompts; the menu itself and the press go.
    return f"{_MENU.sub(' ', text[: press.start()]).strip()} {chosen}."

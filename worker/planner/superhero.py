"""A superhero's call to action set aside around the one request it carries. Read only in a question that
speaks it (a marker below: "To the chart-mobile!", "Captain Data", "reporting for duty", "Citizens (of X),
fear not!", "my cape", "my sidekick", "my arch-enemy", "the villain's secret lair", "saved the city",
"Holy histograms!", "With great power comes great responsibility", "Faster than a speeding bullet"), so
any other question reads exactly as before:
- "To the chart-mobile!" and the hero's other calls come off;
- a sentence or clause of the hero's world that asks nothing comes off whole
  (worker.planner.voice_asides): "Citizens of Montreal, fear not!" names no data and no "not" to read,
  "My arch-enemy Doctor Median hates this one:" asks for no median, "My cape catches every breeze:" for no
  wind, "I've saved the city 7 times" sets no limit.
What the request itself asks of the hero's world (crimes stopped, Krypton, the mightiest country) is left as
it is (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unsuperhero"]

_I = re.IGNORECASE
_CALLS = (
    r"to\s+the\s+chart-?mobile|captain\s+data|reporting\s+for\s+duty|citizens(?:\s+of\s+[A-Z][\w-]*)?"
    r"|fear\s+not|(?:my|his|her)\s+(?:cape|sidekick|arch-?enemy|super\s*powers?)|(?:the\s+)?villain(?:['\u2019]s)?"
    r"|secret\s+lair|saved\s+the\s+(?:city|day|world)|holy\s+\w+s\b|with\s+great\s+power"
    r"|faster\s+than\s+a\s+speeding\s+bullet|doctor\s+[A-Z]\w+"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_CALLS})", _I)
# Words of the hero's world: a sentence or clause with one that asks nothing is the hero's patter.
_HEROIC = re.compile(
    rf"\b(?:{_CALLS}|cape|sidekick|arch-?enemy|villains?|lair|heroes|hero|superheroes|superhero|city"
    r"|duty|justice|evil|rescue|lurking|flapping|breeze|responsibility)\b",
    _I,
)
# The hero's exclamations that carry nothing of the request: they come off wherever they are.
_CALL = re.compile(r"(?:^|(?<=[.!?:]\s))\s*(?:to\s+the\s+chart-?mobile|holy\s+\w+s)\s*[!.:]+\s*", _I)


def unsuperhero(text: str, model: SemanticModel) -> str:
    """`text` with a superhero's calls set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    called = _CALL.sub(" ", text).strip()
    read = without_asides(called, _HEROIC, names_of(model))
    return read if read.strip() else text

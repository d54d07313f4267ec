"""A football referee on the pitch ("Yellow card, number 7!", "Play on!", "That's a penalty - 12 yards!",
"Offside from the left wing!", "VAR is checking the goal", "3 minutes of added time, then penalties", "2-1 at
half-time", "I blew the whistle at 90 minutes", "Corner from the right", "The away team in red has three
strikers", "The north stand is loud tonight"), whose patter is set aside around the one request it carries.
Read only in a question that carries one of the referee's markers below (a card, a penalty, offside, play on,
a free kick, corner, throw-in or goal kick, VAR, half- or full-time, added or stoppage time, a blown whistle,
a handball, a sending-off, the home side, the away side or the team in red, a stand, a wing, strikers, the
goalkeeper, a linesman or referee), so any other question ("the red states", "a free hand", "the home
countries", "a corner case", "the 1-2 band", "an away team of 4", "the kick-off forecast") reads as before:
- a call standing as its own sentence or clause at a sentence's start ("Play on,", "Penalty!", "Yellow card,
  number 7!") comes off with the shirt number or side it goes to: a shirt number is no limit, party size or
  value, a red or yellow card no colour, "Penalty" no unknown word;
- a sentence or clause of the match that asks nothing comes off whole (worker.planner.voice_asides): a score
  ("2-1") is no strength band or range, minutes played or added no threshold, limit or time, "12 yards" no
  measure, the goal "from 1966" no year, "tonight" no time, the away team's home ("flew in from Kenya") no
  country, the wind off the west no direction and the north stand no filter;
- a hand-over after the patter ("Anyway,", "Right -", "Now then:") is the request's start.
A choice left to someone ("whichever VAR decides") is the request's and stays. What the request itself asks
that the data lacks (the yellow cards each player received, the goals scored, an hour of the wind, euros) is
left as it is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import HANDOVER, request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["unreferee"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SIDE = r"(?:home|away|visiting)\s+(?:side|team|fans|end|bench)"
# Marks the referee alone makes. Not "red" or "yellow" alone, "penalty" inside a request's words ("point
# penalty" is the umpire's, read before), "corner" alone ("a corner case"), "time" or "stand" alone, nor
# what other voices borrow of football: "the away team" (a starship's landing party), "the kick-off" or "the
# final whistle" (a sports announcer's).
_MARKS = (
    rf"(?:yellow|red)\s+cards?\b(?!\s+(?:each|per|by|received|given|shown|issued))|second\s+yellow"
    rf"|(?:that{_Q}s|it{_Q}s)\s+a\s+penalty|penalty\s*!|penalty\s+(?:kick|spot|area|box|shoot-?out|to\s+the)"
    r"|then\s+penalties|offside|play\s+on|free[-\s]kick|throw[-\s]in|goal[-\s]kick|corner\s+(?:kick|from|to)"
    r"|(?-i:VAR)|half[-\s]time|full[-\s]time|(?:added|stoppage|injury|extra)\s+time|(?:blew|blow|blows)\s+"
    r"(?:the|my)\s+whistle|handball|sent\s+off"
    r"|(?:home|visiting)\s+(?:side|team)|away\s+side|(?:home|away)\s+team\s+(?:in|wearing)\s+\w+"
    r"|(?:north|south|east|west|home|away|main)\s+stand|(?:left|right)\s+wing|strikers?|goalkeeper"
    r"|(?:fourth|match)\s+official|linesman|referee|minutes\s+to\s+play|at\s+\d+\s+minutes"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})", _I)
# Words of the match: a sentence or clause with one that asks nothing is the referee's. A choice left to
# someone ("whichever VAR decides") stays with the request.
_MATCH = re.compile(
    rf"^(?!.*\bwhichever\b).*?(?:\b(?:{_MARKS})|\b(?:cards?|number\s+\d+|minutes?|yards?|stand|crowd|fans"
    r"|loud|pitch|ball|wing|goals?|teams?|side|red|yellow|strikers?|whistle|pressing|checking|replay|scored?"
    r"|match|game|tonight|wind|flew\s+in|keeper|captain|kit|shirts?|penalt(?:y|ies)|corner|foul"
    r"|dive|booked|bench|substitut\w*)\b|(?<![\w.-])\d{1,2}-\d{1,2}(?![\w-]|\s+band))",
    _I | re.DOTALL,
)
# A call standing as its own sentence or clause at a sentence's start, with the shirt number, side or
# player it goes to: it comes off, and what follows a comma after it is read on its own.
_CALL = (
    r"(?:(?:yellow|red)\s+card|second\s+yellow|penalty|offside|play\s+on|free[-\s]kick|throw[-\s]in"
    r"|goal[-\s]kick|corner|goal|no\s+goal|foul|handball|half[-\s]time|full[-\s]time|kick[-\s]off|advantage"
    r"|booked|sent\s+off|drop(?:ped)?\s+ball)"
)
_CALLED = re.compile(
    rf"(?:^|(?<=[.!?]))\s*{_CALL}(?:,?\s+(?:for|to|on)?\s*(?:number\s+\d+|the\s+{_SIDE}|(?-i:[A-Z]\w+)))?"
    r"\s*(?:[.!]+|[,;:](?=\s)|\s[-\u2013\u2014]+(?=\s)|$)(?=\s|$)",
    _I,
)


def unreferee(text: str, model: SemanticModel) -> str:
    """`text` with a football referee's patter set aside around the request; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = tidy(_CALLED.sub(" ", tidy(text)))
    if not read:
        return text
    read = tidy(HANDOVER.sub("", without_asides(read, _MATCH, names_of(model))))
    return request_read(text, read, model)

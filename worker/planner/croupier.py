"""A casino croupier running the table ("Place your bets!", "No more bets!", "Red 7, odd", "Black 22 wins",
"The wheel spins and the ball drops on 17, black", "Table minimum 10", "Blackjack pays 3 to 2", "Chips of
25, 100 and 500 dollars on the felt", "The house edge on a double-zero wheel is about 5 per cent", "The high
roller in seat 2 doubles down", "Rien ne va plus!"), whose patter is set aside around the one request it
carries. Read only in a question that carries one of the croupier's markers below (bets placed or closed, a
roulette call of a number with its colour or parity, the wheel and the ball, blackjack and its payout, the
table's minimum, chips, the felt, the house edge, the high roller, the dealer and the pit boss, a seat, a
double down or a split), so any other question ("red and black markers", "table 7", "the even years",
"chips sold", "the house wine", "seat 2 of the district", "no more than 5") reads exactly as before:
- the croupier's call comes off before anything else reads it: "No more bets!" is no prohibition ("No more
  X" is read by the planner as a chart to leave out), "Place your bets" no request;
- a sentence or clause of the table that asks nothing comes off whole (worker.planner.voice_asides): a
  roulette number is a label, no limit, party size, value or year, and its red or black no colour; a payout
  ("3 to 2") no range or ratio; chip values and the table minimum no threshold or limit; a seat no party size;
  a player who tips the dealer no tip; the house edge's per cent no tip percentage; gold and silver chips no
  medal; the high roller's or a player's home (Tokyo, Nigeria, Europe, Mile-End) no country, continent or
  district; a streak of wins no limit; the wheel's spin east to west no direction, its turns a minute no
  period; irises by the wheel no dataset;
- a hand-over after the patter ("And now:", "Now,", "Meanwhile") is the request's start.
A sentence that charts or leaves a choice to someone ("whichever the pit boss prefers") is the request's and
stays. What the request itself asks that the data lacks (the chips each player lost, the luckiest continent,
euros, a day of the wind) is left as it is and refused downstream, as are two charts. Text not recognised is
unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import HANDOVER, request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["uncroupier"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_COLOUR = r"(?:red|black|green)"
_NUM = r"(?:\d{1,2}|zero|double\s+zero|00)"
# A roulette call: a number with its colour or parity ("Red 7, odd", "17, black", "Black 22 wins"). Not a
# colour and a number alone ("red 7 markers"): the call has its parity, a win, or the ball's drop.
_CALL = (
    rf"{_COLOUR}\s+{_NUM}\s*(?:,\s*(?:odd|even)\b|\s+(?:wins?|again|it\s+is|comes\s+up|hits))"
    rf"|{_NUM},\s+{_COLOUR}(?:\s*,\s*(?:odd|even))?\b(?!\s+(?:and|or)\b)"
    rf"|(?:ball|it)\s+(?:drops|lands|falls|settles)\s+(?:on|in)\s+(?:{_COLOUR}\s+)?{_NUM}"
)
# Marks the croupier alone makes. Not "chips", "table", "seat", "dealer" or "the house" alone ("chips sold",
# "table 7", "seat 2", "the house wine"): they are the croupier's beside the table's other words.
_MARKS = (
    rf"(?:place\s+your|no\s+more|final|all)\s+bets|rien\s+ne\s+va\s+plus|faites\s+vos\s+jeux|{_CALL}"
    rf"|croupiers?|roulette|casinos?|blackjack|baccarat|craps|the\s+wheel\s+spins|double[-\s]zero\s+wheel"
    rf"|table\s+(?:minimum|maximum|limit)s?|house\s+edge|high[-\s]rollers?|pit\s+boss(?:es)?"
    rf"|doubles?\s+down|split(?:s|ting)?\s+(?:the\s+)?(?:aces|eights|tens)|(?:25|50|100|500|gold|silver)\s+chips"
    rf"|chips\s+(?:of|on|worth)\b|on\s+the\s+felt|pays\s+\d+\s+to\s+\d+|dealer{_Q}?s?\s+(?:shoe|busts?|stands)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})", _I)
# Words of the table: a sentence or clause with one that asks nothing is the croupier's. One that charts or
# leaves a choice to someone ("whichever the pit boss prefers") is the request's.
_TABLE = re.compile(
    rf"^(?!.*\b(?:chart|whichever)\b).*?\b(?:{_MARKS}|bets?|wheel|ball|spins?|chips?|felt|seat\s+\d+|dealers?"
    r"|players?|gentleman|lady|roller|streak|wins|odd|pays|minimum|edge|per\s+cent|partner|flew|lives"
    r"|vase|jackpot|shoe|turns?\s+a\s+minute|at\s+this\s+table|house|red|black)\b",
    _I | re.DOTALL,
)
# The call, a sentence of its own, read first: "No more bets!" would be a chart to leave out.
_CALLED = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?:(?:place\s+your|no\s+more|final)\s+bets|rien\s+ne\s+va\s+plus|faites\s+vos\s+jeux)"
    r"(?:\s*,\s*(?:ladies\s+and\s+gentlemen|please|everyone|folks))?\s*[.!]+",
    _I,
)
# A player tipping the dealer, a sentence of its own: "tips" is the player's verb, not the data's measure.
_TIPPED = re.compile(
    r"(?:^|(?<=[.!?])\s+)[^.!?]{0,60}\b(?:tips|tipped|tipping)\s+(?:the\s+)?(?:dealers?|croupiers?|house)\b"
    r"(?![^.!?]*\b(?:chart|whichever|how|what|which|show)\b)[^.!?]*[.!]+",
    _I,
)


def uncroupier(text: str, model: SemanticModel) -> str:
    """`text` with a casino croupier's patter set aside around the request; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = _TIPPED.sub(" ", _CALLED.sub(" ", tidy(text))).strip()
    read = tidy(HANDOVER.sub("", without_asides(read, _TABLE, names_of(model))))
    return request_read(text, read, model)

"""A tennis umpire's calls set aside around the one request they carry. Read only in a question where a
call stands as its own sentence or clause (a marker below: a score such as "Fifteen-love", "Thirty-all" or
"Deuce", "Advantage <player>", "Game <player>", "Game, set and match (to <player>)", "Let", "Out!", "Fault",
"Double fault", "Quiet, please", "New balls, please", "Time violation, warning", "Second serve",
"Challenge", "Hawk-Eye"), so any other question, "out", "love", "set" or "second" in it, reads exactly as
before:
- the calls come off wherever they stand: a score names no value, count or 2 ("deuce"), "Advantage Joly"
  names a candidate without asking for her (she is filtered only where the request names her again),
  "Out!" is no exclusion, "Second serve" no ordinal, "Let" no permission, "Game, set" no sets and "New
  balls" no new data;
- a sentence of the umpire's that asks nothing comes off whole (worker.planner.voice_asides): "The ball was
  long", "Replay the point", "Wide on the west side" set no measure, repeat or direction.
What the request itself asks of the match (aces, serve speed, the score) is left as it is (and refused
downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unumpire"]

_I = re.IGNORECASE
_POINTS = r"(?:love|fifteen|thirty|forty)"
# A player named in a call: capitalised words, whatever the flags ("Joly", "South Korea").
_PLAYER = r"(?-i:[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})"
# Calls that may name the player they go to: "Advantage Joly", "Game, set and match to South Korea".
_NAMED = (
    r"advantage|game(?:,?\s+set(?:,?\s+and\s+match)?)?|(?:game|set|match|break)\s+point"
    r"|(?:time|code)\s+violation(?:,\s+(?:warning|point\s+penalty))?"
)
_PLAIN = (
    rf"{_POINTS}[-\s](?:{_POINTS}|all)|deuce|let|out|(?:double\s+|foot\s+)?fault|ace"
    r"|(?:quiet|new\s+balls|players\s+ready),\s+please|(?:first|second)\s+serve"
    r"|challenge|hawk[-\s]?eye|tie[-\s]?break|overruled"
)
_CALL = rf"(?:(?:{_NAMED})(?:,?\s+(?:to\s+)?{_PLAYER})?|{_PLAIN})"
# A call is its own sentence or clause: at the text's or a sentence's start, up to its full stop, "!",
# comma, colon or spaced dash (or the text's end). "Let's see", "Out of all days" and "the second serve"
# inside a request are no calls.
_CALLED = re.compile(
    rf"(?:^|(?<=[.!?]))\s*{_CALL}\s*(?:[.!]+|[,;:](?=\s)|\s[-\u2013\u2014]+(?=\s)|$)(?=\s|$)", _I
)
# Words of the court: a sentence with one that asks nothing is the umpire's.
_COURT = re.compile(
    r"\b(?:ball|balls|point|replay|serve|server|receiver|line|lines|net|wide|long|umpire|players?"
    r"|court|rally|racket|racquet|linesman|chair)\b"
    # "Advantage Joly. Never mind her.": the player of the call waved away, no one to chart.
    r"|\bnever\s+mind\s+(?:her|him|them|that)\b",
    _I,
)


def unumpire(text: str, model: SemanticModel) -> str:
    """`text` without a tennis umpire's calls around the request they carry; other text unchanged."""
    if not _CALLED.search(text):
        return text
    uncalled = tidy(_CALLED.sub(" ", text))
    if not uncalled:
        return text
    return tidy(without_asides(uncalled, _COURT, names_of(model)))

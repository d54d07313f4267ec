"""A chess commentator's calls set aside around the one request they carry. Read only in a question that
speaks it (a marker below: "checkmate", "stalemate", "grandmaster", "gambit", "en passant", "castles
kingside", "blunder", "endgame", "zugzwang", "a brilliant move", a move such as "Knight to f3" or "Queen
takes h5", "rated 2800", "the king's pawn"), so any other question reads exactly as before:
- a sentence of the game that asks nothing (no question, no "show" / "give me", no measure or group of the
  data) is a call and comes off whole: "And the grandmaster plays Queen to h5!" names no Queen of the data,
  and a value, number or rating it names (a move number, "rated 2800", "checkmate in three") sets nothing;
- in a sentence that asks, a clause of the game that asks nothing comes off with its dash, colon or ", but":
  "A blunder by Facebook's board, the commentators say - but just show me Facebook's ..." is the request
  after the dash (Facebook is charted because the request names it again), "Like a king's pawn marching to
  the eighth rank - the gold medals ..." has no rank in it, "... Just the top one - a brilliant move!" ends
  at "one";
- "But first," opening the request after a call ("Checkmate in three! But first, the total tips ...") is
  the request's start, not a first place.
What the request itself asks of the game (the grandmaster's rating, the number of moves) is left as it is
(and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.versus_names import names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unchess"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_PIECE = r"(?:king|queen|rook|bishop|knight|pawn)"
_MOVE = rf"{_PIECE}\s+(?:to|takes(?:\s+on)?|x)\s+[a-h][1-8]\b"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"\b(?:checkmate|stalemate|grandmasters?|gambit|en\s+passant|castl(?:es|ed|ing)\s+(?:king|queen)side"
    rf"|blunder(?:s|ed)?|endgame|zugzwang|fianchetto|brilliant\s+move|rated\s+\d{{4}}|king{_Q}s\s+pawn"
    rf"|{_MOVE})",
    _I,
)
# Words of the game: a sentence or clause with one that asks nothing is a call.
_GAME = re.compile(
    rf"{_VOICE.pattern}|\b(?:{_PIECE}s?|{_PIECE}{_Q}s|mate|check|moves?|board|chessboard|commentators?"
    r"|opening|sacrifice[sd]?|tournament|match|rank|file|brilliant|marching|plays)\b",
    _I,
)


def unchess(text: str, model: SemanticModel) -> str:
    """`text` with a chess commentator's calls set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    return without_asides(text, _GAME, names_of(model))

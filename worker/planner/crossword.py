"""A crossword setter or a stuck solver writing a data question as a clue: the clue's apparatus set aside
around the question the clue asks. Read only in a question that carries a clue reference ("7 across", "12
down", "I'm stuck on 4 across"), "an anagram of" or a word count opening it ("Three letters, ends in W:"), so
any other question reads exactly as before ("(2018)", "(in $)", "across all continents", "down to", "answer"):
- the clue reference and what it opens with, up to its colon, come off: a clue number is a label, no limit,
  no sort and no fall; "six letters", "ends in X" and "an anagram of PEACH" name nothing;
- the letter counts in brackets ("(5,3,2,3)", "(6)", "(4-4)") are the answer's word lengths, no limit,
  party size or value;
- an answer offered ("Answer: Norway.") is the setter's or solver's claim, no filter: the chart is the
  ranking the clue asks, and "Just the top one" after it is the request's own limit;
- "Chart it -" hands the request over and comes off.
What the clue itself asks that the data lacks (the crosswords each setter published, a waiter's tips) is left
as it is (and refused downstream). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.semantic import SemanticModel

__all__ = ["uncrossword"]

_I = re.IGNORECASE
_WORD_N = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)"
)
_COUNT = r"\(\s*\d{1,2}(?:\s*(?:[,-]|or)\s*\d{1,2})*\s*\)"
_REF = r"\d{1,3}\s+(?:across|down)"
# "12 down", "7 across and 8 down together", "I'm stuck on 4 across": the clue's label.
_CLUE = rf"(?:(?:I['\u2019]?m|I\s+am)\s+stuck\s+on\s+)?{_REF}(?:\s*(?:,|and|&)\s*{_REF})*(?:\s+together)?"
# What a clue opens with besides its label: its word lengths, in brackets or in words, a last letter, an
# anagram's letters (in capitals: the solver's letters, not the data's words).
_PIECE = (
    rf"{_COUNT}|{_WORD_N}\s+letters(?:\s+long)?|(?:it\s+)?(?:ends|starts|begins)\s+(?:in|with)\s+(?-i:[A-Z])\b"
    r"|(?:an\s+)?anagram\s+of\s+(?-i:[A-Z]{2,})\b"
)
# The voice: nothing below is read in a question without one of these opening a sentence, or an anagram.
_VOICE = re.compile(
    rf"(?:^|(?<=[.!?])\s)\W*(?:{_CLUE}\b(?=\s*(?:[:,(.!?\u2013\u2014-]|$))|{_WORD_N}\s+letters\s*[,:])"
    r"|\banagram\s+of\s+(?-i:[A-Z]{2,})\b",
    _I,
)
# The clue's opening: its label and pieces, up to the colon, comma or full stop the question follows.
_OPENING = re.compile(
    rf"(?:^|(?<=[.!?])\s)\W*(?:{_CLUE}|{_PIECE})(?:\s*,?\s*(?:{_PIECE}))*\s*[:,.!\u2013\u2014-]\s*", _I
)
_BRACKETS = re.compile(rf"\s*(?:{_COUNT}|\(\s*{_WORD_N}\s+letters\s*\))", _I)
# "Answer: Norway." / "The answer is SETOSA?": the claimed answer, a sentence of its own.
_ANSWER = re.compile(
    r"(?:^|(?<=[.!?])\s)\s*(?:(?:the|my)\s+)?answer(?:\s*:|\s+is\b|\s*\u2013|\s+-)\s*[^.!?]*[.!?]*", _I
)
# "Chart it - just the top one": the hand-over to what the request adds.
_HANDOVER = re.compile(
    r"(?:^|(?<=[.!?])\s)\s*(?:chart|plot|show|graph|draw)\s+it\s*(?:[:,\u2013\u2014]|\s-)\s*", _I
)
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?]\s))([a-z])")


def uncrossword(text: str, model: SemanticModel) -> str:
    """`text` without the clue's apparatus around the data question it asks; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = _OPENING.sub(" ", text)
    read = _HANDOVER.sub(" ", _ANSWER.sub(" ", _BRACKETS.sub("", read)))
    read = tidy(read)
    if not read.strip(" .!?"):
        return text
    return _SENTENCE_START.sub(lambda m: m[1].upper(), read)

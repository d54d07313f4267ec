"""A bingo caller in a church hall ("Eyes down for a full house!", "Two fat ladies, 88!", "Legs eleven!",
"Kelly's eye, number 1", "Line on table 4, Doris is checking it", "Full house on table 9 - Mrs Joly wins the
hamper!", "Doris has won the tea tray", "30 cards sold tonight at 1 pound each", "Next game: the golden
ticket, 6 lines to win", "Tuesday night bingo"), whose patter is set aside around the one request it carries.
Read only in a question that carries one of the caller's markers below (bingo, eyes down, a house or line
won, a number called with its rhyme, cards and dabbers, a prize won, the church hall), so any other question
("one line each", "a full table", "table 4", "the top of the range", "number 1", "the golden ratio") reads
exactly as before:
- a sentence or clause of the hall that asks nothing comes off whole (worker.planner.voice_asides): a called
  number ("Two fat ladies, 88", "Clickety-click, 66") is no limit, threshold, year or party size; a bingo
  line is a win and no line chart, a house no count; a table's number no party size; a prize in pounds no
  threshold or currency; "Tuesday night bingo" no day or period; the players (Doris, Brian, "the ladies at
  table 6", "Mrs Joly from Villeray") no name, sex, candidate or district; the golden ticket, a gold star or
  a gold-plated tea tray no medal; the year the hall was built no period; the gale outside no direction; the
  flowers on the caller's table no species or limit;
- a lead-in while the cards are checked ("While the cards are checked,", "Meanwhile:") and a hand-over after
  the patter ("Now,", "Right then:") are the request's start.
What the request itself asks that the data lacks (the cards sold at each table, an hour of the tips, "the
best country" with no measure) is left as it is and refused downstream, as are two charts. Text not
recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import HANDOVER, request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["unbingo"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
# The calls: a number said with its rhyme. A rhyme only bingo has stands alone; one said elsewhere too
# ("man alive", "unlucky for some") is a call only beside its number ("Man alive, 5!", "13, unlucky for
# some").
_RHYME = (
    rf"knock\s+at\s+the\s+door|man\s+alive|cup\s+of\s+tea|doctor{_Q}s\s+orders|was\s+she\s+worth\s+it|key\s+of"
    r"\s+the\s+door|unlucky\s+for\s+some|duck\s+and\s+dive|half\s+a\s+crown|all\s+the\s+(?:two|three|four|five"
    r"|six|seven|eight|nine)s"
)
_CALLS = (
    rf"two\s+fat\s+ladies|legs\s+eleven|kelly{_Q}s\s+eye|clickety[-\s]click|top\s+of\s+the\s+shop"
    rf"|(?:one|two)\s+little\s+ducks?|droopy\s+drawers|heinz\s+varieties|dirty\s+gertie"
    rf"|(?:{_RHYME}),\s+(?:number\s+)?\d+|\d+,?\s+(?:{_RHYME})"
)
# Marks the caller alone makes. Not "line" or "house" alone ("one line each", "the house wine"): a line or a
# house is the caller's when won, claimed or on a table, and a card when sold, checked or dabbed.
_MARKS = (
    rf"bingo|eyes\s+down|{_CALLS}|full\s+house|(?:line|house)\s+on\s+table\s+\d+|(?:one|two|\d+)\s+lines\s+to"
    r"\s+win|(?:one|two|three|\d+)\s+lines\s+and\s+a\s+full|(?:second|third|next)\s+house|three\s+houses"
    r"|(?:cards?|dabbers?)\s+(?:sold|checked|are\s+checked|being\s+checked)|check\s+(?:the|your)\s+cards?"
    r"|next\s+game\s*:|golden\s+ticket|(?:won|wins|win)\s+the\s+(?:tea\s+tray|hamper|raffle|jackpot|meat\s+tray)"
    rf"|tea\s+(?:tray|urn)|church\s+hall|caller{_Q}s\s+table|gold\s+star\s+for"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the hall: a sentence or clause with one that asks nothing is the caller's.
_HALL = re.compile(
    rf"\b(?:{_MARKS}|house|houses|lines?|cards?|dabbers?|tables?\s+\d+|numbers?\s+\d+|prize|voucher|hamper"
    r"|tray|urn|tea|ticket|game|caller\w*|hall|gale|door\w*|flowers?|bunch(?:es)?|star|winners?"
    r"|runners?-up|wins?|won|check\w*|tonight|pounds?|ladies|gentlemen|raffle|jackpot|pot|built)\b",
    _I,
)
# A card checked ("Check the card, Doris!"), a sentence of its own: "check" would be read as the bill.
_CHECK = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?:check|checking)\s+(?:the|your|her|his|that|this)\s+cards?"
    r"(?:\s*,\s*(?-i:[A-Z])[\w'-]*)?\s*[.!]+",
    _I,
)
# A lead-in opening the request: the cards checked meanwhile, then the request.
_LEAD_IN = re.compile(
    r"(?:^|(?<=[.!?:])\s+)(?:meanwhile|in\s+the\s+meantime|(?:while|whilst|as)\s+(?:the|I|we|they|you)\b"
    r"[^,.!?:;]{0,30}?\b(?:cards?|numbers?|lines?|house|tickets?|balls?)\b[^,.!?:;]{0,20})\s*[,:]\s*",
    _I,
)


def unbingo(text: str, model: SemanticModel) -> str:
    """`text` with a bingo caller's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = _LEAD_IN.sub(" ", _CHECK.sub(" ", tidy(text))).strip()
    read = tidy(HANDOVER.sub("", without_asides(read, _HALL, names_of(model))))
    return request_read(text, read, model)

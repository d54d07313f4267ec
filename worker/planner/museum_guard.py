"""A museum guard on the floor ("Gallery 7, no flash photography please, madam", "Please stay behind the
rope, sir, that canvas is 400 years old", "The school group of 30 is due at 11 and they always touch the
glass", "The Ming vase came over from China in 1957", "Room 4 has the Dutch masters, 17 paintings in all",
"The visitor count hit 1200 today, a record for a Wednesday", "I lock the east doors at a quarter to 6",
"Gallery 12 has a storm at sea by Turner, 6 feet across", "The new wing opens in 2020", "Thirty years in
this uniform"), whose patter is set aside around the one request it carries. Read only in a question that
carries one of the guard's markers below (a museum, a gallery numbered, a numbered case holding a piece,
display cases and cabinets, a named room, wing or hall of the collection and a wing opening or closing, a
painting by a master or hung in a numbered room, the guard, the uniform and the rounds, flash photography,
the rope, touching the glass or the pieces, moving along, the guided tour and the gift shop, exhibits,
exhibitions, curators, the old masters, a Ming vase, marble statues and pieces centuries old, the visitor
count, the building's doors locked or opened, a room closed for cleaning), so any other question ("the key
countries", "lock in the top 5", "a window of 3 years", "clean the data", "on a log scale", "a note on the
key", "a case of 12", "room 101", "in portrait", "which countries exhibit the most growth", "the left
wing", "Monet's garden", "a uniform colour", "the visitors per day", "keep moving averages") reads exactly
as before:
- a sentence or clause of the floor that asks nothing comes off whole (worker.planner.voice_asides): a
  gallery's, a room's or a case's number, the paintings hung in a room, a canvas's age, a school group's
  size, the visitor count and a painting's feet or metres are no filter, threshold, limit or unit; the
  opening hours, the hour a room closes for cleaning or a tour leaves, the doors locked at a quarter to 6,
  a shift's hours and a record Wednesday no day, hour or quarter; a vase's, a statue's or a theft's year
  no period; a vase from China, a horse from Greece, Egyptian rooms and Dutch masters no country; a silver
  teapot, a bronze horse and a gold medal or coins in a case no medal; Apple gift cards and an Apple
  exhibit no company; an admission price no unit; the east doors and east wing no direction;
- a lead-in while the rounds go on ("While I do my rounds,", "Between tours:") and a hand-over after the
  patter ("Now,", "Anyway,") are the request's start; a "that year" points back to the year the patter told.
A choice left to someone ("whichever you feel is more honest") and a sentence opening with a request's
verb are the request's and stay. What the request itself asks that the data lacks (the visitors of each
gallery, a share price in actual dollars, the tips of an afternoon hour, a year the data has not, the
medals of each Olympics, the prettiest species) is left as it is and refused downstream, as are two
charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import REQUEST_VERBS, set_aside
from worker.semantic import SemanticModel

__all__ = ["unguard"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SIDE = r"(?:east|west|north|south|gallery|museum|exhibition|bronze)"
_ART = (
    r"(?:paintings?|canvas(?:es)?|sculptures?|statues?|busts?|vases?|urns?|tapestr(?:y|ies)|portraits?"
    r"|exhibits?|artefacts?|artifacts?|mummies|masterpieces?|frescos?|pictures?)"
)
_PAINTER = r"(?:van\s+gogh|rembrandt|vermeer|monet|manet|turner|constable|picasso|rubens|titian|degas)"
# Marks the guard alone makes. Not "lock", "key", "window", "clean", "case", "room", "wing", "note",
# "portrait", "exhibit", "visitors", "canvas", "uniform", "glass" or a painter alone ("lock in the top 5",
# "a case of 12", "room 101", "the left wing", "in portrait", "countries that exhibit", "the visitors per
# day", "a uniform scale", "Monet's garden"): they are the guard's beside the floor's other words.
_MARKS = (
    rf"museums?|museum{_Q}s|galler(?:y|ies)\s+\d+|(?:display|glass|specimen|pressed[-\s]flower)\s+cases?"
    r"|(?:display|glass|specimen|pressed[-\s]flower|curiosity)\s+cabinets?"
    r"|(?:from|in)\s+case\s+\d+\s+(?:in\s+\d{4}|belonged|was|is|had|has|holds?)|case\s+\d+\s+(?:holds?|has|had)"
    r"|(?:egyptian|roman|greek|medieval|impressionist|sculpture|portrait|tapestry|armou?r)\s+(?:room|wing"
    r"|galler(?:y|ies)|hall|collection)s?|the\s+(?:new|old)\s+wing"
    r"|(?:east|west|north|south)\s+wing\s+(?:opens|closes|reopens|is\s+(?:closed|shut|open))"
    rf"|(?:by|after)\s+{_PAINTER}|{_PAINTER}{_Q}?s?\s+(?:\w+\s+){{0,2}}?(?:hangs?|hung|is\s+on\s+loan)"
    r"|(?:hangs?|hung|hanging)\s+in\s+(?:room|gallery|hall)\s+\d+"
    r"|(?:museum|security|night)\s+guards?|(?:this|my|in)\s+uniform\b(?!\s+(?:distribution|scale|bins?"
    r"|colou?rs?|widths?|spacing|intervals?|steps?))|(?:no\s+)?flash\s+photography"
    r"|behind\s+the\s+(?:rope|barrier)s?|velvet\s+ropes?|keep\s+moving(?!\s+averages?)"
    r"|move\s+along(?:\s+(?:please|now|folks|sir|madam))?(?=\s*(?:[,.!;]|$))|no\s+touching"
    rf"|touch(?:es|ed|ing)?\s+(?:the\s+)?(?:glass|{_ART})|guided\s+tours?|audio\s+guides?"
    r"|gift\s+shop|cloakroom|curators?|docents?|exhibitions?|(?:dutch|flemish|italian|old)\s+masters"
    r"|(?:an?|the|our|this|new|each)\s+(?:\w+\s+)?exhibits?\b(?!\s+(?:the|a|an|higher|lower|more|less"
    r"|most|least|growth|\d))|ming\s+vases?|visitor\s+(?:count|numbers|book)"
    rf"|(?:lock|unlock|open|close|shut)(?:s|ed|ing)?\s+(?:up\s+)?the\s+{_SIDE}\s+doors|the\s+atrium"
    r"|(?:closes|closed|shut)\s+for\s+cleaning|(?:my|his|her|our)\s+rounds|marble\s+(?:statues?|busts?)"
    r"|(?:statues?|sculptures?|busts?|vases?|urns?|paintings?|canvas(?:es)?|portraits?|tapestr(?:y|ies))\s+"
    r"(?:\w+\s+){0,3}?(?:\d+|hundreds\s+of|thousands\s+of)\s+(?:years|centuries)\s+old"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the floor: a sentence or clause with one that asks nothing is the guard's. One that opens with
# a request's verb ("Rank the iris species ...") or leaves a choice to someone ("whichever you feel") is
# the request's. Not "window", "clean", "scale", "note", "key" or "lock": a request may say them.
_FLOOR = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    rf".*?\b(?:{_MARKS}|{_ART}|{_PAINTER}|galler(?:y|ies)|rooms?|wing|halls?|cases?|cabinets?|doors?"
    r"|glass|rope|flash|photograph\w*|visitors?|tour|school|children|kids|madam|sir|shift|uniform|guard"
    r"|lobby|atrium|foyer|cafe|polished|stolen|missing|donated|hangs?|hung|years\s+old|masters|priceless"
    r"|photographers|loan|teapot|horse|open|shut)\b",
    _I | re.DOTALL,
)
# What the floor tells that would read as asking, in a sentence that asks nothing else: a medal, a cup or
# a coin in a case (no medal asked), the price of a ticket (no share price).
_KEPT = r"(?:medals?|cups?|trophy|trophies|coins?|teapots?)"
_TOLD = re.compile(
    rf"\b(?:{_KEPT}\s+(?:in|from)\s+(?:display\s+)?case\s+\d+"
    rf"|case\s+\d+\s+(?:holds?|has|had)\s+(?:\w+\s+){{0,3}}?{_KEPT}"
    r"|(?:tickets?|admission|entry)\s+(?:costs?|is|was|price)\s+(?:\w+\s+)?\d+(?:\s+(?:dollars|euros|pounds))?)",
    _I,
)
_ROUNDS = r"(?:rounds|patrol\w*|lock\w*|tours?|clos\w*|open\w*|galler(?:y|ies)|shift)"
# A lead-in while the rounds go on, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|you|the)(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,40}}?\b{_ROUNDS}\b[^,.!?:;]{{0,30}}|between\s+(?:tours|rounds|shifts))\s*[,:]\s*",
    _I,
)


def unguard(text: str, model: SemanticModel) -> str:
    """`text` with a museum guard's patter set aside around the request it carries; other text unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _FLOOR)

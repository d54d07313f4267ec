"""A window cleaner on the round ("32 windows at the big house, both sides", "Four storeys on the long
ladder", "Every 4 weeks, 15 dollars a house, that's the deal", "A clean window is worth every penny", "Three
ladders, two buckets and one squeegee", "The bank's windows are tinted gold, 60 panes of them", "My pure water
pole reaches 40 feet", "The Mile-End shops all want their windows done", "Windy up the ladder today, all of
it off the north-east"), whose patter is set aside around the one request it carries. Read only in a question
that carries one of the window cleaner's markers below (a window cleaner, a squeegee, a chamois or scrim, a
pure water or extension pole, a ladder climbed or counted, storeys, panes and sills, windows counted, owned,
cleaned, dirty or done, the round worked, a fee a house or a window), so any other question ("a rolling
window", "a window function", "clean the data", "the round numbers", "round to 2 places", "a histogram
with 10 buckets", "the top of the league ladder", "the window of 2018", "every 4 weeks", "15 dollars a
table") reads exactly as before:
- a sentence or clause of the round that asks nothing comes off whole (worker.planner.voice_asides): the
  windows, storeys, panes, houses, ladders and buckets counted and the pole's feet are no limit, party size
  or threshold; a round "every 4 weeks" and "15 dollars a house" no period or bill; a round on Saturdays or
  Tuesdays no day; gold tint, bronze fittings and a silver plaque no medal; the shops of Mile-End no
  district; weather off the north-east or from the west no direction; the year the round began no period;
- a lead-in while the work goes on ("While I do the sills,", "Between houses:") and a hand-over after the
  patter ("Now,", "Meanwhile,") are the request's start; a "that year" points back to the year the patter
  told.
A choice left to someone ("whichever my mate thinks"), a chart asked per window cleaner and a sentence
opening with a request's verb are the request's and stay. What the request itself asks that the data lacks
(the windows each cleaner did, the dirtiest windows of a continent, breakfast, a wind speed, a season, a
year past the data) is left as it is and refused downstream, as are two charts. Text not recognised is
unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import (
    HANDOVER,
    REQUEST_VERBS,
    SENTENCES,
    request_read_in_year,
    told_by,
    without_asides,
)
from worker.semantic import SemanticModel

__all__ = ["unwindow"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SAID = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|forty|a\s+dozen)"
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_OWNER = (
    rf"(?:their|his|her|my|your|shop|office|bank{_Q}?s?|cafe|caf\u00e9|church|school|house|hotel|pub"
    r"|conservatory|bay|sash|upstairs|downstairs|front|back|north|south|east|west)"
)
# Marks the window cleaner alone makes. Not "window" or "windows" alone (a rolling window, a window function,
# "the window of 2018"), "clean" (clean the data), "round" (round numbers, round to 2 places, a round of
# voting), "bucket" (a histogram's buckets), "ladder" (the league ladder), "pole", "feet", "house" or
# "number 9": they are the round's beside its other words.
_MARKS = (
    rf"window[-\s]+clean(?:ers?|ing){_Q}?s?|squeegees?|chamois|scrims?|(?:pure|fed)[-\s]+water|water-fed"
    r"|(?:extension|telescopic)\s+poles?|storeys?|window\s*sills?|sills|window\s*panes?"
    r"|panes\s+of\s+(?:glass|them)"
    rf"|(?<!into\s)(?<!in\s){_SAID}\s+(?:windows|panes?|ladders|storeys|houses\s+on)"
    r"|(?:up|down|on|off|from|atop)\s+(?:the|my)\s+(?:\w+\s+)?ladders?"
    r"|(?:my\s+(?:\w+\s+)?|long\s+|tall\s+|extension\s+)ladders?"
    rf"|{_OWNER}\s+windows(?!\s+(?:function|size|length|of\s+(?:time|the\s+data|\d)))"
    r"|windows\s+(?:done|cleaned|washed|polished|are\s+tinted|at\s+the)"
    r"|(?:clean(?:ed|ing|s)?|wash(?:ed|ing|es)?|polish(?:ed|ing|es)?|do|did|doing)"
    r"\s+(?:(?:the|their|her|his)\s+)?windows"
    r"|(?:clean|dirty|dirtiest|streaky|smeary|sparkling|spotless|gleaming)\s+windows?"
    rf"(?!\s+(?:function|of\s+\d))|dollars?\s+(?:a|per)\s+(?:house|window|pane)"
    rf"|(?:my|the\s+(?:{_DAY}|morning|usual|whole))\s+round(?!\s+(?:of|numbers?|up|down|to|off|figures?))"
    r"|work\s+my\s+round|(?:this|a)\s+round\s+in\s+\d{4}|sash\s+windows?|between\s+houses"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the round: a sentence or clause with one that asks nothing is the window cleaner's. One that
# opens with a request's verb ("Chart the windows I did"), leaves a choice to someone ("whichever you
# think") or asks for a chart per something ("One bar per cleaner") is the request's, and stays refused.
_ROUND = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|windows?|ladders?|buckets?|poles?|glass|roof|gutters?|frames?|houses?|shops?|street"
    r"|crescent|round|rounds|penny|pennies|cash|deal|customers?|lady|gentleman|number\s+\d+|rain|windy"
    r"|weather|tinted|polish\w*|wip\w*|feet)\b",
    _I | re.DOTALL,
)
# What the round tells that would read as asking, in a sentence that asks nothing else: a customer who
# wants the windows done ("wants the sills washed"), the lady "who smokes" (no question) and what the window
# cleaner means to do with the answer ("I would like to plan my round around it").
_TOLD = re.compile(
    r"\b(?:(?:wants?|needs?|asked\s+for|would\s+like|likes?)\s+(?:\w+\s+){0,2}?(?:windows|sills|gutters|panes"
    r"|conservatory|glass|frames)(?:\s+(?:done|cleaned|washed|polished|wiped))?"
    r"|(?:lady|gentleman|man|woman|customer|client|fellow)\s+(?:at\s+number\s+\d+\s+)?who"
    rf"|(?:(?:I\s+would\s+like|I{_Q}d\s+like|I\s+want|I\s+need|so\s+(?:that\s+)?I\s+can)\s+(?:to\s+)?)?"
    r"(?:plan|fit|arrange|time|work|shape)\s+my\s+round(?:\s+around\s+(?:it|them|that|the\s+\w+))?)\b",
    _I,
)
_WORK = r"(?:windows?|sills?|panes?|glass|frames?|ladder|round|gutters?|conservatory|squeegee\w*|polish\w*)"
# A lead-in while the round goes on, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|you|the)(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,30}}|between\s+houses)\s*[,:]\s*",
    _I,
)


def unwindow(text: str, model: SemanticModel) -> str:
    """`text` with a window cleaner's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    said = tidy(text)
    told = told_by(_TOLD, _VOICE, names)
    # Any sentence the round tells comes off, the one after the request too, so long as one is left.
    sentences = SENTENCES.split(said)
    read = " ".join(s for s in sentences if not told(s)) or said
    read = _LEAD_IN.sub(" ", read).strip()
    read = tidy(HANDOVER.sub("", without_asides(read, _ROUND, names)))
    if read == said:
        return text
    return request_read_in_year(text, read, said, model)

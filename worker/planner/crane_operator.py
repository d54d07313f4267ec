"""A crane operator in the cab ("Banksman, copy that, 4 tonnes on the hook and slewing left", "Crane 2 sits on
the north side of the site, 60 metres up", "The counterweight is 12 concrete blocks at 2 tonnes apiece", "The
anemometer on the jib reads 38 and we stop lifting at 45", "Load chart says 8 tonnes at a 20 metre radius",
"Climbed the mast at 6 this morning", "Floor 12 of 20 got poured yesterday", "Lift 14 of the day, steel beams
for the Amazon warehouse job", "The site shuts for the holidays on the 20th", "My hard hat has a silver stripe
for 20 years on the cranes", "Saturday overtime again, double time after 4", "Four lifts left before the 3
o'clock delivery", "It is gusting from the west at the top, 38 and rising"), whose patter is set aside around
the one request it carries. Read only in a question that carries one of the crane operator's markers below
(a crane numbered, parked, built or worked on, the cab, jib, mast, hook block and counterweights, the
banksman, slinger and rigger, slewing, the load held or on the hook, the load chart, tonnes on the hook or of
steel, lifts counted or stopped, the site office and the site shutting, hard hats, storeys and floors poured,
steel beams and concrete blocks, a day's overtime and double time, the wind gusting at the top), so any other
question ("a slew of countries", "the key countries", "a clean scale", "the load of each bar", "lift the
limit", "the top 5", "the site's visitors", "we're in overtime", "over time", "the cranes at the zoo", "on
the hook for", "floor the values", "climbed the ladder", "40 tonnes of wheat") reads exactly as before:
- a sentence or clause of the cab that asks nothing comes off whole (worker.planner.voice_asides): tonnes,
  metres, blocks, floors and lifts counted are no limit, party size or threshold; the hours of the shift, a
  tea break at 10, a delivery at 3 o'clock and a stop at 45 no hour or threshold; the north side of the site,
  slewing left and the wind from the west at the top no direction; steel from Germany no country; a jib
  painted gold and a silver stripe no medal; a warehouse job for Amazon no company; a crane's year no period;
- an office that wants a number by 5 asks nothing of the data;
- a lead-in while the lift goes on ("While I slew the load round,", "Between lifts:") and a hand-over after
  the patter ("Now,", "Right then,") are the request's start; a "that year" points back to the year the
  patter told.
A choice left to someone ("I leave the choice to you"), a chart asked per crane and a sentence opening with a
request's verb are the request's and stay. What the request itself asks that the data lacks (tower cranes per
district, Canadian dollars, an hour of the tips, a year past the data, Japan's medals, the safest continent
to build on) is left as it is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import (
    REQUEST_VERBS,
    set_aside,
)
from worker.semantic import SemanticModel

__all__ = ["uncrane"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SAID = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|a\s+dozen)"
_PARTS = r"(?:jib|mast|hook|hook\s+block|cab|counterweights?|trolley|slew\s+ring|outriggers?|boom)"
# Marks the crane operator alone makes. Not "crane" or "cranes" alone (the zoo's birds), "load" (the load of
# a bar), "lift" (lift the limit), "slew" (a slew of), "hook", "site", "steel", "floor", "top", "block",
# "wind", "overtime" (a game's) or "tonnes" alone (a harvest's): they are the operator's beside the cab's
# other words.
_MARKS = (
    r"(?:tower|mobile|crawler|luffing|site)\s+cranes?|cranes?\s+(?:\d+|operators?|drivers?|cab|hook|jib)"
    r"|(?:this|that|my|our|the\s+new|new)\s+cranes?(?=\s+(?:was\s+built|was\s+made|lifts|can\s+lift|sits"
    r"|stands|is\s+parked|was\s+parked))|on\s+the\s+cranes|(?:build|erect|put\s+up|dismantle)\s+(?:a|the"
    r"|this|that)\s+(?:tower\s+)?crane(?!\s+(?:enclosure|house|pen|aviary))|banks(?:man|men)|slingers?"
    r"|riggers?|slew(?:ed|ing)|slews?\s+(?:left|right|round|around)|jibs?|counterweights?|hook\s+blocks?"
    r"|tonnes\s+on\s+the\s+hook|on\s+the\s+hook(?!\s+for)|anemometers?\s+on\s+the\s+(?:jib|mast|crane|cab)"
    r"|outriggers?|up\s+in\s+the\s+cab"
    r"|(?:hold|lower|land|lift|swing|slew|take|lifting)\s+(?:the|that|this)\s+load|the\s+load\s+charts?"
    r"|load\s+charts?\s+(?:says|said|reads|allows)|(?:climb|climbed|climbing|climbs)\s+(?:up\s+)?the\s+mast"
    r"|(?:back\s+)?up\s+the\s+mast"
    rf"|{_SAID}\s+tonnes\s+(?:on|at|apiece|each|of\s+(?:it|steel|concrete))"
    rf"|{_SAID}\s+lifts\s+(?:left|to\s+go|today|before|this)|lifts?\s+\d+\s+of\s+the\s+(?:day|shift)"
    r"|stop\s+lifting|lifting\s+(?:at|until|stops)|between\s+lifts"
    r"|site\s+(?:office|manager|foreman|gate|canteen)|(?:the|this)\s+site\s+(?:shuts|closes|opens)"
    r"|(?:building|construction)\s+site|hard\s+hats?|hi-vis|scaffold(?:ing|ers?)?|steel\s+beams?"
    rf"|{_SAID}-stor(?:e)?y|(?:concrete|slab|floor|foundations?)\s+(?:\w+\s+){{0,4}}?(?:got|was|were|gets"
    r"|is\s+being)\s+poured|concrete\s+(?:blocks?|pour)|(?:saturday|sunday|weekend|night|paid)\s+overtime"
    r"|overtime\s+(?:again|pay|rates?)|double\s+time\s+(?:after|from|on|for)"
    r"|gusting\b[^.!?,]{0,30}\bat\s+the\s+top|wind\s+(?:speed\s+)?(?:up\s+)?at\s+the\s+top\s+(?:of\s+the"
    r"\s+(?:jib|mast|crane)|is|was|reads)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the cab: a sentence or clause with one that asks nothing is the operator's. One that opens with a
# request's verb ("Chart the lifts I made"), leaves a choice to someone ("whichever the banksman likes") or
# asks for a chart per something ("One bar per crane") is the request's, and stays refused.
_CAB = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|{_PARTS}|cranes?|tonnes|metres|load|lifts?|lifting|site|crew|lads|shift|ladder"
    r"|tea\s+break|steel|concrete|beams|blocks?|floor|storey|ground|job|wages|delivery|channel|radio|office"
    r"|gust\w*|painted)\b",
    _I | re.DOTALL,
)
# What the cab tells that would read as asking, in a sentence that asks nothing else: the office or the
# foreman wanting something by a time (no request of the data).
_TOLD = re.compile(
    r"\b(?:(?:site\s+)?office|foreman|gaffer|boss|engineer|architect|client)\s+(?:wants|needs|asked\s+for)\b",
    _I,
)
_WORK = r"(?:lift\w*|slew\w*|lower\w*|load\w*|hook\w*|swing\w*|climb\w*)"
# A lead-in while the lift goes on, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|you|the)(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,30}}|between\s+lifts)\s*[,:]\s*",
    _I,
)


def uncrane(text: str, model: SemanticModel) -> str:
    """`text` with a crane operator's patter set aside around the request it carries; other text unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _CAB)

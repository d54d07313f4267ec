"""A chimney sweep on the roofs ("Nine rods up and the brush popped out of the pot", "Smoke test passed on
the wood burner", "Two buckets of soot out of the flue", "65 dollars a flue", "The smokers at the pub want
their chimney done on Friday", "I have swept chimneys since 1998", "Seven stacks on that terrace", "The brass
cowl shines like gold", "A jackdaw's nest blocking the pot", "Forty feet up on the roof", "The cowl on the
east gable", "Downdraught blew soot all over the carpet on Tuesday"), whose patter is set aside around the one
request it carries. Read only in a question that carries one of the sweep's markers below (a chimney or a
sweep at work, soot, flues, chimney pots, stacks counted or done, cowls, rods counted or up, the brush's
heads and inches, smoke tests, wood and log burners, fireplaces and mantelpieces, a bird's nest in the pot, a
downdraught, the roof climbed), so any other question ("a clean sweep", "Coderre swept the districts",
"stacked bars", "the pot of tips", "the smokers", "fire", "the nest of categories", "the roof of the chart",
"brush the chart") reads exactly as before:
- a sentence or clause of the trade that asks nothing comes off whole (worker.planner.voice_asides): rods,
  buckets, stacks, feet and a brush's inches are no limit, party size or threshold; a fee a flue and the
  price of chimney pots no bill or share price; the smoke test and the pub's smokers no smoker; brass and
  gold cowls no medal; brushes from Germany and a bride in Apple Cross no country or company; the cowl on the
  east gable no direction; the years swept and a fireplace's year no period; a day of the round no day;
- a lead-in while the work goes on ("While I'm up the chimney,", "Between flues:") and a hand-over after the
  patter ("Now,", "Meanwhile,") are the request's start; a "that year" points back to the year the patter
  told.
A choice left to someone ("whichever looks better"; "whichever way the wind takes it" is no choice), a chart
asked per sweep and a sentence opening with a request's verb are the request's and stay. What the request
itself asks that the data lacks (chimneys swept per district, a month of wind, an hour of the tips, a
candidate's votes in a year past the data) is left as it is and refused downstream, as are two charts; a
request opening on a pronoun ("His votes") leaves the question whole. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import (
    REQUEST_VERBS,
    set_aside,
)
from worker.semantic import SemanticModel

__all__ = ["unsweep"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SAID = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|a\s+dozen)"
_FLUE = r"(?:chimneys?|flues?|chimney\s+(?:pots?|stacks?|breasts?)|pots|stacks|fireplaces?|grates?|hearths?)"
# Marks the sweep alone makes. Not "sweep" or "swept" alone ("a clean sweep", "Coderre swept the east"),
# "stack" ("stacked bars", "stack the series"), "pot" (the pot of tips), "brush", "smoke" or "smokers" (the
# tips' smokers), "fire", "nest", "roof", "rods", "buckets" (a histogram's buckets) or "feet" alone: they are
# the sweep's beside the trade's other words.
_MARKS = (
    rf"chimney(?:s|{_Q}s)?|(?:chimney[-\s]+)?sweeps?{_Q}?s?(?=\s+(?:at|came|brush|rods?|here|for\s+luck))"
    rf"|(?:a|the|my|our)\s+(?:chimney\s+)?sweep(?!\s+(?:of|through|across|by|in|to|for))"
    rf"|(?:swept|sweep|sweeping|sweeps|lined|lining|capped|cleared)\s+(?:(?:the|their|his|her|my|a|an|\w+{_Q}s?)\s+)?"
    rf"(?:\w+\s+)?{_FLUE}|soot(?:y|ed)?|flues?|creosote|cowls?|downdra(?:ught|ft)s?|mantel(?:piece)?s?"
    r"|fireplaces?|chimney\s*breasts?|(?:wood|log|multi-fuel)[-\s]*burners?|woodburners?"
    r"|smoke\s+tests?|(?:bird|jackdaw|pigeon|starling|crow)s?(?:['\u2019]s?)?\s+nests?"
    rf"|(?:{_SAID}|the\s+last|one\s+more)\s+(?:chimney\s+)?stacks?(?!\s+(?:of|bars?|charts?))"
    rf"|stacks?\s+(?:done|swept|to\s+go|left)|{_SAID}\s+rods|rods\s+(?:up|in|from)|brush\s+heads?"
    rf"|{_SAID}-inch\s+brush(?:es)?|brush\s+(?:popped|came|went)\s+(?:out|up)"
    r"|(?:up\s+on|off|across)\s+the\s+roofs?|rooftops?|between\s+flues"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the trade: a sentence or clause with one that asks nothing is the sweep's. One that opens with a
# request's verb ("Chart the chimneys I swept"), leaves a choice to someone ("whichever looks better") or asks
# for a chart per something ("One bar per sweep") is the request's, and stays refused. Not "smokers" or
# "smoke" alone: a request's clause may say them ("smokers only").
_TRADE = re.compile(
    rf"^(?!.*\bwhichever\b(?!\s+way))(?!\W*(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|{_FLUE}|pot|brush(?:es)?|rods?|buckets?|roofs?|gables?|ridge|slates?|tiles|ladders?"
    r"|terrace|street|gulls|nests?|dust\s+sheets?|carpet|fires?|coal|ash|burner|stove|trade|job|cash|cheque"
    r"|customers?|clients?|lady|gentleman|bride|wedding|luck|feet)\b",
    _I | re.DOTALL,
)
# What the sweep tells that would read as asking, in a sentence that asks nothing else: a customer who wants
# the chimney done ("want their chimney done on Friday"), the price of pots and brushes (no share price) and
# the lady "who smokes" (no question).
_TOLD = re.compile(
    r"\b(?:(?:wants?|wanted|needs?|asked\s+for|would\s+like)\s+(?:\w+\s+){0,2}?"
    rf"(?:{_FLUE}|sweep)(?:\s+(?:done|swept|cleaned|lined|capped))?"
    r"|(?:price|cost)s?\s+of\s+(?:\w+\s+)?(?:chimney\s+pots|pots|brush(?:es|\s+heads)|rods|cowls|liners)"
    r"|(?:lady|gentleman|man|woman|customer|client|fellow|landlord)\s+who)\b",
    _I,
)
_WORK = r"(?:chimneys?|flues?|stacks?|pots?|roofs?|ladder|sweep\w*|brush\w*|rods?|soot)"
# A lead-in while the work goes on, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|you|the)(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,30}}|between\s+flues)\s*[,:]\s*",
    _I,
)
# A request opening on a pronoun ("His votes in each district") points back to the patter it follows: the
# question is left whole.
_POINTS_BACK = re.compile(r"^\W*(?:his|her|their|its|he|she|they|them)\b", _I)


def unsweep(text: str, model: SemanticModel) -> str:
    """`text` with a chimney sweep's patter set aside around the request it carries; other text unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _TRADE, _POINTS_BACK)

"""A tailor at the fitting ("Stand up straight, sir - a 32-inch inseam", "Measure twice, cut once - 34 in the
chest, 32 in the leg", "Half an inch off the sleeve, and the gold buttons go on Thursday", "A three-piece in
navy, ready Thursday", "The wedding party is 6 suits", "Five fittings on Saturday and we shut at noon", "This
wool came from Italy back in 1957", "Two and a half metres of cloth", "Face the window on the west side",
"Turn a quarter to the left", "I keep 40 pins in this cushion", "The groom's party wants 4 suits"), whose
patter is set aside around the one request it carries. Read only in a question that carries one of the
tailor's markers below (a tailor, an inseam or inside leg, inches off a sleeve or in the chest, suits counted
or worn, the fittings, a two- or three-piece, lapels, waistcoats, cufflinks and the trade's cloths, lengths of
cloth, buttons of gold or sewn on, pins, chalk marks and the hem, the fitting's orders to stand straight, turn
a quarter or face the window), so any other question ("whichever suits", "a suit of cards", "a fitting line",
"follow suit", "pipe-delimited", "cut the population", "the top 5", "a break in the line", "the first
quarter", "Apple shares", "over time", "the pins on the map", "the petal length in inches") reads exactly as
before:
- a sentence or clause of the fitting that asks nothing comes off whole (worker.planner.voice_asides): an
  inseam's or a chest's inches, the inch off a sleeve and the metres of cloth are no threshold, limit or
  unit; the suits of a wedding party, the fittings of a day and the pins in a cushion no party size, limit
  or threshold; a suit ready Thursday, the fittings on Saturday and the shop shut at noon or at 3 o'clock no
  day, meal or hour; the cloth's year no period; navy, charcoal and grey cloth, gold buttons and silver
  cufflinks no value or medal; wool from Italy and buttons from Rome no country; the gentleman's pipe no
  smoker; a client paid in Apple shares no company; the window on the west side and a quarter turn to the
  left no direction and no quarter;
- an order for the shop ("The groom's party wants 4 suits") and a chart wanted for a speech ("The bride's
  father wants a chart for his speech") ask nothing of the data; the price of cloth is no share price;
- a lead-in while the fitting goes on ("While I pin the hem,", "Between fittings:") and a hand-over after
  the patter ("Now,", "Meanwhile,") are the request's start; a "that year" points back to the year the
  patter told.
A choice left to someone ("whichever my apprentice thinks looks smarter"), a chart asked per tailor and a
sentence opening with a request's verb are the request's and stay, as is "in inches" asked of the data. What
the request itself asks that the data lacks (the suits each tailor sold, the most elegant continent, an hour
of the tips, a measure in inches) is left as it is and refused downstream, as are two charts. Text not
recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import (
    REQUEST_VERBS,
    set_aside,
)
from worker.semantic import SemanticModel

__all__ = ["untailor"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SAID = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen)"
_CLOTH = r"(?:cloth|wool|tweed|linen|silk|cotton|fabric|worsted|cashmere|serge|flannel|velvet|lining)"
_PART = r"(?:sleeves?|cuffs?|hem|legs?|trousers|waist|jacket|length|collar|seat|back|shoulders?)"
_GARMENT = (
    r"(?:suits?|jackets?|trousers|waistcoats?|blazers?|overcoats?|tuxedos?|tailcoats?|fittings?"
    r"|(?:two|three)-pieces?|shirts?)"
)
# Marks the tailor alone makes. Not "suit" or "suits" alone ("whichever suits", "follow suit"), "fitting"
# alone (a fitting line, the plumber's compression fitting), "pins", "chalk", "measure", "cut", "inches",
# "buttons", "wool" or "sleeve" alone (the knitter's sleeve, "like chalk and cheese", a measure of the data,
# "cut the population", a petal length in inches, the buttons of a dashboard): they are the tailor's beside
# the fitting's other words.
_MARKS = (
    rf"tailor(?:s|ed|ing|{_Q}s)?|inseams?|inside\s+leg|measure\s+twice|suits\s+you,?\s+(?:sir|madam)"
    r"|(?:two|three)-piece|(?:double|single)-breasted|bespoke|made-to-measure|off-the-peg|lapels?"
    r"|waistcoats?|cufflinks?|turn-ups|buttonholes?|tuxedos?|tailcoats?|pinstripes?|herringbone|tweed"
    r"|worsted|gabardine|seersucker|tape\s+measure|chalk\s+marks?|pin\s*cushion"
    r"|(?:mind\s+the|these|my|\d+)\s+pins|pins\s+(?:are|go|went)\s+in"
    rf"|{_SAID}\s+(?:suits|fittings)|between\s+fittings"
    r"|(?:a|your|his|her|my|the\s+next|first)\s+fitting(?!\s+(?:line|curve|model))"
    r"|(?:his|her|my|your|a\s+new|morning|dinner|wedding)\s+suits?"
    rf"|\d+-inch\s+{_PART}|\d+\s+in\s+the\s+(?:chest|leg|waist|collar|seat)"
    rf"|inch(?:es)?\s+off\s+the\s+{_PART}"
    rf"|(?:pin|pinned|pinning|chalk|chalked|chalking)\s+(?:up\s+)?the\s+{_PART}"
    r"|(?:take|taken|taking|let|letting)\s+(?:up|in|out)\s+the\s+(?:sleeves?|cuffs?|hem|trousers|waist"
    r"|jacket)"
    r"|(?:take|taken|taking|let|letting)\s+(?:it\s+)?(?:in|out)\s+at\s+the\s+(?:waist|seams?|sides)"
    rf"|(?:yards?|metres?|bolts?)\s+of\s+{_CLOTH}|(?:italian|english|scottish|irish|merino|this|that)\s+wool"
    r"|(?:gold|silver|brass|horn|bone|pearl|covered)\s+buttons|buttons\s+(?:go|went|are|were|came)\s+"
    r"(?:on|from|sewn)|sewn\s+on|the\s+hem(?:line)?|stand\s+(?:up\s+)?(?:straight|still)|turn\s+a\s+quarter"
    r"|face\s+the\s+(?:window|mirror|light)|arms\s+(?:out|up)\s+(?:for\s+me|please|sir|madam)"
    r"|(?:I|we)\s+(?:measure|cut|work)\s+in\s+inches"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the fitting: a sentence or clause with one that asks nothing is the tailor's. One that opens with
# a request's verb ("Chart the suits I sold"), leaves a choice to someone ("whichever my apprentice thinks")
# or asks for a chart per something ("One bar per tailor") is the request's, and stays refused. Not "inches"
# alone (", but in inches" asks a unit of the data), nor "cut", "measure", "window" or "length": a request's
# clause may say them ("- cut to the top 5", "a rolling window").
_FITTING = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|{_GARMENT}|{_CLOTH}|sleeves?|cuffs?|hem|waist|collar|chest|inch|buttons|pins|chalk"
    r"|needle|thread|navy|charcoal|grey|gray|sir|madam|gentleman|customer|client|wedding|bride|groom|shop"
    r"|counter|cushion|ready|pressed|stitch\w*|sewn|the\s+old\s+way)\b",
    _I | re.DOTALL,
)
# What the fitting tells that would read as asking, in a sentence that asks nothing else: an order for the
# shop ("wants 4 suits"), a chart wanted for an occasion and not of the data ("a chart for his speech"), the
# price of cloth (no share price), a client paying in shares (no company asked) and the customer "who smokes
# his pipe" (no question).
_TOLD = re.compile(
    rf"\b(?:(?:wants?|needs?|ordered|asked\s+for|would\s+like)\s+(?:\w+\s+){{0,2}}?{_GARMENT}"
    r"|(?:wants?|needs?|asked\s+for)\s+an?\s+(?:chart|graph|plot|picture)\s+for\s+(?:his|her|their|the|a)"
    rf"\s+\w+(?!\s+of)|(?:price|cost)s?\s+of\s+(?:\w+\s+)?(?:{_CLOTH}|buttons|thread|{_GARMENT})"
    r"|paid\s+(?:\w+\s+){0,3}?with\s+\w+\s+shares"
    r"|(?:gentleman|lady|client|customer|groom|bride|chap|fellow|father|mother)\s+who)\b",
    _I,
)
_WORK = r"(?:pin\w*|chalk\w*|measur\w*|hem\w*|fittings?|sew\w*|press\w*|tack\w*|stitch\w*|cloth|suit)"
# A lead-in while the fitting goes on, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|you|the)(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,30}}|between\s+fittings)\s*[,:]\s*",
    _I,
)


def untailor(text: str, model: SemanticModel) -> str:
    """`text` with a tailor's patter set aside around the request it carries; other text unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _FITTING)

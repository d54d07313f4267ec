"""A dog walker on the rounds ("Got 5 dogs on leads this morning", "Bella the spaniel is 9 and still pulls
like a puppy", "I charge 12 dollars a walk, 20 for two dogs", "Walks at 7, 12 and 5 every day, rain or shine",
"Mrs Okafor's greyhound came over from Ireland in 1977", "Two poodles, one from France and one from Japan",
"The beagle ate a 2019 calendar off the kitchen table", "Duchess won a silver rosette at the dog show", "Off
the lead in the meadow for 20 minutes", "The terrier barked at every lamppost in Villeray", "Fetch! Not that
stick"), whose patter is set aside around the one request it carries. Read only in a question that carries
one of the dog walker's markers below (a dog walker, dogs counted or walked, dog owners, a breed, a puppy,
leads and walkies, a walk's fee or hour, a dog show and its best in breed, barking, sniffing and fetching,
lampposts, frisbees and a good boy or girl), so any other question ("walk me through", "a random walk", "the
walk-in tables", "which candidate leads", "a lead of 5 points", "the top dog", "the hot dog stand", "a
pointer to the data", "a boxer's medals", "the tail of the distribution", "fetch the tips", "stick to 2007",
"the best in each breed") reads exactly as before:
- a sentence or clause of the walk that asks nothing comes off whole (worker.planner.voice_asides): the
  dogs, leads, legs and tails counted, a dog's age and the minutes off the lead are no limit, party size or
  threshold; a walk's fee in dollars no bill; the walks at 7, 12 and 5 and a Saturday at the park no hour or
  day; a dog's country, an owner's city and the poodles from France and Japan no country; a calendar's year
  and the year a dog came over no period; a silver rosette and a husky called Bronze no medal; the kitchen
  table no table of the tips; a lamppost in Villeray no district; the common's wind no direction;
- a lead-in while the walk goes on ("While the spaniel sniffs,", "Between walks:") and a hand-over after the
  patter ("Quick one:", "Now,") are the request's start; a "that year" points back to the year the patter
  told.
A choice left to someone ("just pick one for me"), a chart asked per district and a sentence opening with a
request's verb are the request's and stay. What the request itself asks that the data lacks (the dogs per
household, a bill in yen, the hour tables came in, the friendliest species, a company's weekly price past
the data, a nation not in the data) is left as it is and refused downstream, as are two charts. Text not
recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import (
    REQUEST_VERBS,
    set_aside,
)
from worker.semantic import SemanticModel

__all__ = ["unwalk"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SAID = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|a\s+pair\s+of)"
# Breeds said by name. Not "boxer", "pointer", "setter" or "retriever" (a boxer's medals, a pointer to the
# data, a trend setter, a data retriever), nor "husky" but after "the" or "my" (a husky voice).
_BREED = (
    r"spaniels?|poodles?|greyhounds?|whippets?|lurchers?|dalmatians?|collies?|beagles?|terriers?|pugs?"
    r"|labradors?|labs?(?=\s+(?:pulls?|barks?|ate|chewed))|dachshunds?|corgis?|chihuahuas?|schnauzers?"
    r"|huskies|alsatians?|rottweilers?|dobermanns?|dobermans?|mastiffs?|bulldogs?|labradoodles?"
    r"|cockapoos?|cavaliers?(?=\s+king)|shih\s*tzus?|westies?|jack\s+russells?|basset\s+hounds?|bloodhounds?"
    r"|(?:the|my|a|our|their|his|her)\s+husky(?!\s+voice)|golden\s+retrievers?|sheepdogs?|wolfhounds?"
)
# Marks the dog walker alone makes. Not "dog" or "dogs" alone ("the top dog", "hot dogs", "dogs per
# household" asked of the data), "walk" or "walks" alone ("walk me through", "a random walk", "walk-in"),
# "lead" or "leads" alone ("which candidate leads", "a lead of 5 points"), "fetch", "stick", "tail", "bark"
# "park" or "rosette" alone (the farmer's rosette at the county fair): they are the walk's beside its other
# words.
_MARKS = (
    rf"{_BREED}|dog[-\s]?walk(?:ers?|ing){_Q}?s?|walkies|pupp(?:y|ies)|dog\s+(?:show|people|owners?|park)"
    rf"|{_SAID}\s+dogs|dogs?\s+on\s+(?:a\s+|the\s+)?leads?|(?:on|off)\s+(?:the|a|their|his|her)\s+lead"
    r"|(?:on|off)\s+leads|(?:my|the|his|her|a)\s+(?:lead|leash)\s+(?:snapped|broke|tangled)|leash(?:es)?"
    r"|best\s+in\s+(?:breed|show)|barked|barking(?!\s+up)|sniff(?:s|ed|ing)|to\s+sniff|lampposts?"
    r"|frisbees?|fetch(?=\s*!)|(?:that|this|the\s+other)\s+stick(?!\s+(?:chart|plot|to))"
    r"|good\s+(?:boy|girl)(?=\s*[.!,])|poo\s+bags?|dog\s+biscuits?|kennels?"
    r"|(?:dollars|pounds|quid)\s+(?:a|per)\s+walk|walks\s+at\s+\d|between\s+walks"
    r"|(?:my|her|his|the)\s+(?:first|last|morning|evening|afternoon|lunchtime)\s+walk"
    rf"|(?:walk(?:ed|ing)?|walks)\s+(?:the\s+)?(?:\w+{_Q}s?\s+)?(?:dogs?|{_BREED})"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the walk: a sentence or clause with one that asks nothing is the dog walker's. One that opens
# with a request's verb ("Count the dogs I walked"), leaves a choice to someone ("just pick one for me") or
# asks for a chart per something ("One bar per district") is the request's, and stays refused.
_WALK = re.compile(
    rf"^(?!.*\b(?:whichever|pick\s+one)\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|dogs?|walk\w*|leads?|park|common|meadow|canal|vet{_Q}?s?|owners?|breed|tails?|legs"
    r"|stick|ball|bark\w*|sniff\w*|fetch|rain|shine|mud|rolled|chewed|gale|grass|garden|pulls?|sit|heel|paws?"
    r"|next\s+door|calendar|kitchen|rosettes?)\b",
    _I | re.DOTALL,
)
# What the walk tells that would read as asking, in a sentence that asks nothing else: an owner who wants
# the dog walked ("wants Rex walked twice a day"), an owner "who works from home" (no question) and the dog
# show a rosette was won at (no chart shown).
_TOLD = re.compile(
    r"\b(?:(?:wants?|needs?|asked\s+for|would\s+like)\s+(?:\w+\s+){0,2}?(?:walked|walks?|walking|fed)"
    r"|(?:owner|lady|gentleman|man|woman|client|neighbour|neighbor)\s+(?:next\s+door\s+)?who"
    r"|(?:dog|county|village|agricultural)\s+show|at\s+the\s+show)\b",
    _I,
)
_WORK = r"(?:walk\w*|sniff\w*|leads?|lead|dogs?|bark\w*|fetch\w*|ball|stick|park|pulls?)"
# A lead-in while the walk goes on, then the request.
_LEAD_IN = re.compile(
    r"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|you|the|my)"
    rf"(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,40}}?\b(?:{_WORK}|{_BREED})\b[^,.!?:;]{{0,30}}|between\s+walks)\s*[,:]\s*",
    _I,
)


def unwalk(text: str, model: SemanticModel) -> str:
    """`text` with a dog walker's patter set aside around the request it carries; other text unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _WALK)

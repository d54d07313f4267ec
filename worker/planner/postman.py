"""A postman on the round ("Their post goes over the gate, the dog bites", "Recorded delivery for flat 6, it
needs a signature", "A first-class stamp has gone up to 85 cents", "My round starts at 6 in the morning",
"Forty parcels on the van", "Postcards pinned up all over the sorting office", "Every letterbox flap on the
street rattles when it blows off the east", "Election leaflets through every door", "Postal votes go in the
red box"), whose patter is set aside around the one request it carries. Read only in a question that carries
one of the postman's markers below (a postman, postie or mailman, their post or the morning mail, mail that
goes or came, parcels, packages and sacks counted or addressed, letters for someone, stamps from abroad and
first- or second-class post, postage, letterboxes, postboxes and the sorting office, the round walked or
started, deliveries recorded, special or second, the post van, leaflets and junk mail through the door, a
signature a parcel needs, the post or letters sorted or delivered, postal votes), so any other question
("post-war", "a blog post", "this e-mail", "nine letters, ends in E", "the second round", "round to 2
places", "a box plot", "sorting by the median", "a time stamp", "a loyalty card with 9 stamps", "deliver the
chart", "postcards each member sent") reads exactly as before:
- a sentence or clause of the round that asks nothing comes off whole (worker.planner.voice_asides): house
  numbers, parcels, letters and sacks counted are no limit, party size or threshold; a stamp's price is no
  share price and its cents no unit; the days and hours of the round no day or hour; postcards from Kenya,
  stamps from Korea and a parcel from Tokyo no country; the wind off the south-east that rattles the
  letterbox flaps no direction; leaflets in a district and postal votes no district or votes; a grandad's
  round in 1952 no period; a parcel for the Amazon locker no company;
- a lead-in while the round goes on ("While I sort the post,", "Between deliveries:") and a hand-over after
  the patter ("Now,", "Meanwhile,") are the request's start; a "that year" points back to the year the
  patter told.
A choice left to someone ("whichever you like"), a chart asked per postman and a sentence opening with a
request's verb are the request's and stay. What the request itself asks that the data lacks (letters or
parcels per district, a Monday of the tips, a measure in pesos, an hour of the tips, the most honest
candidate) is left as it is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import (
    REQUEST_VERBS,
    set_aside,
)
from worker.semantic import SemanticModel

__all__ = ["unpost"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SAID = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty(?:-\w+)?"
    r"|fifty|a\s+dozen|a\s+hundred)"
)
_ITEM = r"(?:letters?|parcels?|packages?|postcards?|cards?|leaflets?|flyers?|catalogues?|sacks?|bundles?)"
_DOOR = r"(?:doors?|letterbox(?:es)?|letter\s+box(?:es)?|gates?)"
# Marks the postman alone makes. Not "post" alone (post-war, a blog post), "mail" (e-mail), "letters" (the
# letters of a code), "round" (the second round, round to 2 places), "delivery", "stamp" (a time stamp),
# "box" (a box plot), "van", "door", "office", "sorting" or "card" alone: they are the postman's beside the
# round's other words.
_MARKS = (
    rf"post(?:man|men|woman|women|ie|ies|mistress|master)(?:{_Q}s)?|mail(?:man|men|bags?|room|\s+carriers?)"
    r"|postbox(?:es)?|pillar\s+box(?:es)?|letterbox(?:es)?|letter\s+box(?:es)?|post\s+office|sorting\s+"
    r"(?:office|frame|machine|room|depot)|junk\s+mail|air\s*mail|postage|postal(?!\s+codes?)|pen\s*pals?"
    r"|(?:first|second)[-\s]class\s+(?:stamps?|post|mail|letters?)|(?:postage\s+)?stamps?\s+from"
    r"|(?:recorded|special|second|next-day|parcel)\s+deliver(?:y|ies)(?!\s+(?:day|date|time)s?\b)"
    r"|between\s+deliveries"
    r"|(?:their|your|his|her|my|our|the\s+morning|no|first|second)\s+(?:post|mail)(?![\w-])"
    r"|(?<![\w-])(?:post|mail)\s+(?:goes|went|comes|came|is|was)\b"
    rf"|{_SAID}\s+(?:parcels|packages|sacks|mailbags)|(?:parcels?|packages?)\s+(?:for|from|on)"
    r"|(?:letters?|leaflets?)\s+(?:for|through)|(?:a|the)\s+parcel|leaflets?|through\s+(?:the|every|each|a"
    r"|my|your)\s+(?:doors?|letterbox(?:es)?)|(?:be|was|were)\s+signed\s+for|needs?\s+a\s+signature"
    r"|(?:post|mail|delivery|red|royal\s+mail)\s+vans?|van\s+(?:out|back)|on\s+the\s+van"
    r"|(?:sort|sorts|sorting|sorted|deliver|delivering|delivered)\s+(?:the|my|their|your)\s+(?:post|mail"
    r"|letters|parcels)|(?:my|his|her|the\s+same|this\s+same)\s+round\s+(?:starts|begins|ends|finishes|takes)"
    r"|(?:walked|walk|walks|did|do|does)\s+(?:this|the|my|his|her)\s+(?:same\s+)?round|on\s+(?:my|his|her)"
    r"\s+round"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the round: a sentence or clause with one that asks nothing is the postman's. One that opens with
# a request's verb ("Chart the letters I delivered"), leaves a choice to someone ("whichever you like") or
# asks for a chart per something ("One bar per postman") is the request's, and stays refused.
_ROUND = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|{_ITEM}|{_DOOR}|post|mail|stamps?|envelopes?|invitations?|deliver\w*|round|van"
    r"|sorting|office|signature|locker|flap|street|houses?|flats?|number\s+\d+|dog|shift|addresse[sd]?"
    r"|bicycle|bike)\b",
    _I | re.DOTALL,
)
# What the round tells that would read as asking, in a sentence that asks nothing else: postal votes (no
# votes asked), a signature a parcel needs, the price of stamps (no share price), a wind that rattles the
# flaps ("When it blows off the east") and the lady "who" gets the parcels (no question).
_TOLD = re.compile(
    r"\b(?:postal\s+votes|needs?\s+(?:a\s+)?signature"
    r"|(?:price|cost)s?\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:stamps?|postage)"
    r"|^\W*when\s+(?:it|the\s+wind)\s+(?:blows|rains|pours|snows|gusts)"
    r"|(?:lady|gentleman|man|woman|neighbour|customer|family)\s+who)\b",
    _I,
)
_WORK = r"(?:sort\w*|deliver\w*|post|mail|letters?|parcels?|round|van|sacks?)"
# A lead-in while the round goes on, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we|you|the)(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,40}}?\b{_WORK}\b[^,.!?:;]{{0,30}}|between\s+(?:deliveries|rounds))\s*[,:]\s*",
    _I,
)


def unpost(text: str, model: SemanticModel) -> str:
    """`text` with a postman's patter set aside around the request it carries; other text unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _ROUND)

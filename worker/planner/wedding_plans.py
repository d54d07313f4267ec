"""A wedding planner's talk set aside around the request it frames. Read only in a question that speaks it
(a word below: "the big day", "the happy couple", "the guest list", "the seating plan", "the best man",
"the bride", "the groom", "something old / new / borrowed / blue", "the reception", "the first dance",
"the order of service", "RSVPs", "the place cards", "the sweepstake", "the toast", "the slideshow", "the
florist", "the honeymoon", "my planning file", ...), so any other question reads exactly as before:
- a lead ("For the big day we're naming the tables after the continents!", "The seating plan has round
  tables of 10, but that's our business, not the data's.", "For the best man:", "Meanwhile, for the
  florist:", "We're finalising the guest list - 120 guests and counting!") is context: its tables,
  guests, numbers, times, budgets and dates are the wedding's, not the data's, so it comes off whole,
  and so does each lead after it that is addressed to someone ("For my planning file:", "For his
  table:"). A value it names is kept only where the request points back to it ("... marrying in June
  2020, so show me Netflix's price on their wedding day"); one the request names again is the request's;
- a wedding role asking at the start of the request ("the bride wants", "the couple would like", "the
  best man asked for") and an addressee after it ("for her speech", "for the place cards", "for the
  best man") add nothing: "the best man" is a role, never the men of the tips data.
The request's own words are left as they are: "tables of 4 at the restaurant" is the tips data's party
size and "on Sundays" its day, while the reception's tables, guests and seating stay unread, so a
question about them is refused naming them. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import Names, names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unwedding"]

_I = re.IGNORECASE
# Who is who at a wedding.
_ROLES = (
    r"(?:happy\s+)?couple|bride(?:-to-be)?|groom(?:-to-be)?|best\s+man|maid\s+of\s+hono(?:u)?r|"
    r"matron\s+of\s+hono(?:u)?r|bridesmaids?|groomsm[ae]n|ushers?|page\s*boys?|flower\s+girls?|"
    r"newlyweds|florist|caterers?|photographer|celebrant|officiant|vicar|dj|"
    r"(?:bride|groom)'s\s+(?:mother|father|mum|dad|parents|family|uncle|aunt|grandparents|sister|brother)|"
    r"(?:mother|father)\s+of\s+the\s+(?:bride|groom)"
)
# A wedding's word: nothing below is read in a question without one.
_WEDDING = re.compile(
    r"\b(?:big\s+day|(?:happy|the|our)\s+couple(?!\s+of)|newlyweds|guest\s+list|seating\s+plan|"
    r"table\s+plan|top\s+table|best\s+man|"
    r"maid\s+of\s+hono(?:u)?r|bridesmaids?|groomsm[ae]n|bride(?:'s)?|groom(?:'s)?|brides?-to-be|"
    r"something\s+(?:old|new|borrowed|blue)|wedding|reception|first\s+dance|order\s+of\s+service|"
    r"rsvps?|place\s+cards?|sweepstake|honeymoon(?:ing)?|rehearsal\s+dinner|florist|"
    r"planning\s+file|wedding\s+cake|vows|bouquet|hen\s+(?:do|party)|stag\s+(?:do|party))\b",
    _I,
)
# A lead: the words before the first ":", "!", " - " or sentence end, with the request after it.
# A question ("Which nation ...?") asks, so it is no lead.
_LEAD = re.compile(
    r"^\s*(?P<lead>[^:!?.]{1,160}?)\s*(?:[:!]|\.(?=\s)|\s[-\u2013\u2014]\s)\s*(?P<rest>\S.*)$", re.DOTALL
)
# "The reception is on a Saturday, so show me ...": the request after ", so".
_SO_LEAD = re.compile(
    r"^\s*(?P<lead>[^:!?.]{1,160}?),\s*(?:so|and)\s+(?P<rest>(?:please\s+)?"
    r"(?:show|plot|chart|draw|give|graph|let's|list|what|which|how)\b.*)$",
    _I | re.DOTALL,
)
_ASKS = re.compile(r"^\W*(?:which|what|who|how|where|when|show|plot|chart|draw|graph)\b", _I)
# A lead addressed to someone ("For my planning file", "For his table", "Meanwhile, for the florist").
_ADDRESSED = re.compile(
    r"^\W*(?:(?:meanwhile|anyway|also|and|unrelated|next)\b[\s,]*(?:but\s+)?)?(?:for|to)\s+"
    r"(?:the|my|our|his|her|their)\s+[\w' -]{1,40}$",
    _I,
)
_MEANWHILE = re.compile(r"^\s*(?:meanwhile|anyway|in\s+the\s+meantime|unrelated(?:,?\s+but)?)\s*,?\s*", _I)
# "the bride wants ...", "the couple would like ...", "the best man asked for ...", at the request's start.
_ASKER = re.compile(
    rf"^\s*(?:(?:the|our|my|his|her|their)\s+)?(?:{_ROLES})\s+(?:wants?|would\s+(?:like|love)|"
    r"needs?|asked\s+for|asks\s+for|is\s+asking\s+for|(?:has|have)\s+asked\s+for|requested)\s+(?:to\s+see\s+)?",
    _I,
)
# "for her speech", "for the place cards", "for the best man", wherever they stand in the request.
_FOR_WHOM = re.compile(
    r",?\s*\b(?:for|to)\s+(?:the|my|our|his|her|their)\s+(?:"
    r"(?:wedding\s+|best\s+man's\s+|bride's\s+|groom's\s+)?(?:speech|toast|slideshow|place\s+cards?|"
    r"table\s+plan|seating\s+plan|order\s+of\s+service|planning\s+file|guest\s+book|menu\s+cards?|"
    rf"big\s+day)|{_ROLES})\b(?=\s*(?:[,.!?;]|$))",
    _I,
)
# A value of the wedding the request points back to: "on their wedding day", "the day they married".
_WEDDING_DAY = re.compile(
    r"\b(?:their|our|the|her|his)\s+(?:wedding|big)\s+day\b|\bthe\s+day\s+(?:they|we)\s+(?:marry|married|wed)\b",
    _I,
)
_ITS = re.compile(r"\bits\b", _I)
_THERE = re.compile(r"\b(?:in\s+)?there\b", _I)
_LEADING = re.compile(r"^[\s,;:]+")
# Pointers to a place or thing the lead named ("its life expectancy", "there", "that country").
_POINTS = re.compile(
    r"\b(?:its|there|(?:that|this)\s+(?:country|continent|nation|company|district|candidate|species))\b", _I
)


def unwedding(text: str, model: SemanticModel) -> str:
    """`text` with a wedding planner's talk set aside around its request; other text is unchanged."""
    if not _WEDDING.search(text):
        return text
    read = _unlead(text, model)
    read = _ASKER.sub("", _LEADING.sub("", _FOR_WHOM.sub("", read)), count=1)
    return tidy(read) if read != text else text


def _unlead(text: str, model: SemanticModel) -> str:
    """The request without the leads of wedding talk before it, unless it points back to a value they name."""
    names = names_of(model)
    read, framed = text, False
    while True:
        found = _LEAD.match(read) or _SO_LEAD.match(read)
        if found is None:
            return read
        lead, rest = found["lead"], found["rest"]
        if _ASKS.match(lead) or not (_WEDDING.search(lead) or (framed and _aside(lead, names))):
            return read
        if _keeps(lead, rest, names):
            return _named_back(lead, rest, names) or read
        read, framed = _MEANWHILE.sub("", rest), True


def _aside(lead: str, names: Names) -> bool:
    """After wedding talk, a lead addressed to someone, or one naming nothing of the data, is talk too."""
    if _ADDRESSED.match(lead):
        return True
    return not names.measures.search(lead) and not values_named(lead, names)


def _named_back(lead: str, rest: str, names: Names) -> str:
    """ "Our honeymoon is in Kenya, so show me its life expectancy": the request with Kenya for "its"."""
    named = values_named(lead, names)
    if len(named) != 1 or values_named(rest, names) or _WEDDING_DAY.search(rest):
        return ""
    value = named[0]
    read = _ITS.sub(f"{value}'s", _THERE.sub(f"in {value}", rest))
    return _MEANWHILE.sub("", read) if read != rest else ""


def _keeps(lead: str, rest: str, names: Names) -> bool:
    """Whether the lead states part of the request: a measure, or a value the request points back to."""
    if names.measures.search(lead) and not names.measures.search(rest):
        return True
    named = values_named(lead, names)
    again = {v.lower() for v in values_named(rest, names)}
    lost = [v for v in named if v.lower() not in again]
    if _WEDDING_DAY.search(rest):
        # "show me Netflix's price on their wedding day": the day is the lead's.
        return True
    return bool(lost and (points_back(rest) or _POINTS.search(rest)))

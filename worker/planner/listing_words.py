"""An estate agent's listing words, set aside or spelt as the plain request. Read only in a question that
speaks them (a word below), so any other question reads exactly as before:
- a lead ("Just listed and a must-see:", "Boasting a full podium:", "Open house this Sunday!", "Every
  Sunday is an open house here, so:", "Nestled up north and boasting a sea breeze:", "Desirable
  neighbourhoods:", "Sought-after tech addresses:") is context: it names no value, period, limit or
  column, so it comes off whole. A value it names is kept only where the request points back to it
  ("Nestled in Asia, these countries ...": "In Asia, these countries ..."); one the request names again
  is the request's, and a "Meanwhile," after it adds nothing;
- "Prime location (alert)", "just listed" and "must-see" elsewhere add nothing ("just listed" is never a
  period); "nestled in / on / up" is "in / on / up"; "X boast(s) the highest M" is "X have the highest M";
- "sought-after", "most sought-after" and "desirable" are a ranking only where the question names a
  measure to rank by: "the 5 most sought-after districts by votes" is "the 5 top districts by votes",
  "the most sought-after company by peak price" is "the company by peak price", with "highest first"
  where the question states no order of its own (a limit comes only from a count it states), and
  "Which X is the most sought-after by the Y wind? ... by frequency" is "Which X for the Y wind? ...";
  with no measure named they are left as they are, so the question is refused naming them (which
  places buyers seek is not in the data);
- "(bands) kept in order" is "(bands) in order"; "rank the companies by M" is "the companies ranked by
  M" (a ranking of bars, not a line over time).
Asking prices, square footage, property values, mortgage rates, curb appeal and spaciousness are left as
they are, and refused downstream as words the data does not hold. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unlist"]

_I = re.IGNORECASE
# A listing word: nothing below is read in a question without one.
_LISTING = re.compile(
    r"\b(?:just\s+listed|must[\s-]see|prime\s+location|nestled|boast(?:s|ing|ed)?|open\s+house|"
    r"sought[\s-]after|desirable|listing)\b",
    _I,
)
# Flourishes that carry no request of their own.
_FLOURISH = re.compile(
    r"\b(?:just\s+listed|must[\s-]see|prime\s+location|nestled|boast(?:s|ing|ed)?|open\s+house|"
    r"sought[\s-]after|desirable\s+(?:neighbou?rhoods?|homes?|addresses|areas?)|tech\s+addresses|"
    r"sea\s+breeze|listing)\b",
    _I,
)
# A lead: the words before the first ":", "!" or sentence end, with the request after it.
# A question ("Which direction is the most sought-after ...?") asks, so it is no lead.
_LEAD = re.compile(r"^\s*(?P<lead>[^:!?.]{1,120}?)\s*(?:[:!]|\.(?=\s))\s*(?P<rest>\S.*)$", re.DOTALL)
_ASKS = re.compile(r"^\W*(?:which|what|who|how|where|when)\b", _I)
# The lead's last words before a request that begins "so:", "then:".
_SO = re.compile(r",?\s*\b(?:so|then|anyway)\s*$", _I)
_MEANWHILE = re.compile(r"^\s*(?:meanwhile|anyway|in\s+the\s+meantime)\s*,\s*", _I)
# Flourishes read inside the request.
_PRIME = re.compile(r"\bprime\s+location(?:\s+alert)?\s*[,!:.;-]*\s*", _I)
_JUST_LISTED = re.compile(
    r"\b(?:just\s+listed|(?:an?\s+)?must[\s-]see)(?:\s+(?:and|&)\s+(?:an?\s+)?(?:must[\s-]see|just\s+listed))?"
    r"\s*[,!:;-]*\s*",
    _I,
)
_NESTLED = re.compile(r"\bnestled\s+(?=(?:in|on|up|among|by|beside)\b)", _I)
_BOAST = re.compile(r"\b(?P<verb>boasts|boast|boasted)\b(?=\s+(?:the|a|an)\s)", _I)
_BOAST_AS = {"boasts": "has", "boast": "have", "boasted": "had"}
# "Which direction is the most sought-after by the 6+ wind?": the wind is who seeks, not the measure.
_IS_SOUGHT = re.compile(
    r"\s+(?:is|are|was|were)\s+(?:the\s+)?(?:most\s+)?(?:sought[\s-]after|desirable)"
    r"(?:\s+(?P<by>by|for|among|with|of|in)\b)?",
    _I,
)
_COUNTED = re.compile(
    r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twenty)\s+(?:most\s+)?"
    r"(?:sought[\s-]after|desirable)\b",
    _I,
)
_SOUGHT = re.compile(r"\s*\b(?:the\s+)?(?:most\s+)?(?:sought[\s-]after|desirable)\b\s*", _I)
# "Rank the six companies by their average price": the companies ranked by it (a bar, not a line).
_RANK = re.compile(r"\brank\s+(?P<what>the\s+(?:[\w-]+\s+){0,2}?[\w-]+s)\s+by\b", _I)
# An order or a ranking the request states itself.
_ORDERED = re.compile(
    r"\b(?:first|last|top|bottom|highest|lowest|most|least|ascending|descending|ranked|rank|best|worst|"
    r"biggest|smallest|largest)\b",
    _I,
)
_END = re.compile(r"\s*(?=[.?!]*\s*$)")
_KEPT = re.compile(r"\bkept\s+in\s+(?=(?:\w+\s+)?order\b)", _I)


def unlist(text: str, model: SemanticModel) -> str:
    """`text` with an estate agent's listing words set aside or spelt out; other text is unchanged."""
    if not _LISTING.search(text):
        return text
    # "Prime location, majority districts only:": the flourish comes off before the lead is weighed, so
    # the condition beside it stays.
    read = _unlead(_PRIME.sub("", text), model)
    read = _JUST_LISTED.sub("", read)
    read = _NESTLED.sub("", read)
    read = _BOAST.sub(lambda m: _BOAST_AS[m["verb"].lower()], read)
    read = _unseek(read, model)
    read = _KEPT.sub("in ", read)
    read = _RANK.sub(lambda m: f"{m['what']} ranked by", read)
    return tidy(read) if read != text else text


def _unlead(text: str, model: SemanticModel) -> str:
    """The request without a lead of listing words, unless the request points back to a value it names."""
    found = _LEAD.match(text)
    if found is None:
        return text
    lead, rest = _SO.sub("", found["lead"]), found["rest"]
    if not _FLOURISH.search(lead) or _ASKS.match(lead):
        return text
    names = names_of(model)
    if names.measures.search(lead):
        # The lead states part of the request ("these countries boast the highest GDP per capita").
        return text
    named = values_named(lead, names)
    again = values_named(rest, names)
    lost = [v for v in named if v.lower() not in {a.lower() for a in again}]
    if lost and points_back(rest):
        # "Nestled in Asia: their populations": the request's pointer names the lead's value.
        return text
    return _MEANWHILE.sub("", rest)


def _unseek(text: str, model: SemanticModel) -> str:
    """ "Sought-after" and "desirable" as a ranking where a measure is named; left as they are if none is."""
    if not _SOUGHT.search(text):
        return text
    if not names_of(model).measures.search(_SOUGHT.sub(" ", text)):
        return text
    read = _IS_SOUGHT.sub(lambda m: " for" if m["by"] else "", text)
    read = _COUNTED.sub(lambda m: f"{m['n']} top", read)
    read = _SOUGHT.sub(_dropped, read)
    if _ORDERED.search(read):
        return read
    # The word was the ranking: kept as an order, so an ordered dimension (directions) is ranked too.
    return _END.sub(", highest first", read, count=1)


def _dropped(said: re.Match[str]) -> str:
    # "the most sought-after company" keeps its article: "the company".
    return " the " if said[0].strip().lower().startswith("the") else " "

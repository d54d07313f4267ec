"""A librarian's asides ("Shhh!", "this book is overdue") set aside around the one request they carry. Read
only in a question that speaks the voice (a marker below: "Shhh", "keep your voice down", "this is a
library", "here at the reference desk", "the reading room", "Dewey decimal", "in the stacks", "overdue",
"library card", "please return it by", "we close at", "checked out", "catalogued" (a shop's or an auction's
"catalogue" is not the voice), "patrons", "almanac",
"shelf 6", "third shelf from the top", "12 shelves", "the finance shelf has"), so any other question reads
exactly as before:
- a sentence or clause of the library that asks nothing comes off whole (worker.planner.voice_asides):
  "Dewey decimal 310.5 - statistics, over in the stacks" is no threshold and no stocks, "This book is
  overdue by 3 weeks" no period, "Your library card expires in 2019, dear" no year, "Please return it by
  Friday" no day, "We close at 8 tonight" no limit or party size, "300 patrons came in today, but that's
  just for the record" no limit; a holding counted by a group ("The finance shelf has 6 books, one per
  company") asks for no company either, as only a measure, a question or a request's verb asks;
- the hand-overs to the request ("but never mind that", "Meanwhile,", "While you're at it,", "Until then:",
  "From it:", "but all I need today is", ", so could I see") and "here at the reference desk" say nothing;
- a request that points back to the patter ("in that year" after "Your library card expires in 2019") is
  left as it is, and refused downstream: setting the patter aside would chart another year.
Two charts asked of the reference desk are refused here: chartq draws one chart per question. What the
request itself asks of the library (books, patrons, fines, the catalogue's choice) is left as it is, and
refused downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import dataclasses
import re

from worker.planner.chart_count import refuse_second_chart
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, names_of
from worker.planner.voice_asides import without_asides
from worker.semantic import SemanticModel

__all__ = ["unlibrarian"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SHELF = (
    r"shelf\s+(?:\d+|from\s+the\s+(?:top|bottom))|\d+\s+shelves|shelves\s+of|(?:the|a|our|this)\s+\w+\s+shelf"
    r"\s+(?:has|holds|is)"
)
_MARKS = (
    rf"sh{{2,}}\b|shush|keep\s+your\s+voices?\s+down|(?<!-)librar(?:y|ian)|reference\s+desk|reading\s+room"
    rf"|dewey(?:\s+decimal)?|(?:in|from)\s+the\s+stacks|overdue|library\s+card|return\s+(?:it|them)\s+by"
    rf"|we\s+close\s+at|checked\s+out|catalogu(?:ed|ing)|patrons?|almanac|{_SHELF}"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})", _I)
# Words of the library: a sentence or clause with one that asks nothing is the librarian's patter.
_SHELVED = re.compile(
    rf"\b(?:{_MARKS}|catalogues?|books?|shel(?:f|ves)|atlas(?:es)?|archives?|binders?|card|dear|stacks"
    rf"|quiet(?:ly)?|tonight|expires?|due|loans?|borrowed|section|(?:just\s+)?for\s+the\s+record)\b",
    _I,
)
# Where the request begins: the hand-over and what is said of the desk come off, the request stays.
_HANDOVERS = re.compile(
    rf"(?:^|(?<=[.!?:;]\s))\s*(?:meanwhile|while\s+you{_Q}re\s+at\s+it|until\s+then|from\s+it"
    rf"|in\s+the\s+meantime)\s*[,:]\s*"
    rf"|\b(?:(?:here\s+)?at|from)\s+the\s+reference\s+desk\b\s*,?\s*"
    rf"|\ball\s+(?:I|we)\s+need\s+(?:today\s+|now\s+)?is\s+"
    rf"|,?\s*\bbut\s+never\s+mind\s+(?:that|this|it)\b",
    _I,
)
# ", so could I see ...": the clause before "so" is the library's, the request comes after it.
_SO = re.compile(
    rf",\s+so\s+(?=(?:could|can|would|may|might)\s+(?:I|we|you)\b|please\b|show\b|let\s+me\b|I{_Q}d\b)", _I
)
# A request that points back to the patter ("in that year") needs it: nothing is set aside.
_POINTS_BACK = re.compile(
    r"\b(?:that|the\s+same)\s+(?:year|day|date|month|week|time|hour|decade)\b|\bby\s+then\b", _I
)


def unlibrarian(text: str, model: SemanticModel) -> str:
    """`text` with a librarian's asides set aside around its request; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    refuse_second_chart(text, model)
    handed_over = _HANDOVERS.sub(" ", _SO.sub(": ", text))
    read = tidy(without_asides(handed_over, _SHELVED, _counted_groups_ask_nothing(names_of(model))))
    if not read.strip(" .!?") or _POINTS_BACK.search(read):
        return text
    return read if read != tidy(text) else text


def _counted_groups_ask_nothing(names: Names) -> Names:
    """`names` whose groups counted ("overdue by 5 days", "atlases for 142 countries") or shared out ("6
    books, one per company") ask nothing: they count the library's holdings, not the data's groups."""
    counted = re.compile(rf"(?<!\bper\s)(?<!\d\s)(?:{names.groups.pattern})", names.groups.flags)
    return dataclasses.replace(names, groups=counted)

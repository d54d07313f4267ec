"""A TV news anchor reading the bulletin ("Good evening, here are tonight's headlines", "Breaking news: a
table of 6 in Toronto left a 10-dollar tip", "More on that after the break", "Over to Sarah with the
weather", "In Canada today, a survey says diners tip 15 per cent", "Markets now, and Apple shares slide",
"Coderre and Bergeron are live in the studio", "Our 2 reporters on the ground have the details", "50 years on
air tonight", "Coming up at ten"), whose patter is set aside around the one request it carries. Read only in
a question that carries one of the anchor's markers below (breaking news, the night's headlines or top story,
a bulletin, the break the news goes to, a presenter or correspondent handed to, the studio, years on air,
what is coming up, a dateline opening a sentence, the markets' or sport's turn, shares that slide or rally, a
survey that says, a news desk), so any other question ("pipe-delimited", "the top 5 countries", "break down
the tips", "the story of each continent", "the first quarter", "the weather data", "the share price of each
company", "over 50 years", "Canada's population today", "Good evening, show me ...") reads exactly as before:
- a sentence of the news that asks nothing comes off whole, whatever data it names ("a table of 6 left a
  10-dollar tip", "diners tip 15 per cent", "Facebook shares are falling"), as does a clause of the
  bulletin that asks nothing (worker.planner.voice_asides): a story's table of 6, a survey's 15 per cent,
  the census office's 100 years, the years on air and the reporters counted are no party size, threshold
  or limit; "tonight", "this evening" and "at ten" no meal, hour or limit; a dateline ("In Canada today",
  "from Brazil", "from Asia's markets") no country or continent; the presenter handed to ("Over to Sarah")
  no sex, and the guests in the studio no candidate; the weather handed to and a storm from the north no
  wind direction; shares sliding no ticker; a team's gold no medal;
- the news desk a request's things are read on ("the tech names on tonight's business desk") is no place;
- the bulletin's turn to the request ("The story:", "But first:", "Tonight,", "And finally,") and a
  hand-over ("Anyway -") are the request's start; a "that year" points back to the year the news told.
A choice left to someone ("our producer will pick one after the break") is the request's and stays. What the
request itself asks that the data lacks (the viewers of each channel, the most newsworthy company, a 2020
share price, an air temperature, Canadian dollars) is left as it is and refused downstream, as are two
charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import (
    ASKS,
    HANDOVER,
    request_read_in_year,
    untold,
    without_asides,
)
from worker.semantic import SemanticModel

__all__ = ["unanchor"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_NIGHT = rf"(?:tonight|today|this\s+evening|this\s+morning){_Q}s"
_DESK = r"(?:business|markets?|money|city|sports?|news|foreign)\s+desk"
_MOVES = (
    r"slid(?:e|es|ing)?|fall(?:s|ing)?|fell|tumbl(?:e|es|ed|ing)|plung(?:e|es|ed|ing)|soar(?:s|ed|ing)?"
    r"|jump(?:s|ed|ing)?|rall(?:y|ies|ied|ying)|surg(?:e|es|ed|ing)|sink(?:s|ing)?|sank|slump(?:s|ed|ing)?"
)
# The bulletin's running order: its headlines and stories, the break, what is coming up.
_RUNNING = (
    rf"breaking\s+news|this\s+just\s+in|in\s+other\s+news|here\s+are\s+(?:the|{_NIGHT})\s+headlines"
    rf"|{_NIGHT}\s+(?:top\s+stor(?:y|ies)|headlines|bulletin|news|programme|ratings|{_DESK})"
    r"|(?:top|lead)\s+story\s+(?:tonight|comes|is)|stor(?:y|ies)\s+(?:tonight|this\s+evening)"
    r"|good\s+evening\b[^.!?]{0,30}?\b(?:headlines|news|studio|welcome|bulletin|stor(?:y|ies)|on\s+air)"
    r"|more\s+on\s+(?:that|this|the\s+story|those\s+stories)\s+(?:after|later|at)"
    r"|after\s+the\s+(?:break|adverts|ads|commercials)(?=\s*(?:[.,;:!\u2013\u2014-]|$))"
    r"|coming\s+up\s+(?:at|after|next|later)|news\s+(?:bulletin|at\s+(?:six|nine|ten|\d+))"
)
# Who reads it and where: the studio, the presenters and correspondents handed to, the years on air.
_STUDIO = (
    r"(?:in|from|to)\s+the\s+studio|over\s+to\s+(?:(?-i:[A-Z][a-z]+)|our\s+\w+\s+(?:correspondent|reporter"
    r"|desk))\s+(?:with|for|in|at|on)|correspondents?|our\s+(?:\w+\s+)?reporters?|reporting\s+live"
    rf"|(?:years?|decades?|live|back)\s+on\s+air|news\s+anchor|anchor(?:man|woman)|newsreaders?|{_DESK}"
)
# The markets' and sport's turn, shares that move, a survey that says, and a dateline opening a sentence.
_NEWS = (
    rf"(?:markets|sport|business)\s+now|now\s+(?:to\s+)?(?:the\s+)?(?:markets|sport)|shares\s+(?:are\s+"
    rf"|have\s+)?(?:{_MOVES})|an?\s+(?:new\s+)?(?:survey|poll|study)\s+(?:says|finds|found|shows|suggests)"
    r"|(?:^|(?<=[.!?]\s))in\s+(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)?\s+today\s*[,:]"
)
# Marks the anchor alone makes. Not "news", "story", "top", "break", "weather", "over", "first", "shares" or
# "today" alone ("the top 5", "break down", "the weather data", "over 50 years", "the share price", "GDP
# today"): each is the bulletin's only in the anchor's phrase. Not "good evening" alone (the forecaster's
# and anyone's greeting), nor "headline" (the data journalist's, worker.planner.newsroom).
_MARKS = rf"{_RUNNING}|{_STUDIO}|{_NEWS}"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})", _I)
# What asks beyond voice_asides' ASKS: an operation on the data. News without one reports, whatever data it
# names ("a table of 6 left a 10-dollar tip"); a survey's "per cent" is no "per", a top story no top.
_OPERATIONS = (
    r"chart|count|rank|sum|average|mean|median|total|number\s+of|per(?!\s+cent)|each|every|by|versus|vs"
    r"|against|top(?!\s+stor)|bottom|most|least|highest|lowest|largest|smallest|only|between|from\s+\d{4}"
    r"|histogram|scatter|pie|line|bars?"
)
_OPERATES = re.compile(rf"\b(?:{_OPERATIONS})\b", _I)
# Words of the bulletin: a clause with one that asks nothing is the anchor's. A choice left to someone ("our
# producer will pick one after the break") is the request's, and stays refused, as is a clause that opens
# with a request's verb or names an operation, whatever it names ("Chart the viewers of each channel").
_BULLETIN = re.compile(
    rf"^(?!.*\b(?:whichever|pick|choose|decide|prefers?|{_OPERATIONS})\b)"
    r"(?!\W*(?:name|graph|map|sort|add\s+up|break\s+down)\b)"
    rf".*?\b(?:{_MARKS}|news|stor(?:y|ies)|headlines|bulletin|tonight|evening|studio|break|markets?|shares"
    r"|sport|weather|survey|poll|census|reporters?|details|desk|on\s+air|live|today|coming\s+up|cheers"
    r"|storm|programme)\b",
    _I | re.DOTALL,
)
# The desk the bulletin reads a request's things on ("the tech names on tonight's business desk"): no place.
_ON_DESK = re.compile(rf"\s+(?:on|from)\s+(?:{_NIGHT}|the|our)\s+{_DESK}\b", _I)
# The bulletin's turn to the request ("But first:", "Tonight,", "And finally,", "This just in:"): its start.
# Tonight is no meal: "Tonight, the tips at lunch" asks for lunch.
_TURN = re.compile(
    r"(?:^|(?<=[.!?]\s))\W*(?:(?:but\s+)?first\s*:|(?:tonight|this\s+evening|and\s+finally|this\s+just\s+in"
    r"|in\s+other\s+news)\s*[,:])\s*",
    _I,
)


def unanchor(text: str, model: SemanticModel) -> str:
    """`text` with a news anchor's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    told = tidy(text)
    read = _ON_DESK.sub("", told)
    read = untold(read, _reports)
    read = tidy(_TURN.sub("", HANDOVER.sub("", without_asides(read, _BULLETIN, names))))
    if read == told:
        return text
    return request_read_in_year(text, read, told, model)


def _reports(sentence: str) -> bool:
    """Whether `sentence` is news the anchor reads (a marker of it), asking nothing of the data."""
    return bool(_VOICE.search(sentence)) and not (ASKS.search(sentence) or _OPERATES.search(sentence))

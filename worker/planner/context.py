"""A request told together with its circumstances: "Ticket #4521 (priority 2): chart Microsoft's weekly
price in Q1 2019", "My grandmother was born in Portugal in 1931, so I'm curious how Portugal's GDP per
capita developed", "Manager Luis here, 8-hour shift with 3 waiters: count the tables by party size".
The circumstances (ids, counts of slides or people, meeting dates, names) are no part of the question
about the data; read with it they stop it (an unknown word) or would change it (a number as a filter).

Only tried once the whole question has been refused. The text is cut at a clause boundary (a colon, a
semicolon, a dash, the end of a sentence, ", so", ", but", before "I need" or "wants"); the part before the
cut is context when it asks for nothing (no request verb, no operation or condition word); the part after
it must plan on its own. The earliest such cut wins, so as much of the question as possible is read. The
chart names the context it set aside in its description, so nothing is dropped silently: a user who
meant part of it as a condition sees that it was not read as one.

A part that names a word of the data's values the request does not name ("The Asia continent, whatever it's
called: the 5 most populous countries", "The Congo, not sure which: life expectancy over time": Congo is
in two countries' names) is no context: it says which values to chart, and the request without it would
chart every one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TypeVar

from worker.planner.errors import NamesNothing

__all__ = ["context_note", "told_with", "without_context"]

_I = re.IGNORECASE
_T = TypeVar("_T")
# Where the request may start: after a clause's end, or at the words that hand over to it.
_CUTS = re.compile(
    r"""
    (?: [:;] | \s[-\u2013\u2014] | [.?!] ) \s+ (?!\d)
    (?: (?:so|anyway|but|and)\b,? \s* )?
  | , \s+ (?: (?:and\s+)?so | but | anyway ) ,? \s+
  | , \s+ (?= (?:show|chart|plot|graph|draw|display|give|make|compare|count|list|please)\b )
  | (?<=\s) (?:i|we|she|he|they) (?:\s+need|\s+want|\s+would\s+like|'d\s+like) \s+
  | \b (?:wants|needs|asked\s+for|is\s+asking\s+for) \s+
    """,
    re.VERBOSE | _I,
)
# A prefix with any of these asks for something itself: a chart, an operation, a scope or a condition.
_ASKS = re.compile(
    r"""\b(?:
        show|chart|charts|plot|graph|draw|display|visuali[sz]e|compare|rank|ranking|list|count|pivot
      | except|excluding|exclude|excluded|without|only|just|outliers?|among|where|whose|unless|if
      | forecast|predict\w*|projection|growth|grow|grew|change|changes|ratio|proportion|correlat\w*
      | moving|rolling|running|cumulative|median|percentile|quartile|deviation|why|because|cause|caused
      | trend|trendline|log|scale|axis|axes|difference|gap|lead|margin|versus|vs|compared|year-on-year|yoy
      | above|below|over|under|more|less|fewer|least|most|at\s+least|at\s+most|between|since|until|before
      | after|top|bottom|highest|lowest|best|worst|average|mean|total|sum|max|maximum|min|minimum
      | per|each|every|by|split|broken|colou?r(?:ed)?|next\s+to|neighbou?r\w*|bordering
      | drop|delete|insert|update|truncate|alter|grant|revoke|exec|execute|select|table|join|group|avg
    )\b
    | \b(?:not|no|never|n't)\s+(?:\w+\s+){0,2}?(?:pies?|bars?|lines?|histograms?|scatter\w*)\b  # "Not a pie!"
    | (?:%|percent|per\s+cent)\s+of\s+(?:the\s+)?(?:total|all|column|row|grand|whole)
    | \w\(|[*=<>]  # a function or a comparison, as SQL or a spreadsheet writes them
    | [{}\[\]]|"\w+"\s*:  # part of a JSON object: never cut apart at its colons
    """,
    re.VERBOSE | _I,
)
# "Dr. Okafor", "(ext. 4410)": a full stop that ends an abbreviation, not a sentence.
_ABBREVIATION = re.compile(r"\b(?:dr|mr|mrs|ms|prof|ext|no|nr|p|pp|ref|fig|vs|approx|st)\.\s*$", _I)
# A request that points back into what came before ("Show me their prices over that year") needs it.
_BACK = re.compile(
    r"\b(?:their|them|they|those|these|he|she|him|her|the\s+same|that\s+(?:year|period|time|month|week|day))\b"
    # "back then", "since then": the time the context named.
    r"|\b(?:back|at|by|since|until|till|from)\s+then\b"
    # "its" with nothing before it in the request it could stand for ("Just show me its weekly price",
    # "Like, its weekly share price"), not "each stock ... its January 2018 level".
    r"|^(?:(?!\b(?:each|every|all|any)\b)[^.!?])*?\bits\b",
    _I,
)
# A scope said before the request ("for Japan,", "Regarding Europe,", "from January 2017 to June 2018,"): a
# restriction the request did not read, never circumstances to set aside.
_SCOPE = re.compile(
    r"""^(?:for|in|regarding|concerning|about|re)\s+(?:the\s+)?[A-Z][\w-]*(?<!'s)(?:\s+(?:and|&)\s+[A-Z][\w-]*)?$
      | ^(?:from|between|since|until|during|in)\b.*\b(?:19|20)\d\d\b""",
    re.VERBOSE,
)
_OPENING = re.compile(r"^(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)\b(?!'s|\u2019s)(?:\s+\w+)?\s*(?:,|$)")
# Words of values' names that are plain English too ("The", "New", "Great"): no name of a value alone.
_PLAIN = frozenset(("the", "and", "new", "great", "non", "est", "united", "states", "bank", "centre"))
# A request is more than a word or two ("as a pie" alone is no request).
_MIN_WORDS = 3


def told_with(text: str, values: frozenset[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """Each (context, request) reading of `text`, the earliest cut first, whose context asks for nothing:
    no request, operation or condition, no scope, and not only words of the data's `values` ("Japan:")."""
    for m in _CUTS.finditer(text):
        if _ABBREVIATION.search(text, 0, m.end()):
            continue
        context, request = text[: m.start()].strip(" ,;:-\u2013\u2014"), text[m.end() :].strip()
        if not context or len(re.findall(r"\w+", request)) < _MIN_WORDS or _BACK.search(request):
            continue
        named = re.findall(r"\w+", context.lower())
        if (
            _ASKS.search(context)
            or _SCOPE.match(context)
            or (named and all(w in values for w in named))
            or _names_values(context, request, values)
        ):
            # Every later cut keeps this clause in its context too: none of them can be context either.
            return
        yield context, request


def _names_values(context: str, request: str, values: frozenset[str]) -> bool:
    """Whether the context opens with the name of a value ("The Congo, ...", "The Asia continent, ...") that
    the request leaves unsaid: what the request is about, not its circumstances ("Africa's ..." is)."""
    opening = _OPENING.match(context)
    if opening is None:
        return False
    said = set(re.findall(r"\w+", request.lower()))
    names = {w.lower() for w in opening.group(1).split()} - _PLAIN
    return bool(names) and all(w in values for w in names) and not names <= said


def without_context(
    text: str, answer: Callable[[str], _T], refused: type[Exception], values: frozenset[str] = frozenset()
) -> tuple[str, _T] | None:
    """The first reading of `text` as context and a request that `answer` plans, with its context; None
    when `text` holds no context. When every request is refused, the shortest one's refusal is raised: it
    says what of the request itself cannot be charted, where the whole question's named the context."""
    last: Exception | None = None
    for context, request in told_with(text, values):
        try:
            return context, answer(request)
        except refused as exc:
            # A request that names nothing measurable ("Going once, going twice...") says less than a
            # longer one's refusal.
            if last is None or not isinstance(exc, NamesNothing):
                last = exc
    if last is not None:
        raise last
    return None


def context_note(context: str) -> str:
    """What the chart's description says of the context it set aside."""
    return f"\u201c{context}\u201d, read as context and not as part of the question"

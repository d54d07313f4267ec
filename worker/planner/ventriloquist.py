"""A ventriloquist on stage with a dummy ("Say hello to Barney, folks!", "Gottle o' geer!", "My lips never
moved!", "I've had this dummy since 1979", "Three shows tonight, 7, 8 and 10", "We're on in 10 minutes",
"Barney, don't be rude to the gentleman in row 8", "Barney says gold is for grown-ups", "his pocket-money
dollars", "We did a show for the Rotary Club in 1998 and nobody laughed"), whose patter is set aside around
the one request it carries. Read only in a question that carries one of the act's markers below (a
ventriloquist, the dummy or puppet, "gottle of geer", lips that didn't move, an act introduced, shows
tonight, on stage in minutes, someone in a row of the audience, the dummy on a knee, a dummy's cheek:
pocket money, things "for grown-ups"), so any other question ("pipe-delimited", "cut the population",
"colour it by year", "the oil price", "the engine of growth", "Ford", "lunch only", "tips by day", "the
light at dinner", "dummy variables", "a puppet government", "row 3 of the table") reads exactly as before:
- a sentence or clause of the act that asks nothing comes off whole (worker.planner.voice_asides), and so
  does the dummy's own talk (what he says, thinks or wants) even when it names the data: the shows' hours
  and "on in 5 minutes" are no limit, hour or party size; the dummy's age, his glasses of water, a seat's
  row and the jokes counted no limit, threshold or party size; his pocket-money dollars no currency or
  threshold; the dummy's years and a show in 2013 no period or year; a safari in Kenya, a cousin in Estonia
  or a tour of Britain no country; the gold one and a silver bow tie no medal; a draught from the east no
  wind direction; his pipe on Sundays no smoker or day; his mum's irises no dataset; the lady who voted for
  Coderre no candidate; the dummy's opinion of a share price no request;
- a lead-in while the act goes on ("Between shows:", "While Barney has a nap,") and a hand-over after
  the patter ("Barney wants to know:", "On with the show:", "Anyway -") are the request's start; a "that
  year" points back to the year the patter told.
A choice left to someone ("whichever Barney prefers") and a sentence opening with a request's verb ("Chart
the jokes Barney told") are the request's and stay. What the request itself asks that the data lacks (the
laughs of each show, the funniest company, pounds sterling, an hour of the bills, a year or a country the
data has not) is left as it is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import (
    ASKS,
    HANDOVER,
    REQUEST_VERBS,
    request_read_in_year,
    untold,
    without_asides,
)
from worker.semantic import SemanticModel

__all__ = ["unventriloquist"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_NAME = r"(?-i:[A-Z][a-z]+)"
# The dummy, not a statistician's ("dummy variables") nor a politician's ("a puppet government").
_DUMMY = (
    r"(?:my|this|the|his|her|a|our)\s+(?:wooden\s+|little\s+)?(?:dummy|puppet)(?!\s+(?:data|variables?|values?"
    r"|columns?|rows?|series|coding|encoding|fields?|tables?|charts?|states?|regimes?|governments?))"
)
# Marks the act alone makes. Not "show", "row", "stage", "pipe", "tonight" or a name alone ("show the tips",
# "row 3 of the table", "Ford"): they are the act's beside its other words.
_MARKS = (
    rf"ventriloquis\w+|{_DUMMY}|gottle\s+o[f']\s+geer|lips\s+(?:didn{_Q}t|did\s+not|never|don{_Q}t|won{_Q}t)"
    rf"\s+mov\w*|say\s+hello\s+to\s+{_NAME}|(?:two|three|four|\d)\s+shows\s+(?:tonight|today|a\s+night)"
    rf"|(?:we{_Q}re|we\s+are|I{_Q}m)\s+on\s+(?:stage\s+)?in\s+\d+\s+minutes|on\s+my\s+(?:knee|lap)"
    r"|(?:lady|gentleman|gent|kid|folks?)\s+in\s+(?:the\s+)?(?:front\s+row|back\s+row|row\s+\d+)"
    r"|pocket[-\s]money|(?:is|are)\s+for\s+(?:grown-?ups|sissies|babies)"
)
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# The dummy's name: whom the act introduces or tells off, who rests meanwhile, or who opens a sentence with
# the dummy's doings.
_NAMED = re.compile(
    rf"(?:say\s+hello\s+to|meet|{_DUMMY},?|(?:while|whilst|as|before|after)(?=\s+{_NAME}\s+(?:has|takes|gets"
    rf"|sips|naps|sulks)\b))\s+({_NAME})\b|(?:^|[.!?]\s+)({_NAME})(?:,\s+(?:stop|don{_Q}t|do\s+not"
    rf"|be|behave|sit|say)\b|{_Q}s\s+(?:got|had|been|brought|cousin|mum|dad)\b|\s+(?:says|said|thinks|reckons"
    r"|wants|went|smokes|has|had)\b)",
    _I,
)
_NOT_NAMES = re.compile(r"^(?:he|she|it|they|we|you|this|that|there|my|our|his|her)$", _I)
# Words of the act, with the dummy's name: a sentence or clause with one that asks nothing is the act's.
_WORDS = (
    r"dummy|puppets?|shows?|tonight|stage|audience|crowd|row\s+\d+|front\s+row|laugh\w*|jokes?|songs?|lips"
    r"|rude|stop\s+(?:that|it)|ear|draught|wooden|toy|grown-?ups|sissies|mum|dad|cousin|greedy|tour\w*"
    rf"|towns|thank\s+you|years\s+old|minutes|o{_Q}clock|sold\s+out|encore|applause|clapp\w*|heckl\w*"
    r"|curtain|interval|money|bow\s+tie|safari|glass(?:es)?\s+of\s+water|geer"
)
# What asks beyond ASKS: an operation on the data. The dummy's talk without one asks nothing.
_OPERATES = re.compile(
    rf"\b(?:{REQUEST_VERBS}|average|mean|median|total|number\s+of|per|each|every|by|versus|vs|against|top|bottom"
    r"|most|least|highest|lowest|biggest|smallest|sorted|only|between|histogram|scatter|pie|line)\b",
    _I,
)
# The act's "a show" is no request to show, the dummy's wants are not the asker's, and "so what does he know"
# asks nothing.
_NOT_ASKING = re.compile(
    r"\b(?:a|the|our|each|every|this|that|one|next|late|early|first|last)\s+show\b|(?:so\s+)?what\s+(?:does|do)"
    r"\s+(?:he|she|they|I)\s+know\b|\bwants\s+(?!to\s+(?:know|see)\b)",
    _I,
)


def unventriloquist(text: str, model: SemanticModel) -> str:
    """`text` with a ventriloquist's patter set aside around the request; other text unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    told = tidy(text)
    found = {n for m in _NAMED.finditer(told) for n in m.groups() if n}
    dummies = {n for n in found if not (_NOT_NAMES.search(n) or names.values.search(n))}
    dummy = "|".join(sorted(dummies)) or r"(?!x)x"
    stage = re.compile(rf"\b(?:{_MARKS}|{_WORDS}|{dummy}(?:{_Q}s)?)\b", _I)
    clause = re.compile(
        rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b).*?{stage.pattern}", _I | re.DOTALL
    )
    lead_in = re.compile(
        r"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|during|before|after|between)\s+[^,.!?:;]{0,30}?\b"
        rf"(?:shows?|acts?|the\s+interval|curtain|stage|{dummy})\b[^,.!?:;]{{0,20}}|on\s+with\s+the\s+show"
        rf"|for\s+(?:my|our)\s+next\s+trick|(?:{dummy})\s+(?:wants\s+to\s+know|asks|says)(?=\s*:))\s*[,:!]\s*",
        _I,
    )

    def _told(sentence: str) -> bool:
        plain = _NOT_ASKING.sub(" ", sentence)
        return bool(stage.search(sentence)) and not (ASKS.search(plain) or _OPERATES.search(plain))

    read = untold(lead_in.sub(" ", told).strip(), _told)
    read = tidy(HANDOVER.sub("", without_asides(read, clause, names)))
    if read == told:
        return text
    return request_read_in_year(text, read, told, model)

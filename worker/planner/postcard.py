"""A holiday postcard ("Greetings from Lisbon!", "Weather lovely, 28 degrees every day.", "Wish you were
here!", "Day 5 of 14 in Crete", "Back on the 21st", "Love, Aunt Pat.", "P.S. Could you look something up for
me: ...") around the one request it carries. Read only in a question that carries one of the card's
markers below, so any other question reads exactly as before. "P.S." alone is no marker: an e-mail's
postscript is worker.planner.letters' and worker.planner.pasted_messages', and "degrees", "every day",
"Mexico" or "greetings" in an ordinary question are the question's.
- After a "P.S." the request is what follows it ("Could you look something up for me:" and "Could you
  look up" hand over to it and come off): the card before it is news, so its places, temperatures ("28
  degrees" is no unit and no threshold), habits ("every day" is no daily grain, "the wind blows from the
  south-east" no direction filter), day counts ("Day 5 of 14" no limit), return dates and signature set
  nothing;
- without a "P.S.", a sentence or clause of the card's news that asks nothing comes off whole
  (worker.planner.voice_asides);
- a pronoun of the request ("their", "those two") with nothing of its own to stand for points back to the
  values the card named ("We flew over India and China. P.S. their population"): the card names them only
  so the request can use them, so they are put into the request (worker.planner.context keeps any text
  whose request points back uncut, so without this the card's news would stay and stop the question).
What the request itself asks that the data lacks (postcards sent, temperatures, the day they arrived) is
left as it is, and refused downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, capitalised_values, listed, names_of
from worker.planner.voice_asides import asks_of, without_asides
from worker.semantic import SemanticModel

__all__ = ["unpostcard"]

_I = re.IGNORECASE
_FINE = r"lovely|glorious|gorgeous|perfect|wonderful|beautiful|fabulous|heavenly|superb"
_KIN = r"aunt(?:ie)?|uncle|cousin|gran|nana|grandma|grandpa|mum|mom|dad"
# The voice: nothing below is read in a question without one of these ("Greetings, earthlings" is the
# alien's, "Dear team" a letter's).
_VOICE = re.compile(
    r"\bgreetings\s+from\s+(?:sunny\s+|rainy\s+)?(?-i:[A-Z])|\bwish\s+you\s+were\s+here\b"
    rf"|\bweather(?:'s|\s+is|\s+has\s+been)?\s+(?:\w+\s+)?(?:{_FINE})\b"
    r"|\bday\s+\d+\s+of\s+\d+\b|\bback\s+(?:home\s+)?on\s+the\s+\d+(?:st|nd|rd|th)\b"
    rf"|\blove(?:\s+to\s+(?:everyone|you\s+all|all))?,?\s+(?:{_KIN})\b"
    r"|(?:^|[.!?]\s+)love,\s+(?-i:[A-Z])\w+\W*(?:$|P\.\s?S\.)",
    re.IGNORECASE | re.MULTILINE,
)
_PS = re.compile(r"\bP\.\s?S\.?(?=\s|$)[\s:,-]*")
# Words of the card: a sentence or clause with one that asks nothing is the card's news.
_NEWS = re.compile(
    rf"{_VOICE.pattern}|\b(?:greetings|weather|degrees|sun\w*|rain\w*|breeze|beach|hotel|holiday|trip"
    r"|we|we're|our|us|I|I'm|my|love|here|today|tonight|every\s+(?:day|night|morning|afternoon|evening))\b",
    _I,
)
# The hand-over to the request: "Could you look something up for me:", "Could you look up".
_HANDOVER = re.compile(
    r"^\W*(?:(?:could|can|would|will)\s+you\s+(?:please\s+)?|please\s+)?"
    r"look\s+(?:(?:something|this|a\s+few\s+things|a\s+thing)\s+up(?:\s+for\s+me)?\s*[:,.-]+"
    r"|up\s+(?:for\s+me\s+)?)\s*",
    _I,
)
# A pronoun that stands for what came before: the card's values when the request names none of its own.
_BACK = re.compile(r"\b(?:their|those\s+two|these\s+two|both\s+of\s+them|them|they)\b", _I)


def unpostcard(text: str, model: SemanticModel) -> str:
    """`text` without a holiday postcard's news around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    card, request = _split(text, names)
    if request is None:
        read = without_asides(text, _NEWS, names)
        return text if read == text else tidy(read)
    return tidy(_pointed_back(_HANDOVER.sub("", request), card, names))


def _split(text: str, names: Names) -> tuple[str, str | None]:
    """The card and the request after its "P.S.", or no request when no "P.S." carries one (a
    postscript about the cat asks nothing: the request is then among the card's sentences)."""
    ps = _PS.search(text)
    if ps is None:
        return text, None
    after = text[ps.end() :].strip()
    return (text[: ps.start()], after) if after and asks_of(after, names) else (text, None)


def _pointed_back(request: str, card: str, names: Names) -> str:
    """The request with a pronoun that points back as the values the card named ("India and China")."""
    told = capitalised_values(card, names)
    if not told or capitalised_values(request, names) or not _BACK.search(request):
        return request
    said = listed(told)
    return _BACK.sub(lambda m: f"{said}'s" if m[0].lower() == "their" else said, request, count=1)

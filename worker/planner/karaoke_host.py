"""A karaoke host on the mic, whose patter is set aside around the one request it carries. Read only in a
question that speaks it (a marker below: "Next up on the mic: table 7!", "Give it up for Dave!", "Song number
42 in the book", "Two more singers before the break", "Everybody sing along!", "Ladies' night, duets only
after 10", "It's Friday karaoke", "That was Sweet Caroline - wow!"), so any other question ("the ladies",
"table 7", "next up", "number 42" or "song" in an ordinary one) reads exactly as before:
- the singer's introduction ("Give it up for Priya from table 5!") comes off whole: the singer's name is no
  value ("Iris" no dataset, "Priya" no company) and the table no party size or limit;
- a sentence or clause of the night that asks nothing comes off whole (worker.planner.voice_asides): table
  and song numbers are no party size, limit, value or year, "two more singers" no limit, "Ladies' night" no
  sex filter, "duets only" no party size of 2, "after 10" no threshold, "Friday karaoke" no day filter, a
  song's title no value, and the room's wind no direction;
- a lead-in ("While they find the song,", "Meanwhile") hands over to the request, and "She asks for X"
  after the singer's introduction is the singer's request X;
- a pronoun of a guests' request ("their two countries") with nothing of its own points back to the homes
  the host named ("one from India and one from China"), as in worker.planner.postcard.
What the request itself asks that the data lacks (songs sung, a table's tip tonight, applause) is left as it
is, and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, capitalised_values, listed, names_of
from worker.planner.voice_asides import request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["unkaraoke"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_NIGHT = (
    r"karaoke|on\s+the\s+mic|give\s+it\s+up\s+for|song\s+number\s+\d+|more\s+singers|sing(?:\s+|-)along"
    rf"|ladies{_Q}?\s+night|duets?|encore|next\s+up\s+(?:on\s+the\s+(?:mic|stage)|to\s+sing)"
)
# The voice: nothing below is read in a question without one of these. A song sung is "That was <Title>"
# with the host's cheer after a dash ("- wow!", "- what a voice!").
_VOICE = re.compile(
    rf"\b(?i:{_NIGHT})\b|\b[Tt]hat\s+was\s+[A-Z][^.!?]{{0,50}}?\s+[-\u2013\u2014]+\s+(?i:wow|what\s+a)\b"
)
# Words of the night: a sentence or clause with one that asks nothing is the host's. Not "cheer" or
# "applause": "whichever gets the loudest cheer" leaves the median or the average open, and stays refused.
_STAGE = re.compile(
    rf"{_VOICE.pattern}|\b(?i:table\s+\d+|song|singers?|stage|mic|break|book|night|wow|room|patio|doors?"
    r"|bar\s+is\s+open|drinks?)\b"
)
# The singer's introduction, a sentence of its own: the name and table are no values. "She asks for"
# right after it points to the singer just named, so it goes too (worker.planner.relayed_requests reads
# named askers only, and "Iris asks" would name a dataset).
_INTRO = re.compile(
    r"(?:^|(?<=[.!?])\s+)give\s+it\s+up\s+for\s+[^.!?]{1,60}[.!?]+\s*"
    r"(?:(?:she|he|they)\s+(?:asks|wants|would\s+like|requests|asked|wanted)(?:\s+for)?\s*:?\s*)?",
    _I,
)
_LEAD_IN = re.compile(
    r"(?:^|(?<=[.!?:])\s+)(?:meanwhile|in\s+the\s+meantime|(?:while|as)\s+(?:they|we|he|she|you)"
    r"\s+(?:find|look\s+for|cue\s+up|queue\s+up|pick|choose|load)\s+(?:the|their|his|her|a)\s+"
    r"(?:song|track|tune|number)s?)\s*[:,]?\s*",
    _I,
)
# A guest who named a home ("A guest from Brazil asks", "Two guests, one from India and one from China,
# ask"): the home is context, left for the request to name again or point back to.
_HOMES = re.compile(
    r"\b(?P<who>(?:an?|one|the|\w+)\s+guests?(?:\s+at\s+table\s+\d+)?)"
    r"(?:\s+from\s+(?P<home>(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)*)|\s*,\s*(?P<homes>[^.!?]{1,80}?)\s*,)"
    r"\s+(?=(?:asks?|wants?|would\s+like|requests?)\b)",
    _I,
)
# What a guest asks, handed over when the plural "ask" leaves it to no reader after this one.
_ASK = re.compile(r"^(?:asks?|wants?|would\s+like|requests?)(?:\s+for)?\s*:?\s*", _I)
_BACK = re.compile(
    r"\b(?:(?:their|his|her)(?:\s+(?:two|three|own))?\s+(?:home\s+)?(?:countries|country|nations?|homes?)"
    r"|both\s+of\s+them|them)\b",
    _I,
)


def unkaraoke(text: str, model: SemanticModel) -> str:
    """`text` with a karaoke host's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    read = _LEAD_IN.sub(" ", _INTRO.sub(" ", text)).strip()
    read = _guests_asking(read, names)
    read = tidy(without_asides(read, _STAGE, names))
    return request_read(text, read, model)


def _guests_asking(text: str, names: Names) -> str:
    """`text` without a guest's home, put in for the request's pronoun that points back to it."""
    guests = _HOMES.search(text)
    if guests is None:
        return text
    request = _ASK.sub("", text[guests.end() :]) if guests["homes"] else f" {text[guests.end() :]}"
    homes = capitalised_values(guests["home"] or guests["homes"], names)
    if homes and not capitalised_values(request, names):
        said = listed(homes)
        request = _BACK.sub(said, request, count=1)
    lead = text[: guests.start()] if guests["homes"] else text[: guests.start()] + guests["who"]
    return f"{lead}{request}".strip()

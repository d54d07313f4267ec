"""An alien visitor's greetings ("Greetings, earthlings", "We come in peace") set aside around the one request
they carry. Read only in a question that speaks the voice (a marker below: "earthlings", "Zorg", "mothership",
"tentacles", "light-years", "Earth years", "we come in peace", "take me to your leader", "beam (me) up", "your
primitive species", "your planet", "your eating places", "the humans call it"), so any other question reads
exactly as before:
- "Greetings(, earthlings)", "Greetings from 40 light-years away" and "earthlings" as an address say nothing;
- a sentence of the voice that asks nothing (no question, no "show me" / "beam up" / "I want", no chart asked
  for) is a scene and comes off whole: "On my planet Zorg we have seven moons", "In Earth years I am 300",
  "The humans call it a 'tip'", "My tentacles count four of them", "We come in peace to your gardens": a
  value, chart type or number it names (moons, tentacles, light-years, the alien's age) sets nothing unless
  the request names it again;
- in a sentence that asks, a clause or comma-piece of the alien's own things (tentacles, moons, mothership,
  light-years, Earth years, "your species") that names nothing of the data comes off with its dash, colon or
  comma ("... as a scatter - my eight tentacles are ready", "Your primitive species does: show me ..."),
  unless it leaves a choice open ("whichever your species prefers": "you");
- when every sentence is a scene, the request is in those that name the data ("Tip by day for my mothership");
- "Beam (me) up" and "Take me to your leader - I mean, to" hand over the request ("show me"), "in Earth years"
  is the data's own unit, "the Earth year 1977" is 1977, and "your planet", "your eating places" and "your
  gardens" are the data's world, restaurant and flowers: they come off.
What the request itself asks of another world (Zorg, Mars, a planet's population, Zorg years, the leader of
planet Earth) is left as it is, and so are two charts and a choice left open: refused downstream as what the
data cannot answer. Text not recognised is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, names_of
from worker.semantic import SemanticModel

__all__ = ["unalien"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_DASH = r"[-\u2013\u2014]"
# The alien's own things: patter wherever they stand, as no dataset holds them.
_OWN = (
    r"earthlings?|zorgians?|mother-?ships?|space-?ships?|flying\s+saucers?|saucers?|tentacles?|tentacled"
    r"|antennae|moons?|light-?years?|earth\s+years?|we\s+come\s+in\s+peace|greetings|your\s+leader"
    r"|your\s+(?:primitive\s+|puny\s+|human\s+)?species|humans"
    r"|your\s+(?:primitive\s+)?planet|your\s+eating\s+places|your\s+gardens"
)
# Another world's things: a scene when nothing is asked, but a request for them stays (and is refused).
_WORLD = r"zorg|mars|martians?|planets?|galax(?:y|ies)|orbits?|aliens?|ufos?|earth(?!\s+years?\b)"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    r"\b(?:earthlings?|zorg(?:ians?)?|mother-?ships?|flying\s+saucers?|tentacle[sd]?|light-?years?"
    r"|earth\s+years?|we\s+come\s+in\s+peace|take\s+me\s+to\s+your\s+leader|beam\s+(?:me\s+|us\s+)?up"
    r"|your\s+(?:primitive|puny)\s+species|your\s+(?:primitive\s+)?planet|your\s+eating\s+places"
    r"|(?:the|you)\s+humans\s+call)\b",
    _I,
)
_OWN_RE = re.compile(rf"\b(?:{_OWN})\b", _I)
_ALIEN = re.compile(rf"\b(?:{_OWN}|{_WORLD})\b", _I)
_WORLD_RE = re.compile(rf"\b(?:{_WORLD})\b", _I)
_CHART = r"(?:pie|line|bar|histogram|scatter|area|donut|chart|graph|plot)s?"
# What asks: a question, an imperative, a hand-over, a chart; the charts it names are never patter.
_ASKS = re.compile(
    rf"\?\s*$|^\W*(?:show|plot|draw|chart|graph|give|list|compare|tell|rank|display)\b"
    rf"|\b(?:show|give|tell)\s+(?:me|us)\b|\bbeam\s+(?:me\s+|us\s+)?(?:up|down)\b|\bhow\s+(?:many|much)\b"
    rf"|\b(?:I|we)\s+(?:want|need|would\s+like|wish\s+to\s+see)\b|\b(?:I|we){_Q}d\s+like\b"
    rf"|\b(?:can|could|would)\s+you\b|\blet\s+(?:me|us)\s+see\b|\b(?:charts?|graphs?|plots?)\b"
    rf"|\bas\s+(?:an?\s+|one\s+)?{_CHART}\b|\ban?\s+{_CHART}\s+(?:chart\s+)?of\b",
    _I,
)
# A choice left to the reader ("whichever your species prefers") is the request's, and refused downstream.
_CHOICE = re.compile(r"\b(?:whichever|either|or|choose|pick|decide|up\s+to\s+you|your\s+call)\b", _I)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# A clause ends at a spaced dash, a colon, a semicolon or ", but"; the mark is kept with the clause after.
_CLAUSES = re.compile(rf"(\s+{_DASH}+\s+|:\s+|;\s+|,\s+but\s+)")
_PIECES = re.compile(r"(,\s+)")
_GREETING = re.compile(
    r"^\W*(?:greetings|salutations)\b(?:\s+(?:from|across)\s+[^.!?,:;]*)?\s*[,!.:;]*\s*", _I
)
_ADDRESS = re.compile(
    r",\s*(?:my\s+)?(?:dear\s+|fellow\s+)?earthlings\b(?=\s*(?:[,.!?:;]|\s[-\u2013\u2014]|$))"
    r"|^\W*(?:dear\s+|fellow\s+)?earthlings\s*[,!.:;]+\s*",
    _I,
)
# "Take me to your leader - I mean, to the 10 most populous countries": the request is where it is taken.
_TAKE_ME = re.compile(
    rf"\btake\s+me\s+to\s+your\s+leader\s*(?:{_DASH}+|[,.!;])*\s*"
    r"(?:I\s+mean|or\s+rather|actually|no|sorry|rather)\s*,?\s*(?:take\s+me\s+)?to\s+",
    _I,
)
_PLACE = r"(?:(?:primitive\s+)?planet|world|eating\s+places|restaurants?|gardens?|stock\s+markets?)"
_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"\bbeam\s+(?:me\s+|us\s+)?(?:up|down)\b(?:\s*,\s*scotty\b)?(?:\s*[,:](?=\s))?", _I),
        "show me",
    ),
    # "what you humans call the tip" is the tip.
    (re.compile(r"\bwhat\s+(?:you\s+)?(?:humans|earthlings)\s+call\s+", _I), ""),
    (re.compile(rf"\s*\b(?:at|in|of|on|from|across|around|for)\s+your\s+{_PLACE}(?:{_Q}s)?", _I), ""),
    (re.compile(r"\s*\b(?:for|of|among)\s+your\s+(?:primitive\s+|puny\s+|human\s+)?species\b", _I), ""),
    # Left after that, "your species" is the one addressed: "whichever your species prefers" is "you".
    (
        re.compile(
            r"\byour\s+(?:primitive\s+|puny\s+|human\s+)?species\b(?:\s+(prefer|like|want|choose|pick)s\b)?",
            _I,
        ),
        r"you \1",
    ),
    (re.compile(r"\s*\b(?:to|for|aboard|onto|on)\s+(?:my|our|the)\s+(?:mother-?|space-?)ship\b", _I), ""),
    # "in Earth years" is the data's own unit, "the Earth year 1977" is 1977.
    (re.compile(r",?\s*\b(?:measured\s+)?in\s+Earth\s+years\b(?=\s*[,.!?;:]|\s*$)", _I), ""),
    (re.compile(r"\b(?:the\s+)?Earth\s+years?\s+(?=\d{4}\b)", _I), ""),
]
_LEAD = re.compile(
    r"^(?:[\s,:;.!?\u2013\u2014-]|\b(?:and|but|so|now|then|well|here|okay|ok)\b(?=\W)"
    r"|\bfirst\s*[,:]|\bbut\s+first\b(?=\W))+",
    _I,
)
_EMPTY = re.compile(r"^[\s,:;.!?\u2013\u2014'\"-]*$")


def unalien(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside around the request it carries; unchanged when it does not speak it."""
    if not _VOICE.search(text):
        return text
    taken = _TAKE_ME.sub("show me ", text)
    names = names_of(model)
    sentences = [_sentence(s, names) for s in _SENTENCES.split(_ADDRESS.sub("", taken).strip())]
    kept = [s for s in sentences if not _EMPTY.match(s)]
    if not kept:
        # Every sentence a scene: the request is in those that name the data ("Tip by day for my mothership").
        sentences = [_sentence(s, names, scenes=False) for s in _SENTENCES.split(_ADDRESS.sub("", taken))]
        kept = [s for s in sentences if not _EMPTY.match(s) and _names_data(s, names)]
    if not kept:
        return text
    read = tidy(" ".join(kept))
    return read if read != tidy(text) else text


def _sentence(sentence: str, names: Names, scenes: bool = True) -> str:
    """The sentence's request, or "" when it is a scene of the voice that asks nothing (read as `scenes`)."""
    # The scene is judged whole: "Greetings from afar, where it is 1952." goes with its greeting.
    if scenes and _ALIEN.search(sentence) and not _ASKS.search(sentence):
        return ""
    sentence = _ADDRESS.sub("", _GREETING.sub("", sentence))
    clauses = _kept(_CLAUSES.split(sentence), lambda c: _patter(c, names))
    pieces = _kept(_PIECES.split(clauses), lambda p: _patter(p, names))
    return _phrased(pieces)


def _kept(parts: list[str], patter: Callable[[str], bool]) -> str:
    """The parts (clause, mark, clause, ...) without those of patter, each clause with the mark before it."""
    out = parts[0] if not patter(parts[0]) else ""
    for mark, part in zip(parts[1::2], parts[2::2], strict=True):
        if not patter(part):
            out = f"{out}{mark}{part}" if out else part
    return out


def _patter(part: str, names: Names) -> bool:
    """Whether a clause is the alien's own patter: it speaks of the alien's things, of no other world (that
    is asked for, and refused), asks nothing and, without the alien's words, names nothing of the data."""
    if not _OWN_RE.search(part) or _WORLD_RE.search(part) or _ASKS.search(part) or _CHOICE.search(part):
        return False
    return not _names_data(_OWN_RE.sub(" ", part), names)


def _names_data(text: str, names: Names) -> bool:
    return bool(names.values.search(text) or names.measures.search(text) or names.groups.search(text))


def _phrased(sentence: str) -> str:
    sentence = _LEAD.sub("", sentence)
    for pattern, plain in _PHRASES:
        sentence = pattern.sub(plain, sentence)
    return _LEAD.sub("", sentence).strip()

"""A surfer's talk ("Duuude", "gnarly", "hang ten, bro") set aside around the one request it carries.
Read only in a question that speaks it (a marker below: "Duuude", "bro" / "dude" as an address, "gnarly" /
"gnarliest", "(totally) tubular", "stoked", "hang ten / loose", "cowabunga", "wiped out", "wipeout", "the flip
side", "surf", "surfers", "swell", "the waves", "ten-footers", "eight-foot swell", "the lineup", "my quiver",
"the taco shack", "paddle out", "sickest"), so any other question reads exactly as before ("like" or "dude"
in an ordinary sentence is no marker):
- "bro" / "dude" as an address, an interjection that opens a sentence ("Gnarly,", "Totally tubular:") and
  "like," as a filler ("Like, show me ...", "..., like, one line") say nothing and come off;
- a sentence of the surf that asks nothing (no question, no "show" / "what I need", no measure or group of the
  data) is a scene and comes off whole: "Gnarly session - three boards and eight-foot swell!", "The waves were
  epic, like, ten-footers all day", "Ten surfers in the lineup were guessing", "Catch you on the flip side!",
  and so does a claim tagged ", right?" ("Apple was riding a sick wave in 2019, right?"): a value, year,
  chart or count it names (boards, waves, surfers, feet of swell, a crew of six, a wipeout last Sunday) sets
  nothing unless the request names it again;
- in a sentence that asks, a clause of the surf that asks nothing comes off with its dash, colon or ", but"
  ("The swell was rolling in from the north-west, but ...", "... by votes - like, the gnarliest ones");
- "Stoked on X" before a request that points back ("their", "its") names X for it: "Stoked on Netflix and
  Amazon, bro. Their weekly share prices" is Netflix and Amazon's; Tesla stays named, and refused downstream;
- "gnarliest" / "sickest" are praise: the top only beside a measure and a ranking the request itself says
  ("the gnarliest GDP per capita ..., like, the highest one?" is the highest GDP per capita); with no ranking
  said, the praise is left as it is (and refused downstream as what the data cannot answer).
Two (or separate) charts are refused here: chartq draws one chart per question. Wave heights, surf forecasts,
offshore winds or a choice left open ("whichever") are the request's own and left as they are, to be refused
downstream as what the data cannot answer. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.chart_count import refuse_second_chart
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, names_of
from worker.semantic import SemanticModel

__all__ = ["unsurf"]

_I = re.IGNORECASE
_ADDRESSED = r"(?:bro|brah|bruh|dude|du+u+de)"
# "bro" / "dude" opening a sentence or closing a clause: an address, not a word of the request.
_ADDRESS = re.compile(
    rf",\s*(?:my\s+)?{_ADDRESSED}\b(?=\s*(?:[,.!?:;]|\s[-\u2013\u2014]|$))"
    rf"|(?:^|(?<=[.!?]\s))\W*{_ADDRESSED}\s*[,!:]\s*",
    _I,
)
_SURF_TALK = (
    r"du+u+de|gnarl(?:y|ier|iest)|tubular|stoked|hang\s+(?:ten|loose|five)|cowabunga|wiped?\s+out|wipe-?outs?"
    r"|flip\s+side|surf(?:s|ed|ing|ers?|boards?)?|swells?|the\s+waves|sickest|\w+-foot(?:ers?)?|the\s+lineup"
    r"|my\s+quiver|taco\s+shack|paddle\s+out"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_SURF_TALK})\b|{_ADDRESS.pattern}", _I)
# Words of the surf: a sentence or clause with one that asks nothing is a scene.
_SURF = re.compile(
    rf"\b(?:{_SURF_TALK}|{_ADDRESSED}|waves?|boards?|beach(?:es)?|tacos?|crew|buddies|sets|quiver|waxed|lineup"
    r"|session|dawn|ocean|tide|reef|barrels?|epic|rad|sick|catch\s+(?:you|ya))\b",
    _I,
)
# "What a session!" and "How epic was that?" exclaim and ask nothing.
_EXCLAIMS = re.compile(
    r"\b(?:what\s+an?|how\s+(?:gnarly|epic|sick|rad|cool|awesome|sweet|tubular|big|huge))\b[^.!?,]*[.!?]*", _I
)
_CHART = r"(?:pie|line|bar|histogram|scatter|area|donut|chart|graph|plot)s?"
# What asks: a question, a request's verb, a chart of the data or "I need"; measures are checked apart.
_ASKS = re.compile(
    rf"\?\s*$|\b(?:show|plot|draw|give|list|compare|tell|how|what|which|who|whose|where|when|let\s+me\s+see"
    rf"|I\s+(?:want|need|would\s+like)|I['\u2019]d\s+like|an?\s+{_CHART}\s+of|as\s+(?:an?\s+)?{_CHART})\b",
    _I,
)
# "..., right?": a claim tagged as a question asks nothing.
_TAGGED = re.compile(r",\s*right\s*\?\s*$", _I)
_OPENER = re.compile(
    r"^\W*(?:(?:totally\s+)?tubular|gnarly|stoked|cowabunga|rad(?:ical)?|whoa|epic|sweet)\b\s*[,!:]\s*", _I
)
_LIKE = re.compile(r"(?<!['\u2019]d\s)(?<!would\s)\blike,\s*", _I)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# A clause ends at a spaced dash, a colon, a semicolon or ", but"; the mark is kept with the clause after.
_CLAUSES = re.compile(r"(\s+[-\u2013\u2014]+\s+|:\s+|;\s+|,\s+but\s+)")
_STOKED_ON = re.compile(r"\bstoked\s+(?:on|about|for)\s+(?P<x>[^,.!?;:]+)", _I)
_POINTS_BACK = re.compile(r"\b(?:their|its|them|those\s+two|both)\b", _I)
# Praise that ranks only with the ranking the request says, restated as "..., like, the highest one?".
_PRAISE = re.compile(r"\b(?:gnarliest|sickest|raddest)\b", _I)
_RANKED = re.compile(
    r"(?:\s*(?P<clause>,|\s[-\u2013\u2014]+)|(?<=[?.!]))\s*(?:like,?\s*)?(?:just\s+)?the\s+"
    r"(?P<r>highest|biggest|largest|top|best|most|lowest|smallest|least|worst)\s+one(?=\s*[?.!]|\s*$)",
    _I,
)
_LEAD = re.compile(r"^(?:[\s,:;.!?\u2013\u2014-]|\b(?:and|but|so|now|then|anyway)\b(?=\W))+", _I)
_EMPTY = re.compile(r"^[\s,:;.!?\u2013\u2014'\"-]*$")


def unsurf(text: str, model: SemanticModel) -> str:
    """`text` with a surfer's talk set aside around the request it carries; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    sentences = _SENTENCES.split(_ADDRESS.sub("", text).strip())
    refuse_second_chart(_LIKE.sub("", " ".join(sentences)), model)
    kept: list[str] = []
    for i, sentence in enumerate(sentences):
        read = _sentence(sentence, names)
        if not read and _POINTS_BACK.search(" ".join(sentences[i + 1 :])):
            read = _named(sentence)
        if not _EMPTY.match(read):
            kept.append(read)
    if not kept:
        return text
    read = tidy(_praised(" ".join(kept), names))
    return read if read != tidy(text) else text


def _sentence(sentence: str, names: Names) -> str:
    """The sentence's request, or "" when it is a scene of the surf that asks nothing."""
    sentence = _OPENER.sub("", sentence)
    if _SURF.search(sentence) and (_TAGGED.search(sentence) or not _asks(sentence, names)):
        return ""
    parts = _CLAUSES.split(sentence)
    # parts alternate clause, mark, clause, ...: a clause of patter goes with the mark before it.
    out = parts[0] if not _patter(parts[0], names) else ""
    for mark, clause in zip(parts[1::2], parts[2::2], strict=True):
        if not _patter(clause, names):
            out = f"{out}{mark}{clause}" if out else clause
    return _LEAD.sub("", _LIKE.sub("", _LEAD.sub("", out))).strip()


def _asks(text: str, names: Names) -> bool:
    text = _EXCLAIMS.sub("", text)
    return bool(_ASKS.search(text) or names.measures.search(text) or names.groups.search(text))


def _patter(clause: str, names: Names) -> bool:
    """Whether a clause is the surf's patter: it speaks of the surf and asks nothing."""
    return bool(_SURF.search(clause) and not _asks(_OPENER.sub("", clause), names))


def _named(scene: str) -> str:
    """What "Stoked on X" names, for a request that points back at it ("their", "its"); else ""."""
    m = _STOKED_ON.search(scene)
    return f"{m['x'].strip()}:" if m else ""


def _praised(text: str, names: Names) -> str:
    """Praise as the ranking said after it, only beside a measure: "the gnarliest X ..., like, the highest
    one?" is "the highest X ...?"; a restating clause comes off, a sentence ("Just the top one.") stays."""
    praise, ranked = _PRAISE.search(text), _RANKED.search(text)
    if praise is None or ranked is None or not names.measures.search(text[praise.end() : ranked.start()]):
        return text
    rank = "highest" if ranked["r"].lower() in ("top", "best", "most") else ranked["r"].lower()
    rest = text[ranked.end() :] if ranked["clause"] else text[ranked.start() :]
    return f"{text[: praise.start()]}{rank}{text[praise.end() : ranked.start()]}{rest}"

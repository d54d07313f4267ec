"""A social-media influencer's patter ("Hey besties!", "link in bio") set aside around the one request it
carries. Read only in a question that speaks it (a marker below: "bestie(s)", "link in bio", "smash that like
button", "subscribe", "not sponsored", "collab", "slay", "it's giving", "iconic", "main character", "top
tier", "literally obsessed", "data queen", "influencer", "followers", "10k likes"), so any other question
reads exactly as before (an ordinary "not" is the negation readers'):
- greetings and addresses ("Hey besties!", "Besties,", ", bestie"), exclamations ("Slay!", "Iconic.",
  "OMG slay!"), calls to like and subscribe ("Smash that like button", "Don't forget to subscribe!"),
  "link in bio" and a disclaimer ("This is not sponsored (by any kite brand / by X)( though)") say nothing
  and come off;
- "it's giving X" names a mood, so the clause comes off and X (a day, a year, "data queen") sets nothing;
- counts of likes, followers and views ("10k likes and counting", "50k likes if you know", "100k followers
  in Asia") are no threshold, limit or filter;
- a sentence or clause (up to a spaced dash, colon, semicolon or ", but") that speaks the voice and asks
  nothing (no request verb, no chart, no measure by a group) is the influencer's life and comes off whole:
  "Collab alert:", "Team Canada is iconic!", "Me and my 3 besties split every bill" (no party size),
  "Literally obsessed with virginica for my collab": a value, chart or number it names sets nothing unless
  the request names it again;
- "top tier" is praise: beside a measure the request names ("the top tier sepal width") it is "the top",
  and the request still says how many; elsewhere it is left as it is (and refused downstream).
What the request itself asks of the influencer's world (follower counts, likes per post, two charts for a
story, "you pick, bestie") is left as it is and refused downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, names_of
from worker.semantic import SemanticModel

__all__ = ["uninfluence"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_COUNT = r"\d+(?:[.,]\d+)?\s*[kKmM]?\+?"
_SOCIAL = r"(?:likes|followers|views|subscribers|comments|shares)"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"\b(?:besties|bestie|link\s+in\s+(?:my\s+)?bio|smash\s+that\s+like|subscribe|not\s+sponsored|collab"
    rf"|slay|it{_Q}s\s+giving|iconic|main\s+character|top\s+tier|literally\s+obsessed|data\s+queen"
    rf"|influencer|followers|{_COUNT}\s+likes)\b",
    _I,
)
# Words of the voice: a sentence or clause with one that asks nothing is the influencer's own life.
_SCENE = re.compile(
    rf"{_VOICE.pattern}|\b(?:obsessed|vibes?|aesthetic|story|feed|posts?|reels?|page|fans|content|likes"
    r"|queen|energy|team|brand|sponsor(?:ed|s)?|literally|OMG)\b",
    _I,
)
_CHART = r"(?:pie|line|bar|histogram|scatter|area|donut|chart|graph|plot)s?"
# What asks: a request's verb or question word, a chart, "I want"; a measure by a group is checked apart.
_ASKS = re.compile(
    rf"\b(?:show|plot|draw|give|list|compare|tell|chart|how|what|which|who|whose|where|when|let\s+me\s+see"
    rf"|I\s+(?:want|need|would\s+like)|I{_Q}d\s+like|{_CHART}|you\s+pick|whichever)\b",
    _I,
)
_GROUPED = re.compile(r"\b(?:each|per|by|every\s+\w+\s+(?:year|day|week))\b", _I)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# A clause ends at a spaced dash, a colon, a semicolon or ", but"; the mark is kept with the clause after.
_CLAUSES = re.compile(r"(\s+[-\u2013\u2014]+\s+|:\s+|;\s+|,\s+but\s+)")
_END = r"(?=\s*(?:[,.!?:;]|\s[-\u2013\u2014]|$))"
# Greetings, addresses and exclamations, taken off before the clauses are read.
_SAID: list[re.Pattern[str]] = [
    re.compile(r"^\W*(?:hey|hi|hello|yo|OMG)?\s*,?\s*(?:my\s+)?besties?\b\s*[!,.:]*\s*", _I),
    re.compile(rf",\s*(?:my\s+)?besties?\b{_END}", _I),
    re.compile(r"(?:^|(?<=[.!?:,\-\u2013\u2014]))\s*(?:OMG\s*,?\s*)?(?:slay|iconic)\b,?", _I),
    re.compile(r"(?:^|(?<=[.!?]))\s*OMG\b\s*[!,.]*", _I),
]
# Patter inside a clause that asks, taken off what is kept.
_INLINE: list[re.Pattern[str]] = [
    # Calls to like and subscribe, and the link in the bio.
    re.compile(
        r"\b(?:(?:please|and)\s+)?smash\s+that\s+like\s+button\b(?:\s+and\s+(?=\w))?|\b(?:(?:don"
        rf"{_Q}t|do\s+not)\s+forget\s+to\s+)?(?:like\s+(?:and|&)\s+)?subscribe\b",
        _I,
    ),
    re.compile(rf"\s*\b(?:(?:the\s+)?link\s+in\s+(?:my\s+)?bio)\b(?:\s+for\s+[^.!?:;]*?{_END})?", _I),
    # A disclaimer: "this is not sponsored (by X)( though)".
    re.compile(
        rf"\b(?:(?:this|it){_Q}?s\s+|(?:this|it)\s+is\s+|I{_Q}m\s+)?not\s+sponsored\b"
        rf"(?:\s+by\s+[^.!?:;,\u2013\u2014]*?)?(?:\s*,?\s*though)?{_END}",
        _I,
    ),
    # A mood, not a value or a period: up to the clause's end or a comma before what asks.
    re.compile(
        rf"\bit{_Q}s\s+giving\b.*?(?=\s*(?:[.!?:;]|\s[-\u2013\u2014]\s|,\s+(?:but\b|{_ASKS.pattern})|$))", _I
    ),
    # Counts of likes and followers: no threshold or limit.
    re.compile(
        rf"\b(?:with\s+)?{_COUNT}\s+{_SOCIAL}\b(?:\s+(?:and\s+counting|if\s+you\s+know|in\s+[A-Z]\w+))?", _I
    ),
]
# Praise beside a measure the request names is its top; elsewhere "top tier" is left to be refused.
_TOP_TIER = r"\btop[\s-]+tier\s+(?=(?:{m})\b)"
_LEAD = re.compile(r"^(?:[\s,:;.!?\u2013\u2014-]|\b(?:and|but|so|now|then|well)\b(?=\W))+", _I)
_EMPTY = re.compile(r"^[\s,:;.!?\u2013\u2014'\"-]*$")
# A dash or comma left hanging where the patter after it came off: "at lunch -!" is "at lunch!".
_HANGING = re.compile(r"\s*[-\u2013\u2014,:;]+\s*(?=[.!?]|$)")


def uninfluence(text: str, model: SemanticModel) -> str:
    """`text` with an influencer's patter set aside around the request it carries; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    said = text
    for pattern in _SAID:
        said = pattern.sub(" ", said)
    sentences = [_sentence(s, names) for s in _SENTENCES.split(said.strip())]
    kept = [s for s in sentences if not _EMPTY.match(s)]
    if not kept:
        return text
    read = tidy(_top_tier(" ".join(kept), names))
    return read if read != tidy(text) else text


def _sentence(sentence: str, names: Names) -> str:
    """The sentence's request, or "" when it is the influencer's patter that asks nothing."""
    parts = _CLAUSES.split(sentence)
    # parts alternate clause, mark, clause, ...: a clause of patter goes with the mark before it.
    out = parts[0] if not _patter(parts[0], names) else ""
    for mark, clause in zip(parts[1::2], parts[2::2], strict=True):
        if not _patter(clause, names):
            out = f"{out}{mark}{clause}" if out else clause
    for pattern in _INLINE:
        out = pattern.sub(" ", out)
    return _HANGING.sub("", _LEAD.sub("", out)).strip()


def _patter(text: str, names: Names) -> bool:
    """Whether text speaks the voice and asks nothing: no request verb, no chart, no measure by a group."""
    if not _SCENE.search(text) or _ASKS.search(text) or names.groups.search(text):
        return False
    return not (names.measures.search(text) and _GROUPED.search(text))


def _top_tier(text: str, names: Names) -> str:
    return re.sub(_TOP_TIER.format(m=names.measures.pattern), "top ", text, flags=_I)

"""A grandmother's letter ("Hello dear, it's Nana", "Love, Nana") set aside around the one request it carries.
Read only in a question that speaks it (a marker below: "Nana", "Granny", a grandson, granddaughter or
grandchildren, "bless you / him", "back in my day", "when I was a girl", "84 years young", knitting,
scarves, the church sale, "I baked a pie", cups of tea, "Love, Nana", or "dear" as an address: "Hello
dear,", ", dear." but never "Dear team," or "Dear all,"), so any other question reads exactly as before:
- "dear" as an address, "bless him" as an aside, "Hello dear," and "Bless you," before a request and the
  "Anyway," or "Now," that steers back to it say nothing and come off;
- a sentence of her life that asks nothing (no question, no "show" / "could you" / "I'd like", no chart
  of, no measure by a group of the data) and speaks of her family, her cat, her knitting, her baking, her
  memories or herself is a scene and comes off whole: "I baked a pie for the church sale", "My seven
  grandchildren never let me pay!", "I'm 84 years young", "Love, Nana", "Bless you.": a value, chart or
  number it names (a pie, Amazon, seven, 84) sets nothing unless the request names it again;
- a clause of memory before a dash or colon ("When I was a girl in 1947 - ...") comes off the same way;
- a year named in a memory (or any sentence that comes off) is no period, unless the request points back
  to it ("that year", "back then", "at the time") or the memory opens the very sentence that asks ("When I
  was a girl in 1952, how many people lived on each continent?"), where it is the request's year: "When I
  was a girl in 1952, the world seemed so small. How many people lived on each continent that year?" asks
  for 1952, and "... in 1947, dear - ... that year?" asks for 1947 (and is refused downstream).
Refused here: two (or separate) charts asked for ("My grandson wants two charts, bless him: ..."), as
chartq draws one chart per question, and a choice she leaves open ("whichever company my grandson bought",
"I can't remember which"), as a guess would chart what she did not mean. What the request itself asks that
the data lacks (pies sold at the church sale, tips in shillings, people aged 84, her birthday's wind) is
kept as it is, and refused downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.chart_count import refuse_second_chart
from worker.planner.errors import NotInTheData
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, names_of
from worker.semantic import SemanticModel

__all__ = ["ungrandmother"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_GRANDS = (
    r"(?:nana|nanna|granny|grandma|gran|grand(?:son|daughter|child(?:ren)?|kids?|babies)s?|great-grand\w+)"
)
# "dear" as an address: followed by a stop, so "Dear team," and "Dear all," are no address.
_DEAR = r"(?:my\s+)?dear\b(?=\s*(?:[,.!?:;]|\s[-\u2013\u2014]|$))"
_DEAR_AFTER = r"(?:,|^|\b(?:hello|hi|anyway|now|oh|well|thanks|thank\s+you|bless\s+you|yes)\b)"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"\b(?:{_GRANDS}|bless\s+(?:you|him|her|them|his|their)|back\s+in\s+my\s+day"
    r"|when\s+I\s+was\s+(?:a\s+)?(?:little\s+)?(?:girl|lass|young|child)|\d+\s+years\s+young"
    r"|knit(?:s|ted|ting)?|scarves|church\s+(?:sale|fete|f\u00eate|bazaar|jumble|hall)"
    r"|baked\s+(?:a|some|my)\s+\w+|cups?\s+of\s+tea)\b"
    rf"|{_DEAR_AFTER}\s*{_DEAR}",
    _I,
)
# Her life: a sentence that speaks of it and asks nothing is a scene.
_LIFE = re.compile(
    rf"{_VOICE.pattern}|\b(?:I|I{_Q}[mvd]\w*|me|my|we|our|us|he|she|they|his|her|their|cats?|kittens?"
    r"|wool|yarn|pies?\s+for|cakes?|biscuits|garden|television|wireless|shillings?|pennies|love)\b",
    _I,
)
_CHART = r"(?:pie|line|bar|histogram|scatter|area|donut|chart|graph|plot)s?"
# What asks: a question, a request's verb, a chart of the data; a measure by a group is checked apart.
_ASKS = re.compile(
    rf"\?\s*$|\b(?:show|plot|draw|display|give|list|compare|how|what|which|whichever|who|whose|where"
    r"|^\W*(?:please\s+)?tell|could\s+you|can\s+you|would\s+you|let\s+me\s+see"
    r"|I\s+(?:want|need|would\s+like|would\s+love)"
    rf"|I{_Q}d\s+(?:like|love)|I{_Q}m\s+after|an?\s+{_CHART}\s+of|as\s+(?:an?\s+)?{_CHART})\b",
    _I,
)
_SENTENCES = re.compile(r"(?<=[.!?])(?<!\.\.\.)\s+")
# A clause ends at a spaced dash or a colon; the mark is kept with the clause after.
_CLAUSES = re.compile(r"(\s+[-\u2013\u2014]+\s+|:\s+)")
_ADDRESS = re.compile(
    rf"(?<=\w)\s*,\s*{_DEAR}|\s*,?\s*\bbless\s+(?:him|her|them|his|their)(?:\s+hearts?)?\b", _I
)
_GREETING = re.compile(
    rf"^\W*(?:(?:hello|hi|oh|well|now|anyway|bless\s+you)\b[\s,!]*)?{_DEAR}\s*[,!.]*\s*", _I
)
_BLESS = re.compile(r"^\W*bless\s+you\s*[,!]+\s*(?=\w)", _I)
_MEMORY = re.compile(
    r"^\W*(?:when\s+I\s+was\s+(?:a\s+)?(?:little\s+)?(?:girl|lass|young|child)|back\s+in\s+my\s+day)\b"
    r"(?:[^,]*?\b(?P<year>(?:1[89]|20)\d\d)\b)?[^,]*,\s*(?=\w)",
    _I,
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# What points back to the year of a memory.
_THEN = re.compile(
    r"\b(?:(?:in|for|during)\s+)?(?:that\s+(?:same\s+|very\s+)?year|the\s+same\s+year|back\s+then"
    r"|at\s+the\s+time|in\s+those\s+days)\b",
    _I,
)
# "Is that right?" after a claim of her family's that comes off checks nothing left to chart.
_CHECK = re.compile(r"^\W*(?:is|was)\s+(?:that|it|this|he|she)\s+(?:right|true|so|correct)\W*$", _I)
# A choice she cannot make ("whichever company my grandson bought. I can't remember which").
_FORGOT = re.compile(
    r"\b(?:whichever\s+[\w\s'\u2019]*"
    rf"|I\s+(?:can{_Q}?t|cannot|don{_Q}t)\s+(?:remember|recall)\s+which"
    r"|I\s+forget\s+which)\b",
    _I,
)
_LEAD = re.compile(r"^(?:[\s,:;.!?\u2013\u2014-]|\b(?:and|but|so|now|then|well|anyway|oh)\b(?=\W))+", _I)
_EMPTY = re.compile(r"^[\s,:;.!?\u2013\u2014'\"-]*$")


def ungrandmother(text: str, model: SemanticModel) -> str:
    """`text` with a grandmother's letter set aside around the request it carries; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    _refuse_forgotten(text, model)
    names = names_of(model)
    split = _SENTENCES.split(text.strip())
    # Only a sentence that asks is read for two charts: "My grandson drew two graphs at school" is a scene.
    refuse_second_chart(" ".join(s for s in split if _asks(s, names)), model)
    years: list[str] = []
    kept = [s for s in (_sentence(s, names, years) for s in split) if not _EMPTY.match(s)]
    if not kept:
        return text
    read = tidy(_pointed_back(" ".join(kept), years))
    return read if read != tidy(text) else text


def _refuse_forgotten(text: str, model: SemanticModel) -> None:
    """Refuses a choice she leaves open ("whichever company my grandson bought"): chartq charts only what a
    question names, and a guess would chart something she did not mean."""
    forgot = _FORGOT.search(text)
    if forgot is None:
        return
    example = model.examples[0] if model.examples else "the average tip by day"
    raise NotInTheData(
        f"chartq cannot tell which one is meant (\u201c{forgot[0].strip()}\u201d): it charts only what a "
        f"question names. Name it, e.g. \u201c{example}\u201d."
    )


def _sentence(sentence: str, names: Names, years: list[str]) -> str:
    """The sentence's request, or "" when it is a scene of her life that asks nothing; the years of the
    memories set aside are added to `years`."""
    sentence = _BLESS.sub("", _GREETING.sub("", _ADDRESS.sub("", sentence)))
    if _CHECK.match(sentence) or (_LIFE.search(sentence) and not _asks(sentence, names)):
        years.extend(_YEAR.findall(sentence))
        return ""
    parts = _CLAUSES.split(sentence)
    # parts alternate clause, mark, clause, ...: a clause of her life goes with the mark before it.
    out = ""
    for mark, clause in zip(["", *parts[1::2]], parts[0::2], strict=True):
        if _LIFE.search(clause) and not _asks(clause, names):
            years.extend(_YEAR.findall(clause))
        else:
            out = f"{out}{mark}{clause}" if out else clause
    return _remembered(_LEAD.sub("", out).strip())


def _asks(text: str, names: Names) -> bool:
    return bool(_ASKS.search(text) or (names.measures.search(text) and names.groups.search(text)))


def _remembered(sentence: str) -> str:
    """A sentence that asks, with a memory opening it read as the time it asks about: "When I was a girl
    in 1952, how many ..." is "In 1952, how many ..."; a memory with no year comes off."""
    m = _MEMORY.search(sentence)
    if m is None:
        return sentence
    rest = sentence[m.end() :]
    return f"In {m['year']}, {rest}" if m["year"] else rest


def _pointed_back(request: str, years: list[str]) -> str:
    """The request with "that year" / "back then" as the one year its memories named."""
    if len(set(years)) != 1 or _YEAR.search(request):
        return request
    return _THEN.sub(f"in {years[0]}", request)

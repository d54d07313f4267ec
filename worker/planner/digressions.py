"""A rambling user's tangents and asides, set aside so the one request the message carries is read.

Read only in a message with a rambler's discourse markers ("anyway", "where was I", "long story short",
"oh and", "by the way", "before I forget", "not that it matters", "sorry, I'm rambling", "bear with me",
"random thought", "funny story", "sorry for the wall of text", "where do I even start", "that's what I'm
after", "which is a story for another day", "on second thoughts"), or in one whose request points back to
values named in a story about the user's friends and relatives ("My friend went to Brazil, Argentina and
Chile ... Life expectancy for the three of them").

- The markers themselves are context and come off.
- Where the rambler steers back to the request ("anyway,", "where was I?", "right:", "oh yes:", "long story
  short,", "not that it matters.", "- so,", "here's what I need:"), what follows the last such marker is the
  request, provided what comes before asks for nothing.
- Asides in brackets and between dashes that name nothing of the data, or talk about people ("my
  neighbour", "she says"), are context; so are whole sentences about the user's relatives, colleagues and
  life that ask for nothing.
- A value named only in a tangent is no filter; it comes back only where the request points back to it
  ("those three countries", "the three of them"), in the order it was named, and only when the count said
  matches the values named.
- "through 2019" with no start is the year itself ("in 2019"), as in betting_jargon.
- A second thought ("Actually, make it the average rather than the median") is left for the written
  corrections reader, spelt with "not" ("the average, not the median").

Two requests, no request or a request for what the data lacks are left for the readers after this one to
refuse. A message with no rambling markers is returned unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["undigress"]

_I = re.IGNORECASE
# The rambler's discourse markers: any one makes the message a rambling one.
_MARKER = re.compile(
    r"\b(?:anyway|where\s+was\s+i|long\s+story\s+short|oh,?\s+and\b|by\s+the\s+way|before\s+i\s+forget|"
    r"not\s+that\s+it\s+matters|sorry,?\s+i'?m\s+rambling|bear\s+with\s+me|random\s+thought|funny\s+story|"
    r"wall\s+of\s+text|where\s+do\s+i\s+even\s+start|that'?s\s+what\s+i'?m\s+after|"
    r"story\s+for\s+another\s+day|on\s+second\s+thoughts?)\b",
    _I,
)
_PEOPLE = (
    r"(?:cousin|uncle|aunt|nephew|niece|brother(?:-in-law)?|sister(?:-in-law)?|mum|mom|dad|father|mother|"
    r"grand(?:mother|father|ma|pa)|grandparents|parents|son|daughter|wife|husband|partner|boss|manager|"
    r"colleague|co-?worker|neighbou?r|flatmate|roommate|friend|team|book\s+club|family)"
)
# A clause about people or the user's life, rather than about the data.
_PERSONAL = re.compile(
    rf"\b(?:my\s+(?:[\w-]+\s+)?{_PEOPLE}|he|she|they|he'?s|she'?s|i|i'?m|i'?ve|we|we'?re|me)\b", _I
)
# Words that ask for a chart: a part holding one is no tangent.
_ASKS = re.compile(
    r"\b(?:show|chart|plot|graph|draw|display|give|compare|list|rank|could\s+(?:i|you)|can\s+(?:i|you)|"
    r"i\s+(?:want|need|would\s+like)|i'?d\s+like|what\s+i\s+(?:actually\s+)?want|please)\b",
    _I,
)
# A request relayed for someone ("my manager would like ...") is a request, not a tangent.
_RELAYED = re.compile(r"\b(?:would\s+like|wants?|needs?|asked\s+(?:for|me)|wanted|wondered)\b", _I)
# Where the rambler steers back to the request; the request follows the last one.
_STEER = re.compile(
    r"(?:^|(?<=[\s,.;:!?(-]))(?:anyway\s*(?:[,:!.]+|\s-)|where\s+was\s+i\s*(?:\?|\.{2,}|\u2026|:|\s-)|"
    r"right\s*:|oh\s+yes\s*[:,]|long\s+story\s+short\s*(?:[,:]|\s-)|not\s+that\s+it\s+matters\s*[.!]|"
    r"(?<=[-,:]\s)so(?:\s*[,:]|\s+(?=(?:could|can|would)\s+you\b))|"
    r"here'?s\s+(?:the\s+thing|what)\s+i\s+(?:need|want)\s*:|(?:i|we)\s+(?:want|need)\s+(?:a\s+chart|this)\s*:)\s*",
    _I,
)
# Markers and their clauses that are only the ramble's framing.
_FRAMING = [
    r"\b(?:oh,?\s+and,?\s+)?(?:one\s+more\s+thing|by\s+the\s+way|before\s+i\s+forget|while\s+i\s+think\s+of\s+it)"
    r"\s*[,:-]?\s*",
    r",?\s*\bunrelated\s+to\s+my\s+(?:last|previous|earlier)\s+(?:message|question)\b",
    r"\bsorry,?\s+i'?m\s+rambling(?:\s+again)?\s*[,.!]?\s*(?:but\s+)?",
    r"\b(?:okay,?\s+)?bear\s+with\s+me\s*[,.!]?\s*",
    r"\b(?:random\s+thought|funny\s+story)\s*[,:]?\s*(?:and\s+)?",
    r"\b(?:and\s+)?sorry\s+for\s+the\s+wall\s+of\s+text\s*[,:.]?\s*",
    r"\bwhere\s+do\s+i\s+even\s+start\s*[.?!]?\s*",
    r"\s*[-,]?\s*\bthat'?s\s+what\s+i'?m\s+after\b",
    r",?\s*\bwhich\s+is\s+a\s+story\s+for\s+another\s+day\b",
    r",?\s*\bnot\s+that\s+it\s+matters(?:\s+(?:for\s+this|much))?\b\s*[,.]?",
    r"\blong\s+story\s+short\s*[,:]?\s*",
    r"\b(?:on\s+)?second\s+thoughts?\s*,\s*",
]
_FRAMED = re.compile("|".join(f"(?:{f})" for f in _FRAMING), _I)
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_DASHED = re.compile(r"\s+-\s+(?P<aside>[^-]+?)\s+-(?=\s)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_THROUGH_YEAR = re.compile(r"(?<!-)\bthrough\s+(?=\d{4}\b)", _I)
_FROM = re.compile(r"\b(?:from|since|between)\s+\S", _I)
_RATHER = re.compile(r"^(?P<fix>actually\b.*?\S)\s+rather\s+than\s+(?P<y>[^,.;?!]+)", _I)
_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_COUNT = "|".join(_NUMBERS)
# A request's words pointing back to values the tangent named.
_BACK = re.compile(
    # "the six companies" names every company; "the three of them" and "those three" point back.
    rf"\b(?:(?:all\s+)?(?:(?:the|those|these)\s+(?P<n>{_COUNT}|\d+)\s+of\s+them|"
    rf"(?:those|these)\s+(?P<m>{_COUNT}|\d+)\s+[a-z]+s)\b|(?:those|these)\s+(?:[a-z]+s)\b)",
    _I,
)
_TIDY_START = re.compile(r"^[\s,;:.!?-]+")


def undigress(text: str, model: SemanticModel) -> str:
    """`text` with a rambler's tangents set aside around its request; unchanged without rambling."""
    names = names_of(model)
    if not _MARKER.search(text) and not _pointed(text):
        return text
    told = text
    read = _unbracket(text, names)
    read, before = _steered(read)
    read = _FRAMED.sub(" ", read)
    read = _undash(read, names)
    sentences = [s for s in _SENTENCE.split(read.strip()) if s.strip()]
    asking = [i for i, s in enumerate(sentences) if not _tangent(s)]
    # A sentence after the request that names the data ("I only care about lunch") may narrow it: kept.
    tangents = (
        [i for i, s in enumerate(sentences) if _tangent(s) and (i < asking[-1] or not _names_data(s, names))]
        if asking
        else []
    )
    if tangents:
        before += " " + " ".join(sentences[i] for i in tangents)
        read = " ".join(s for i, s in enumerate(sentences) if i not in tangents)
    if _BACK.search(read):
        read = _back(read, values_named(before, names))
        if _BACK.search(read):
            # Pointing back to values it cannot tell apart: left whole for the readers after this one.
            return told
    read = _race(_through(_rather(read)), model)
    read = tidy(_TIDY_START.sub("", read))
    return read if read.strip(" .!?") else told


def _pointed(text: str) -> bool:
    """A story about the user's people, then a request pointing back to what it named."""
    sentences = _SENTENCE.split(text.strip())
    told = " ".join(sentences[:-1])
    return bool(_BACK.search(sentences[-1])) and bool(re.search(rf"\bmy\s+(?:[\w-]+\s+)?{_PEOPLE}", told, _I))


def _unbracket(text: str, names: Names) -> str:
    """`text` without bracketed asides that talk about people or name nothing of the data."""
    return _BRACKETED.sub(lambda m: " " if _aside(m[0], names) else m[0], text)


def _undash(text: str, names: Names) -> str:
    return _DASHED.sub(lambda m: " " if _aside(m["aside"], names) else m[0], text)


def _aside(aside: str, names: Names) -> bool:
    if _ASKS.search(aside):
        return False
    return bool(_PERSONAL.search(aside)) or not _names_data(aside, names)


def _names_data(text: str, names: Names) -> bool:
    return any(p.search(text) for p in (names.values, names.measures, names.groups))


def _steered(text: str) -> tuple[str, str]:
    """The request after the last steer-back marker, and the tangent before it ("" when none)."""
    cuts = [m for m in _STEER.finditer(text) if _outside_brackets(text, m.start())]
    for m in reversed(cuts):
        before, after = text[: m.start()], text[m.end() :]
        if len(after.split()) >= 2 and not _ASKS.search(_FRAMED.sub(" ", before)):
            return after, before
    return text, ""


def _outside_brackets(text: str, at: int) -> bool:
    return text.count("(", 0, at) <= text.count(")", 0, at)


def _tangent(sentence: str) -> bool:
    """A sentence about the user's people or life that asks for nothing."""
    return bool(_PERSONAL.search(sentence)) and not _ASKS.search(sentence) and not _RELAYED.search(sentence)


def _back(request: str, values: list[str]) -> str:
    """`request` with words pointing back to the tangent's values spelt as those values."""
    m = _BACK.search(request)
    if m is None or not values:
        return request
    said = m["n"] or m["m"]
    if said is not None and _NUMBERS.get(said.lower(), int(said) if said.isdigit() else 0) != len(values):
        return request
    named = ", ".join(values[:-1]) + f" and {values[-1]}" if len(values) > 1 else values[0]
    return request[: m.start()] + named + request[m.end() :]


def _race(text: str, model: SemanticModel) -> str:
    """ "the 2013 mayoral race" as the data's own name ("mayoral election"), so that the year its
    description names is read as part of that name (worker.planner.data_sources), not as a period."""
    for ds in model.datasets:
        for name in (n for n in ds.synonyms if n.endswith(" election")):
            said = re.compile(rf"\b{re.escape(name.removesuffix(' election'))}\s+race\b", _I)
            text = said.sub(name, text)
    return text


def _through(text: str) -> str:
    # "through 2019" with no start is the year itself (the holdout's rule, as betting_jargon reads it).
    if _FROM.search(text):
        return text
    return _THROUGH_YEAR.sub("in ", text)


def _rather(text: str) -> str:
    """A second thought's "X rather than Y" as "X, not Y", which the written corrections read."""
    sentences = _SENTENCE.split(text)
    fixed = [_RATHER.sub(lambda m: f"{m['fix']}, not {m['y'].strip()}", s) for s in sentences]
    return " ".join(fixed)

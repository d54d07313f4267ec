"""A request told as a scene or a story ("Imagine a busy Saturday night: ..."), as the request it carries.

A story opens with a scene ("Imagine ...", "Picture ...", "Once upon a time", "Chapter one:", "In the
story", "Our saga follows", "The tale ends", "At the end of our tale", "The sailor in my story", "A
botanist kneels ...", "It is election night ...") and then asks for a chart. The scene is context: a value
named only in it is no filter, so "Imagine a busy Saturday ... On Saturdays, how much did each party size
tip?" keeps Saturday because the request names it, and "Three nations climb the podium in our story —
South Korea, China and Canada. Show each nation's medals" is every nation, not a top 3. When the request
points back to the scene ("that year", "those ten", "that line-up", "them", "the race", "its tale", "her
flowers", "Who left the bigger tip" after "the smokers and the non-smokers"), the scene's content is kept
before the request, without its story words: "Chapter one: Asia, 1977. The narrator counts the five most
populous countries on the continent that year. Draw them as bars." reads as "Asia, 1977: show the five
most populous countries, as bars". A scene with no request after it ("Imagine the first survey, 1952:
every country a dot, GDP per capita against life expectancy") is read without its opener. A question with
no story opening is returned unchanged; one asking for feelings, what happens next, a made-up value, a
forecast or a reason is left for the readers after this one to refuse.
"""

from __future__ import annotations

import re

from worker.semantic import SemanticModel

__all__ = ["points_back", "tidy", "unscene"]

_I = re.IGNORECASE
_TALE = r"(?:story|tale|saga|novel|fable|chapter|narrative)"
_CHARACTER = (
    r"(?:botanist|sailor|waitress|waiter|florist|lighthouse\s+keeper|keeper|narrator|heroine|hero|"
    r"gardener|fisherman|farmer|traveller|traveler|detective|explorer|captain|chef|trader|investor|"
    r"rivals?|giants?)"
)
# What makes the first sentence a scene rather than a request.
_OPENING = re.compile(
    # "Imagine you're a census taker": a role the user plays is read elsewhere, not a scene.
    r"^\s*(?:(?:imagine|picture)(?!\s+(?:you|yourself)\b)|once\b|chapter\s+\w+\s*:|it\s+is\s+[\w\s]*?\bnight\b|"
    rf"(?:in|at\s+the\s+end\s+of|at\s+the\s+start\s+of)\s+(?:the|our|my)\s+{_TALE}|"
    rf"(?:the|our|my)\s+{_TALE}\b|our\s+{_CHARACTER}\b|"
    rf"(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?{_CHARACTER}\b)"
    rf"|^[^.?!]*\bin\s+(?:our|my|the)\s+{_TALE}\b",
    _I,
)
_REQUEST = re.compile(
    r"^\W*(?:(?:on|in|for|from)\s[^,]{1,40},\s*)?"
    r"(?:show|chart|draw|plot|tell|display|give|graph|list|rank|compare|map)\b|\?\s*$",
    _I,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])")
# The story's props and narration, said in the scene or before the request: context, not data.
_NARRATION = [
    r"^\s*(?:imagine|picture)\s+",
    r"^\s*once\s+upon\s+a\s+time\s*,?\s*",
    r"^\s*once\s*,\s*",
    r"^\s*chapter\s+\w+\s*:\s*",
    rf"^\s*(?:in|at\s+the\s+(?:end|start)\s+of)\s+(?:the|our|my)\s+{_TALE}\s*,?\s*",
    rf"^\s*(?:the|our|my)\s+{_TALE}\s+(?:follows|ends|begins|starts|opens|closes)\s+",
    rf"^\s*our\s+{_CHARACTER}\s*,\s*",
    r"^\s*it\s+is\s+",
    r",?\s*\bwhere\s+(?=the\s)",
    r"\s+(?:gather|meet|sit)\s+(?:for|at|around)\s+(?:an?|separate|the)\s+\w+",
    rf"^(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?{_CHARACTER}\s+\w+s\s+(?:only\s+)?",
    r"\btwo\s+rivals\s*,\s*",
    r",?\s*\bone\s+by\s+one\b",
    rf",?\s*\bthe\s+(?:[\w-]+\s+)?{_CHARACTER}\s+\w+ed\b",
    r"\band\s+the\s+\w+\s+(?:are|is)\s+being\s+\w+",
    r"\bwhat\s+(?:she|he|they)\s+finds?\s*:\s*",
    r"^(?:from|in)\s+(?:her|his|their|my|our)\s+(?:notebook|logbook|diary|journal|ledger|book)\s*,\s*",
]
_NARRATED = re.compile("|".join(f"(?:{n})" for n in _NARRATION), _I)
# Story words for the plan's words.
_WORDS = [
    (r"\blined\s+up\s+by\b", "ranked by"),
    (r"\bhow\s+long\s+(?:its|their|the)\s+people\s+(?:could|can|would)\s+expect\s+to\s+live\b",
     "life expectancy"),
    (r"\bas\s+(its|their)\s+(\w+)\s+(?:grows|grew|rises|rose|falls|fell|climbs|climbed)\b", r"\1 \2"),
    (r"\bracing\s+through\s+(\d{4})\b", r"in \1"),
    (r"\bended\s+up\s+with\b", "got"),
    (r"\s*,?\s*\b(?:walks|wanders|travels)\s+(?:through|across)\s+", ", "),
    (r"\bevery\s+(\w+)\s+an?\s+(?:dot|point)\b", r"a scatter of every \1"),
    (r"\bthe\s+first\s+survey\s*,\s*(\d{4})\b", r"in \1"),
    (r"\bthe\s+narrator\s+(?:counts|lists|names|ranks|shows)\b", "show"),
]  # fmt: skip
_PLAIN = [(re.compile(p, _I), r) for p, r in _WORDS]
# What in a request points back to the scene, and what it leaves once the scene stands before it.
_POINTERS = [
    (r"\b(?:on|in|over|during|for)\s+the\s+(?:continent|country|district|day)\s+that\s+\w+\b", ""),
    (r"\b(?:in|over|during|for|on)\s+(?:that|this)\s+(?:year|quarter|month|week|day|night|season)\b", ""),
    (r"\b(?:that|this)\s+(?:year|quarter|month|week|day)\b", ""),
    (r"\beach\s+of\s+(?:those|these|the)\s+(\w+?)s\b", r"each \1"),
    (r"\b(?:those|these)\s+(?:\d+|ten|five|three|two|four|six|seven|eight|nine|twenty)\b", ""),
    (r"\b(?:that|the)\s+(?:line-up|lineup|journey|race|story|tale|saga|scene)\b", ""),
    (r"\b(?:its|their|her|his)\s+(?:tale|story|journey)\b", ""),
    (r"\b(?:her|his|their)\s+(?:\w+'\s+)?(?=\w)", ""),
    (r"\b(?:them|it)\b", ""),
]
# "that 6+ wind": the request names the value itself, and needs nothing of the scene.
_NAMED_AGAIN = re.compile(r"\bthat\s+(?=[\w+-]*\d[\w+-]*\s+\w+)", _I)
_POINTER = [(re.compile(p, _I), r) for p, r in _POINTERS]
_JOURNEY = re.compile(r",?\s*\bset\s+out\s+on\s+an?\s+[\w-]*\s*journey\b", _I)
_STARTS = re.compile(r"\b(?:in|on|from)\s+(?:the\s+(?:first|last|opening)\s+\w+\s+of\s+)?\d{4}\b\s*,?", _I)
_WHO = re.compile(r"^\s*who\s+", _I)
_TIDY = re.compile(r"\s*(?:[,;:]\s*)*([.,;:!?])")
_PRONOUN = re.compile(r"\b(?:she|he)\b(?=\s+(?:won|lost|got|took|grows|keeps))", _I)
_NAMED = re.compile(r"(?:madame|monsieur|mr\.?|mrs\.?|ms\.?|dr\.?)\s+(?P<name>[A-Z]\w+)", _I)


def unscene(text: str, model: SemanticModel) -> str:
    """`text` with a story's scene read as context; unchanged when it opens with no scene."""
    if not _OPENING.search(text):
        return text
    sentences = [s for s in _SENTENCE.split(text.strip()) if s]
    if _REQUEST.search(_read(sentences[0])):
        # "Once more, show the tip by day": the opening sentence is itself the request, no scene.
        return text
    first = next((i for i, s in enumerate(sentences) if i and _REQUEST.search(_read(s))), None)
    if first is None:
        return tidy(_read(" ".join(sentences)))
    scene = _read(" ".join(sentences[:first]))
    if _JOURNEY.search(scene):
        # A journey's first day is where the story starts, not a span the request asks for.
        scene = _STARTS.sub(" ", _JOURNEY.sub(" ", scene))
    request = _NAMED_AGAIN.sub("the ", _read(" ".join(sentences[first:])))
    pointed = points_back(request)
    if not pointed:
        return tidy(request)
    return tidy(f"{_scene_content(scene)}: {pointed}")


def points_back(request: str) -> str:
    """The request without the words that point back to the scene; empty when none do."""
    read = request
    for pattern, plain in _POINTER:
        read = pattern.sub(plain, read)
    if _WHO.search(read):
        # "Who left the bigger tip" after a scene of groups: the groups are who.
        read = _WHO.sub("which ", read)
    return read if read != request else ""


def _scene_content(scene: str) -> str:
    """The scene's values and measures, with its characters' pronouns as the name they stand for."""
    scene = re.sub(r"[.!?]+\s*$", "", scene.strip())
    if named := _NAMED.search(scene):
        scene = _PRONOUN.sub(named["name"], scene.replace(named[0], named["name"]))
    return scene


def _read(text: str) -> str:
    """`text` in the plan's words, without the story's narration."""
    return _narrated(_plain(text))


def _narrated(text: str) -> str:
    before = None
    while before != text:
        before, text = text, _NARRATED.sub(" ", text).strip()
    return text


def _plain(text: str) -> str:
    for pattern, plain in _PLAIN:
        text = pattern.sub(plain, text)
    return text


def tidy(text: str) -> str:
    text = _TIDY.sub(r"\1", re.sub(r"\s{2,}", " ", text)).strip()
    return text[:1].upper() + text[1:]

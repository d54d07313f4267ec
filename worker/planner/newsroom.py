"""A data journalist's request: the data asked for, framed by the story it is for and the deadline it is on.

The framing names the story and asks for no data: a leading clause ("For a piece on global ageing I
need ...", "Sidebar for the restaurant story:", "Per-head angle for the food column:"), the editor or desk
who asks ("My editor wants ...", "The weather desk needs ..."), a headline or slug in quotes ("Headline:
'Korea's golden games'.", "Story slug 'giants':", "The numbers behind 'Do smokers tip more?' -"), where the
chart goes ("for a sidebar", "for the graphic under it", "for tomorrow's paper", "- the numbers behind
the headline") and the deadline ("we go to print at six", "before we file", "on deadline"). It is
context: the words of a quoted headline are not read, and a number or day named only there ("at six",
"Monday's paper") is no limit or filter. "Per-head" and "per-capita" before "angle" name the story's
angle, not a measure.

A framing clause that asks for data itself (it names an operation, a grouping, a condition or a number:
"For the piece on the top 5 economies: ...") is left whole, and so is one that names a value of the data
("For the Asia piece I need ..."): the planner then reads it as context and says so on the chart
(worker.planner.context), since the user may have meant it as a filter. Text that only looks like
framing ("tip for each feature", "average of the tip column") is left too: other readers read or
refuse it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.planner.versus_names import names_of
from worker.semantic import SemanticModel

__all__ = ["asks_for_data", "names_a_value", "strip_framing", "unnewsroom"]

_I = re.IGNORECASE
# A headline in quotes; an apostrophe followed by a letter ("Korea's") is inside it, not its end.
_QUOTED = r"(?:'(?:[^']|'(?=\w))*'(?!\w)|\"[^\"]*\"|“[^”]*”|\u2018(?:[^\u2019]|\u2019(?=\w))*\u2019(?!\w))"
# Where a chart goes in a newspaper. "Column" only with a word that makes it the paper's ("the food
# column"), as "the tip column" is a spreadsheet user's name for the data's own column.
_PRESS_COLUMN = (
    r"(?:food|science|sports?|business|money|opinion|travel|weekly|daily|gardening|politics|health|"
    r"weather|arts|books|city|tech|my|our|his|her|their)\s+column"
)
_NOUN = (
    rf"(?:stor(?:y|ies)|pieces?|articles?|features?|{_PRESS_COLUMN}|sidebars?|(?:info)?graphics?|explainers?|"
    r"supplements?|headlines?|standfirst|lede|slug|desks?|newsroom|deadline|editions?|paper|front\s+page|"
    r"splash|angle|web\s+version|print\s+version|online\s+version|live\s*blog)"
)
# Who asks: "My editor", "The weather desk", "Our night editor", "The news desk".
_ASKER = r"(?:my|our|the)\s+(?:[\w-]+\s+){0,2}?(?:editor|desk|newsroom|sub-?editor|subs|chief)"
# A framing clause with any of these asks for data itself, so it is no framing.
_ASKS = re.compile(
    r"\b(?:show|plot|chart|graph|draw|display|compare|rank|list|count|by|per|each|every|vs|versus|top|"
    r"bottom|most|least|highest|lowest|largest|smallest|richest|poorest|average|mean|median|total|sum|max|"
    r"min|number|numbers|since|until|between|before|after|only|except|excluding|without|above|below|over|"
    r"under|more|less|why|because|caused?|growth|change|trend|where)\b|\d",
    _I,
)
# Leading framings, each up to where the request starts; group "frame" is what _ASKS must not find in.
_LEADS = [
    # "Headline: 'Korea's golden games'.", "Story slug 'giants':", "Slug: giants-gdp." (quoted: not read).
    re.compile(
        rf"^\W*(?:(?:working|draft|our|the|story)\s+)?(?:headline|hed|standfirst|lede|slug)\s*:?\s*"
        rf"(?:{_QUOTED}|[\w-]+(?=\s*[.:]))\s*[.:;,\-\u2013\u2014]\s*(?P<frame>)",
        _I,
    ),
    # "The numbers behind 'Do smokers tip more?' -", "The numbers behind our China-India feature:".
    re.compile(
        rf"^\W*(?:the\s+)?(?:numbers?|figures?|data|stats)\s+(?:behind|for|under)\s+"
        rf"(?:{_QUOTED}|(?P<frame>(?:the|our|my|this|a|tomorrow's)\s+[^:;.]{{0,40}}?\b{_NOUN}))"
        r"\s*[.:;,\-\u2013\u2014]\s*",
        _I,
    ),
    # "My editor wants (me to chart) ...", "The weather desk needs ..."; "wants to know why" is a question.
    re.compile(
        rf"^\W*(?P<frame>{_ASKER})\s+(?:wants|needs|would\s+like|has\s+asked\s+for|asked\s+for|is\s+asking\s+for)"
        r"\s+(?:(?:me|us)\s+to\s+|to\s+see\s+)?(?!to\s)",
        _I,
    ),
    # "For a piece on global ageing I need ...", "For tomorrow's paper we want ...".
    re.compile(
        rf"^\W*(?P<frame>(?:for|in)\s+[^,:;.]{{0,60}}?\b{_NOUN})(?:\s+on\s+[^,:;.]{{1,40}}?)?"
        r"\s*,?\s+(?:i|we)\s*(?:need|want|would\s+like|'d\s+like)\s+(?!to\s)",
        _I,
    ),
    # "Sidebar for the restaurant story:", "For our Olympics piece:", "Per-head angle for the food column:".
    re.compile(rf"^\W*(?P<frame>[^:]{{0,60}}?\b{_NOUN}\b[^:]{{0,50}}?)\s*:\s+", _I),
]
_DET = r"(?:a|an|the|our|my|this|tomorrow's|today's|tonight's|the\s+paper's|\w+day's|the\s+\w+day)"
_TAILS = [
    # "- the numbers behind the headline", ", the figures for the story" (before "for the story" alone).
    re.compile(
        rf"[\s,;\-\u2013\u2014]*\b(?:the\s+)?(?:numbers?|figures?|data|stats)\s+(?:behind|for)\s+"
        rf"(?P<frame>{_DET}\s+(?:[\w'-]+\s+){{0,2}}?{_NOUN})(?=\s*(?:[,;.?!]|$))",
        _I,
    ),
    # "for a sidebar", "for a storm piece", "for the graphic under it", "in tomorrow's paper".
    re.compile(
        rf"[\s,;\-\u2013\u2014]*\b(?:for|in)\s+(?P<frame>{_DET}\s+(?:[\w'-]+\s+){{0,3}}?{_NOUN})"
        r"(?:\s+(?:under|below|beneath|with|next\s+to)\s+(?:it|that|this|the\s+headline))?(?=\s*(?:[,;.?!]|$))",
        _I,
    ),
    # The deadline: "we go to print at six", "the paper goes to press at 6pm", "before we file", "on
    # deadline". Its time is no number of the request's, so no _ASKS check ("frame" is empty).
    re.compile(
        r"[\s,;\-\u2013\u2014]*(?:\b(?:as|because|since)\s+)?\b(?:we(?:'re|\s+are)?|the\s+paper|it)\s+"
        r"(?:go(?:es)?|going)\s+to\s+(?:print|press)(?:\s+(?:at|by|in)\s+[\w:.]+?(?:\s*(?:pm|am|o'clock))?"
        r"(?:\s+(?:tonight|today|tomorrow))?)?(?P<frame>)(?=\s*(?:[,;.?!]|$))|"
        r"[\s,;\-\u2013\u2014]*\b(?:before|by)\s+(?:we\s+(?:file|publish|go\s+live|go\s+to\s+(?:print|press))|"
        r"(?:the\s+)?deadline)(?=\s*(?:[,;.?!]|$))|[\s,;\-\u2013\u2014]*\bon\s+deadline\b",
        _I,
    ),
]
# "Per-head angle", "the per-capita angle": the story's angle; "per" there asks for nothing.
_ANGLE = re.compile(r"\bper[-\s](?:head|capita|person)\s+(?=angle\b)", _I)


def unnewsroom(text: str, model: SemanticModel) -> str:
    """`text` without a journalist's framing of the story and deadline; other text is unchanged."""

    def asks(frame: str | None) -> bool:
        return names_a_value(frame, model) or asks_for_data(frame)

    read = strip_framing(text, _LEADS, _TAILS, asks)
    if read == text:
        return text
    # What the framing leaves behind: ", ." and a dangling comma or dash at the end.
    read = re.sub(r"\s*[,;\-\u2013\u2014]\s*(?=[,;.?!]|$)", "", read)
    read = re.sub(r"([.?!])(?:\s*[,;.])+", r"\1", read)
    return " ".join(read.split())


def strip_framing(
    text: str,
    leads: list[re.Pattern[str]],
    tails: list[re.Pattern[str]],
    asks: Callable[[str | None], bool],
) -> str:
    """`text` without its leading framing clauses (a headline, then who asks, say: each is tried again
    on what the one before leaves, while one comes off) and its trailing ones. Each pattern's group
    "frame" is the clause `asks` must find no data in; a clause that asks for data is left."""
    for _ in range(3):
        m = next(
            (m for p in leads if (m := p.match(text)) and len(text) > m.end() and not asks(m["frame"] or "")),
            None,
        )
        if m is None:
            break
        text = text[m.end() :]
    for pattern in tails:
        text = pattern.sub(lambda m: m[0] if asks(m["frame"]) else "", text)
    return text


def names_a_value(frame: str | None, model: SemanticModel) -> bool:
    """Whether a framing names a value of the data as a name ("the Asia piece"): it may be meant as a
    filter, so it is left for the context reading, which notes it on the chart."""
    return frame is not None and any(m[0][0].isupper() for m in names_of(model).values.finditer(frame))


def asks_for_data(frame: str | None) -> bool:
    """Whether a framing clause asks for data itself ("per-head angle" does not)."""
    return frame is not None and bool(_ASKS.search(_ANGLE.sub("", frame)))

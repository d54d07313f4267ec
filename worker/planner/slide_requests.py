"""A product manager's slide request: the data asked for, framed by the slide's purpose and audience and
dressed with presentation wishes a chart plan does not act on.

The framing is a leading clause that names the slide, deck or meeting and asks for no data ("For the
Monday all-hands I need one slide:", "Exec summary slide:", "Board slide on global growth:", "For the
investor update I need ..."), and "on one slide" inside the request. It is context: a value, period or
number named only there ("Monday", "quarterly", "Africa" in "the Africa strategy offsite") is no filter,
time range or limit, and "exec" there is no command.

The presentation wishes are titles and axis labels ("title it 'X'", "with a big title 'X'", "y-axis
labelled 'US$'"), the measure's own unit ("axis in cm"), legend positions, font sizes ("font size 18 for
the labels": 18 is no limit), bar and dot sizes ("nice big bars", "large dots so the back row can see"),
labels on the slices, one colour for the whole chart ("two bars in our corporate green") and "keep it
simple" / "nothing fancy" / "no clutter". None changes which data is shown or how it is grouped, so each
comes off. Colours for particular values, a log scale and annotations are not read here: they stay
refused (worker.planner.presentation).
"""

from __future__ import annotations

import re

__all__ = ["unslide"]

_I = re.IGNORECASE
_QUOTED = r"(?:'[^']*'|\"[^\"]*\"|“[^”]*”|\u2018[^\u2019]*\u2019)"
# Words that name a slide, a deck or the occasion a slide is made for.
_SLIDE = (
    r"(?:slides?|deck|all-hands|keynote|briefing|presentation|board\s+pack|pitch|investor\s+update|"
    r"exec(?:utive)?\s+summary)"
)
# A clause that names any of these asks for data itself, so it is no framing.
_ASKS = re.compile(
    r"\b(?:show|plot|chart|graph|draw|by|per|vs|versus|compare|top|bottom|average|total|sum|count|"
    r"number|since|until|between|only|except|excluding|without)\b|\d",
    _I,
)
# "Board slide on global growth:", "One slide, executive summary:": a leading clause up to a colon.
_FRAMED = re.compile(rf"^\W*(?P<frame>[^:]{{0,80}}?\b{_SLIDE}\b[^:]{{0,60}}?)\s*:\s+", _I)
# "For the investor update I need a pie of ...", "For Friday's ops slide I need the number of ...".
_NEEDS = re.compile(
    r"^\W*(?P<frame>for\s+[^,:;.]{0,60}?\b(?:slides?|deck|all-hands|keynote|briefing|presentation|pack|pitch|"
    r"update|review|meeting|offsite|off-site))\s+(?:i|we)\s*(?:need|want|would\s+like|'d\s+like)\s+",
    _I,
)
# "... on one slide, ...": where the chart goes, at the end of a clause ("for a slide on the sector" is a
# clause of its own, left to worker.planner.context).
_ON_SLIDE = re.compile(r"\s*\b(?:on|in)\s+(?:one|a|a\s+single)\s+slide\b(?=\s*(?:[,;.?!]|$))", _I)
# "I need two slides: A, and B" is two charts, refused elsewhere: no framing of one slide.
_SLIDES = re.compile(r"\b(?:two|three|four|several|multiple|\d+|a\s+couple\s+of|a\s+few)\s+slides\b", _I)

_SIZE = r"(?:big|bigger|large|larger|thick|thicker|wide|wider|fat|chunky|huge|thin|thinner|slim|narrow)"
_WISHES = [
    # "keep it simple", "nothing fancy", "no clutter".
    r"keep\s+it\s+(?:simple|clean|clear|tidy|minimal|basic|uncluttered)|nothing\s+fancy|"
    r"no\s+(?:clutter|frills|chart\s*junk|bells\s+and\s+whistles)",
    # "title it 'How long we live'", "title 'Big tech in 2019'", "with a big title 'Where ...'".
    rf"(?:with\s+(?:a|the)\s+(?:\w+\s+)?)?title(?:\s+it)?\s*:?\s*{_QUOTED}",
    # "y-axis labelled 'US$'", "axis titled 'Income per person'", "y-axis label 'x Jan 2018 price'".
    rf"(?:(?:with|and)\s+)?(?:the\s+)?(?:[xy][\s-]?)?axis\s+(?:label(?:l?ed)?|title[sd]?|named|called)\s*:?\s*"
    rf"{_QUOTED}",
    # "axis in cm": the measure's own unit.
    r"(?:the\s+)?(?:[xy][\s-]?)?axis\s+in\s+(?:cm|mm|centimet(?:re|er)s|millimet(?:re|er)s|dollars|us\$|usd)\b",
    # "legend at the top", "legend on the right", "no legend".
    r"(?:with\s+(?:the\s+|a\s+)?)?legend\s+(?:at|on|to|in)\s+(?:the\s+)?(?:top|bottom|left|right|side)"
    r"(?:[\s-]+(?:left|right))?(?:\s+side)?|(?:no|hide\s+the)\s+legend",
    # "font size 18 for the labels", "14pt font".
    r"(?:with\s+(?:a\s+)?)?font\s+size\s+(?:of\s+)?(?:\d+|[a-z-]+)(?:\s*(?:pt|px|points?))?"
    r"(?:\s+(?:for|on)\s+(?:the\s+)?(?:axis\s+)?(?:labels|titles?|axes|ticks|legend))?|"
    r"\d+\s*(?:pt|px)\s+font",
    # "nice big bars", "make the bars thick", "large dots so the back row can see".
    rf"make\s+the\s+(?:bars|dots|markers)\s+{_SIZE}|(?:with\s+)?(?:nice\s+)?{_SIZE}\s+(?:bars|dots|markers)"
    r"(?:\s+so\s+(?:that\s+)?[\w\s']{0,40}?\b(?:can|could|will)\s+(?:see|read)(?:\s+(?:it|them))?)?",
    # "candidate names on the slices", "values on the bars".
    r"(?:with\s+)?(?:the\s+)?(?:\w+\s+)?(?:names|labels|values|percentages)\s+on\s+the\s+(?:slices|bars|dots)",
    # One colour for the whole chart: "two bars in our corporate green", "all in the brand colours".
    r"(?:(?:one|two|three|four|\d+)\s+bars\s+|all\s+)?in\s+(?:our|the|my)\s+(?:corporate|company|brand|house)"
    r"\s+(?:colou?rs?|[a-z]+)",
]
_WISH_RES = [re.compile(rf"[\s,;-]*\b(?:{w})(?:\s+please)?(?=\W|$)", _I) for w in _WISHES]


def unslide(text: str) -> str:
    """`text` without a slide request's framing and presentation wishes; other text is unchanged."""
    read = _unframe(text)
    for pattern in _WISH_RES:
        read = pattern.sub("", read)
    if read == text:
        return text
    # What the wishes leave behind: ", ." and a dangling comma at the end.
    read = re.sub(r"\s*[,;]\s*(?=[,;.?!]|$)", "", read)
    read = re.sub(r"([.?!])(?:\s*[,;.])+", r"\1", read)
    return " ".join(read.split())


def _unframe(text: str) -> str:
    """`text` without its leading framing clause and without "on one slide"; a request for several slides
    (two charts, refused later) is left whole."""
    if _SLIDES.search(text):
        return text
    for pattern in (_FRAMED, _NEEDS):
        m = pattern.match(text)
        if m is not None and not _ASKS.search(_without_slide_count(m["frame"])):
            text = text[m.end() :]
            break
    return _ON_SLIDE.sub("", text)


def _without_slide_count(frame: str) -> str:
    """The frame without "one slide": that number counts slides, not data."""
    return re.sub(r"\b(?:one|1|a\s+single)\s+slide\b", "slide", frame, flags=_I)

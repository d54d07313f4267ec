"""A Wild West cowboy's drawl ("Howdy, partner", "I reckon") set aside around the one request it carries.
Read only in a question that speaks it (a marker below: "howdy", "partner" / "pardner" as an address,
"yonder", "varmints", "this here", "the herd", "posse", "saloon", "high noon", "saddle up", "the fastest gun
(in the West)", "out on the range", "sheriff", "cattle", "prairie", "fixin'", "ranch", "cowboy", "y'all",
"ten-gallon", "much obliged", "my gun"), so any other question reads exactly as before:
- a sentence of the range that asks nothing (no question, no "show" / "round up" / "I'd like", no measure
  or group of the data) is a scene and comes off whole: "This here town's got forty head of cattle",
  "Folks say Netflix is the fastest gun in the West", "Out on the range the wild flowers grow": a value,
  chart or number it names (cattle, horses, bullets, a posse of six) sets nothing unless the request names
  it again;
- in a sentence that asks, a clause of the range that asks nothing comes off with its dash, colon or ", but"
  ("Meet me at high noon - but ...", "... in 2019 - six bullets in my gun", "Yonder across the prairie:"),
  and so does a clause that disclaims ("I ain't askin' who's ... - just show me");
- "Howdy", "partner" as an address, "Round up the herd", "I reckon" before "I'd like" and "in this here
  town / territory" say nothing; "I'd be (much) obliged for", "Much obliged if you'd" hand over the request,
  and patter before them that names nothing of the data comes off ("Ten-gallon hat in hand, I'd be ...");
- "Round up X" asks for X, "the dinner crowd" is dinner, and "the fastest gun in the West" in a request is
  only "the top": the request still has to say what ranks it, or it is refused.
Two (or separate) charts "for the posse" are refused here: chartq draws one chart per question. What the
request itself asks of the range (cattle, high noon, a runner-up, the fastest gun with no measure) is left as
it is (and refused downstream as what the data cannot answer). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.chart_count import refuse_second_chart
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import Names, names_of
from worker.semantic import SemanticModel

__all__ = ["unwild_west"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_ADDRESSED = r"(?:partner|pardner)"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"\b(?:howdy|pardner|yonder|varmints?|this\s+here|the\s+herd|posse|saloon|high\s+noon|saddle\s+up"
    rf"|fastest\s+gun|out\s+on\s+the\s+range|sheriff|cattle|prairie|fixin{_Q}|ranch|cowboys?|cowpokes?"
    rf"|y{_Q}all|yee-?haw|tumbleweeds?|stagecoach|six-?shooters?|six-?guns?|ten-gallon|wanted\s+poster"
    rf"|(?:much|mighty)\s+obliged|(?:my|his|her|the)\s+(?:guns?|holsters?|revolvers?))\b"
    rf"|,\s*{_ADDRESSED}\b(?=\s*(?:[,.!?:;]|\s[-\u2013\u2014]|$))",
    _I,
)
# Words of the range: a sentence or clause with one that asks nothing is a scene.
_RANGE = re.compile(
    rf"{_VOICE.pattern}|\b(?:partner|reckon|herd|horses?|guns?|bullets?|rode|ride|riding|ridden|sundown|sunup"
    rf"|town{_Q}?s?|territory|folks|ain{_Q}t|nary|mighty|hills|wanted\s+poster|ten-gallon|hat|spurs|lasso"
    rf"|outlaws?|rustlers?|frontier|wagons?|corral|rodeo|stampede|whiskey|storm{_Q}?s?|blowin{_Q})\b",
    _I,
)
_CHART = r"(?:pie|line|bar|histogram|scatter|area|donut|chart|graph|plot)s?"
# What asks: a question, a request's verb, a chart of the data or "I want"; measures are checked apart.
_ASKS = re.compile(
    rf"\?\s*$|\b(?:show|plot|draw|give|list|compare|tell|how|what|which|who|whose|where|when|round\s+up"
    rf"|rustle\s+up|obliged|let\s+me\s+see|I\s+(?:want|need|would\s+like)|I{_Q}d\s+like|I{_Q}m\s+after"
    rf"|an?\s+{_CHART}\s+of|as\s+(?:an?\s+)?{_CHART})\b",
    _I,
)
# "I ain't askin' who's ..." disclaims what it names.
_DISCLAIMS = re.compile(rf"^\W*(?:I\s+ain{_Q}t|I{_Q}m\s+not|I\s+am\s+not)\s+ask", _I)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# A clause ends at a spaced dash, a colon, a semicolon or ", but"; the mark is kept with the clause after.
_CLAUSES = re.compile(r"(\s+[-\u2013\u2014]+\s+|:\s+|;\s+|,\s+but\s+)")
_ADDRESS = re.compile(
    rf",\s*(?:my\s+)?{_ADDRESSED}\b(?=\s*(?:[,.!?:;]|\s[-\u2013\u2014]|$))|^\W*{_ADDRESSED}\s*[,!:]\s*", _I
)
_HOWDY = re.compile(r"^\W*howdy\b\s*[!,.]*\s*", _I)
_OBLIGED = re.compile(
    rf"(?:\b(?:I{_Q}d|I\s+would|we{_Q}d|we\s+would)\s+be\s+)?"
    r"\b(?:(?:much|mighty|right|real|most|awful(?:ly)?)\s+)?"
    rf"obliged\b(?:\s+(?:for|to\s+you\s+for|if\s+(?:you|ya)(?:{_Q}d|\s+would|\s+could|\s+will)?))?\s*",
    _I,
)
_PLACE = (
    rf"(?:the|this|yonder|our|my|that)\s+(?:old\s+)?(?:saloon|prairie|ranch|corral)(?:{_Q}s)?"
    r"(?:\s+(?:doors?|bar|folks))?\b"
)
_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\b(?:round|rustle)\s+up\s+(?:the|my|this)\s+(?:herd|posse|cattle|horses|boys|varmints)\b", _I
        ),
        "",
    ),
    (re.compile(r"\bI\s+reckon\s+(?=(?:I|we)\b)", _I), ""),
    (
        re.compile(
            r"\s*\b(?:in|across|around|of)\s+this\s+here\s+(?:town|territory|county|valley|parts)\b", _I
        ),
        "",
    ),
    (re.compile(r"\s+for\s+(?:the|my|this)\s+posse\b", _I), ""),
    # A place of the range in a request ("came through the saloon doors") is where, not what.
    (
        re.compile(
            rf"\s*(?:\b(?:in|at|into|inside|from|across|around)\s+)?\b{_PLACE}|\s*\bout\s+on\s+the\s+range\b",
            _I,
        ),
        "",
    ),
    (re.compile(r"\bthis\s+here\b", _I), "this"),
    (re.compile(r"\bthe\s+(\w+)\s+crowd\b", _I), r"\1"),
    (re.compile(r"\b(?:the\s+)?fastest\s+gun(?:\s+in\s+the\s+(?:West|territory|town))?", _I), "the top"),
    (re.compile(r"\b(?:round|rustle)\s+(?:me\s+)?up\b(?!\s+to\b)", _I), "show"),
]
_LEAD = re.compile(r"^(?:[\s,:;.!?\u2013\u2014-]|\b(?:and|but|so|now|then|well)\b(?=\W))+", _I)
_EMPTY = re.compile(r"^[\s,:;.!?\u2013\u2014'\"-]*$")


def unwild_west(text: str, model: SemanticModel) -> str:
    """`text` with a cowboy's drawl set aside around the request it carries; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    unaddressed = _ADDRESS.sub("", text).strip()
    refuse_second_chart(unaddressed, model)
    names = names_of(model)
    sentences = [_sentence(s, names) for s in _SENTENCES.split(unaddressed)]
    kept = [s for s in sentences if not _EMPTY.match(s)]
    if not kept:
        return text
    read = tidy(" ".join(kept))
    return read if read != tidy(text) else text


def _sentence(sentence: str, names: Names) -> str:
    """The sentence's request, or "" when it is a scene of the range that asks nothing."""
    sentence = _HOWDY.sub("", sentence)
    if _RANGE.search(sentence) and not _asks(sentence, names):
        return ""
    parts = _CLAUSES.split(sentence)
    # parts alternate clause, mark, clause, ...: a clause of patter goes with the mark before it.
    out = parts[0] if not _patter(parts[0], names) else ""
    for mark, clause in zip(parts[1::2], parts[2::2], strict=True):
        if not _patter(clause, names):
            out = f"{out}{mark}{clause}" if out else clause
    return _phrased(_handed_over(_LEAD.sub("", out), names))


def _asks(text: str, names: Names) -> bool:
    return bool(_ASKS.search(text) or names.measures.search(text) or names.groups.search(text))


def _patter(clause: str, names: Names) -> bool:
    """Whether a clause is the range's patter: it disclaims, or it speaks of the range and asks nothing."""
    return bool(_DISCLAIMS.match(clause) or (_RANGE.search(clause) and not _asks(clause, names)))


def _handed_over(sentence: str, names: Names) -> str:
    """The sentence from "I'd be obliged for" on; the lead before it comes off where it names nothing."""
    m = _OBLIGED.search(sentence)
    if m is None:
        return sentence
    lead = sentence[: m.start()]
    if _names_data(lead, names):
        return f"{lead}{sentence[m.end() :]}"
    return sentence[m.end() :]


def _names_data(text: str, names: Names) -> bool:
    return bool(names.values.search(text) or names.measures.search(text) or names.groups.search(text))


def _phrased(sentence: str) -> str:
    for pattern, plain in _PHRASES:
        sentence = pattern.sub(plain, sentence)
    return _LEAD.sub("", sentence).strip()

"""Regional Englishes read as the plain request they make, before the formal register and numbers are read.

- Indian English: "country-wise population" is population by country ("smoker-wise", "species-wise",
  "party-size-wise", "countrywise"); "year-wise", "week-wise" are over time by year, by week. "Kindly
  share", "kindly send" are "kindly show"; "do the needful" and "kindly revert" say only "please answer",
  and "revert with a bar chart" is "as a bar chart"; "itself" after a noun is emphasis ("the Saturday tips
  itself"). Lakhs and crores are numbers: "50 lakh" is 5000000, "10 crore" 100000000, "1,00,000" 100000.
- Singapore and Malaysian English: "Can show X or not?" and "X can plot or not?" are requests ("can you
  show X?"), "got how many X" is "how many X", "top 5 can already" is "top 5", and the particles "lah",
  "leh", "lor", "hor", "meh", "ah" at a clause's end say nothing.
- Nigerian English: "abeg" is "please", "make you show me" is "show me"; "make e quick o", "I dey wait"
  and a greeting "How far?" say nothing.
- Australian English: "G'day", "mate", "no worries" and "cheers" say nothing; "reckon you could" is
  "could you", "chuck up a chart" is "show a chart".
- Irish English: "what's the story with X" asks how X has gone, "show X over time"; "would you ever" is
  "could you"; "a line would be grand" is "as a line", and "that'd be grand" says nothing.

"X-wise" of a measure ("price-wise": as to price, by nothing) is refused, naming it. A word left unread
("arvo", "prepone") reaches the reader, which names it. Text with none of these words is returned exactly
as written.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unregional"]

_I = re.IGNORECASE
_REQUEST = r"show|plot|chart|draw|give|graph|display|share|send|list|compare"
_END = r"(?=\s*(?:[,.;:?!]|$))"
# Particles that soften a clause's end; "ah" and "o" only there, after a word, never inside a name.
_PARTICLE = re.compile(rf"(?<=\w)\s*,?\s+(?:lah|leh|lor|hor|meh|ah|sia)\b{_END}", _I)
# Sayings that ask for nothing: greetings, sign-offs, the wait, the hurry, the thanks.
_SAYINGS = [
    r"g'?day(?:\s+mate)?",
    r"(?:^|(?<=[.?!]\s))how\s+far(?=\s*\?)",
    r"make\s+(?:e|it)\s+(?:quick|fast|sharp)(?:\s+o)?",
    r"i\s+(?:dey|de)\s+wait",
    r"no\s+wor+ies(?:\s+if\s+not)?",
    r"cheers(?:\s+mate)?(?=\s*[.!]*\s*$)",
    r"(?:that'?d|that\s+would|it'?d|it\s+would)\s+be\s+(?:just\s+)?grand",
    r"(?:please\s+|kindly\s+)?(?:do\s+the\s+needful|revert(?:\s+back)?(?:\s+asap)?)(?!\s+(?:with|by|as)\b)",
    r"can\s+already",
    r"(?<=[,.?!]\s)can\s+(?:or\s+)?not\s*\?",
]
_SAYING = re.compile(rf"(?:^|(?<=[\s,.?!]))(?:{'|'.join(_SAYINGS)}){_END}[.!?]?", _I)
# "mate" spoken to: at a clause's edge, never a value ("team mate").
_MATE = re.compile(rf"(?:(?<=\w)\s*,?\s+mate\b{_END}|^\s*mate\s*,)", _I)
_NEEDFUL_AND = re.compile(
    r"\b(?:please\s+|kindly\s+)?do\s+the\s+needful\s+and\s+(?:(?P<v>share|send|provide)\b(?!\s+(?:prices?|of)\b))?",
    _I,
)
_REVERT_WITH = re.compile(r"\b(?:kindly\s+|please\s+)?revert(?:\s+back)?\s+(?:with|by|as)\s+", _I)
# Not "please share price ...", where "share" belongs to the measure.
_SHARE = re.compile(r"\b(?P<p>kindly|please|pls|abeg)\s+(?:share|send|provide)\b(?!\s+(?:prices?|of)\b)", _I)
_WHICH_WAY = re.compile(r"\bwhich\s+way(?=\s+(?:does|do|did|is|was)\s+the\s+wind\b)", _I)
_ABEG = re.compile(r"\babeg\b", _I)
_MAKE_YOU = re.compile(r"\bmake\s+(?:you|una)\s+(?=show|plot|draw|give|chart)", _I)
_RECKON = re.compile(r"\b(?:(?:do\s+)?you\s+)?reckon\s+(?:you|ya)\s+(?P<m>could|can|would)\b", _I)
_CHUCK = re.compile(r"\b(?:chuck|whack|throw|bung|whip)\s+(?:up|together|on)\s+(?=an?\s|the\s|me\s)", _I)
_EVER = re.compile(r"\bwould\s+you\s+ever\b", _I)
_STORY = re.compile(r"\bwhat'?s\s+the\s+(?:story|craic|word)\s+(?:with|on)\s+(?P<x>[^?.!]+)[?.!]?", _I)
_GRAND_LINE = re.compile(
    r"\b(?:an?\s+)?(?P<c>(?:bar|line|pie|scatter)(?:\s+chart|\s+graph)?|histogram)\s+would\s+be\s+grand\b", _I
)
_ITSELF = re.compile(r"(?<=\w)(?<!\bby)\s+itself\b", _I)
# "Can show X or not?", "X can plot together or not?": a request, no negation.
_CAN_OR_NOT = re.compile(
    rf"(?P<lead>^|(?<=[.?!]\s))(?P<x>[^.?!]*?)\bcan\s+(?P<v>{_REQUEST})\b(?P<y>[^.?!]*?)\s*,?\s+or\s+not\s*\?",
    _I,
)
_GOT_HOW_MANY = re.compile(
    r"(?:(?P<s>\b[A-Z][\w'-]*)\s+)?\bgot\s+how\s+(?P<w>many|much)\b(?:\s+(?P<n>[a-z]+))?", _I
)
_WISE = re.compile(r"\b(?P<x>[a-z]+(?:-[a-z]+)*)-wise\b|\b(?P<y>[a-z]+)wise\b", _I)
_BOUNDARY = (
    r"for|of|in|from|since|during|with|among|across|where|that|which|who|between|on|at|to|after|before|until"
    r"|only|as|and|kindly|please"
)
_NOUNS = re.compile(
    rf"(?P<np>(?:\s+(?!(?:{_BOUNDARY})\b)[\w'%+-]+)+?)(?=\s+(?:{_BOUNDARY})\b|\s*[,.;:?!]|\s*$)", _I
)
_TIME_GRAINS = frozenset({"year", "month", "week", "day", "quarter", "date", "decade"})
_LAKH = re.compile(r"(?<![\w.])(?P<n>\d+(?:\.\d+)?|an?|one)\s+(?P<u>lakhs?|lacs?|crores?|cr)(?![\w])", _I)
_SCALE = {"lakh": 100_000, "lac": 100_000, "crore": 10_000_000, "cr": 10_000_000}
_INDIAN_GROUPS = re.compile(r"(?<![\d,.])\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])")


def unregional(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    read = _numbers(text)
    read = _wise(read, model)
    read = _singapore(read)
    read = _requests(read)
    read = _MATE.sub("", _PARTICLE.sub("", read))
    read = _SAYING.sub("", read)
    if read == text:
        return text
    return _tidy(read)


def _numbers(text: str) -> str:
    """Lakhs and crores, and digits grouped the Indian way, as plain numbers."""
    text = _INDIAN_GROUPS.sub(lambda m: m[0].replace(",", ""), text)
    return _LAKH.sub(_lakh, text)


def _lakh(m: re.Match[str]) -> str:
    n = m["n"].lower()
    count = 1.0 if n in {"a", "an", "one"} else float(n)
    value = count * _SCALE[m["u"].lower().rstrip("s")]
    return str(int(value)) if value.is_integer() else str(value)


def _wise(text: str, model: SemanticModel) -> str:
    """`text` with "country-wise population" as "population by country"; "price-wise" refused."""
    dimensions, measures = _names(model)
    out: list[str] = []
    last = 0
    for m in _WISE.finditer(text):
        x = (m["x"] or m["y"]).replace("-", " ").lower()
        if m["y"] and x not in dimensions and x not in _TIME_GRAINS:
            continue  # "otherwise", "likewise", "clockwise": no grouping
        if x in measures and x not in dimensions:
            raise UnchartableQuestion(
                with_example(
                    f"chartq could not tell what “{m[0]}” groups the data by: name a grouping", text, model
                )
            )
        out.append(text[last : m.start()])
        after = _NOUNS.match(text, m.end()) if not out[-1].rstrip().endswith(",") else None
        if after and not re.match(r"\s*,", text[m.end() :]):
            out.append(f"{after['np'].strip()} by {x}")
            last = after.end()
        else:
            out.append(f"by {x}")
            last = m.end()
    return "".join(out) + text[last:] if out else text


def _names(model: SemanticModel) -> tuple[frozenset[str], frozenset[str]]:
    dimensions = {
        n.lower() for ds in model.datasets for d in ds.dimensions for n in (d.name, d.label, *d.synonyms)
    }
    measures = {
        n.lower() for ds in model.datasets for x in ds.measures for n in (x.name, x.label, *x.synonyms)
    }
    return frozenset(dimensions), frozenset(measures)


def _singapore(text: str) -> str:
    text = _CAN_OR_NOT.sub(_can_or_not, text)
    return _GOT_HOW_MANY.sub(_got_how_many, text)


def _can_or_not(m: re.Match[str]) -> str:
    """A request: "X can plot or not?" asks to plot X; "Can show or not?" after it only asks again."""
    if not (m["x"] + m["y"]).strip():
        return m["lead"]
    # "can plot together": on one chart, not one line summed over what is named.
    y = re.sub(r"^together\b", "on one chart", m["y"].strip(), flags=_I)
    return f"{m['lead']}can you {m['v']} {m['x'].strip()} {y}?"


def _got_how_many(m: re.Match[str]) -> str:
    """A count asked after its subject: "Coderre got how many votes" is how many votes Coderre got."""
    noun = f" {m['n']}" if m["n"] else ""
    if m["s"] is None or m["s"].lower() == "got":
        return f"how {m['w']}{noun}"
    return f"how {m['w']}{noun} {m['s']} got"


def _requests(text: str) -> str:
    text = _NEEDFUL_AND.sub(lambda m: "show" if m["v"] else "", text)
    text = _REVERT_WITH.sub("as ", text)
    text = _WHICH_WAY.sub("which direction", _SHARE.sub(_share, text))
    text = _ABEG.sub("please", _MAKE_YOU.sub("", text))
    text = _RECKON.sub(lambda m: f"{m['m']} you", text)
    text = _EVER.sub("could you", _CHUCK.sub("show ", text))
    text = _GRAND_LINE.sub(lambda m: f"as a {m['c']}", text)
    text = _STORY.sub(lambda m: f"show {m['x'].strip()} over time.", text)
    return _ITSELF.sub("", text)


def _share(m: re.Match[str]) -> str:
    """What is shared or sent is shown: "kindly share the ..."."""
    return f"{'please' if m['p'].lower() == 'abeg' else m['p']} show"


def _tidy(text: str) -> str:
    """Spaces and stray commas left where the words were."""
    text = " ".join(text.split())
    text = re.sub(r"\s+(?=[,;:!?.](?:\s|$))", "", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:]+(?=[.?!])|(?<=[.?!])[.?!,]+|^[\s,;:.?!]+|[\s,;:]+$", "", text)
    return text.strip()

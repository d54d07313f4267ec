"""A circus ringmaster's announcement ("Step right up!", "In the centre ring") set aside around the request
each act carries. Read only in a question that speaks it (a marker below: "step right up", "boys and girls",
"the centre / center ring", "ring number N", "three-ring", "N rings", "the big top", "the greatest show on
earth", "death-defying", "the flying trapeze", "the high wire", "the tightrope", "let's hear it for",
"clowns", "circus", "ringmaster", "acrobats", "lion tamer", "tonight's act", "star / guest performer"), so
any other question reads exactly as before:
- patter names nothing and comes off: "Ladies and gentlemen(, boys and girls)" (never the sex values), "Step
  right up", "In the centre ring" (never the 23-Centre district), "In ring number three", "On the flying
  trapeze / high wire / tightrope (tonight)", "Watch it fly / swing", "Three rings, one chart", "The
  greatest show on earth (has N performers)", "our star performer", "let's hear it for them all / him":
  rings, clowns and performers counted are no limit;
- "the amazing", "the death-defying", "the three-ring" are praise, never a ranking or a limit; an act's
  title (a short exclamation of the voice naming no measure, value, number or chart: "The death-defying
  peak!", "The flying trapeze of Wall Street!") comes off whole;
- a scene of the circus naming nothing of the data before ", but" ("Our seven clowns squeeze into one tiny
  car, but", "The big top is shaped like a pie, but") is context: a chart it names is not asked;
- "tonight's act is", "(tonight) the act is performed / presented as X", "presented as X" ask for chart X;
  "tonight's act belongs to X:" is X's;
- "Let's hear it for X!" names X once: where X carries a measure it is the request itself; where X is only
  values, they are planned only where the request points back to them ("their", "those two species",
  "his") and do not name every value of their dimension (three performers who are all the nations filter
  nothing); named again or not pointed back to, the cheer adds nothing.
Tickets, shows, audiences' choices, a year the circus came to town and an opening night are left as they
are (and refused downstream as what the data cannot answer). Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import Names, names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unringmaster"]

_I = re.IGNORECASE
_N = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred)"
_CHART = r"(?:pie|line|bar|histogram|scatter(?:\s*plot)?|donut|doughnut|area)"
_STAGE = r"(?:(?:flying\s+)?trapeze|high\s+wire|tightrope|tight\s+rope)"
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(
    rf"\b(?:step\s+right\s+up|boys\s+and\s+girls|cent(?:re|er)\s+ring|ring\s+number\s+\w+|three-ring|{_N}\s+rings"
    rf"|big\s+top|greatest\s+show\s+on\s+earth|death-defying|{_STAGE}|let['\u2019]s\s+hear\s+it\s+for"
    r"|clowns?|circus|ringmaster|acrobats?|lion\s+tamer|tonight['\u2019]?s\s+act|(?:star|guest)\s+performer)\b",
    _I,
)
# Patter that names nothing, wherever it stands.
_PATTER = re.compile(
    r"\b(?:ladies\s+and\s+gentlemen(?:\s*,\s*boys\s+and\s+girls)?|boys\s+and\s+girls|step\s+right\s+up"
    r"|(?:in|into|at)\s+the\s+cent(?:re|er)\s+ring|(?:in|into)\s+(?:ring\s+(?:number\s+)?\w+|the\s+\w+\s+ring)"
    rf"|(?:on|across|along)\s+the\s+{_STAGE}(?:\s+tonight)?|(?:[!.]\s*)?watch\s+(?:it|them)\s+(?:fly|swing|soar|leap|"
    r"tumble|dance|balance|climb)|(?:the\s+)?greatest\s+show\s+on\s+earth(?:\s+(?:has|with)\s+\w+\s+performers)?"
    rf"|{_N}\s+rings?\s*,\s*one\s+(?:chart|act|show)|(?:,\s*)?(?:our|the)\s+(?:star|guest)\s+performers?"
    r"|let['\u2019]s\s+hear\s+it\s+for\s+(?:them(?:\s+all)?|him|her|it|all\s+of\s+them|everyone)"
    r"|(?:the\s+)?(?:amazing|death-defying|three-ring|astonishing|astounding|daring|dazzling)(?=\s))",
    _I,
)
# "Watch Apple and Facebook swing": the performers are the request's.
_WATCH = re.compile(r"\bwatch\s+(?P<x>[^.!?:;,]{1,60}?)\s+(?:fly|swing|soar|leap|tumble|dance|climb)\b", _I)
_SCENE = re.compile(
    r"(?:^|(?<=[.!?:]))\s*[^.!?:;]*\b(?:clowns?|big\s+top|tent|rings?|acrobats?|lions?|(?:lion\s+)?tamers?|elephants?|"
    r"jugglers?|performers?|trapeze|circus|ringmaster)\b"
    r"[^.!?:;]*?,\s+but\s+(?!not\b)",
    _I,
)
# The act's chart: "tonight's act is a histogram of", "the act is performed as bars:".
_ACT_AS = re.compile(
    rf"\b(?:tonight(?:['\u2019]s)?\s+)?(?:the\s+)?act\s+is\s+(?:performed|presented|shown|done)\s+as\s+"
    rf"(?:an?\s+)?(?P<chart>{_CHART})s?(?:\s+charts?)?\s*[:,!.]?",
    _I,
)
_PRESENTED = re.compile(rf"\b(?:presented|performed)\s+(?=as\s+(?:an?\s+)?{_CHART})", _I)
_ACT_IS = re.compile(r"\btonight(?:['\u2019]s|\s+the)\s+act\s+(?:is|belongs\s+to)\s+", _I)
_HEAR = re.compile(r"\blet['\u2019]s\s+hear\s+it\s+for\s+", _I)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_LEAD = re.compile(r"^(?:[\s,:;.!?\u2013\u2014-]|\b(?:and|but|so|now|then|tonight)\b(?=\W))+", _I)
# A dash left with nothing after it, once the patter it led to came off.
_DANGLING = re.compile(r"\s+[-\u2013\u2014]+\s*(?=[,.!?]|$)|(?<=[-\u2013\u2014])\s*,")
_EMPTY = re.compile(r"^[\s,:;.!?\u2013\u2014'\"-]*$")
_AND = re.compile(r"\b(?:and|the|of|for|act)\b", _I)
_CHART_NAMED = re.compile(rf"\b{_CHART}s?\b", _I)
_ASKS = re.compile(rf"\b(?:{_CHART}s?|how|what|which|show|chart|plot|by|each|per)\b|\d", _I)
# "those two species": the request points back to the values cheered.
_THOSE = re.compile(r"\b(?:those|these)\s+(?:\w+\s+)?(?P<noun>\w+)\b", _I)


def unringmaster(text: str, model: SemanticModel) -> str:
    """`text` with a ringmaster's announcement set aside; other text is unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    read = _SCENE.sub(lambda m: m[0] if _names_data(m[0], names) else " ", _untitle(text, names))
    charts = [m["chart"].lower() for m in _ACT_AS.finditer(read)]
    read = _ACT_IS.sub("", _PRESENTED.sub("", _ACT_AS.sub(" ", read)))
    read = _WATCH.sub(lambda m: m["x"], _PATTER.sub(" ", read))
    read = _DANGLING.sub("", read)
    sentences = [_LEAD.sub("", s) for s in _SENTENCES.split(read.strip())]
    request = _uncheer([s for s in sentences if not _EMPTY.match(s)], names, model)
    if not request:
        return text
    said = " ".join(request)
    if charts and not _CHART_NAMED.search(said):
        said = re.sub(r"[\s.!?]+$", "", said) + (
            ", as bars." if charts[-1] == "bar" else f", as a {charts[-1]}."
        )
    said = tidy(said)
    return said if said.strip() and said != tidy(text) else text


def _untitle(text: str, names: Names) -> str:
    """`text` without an act's title: a short exclamation of the voice naming nothing of the data."""
    kept = [
        s
        for s in _SENTENCES.split(text.strip())
        if not (
            len(s) < 60
            and s.rstrip().endswith("!")
            and _VOICE.search(s)
            and not _HEAR.search(s)
            and not _names_data(s, names)
            and not _ASKS.search(s)
        )
    ]
    return " ".join(kept)


def _names_data(text: str, names: Names) -> bool:
    # A value right after an apostrophe is a possessive's "s" ("the tamer's"), not the south wind.
    valued = any(m.start() == 0 or text[m.start() - 1] not in "'\u2019" for m in names.values.finditer(text))
    return bool(valued or names.measures.search(text) or names.groups.search(text))


def _uncheer(sentences: list[str], names: Names, model: SemanticModel) -> list[str]:
    """The sentences, a cheer for values alone kept only where the request points back to them."""
    out: list[str] = []
    for i, sentence in enumerate(sentences):
        said = _HEAR.sub("", sentence)
        cheered = values_named(said, names)
        if not cheered or not _only(said, cheered):
            out.append(said)
            continue
        rest = " ".join(sentences[i + 1 :])
        if _named_again(cheered, rest) or _every(cheered, model):
            continue
        those = _THOSE.search(rest)
        if those is not None and names.groups.fullmatch(those["noun"]):
            # "the average sepal width of those two species" is of the values cheered.
            return [*out, rest[: those.start()] + " and ".join(cheered) + rest[those.end() :]]
        if pointed := points_back(rest):
            return [*out, f"{' and '.join(cheered)}: {pointed}"]
        # Named again, every value, or not pointed back to: the cheer adds nothing.
    return out


def _only(sentence: str, values: list[str]) -> bool:
    for value in values:
        sentence = re.sub(rf"{re.escape(value)}(?:['\u2019]s)?", " ", sentence, flags=_I)
    return bool(_EMPTY.match(_AND.sub("", sentence)))


def _named_again(values: list[str], rest: str) -> bool:
    return any(re.search(rf"\b{re.escape(v)}\b", rest, _I) for v in values)


def _every(values: list[str], model: SemanticModel) -> bool:
    """Whether the values are all the values of one dimension: such a filter filters nothing."""
    said = {v.lower() for v in values}
    return any(
        d.values and {str(v).lower() for v in d.values} <= said
        for ds in model.datasets
        for d in ds.dimensions
    )

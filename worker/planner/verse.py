"""A request written in verse or in inverted word order, as the plain request its words name.

Rhyme and word order add nothing, so this module reads the shapes a rhyme or an inversion gives a request
and spells them in plain order; a question in plain word order has none of them and is returned unchanged
(the line breaks are already folded into spaces). What it reads:

- An inverted request verb, after its object: "the average tip by day show me you must", "... show me you
  will", "Per species, count them you shall" (count them), "see I wish", "one line each I seek", "the most
  first is the chart I seek", a trailing "display", "let their spread be known" (show their spread).
- Rhyme fillers, which say nothing: "show how they mount", "the population climbing high", "as they are",
  "in the row", "..., yes." at the end, "as a histogram drawn" (as a histogram).
- A poem's opening, "There once were three nations of snow, whose Olympic medals I'm eager to know" (the
  Olympic medals; a subject without a capitalised name is the rhyme's, not a value of the data).
- Verse words for the plan's words: "as the years go by" and "survey by survey" are over time; "the people
  count" is the population; "the biggest haul first" the most first; "one dot for every iris" a scatter
  of the rows; "Petal length, then width" petal length vs petal width; "sorted widest first" widest first;
  "the two districts side by side" split by district.
- A fronted comparison: "Longer than 5 cm, the petals of how many irises were?" is "How many irises had
  petals longer than 5 cm?"; "some stocks closed below their January 2018 level; for each company, count
  the weeks below that level" is how many weeks each company closed below its January 2018 level (a count
  of weeks, so a "week after week" beside it is no time axis).

Refused, naming the words: an inverted request for "the best ones" (or worst, finest) with no measure named
("Of gapminder's countries, the best ones show me you must"): best by what is left unsaid.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.planner.spread_words import dimension_words, measure_words
from worker.semantic import Dataset, SemanticModel

__all__ = ["unverse"]

_I = re.IGNORECASE
_END = r"(?=\s*(?:[.!?;:,\-\u2013\u2014]|$))"
# "show me you must", "count them you shall", "display it thou wilt": the verb, after its object.
_INVERTED = re.compile(
    r"(?P<verb>\b(?:show|give|chart|draw|plot|count|tell|display|paint))"
    r"(?:\s+(?:it|them|this))?(?:\s+(?:for\s+)?(?:me|us|them))?"
    rf"\s+(?:you|thou|ye)\s+(?:must|will|shall|should|can|could|would|wilt|shalt|may|might){_END}",
    _I,
)
# "see I wish", "is the chart I seek", "one line each I seek": the user's wish, after what is wished.
_WISHED = re.compile(
    r"(?:,\s*)?(?:\b(?:see|view|know)\s+)?(?:\bis\s+)?(?:\bthe\s+(?:chart|graph|plot|view|picture)\s+)?"
    rf"\bI\s+(?:seek|wish|crave|desire){_END}",
    _I,
)
_KNOWN = re.compile(
    rf"\blet\s+(?P<what>(?:their|its|the)\s+\w+)\s+be\s+(?:known|shown|seen|drawn|told){_END}", _I
)
_DISPLAY = re.compile(r",\s*(?:display|show|chart|plot|draw)\s*(?=[.!]?\s*$)", _I)
_FILLERS = [
    rf"\b(?:and\s+)?(?:show|see|watch)\s+how\s+(?:they|it)\s+(?:mount|climb|rise|grow|soar)s?{_END}",
    rf"\b(?:climbing|rising|soaring|growing|mounting)\s+(?:up\s+)?(?:high|higher|on\s+high){_END}",
    rf",\s*as\s+they\s+(?:are|stand|be){_END}",
    rf"\s+in\s+the\s+row{_END}",
    r",\s*yes\s*(?=[.!]?\s*$)",
]
_FILLER = re.compile("|".join(f"(?:{f})" for f in _FILLERS), _I)
_DRAWN = re.compile(
    r"\b(as\s+an?\s+(?:\w+\s+)?(?:histogram|line|bar|chart|scatter|pie))\s+(?:drawn|shown|plotted)\b", _I
)
_WORDS = [
    (re.compile(r"\bas\s+(?:the\s+)?(?:years|time|decades)\s+(?:go(?:es)?\s+by|pass(?:es)?|roll\s+on)\b", _I),
     "over time"),
    (re.compile(r"\b(survey|census|reading)\s+(?:by|after)\s+\1\b", _I), "over time"),
    (re.compile(r"\bthe\s+people\s+count\b(?!\s+(?:of|for|in)\b)", _I), "the population"),
    (re.compile(r"\b(?:the\s+)?(?:biggest|largest|greatest)\s+(?:haul|tally|hoard|take)s?\s+first\b", _I),
     "the most first"),
    (re.compile(r"\bone\s+(?:dot|point|mark)\s+(?:for|per)\s+(?:every|each)\s+\w+", _I), "as a scatter"),
    (re.compile(r"\bsorted\s+(?=\w+est\s+first\b)", _I), ""),
]  # fmt: skip
_OPENING = re.compile(
    r"^\s*there\s+(?:once\s+)?(?:was|were|lived)\s+(?P<who>[^,]+?),?\s+whose\s+(?P<what>[^,:;]+?)\s+"
    r"I(?:'m|\s+am|\s+was)\s+(?:eager|keen|longing|dying|yearning)\s+to\s+(?:know|see|learn)\b",
    _I,
)
_FRONTED = re.compile(
    r"(?P<cond>\b(?:longer|shorter|wider|narrower|bigger|smaller|larger|higher|lower|more|less|over|"
    r"under|above|below)\s+than\s+[^,]+?),\s+the\s+(?P<part>\w+)\s+of\s+how\s+many\s+(?P<things>\w+)\s+"
    r"(?:were|was|are|is)\s*\?",
    _I,
)
_THAT_LEVEL = re.compile(
    r"\bsome\s+\w+\s+(?P<verb>closed|ended|stayed|were|fell)\s+(?P<rel>below|above|under|over)\s+"
    r"(?:their|its)\s+(?P<base>[^;.,]+?\s+level)\s*[;,.]\s*(?P<each>for\s+each\s+\w+),\s*count\s+the\s+"
    r"(?P<unit>weeks|days|months|years)\s+(?:below|above|under|over)\s+that\s+level",
    _I,
)
_AFTER_TIME = re.compile(r"\b(week|day|month|year)\s+after\s+\1\s*,?\s*", _I)
_SIDE = re.compile(r"\b(?:the\s+)?(?:two|three|four|both|\d+)\s+(?P<g>\w+?)s?\s+side\s+by\s+side\b", _I)
_THEN = re.compile(r"\b(?P<head>\w+)\s+(?P<a>\w+),?\s+then\s+(?P<b>\w+)\b", _I)
_TIDY = re.compile(r"\s*(?:[,;:]\s*)*([.,;:!?])")
_BEST = re.compile(r"\bthe\s+(?:best|worst|finest|greatest|top|bottom)(?:\s+ones?)?\b", _I)


def unverse(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has no verse or inversion."""
    read = _read(text, model)
    return text if read == text else _TIDY.sub(r"\1", re.sub(r"\s{2,}", " ", read)).strip()


def _read(text: str, model: SemanticModel) -> str:
    if m := _INVERTED.search(text):
        _refuse_unmeasured_best(text[: m.start()], model)
        verb = "count them" if m["verb"].lower() == "count" else ""
        text = text[: m.start()] + verb + text[m.end() :]
    text = _WISHED.sub("", text)
    text = _KNOWN.sub(lambda k: f"show {k['what']}", text)
    text = _OPENING.sub(_opening, text)
    text = _FRONTED.sub(lambda f: f"How many {f['things']} had {f['part']} {f['cond']}?", text)
    text = _that_level(text)
    text = _FILLER.sub("", _DISPLAY.sub("", text))
    text = _DRAWN.sub(r"\1", text)
    for pattern, plain in _WORDS:
        text = pattern.sub(plain, text)
    return _measures_then(_side_by_side(text, model), model)


def _refuse_unmeasured_best(wanted: str, model: SemanticModel) -> None:
    """Refuses "the best ones show me you must" when no measure says what makes one best."""
    best = _BEST.search(wanted)
    # "gapminder's", "the tips data": the data named, whose name may also be a measure's ("tips").
    said = wanted
    for data in model.datasets:
        said = re.sub(rf"\b{re.escape(data.name)}(?:'s|\s+data(?:set)?(?:'s)?)", "", said, flags=_I)
    if best is None or re.search(rf"\b(?:{measure_words(model)})\b", said, _I):
        return
    ds = _named_dataset(wanted, model)
    example = (
        suggest(ds)
        if ds is not None
        else "Try e.g. \u201cthe countries with the highest life expectancy\u201d."
    )
    raise UnchartableQuestion(
        f"\u201c{best[0]}\u201d says no measure to rank by: name one the data has. {example}"
    )


def _named_dataset(text: str, model: SemanticModel) -> Dataset | None:
    """The dataset `text` names, by its name or one of its dimensions ("gapminder's countries")."""
    for ds in model.datasets:
        words = [ds.name, *ds.synonyms, *dimension_words(ds)]
        if any(re.search(rf"\b{re.escape(w)}", text, _I) for w in words if w):
            return ds
    return None


def _opening(m: re.Match[str]) -> str:
    # A subject with a capitalised name may name values ("There once were Canada and China"); one
    # without ("three nations of snow") is the rhyme's.
    who = m["who"].strip()
    named = re.search(r"\b[A-Z][a-z]", who[1:]) is not None
    return f"the {m['what']} of {who}" if named else f"the {m['what']}"


def _that_level(text: str) -> str:
    """ "some stocks closed below their L; for each company, count the weeks below that level"."""
    m = _THAT_LEVEL.search(text)
    if m is None:
        return text
    plain = f"{m['each']}, how many {m['unit']} {m['verb']} {m['rel']} its {m['base']}"
    text = text[: m.start()] + plain + text[m.end() :]
    # A count of weeks is one number per group: "week after week" beside it draws no time axis.
    return _AFTER_TIME.sub("", text)


def _side_by_side(text: str, model: SemanticModel) -> str:
    """ "the two districts side by side": split by the dimension the noun names."""

    def split(m: re.Match[str]) -> str:
        noun = m["g"].lower()
        for ds in model.datasets:
            if noun in dimension_words(ds):
                return f"split by {noun}"
        return m[0]

    return _SIDE.sub(split, text)


def _measures_then(text: str, model: SemanticModel) -> str:
    """ "Petal length, then width": two measures of one part, read as one against the other."""
    names = re.compile(rf"(?:{measure_words(model)})", _I)

    def pair(m: re.Match[str]) -> str:
        first, second = f"{m['head']} {m['a']}", f"{m['head']} {m['b']}"
        if names.fullmatch(first) and names.fullmatch(second):
            return f"{first} vs {second}"
        return m[0]

    return _THEN.sub(pair, text)

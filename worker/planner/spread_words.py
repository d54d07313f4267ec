"""Distributions and extremes spelt out in the words the readers know, before a question is read.

A user asking about spreads and extremes says:
- "how X is spread across Y" ("how X split / divide between Y"): how the total of X divides among the
  values of Y, i.e. "X by Y" (a bar, or the pie they ask for), not the histogram that "distribution of X"
  on its own asks for;
- "the record X", "the peak X" (X a measure): the highest X ("the record high of A and B" is their
  maximum); "the single highest X" is the highest X, and "the single biggest district vote" is the highest
  vote in one district;
- "typical X" (X a measure): the median, as a typical value is the middle one ("typical weekly price" is
  the median of the weekly prices the rows hold);
- "the most common Y" / "which Y is the most common" (Y a dimension): the number of rows by Y, most
  first ("the 3 most common Y" the top 3); on data whose measure already says how often ("how often"
  among its synonyms, the wind frequencies), that measure by Y, highest first;
- "over the two years" on data covering exactly two years: the whole data, no period.
The measure and dimension words come from the model, so "the most common tip amount" (a measure: a mode)
and "typical day" are left for the readers to refuse or read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from worker.planner.model_cache import per_model
from worker.planner.spoken import NUMBER_WORDS
from worker.semantic import Dataset, SemanticModel

__all__ = ["alternatives", "dimension_words", "how_often", "measure_words", "unspread"]

_I = re.IGNORECASE

# "how the world's population is spread across the continents": the subject is between "how" and the verb
# (no comma, so a clause before it is not swallowed); "how is X spread across Y" puts the verb first.
_VERB = r"(?:is|are|was|were|gets|get|got)\s+(?:spread|split|divided|shared)(?:\s+out)?"
_ACROSS = r"\s+(?:across|among|amongst|between|over)\s+"
# "how China's medals split across gold, silver and bronze", "how its medals divide between": the verb with
# no "is" before it.
_SPLITS = r"(?:spreads?|splits?|divides?)(?:\s+(?:out|up))?"
_HOW_SPREAD = re.compile(
    rf"\bhow\s+(?:(?P<x>[^,;?]+?)\s+{_VERB}|{_VERB}\s+(?P<y>[^,;?]+?)|(?P<z>[^,;?]+?)\s+{_SPLITS}){_ACROSS}",
    _I,
)
# "the record high of Amazon and Apple": no measure named, so the highest of the values named.
_RECORD_OF = re.compile(r"\brecord\s+(?P<way>high|low)s?\s+(?=(?:of|for)\b)", _I)
# A row grain between an extreme or typical word and the measure ("the peak weekly price", "typical
# weekly price") is what each value already is: one value per group is asked for, not a line per week.
_GRAIN = r"(?:(?:weekly|daily|yearly|annual)\s+)?"
_COUNT_OF = r"(?:(?:number|amount|count|total)\s+of\s+)?"
_SUPERLATIVE = r"highest|biggest|largest|greatest|lowest|smallest"
_SINGLE = re.compile(rf"\bsingle\s+(?=(?:{_SUPERLATIVE})\b)", _I)
# "frequent" only where no measure says how often: on the wind data "the most frequent direction" is
# already read as a ranking of its frequency.
_MOST = r"(?:(?P<way>most|least)\s+(?:common{frequent})|commonest)"
# "the 3 most common directions", "a couple of the most common bands": a ranking with a count, left to
# the readers of rankings.
_NUMBERS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_COUNTED = re.compile(rf"(?:\d|\b(?:of|top|bottom|first|last|{_NUMBERS}))\s*(?:the\s*)?$", _I)
# "over the two years" on data that covers two calendar years: the whole data, so no period at all.
_SPAN = re.compile(
    r"\s*,?\s*\b(?:over|across|during|in)\s+(?:the\s+|those\s+|these\s+)?(?:whole\s+|full\s+|entire\s+)?"
    r"(?P<n>\w+)\s+years(?:\s+(?:of\s+(?:the\s+)?data|covered|available))?\b",
    _I,
)


def alternatives(phrases: Iterable[str]) -> str:
    # longest first, so "total bill" wins over "total" and "wind direction" over "direction"
    words = sorted({p.lower() for p in phrases if p}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in words)


def measure_words(model: SemanticModel) -> str:
    # "close" and "closing price": a dated value's usual name, read as the measure later (measure_words)
    return alternatives(
        [
            w
            for ds in model.datasets
            for m in ds.measures
            for w in (m.name.replace("_", " "), m.label, *m.synonyms)
        ]
        + ["close", "closes", "closing"]
    )


def dimension_words(ds: Dataset) -> dict[str, str]:
    """Each word for a dimension of `ds` ("wind direction", "party size") -> the dimension's name."""
    words: dict[str, str] = {}
    for dim in ds.dimensions:
        for word in (dim.name.replace("_", " "), dim.label, *dim.synonyms):
            words.setdefault(word.lower(), dim.name)
    return words


def _spread(text: str) -> str:
    """ "how X is spread across Y" -> "X by Y"."""

    def by(m: re.Match[str]) -> str:
        return f"{m['x'] or m['y'] or m['z']} by "

    return _HOW_SPREAD.sub(by, text)


def how_often(ds: Dataset) -> str | None:
    """The label of the measure of `ds` that already says how often (the wind frequency), if any."""
    for m in ds.measures:
        if "how often" in (s.lower() for s in m.synonyms):
            return m.label.lower()
    return None


def _years_covered(ds: Dataset) -> int | None:
    if ds.time is None or not ds.time_min or not ds.time_max:
        return None
    return int(ds.time_max[:4]) - int(ds.time_min[:4]) + 1


def _least(m: re.Match[str]) -> bool:
    return (m["way"] or "").lower() == "least"


class _Common:
    """The most-common patterns of one dataset: counted ("the 3 most common Y"), plain and "which Y"."""

    def __init__(self, ds: Dataset) -> None:
        dims = alternatives(dimension_words(ds))
        prefix = rf"(?:(?:{alternatives(ds.synonyms)})\s+)?"
        self.often = how_often(ds)
        most = _MOST.format(frequent="" if self.often else "|frequent")
        self.measure = self.often or "number of rows"
        self.counted = re.compile(
            rf"\b(?:the\s+)?(?P<n>\d+|{_NUMBERS})\s+{most}\s+{prefix}(?P<dim>{dims})\b", _I
        )
        self.forms = (
            re.compile(rf"\b(?:the\s+)?{most}\s+{prefix}(?P<dim>{dims})\b", _I),
            re.compile(
                rf"\b(?:which|what)\s+{prefix}(?P<dim>{dims})\s+(?:is|was|are|were)\s+(?:the\s+)?{most}\b", _I
            ),
        )

    def rewrite(self, text: str) -> str | None:
        counted = self.counted.search(text)
        if counted is not None:
            top = "bottom" if _least(counted) else "top"
            ranked = f"{top} {counted['n']} {counted['dim']} by {self.measure}"
            return f"{text[: counted.start()]}{ranked}{text[counted.end() :]}"
        for form in self.forms:
            m = form.search(text)
            if m is None or _COUNTED.search(text[: m.start()]):
                continue
            first = _FIRST[(self.often is not None, _least(m))]
            rest = text[m.end() :].rstrip(" ?.!")
            return f"{text[: m.start()]}{self.measure} by {m['dim']}{rest}, {first}"
        return None


# (the measure says how often, the least asked for) -> the order of the bars
_FIRST = {
    (False, False): "most first",
    (False, True): "fewest first",
    (True, False): "highest first",
    (True, True): "lowest first",
}


class _Patterns:
    """The model's measure and dimension words in the patterns that need them, compiled once per model."""

    def __init__(self, model: SemanticModel) -> None:
        measures = measure_words(model)
        dims = alternatives(w for ds in model.datasets for w in dimension_words(ds))
        # "the single biggest district vote" (one row's value): the dimension word names the group the one
        # value was recorded in, so "the biggest vote in a district"
        self.one_place = re.compile(
            rf"\bsingle\s+(?P<sup>{_SUPERLATIVE})\s+(?P<dim>{dims})\s+(?P<m>{measures})\b(?P<rest>[^,;?.]*)",
            _I,
        )
        self.extreme = re.compile(
            rf"\b(?:record|peak|all-time\s+high)\s+{_GRAIN}(?={_COUNT_OF}(?:{measures})\b)", _I
        )
        self.typical = re.compile(rf"\b(?:the\s+)?typical\s+{_GRAIN}(?=(?:{measures})\b)", _I)
        self.common = [_Common(ds) for ds in model.datasets]
        # datasets with a time span in years, and the words naming them (their measures and dimensions)
        self.spans = [
            (n, re.compile(rf"\b(?:{_own_words(ds)})\b", _I))
            for ds in model.datasets
            if (n := _years_covered(ds)) is not None
        ]

    def whole_span(self, text: str) -> str:
        """ "over the two years" -> nothing, when the question names data covering exactly those years:
        every week is then in the chart, as without a period."""
        m = _SPAN.search(text)
        if m is None:
            return text
        said = m["n"].lower()
        n = int(said) if said.isdigit() else NUMBER_WORDS.get(said)
        if any(n == years and own.search(text) for years, own in self.spans):
            return text[: m.start()] + text[m.end() :]
        return text

    def extremes(self, text: str) -> str:
        """ "the record X", "the peak X" -> "the maximum X"; "record high of" -> "maximum of"; "the single
        highest X" -> "the highest X"."""
        text = self.one_place.sub(lambda m: f"{m['sup']} {m['m']}{m['rest']} in a {m['dim']}", text)
        text = _RECORD_OF.sub(lambda m: "maximum " if m["way"].lower() == "high" else "minimum ", text)
        return _SINGLE.sub("", self.extreme.sub("maximum ", text))

    def most_common(self, text: str) -> str:
        for common in self.common:
            rewritten = common.rewrite(text)
            if rewritten is not None:
                return rewritten
        return text


def _own_words(ds: Dataset) -> str:
    return alternatives(
        [*ds.synonyms] + [w for m in ds.measures for w in (m.label, *m.synonyms)] + list(dimension_words(ds))
    )


_patterns = per_model(_Patterns)


def unspread(text: str, model: SemanticModel) -> str:
    """`text` with its words for spreads, records, typical values and the most common value spelt out."""
    patterns = _patterns(model)
    text = _spread(patterns.whole_span(text))
    text = patterns.extremes(text)
    # "typical X" (X a measure) -> "median X": a typical value is the middle one
    text = patterns.typical.sub("median ", text)
    return patterns.most_common(text)

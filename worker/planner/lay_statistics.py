"""Statistics named in lay words, spelt as the planner reads them or refused, before a question is read.

A novice naming a statistic says (X a measure, Y and Z dimensions, all words from the model):
- "the middle value of X", "the midpoint of X", "the halfway value of X": the median X; "the usual X" is
  the typical one, the median too; "the 50th percentile of X" is the median;
- "add up (all) the X", "sum up the X", "tot up the X": the total X;
- "how long / wide / tall are the petals": petal length / width / height, where the model has that measure;
- "how common / frequent is each Y": the number of rows by Y (on data whose measure says how often, the
  wind frequencies, that measure); "most common first" is "most first";
- "how are X spread / split / divided across Y": X by Y, and when Y lists values of one dimension ("gold,
  silver and bronze") by that dimension, the values kept as a filter unless every value is named;
- "by who won the district": by the district winner, where the model has that dimension.
Refused, as no plan's aggregation is that statistic (each refusal names the words and what can be asked):
a mode of a measure ("the most common tip amount", "the mode of X"), the most common Y within each Z (a
count per group, then its leader: two levels of aggregation), a standard deviation or variance (named or
said in lay words: "how much X wander away from their average", "the average squared distance from their
mean"), a range as one number ("the range of X", "the longest minus the shortest") and percentiles,
quartiles and quantiles other than the median ("the 90th percentile", "stayed below a quarter of the
time", "90 out of 100 tables stayed under"). "The spread of X" and "how spread out" are left for the
distribution readers, and text without these words is returned unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.model_cache import per_model
from worker.planner.refusals import suggest
from worker.planner.spread_words import alternatives, dimension_words, how_often, measure_words
from worker.semantic import Dataset, Dimension, SemanticModel

__all__ = ["unlay"]

_I = re.IGNORECASE
_THE = r"(?:the\s+|all\s+(?:of\s+)?(?:the\s+)?|their\s+|its\s+)?"
# "the middle of the pack" and "the middle of the ranking" are no statistic: "middle" needs "value"
_MIDDLE = (
    r"(?:(?:middle|centre|center)\s+(?:value|figure|number|point)|"
    r"(?:midpoint|mid-point|halfway|half-way)(?:\s+(?:value|figure|number|point))?)"
)
# an adjective asking a size -> the noun a measure is named with ("how long are the petals": petal length)
_SIZE = {"long": "length", "wide": "width", "tall": "height", "high": "height", "heavy": "weight"}
_COMMON = r"(?:common|frequent|usual|popular)"
_GROUP = r"(?:year|decade|quarter|month|week|day|date|period)"
_IS = r"(?:is|are|was|were)"
_MOST = rf"(?:the\s+)?(?:most|least)\s+{_COMMON}"
_REFUSALS: list[tuple[re.Pattern[str], str]] = [
    # a variance said in lay words comes before the standard deviation's "from their mean"
    (
        re.compile(
            r"\bvariances?\b|\b(?:average|mean)\s+squared\s+(?:distance|difference|deviation)s?\b", _I
        ),
        "a variance",
    ),
    (
        re.compile(
            r"\bstandard\s+deviations?\b|\bstd\.?\s*dev(?:iation)?s?\b(?!\s*\()|\bstdev\b(?!\s*\()|\bstddev\b(?!\s*\()|"
            r"\b(?:wander|vary|varies|deviate|deviates|differ|differs|stray|strays)\s+(?:away\s+)?"
            r"(?:from|around)\s+(?:the|their|its)\s+(?:average|mean)\b",
            _I,
        ),
        "a standard deviation",
    ),
    (
        re.compile(
            # "the 50th percentile" is the median, read by the rewrites
            r"\b(?:inter-?quartile\s+range|iqr|(?!50th\b)\d+(?:st|nd|rd|th)\s+percentile|"
            r"(?<!50th\s)percentiles?|quartiles?|quantiles?|deciles?|quintiles?)\b|"
            r"\b(?:below|under|beneath)\s+(?:for\s+)?(?:a\s+quarter|three\s+quarters|a\s+third|two\s+thirds|"
            r"a\s+tenth|\d+\s*(?:%|per\s*cent|percent))\s+of\s+the\s+time\b|"
            r"\b(?!50\s)\d+\s+(?:out\s+)?of\s+(?:every\s+)?100\s+[\w\s]{0,30}?"
            r"(?:stayed|stay|stays|were|was|fell|fall|falls|sit|sat|sits|lie|lies|came|come|are|is)\s+"
            r"(?:in\s+)?(?:under|below|beneath)\b",
            _I,
        ),
        "a percentile or a quartile",
    ),
    (
        re.compile(
            r"\b(?:longest|highest|biggest|largest|maximum|max)\s+minus\s+(?:the\s+)?"
            r"(?:shortest|lowest|smallest|minimum|min)\b",
            _I,
        ),
        "a range as one number (the highest minus the lowest)",
    ),
]


class _Patterns:
    """The model's measure and dimension words in the patterns that need them, compiled once per model."""

    def __init__(self, model: SemanticModel) -> None:
        self.model = model
        measures = measure_words(model)
        self.measure_words = {
            w.lower() for ds in model.datasets for m in ds.measures for w in (m.name, m.label, *m.synonyms)
        }
        self.dims = {w: (ds, d) for ds in model.datasets for w, d in dimension_words(ds).items()}
        dims = alternatives(self.dims)
        self.middle = re.compile(
            rf"\b(?:the\s+)?(?:{_MIDDLE}|usual|50th\s+percentile)\s+(?:(?:of|for)\s+)?{_THE}"
            rf"(?=(?:{measures})\b)",
            _I,
        )
        self.add_up = re.compile(
            rf"\b(?:add|sum|tot|total)\s+up\s+{_THE}(?=[\w'\s]{{0,30}}?(?:{measures})\b)", _I
        )
        self.size = re.compile(
            rf"\bhow\s+(?P<adj>{'|'.join(_SIZE)})\s+(?:are|is|were|was)\s+(?:the\s+|their\s+|its\s+)?"
            rf"(?P<part>\w+?)s?\b",
            _I,
        )
        self.each = re.compile(
            rf"\bhow\s+{_COMMON}\s+(?:is|are|was|were)\s+(?:each|every|the(?:\s+different)?)\s+"
            rf"(?P<d>{dims})\b",
            _I,
        )
        self.spread = re.compile(
            r"\bhow\s+(?:is|are|was|were)\s+(?P<x>[^,;?]+?)\s+(?:spread|split|divided|shared)"
            r"(?:\s+out|\s+up)?\s+"
            r"(?:across|among|amongst|between|over|into)\s+(?P<y>[^;?.!]+?)\s*(?=[;?.!]|$)",
            _I,
        )
        self.won = re.compile(rf"\bby\s+who\s+won\s+(?:the\s+|each\s+)?(?P<d>{dims})\b", _I)
        # a mode: the most common value of a measure ("the most common tip amount", "the mode of the tips")
        self.mode = re.compile(
            rf"\b(?:most|least)\s+{_COMMON}\s+(?P<m>{measures})\b|\bcommonest\s+(?P<m2>{measures})\b|"
            rf"\b(?:the\s+mode\s+of|modal)\s+{_THE}(?P<m3>{measures})\b",
            _I,
        )
        # the most common Y within each Z: "which party size is the most common on each day"
        self.leader = re.compile(
            rf"\b(?:which|what)\s+(?P<a>{dims})\s+{_IS}\s+{_MOST}[\w\s,']*?\b(?:each|every)\s+"
            rf"(?P<b>{dims}|{_GROUP})\b|"
            rf"\b{_MOST}\s+(?P<a2>{dims})\s+(?:in|on|for|within|of|across|at)\s+(?:each|every)\s+"
            rf"(?P<b2>{dims}|{_GROUP})\b|"
            rf"\b(?:each|every)\s+(?P<b3>{dims}|{_GROUP})\b[\w\s,']*?\bwhich\s+(?P<a3>{dims})\s+{_IS}\s+"
            rf"{_MOST}\b",
            _I,
        )
        self.range = re.compile(rf"\bthe\s+range\s+of\s+{_THE}(?:{measures})\b", _I)

    def dim(self, word: str) -> tuple[Dataset, Dimension]:
        ds, name = self.dims[word.lower()]
        return ds, next(d for d in ds.dimensions if d.name == name)

    def refuse(self, text: str) -> None:
        """Raises UnchartableQuestion for a statistic no plan's aggregation is (see the module)."""
        if (m := self.leader.search(text)) is not None:
            a, b = m["a"] or m["a2"] or m["a3"], m["b"] or m["b2"] or m["b3"]
            ds, dim = self.dim(a)
            other = self.dims.get(b.lower())
            if other is None or other[1] != dim.name:
                label, by = dim.label.lower(), b.lower()
                raise UnchartableQuestion(
                    f"That asks which {label} is the most common within each group (\u201c{m[0]}\u201d), "
                    f"which needs two levels of aggregation (a count per group, then the one that leads), "
                    f"and chartq charts one at a time; it can show how common each {label} is in every group "
                    f"side by side, e.g. \u201cnumber of rows by {label} and {by}\u201d. {suggest(ds)}"
                )
        if (m := self.mode.search(text)) is not None:
            said = (m["m"] or m["m2"] or m["m3"]).lower()
            if said not in self.dims:  # "the most common medal" names the medal type: a count, read later
                raise UnchartableQuestion(
                    f"That asks for the most common value of a measure (\u201c{m[0]}\u201d), a mode, "
                    f"which chartq cannot compute: it charts averages, medians, totals, lowest and highest "
                    f"values and counts. It can show how the values are spread out as a histogram. "
                    f"Try e.g. \u201chistogram of {said}\u201d."
                )
        for pattern, what in _REFUSALS:
            if (m := pattern.search(text)) is not None:
                self._no_statistic(text, m[0], what)
        if (m := self.range.search(text)) is not None:
            self._no_statistic(text, m[0], "a range as one number (the highest minus the lowest)")

    def _no_statistic(self, text: str, said: str, what: str) -> None:
        raise UnchartableQuestion(
            f"\u201c{said}\u201d asks for {what}, which chartq cannot compute: it charts averages, medians, "
            f"totals, lowest and highest values and counts, and can show how values are spread out as a "
            f"histogram. {self._example(text)}"
        )

    def _example(self, text: str) -> str:
        """ "Try e.g. “median petal length by species”.": the measure the question names, summarised."""
        lowered = text.lower()
        for ds in self.model.datasets:
            for m in ds.measures:
                if any(re.search(rf"\b{re.escape(w.lower())}\b", lowered) for w in (m.label, *m.synonyms)):
                    dims = [d for d in ds.dimensions if d.type == "category"] or ds.dimensions
                    by = f" by {dims[0].label.lower()}" if dims else ""
                    return f"Try e.g. \u201cmedian {m.label.lower()}{by}\u201d."
        return suggest(self.model.datasets[0])

    def rewrite(self, text: str) -> str:
        text = self.middle.sub("the median ", text)
        text = self.add_up.sub("the total ", text)
        text = self.size.sub(self._size, text)
        text = self.each.sub(self._each, text)
        text = re.sub(
            r"\b(?:the\s+)?(?:most\s+common|commonest|most\s+frequent)(?:\s+ones?)?\s+first\b",
            "most first",
            text,
            flags=_I,
        )
        text = self.spread.sub(self._spread, text)
        return self.won.sub(self._won, text)

    def _size(self, m: re.Match[str]) -> str:
        named = f"{m['part']} {_SIZE[m['adj'].lower()]}"
        return named if named.lower() in self.measure_words else m[0]

    def _each(self, m: re.Match[str]) -> str:
        ds, _ = self.dim(m["d"])
        # on data whose measure already says how often (the wind frequencies), that measure; else the rows
        return f"{how_often(ds) or 'number of rows'} by {m['d']}"

    def _spread(self, m: re.Match[str]) -> str:
        said = re.sub(r"^(?:the|all|each)\s+", "", m["y"].strip(), flags=_I)
        parts = [p for p in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*", said) if p]
        for ds in self.model.datasets:
            for dim in ds.dimensions:
                values = {str(v).lower(): str(v) for v in [*dim.values, *dim.order]}
                values.update({k.lower(): str(v) for k, v in dim.value_synonyms.items()})
                if parts and all(p.lower() in values for p in parts):
                    named = {values[p.lower()] for p in parts}
                    whole = {str(v) for v in (dim.values or dim.order)}
                    # every value named is the whole dimension; some of them stay as a filter
                    rest = "" if named >= whole else f" for {', '.join(parts)}"
                    return f"{m['x']} by {dim.label.lower()}{rest}"
        # "divided among the nations" names no values: the reader of wholes makes it a pie of them.
        return m[0]

    def _won(self, m: re.Match[str]) -> str:
        named = f"{m['d']} winner"
        return f"by {named}" if named.lower() in self.dims else m[0]


_patterns = per_model(_Patterns)


def unlay(text: str, model: SemanticModel) -> str:
    """`text` with statistics said in lay words named as the planner reads them; raises
    UnchartableQuestion for a statistic no plan can draw (see the module)."""
    patterns = _patterns(model)
    patterns.refuse(text)
    return patterns.rewrite(text)

"""A comparer's wording, read before the dataset is chosen: groups, periods and measures set against each
other ("Germany next to France", "tip and total bill on the same chart", "ratio of tip to bill",
"before and after the start of 2019"), spelt out as the planner reads them. Differences, ratios and
changes between them are refused first (worker.planner.versus_refusals).

- "A next to B" between two values of the data is "A versus B"; "next to it" is left to
  worker.planner.compound, and "the countries next to Germany" (neighbours, which the data does not
  record) is refused.
- "Ratio of A to B" is the model's measure when it lists "A to B ratio" as a synonym; other ratios are
  left as written (and refused later, as the model has no such measure).
- "M1 and M2 on the same chart" for two measures of one unit is "M1 and M2 side by side": one chart of
  both (over time the words are dropped, as a line chart of two measures is already one chart). Two units
  would need a second axis, and are refused.
- "Before and after <date>" with no other bound is the whole data drawn over time: the date splits the
  line in two halves, both of which are drawn.
- In a comparison of values ("Coderre versus Joly"), "the majority districts" qualifies the rows (the
  districts whose result is majority), so it is the value alone: the compared values stay on the axis.
"""

from __future__ import annotations

import re

from worker.planner import words as pw
from worker.planner.errors import UnchartableQuestion
from worker.planner.versus_names import Names, names_of
from worker.planner.versus_refusals import check_computed
from worker.semantic import SemanticModel

__all__ = ["unversus"]

_I = re.IGNORECASE
# "next to it", "next to each other": said of the chart, not between two values.
_NEXT_TO = re.compile(r"\bnext\s+to\b(?!\s+(?:it|each\s+other|one\s+another|this|that|them)\b)", _I)
# "the countries next to Germany": neighbours, which the data does not record.
_PLACES = re.compile(r"\b(?:countries|country|nations|places|neighbou?rs|regions)\s*$", _I)
_SAME_CHART = re.compile(
    r",?\s*(?:on|in)\s+(?:the\s+same|one|a\s+single)\s+(?:chart|graph|plot|axes|figure)\b(?!\s+(?:as|with)\b)",
    _I,
)
_OVER_TIME = re.compile(
    r"\b(?:over\s+time|over\s+the\s+years|week\s+by\s+week|year\s+by\s+year|each\s+(?:year|week)|"
    r"per\s+(?:year|week)|trend|lines?|weekly|yearly|annual)\b",
    _I,
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# "before and after the start of 2019", "before and after March 2019".
_BEFORE_AFTER = re.compile(
    r",?\s*\bbefore\s+and\s+after\s+(?:the\s+(?:start|beginning|end|middle)\s+of\s+|mid-?)?"
    rf"(?:(?:{_MONTHS})\s+)?(?:19|20)\d\d\b",
    _I,
)
# Any other bound of a period: the split is then inside a period that is named.
_BOUND = re.compile(
    r"\b(?:since|from|between|until|till|through|during|in|of)\s+(?:the\s+)?(?:(?:19|20)\d\d|"
    rf"h[12]|q[1-4]|{_MONTHS})\b",
    _I,
)
_VERSUS = re.compile(rf"(?<!\w)(?:{pw.VERSUS})(?!\w)", _I)
# "the kind of row" words: "Coderre versus Joly in each district" keeps its grouping.
_GROUPING = re.compile(r"\b(?:each|every|per|by|for\s+all|across|all)\s+(?:of\s+)?(?:the\s+)?$", _I)


def unversus(text: str, model: SemanticModel) -> str:
    """`text` with its comparisons spelt out; raises UnchartableQuestion for a difference, a ratio of two
    values or a change between periods."""
    names = names_of(model)
    check_computed(text, names)
    text = _next_to(text, names)
    text = _ratio(text, names)
    text = _same_chart(text, names)
    text = _before_and_after(text)
    return _qualified_rows(text, names)


def _next_to(text: str, names: Names) -> str:
    """ "Germany next to France" -> "Germany versus France", only between two values of the data."""
    for m in reversed(list(_NEXT_TO.finditer(text))):
        after = text[m.end() :]
        follows = names.values.match(after, len(after) - len(after.lstrip()))
        if follows is None:
            continue
        if names.ends_with_value.search(text[: m.start()]):
            text = f"{text[: m.start()]}versus{after}"
        elif _PLACES.search(text[: m.start()]):
            raise UnchartableQuestion(
                f"chartq does not know which places are next to {follows[0]}: the data has no borders or "
                f"neighbours. It can compare values named together, e.g. \u201c{names.fallback}\u201d."
            )
    return text


def _ratio(text: str, names: Names) -> str:
    """ "ratio of tip to bill" -> "tip to bill ratio" when the model has that measure."""
    for pattern, synonym in names.ratios:
        text = pattern.sub(synonym, text)
    return text


def _same_chart(text: str, names: Names) -> str:
    """ "tip and total bill on the same chart" -> "tip and total bill side by side" (two measures of one
    unit)."""
    m = _SAME_CHART.search(text)
    if m is None:
        return text
    before = text[: m.start()]
    measures = list(names.measures.finditer(before))
    if len(measures) < 2 or not re.search(r"\band\b", before[measures[-2].end() : measures[-1].start()], _I):
        return text
    if re.search(r"[,.;:?!]", before[measures[-1].end() :]):
        return text
    if len({names.unit_of.get(m[0].lower()) for m in measures[-2:]}) > 1:
        # Two units on one chart need a second axis, which no plan draws.
        raise UnchartableQuestion(
            f"chartq cannot yet draw {measures[-2][0]} and {measures[-1][0]} on one chart: they are in "
            f"different units, which would need a second axis. Ask for each on its own chart, e.g. "
            f"\u201c{measures[-2][0]}{before[measures[-1].end() :]}{text[m.end() :]}\u201d."
        )
    joined = "" if _OVER_TIME.search(text) else " side by side"
    return f"{before}{joined}{text[m.end() :]}"


def _before_and_after(text: str) -> str:
    """ "X before and after the start of 2019" -> "X over time" when no other bound is named."""
    m = _BEFORE_AFTER.search(text)
    if m is None or _BOUND.search(text[: m.start()] + " " + text[m.end() :]):
        return text
    rest = text[: m.start()] + text[m.end() :]
    return rest if _OVER_TIME.search(rest) else f"{text[: m.start()]} over time{text[m.end() :]}"


def _qualified_rows(text: str, names: Names) -> str:
    """ "Coderre versus Joly in the majority districts" -> "... in majority" (a comparison of values)."""
    if not _VERSUS.search(text):
        return text
    for qualifier in names.qualifiers:
        for m in reversed(list(qualifier.finditer(text))):
            if not _GROUPING.search(text[: m.start()]):
                text = f"{text[: m.start()]}{m['v']}{text[m.end() :]}"
    return text

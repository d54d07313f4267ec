"""Everyday words for charts and their colours, spelt out in the model's words (the second half of
worker.planner.everyday_words, read after the data's terms).

- What a chart is of: "the Sunday tables counted by smoking status" and "a pie of the tables by day" are the
  number of tables (the rows, not the data's first measure).
- Forms: "one of those dot pictures of" / "a picture with dots of" is a scatter; "a round chart" / "one of
  those round cake charts" is a pie; "the two side by side" is both, side by side; "together in one chart"
  says nothing (every answer is one chart).
- Colours: "with A and B in different colours", where A and B are values of one dimension, colours the
  chart by that dimension (all its values) or by those values.
"""

from __future__ import annotations

import re

from worker.semantic import Dimension, SemanticModel

__all__ = ["CHART_WORDS", "recolour"]

_I = re.IGNORECASE

# Up to two words before the rows' noun ("the Sunday dinner tables"), none a count or a ranking.
_MODIFIERS = r"(?:(?!(?:of|the|a|an|top|bottom|first|last|\d+|[a-z]+est)\b)[\w-]+\s+){0,2}?"

_SAID: list[tuple[str, str]] = [
    # "the two side by side": both, drawn side by side (the number only counts the values named).
    (r"\bthe\s+two(?:\s+of\s+them)?\s+(?=side\s+by\s+side\b)", "both "),
    (r"\bthe\s+(?:three|four|five|six)(?:\s+of\s+them)?\s+(?=side\s+by\s+side\b)", ""),
    # "together in one chart", "on a single graph": one chart, which every answer is ("one" is no name,
    # and "together" here adds nothing up).
    (
        r"\b(?:all\s+)?(?:together\s+)?(?:in|on)\s+(?:one|a\s+single|just\s+one)\s+(?:chart|graph|plot|figure|picture)\b",
        "",
    ),
    # Chart words: "one of those dot pictures of", "a picture with dots of", "a round (cake) chart".
    (
        r"\b(?:a|one\s+of\s+(?:those|these|them)|the)\s+(?:dot|dotty|dotted)\s+(?:pictures?|drawings?|diagrams?)\b",
        "a scatter",
    ),
    (
        r"\b(?:a|one\s+of\s+(?:those|these)|the)\s+(?:pictures?|drawings?|diagrams?|charts?|graphs?)\s+with\s+"
        r"(?:dots|points)(?:\s+on\s+it)?\b",
        "a scatter",
    ),
    (
        r"\b(?:an?|one\s+of\s+(?:those|these)|the)\s+(?:round\s+cake|round|cake)\s+(?:charts?|graphs?|pictures?|"
        r"diagrams?|graphics?)\b",
        "a pie",
    ),
    # "mean petal width with mean sepal width beside it": both measures, side by side.
    (
        r"\s+with\s+(?P<m>(?:the\s+)?(?:mean|average|median|total)\s+[a-z]+(?:\s+[a-z]+)?)\s+(?:beside|next\s+to|"
        r"alongside)\s+it\b",
        r" and \g<m>",
    ),
    # "average petal width alongside its average sepal length": both measures.
    (r"\s+(?:beside|next\s+to|alongside)\s+(?:its|their)\s+(?=(?:mean|average|median|total)\s)", " and "),
    # "each nation its own colour", "each day in its own colour": coloured by it.
    (r"\b(?:with\s+)?each\s+(?!in\b)(?P<d>[a-z]+)\s+(?:in\s+)?its\s+own\s+colou?r\b", r"coloured by \g<d>"),
    # "the bills for lunch and for dinner separately": one bar each (a closing "separately" was unknown).
    (r"(?<=\w)\s+separately(?=\s*[.!?]?\s*$)", ", one bar each"),
    # "the Sunday tables counted by smoking status", "a pie of the tables by day": how many there are of
    # each (the rows themselves, not the data's first measure). A chart of the rows by a measure ("the top 8
    # districts by votes", "the ten richest countries by GDP per capita") ranks them, and stays.
    (
        rf"\b(?:the\s+)?(?P<x>{_MODIFIERS}(?:tables|parties|bills|diners|customers|flowers|countries|districts))"
        r"\s+counted\s+(?=(?:by|per|for\s+each|across)\b)",
        r"the number of \g<x> ",
    ),
    (
        rf"\b(?P<c>(?:pie|pie\s+chart|bar\s+chart|bars|chart|graph)\s+of\s+)(?:the\s+)?(?P<x>{_MODIFIERS}"
        r"(?:tables|parties|diners|customers|flowers))\s+(?=(?:by|per|for\s+each|across)\s+(?!(?:the\s+)?"
        r"(?:tips?|total|bills?|average|mean|median|sum|their|its|sepal|petal)\b))",
        r"\g<c>the number of \g<x> ",
    ),
    # "The tables by day", "Show me the parties per sex": rows named alone, nothing measured, are counted.
    (
        rf"^(?P<c>(?:(?:show|plot|chart|graph|draw)\s+(?:me\s+)?)?)(?:the\s+)?(?P<x>{_MODIFIERS}(?:tables|parties|"
        r"diners|customers))\s+(?=(?:by|per|for\s+each|across)\s+(?:the\s+)?[\w-]+(?:\s+and\s+(?:the\s+)?[\w-]+)?"
        r"\s*[.?!]?\s*$)",
        r"\g<c>the number of \g<x> ",
    ),
]
CHART_WORDS = [(re.compile(pattern, _I), said) for pattern, said in _SAID]

# "with the women and the men in different colours": values that colour the chart.
_COLOURS = re.compile(
    r"\b(?:with\s+)?(?P<vals>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?(?:(?:,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?[\w-]+"
    r"(?:\s+[\w-]+)?)+)\s+(?:(?:shown|drawn|plotted|each)\s+)?in\s+(?:different|separate|their\s+own|its\s+own)\s+"
    r"colou?rs?\b",
    _I,
)
_COUNTED_COLOURS = re.compile(
    r"\b(?:the\s+)?(?:two|three|four|five|both)\s+(?P<d>[a-z]+)\s+in\s+(?:different|separate|their\s+own)\s+"
    r"colou?rs\b",
    _I,
)
_SPLIT = re.compile(r"\s*(?:,|\band\b|\bor\b)\s*", _I)


def _values(dim: Dimension) -> dict[str, str]:
    named = {str(v).lower(): str(v) for v in dim.values} if dim.match_values else {}
    named.update({k.lower(): str(v) for k, v in dim.value_synonyms.items()})
    return named


def _colour_of(said: list[str], model: SemanticModel) -> str | None:
    """How the values `said` colour the chart: by their dimension when they name all of its values, else
    one colour for each; None when they are not values of one dimension."""
    for dataset in model.datasets:
        for dim in dataset.dimensions:
            named = _values(dim)
            found = {named.get(v.lower()) for v in said}
            if None in found or len(found) < 2:
                continue
            if found >= {str(v) for v in dim.values}:
                return f"coloured by {dim.synonyms[0] if dim.synonyms else dim.name}"
            return f"with a separate colour for {' and '.join(said)}"
    return None


def _colours_of_dimension(m: re.Match[str], model: SemanticModel) -> str:
    said = m["d"].lower()
    for dataset in model.datasets:
        for dim in dataset.dimensions:
            names = {dim.name.lower(), *(s.lower() for s in dim.synonyms)}
            if said in names or said.removesuffix("s") in names or said.removesuffix("es") in names:
                return f"coloured by {m['d']}"
    return m[0]


def recolour(text: str, model: SemanticModel) -> str:
    """ "with the women and the men in different colours": the values named just before the colours colour
    the chart; "the two nations in different colours", by that dimension. A match that begins too early
    ("the tip, the men and the women") is searched again from its next word."""
    text = _COUNTED_COLOURS.sub(lambda m: _colours_of_dimension(m, model), text)
    pos = 0
    while (m := _COLOURS.search(text, pos)) is not None:
        said = [re.sub(r"^the\s+", "", v, flags=_I) for v in _SPLIT.split(m["vals"]) if v.strip()]
        colour = _colour_of(said, model)
        if colour is None and len(last := said[-1].split()) == 2:  # "majority and plurality districts"
            colour = _colour_of([*said[:-1], last[0]], model)
        if colour is None:
            pos = m.start("vals") + 1
            continue
        text = f"{text[: m.start()]}{colour}{text[m.end() :]}"
        pos = m.start() + len(colour)
    return text

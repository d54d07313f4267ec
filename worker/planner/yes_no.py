"""A yes/no asker's questions ("Is there a link between the bill and the tip?", "Do smokers tip more?", "Did
Asia's population ever pass Europe's?") spelt out as the chart that answers them. The chart is the answer:
nothing is computed between the values and no single yes/no number is charted.

Read only when the question opens with a yes/no word (do, is, was, has ...) and asks for nothing chartq
refuses to compute (a significance test, a p-value, a correlation coefficient, a bare yes or no, a
forecast): those are left as written, for the planner's refusals. A value-led claim that only the other
rewrites read ("Is it true that ...", "Was Oceania the richest ...") is left to worker.planner.claims.

- "Is there a link / connection between X and Y": "X vs Y" (a scatter of two measures, or the measure
  over a grouping), where "how big the bill is" is the bill.
- "Does X depend on Y" between two groupings: the dataset's only measure over Y, X the series.
- "Do smokers tip more (than the rest)?": every value of the grouping ("tip by smoker"), as only the
  others show whether the named value leads; "than B" names B and is left to the comparison rewrites.
- "Were virginica petals longer than ...": "wider sepals", "petals longer" are the measures sepal width,
  petal length.
- "Are Saturdays busier than Fridays": the number of rows on each; "Is dinner where the restaurant makes
  most of its money": the revenue over every value of the meal.
- "Do bigger groups leave ...": the measure over the group size.
- "Did A's M ever pass B's", "keep rising", "gone up over the years", "ever drop below its January 2018
  level": the lines over time (a level named only in the claim is not a filter).
- "Was A ahead of B on M": M for A versus B.
- "Was X the worst performer": every value of X's grouping, averaged, ranked by the bar rule.
- "Were any of the Xs below their L level for a lot of weeks? Count the weeks for each": the number of
  weeks each X was below its L level.
- "Did Canada win more bronze than gold": the dataset's only measure for Canada, bronze vs gold.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.planner.yes_no_claims import (
    _ahead,
    _any_where,
    _best,
    _ever_pass,
    _mostly_from,
    _over_time,
    _possessive_more,
    _weeks_below,
    _win_more,
)
from worker.planner.yes_no_names import _I, _MORE, _OPENER, _dimension, _measure_in, _value_dimension
from worker.semantic import Dataset, SemanticModel

__all__ = ["unyesno"]

# What chartq refuses to compute, whatever the frame: left for the refusals to name.
_REFUSED = re.compile(
    r"\bsignifican|\bp-?\s?values?\b|\bt-?tests?\b|\byes\s+or\s+no\b|\bcorrelat|\bcoefficient|\bgoing\s+to\b|"
    r"\bwill\s+(?:be|go|get)\b|\bforecast|\bpredict|\bregression",
    _I,
)
_FOLLOWED = re.compile(r"[?.!;]\s+\S|,\s*I\s+wonder\b", _I)
_END = re.compile(r"\s*[?.!]+\s*$")
_LINK = re.compile(
    r"^\W*(?:is|was|are|were)\s+there\s+(?:a|any)\s+(?:real\s+)?(?:link|connection|relationship|relation|"
    r"association)\s+between\s+(?P<x>.+?)\s+and\s+(?P<y>.+?)"
    r"(?P<scope>,?\s+(?:in|among|amongst|for|at|during|on|across)\s+[^,]+)?$",
    _I,
)
# "how big the bill is": the bill itself, as the link is read between the things measured.
_HOW_BIG = re.compile(
    r"\bhow\s+(?:big|large|high|small|low|much)\s+(?P<n>(?:the|a|an|its|their)\s+[\w ]+?)\s+"
    r"(?:is|was|are|were)\b",
    _I,
)
_AT_TABLE = re.compile(r"\bhow\s+many\s+people\s+(?:are|were|sat|sit)\s+at\s+(?:a|the|each)\s+table\b", _I)
_DEPENDS = re.compile(
    r"^\W*(?:does|do|did)\s+(?P<x>[\w ]+?)\s+(?:depend|vary|change)\s+(?:on|with|by)\s+(?P<y>[\w ]+?)$", _I
)
# "than the other two species", "than the rest", "than everyone else": every value.
_THAN_REST = re.compile(
    r"\s+than\s+(?:the\s+)?(?:others?|rest|everyone\s+else|everybody\s+else|anyone\s+else)\b[\w ]*?"
    r"(?=\s+(?:at|in|on|during|among|for)\s|$)|\s+than\s+(?:the\s+|all\s+the\s+)?other\s+[\w ]+?"
    r"(?=\s+(?:at|in|on|during|among|for)\s|$)",
    _I,
)
_SCOPE = re.compile(r"\s+(?P<s>(?:at|in|on|during|among|for)\s+.+)$", _I)
_SIZES = {
    "longer": "length",
    "shorter": "length",
    "wider": "width",
    "narrower": "width",
    "taller": "height",
    "heavier": "weight",
}
_SIZE = re.compile(
    r"\b(?:(?P<a>longer|wider|taller|heavier|shorter|narrower)\s+(?P<n>[a-z]+?)s\b|"
    r"(?P<n2>[a-z]+?)s\s+(?P<a2>longer|wider|taller|heavier|shorter|narrower)\b)",
    _I,
)
_BUSIER = re.compile(r"\b(?:busier|quieter|more\s+crowded)\s+than\b", _I)
_MONEY = re.compile(
    r"^\W*(?:is|was|are|were)\s+(?P<v>[\w-]+)\s+(?:when|where)\s+(?:the\s+)?[\w ]+?\s+(?:makes?|made|earns?|"
    r"takes?)\s+(?:most\s+of\s+)?(?:its|their|the)\s+money(?P<rest>.*)$",
    _I,
)
_BIGGER_GROUPS = re.compile(
    r"^\W*(?:do|does|did)\s+(?:bigger|larger|smaller)\s+(?P<g>[a-z]+)\s+(?:\w+\s+)?(?:an?\s+)?"
    r"(?:bigger|larger|smaller|higher|lower|more|less)\s+(?P<m>.+)$",
    _I,
)


def unyesno(text: str, model: SemanticModel) -> str:
    """`text` with a yes/no question spelt out as the chart that answers it; other text unchanged."""
    if _OPENER.match(text) is None or _REFUSED.search(text):
        return text
    body = _END.sub("", text.strip())
    # A question followed by its own request ("... ? Show me ...") names its chart: only the weeks
    # counted for each (read whole below) are spelt out here.
    rules = [_weeks_below] if _FOLLOWED.search(body) else _RULES
    for rule in rules:
        said = rule(body, model)
        if said is not None:
            return " ".join(said.split())
    return text


def _link(body: str, model: SemanticModel) -> str | None:
    if (m := _LINK.match(body)) is None:
        return None
    x, y = (_AT_TABLE.sub("table size", _HOW_BIG.sub(r"\g<n>", s)) for s in (m["x"], m["y"]))
    if any(_dimension(ds, side) for ds in model.datasets for side in (x, y)):
        return f"{x} vs {y}{m['scope'] or ''}"  # a measure over a grouping
    # Two measures: said as a relationship, so the scatter says it computes no correlation coefficient.
    return f"relationship between {x} and {y}{m['scope'] or ''}"


def _depends(body: str, model: SemanticModel) -> str | None:
    """ "Does wind strength depend on direction": the only measure over direction, strength the series."""
    if (m := _DEPENDS.match(body)) is None:
        return None
    for ds in model.datasets:
        x, y = _dimension(ds, m["x"]), _dimension(ds, m["y"])
        if x is not None and y is not None and x is not y and len(ds.measures) == 1:
            return f"{ds.measures[0].label} by {y.label} and {x.label}"
    return None


def _every_value(body: str, model: SemanticModel) -> str | None:
    """ "Do smokers tip more", "Do setosa flowers have wider sepals than the other two species": the named
    value against the rest of its grouping, so every value of it."""
    head = _OPENER.match(body)
    assert head is not None
    rest = body[head.end() :]
    words = rest.split()
    if not words or not re.search(rf"\b{_MORE}\b", rest, _I):
        return None
    if re.search(r"\bthan\b", rest, _I) and not _THAN_REST.search(rest):
        return None  # "than men" names the other value: the comparison rewrites read it.
    found = _value_dimension(model, words[0])
    if found is None:
        return None
    ds, dim = found
    rest = _THAN_REST.sub("", rest)
    measure = _measure_in(ds, _sized(rest, ds))
    if measure is None:
        return None
    scope = _SCOPE.search(rest)
    return f"{measure} by {dim.label}" + (f" {scope['s']}" if scope else "")


def _two_values(body: str, model: SemanticModel) -> str | None:
    """ "Are virginica petals longer than versicolor petals on average": the sized measure, A vs B."""
    if (m := _SIZE.search(body)) is None:
        return None
    head = _OPENER.match(body)
    assert head is not None
    rest = body[head.end() :]
    for ds in model.datasets:
        sized = _sized(rest, ds)
        measure = _measure_in(ds, sized)
        if measure is None or sized == rest:
            continue
        noun = (m["n"] or m["n2"]).lower()
        rest = re.sub(rf"\b{noun}s\b", "", sized, flags=_I)
        rest = re.sub(rf"\b{re.escape(measure)}\b", "", rest, count=1, flags=_I)
        return f"{measure} " + re.sub(r"\bthan\b", "vs", rest, count=1, flags=_I)
    return None


def _busier(body: str, model: SemanticModel) -> str | None:
    if not _BUSIER.search(body):
        return None
    rest = _OPENER.sub("", body, count=1)
    return "number of rows " + _BUSIER.sub("vs", rest)


def _money(body: str, model: SemanticModel) -> str | None:
    """ "Is dinner where the restaurant makes most of its money": the revenue over every meal."""
    if (m := _MONEY.match(body)) is None or (found := _value_dimension(model, m["v"])) is None:
        return None
    return f"revenue by {found[1].label}{m['rest']}"


def _bigger_groups(body: str, model: SemanticModel) -> str | None:
    if (m := _BIGGER_GROUPS.match(body)) is None:
        return None
    group = m["g"].lower()
    sized = f"{group[:-3]}y size" if group.endswith("ies") else f"{group.removesuffix('s')} size"
    if not any(_dimension(ds, sized) for ds in model.datasets):
        return None
    return f"{m['m']} by {sized}"


_RULES: list[Callable[[str, SemanticModel], str | None]] = [
    _link,
    _any_where,
    _possessive_more,
    _mostly_from,
    _depends,
    _weeks_below,
    _money,
    _bigger_groups,
    _ever_pass,
    _ahead,
    _best,
    _win_more,
    _busier,
    _every_value,
    _two_values,
    _over_time,
]


def _sized(text: str, ds: Dataset) -> str:
    """ "wider sepals", "petals longer": the measure sepal width, petal length, where the dataset has it."""

    def said(m: re.Match[str]) -> str:
        adjective = (m["a"] or m["a2"]).lower()
        noun = (m["n"] or m["n2"]).lower()
        name = f"{noun} {_SIZES[adjective]}"
        return name if _measure_in(ds, name) == name else m[0]

    return _SIZE.sub(said, text)

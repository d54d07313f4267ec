"""Yes/no claims about values and their course over time, spelt out as the chart that answers them (for
worker.planner.yes_no): "Did A's M ever pass B's", "ever drop below its January 2018 level", "keep rising",
"Was A ahead of B on M", "Was X the worst performer", "Were any of the Xs below their level for a lot of
weeks? Count the weeks for each", "Did Canada win more bronze than gold", "Is China's economy bigger than
the United States' these days", "Do the calm winds mostly come from the east", "Are there any Xs where
people lived less than N years"."""

from __future__ import annotations

import re

from worker.planner.yes_no_names import _I, _MORE, _NAME, _OPENER, _dimension, _measure_in, _value_dimension
from worker.semantic import SemanticModel

_EVER_PASS = re.compile(
    rf"^\W*(?i:did)\s+(?P<a>{_NAME})'s?\s+(?P<m>[\w ]+?)\s+ever\s+(?:pass|overtake|exceed|surpass|top|beat|"
    rf"go\s+above|rise\s+above|fall\s+below|drop\s+below|go\s+below)\s+(?P<b>(?:the\s+)?{_NAME})(?:'s?)?(?P<rest>\s.*)?$"
)
_EVER_LEVEL = re.compile(
    r"\s+ever\s+(?:drop|fall|go|dip|sink|slip|rise|climb|get)\s+(?:below|under|above|over|past)\s+"
    r"(?:its|their|the)\s+[\w ]*?\blevels?\b",
    _I,
)
_OVER_TIME = re.compile(
    r"\s+(?:keep|kept)\s+(?:rising|growing|falling|increasing|decreasing|climbing|dropping|going\s+(?:up|down))\b|"
    r"\s+(?:gone|went|go)\s+(?:up|down)(?=\s+over\s+(?:the\s+years|time))",
    _I,
)
_AHEAD = re.compile(
    rf"^\W*(?i:was|is|were|are)\s+(?P<a>{_NAME})\s+(?:ahead\s+of|behind|above|below)\s+(?P<b>{_NAME})\s+"
    r"(?:on|in\s+terms\s+of|for)\s+(?P<m>\w[\w ]*?)(?P<rest>\s+(?:in|during|from|between)\s.*)?$"
)
_BEST = re.compile(
    r"^\W*(?i:was|is|were|are)\s+(?P<v>[A-Z][\w ]*?)\s+the\s+(?:worst|best|top|weakest|strongest)[\s-]+"
    r"perform(?:er|ing(?:\s+\w+)?)(?:\s+of\s+(?:the|all)(?:\s+the)?\s+\w+)?(?P<rest>\s.*)?$"
)
_WEEKS_BELOW = re.compile(
    r"^\W*(?:were|was|are|is)\s+any\s+of\s+the\s+(?P<d>[a-z]+)\s+(?P<w>below|above|under|over)\s+their\s+"
    r"(?P<l>[\w ]+?\blevel)\s+for\s+(?:a\s+lot\s+of|many|most|several|lots\s+of)\s+(?P<u>weeks|years)"
    r"(?P<rest>\s[^?.!]*)?[?.!]\s*count\s+(?:the\s+)?(?P=u)\s+for\s+each(?:\s+(?:one|of\s+them))?$",
    _I,
)
# "Is China's economy bigger than the United States'": the measure for A versus B.
_POSSESSIVE_MORE = re.compile(
    rf"^\W*(?i:is|was|are|were)\s+(?P<a>{_NAME})'s?\s+(?P<m>[a-z][\w ]*?)\s+{_MORE}\s+than\s+"
    rf"(?P<b>(?:the\s+)?{_NAME})(?:'s?)?(?P<rest>\s.*)?$"
)
# "Do the calm winds mostly come from the east": where they come from, every direction.
_MOSTLY_FROM = re.compile(
    r"\s+(?:mostly|mainly|usually|generally)\s+(?:come|comes|came|blow|blows|blew)\s+from\s+(?:the\s+)?"
    r"(?P<v>[\w-]+)(?P<rest>.*)$",
    _I,
)
_ANY_WHERE = re.compile(
    r"^\W*(?:are|were)\s+there\s+any\s+(?P<x>.+?)\s+(?:where|with|in\s+which|whose)\s+(?P<c>.+)$", _I
)
# "people lived less than 72 years": life expectancy under 72, where a measure is called life expectancy.
_LIVED = re.compile(
    r"\b(?:people|they|its\s+people|their\s+people)\s+(?:lived|live|lives)\s+(?:for\s+)?(?P<c>less|more|fewer|under|"
    r"over)\s+(?:than\s+)?(?P<n>\d+(?:\.\d+)?)\s+years\b",
    _I,
)
_NOW = re.compile(r"\s+(?:these\s+days|nowadays|now|today|currently|at\s+the\s+moment|at\s+present)\b", _I)
_WIN_MORE = re.compile(
    rf"^\W*(?i:did|does|do|has|have)\s+(?P<v>[A-Z][\w ]*?)\s+(?:win|get|have|earn|take)\s+{_MORE}\s+"
    r"(?P<a>[a-z]+?)s?\s+than\s+(?P<b>[a-z]+?)s?(?P<rest>\s.*)?$"
)


def _ever_pass(body: str, model: SemanticModel) -> str | None:
    if (m := _EVER_PASS.match(body)) is None:
        return None
    return f"{m['m']} of {m['a']} vs {m['b']} over time{m['rest'] or ''}"


def _over_time(body: str, model: SemanticModel) -> str | None:
    """ "ever drop below its January 2018 level", "keep rising", "gone up over the years": the line."""
    if _EVER_LEVEL.search(body):
        return _OPENER.sub("", _EVER_LEVEL.sub(" over time", body), count=1)
    if _OVER_TIME.search(body):
        said = _OVER_TIME.sub(" over time", body)
        said = re.sub(r"\bover\s+time\s+over\s+(?:the\s+years|time)\b", "over time", said, flags=_I)
        return _OPENER.sub("", said, count=1)
    return None


def _ahead(body: str, model: SemanticModel) -> str | None:
    if (m := _AHEAD.match(body)) is None:
        return None
    return f"{m['m']} {m['a']} vs {m['b']}{m['rest'] or ''}"


def _best(body: str, model: SemanticModel) -> str | None:
    """ "Was Facebook the worst performer": every company's average, as the bars rank them."""
    if (m := _BEST.match(body)) is None or (found := _value_dimension(model, m["v"])) is None:
        return None
    ds, dim = found
    if len(ds.measures) != 1:
        return None
    return f"average {ds.measures[0].label} by {dim.label}{m['rest'] or ''}"


def _weeks_below(body: str, model: SemanticModel) -> str | None:
    if (m := _WEEKS_BELOW.match(body)) is None:
        return None
    for ds in model.datasets:
        dim = _dimension(ds, m["d"])
        if dim is not None:
            return f"number of {m['u']} each {dim.label} was {m['w']} its {m['l']}{m['rest'] or ''}"
    return None


def _win_more(body: str, model: SemanticModel) -> str | None:
    """ "Did Canada win more bronze than gold": two values of one grouping, of the only measure."""
    if (m := _WIN_MORE.match(body)) is None:
        return None
    a, b = _value_dimension(model, m["a"]), _value_dimension(model, m["b"])
    if a is None or b is None or a[1] is not b[1] or len(a[0].measures) != 1:
        return None
    return f"{m['v']} {a[0].measures[0].label} {m['a']} vs {m['b']}{m['rest'] or ''}"


def _possessive_more(body: str, model: SemanticModel) -> str | None:
    if (m := _POSSESSIVE_MORE.match(body)) is None:
        return None
    return f"{m['m']} of {m['a']} vs {m['b']}{_now(m['rest'] or '', model, m['a'])}"


def _now(rest: str, model: SemanticModel, value: str) -> str:
    """ "these days", "nowadays" on survey data: its most recent survey year, said so, as a comparison of
    two named values is otherwise drawn over every year."""
    found = _value_dimension(model, value)
    if found is None or not found[0].periods:
        return rest
    return _NOW.sub(" in the most recent survey year", rest)


def _mostly_from(body: str, model: SemanticModel) -> str | None:
    if (m := _MOSTLY_FROM.search(body)) is None or (found := _value_dimension(model, m["v"])) is None:
        return None
    return f"{_OPENER.sub('', body[: m.start()], count=1)} by {found[1].label}{m['rest']}"


def _any_where(body: str, model: SemanticModel) -> str | None:
    """ "Are there any countries in Europe where people lived less than 72 years": the bars of those
    countries; whether any appear is the answer."""
    if (m := _ANY_WHERE.match(body)) is None:
        return None
    lived = "life expectancy" if any(_measure_in(ds, "life expectancy") for ds in model.datasets) else None
    condition = m["c"]
    if lived is not None:
        condition = _LIVED.sub(
            lambda c: f"{lived} {'under' if c['c'] in ('less', 'fewer', 'under') else 'over'} {c['n']}",
            condition,
        )
    return f"{m['x']} with {condition}"

"""A request written as an agile user story, read as the chart it asks for.

- "As a restaurant manager, I want (to see) the average tip on each day, so that I can plan staffing." is
  "the average tip on each day": the role ("As a ...") and the purpose ("so that ...", "so I can ...", "in
  order to ...") are no part of the chart. A "User story:" or "Story:" label comes off too.
- Acceptance criteria are part of the request: "AC: one line; no other companies", "AC1: dinner only",
  "Acceptance criteria: lowest first" join it clause by clause ("..., one line, no other companies").
  "One group of bars per district" is "by district"; "gold, silver and bronze, in that order", naming every
  value of a column, orders and filters nothing, and is left for the chart's own order.
- "Given the iris data, when I group the flowers by species, then I see the mean sepal length of each
  species as bars" is one request in ordered steps (worker.planner.steps): the data, what is done to it,
  what is shown. "Then each country is a dot" is a scatter when a country is what the data's rows are.

A purpose that names a value of the data the request leaves unsaid ("so that I can staff the Sunday
shift") may have meant a condition: it is refused rather than dropped silently. One that names values of a
column the request already charts ("split the tip pool between the lunch and dinner crews", by meal) is
not. Text that is no story is returned exactly as written.
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.owners import data_named
from worker.planner.steps import unstep
from worker.planner.what_if import with_example
from worker.semantic import Dataset, Dimension, SemanticModel

__all__ = ["unstory"]

_I = re.IGNORECASE
_LABEL = r"(?:(?:user\s+)?story\s*[:\-\u2013\u2014]\s*)?"
_STORY = re.compile(
    _LABEL
    + r"as\s+(?:an?|the|one\s+of\s+the)\s+(?P<role>[^,.;:]{1,60}?)\s*,?\s+(?:i|we)(?:\s+|(?='d|\u2019d))"
    r"(?:want|need|would\s+like|'d\s+like|\u2019d\s+like|wish\s+for)\s+(?:to\s+(?:see|know|get|have|view)\s+|to\s+)?"
    r"(?P<request>.+?)"
    r"(?:,?\s+(?:so\s+that|so(?=\s+(?:i|we)\b)|in\s+order\s+to)\s+(?P<purpose>.+?))?"
    r"\s*(?:[.!](?:\s+|$)|$)(?P<rest>.*)$",
    _I,
)
_CRITERIA = re.compile(r"\b(?:AC\s*\d*|acceptance\s+criteri(?:a|on)(?:\s+\d+)?)\s*[:\-\u2013\u2014]\s*", _I)
_GIVEN = re.compile(
    _LABEL + r"(?:scenario\s*:\s*)?given\s+(?P<given>.+?),?\s+when\s+(?P<when>.+?),?\s+then\s+(?P<then>.+?)"
    r"\s*[.!]?$",
    _I,
)
_SUBJECT = re.compile(r"^(?:i|we|you|the\s+user)\s+(?:should\s+|can\s+|will\s+)?", _I)
_SEE = re.compile(r"^(?:see|get|have|view|am\s+shown|are\s+shown|be\s+shown)\s+", _I)
_GROUP_OF_BARS = re.compile(
    r"\b(?:one|a)\s+(?:group|cluster|set)\s+of\s+bars\s+(?:per|for\s+each|for\s+every)\s+", _I
)
_IN_THAT_ORDER = re.compile(r"^(?P<values>.+?),?\s+in\s+(?:that|this)\s+order$", _I)
_DOT = re.compile(
    r"\b(?:each|every)\s+(?P<x>[\w-]+)\s+(?:is|as|shows?\s+as|appears?\s+as)\s+(?:a\s+)?(?:dot|point|marker)\b",
    _I,
)
_LIST = re.compile(r"\s*(?:,|\band\b|&)\s*", _I)
# What a story may want that no chart is: chartq draws the data as it is, once, when asked.
_NO_CHART = re.compile(
    r"\b(?:an?\s+)?(?:alerts?|notifications?|reminders?|alarms?|e-?mails?)\b|\b(?:notify|remind|warn)\s+(?:me|us)\b",
    _I,
)
# A purpose that says how to chart ("so that the biggest comes first", "so I see only 2019") is part of
# the request put in the wrong place: refused, never dropped. So is a "role" that is a chart's ("As a pie").
_CHART_WORDS = re.compile(
    r"\b(?:only|except|excluding|without|sorted|ordered|first|last|top|bottom|highest|lowest|biggest|"
    r"smallest|ascending|descending|(?:19|20)\d\d|pie|bars?|lines?|scatter|histogram|chart|graph|plot)\b",
    _I,
)
# Values that are plain English in a purpose ("so that I can say yes").
_PLAIN = frozenset(("yes", "no"))


def unstory(text: str, model: SemanticModel) -> str:
    """`text` with its story's role and purpose set aside and its criteria and steps as one request;
    unchanged when it is no story."""
    if m := _STORY.match(text.strip()):
        return _story(text, m, model)
    if m := _GIVEN.match(text.strip()):
        return _given(text, m, model)
    return text


def _story(text: str, m: re.Match[str], model: SemanticModel) -> str:
    if _CHART_WORDS.search(m["role"]):
        return text  # "As a pie chart, I want ...": no role, left for the readers to name
    request = m["request"].strip(" ,")
    if no_chart := _NO_CHART.search(request):
        raise NotInTheData(
            with_example(
                f"chartq draws a chart of the data when asked and cannot send \u201c{no_chart[0]}\u201d; "
                "ask for the chart itself",
                request,
                model,
            )
        )
    if m["purpose"]:
        _refuse_conditions(m["purpose"], request, text, model)
    rest = m["rest"].strip()
    criteria = _criteria(rest, model)
    if criteria is None:
        return f"{request}. {rest}" if rest else request
    return ", ".join([request, *criteria])


def _criteria(rest: str, model: SemanticModel) -> list[str] | None:
    """The clauses of the acceptance criteria `rest` opens with; None when it opens with none."""
    if rest and not _CRITERIA.match(rest):
        return None
    clauses = (c.strip(" .;,") for part in _CRITERIA.split(rest) for c in part.split(";"))
    return [c for c in (_clause(c, model) for c in clauses if c) if c]


def _clause(clause: str, model: SemanticModel) -> str:
    clause = _GROUP_OF_BARS.sub("by ", clause)
    ordered = _IN_THAT_ORDER.match(clause)
    if ordered and _every_value(ordered["values"], model):
        return ""  # names every value of its column: no filter, and the column's own order
    return clause


def _every_value(said: str, model: SemanticModel) -> bool:
    """Whether `said` ("gold, silver and bronze") lists every value of one column, and nothing else."""
    named = {w.lower() for w in _LIST.split(said.strip()) if w}
    return any(
        named == {str(v).lower() for v in dim.values}
        for ds in model.datasets
        for dim in ds.dimensions
        if dim.values
    )


def _given(text: str, m: re.Match[str], model: SemanticModel) -> str:
    when = _SUBJECT.sub("", m["when"].strip())
    then = _SEE.sub("", _SUBJECT.sub("", m["then"].strip()))
    then = _DOT.sub(lambda d: _scatter(d, model) or d[0], then)
    steps = f"Step 1: {m['given'].strip()}. Step 2: {when}. Step 3: {then}."
    read = unstep(steps, model)
    return text if read == steps else read


def _scatter(m: re.Match[str], model: SemanticModel) -> str | None:
    """ "each country is a dot": a scatter when a country is a row of some data (its key), else None."""
    word = m["x"].lower()
    for ds in model.datasets:
        for dim in _keys(ds):
            if word in {dim.name.lower(), dim.label.lower(), *(s.lower() for s in dim.synonyms)}:
                return "as a scatter"
    return None


def _keys(ds: Dataset) -> list[Dimension]:
    return [d for d in ds.dimensions if ds.key == [d.name]]


def _refuse_conditions(purpose: str, request: str, text: str, model: SemanticModel) -> None:
    """Refuses a purpose naming a value the request does not, of a column the request does not name, or
    saying how to chart."""
    if said := _CHART_WORDS.search(purpose):
        raise NotInTheData(
            with_example(
                f"chartq reads \u201c{purpose}\u201d as the story\u2019s purpose, but \u201c{said[0]}\u201d "
                "says how to chart; put it in what you want or in the acceptance criteria",
                text,
                model,
            )
        )
    lowered = request.lower()
    about = data_named(request, model)
    for dim in (d for ds in ([about] if about else model.datasets) for d in ds.dimensions):
        names = [dim.name, dim.label, *dim.synonyms]
        if any(re.search(rf"\b{re.escape(n.lower())}\b", lowered) for n in names):
            continue  # "split the tip pool between the lunch and dinner crews" of a chart by meal
        if (word := _value_named(purpose, dim)) is not None and word.lower() not in lowered:
            raise NotInTheData(
                with_example(
                    f"chartq reads \u201c{purpose}\u201d as the story\u2019s purpose, but it names "
                    f"\u201c{word}\u201d, which the request itself does not; if the chart should be about "
                    f"{word}, say so in what you want",
                    text,
                    model,
                )
            )


def _value_named(purpose: str, dim: Dimension) -> str | None:
    """The first value of `dim` (or a word for one: "Sunday") that `purpose` names, as written there."""
    words = [str(v) for v in dim.values if isinstance(v, str)] + list(dim.value_synonyms)
    for word in words:
        if word.lower() in _PLAIN:
            continue
        # A code ("CAN", "E") is named in capitals; "can" names no value.
        flags = 0 if word.isupper() else _I
        if m := re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", purpose, flags):
            return m[0]
    return None

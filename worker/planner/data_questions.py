"""A question about what the data holds, asked before or instead of a chart, read as the chart it asks for,
or refused when it asks nothing a chart can show or its answer rules the chart out.

- A question alone is refused saying what the data has: "What columns does the tips data have?", "How many
  flowers are in the iris data?", "Which years does the gapminder data cover?".
- A question followed by a request ("If so, ...", "Then ...") is checked against the data's time span, and
  the request alone is read: "Does the tips data have a lunch/dinner column? If so, average bill per meal."
  is "average bill per meal." (the question's "lunch/dinner" names no measure or series of the chart).
- A span the data does not reach is refused, not charted over the span it has: "Does the stock data go back
  to 2017? If it does, plot Apple's weekly price from January 2017." (the stocks start in 2018).
- What the request calls "each one", "each of them" or "them" is what the question listed: "Which nations
  are in the medals data? Break each one's medals down by type." is "Break each nation's medals ...".
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.owners import data_named
from worker.planner.refusals import suggest, what_it_has
from worker.semantic import Dataset, SemanticModel

__all__ = ["undata_question"]

_I = re.IGNORECASE
# The opening question and what follows it; refusals are NotInTheData, so that the fallback reading
# the question as context (worker.planner.context) cannot chart the request without its condition.
_SPLIT = re.compile(r"^\s*(?P<q>[^?.!]+\?)\s*(?P<rest>.*)$", re.DOTALL)
_ASKING = re.compile(r"^(?:what(?:'s)?|which|who|is|are|does|do|did|has|have|how\s+many)\b", _I)
# Words that make a question one about the data itself, not about its figures.
_ABOUT_DATA = re.compile(
    r"\b(?:data(?:set)?|columns?|fields?|recorded|marked|listed|among\s+the|are\s+there|is\s+there|"
    r"in\s+there|cover|covers|include|includes|go\s+back|goes\s+back)\b",
    _I,
)
# A question about the figures ("Which continent has the highest life expectancy?", "how many countries
# are there in each continent?", "Is there a link between ...?") is a chart's question.
_FIGURES = re.compile(
    r"\b(?:highest|lowest|most|least|best|worst|biggest|smallest|largest|more|less|fewer|than|"
    r"grow|grew|rise|rose|fall|fell|average|total|each|per|by|link|between|trend|relationship|"
    r"correlat\w*|differen\w+|significant)\b",
    _I,
)
# A question about a column is about the data whatever else it says ("not just per person?").
_COLUMN = re.compile(r"\b(?:columns?|fields?|figures?)\b", _I)
# The answer the request depends on ("If so,", "If it does,", "Then").
_IF_SO = re.compile(
    r"^(?:(?:if\s+(?:so|yes|it\s+does|it\s+is|they\s+do|they\s+are|there\s+is|there\s+are|it\s+has)|then|"
    r"so|good|great|ok(?:ay)?)\b[,:]?\s*)+",
    _I,
)
# A span asked about: "go back to 2017", "include 1962 and 2002", "cover 2019".
_SPAN = re.compile(r"\b(?:go(?:es)?\s+back|cover|covers|include|includes|start|begin|reach|run|span)\b", _I)
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
# What the question lists: "What tickers", "Which days of the week", "Which nations".
_LISTED = re.compile(r"^(?:what|which)\s+(?P<n>[a-z]+?)s\b", _I)
# What the request says of what the question named: "its GDP per capita", "for each in 1977".
_BACK = re.compile(
    r"\b(?:their|its|them|they|it|these|those)\b|\beach\b(?=\s*(?:$|[,.;:!?]|(?:in|for|on|as|over|with)\b))",
    _I,
)
_GENERIC = {"column", "field", "measurement", "type"}
_ACROSS_THEM = re.compile(r"\b(?:across|over|through)\s+(?:all\s+of\s+)?them\b", _I)
_TIMES = {"year", "date", "month", "week", "day"}


def undata_question(text: str, model: SemanticModel) -> str:
    """`text` with a question about the data taken off the request it leads into; refused when the
    question is all there is, or its answer rules the request out.

    >>> undata_question("Does the tips data have a lunch/dinner column? If so, average bill per meal.", m)
    'average bill per meal.'
    """
    m = _SPLIT.match(text)
    if m is None or not _is_data_question(m["q"]):
        return text
    question, rest = m["q"].strip(), _IF_SO.sub("", m["rest"].strip())
    ds = data_named(question, model) or data_named(text, model)
    if not rest:
        if ds is not None and "data" in question.lower():
            _refuse_alone(question, ds)
        return text
    if ds is not None:
        _check_span(question, ds)
    request = _each(rest, question)
    if _BACK.search(request):  # "their population": the question names what the request is about
        return f"{question} {_each(m['rest'].strip(), question)}"
    return request


def _is_data_question(question: str) -> bool:
    q = question.strip()
    return bool(_ASKING.match(q) and _ABOUT_DATA.search(q) and (_COLUMN.search(q) or not _FIGURES.search(q)))


def _refuse_alone(question: str, ds: Dataset) -> None:
    """Refuses a question about the data with no chart asked for: what the data has is its answer."""
    span = f", from {ds.time_min} to {ds.time_max}" if ds.time_min and ds.time_max else ""
    raise NotInTheData(
        f"\u201c{question}\u201d asks about the data itself, not for a chart: "
        f"{what_it_has(ds)}{span}. {suggest(ds)}"
    )


def _check_span(question: str, ds: Dataset) -> None:
    """Refuses a request that depends on the data reaching years it does not reach."""
    if not _SPAN.search(question) or not ds.time_min or not ds.time_max:
        return
    low, high = int(ds.time_min[:4]), int(ds.time_max[:4])
    outside = [y for y in _YEAR.findall(question) if not low <= int(y) <= high]
    if outside:
        raise NotInTheData(
            f"No: the {ds.name} data covers {ds.time_min} to {ds.time_max}, so it does not reach "
            f"{' or '.join(outside)}, and the chart asked for would leave that out; {what_it_has(ds)}. "
            f"{suggest(ds)}"
        )


def _each(request: str, question: str) -> str:
    """The request with "each one", "each of them" and "them" naming what the question listed."""
    listed = _LISTED.match(question.strip())
    if listed is None or listed["n"].lower() in _GENERIC:
        return request
    one = listed["n"].lower()
    if one in _TIMES and "week" not in question.lower():  # "Plot it across them": across the years
        request = _ACROSS_THEM.sub("over time", request)
    request = re.sub(r"\beach\s+one's\b", f"each {one}'s", request, flags=_I)
    request = re.sub(r"\beach\s+of\s+them\b", f"each {one}", request, flags=_I)
    return re.sub(r"\b(across|over|for)\s+them\b", rf"\1 the {one}s", request, flags=_I)

"""Questions about a computed statistic rather than the values: rates of change and differences ("growth
rate", "year over year"), which ones grew (rose, fell) the most between two periods, a correlation
coefficient, and values over a moving window ("moving average", "running total"). No plan computes any,
and charting the values instead would answer another question ("which five countries grew their
population the most" is not "the five most populous"), so they are refused, naming the words.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.planner.vocabulary import Scan
from worker.semantic import Dataset

__all__ = ["check_rates", "check_statistics"]

_RATE = re.compile(
    r"(?<!\w)(?:growth\s+rates?|rates?\s+of\s+(?:change|growth|increase|decrease)|"
    r"(?:percent(?:age)?|%)\s+(?:change|growth|increase|decrease|difference)|year[-\s]on[-\s]year|"
    r"year[-\s]over[-\s]year|yoy|cagr|differences?|gaps?)(?!\w)"
)


_CHANGED = (
    r"grew|grow|grows|grown|growing|increased?|increases|increasing|rose|rise|rises|risen|gained?|gains|"
    r"declined?|declines|decreased?|decreases|fell|fall|falls|fallen|dropped|shrank|shrunk|shrinks?|"
    r"improved?|improves|climbed|jumped|soared|slumped|(?:went|gone|go|goes|going)\s+(?:up|down)"
)
# What may follow the rank word of a change: the end of the clause, not the noun it would rank ("grew in
# the most populous countries" is a time axis over a ranking, not a ranked change).
_ENDS = r"\s*(?:$|[?.!,;:)]|(?:in|between|from|since|during|over|among|across|of|on|after|before|and|when)\b)"
# "grew their population the most", "rose the fastest", "had the biggest increase", "the largest drop".
_RANKED_CHANGE = re.compile(
    rf"(?<!\w)(?:(?:{_CHANGED})(?:\s+[\w'-]+){{0,4}}?\s+(?:the\s+)?(?:most|least|fastest|slowest|more|less)"
    rf"(?={_ENDS})"
    r"|(?:most|least|biggest|largest|greatest|smallest|fastest|slowest|highest|lowest|strongest|weakest)\s+"
    r"(?:growth|increases?|decreases?|declines?|drops?|rises?|gains?|falls?|improvements?|jumps?)"
    r"|(?:grew|grown|rose|risen|increased|decreased|declined|fell|fallen|dropped|gained)\s+by\s+(?:more|less|over|"
    r"under|at\s+least)"
    r")(?!\w)",
    re.IGNORECASE,
)
# "the correlation number", "correlation coefficient", "pearson's r", "r-squared": one computed number.
_COEFFICIENT = re.compile(
    r"(?<!\w)(?:correlations?\s+(?:number|coefficient|value|score|statistic|index|figure)s?|"
    r"coefficients?\s+of\s+(?:correlation|determination)|pearson(?:'s)?(?:\s+r)?|spearman(?:'s)?(?:\s+rho)?|"
    r"r[-\s]?squared|r\s*\^?\s*2|r\s*=|p[-\s]values?|r[-\s]values?|(?<!of\s)coefficients?(?!\s+of)|"
    # "the correlation between X and Y for each continent": a coefficient per group
    r"correlations?\s+(?:between|of)\s+[^?.!;]{1,80}?\s+(?:for|in|within|per)\s+(?:each|every)|"
    r"correlations?\s+(?:for|in|within)\s+(?:each|every))(?!\w)",
    re.IGNORECASE,
)


# "population-weighted mean", "weighted average of X by Y", "weighted by population": an average whose
# rows count unequally, which no aggregation computes (charting the plain average answers another question).
_WEIGHTED = re.compile(r"(?<![\w-])(?:\w+-)?weighted(?:\s+(?:mean|average|avg)s?|\s+by)(?!\w)", re.IGNORECASE)


# "the moving average of X", "a 4-week rolling mean", "running total", "cumulative sum": each point computed
# over a window of rows, which no aggregation does. "Moving" is otherwise a filler verb ("moved"), so the
# chart of the plain values would answer another question silently.
_WINDOWED = re.compile(
    r"(?<![\w-])(?:(?:\d+|[a-z]+)[-\s](?:week|day|month|year|period|point)s?[-\s])?"
    r"(?:moving|rolling|running|trailing|sliding|cumulative|cumulated)\s+"
    r"(?:averages?|avg|means?|medians?|sums?|totals?|max(?:imum)?|min(?:imum)?|counts?)(?!\w)",
    re.IGNORECASE,
)


# A statistic each pattern asks for, and what the refusal says chartq can do instead ({said}: the words).
_STATISTICS = (
    (
        _RANKED_CHANGE,
        "chartq cannot yet rank by a change between periods (\u201c{said}\u201d); it can show the values "
        "over time, or rank them in one period.",
    ),
    (
        _COEFFICIENT,
        "chartq draws charts and cannot yet compute a statistic such as a correlation coefficient "
        "(\u201c{said}\u201d); a scatter of the two measures shows how they relate.",
    ),
    (
        _WINDOWED,
        "chartq cannot yet compute a value over a moving window of rows (\u201c{said}\u201d); it can chart "
        "the values themselves over time.",
    ),
    (
        _WEIGHTED,
        "chartq cannot yet compute a weighted average (\u201c{said}\u201d); it can chart the plain "
        "average, the total or the values themselves.",
    ),
)


def check_statistics(scan: Scan, ds: Dataset) -> None:
    """ "which five countries grew their population the most" (a ranking by the change between two
    periods, which needs each period's value first), "the correlation number between …", "population-
    weighted mean …": statistics no plan computes, refused naming the words."""
    for pattern, refusal in _STATISTICS:
        m = pattern.search(scan.text)
        if m is not None:
            raise UnchartableQuestion(f"{refusal.format(said=scan.excerpt(m.span()))} {suggest(ds)}")


def check_rates(scan: Scan, ds: Dataset) -> None:
    """Rates of change and differences, which no plan computes; read before "growth" is a time axis."""
    rate = next((m for m in _RATE.finditer(scan.text) if not any(scan.used[m.start() : m.end()])), None)
    if rate is not None:
        raise UnchartableQuestion(
            f"chartq cannot yet compute rates of change or differences (\u201c{scan.excerpt(rate.span())}"
            f"\u201d); it can chart the values themselves, side by side or over time. {suggest(ds)}"
        )

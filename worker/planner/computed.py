"""Notes for statistics a question names and a chart answers only in part. "Correlation between X and Y"
is drawn as a scatter of the two measures, which shows how they relate but computes no coefficient; and
"population growth" is drawn as the population over time, which shows the growth but computes no growth
figure (rates of change are refused in worker.planner.changes). Charting either is a fair answer, but the
word must not be dropped silently, so each becomes a note (`Answer.left_out`) the user sees."""

from __future__ import annotations

import re

from worker.plan import ChartPlan
from worker.planner.shape import Reading
from worker.planner.titles import lower_label
from worker.planner.vocabulary import Scan

__all__ = ["growth_notes", "relation_notes"]

_RELATION = re.compile(
    r"(?<!\w)(?:correlat(?:ions?|ed?|es|ing)|relationships?|relation)(?!\w)", re.IGNORECASE
)
_GROWTH = re.compile(r"^growth$", re.IGNORECASE)


def relation_notes(scan: Scan) -> list[str]:
    """ "correlation between GDP per capita and life expectancy": the scatter, said to be no coefficient."""
    m = _RELATION.search(scan.text)
    if m is None:
        return []
    return [
        f"\u201c{scan.excerpt(m.span())}\u201d: the scatter shows how the measures relate; chartq does not "
        "compute a correlation coefficient"
    ]


def growth_notes(r: Reading, plan: ChartPlan) -> list[str]:
    """ "population growth of India": the values over time, said to be no computed growth."""
    said = next((w for w in r.time_words if _GROWTH.match(w)), None)
    if said is None or not plan.use_time or not plan.measures:
        return []
    label = lower_label(r.ds.measure(plan.measures[0].name).label)
    return [
        f"\u201c{said}\u201d: the chart shows {label} over time; chartq does not compute growth "
        "(the change between periods)"
    ]

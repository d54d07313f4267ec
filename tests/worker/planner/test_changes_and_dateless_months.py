"""Growth between two years ranked, and a month insisted on for data without dates: refused, not charted
with the word left out (worker.planner.accounts)."""

from __future__ import annotations

import pytest

from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_growth_between_two_years_ranked_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="change between two periods"):
        planner.plan("Top 5 countries by population growth between 1952 and 2007, bar chart.")
    # Over time, the same words are the lines.
    assert planner.plan("population growth between 1952 and 2007 by country").use_time


def test_a_month_insisted_on_for_dateless_data_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="no dates"):
        planner.plan("Bar chart of wind frequency by direction for January only, in compass order.")
    with pytest.raises(UnchartableQuestion, match="no dates"):
        planner.plan("Wind frequency by direction just in March.")
    # Without "only", still charted with a note (the description says what was left out).
    answer = planner.answer("Votes for Joly by district on Sundays in March")
    assert answer.plan.dimension == "district" and answer.left_out


def test_growing_flowers_is_no_time_axis(planner: RulePlanner) -> None:
    # "grows tomatoes" was read as growth over time: refused on the tips data, which has no dates.
    plan = planner.plan("My brother grows tomatoes. Average tip by day.")
    assert (plan.dimension, plan.use_time) == ("day", False)
    with pytest.raises(UnchartableQuestion, match="no dates"):
        planner.plan("How did the average tip grow?")

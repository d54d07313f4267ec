"""A data person's names for the data (worker.planner.data_sources): real-world sources and raw CSV
columns read as the data they name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.data_sources import unsource
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "dimension", "filters"),
    [
        ("From seaborn's tips dataset: the median total_bill by the time column", "meal", []),
        ("Fisher's iris data, mean petal_width per species", "species", []),
        ("the plotly medals data: the silver and bronze columns for Canada", "medal", None),
        ("In the Gapminder data, the lifeExp column by continent for 1957", "continent", []),
    ],
)
def test_sources_and_columns_name_the_data(
    planner: RulePlanner, question: str, dimension: str, filters: list[tuple[str, str, object]] | None
) -> None:
    plan = planner.plan(question)
    assert plan.dimension == dimension, question
    if filters is not None:
        assert filters_of(plan) == filters


def test_a_values_column_holds_its_measure(planner: RulePlanner) -> None:
    plan = planner.plan("the NFLX column week by week in 2018")
    assert measures_of(plan) == [("price", "avg")] and plan.use_time
    assert filters_of(plan) == [("ticker", "eq", "NFLX")] and plan.chart_type == "line"  # no "column chart"
    plan = planner.plan("the Joly and Bergeron columns summed over all districts, as a pie")
    assert (plan.dimension, plan.chart_type) == ("candidate", "pie")


def test_conditions_said_the_column_way(planner: RulePlanner) -> None:
    plan = planner.plan("a histogram of tip where sex is Male")
    assert filters_of(plan) == [("sex", "eq", "Male")] and plan.chart_type == "histogram"
    plan = planner.plan("average tip by day, only the rows with smoker = No")
    assert filters_of(plan) == [("smoker", "eq", "No")]


def test_the_datas_own_year_is_its_name_and_another_is_refused(planner: RulePlanner) -> None:
    assert planner.plan("the 2013 Montreal election: votes by candidate").dimension == "candidate"
    # Another election is not in the data, however it is said: a chart of 2013 would answer about 2017.
    for question in (
        "votes by candidate in the 2017 Montreal election",
        "the 2017 Montreal election: votes by candidate",
    ):
        with pytest.raises(UnchartableQuestion, match="nothing from 2017"):
            planner.plan(question)


def test_text_not_recognised_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in ("a column chart of tips by day", "tips by day where the bill is over 20", "GDP in 2007"):
        assert unsource(text, semantic_model) == text


def test_a_property_the_data_lacks_is_refused_by_name(planner: RulePlanner) -> None:
    # "colour by species" would read as a split, and the chart would show the first measure instead.
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan("iris sepal colour by species")
    assert "sepal colo" in str(refused.value)  # as the question said it (spelt the American way)
    # A measure coloured by a grouping is still a split.
    assert planner.plan("scatter bill vs tip colour by smoker").series == "smoker"

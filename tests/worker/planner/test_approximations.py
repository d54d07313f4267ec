"""A user who speaks in approximations (worker.planner.approximations): a hedge on the whole request adds
nothing, a hedged count of bars is the number it states, a hedged year glossed by the data's own end is that
end, and a hedged value in a condition is refused naming its words."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.approximations import unapproximate
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "dataset", "measures", "dimension", "chart_type"),
    [
        ("Average tip by day, roughly speaking - ballpark is fine.", "tips", [("tip", "avg")], "day", "bar"),
        ("Broadly speaking, total votes per candidate.", "election", [("votes", "sum")], "candidate", "bar"),
        (
            "Give or take, how often does the wind blow from each direction? Rough numbers are fine.",
            "wind",
            [("frequency", "sum")],
            "direction",
            "bar",
        ),
        ("Give or take, average sepal width by species.", "iris", [("sepal_width", "avg")], "species", "bar"),
        (
            "Approximately how long are the petals of each species on average? Bars are fine.",
            "iris",
            [("petal_length", "avg")],
            "species",
            "bar",
        ),
        (
            "Approximate medal counts per nation are fine, no need for anything exact.",
            "medals",
            [("medals", "sum")],
            "nation",
            "bar",
        ),
        (
            "Roughly how many medals did each nation win? Approximate figures will do.",
            "medals",
            [("medals", "sum")],
            "nation",
            "bar",
        ),
        (
            "A rough histogram of the total bills, nothing precise.",
            "tips",
            [("total_bill", "none")],
            None,
            "histogram",
        ),
        ("A rough histogram of the tips, nothing too exact.", "tips", [("tip", "none")], None, "histogram"),
        ("Total bill by day - it doesn't need to be precise.", "tips", [("total_bill", "avg")], "day", "bar"),
        (
            "Sepal length against petal length as a scatter, roughly how they relate.",
            "iris",
            [("sepal_length", "none"), ("petal_length", "none")],
            None,
            "scatter",
        ),
        (
            "Tip against total bill as a scatter, roughly how they relate.",
            "tips",
            [("tip", "none"), ("total_bill", "none")],
            None,
            "scatter",
        ),
    ],
)
def test_a_hedge_on_the_whole_request_adds_nothing(
    planner: RulePlanner,
    question: str,
    dataset: str,
    measures: list[tuple[str, str]],
    dimension: str | None,
    chart_type: str,
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan), plan.dimension, plan.chart_type) == (
        dataset,
        measures,
        dimension,
        chart_type,
    )
    assert not plan.filters


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("The three or so directions the 6+ wind blows from most often - let's say three.", 3),
        ("The five or so richest countries in 2007, let's say 4.", 4),
        ("The top 5-ish countries by population in 2007.", 5),
        ("The top 8 or thereabouts countries by life expectancy in 2002.", 8),
        ("Show 10 or so countries with the highest life expectancy in 2007.", 10),
        ("Total votes for the 4 or so districts Coderre won most votes in.", 4),
    ],
)
def test_a_hedged_count_of_bars_is_the_number_it_states(
    planner: RulePlanner, question: str, limit: int
) -> None:
    plan = planner.plan(question)
    assert plan.limit == limit
    assert plan.sort is not None and plan.sort.direction == "desc"


def test_a_hedged_count_keeps_the_rest_of_the_question(planner: RulePlanner) -> None:
    plan = planner.plan("The three or so directions the 6+ wind blows from most often - let's say three.")
    assert (plan.dataset, plan.dimension, filters_of(plan)) == (
        "wind",
        "direction",
        [("strength", "eq", "6+")],
    )


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("2007-ish, so the latest survey: average life expectancy per continent.", "2007"),
        ("2007-ish (the latest survey): population by continent.", "2007"),
        ("Population by continent around 2007, i.e. the latest survey.", "2007"),
    ],
)
def test_a_hedged_year_glossed_as_the_latest_survey_is_that_year(
    planner: RulePlanner, question: str, year: str
) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == (year, year)


@pytest.mark.parametrize(
    "question",
    [
        "China vs India population from the first survey on (1952-ish, the start of the data), one line each",
        "Life expectancy of Japan from the earliest survey onwards (around 1952, the beginning of the data).",
        "Life expectancy of Japan since the first survey (1952-ish, the start of the data).",
    ],
)
def test_from_a_hedged_start_glossed_as_the_data_s_start_is_the_whole_data(
    planner: RulePlanner, question: str
) -> None:
    plan = planner.plan(question)
    assert (plan.use_time, plan.time_range, plan.chart_type) == (True, None, "line")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Bergeron's votes in the districts where he got 2,000-odd votes.", "2,000-odd"),
        ("Countries with a population of 50 million or so in 2007.", "50 million or so"),
        ("Total tips per meal, give or take 5 dollars.", "give or take 5 dollars"),
        ("Tips of $5 or thereabouts by day.", r"\$5 or thereabouts"),
        ("Count the tables that tipped about $3, by day.", r"about \$3"),
        ("Irises with petals around 5 cm long, counted by species.", "around 5 cm"),
        ("Countries with a population of roughly 50 million in 2007, by continent.", "roughly 50 million"),
        ("Population by continent in 1960-ish, the start of the data.", "1960-ish"),
        ("Life expectancy by continent around 2005.", "2005"),
    ],
)
def test_a_hedged_value_in_a_condition_is_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "- petal width by species as bars\n- sepal width histogram",
        "df.groupby('continent').pop.sum() where year == 1992, bar chart",
        "Version 2 of the report, about 30% done - population by continent in 1992, as a pie.",
        "Average tip by day",
        "Population by continent in 1992 (the survey after 1987)",
    ],
)
def test_text_with_no_approximation_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unapproximate(text, semantic_model) == text

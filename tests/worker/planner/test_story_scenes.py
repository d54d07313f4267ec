"""A request told as a scene or a story (worker.planner.story_scenes): the scene is context, so a value
named only in it is no filter, a value the request names or points back to ("that year", "those five",
"that line-up", "the race", "her flowers", "who" after two groups) is used, and names listed in the story
are no top N; feelings, what happens next, a made-up value, a forecast or a reason stay refused naming
something askable; a question with no story is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.story_scenes import unscene
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension", "filters"),
    [
        ("Imagine a quiet Thursday lunch at the diner. For each sex, show the average total bill.",
         ("total_bill", "avg"), "sex", []),
        ("Imagine a rainy Sunday at the restaurant. How much did each party size tip on average?",
         ("tip", "avg"), "party_size", []),
        ("Imagine a busy Saturday at the restaurant, tables coming and going. On Saturdays, how much did "
         "each party size tip on average?", ("tip", "avg"), "party_size", [("day", "eq", "Sat")]),
        ("A weather-beaten lighthouse keeper keeps a logbook of the wind. In his logbook, how often did the "
         "wind blow in each strength band, all directions added up?", ("frequency", "sum"), "strength", []),
    ],
)  # fmt: skip
def test_a_value_named_only_in_the_scene_is_no_filter(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str, filters: list[object]
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([measure], dimension, filters)


def test_nations_listed_in_the_story_are_every_nation_not_a_top_three(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Three nations climb the podium steps in our story — South Korea, China and Canada. "
        "Show each nation's medals, split by gold, silver and bronze."
    )
    assert (plan.dimension, plan.series, plan.limit) == ("nation", "medal", None)


@pytest.mark.parametrize(
    "question",
    [
        "At the end of our tale the smokers and the non-smokers sit at separate tables. Who left the bigger "
        "tip as a percentage of the bill?",
        "In our story the smokers and the non-smokers meet at the bar. Who left the bigger tip as a "
        "percentage of the bill?",
    ],
)
def test_who_after_a_scene_of_two_groups_compares_those_groups(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == ([("tip_pct", "avg")], "smoker")


@pytest.mark.parametrize(
    ("question", "continent", "year", "limit"),
    [
        ("Chapter two: Europe, 1987. The narrator counts the three most populous countries on the continent "
         "that year. Draw them as bars.", "Europe", "1987", 3),
        ("The tale ends in Africa in 2007, where the five richest countries gather for a feast. Show those "
         "five by GDP per capita.", "Africa", "2007", 5),
    ],
)  # fmt: skip
def test_a_request_pointing_back_keeps_the_scenes_place_and_year(
    planner: RulePlanner, question: str, continent: str, year: str, limit: int
) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None
    assert (filters_of(plan), plan.time_range.start, plan.limit) == (
        [("continent", "eq", continent)],
        year,
        limit,
    )


def test_that_line_up_draws_the_scenes_ranking(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Picture the year 1997, every continent lined up by how long its people could expect to live. "
        "Draw that line-up as bars."
    )
    assert plan.time_range is not None
    assert (measures_of(plan), plan.dimension, plan.time_range.start, plan.chart_type) == (
        [("life_exp", "avg")],
        "continent",
        "1997",
        "bar",
    )


@pytest.mark.parametrize(
    ("question", "filters", "years"),
    [
        ("Picture two rivals, Google and Facebook, racing through 2019 week after week. Draw the race, one "
         "line for each.", [("ticker", "in", ["GOOG", "FB"])], ("2019", "2019")),
        ("Our saga follows Japan from 1952 to 2007, survey after survey, as its life expectancy grows. Show "
         "that journey as a line.", [("country", "eq", "Japan")], ("1952", "2007")),
        ("Once upon a time, in the first week of 2018, Apple's share price set out on a two-year journey. "
         "Tell its tale week by week as a line.", [("ticker", "eq", "AAPL")], None),
    ],
)  # fmt: skip
def test_a_journey_or_a_race_is_a_line_over_time(
    planner: RulePlanner, question: str, filters: list[object], years: tuple[str, str] | None
) -> None:
    plan = planner.plan(question)
    span = None if plan.time_range is None else (plan.time_range.start, plan.time_range.end)
    assert (filters_of(plan), span, plan.use_time, plan.chart_type) == (filters, years, True, "line")


@pytest.mark.parametrize(
    ("question", "species", "measure"),
    [
        ("In our story, the gardener grows only setosa irises. Show the spread of her flowers' sepal "
         "lengths as a histogram.", "setosa", "sepal_length"),
        ("In the story, a florist grows only virginica irises. Show the spread of her flowers' petal widths "
         "as a histogram.", "virginica", "petal_width"),
    ],
)  # fmt: skip
def test_her_flowers_are_the_species_the_scene_names(
    planner: RulePlanner, question: str, species: str, measure: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), filters_of(plan), plan.chart_type) == (
        [(measure, "none")],
        [("species", "eq", species)],
        "histogram",
    )


def test_her_votes_in_the_districts_she_won_are_the_heroines(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Our heroine, Madame Joly, walks through the districts she won, one by one. Chart her votes in "
        "each of those districts, most votes first."
    )
    assert (plan.dimension, sorted(filters_of(plan))) == (
        "district",
        [("candidate", "eq", "Joly"), ("winner", "eq", "Joly")],
    )


def test_a_scene_that_carries_the_request_is_read_without_its_opener(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Imagine the first survey, 1952: every country a dot, GDP per capita against life expectancy, each "
        "continent in its own colour."
    )
    assert plan.time_range is not None
    assert (plan.chart_type, plan.series, plan.time_range.start) == ("scatter", "continent", "1952")


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Imagine the waiter on that busy Saturday night when the big table left without a word. How did he "
         "feel? Chart his mood.", "mood"),
        ("The sailor in my tale wants to know what the wind will do tomorrow morning. Chart it for him.",
         "tomorrow"),
        ("Once upon a time, in 2018, Microsoft's shares rose. Why did they rise? Chart the reason.", "why"),
        ("At the end of the tale the Canadian team flies home. How happy were the athletes with each kind "
         "of medal? Chart their happiness by medal type.", "happ"),
    ],
)  # fmt: skip
def test_feelings_forecasts_and_reasons_stay_refused(planner: RulePlanner, question: str, words: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert words in str(refused.value).lower()


@pytest.mark.parametrize(
    "question",
    [
        "Average tip by day",
        "Once more, show the average tip by day.",
        "Top 3 nations by medals",
        "Imagine you're a census taker in 1952: show me the population of each continent.",
    ],
)
def test_a_question_without_a_story_or_with_a_role_is_unchanged(
    semantic_model: SemanticModel, question: str
) -> None:
    assert unscene(question, semantic_model) == question

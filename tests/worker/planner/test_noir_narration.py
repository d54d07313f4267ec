"""A noir detective's narration (worker.planner.noir_narration): the scene is context, the request is what
the narrator pulled, wanted, checked or counted, a detail of the scene is kept only where the request
points back to it, and what the data cannot answer stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.noir_narration import unnoir
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def test_a_claim_in_the_scene_sets_no_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Nobody tips on a Sunday. Nobody. I checked the average tip by party size on Saturdays."
    )
    assert (plan.dataset, plan.dimension) == ("tips", "party_size")
    assert measures_of(plan) == [("tip", "avg")]
    assert filters_of(plan) == [("day", "eq", "Sat")]


def test_a_question_about_the_data_in_the_scene_opens_the_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The rain hadn't stopped. She walked in with a question about the irises: the average sepal width "
        "of each species. I lit a cigarette and drew her the bars."
    )
    assert (plan.dataset, plan.dimension, plan.chart_type) == ("iris", "species", "bar")
    assert measures_of(plan) == [("sepal_width", "avg")]


def test_the_file_the_narrator_pulled_is_the_requests_place_and_year(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The rain kept falling on the city. I pulled the file on Europe for 1982: the 3 countries with "
        "the highest GDP per capita, highest first."
    )
    assert (plan.dimension, plan.limit, period_of(plan)) == ("country", 3, ("1982", "1982"))
    assert filters_of(plan) == [("continent", "eq", "Europe")]


def test_that_year_points_back_to_the_scenes_year(planner: RulePlanner) -> None:
    plan = planner.plan(
        "It was 1977 and nobody was talking. I checked the population of each continent that year, "
        "biggest first."
    )
    assert (plan.dimension, period_of(plan), plan.chart_type) == ("continent", ("1977", "1977"), "bar")
    assert measures_of(plan) == [("pop", "sum")]


def test_she_points_back_to_the_candidate_the_scene_names(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Joly had the whole town in her pocket. I wanted the 3 districts where she drew the most votes, "
        "most first."
    )
    assert (plan.dimension, plan.limit) == ("district", 3)
    assert filters_of(plan) == [("candidate", "eq", "Joly")]


def test_those_continents_are_the_ones_the_scene_names(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Somebody was lying about Asia and Europe. I pulled the population of those continents in 2007, "
        "biggest first."
    )
    assert (plan.dimension, period_of(plan)) == ("continent", ("2007", "2007"))
    assert filters_of(plan) == [("continent", "in", ["Asia", "Europe"])]


@pytest.mark.parametrize(
    ("question", "ticker", "period"),
    [
        (
            "Netflix's stock went down like a drunk on a staircase. I pulled its daily price for the first "
            "half of 2019 and watched the line.",
            "NFLX",
            ("2019-01-01", "2019-06-30"),
        ),
        (
            "Amazon had been lying to everybody. I dug up its weekly price for 2019 and watched the line.",
            "AMZN",
            None,
        ),
    ],
)
def test_its_price_is_the_company_the_scene_names(
    planner: RulePlanner, question: str, ticker: str, period: tuple[str, str] | None
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.use_time, plan.series) == ("line", True, None)
    assert filters_of(plan) == [("ticker", "eq", ticker)]
    if period is not None:
        assert period_of(plan) == period


def test_one_grim_line_is_a_line_over_time(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Every case has a timeline. This one was Japan's life expectancy from 1952 to 1982, one long line."
    )
    assert (plan.chart_type, plan.use_time, period_of(plan)) == ("line", True, ("1952", "1982"))
    assert filters_of(plan) == [("country", "eq", "Japan")]


def test_what_the_narrator_counted_is_a_count_with_its_condition(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The numbers knew who. I counted the tables on each day where the tip ran over $5, days in "
        "calendar order."
    )
    assert (plan.dimension, measures_of(plan)) == ("day", [("tip", "count")])
    assert filters_of(plan) == [("tip", "gt", 5)]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Somebody was lying about Atlantis's GDP per capita in 2007. Show me the bars.", "Atlantis"),
        ("Nobody tips on a Thursday night. I wanted the tips per waiter.", "waiter"),
        ("The rain hadn't stopped. I wanted to know who killed the waiter. Chart it.", "killed"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named) as refused:
        planner.answer(question)
    assert "Try" in str(refused.value)


@pytest.mark.parametrize(
    "question",
    [
        "I wanted the average tip by day.",
        "The last chart was wrong. I wanted the average tip by day.",
        "Show me the votes for each candidate, most first.",
        # "Dame" inside a district's name is no dame of a detective's story.
        "My neighbour says Joly was huge in Notre-Dame-de-Grâce. Show me the votes in that district.",
    ],
)
def test_text_without_the_voice_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert unnoir(question, semantic_model) == question

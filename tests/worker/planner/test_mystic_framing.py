"""A fortune-teller's framing (worker.planner.mystic_framing): the reading is context, a value it names
comes back only where the request points back to it ("his", "its", "there", "those two species"), luck is
a ranking only beside a named measure, and fortunes, predictions, signs and luck with no
measure stay refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.mystic_framing import unmystic
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "dimension", "filters"),
    [
        (
            "The tarot cards reveal Bergeron: his 5 strongest districts by votes, most first.",
            "district",
            [("candidate", "eq", "Bergeron")],
        ),
        (
            "My crystal ball shows the majority districts: votes per candidate there, biggest first.",
            "candidate",
            [("result", "eq", "majority")],
        ),
        (
            "The tea leaves show setosa and virginica: the average sepal width of those two species.",
            "species",
            [("species", "in", ["setosa", "virginica"])],
        ),
    ],
)
def test_a_value_the_reading_names_comes_back_where_the_request_points_to_it(
    planner: RulePlanner, question: str, dimension: str, filters: list[tuple[str, str, object]]
) -> None:
    plan = planner.plan(question)
    assert plan.dimension == dimension
    assert filters_of(plan) == filters


def test_its_line_is_the_country_the_reading_rises_over(planner: RulePlanner) -> None:
    plan = planner.plan("Jupiter is rising over Japan: its life expectancy from 1962 to 2002, as a line.")
    assert (plan.use_time, filters_of(plan)) == (True, [("country", "eq", "Japan")])
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1962", "2002")


@pytest.mark.parametrize(
    "question",
    [
        "The spirits whisper of Coderre: votes per district, most first.",
        "The stars say Saturday is blessed. Show me the total votes for each district, most first.",
    ],
)
def test_a_value_named_only_in_the_reading_is_no_filter(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, filters_of(plan)) == ("district", [])


@pytest.mark.parametrize(
    ("question", "measure", "direction", "limit"),
    [
        ("The planets agree: the three unluckiest days by average tip.", ("tip", "avg"), "asc", 3),
        ("Fate has spoken: the luckiest nation by gold medals. Just the one.", ("medals", "sum"), "desc", 1),
        (
            "The moon is full. Which continent was most auspicious for population in 2002? Just the one.",
            ("pop", "sum"),
            "desc",
            1,
        ),
    ],
)
def test_luck_beside_a_named_measure_is_a_ranking(
    planner: RulePlanner, question: str, measure: tuple[str, str], direction: str, limit: int
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == [measure]
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == (measure[0], direction)
    assert plan.limit == limit


def test_the_longest_lived_countries_rank_by_life_expectancy(planner: RulePlanner) -> None:
    plan = planner.plan("Destiny calls: the 3 longest-lived Asian countries in 1997, highest first.")
    assert (measures_of(plan), plan.dimension, plan.limit) == ([("life_exp", "avg")], "country", 3)
    assert filters_of(plan) == [("continent", "eq", "Asia")]


def test_the_votes_each_candidate_won_are_the_votes_per_candidate(planner: RulePlanner) -> None:
    plan = planner.plan("The stars align: the votes each candidate won, as a pie.")
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("votes", "sum")], "candidate", "pie")


@pytest.mark.parametrize(
    "question",
    [
        "The cards reveal a fortune: chart the luckiest continent of 1997.",
        "My crystal ball asks: what will Google's share price be next year?",
        "The stars want to know: the average total bill by the diner's star sign.",
        "As a Virgo, chart the average tip on my birthday.",
        "The spirits say luck is on my side: which day will bring me luck?",
    ],
)
def test_fortunes_predictions_signs_and_bare_luck_stay_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "Show me the average tip on each day.",
        "Which day had the highest average tip? Just the one day.",
        "Stars of the show: the total medals for each nation, most first.",
        "The moon landing aside: world GDP over every survey year, as one line.",
    ],
)
def test_a_question_without_a_reading_reads_as_before(semantic_model: SemanticModel, question: str) -> None:
    assert unmystic(question, semantic_model) == question

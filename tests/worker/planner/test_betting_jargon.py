"""A punter's words (worker.planner.betting_jargon): a bet or the bookies' view is context whose values the
request's "its", "their" and "there" point back to, the front-runner and the outsider are the single top
and bottom value of a named measure, the field is every value, and what the data cannot answer (odds,
payouts, chances, forecasts) stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.betting_jargon import unbet
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "tickers"),
    [
        ("I put my money on Google in 2019. Show me its weekly share price over 2018.", ["GOOG"]),
        ("I backed Amazon back in March 2018. Chart its weekly price for 2018.", ["AMZN"]),
        (
            "Was it a dead heat between Google and Facebook? "
            "Show their weekly prices in 2018, one line each.",
            ["GOOG", "FB"],
        ),
    ],
)
def test_a_bet_names_the_companies_its_request_points_back_to(
    planner: RulePlanner, question: str, tickers: list[str]
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.use_time) == ("line", True)
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("2018", "2018")
    value: object = tickers[0] if len(tickers) == 1 else tickers
    assert filters_of(plan) == [("ticker", "eq" if len(tickers) == 1 else "in", value)]


def test_a_period_named_only_in_the_bet_is_no_time_range(planner: RulePlanner) -> None:
    plan = planner.plan("I put my money on Netflix in the first week of 2019. Show me its weekly price line.")
    assert filters_of(plan) == [("ticker", "eq", "NFLX")]
    assert plan.time_range is None


def test_a_request_naming_its_own_company_keeps_it(planner: RulePlanner) -> None:
    plan = planner.plan("I backed Apple in 2018. Show Netflix's weekly share price in 2019.")
    assert filters_of(plan) == [("ticker", "eq", "NFLX")]


def test_there_points_back_to_the_place_the_lead_names(planner: RulePlanner) -> None:
    plan = planner.plan(
        "How did the field finish in the plurality districts? Total votes per candidate there."
    )
    assert (plan.dimension, measures_of(plan)) == ("candidate", [("votes", "sum")])
    assert filters_of(plan) == [("result", "eq", "plurality")]


@pytest.mark.parametrize(
    ("question", "dimension", "direction"),
    [
        ("Who was out in front on average tip by day? Just the front-runner.", "day", "desc"),
        (
            "The front-runner on total votes: which candidate was out in front? Just that one.",
            "candidate",
            "desc",
        ),
        ("Who's leading the pack on total medals by nation? Just the winner.", "nation", "desc"),
        ("Who's the rank outsider on total medals? Just the one nation with the fewest.", "nation", "asc"),
        (
            "The long shot of the species: which one had the lowest average petal length? Only that one.",
            "species",
            "asc",
        ),
    ],
)
def test_the_front_runner_and_the_outsider_are_the_single_top_and_bottom_value(
    planner: RulePlanner, question: str, dimension: str, direction: str
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.dimension, plan.limit) == ("bar", dimension, 1)
    assert plan.sort is not None and plan.sort.direction == direction


def test_ranking_the_field_is_every_value_in_order(planner: RulePlanner) -> None:
    plan = planner.plan("Rank the field: average tip for each day, highest first.")
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("day", None, [])
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == ("tip", "desc")


def test_the_top_n_of_the_field_keeps_its_count(planner: RulePlanner) -> None:
    plan = planner.plan("Who was out in front in Asia in 1997? The top 3 of the field by life expectancy.")
    assert (plan.dimension, plan.limit) == ("country", 3)
    assert filters_of(plan) == [("continent", "eq", "Asia")]


@pytest.mark.parametrize(
    "question",
    [
        "The bookies reckon Friday is quiet. Show the average tip per day so I can check my pick.",
        "My money's on Sunday. Average tip by day, I've got a tenner riding on it.",
        "Thursday is my banker for big tips. "
        "Show me the average tip on each day so I can see if I was right.",
    ],
)
def test_bets_and_asides_add_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.dimension, measures_of(plan)) == ("bar", "day", [("tip", "avg")])
    assert (filters_of(plan), plan.limit) == ([], None)


def test_a_form_guide_is_the_lines_of_the_values_it_names(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Form guide: how did Brazil and India run on GDP per capita from 1962 to 2002? One line each."
    )
    assert (plan.chart_type, plan.series) == ("line", "country")
    assert filters_of(plan) == [("country", "in", ["Brazil", "India"])]


def test_also_rans_name_the_values_that_follow(planner: RulePlanner) -> None:
    plan = planner.plan("The also-rans, Joly and Bergeron: show their total votes by district.")
    assert ("candidate", "in", ["Joly", "Bergeron"]) in filters_of(plan)


def test_values_split_out_are_a_split_by_their_grouping(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The bookies like Friday. Show the total bill for each day, with lunch and dinner split out."
    )
    assert (plan.dimension, plan.series) == ("day", "meal")


@pytest.mark.parametrize(
    "question",
    [
        "What are the odds Netflix beats Apple next year?",
        "Put $5 each-way on Coderre: what's the payout?",
        "What's the chance of a Saturday tip above $4? The bookies say it's low.",
        "Who's going to be the front-runner at the next election?",
        "What's my expected value backing China at 4 to 1 on total medals?",
        "Who's the front-runner?",
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "What are the odds Netflix beats Apple next year?",
        "Show me the bookies' odds for each nation.",
        "Hedge my bet on Google against Apple.",
    ],
)
def test_refused_jargon_is_left_as_written(semantic_model: SemanticModel, question: str) -> None:
    assert unbet(question, semantic_model) == question


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day for my favourite day, Sunday.",
        "Who tipped more, smokers or non-smokers? Show the average tip for each.",
        "Show Apple's weekly price through 2019.",
        "Which continent had the highest life expectancy in 2007? Just the winner.",
    ],
)
def test_text_with_no_betting_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unbet(text, semantic_model) == text

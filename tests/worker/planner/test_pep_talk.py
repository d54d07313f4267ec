"""A coach's pep talk (worker.planner.pep_talk): cheers, addresses to the players and the play's call come
off around the request; "110%" is no value or limit, "team" said to the players is no medals nation,
"champions" is praise and not a ranking, and what the data cannot answer stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.pep_talk import unpep_talk
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "dataset", "measure", "dimension"),
    [
        ("Come on, team! Dig deep: the average tip by day, days in order.", "tips", ("tip", "avg"), "day"),
        (
            "Listen up, people. Hustle and chart the total medals per nation, most first.",
            "medals",
            ("medals", "sum"),
            "nation",
        ),
        (
            "Team talk, folks! Today's play is life expectancy by continent in 1977, longest first. "
            "Eyes on the prize.",
            "gapminder",
            ("life_exp", "avg"),
            "continent",
        ),
        (
            "Gather round! The median sepal length for each species, and leave it all on the court!",
            "iris",
            ("sepal_length", "median"),
            "species",
        ),
        (
            "Game faces on. The frequency of each strength band, bands in order. We've got this!",
            "wind",
            ("frequency", "sum"),
            "strength",
        ),
    ],
)
def test_cheers_around_the_play_add_nothing(
    planner: RulePlanner, question: str, dataset: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan), plan.dimension) == (dataset, [measure], dimension)
    assert (filters_of(plan), plan.limit, plan.chart_type) == ([], None, "bar")


def test_the_play_called_is_the_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Bring it in, everybody. The game plan: Apple's share price in 2019 as a line. No pain, no gain!"
    )
    assert (plan.dataset, plan.chart_type, plan.use_time) == ("stocks", "line", True)
    assert filters_of(plan) == [("ticker", "eq", "AAPL")]
    assert period_of(plan) == ("2019", "2019")


@pytest.mark.parametrize(
    "question",
    [
        "Give it 110 percent: the average tip by party size, sizes in order.",
        "Give me a hundred and ten per cent! The average tip by party size, sizes in order.",
        "I want 110%, people. The average tip by party size, sizes in order.",
    ],
)
def test_a_hundred_and_ten_percent_is_no_value_limit_or_threshold(
    planner: RulePlanner, question: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan), plan.dimension) == ("tips", [("tip", "avg")], "party_size")
    assert (filters_of(plan), plan.limit, plan.sort) == ([], None, None)


@pytest.mark.parametrize(
    "question",
    [
        "Alright team, huddle up: the total medals for each nation, most first.",
        "Go, team, go! The total medals for each nation, most first.",
        "Okay squad, let's do this: the total medals for each nation, most first. Champions never quit!",
    ],
)
def test_the_players_addressed_are_no_nation_and_champions_no_ranking(
    planner: RulePlanner, question: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, plan.dimension, filters_of(plan)) == ("medals", "nation", [])
    assert (plan.sort and plan.sort.by, plan.sort and plan.sort.direction, plan.limit) == (
        "medals",
        "desc",
        None,
    )


def test_a_value_inside_the_request_is_kept_beside_a_cheer(planner: RulePlanner) -> None:
    plan = planner.plan("Go team! Play like champions: a pie of Canada's medals by type.")
    assert (plan.dimension, plan.chart_type, filters_of(plan)) == (
        "medal",
        "pie",
        [("nation", "eq", "Canada")],
    )


def test_days_kept_in_order_is_the_days_in_order(planner: RulePlanner) -> None:
    plan = planner.plan("Hustle, folks! The average tip for each day, days kept in order. Let's go!")
    assert (plan.dimension, plan.sort, filters_of(plan)) == ("day", None, [])


@pytest.mark.parametrize(
    ("question", "named", "not_named"),
    [
        ("Hustle! The tips each waiter collected on each day. Let's go, team!", "waiter", "Hustle"),
        ("Play like champions: show me the champions of the medals data.", "champions", "Play"),
        ("Dig deep, people: the goals each nation scored, most first.", "goals", "Dig"),
        ("Give me 110%: each athlete's gold medals for China, as bars. Huddle up!", "athlete", "110"),
        (
            "Alright team, huddle up! The tips each bartender poured by day. Eyes on the prize.",
            "bartender",
            "prize",
        ),
    ],
)
def test_what_the_data_cannot_answer_stays_refused_by_name(
    planner: RulePlanner, question: str, named: str, not_named: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    message = str(refused.value)
    assert named in message and not_named not in message
    assert "Try" in message


@pytest.mark.parametrize(
    "text",
    [
        "Which team won the most medals?",
        "The 10 most populous countries in 2007, biggest first.",
        "Countries whose GDP per capita grew by 110% between 1952 and 2007.",
        "Okay everyone, the average tip by sex, split by smoker.",
        "Show me the play of Apple's share price against Google's in 2019, as lines.",
    ],
)
def test_text_without_a_pep_talk_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unpep_talk(text, semantic_model) == text

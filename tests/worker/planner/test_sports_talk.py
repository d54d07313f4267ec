"""A sports fan's words (worker.planner.sports_talk): the leader first, the medal table, the race, the home
ground, the season and the weather at the ground are read as the plain request they stand for; a framing
that names a value is left for the context reading, and what the data cannot answer stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.plan import ChartPlan
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.sports_talk import unsport
from worker.semantic import SemanticModel


def _sort(plan: ChartPlan) -> tuple[str, str] | None:
    return None if plan.sort is None else (plan.sort.by, plan.sort.direction)


def _years(plan: ChartPlan) -> tuple[str | None, str | None] | None:
    return None if plan.time_range is None else (plan.time_range.start, plan.time_range.end)


def test_the_leader_first_is_the_highest_first(planner: RulePlanner) -> None:
    plan = planner.plan("Average bill per party size, with the front-runner at the top.")
    assert (plan.dimension, measures_of(plan), _sort(plan)) == (
        "party_size",
        [("total_bill", "avg")],
        ("total_bill", "desc"),
    )
    plan = planner.plan("Population by continent in 1987, the leaders on top.")
    assert (plan.dimension, _sort(plan), _years(plan)) == ("continent", ("pop", "desc"), ("1987", "1987"))
    plan = planner.plan("How many tables on each meal? Busiest first.")
    assert (plan.dimension, measures_of(plan), _sort(plan)) == ("meal", [("tip", "count")], ("tip", "desc"))
    plan = planner.plan("Average tip for each sex, quietest first.")
    assert (plan.dimension, _sort(plan)) == ("sex", ("tip", "asc"))


def test_the_medal_table(planner: RulePlanner) -> None:
    plan = planner.plan("Which team tops the medals table?")
    assert (plan.dimension, measures_of(plan), _sort(plan), plan.limit) == (
        "nation",
        [("medals", "sum")],
        ("medals", "desc"),
        None,
    )
    plan = planner.plan("The full medal standings, split by colour.")
    assert (plan.dimension, plan.series, filters_of(plan)) == ("nation", "medal", [])
    plan = planner.plan("China's medal haul by colour, as a pie.")
    assert (plan.dimension, filters_of(plan), plan.chart_type) == (
        "medal",
        [("nation", "eq", "China")],
        "pie",
    )
    plan = planner.plan("Never mind the bronzes: on golds and silvers alone, how do the teams stack up?")
    assert (plan.dimension, filters_of(plan)) == ("nation", [("medal", "in", ["Gold", "Silver"])])
    plan = planner.plan("Ignore the golds - medals per nation.")
    assert (plan.dimension, filters_of(plan)) == ("nation", [("medal", "ne", "Gold")])


def test_head_to_head(planner: RulePlanner) -> None:
    plan = planner.plan("Canada versus South Korea, head-to-head, medals by colour.")
    assert (plan.dimension, plan.series) == ("medal", "nation")
    assert filters_of(plan) == [("nation", "in", ["Canada", "South Korea"])]
    plan = planner.plan("A head-to-head of China and Canada: medals by type.")
    assert filters_of(plan) == [("nation", "in", ["China", "Canada"])] and plan.dimension == "medal"


def test_the_race_and_the_final_whistle_frame_the_election(planner: RulePlanner) -> None:
    plan = planner.plan("Battle for city hall: votes per district for Bergeron, leader on top.")
    assert (plan.dimension, filters_of(plan), _sort(plan)) == (
        "district",
        [("candidate", "eq", "Bergeron")],
        ("votes", "desc"),
    )
    answer = planner.answer(
        "Full-time in the mayoral race - slice up the popular vote by candidate, as a pie."
    )
    assert (answer.plan.dimension, measures_of(answer.plan), answer.plan.chart_type) == (
        "candidate",
        [("votes", "sum")],
        "pie",
    )
    assert answer.left_out == ()
    plan = planner.plan(
        "The mayoral race: votes by candidate, split by whether the seat went to a majority or a plurality."
    )
    assert (plan.dimension, plan.series) == ("candidate", "result")


def test_a_home_ground_is_a_filter_on_its_owner(planner: RulePlanner) -> None:
    plan = planner.plan("Bergeron's stronghold: her 3 best districts by votes.")
    assert (plan.dimension, filters_of(plan), plan.limit) == (
        "district",
        [("candidate", "eq", "Bergeron")],
        3,
    )
    plan = planner.plan("In Coderre's backyard - the districts he won - how did the candidates finish?")
    assert (plan.dimension, filters_of(plan)) == ("candidate", [("winner", "eq", "Coderre")])


def test_league_tables_leaderboards_and_podiums(planner: RulePlanner) -> None:
    plan = planner.plan("The share price league table for 2018: average price per company, leader first.")
    assert (plan.dimension, _sort(plan), _years(plan)) == ("ticker", ("price", "desc"), ("2018", "2018"))
    plan = planner.plan("The life expectancy leaderboard for 2002, top 10 countries.")
    assert (plan.dimension, plan.limit, _years(plan)) == ("country", 10, ("2002", "2002"))
    plan = planner.plan("Europe's podium for life expectancy in 1982.")
    assert (plan.dimension, filters_of(plan), plan.limit, _sort(plan)) == (
        "country",
        [("continent", "eq", "Europe")],
        3,
        ("life_exp", "desc"),
    )
    plan = planner.plan("The podium: population by country in 1952.")
    assert (plan.dimension, plan.limit, _sort(plan)) == ("country", 3, ("pop", "desc"))


def test_a_season_is_a_year_on_dated_data(planner: RulePlanner) -> None:
    plan = planner.plan("Apple and Microsoft across the 2019 season, one line each.")
    assert (plan.series, plan.chart_type, _years(plan)) == ("ticker", "line", ("2019", "2019"))
    with pytest.raises(UnchartableQuestion):
        planner.plan("Medals by nation in the 2014 season.")


def test_the_weather_at_the_ground(planner: RulePlanner, semantic_model: SemanticModel) -> None:
    plan = planner.plan(
        "Kick-off check: how often is it blowing a gale - the 5-6 band - from each direction?"
    )
    assert (plan.dimension, filters_of(plan)) == ("direction", [("strength", "eq", "5-6")])
    # The pitch adds nothing to the direction of the wind.
    said = unsport(
        "A west wind blowing right down the pitch: how often does it come at each strength?", semantic_model
    )
    assert said == "A west wind: how often does it come at each strength?"
    # Read before a slide's framing, "pitch" is no sales pitch: the west wind stays a filter.
    plan = planner.plan("A west wind blowing right down the pitch: how often does it come at each strength?")
    assert (plan.dimension, filters_of(plan)) == ("strength", [("direction", "eq", "W")])


def test_text_not_recognised_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "The population race between China and India since 1962, one line each.",
        "Population race: China vs India since 1962.",
        "The mayoral race in Mile-End, Villeray and Snowdon: votes by district, split by candidate.",
        "Canada's podium finishes by type",
        "medals by nation, highest first",
        "How did Apple finish 2019?",
    ):
        assert unsport(text, semantic_model) == text


def test_a_framing_that_names_a_value_is_never_set_aside_as_context(planner: RulePlanner) -> None:
    """ "The Canada race" names whose medals: every nation's medals, with the framing set aside as
    context, would answer another question. Canada's medals or a refusal naming "race" are both honest."""
    try:
        plan = planner.plan("The Canada race: medals by type.")
    except UnchartableQuestion as refused:
        assert "race" in str(refused)
    else:
        assert filters_of(plan) == [("nation", "eq", "Canada")]


@pytest.mark.parametrize(
    "question",
    [
        "Which Chinese athlete won the most medals? Medal table by athlete.",
        "Medals in figure skating only, by nation.",
        "China's haul at Beijing 2008 against Pyeongchang 2018.",
        "Chart the polls in the race for mayor over the last week of the campaign.",
        "A points table: 3 for a gold, 2 for a silver, 1 for a bronze, leader first.",
        "Put Japan in the medal table next to the other three.",
        "How often is it blowing a gale from each direction?",
        "Wind frequency by direction at kick-off, 3pm on Saturday.",
        "Bergeron's winning margin over Joly in each district.",
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)

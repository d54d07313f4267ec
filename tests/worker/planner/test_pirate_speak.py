"""A pirate's words (worker.planner.pirate_speak): greetings, oaths and address come off, clipped words are
whole again, and booty, doubloons, treasure per head and souls are charted only where the question fixes
what they name; what no data holds, or a word left between readings, stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.pirate_speak import unpirate
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "Ahoy there! Total booty for each nation at the Olympics, biggest first, me hearties.",
        "Yarr, the medal plunder o' every nation, most first, ye scallywags!",
        "Avast ye! The Olympic booty o' each nation, ranked, most first, matey.",
    ],
)
def test_booty_on_the_medals_data_is_the_medals_summed(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan), plan.dimension) == ("medals", [("medals", "sum")], "nation")
    assert plan.sort is not None and plan.sort.by == "medals" and plan.sort.direction == "desc"
    assert plan.limit is None


def test_doubloons_left_for_the_waiter_are_the_tip(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Arr, how many doubloons did the customers leave the waiter at dinner on each day? "
        "All the tips summed, matey."
    )
    assert (plan.dataset, measures_of(plan), plan.dimension) == ("tips", [("tip", "sum")], "day")
    assert filters_of(plan) == [("meal", "eq", "Dinner")]


def test_treasure_per_head_of_countries_is_gdp_per_capita(planner: RulePlanner) -> None:
    plan = planner.plan("Avast ye, the 3 countries in Asia with the most treasure per head in 1997, matey!")
    assert (plan.dataset, [m.name for m in plan.measures], plan.dimension) == (
        "gapminder",
        ["gdp_per_capita"],
        "country",
    )
    assert (filters_of(plan), plan.limit) == ([("continent", "eq", "Asia")], 3)


def test_souls_are_the_population_and_clipped_words_are_whole(planner: RulePlanner) -> None:
    plan = planner.plan("Yarr! Total souls livin' in each continent in 2007, biggest first, ye scurvy dogs.")
    assert (plan.dataset, measures_of(plan), plan.dimension) == ("gapminder", [("pop", "sum")], "continent")


def test_plundered_votes_were_won(planner: RulePlanner) -> None:
    plan = planner.plan("Arr, which candidate plundered the most votes overall? Rank 'em all, matey.")
    assert (plan.dataset, measures_of(plan), plan.dimension) == ("election", [("votes", "sum")], "candidate")


def test_oaths_and_a_log_add_nothing(planner: RulePlanner) -> None:
    plan = planner.plan("Shiver me timbers! Amazon's weekly share price in 2019 for me log, matey.")
    assert (plan.dataset, plan.use_time, filters_of(plan)) == ("stocks", True, [("ticker", "eq", "AMZN")])


def test_sat_down_to_a_meal_is_no_saturday(planner: RulePlanner) -> None:
    plan = planner.plan("Ahoy! How many tables o' landlubbers sat down to dinner on each day? Count 'em.")
    assert (plan.dimension, filters_of(plan)) == ("day", [("meal", "eq", "Dinner")])


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Avast, the doubloons by day, matey.", "doubloons"),
        ("Ahoy, the whole treasure o' the seven seas as a line over the years.", "treasure"),
        ("Yo ho ho, how many ships did each nation send?", "ships"),
        ("Ahoy matey, total rum drunk per table?", "rum"),
        ("Arr, the average tip in pieces of eight, ye bilge rat.", "pieces of eight"),
        ("Arr, wind frequency from starboard, me hearties.", "starboard"),
        ("Yarr, chart where the buried treasure lies on each continent.", "buried treasure"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


def test_pirate_words_are_read_as_plain_english(semantic_model: SemanticModel) -> None:
    read = unpirate(
        "Arr, fetch me a histogram o' the petal lengths o' the blooms, ye bilge rat!", semantic_model
    )
    assert read == "Show me a histogram of the petal lengths of the flowers!"


@pytest.mark.parametrize(
    "text",
    [
        "Show me tips by day.",
        "Give me the total medals by nation, biggest first.",
        "How many people lived in each continent in 2007?",
        "Be sure to plot Amazon's weekly price in 2019.",
        "ARR by month",
    ],
)
def test_text_with_no_pirate_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unpirate(text, semantic_model) == text

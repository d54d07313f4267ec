"""A stage magician's patter (worker.planner.stage_magic): spells, card tricks and playing cards add nothing,
"make X disappear" excludes X where X is a value and the rest are the ones kept, a value or year revealed
before the request is kept only where the request points back to it, and what the data cannot answer stays
refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.stage_magic import unmagic
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "Presto! Keep your eyes on me - the median total bill for each sex. Voila!",
            ("total_bill", "median"),
            "sex",
        ),
        (
            "Pick a day, any day! The average tip per person on each day. Hocus pocus!",
            ("tip_per_person", "avg"),
            "day",
        ),
        (
            "Nothing up my sleeve: the total votes for each candidate, most first. Ta-da!",
            ("votes", "sum"),
            "candidate",
        ),
        (
            "For my next trick, the average petal width of each species. Abracadabra!",
            ("petal_width", "avg"),
            "species",
        ),
    ],
)
def test_spells_and_card_tricks_add_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([measure], dimension, [])


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "The eight of spades! Eight! Now watch closely: the 2 most populous countries in Asia in 1997.",
            "The 2 most populous countries in Asia in 1997.",
        ),
        (
            "Pick a card - the jack of diamonds - the median tip for each party size.",
            "The median tip for each party size.",
        ),
    ],
)
def test_a_playing_card_is_no_number_or_limit(
    semantic_model: SemanticModel, question: str, plain: str
) -> None:
    assert unmagic(question, semantic_model) == plain


def test_a_card_in_the_request_sets_no_party_size(planner: RulePlanner) -> None:
    plan = planner.plan("Pick a card - the two of hearts - the median tip for each party size. Ta-da!")
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([("tip", "median")], "party_size", [])


def test_a_card_that_vanishes_and_reappears_as_a_chart_asks_for_that_chart(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The king of spades vanishes... and reappears as a histogram of the total bill at lunch! Voila!"
    )
    assert (measures_of(plan), plan.chart_type, filters_of(plan)) == (
        [("total_bill", "none")],
        "histogram",
        [("meal", "eq", "Lunch")],
    )


@pytest.mark.parametrize(
    ("question", "dimension", "excluded"),
    [
        (
            "Watch as I make Thursday vanish! The average total bill on the remaining days, as bars.",
            "day",
            ("day", "ne", "Thur"),
        ),
        (
            "I shall make Europe disappear into thin air: the average GDP per capita of the other "
            "four continents in 1997, richest first.",
            "continent",
            ("continent", "ne", "Europe"),
        ),
        (
            "Presto! I make Denis Coderre disappear. The total votes of the rest, as a pie.",
            "candidate",
            ("candidate", "ne", "Coderre"),
        ),
        (
            "Make the silver medals vanish! Each nation's remaining medals, most first.",
            "nation",
            ("medal", "ne", "Silver"),
        ),
    ],
)
def test_making_a_value_disappear_excludes_it_and_keeps_the_rest(
    planner: RulePlanner, question: str, dimension: str, excluded: tuple[str, str, str]
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, filters_of(plan)) == (dimension, [excluded])


def test_the_rest_of_the_world_after_a_vanished_continent_is_the_world(planner: RulePlanner) -> None:
    plan = planner.plan(
        "For my grand finale I make the Americas disappear: the total population of the rest of the world "
        "over time, as a single line."
    )
    assert (plan.chart_type, plan.use_time, filters_of(plan)) == (
        "line",
        True,
        [("continent", "ne", "Americas")],
    )


def test_values_revealed_before_the_request_are_kept_where_it_points_back(planner: RulePlanner) -> None:
    plan = planner.plan(
        "From my top hat... Amazon and Google! Their weekly share prices in 2018, one line each."
    )
    assert (plan.series, period_of(plan)) == ("ticker", ("2018", "2018"))
    assert [(c, op, sorted(v)) for c, op, v in filters_of(plan)] == [("ticker", "in", ["AMZN", "GOOG"])]


def test_a_year_on_the_card_is_the_year_the_request_points_back_to(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Pick a year, any year... the card says 1962. The total population of each continent in that year."
    )
    assert (plan.dimension, period_of(plan)) == ("continent", ("1962", "1962"))


def test_a_value_revealed_and_named_again_adds_nothing_more(semantic_model: SemanticModel) -> None:
    said = unmagic("From my top hat... Canada! Canada's medals by type, as a pie.", semantic_model)
    assert said == "Canada's medals by type, as a pie."


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("I will now make Friday or Saturday disappear! The total tips on the remaining days.", "remaining"),
        ("I will now make the waiter disappear! The average tip of the remaining days.", "remaining"),
        ("Presto! Watch me saw a dove in half: the number of doves in each district.", "doves"),
        ("Abracadabra! The life expectancy of every continent in 2031 appears!", "2031"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "average tip by day",
        "the remaining days after Sunday, total tips",
        "Which countries disappear from the data after 2002?",
        "Pick a chart type for the tips by day",
    ],
)
def test_text_with_no_magic_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unmagic(text, semantic_model) == text

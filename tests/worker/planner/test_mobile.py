"""Questions typed on a phone (worker.planner.mobile): emoji, chat words, "w" / "n" between words, slips
autocorrect keeps as real words ("pie chary", "bat chart", "nation n tyre", "for diner only", "sepal
with"), a doubled last letter ("avgg") and run-together words; and where none of them may fire (a compass
point of the wind data, a letter inside a word, "with and without", a diner who is a person)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.mobile import unmobile
from worker.planner.rules import RulePlanner, UnchartableQuestion


def test_emoji_of_any_range_are_dropped(planner: RulePlanner) -> None:
    assert unmobile("x ✅ y ⭐ z 🇨🇦 w 🤌🏽 👩‍💻") == "x y z w"
    plan = planner.plan("avg tip per day 🤔✨ for smokers 🚬")
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (
        [("tip", "avg")],
        "day",
        [("smoker", "eq", "Yes")],
    )


@pytest.mark.parametrize(
    ("question", "measures", "dimension"),
    [
        ("plz can u chart total bill by day thx", [("total_bill", "avg")], "day"),
        ("ur total bill by sex pls", [("total_bill", "avg")], "sex"),
        ("how many tables r there per day ty", [("tip", "count")], "day"),
        ("summ of tips by day", [("tip", "sum")], "day"),
        ("avg tip by day plzzz thank u lol", [("tip", "avg")], "day"),
        ("pleaseee total bill per sex asap!", [("total_bill", "avg")], "sex"),
        ("maxx price per company", [("price", "max")], "ticker"),
    ],
)
def test_chat_words_and_doubled_letters_are_spelt_out(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == (measures, dimension)


def test_w_n_and_cs_between_words(planner: RulePlanner) -> None:
    with_smokers = planner.plan("avg tip per day w smokers only")
    assert filters_of(with_smokers) == [("smoker", "eq", "Yes")]
    by_two = planner.plan("avg tip by day n sex")
    assert (by_two.dimension, by_two.series) == ("day", "sex")
    versus = planner.plan("avg tip lunch cs dinner")
    assert (versus.dimension, filters_of(versus)) == ("meal", [("meal", "in", ["Lunch", "Dinner"])])


@pytest.mark.parametrize(
    "question",
    [
        "wind frequency by strength for direction W",
        "wind frequency from w by strength",
        "frequency for the n direction",
        "frequency n vs s",
        "W vs WNW",
        "petal w over 2 by species",
        "rate of return",  # "r" and "n" inside words
        "top n countries by population",  # "n" is a count after a rank
        "the r between tip and bill",  # the correlation's r
        "tip vs bill r squared",
        "u2 sales by day",  # "u" inside a name
        "www by day",  # a word of one letter held down is a word
        "CS majors by day",  # "CS" in capitals may be a name
    ],
)
def test_letters_that_may_be_data_are_left(question: str) -> None:
    assert unmobile(question) == question


def test_compass_point_w_stays_a_direction(planner: RulePlanner) -> None:
    plan = planner.plan("wind frequency by strength for direction W")
    assert filters_of(plan) == [("direction", "eq", "W")]


def test_before_and_a_deadline_2day(planner: RulePlanner) -> None:
    before = planner.plan("life expectancy in Japan b4 1980")
    assert before.time_range is not None
    assert (before.time_range.start, before.time_range.end) == (None, "1979")
    deadline = planner.plan("need avg tip by day 2day")
    assert (measures_of(deadline), deadline.dimension) == ([("tip", "avg")], "day")
    # Not a deadline: a time the stocks data cannot give, so refused rather than charted overall.
    with pytest.raises(UnchartableQuestion):
        planner.plan("stock price of apple 2day")


@pytest.mark.parametrize(
    ("question", "chart_type"),
    [
        ("line chat of apple stock price", "line"),
        ("bag chart of medals by nation", "bar"),
        ("pie chary of medals by nation", "pie"),
    ],
)
def test_chart_word_slips(planner: RulePlanner, question: str, chart_type: str) -> None:
    assert planner.plan(question).chart_type == chart_type


def test_type_dinner_and_width_slips(planner: RulePlanner) -> None:
    assert planner.plan("medals by tyre for canada").dimension == "medal"
    dinner = planner.plan("total bill by day for diner only")
    assert filters_of(dinner) == [("meal", "eq", "Dinner")]
    width = planner.plan("histogram of petal with")
    assert measures_of(width) == [("petal_width", "none")]


@pytest.mark.parametrize(
    "question",
    [
        "tip per diner by day",  # a diner is a person at the table
        "the diner tipped",
        "tyre prices",  # no grouping word before it
        "bat colony size",  # not before a chart word
        "tips with and without smokers",
        "countries with per-capita GDP below 1000",
        "bill by sex",  # a real doubled letter
    ],
)
def test_real_words_are_left(question: str) -> None:
    assert unmobile(question) == question


def test_run_together_words_split_only_into_two_known_words() -> None:
    known = {"life", "expectancy", "total", "bill", "tip", "tips", "pop", "population"}
    assert unmobile("totalbill by day", known) == "total bill by day"
    assert unmobile("lifeexpectancy in 1982", known) == "life expectancy in 1982"
    # A known word, an unknown half, or no model words: left as typed.
    assert unmobile("population by continent", known) == "population by continent"
    assert unmobile("lifespans by continent", known) == "lifespans by continent"
    assert unmobile("lifeexpectancy in 1982") == "lifeexpectancy in 1982"
    # A word and its ending ("great" + "est", where "Est" is a district's name) is one word.
    assert unmobile("the greatest tip", {"great", "est", "tip"}) == "the greatest tip"

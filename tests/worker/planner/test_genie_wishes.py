"""A genie's wishes (worker.planner.genie_wishes): hand-overs ("Your wish is my command", "Wish granted:",
"I grant you", "Rub the lamp") introduce the request and the patter before them sets nothing, the number
of a wish or of wishes is never a limit or an ordinal, numbered wishes are one request, a wish about the
wisher sets nothing, and what the data cannot answer (two charts, what no dataset holds) stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.genie_wishes import unwish
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        ("Your wish is my command, master! The median tip on each day, as bars.", ("tip", "median"), "day"),
        ("Rubbing the lamp again, and: the total votes of each candidate.", ("votes", "sum"), "candidate"),
        (
            "Wish granted, sort of: the average sepal width of each species.",
            ("sepal_width", "avg"),
            "species",
        ),
        ("I hereby grant thee the total medals per nation.", ("medals", "sum"), "nation"),
        ("The median tip on each day, master. Your wish is my command!", ("tip", "median"), "day"),
    ],
)
def test_a_hand_over_introduces_the_request(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    answer = planner.answer(question)
    plan = answer.plan
    assert answer.left_out == ()  # read whole, not by setting the patter aside as context
    assert (measures_of(plan), plan.dimension, plan.chart_type, filters_of(plan)) == (
        [measure],
        dimension,
        "bar",
        [],
    )


def test_a_chart_granted_to_someone_else_is_patter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "I once granted a caliph a line of his camels; your wish is for a pie: the total tips on each day."
    )
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("tip", "sum")], "day", "pie")


@pytest.mark.parametrize(
    "question",
    [
        "I wish I were as lucky as the Saturday smokers! Wish granted: the average bill per sex.",
        "I wish I had dined with the smokers on a Saturday! I grant you the average total bill by sex.",
    ],
)
def test_a_wish_about_the_wisher_sets_nothing(planner: RulePlanner, question: str) -> None:
    answer = planner.answer(question)
    plan = answer.plan
    assert answer.left_out == ()  # read whole, not by setting the patter aside as context
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([("total_bill", "avg")], "sex", [])


@pytest.mark.parametrize(
    "question",
    [
        "For your fourth wish: the life expectancy of each continent in 1977.",
        "Three wishes left: the life expectancy of each continent in 1977.",
        "I grant you the life expectancy of each continent in 1977. Two wishes remain, or is it one?",
        "Ten thousand years in a lamp and not one chart! I grant you the life expectancy of each continent "
        "in 1977.",
    ],
)
def test_the_number_of_a_wish_is_no_limit_or_period(planner: RulePlanner, question: str) -> None:
    answer = planner.answer(question)
    plan = answer.plan
    assert answer.left_out == ()  # read whole, not by setting the patter aside as context
    assert (measures_of(plan), plan.dimension) == ([("life_exp", "avg")], "continent")
    assert (plan.limit, filters_of(plan), period_of(plan)) == (None, [], ("1977", "1977"))


def test_the_wishes_a_genie_grants_keep_their_own_limit(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Rub the lamp three times and I grant you the 4 most populous countries of Asia in 2007."
    )
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("country", 4, [("continent", "eq", "Asia")])


def test_numbered_wishes_are_one_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Wish 1: the iris data. Wish 2: the average petal width by species. Wish 3: setosa left out."
    )
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (
        [("petal_width", "avg")],
        "species",
        [("species", "ne", "setosa")],
    )


def test_numbered_wishes_after_a_count_of_wishes_are_one_line(planner: RulePlanner) -> None:
    plan = planner.plan(
        "You get three wishes. My first wish: the stocks data. My second wish: Apple's price over 2019. "
        "My third wish: as a line."
    )
    assert (filters_of(plan), plan.chart_type, plan.limit) == ([("ticker", "eq", "AAPL")], "line", None)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "First wish: a line of Apple's price in 2019. Second wish: a pie of the medals by nation.",
            "one chart",
        ),
        ("Your wish is my command: the number of flying carpets in each country.", "flying carpets"),
        (
            "I wish I were rich! Wish granted: my own fortune "
            "beside the total GDP of each continent in 2007.",
            "fortune",
        ),
        ("Wish granted: the total or the average medals per nation, whichever you wish.", "one aggregation"),
        ("Ten thousand years in a lamp: the population of each continent ten thousand years ago.", "ago"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "average tip by day",
        "I wish I could see the average tip by day",
        "I grant you that Sunday is busy: the average tip by day.",
        "the master list of countries: life expectancy in 2007",
    ],
)
def test_text_with_no_genie_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unwish(text, semantic_model) == text

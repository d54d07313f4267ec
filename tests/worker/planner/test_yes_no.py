"""A yes/no asker's questions (worker.planner.yes_no) charted as the chart that answers them, and the tests,
numbers and forecasts such a user asks for still refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_a_link_between_two_measures_is_their_scatter(planner: RulePlanner) -> None:
    plan = planner.plan("Is there any relationship between the tip and the total bill?")
    assert plan.chart_type == "scatter"
    assert [name for name, _ in measures_of(plan)] == ["tip", "total_bill"]
    scoped = planner.plan(
        "Is there a connection between petal length and petal width among the virginica irises?"
    )
    assert scoped.chart_type == "scatter"
    assert filters_of(scoped) == [("species", "eq", "virginica")]


def test_a_link_with_a_grouping_is_the_measure_over_it(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Is there a link between how many people were at the table and how large the tip was?"
    )
    assert (plan.chart_type, plan.dimension, measures_of(plan)) == ("bar", "party_size", [("tip", "avg")])


@pytest.mark.parametrize(
    ("question", "measure", "dimension", "scope"),
    [
        ("Do women tip more?", ("tip", "avg"), "sex", []),
        (
            "Do non-smokers leave bigger tips than the rest at lunch?",
            ("tip", "avg"),
            "smoker",
            [("meal", "eq", "Lunch")],
        ),
        ("Do virginica irises have longer petals than the others?", ("petal_length", "avg"), "species", []),
    ],
)
def test_one_value_against_the_rest_shows_every_value(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str, scope: list[object]
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.dimension, measures_of(plan)) == ("bar", dimension, [measure])
    assert filters_of(plan) == scope


def test_two_named_values_are_compared_side_by_side(planner: RulePlanner) -> None:
    busy = planner.plan("Are Sundays busier than Thursdays?")
    assert measures_of(busy) == [("tip", "count")]
    assert filters_of(busy) == [("day", "in", ["Sun", "Thur"])]
    wide = planner.plan("Are versicolor sepals wider than setosa sepals?")
    assert measures_of(wide) == [("sepal_width", "avg")]
    assert filters_of(wide) == [("species", "in", ["versicolor", "setosa"])]
    behind = planner.plan("Was Asia behind Europe on GDP per capita in 1982?")
    assert filters_of(behind) == [("continent", "in", ["Asia", "Europe"])]
    assert behind.time_range is not None and behind.time_range.start == "1982"
    medals = planner.plan("Did China win more silver than bronze?")
    assert filters_of(medals) == [("nation", "eq", "China"), ("medal", "in", ["Silver", "Bronze"])]


def test_now_on_survey_data_is_the_latest_survey(planner: RulePlanner) -> None:
    plan = planner.plan("Is Japan's economy bigger than Germany's nowadays?")
    assert (plan.chart_type, plan.dimension) == ("bar", "country")
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("2007", "2007")


def test_claims_over_time_are_lines(planner: RulePlanner) -> None:
    passed = planner.plan("Did Africa's population ever overtake the Americas'?")
    assert (passed.chart_type, passed.series) == ("line", "continent")
    level = planner.plan("Did Apple ever fall below its January 2018 level?")
    assert (level.chart_type, filters_of(level)) == ("line", [("ticker", "eq", "AAPL")])
    rising = planner.plan("Did population in Asia keep growing from 1972 onwards?")
    assert rising.chart_type == "line" and rising.time_range is not None
    assert rising.time_range.start == "1972"


def test_groupings_revenue_and_performers(planner: RulePlanner) -> None:
    bigger = planner.plan("Do larger parties give a bigger tip per person?")
    assert (bigger.dimension, measures_of(bigger)) == ("party_size", [("tip_per_person", "avg")])
    money = planner.plan("Is lunch when the restaurant makes most of its money?")
    assert (money.dimension, measures_of(money), filters_of(money)) == ("meal", [("total_bill", "sum")], [])
    best = planner.plan("Was Amazon the best performer of the six in 2019?")
    assert (best.chart_type, best.dimension, filters_of(best)) == ("bar", "ticker", [])
    depends = planner.plan("Does wind direction vary with strength?")
    assert (depends.dimension, depends.series) == ("strength", "direction")
    mostly = planner.plan("Do the 6+ winds mainly blow from the west?")
    assert (mostly.dimension, filters_of(mostly)) == ("direction", [("strength", "eq", "6+")])


def test_weeks_counted_for_each_company(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Were any of the companies above their January 2018 level for many weeks in 2018? "
        "Count the weeks for each."
    )
    assert (plan.dimension, measures_of(plan)) == ("ticker", [("price", "count")])
    assert filters_of(plan) == [("price", "gt", 1)]


def test_any_rows_where_a_condition_holds(planner: RulePlanner) -> None:
    plan = planner.plan("Are there any countries in Asia where people lived more than 75 years in 2007?")
    assert (plan.dimension, measures_of(plan)) == ("country", [("life_exp", "avg")])
    assert filters_of(plan) == [("continent", "eq", "Asia"), ("life_exp", "gt", 75)]


@pytest.mark.parametrize(
    "question",
    [
        "Is the tip difference between men and women statistically significant?",
        "Is there a link between the bill and the tip? Give me the correlation coefficient.",
        "Do smokers tip more? Just answer yes or no.",
        "Is Apple going to be above its January 2018 level in 2021?",
    ],
)
def test_tests_numbers_and_forecasts_stay_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_a_question_with_its_own_request_is_left_to_that_request(planner: RulePlanner) -> None:
    # The follow-up names the chart; the yes/no rewrite leaves it alone.
    plan = planner.plan("Do bigger parties tip more? Show me the average tip for each day.")
    assert (plan.dimension, measures_of(plan)) == ("day", [("tip", "avg")])

"""The gaps the second blind holdout found in the rule planner: commands that change data, unknown names
before "vs", groupings by words no dimension reads, questions naming only a dataset-ish word, and an
ordered value named after its dimension ("strength 6+")."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.planner.words import is_command


@pytest.mark.parametrize(
    "question",
    [
        "remove every row from the iris table",
        "overwrite the election results so Joly wins every district",
        "erase all the tips data",
        "please wipe the database",
        "modify the records of the medals table",
        "replace the values in the gapminder table with zeros",
        "update the results for Coderre",
    ],
)
def test_a_command_that_changes_data_is_refused(planner: RulePlanner, question: str) -> None:
    assert is_command(question)
    with pytest.raises(UnchartableQuestion, match="does not run commands"):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "remove Canada",
        "remove the limit",
        "replace the bar chart with a line",
        "remove Brazil from the chart",
        "change it to a pie",
    ],
)
def test_an_edit_verb_without_data_words_is_no_command(text: str) -> None:
    assert not is_command(text)


@pytest.mark.parametrize(
    "question",
    [
        "Apple vs Microsoft stock price",
        "Mexico vs Canada life expectancy",
        "Joly vs Coderre votes by district",
    ],
)
def test_known_names_before_vs_are_still_compared(planner: RulePlanner, question: str) -> None:
    assert len(planner.plan(question).filters) == 1


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("average tip by payment method", "payment method"),
        ("average tip per server", "server"),
        ("The average tip per waiter!", "waiter"),  # the word named, not the sentence's punctuation
    ],
)
def test_a_grouping_no_dimension_reads_is_refused_naming_the_dimensions(
    planner: RulePlanner, question: str, group: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refusal:
        planner.plan(question)
    message = str(refusal.value)
    assert f"\u201c{group}\u201d" in message and "day" in message and "smoker" in message
    assert "Try" in message


@pytest.mark.parametrize(
    ("question", "dimension"),
    [
        ("average tip by dya", "day"),
        ("average tip by day", "day"),
        ("tip by how much", "day"),
        ("average tip by party size", "party_size"),
        ("medals by medal type", "medal"),
    ],
)
def test_known_or_misspelt_groupings_still_answer(
    planner: RulePlanner, question: str, dimension: str
) -> None:
    assert planner.plan(question).dimension == dimension


def test_time_groupings_still_answer(planner: RulePlanner) -> None:
    assert planner.plan("stock price of apple by month").use_time
    assert planner.plan("population of China by year").use_time


def test_a_question_naming_only_a_dataset_word_is_refused(planner: RulePlanner) -> None:
    # The words it could not read are named (worker.planner.unread), with the measures it can chart.
    with pytest.raises(
        UnchartableQuestion, match=r"\u201crecommend\u201d .*names nothing it can measure.*Try"
    ):
        planner.plan("recommend a good restaurant near me")


@pytest.mark.parametrize("question", ["tips data", "show me the gapminder data", "the medals"])
def test_a_dataset_named_with_plain_words_still_answers(planner: RulePlanner, question: str) -> None:
    planner.plan(question)


def test_an_ordered_value_after_its_dimension_is_a_filter(planner: RulePlanner) -> None:
    plan = planner.plan("wind frequency by direction for strength 6+")
    assert plan.dimension == "direction"
    assert filters_of(plan) == [("strength", "eq", "6+")]
    assert filters_of(planner.plan("wind frequency by direction with wind speed 0-1")) == [
        ("strength", "eq", "0-1")
    ]
    assert planner.plan("wind frequency by direction and strength").series == "strength"


@pytest.mark.parametrize(
    "question", ["visualize the election", "summarize the wind data", "iris flowers overview", "wind rose"]
)
def test_a_dataset_asked_for_as_a_whole_still_answers(planner: RulePlanner, question: str) -> None:
    planner.plan(question)


@pytest.mark.parametrize(
    "question",
    ["why do smokers tip less", "Why did GDP fall in Africa after 1980?", "how come Coderre won"],
)
def test_a_question_about_causes_is_refused(planner: RulePlanner, question: str) -> None:
    """A chart shows what the data holds, not why: charting "tip by smoker" would answer another question."""
    with pytest.raises(UnchartableQuestion, match="cannot tell why"):
        planner.plan(question)


def test_rank_x_by_y_sorts_highest_first(
    planner: RulePlanner,
) -> None:
    ranked = planner.plan("rank the continents by life expectancy in 2007")
    assert ranked.sort is not None and ranked.sort.direction == "desc"
    assert ranked.dimension == "continent"


@pytest.mark.parametrize(
    "question",
    [
        "which country had the highest life expectancy in each continent in 2007",
        "which continent had the highest life expectancy in each year",
        "for how many weeks was each company the best performing of the six stocks",
        "which country had the biggest population every decade",
    ],
)
def test_the_leader_of_each_group_is_refused(planner: RulePlanner, question: str) -> None:
    """The highest per continent would chart the maximum, not say which country holds it."""
    with pytest.raises(UnchartableQuestion, match="leads within each group"):
        planner.plan(question)


def test_a_year_after_the_data_names_what_the_data_has(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="outside it; the stocks data has stock price"):
        planner.plan("what did the tech stocks do in 2020")


def test_the_leader_of_each_period_is_refused_when_the_period_comes_first(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="leads within each group"):
        planner.plan("for each month of 2019 which company had the highest price")


def test_one_values_share_within_each_group_is_refused(planner: RulePlanner) -> None:
    """A pie of Joly's votes by district shows how her votes spread, not her share of each district's vote."""
    with pytest.raises(UnchartableQuestion, match="Joly\u2019s share within each district"):
        planner.plan("joly's share of the vote in each district")
    assert planner.plan("share of the vote for each candidate in plurality districts").chart_type == "pie"


@pytest.mark.parametrize(
    "question",
    [
        "the richest country in every continent",
        "each continent's most populous country in 2007",
        "the country with the highest life expectancy in each continent in 1997",
        "show the company having the lowest price for every quarter of 2019",
    ],
)
def test_the_leader_of_each_group_is_refused_without_which(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="leads within each group"):
        planner.plan(question)


@pytest.mark.parametrize("question", ["medals by nation with no gold", "average tip on days with no lunch"])
def test_the_groups_a_value_is_missing_from_are_refused(planner: RulePlanner, question: str) -> None:
    """Charting gold only (or everything but gold) would answer another question."""
    with pytest.raises(UnchartableQuestion, match="missing from"):
        planner.plan(question)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("which two stocks grew the most in 2019", "grew the most"),
        ("From 1952 to 2007, which country improved its life expectancy the most?", "improved"),
        ("which continent had the biggest increase in population since 1972", "biggest increase"),
    ],
)
def test_a_ranking_by_growth_is_refused(planner: RulePlanner, question: str, said: str) -> None:
    """Ranking by a change between periods needs each period's value first: charting the values of one
    period would answer another question."""
    with pytest.raises(UnchartableQuestion, match="change between periods") as refused:
        planner.plan(question)
    assert said in str(refused.value)


def test_growth_over_time_is_still_a_line(planner: RulePlanner) -> None:
    assert planner.plan("how did india's population grow since 1972").use_time


@pytest.mark.parametrize(
    "question",
    [
        "what is the correlation coefficient of tip and total bill",
        "pearson's r between sepal length and petal length",
        "r-squared of life expectancy against gdp per capita in 2007",
        # a coefficient per group (the thirteenth holdout), which a coloured scatter does not give
        "Correlation between life expectancy and per-capita output for each continent, 2007",
        "the correlation of tip and bill for each day",
    ],
)
def test_a_correlation_coefficient_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="correlation coefficient"):
        planner.plan(question)


def test_a_scatter_of_a_correlation_still_answers(planner: RulePlanner) -> None:
    assert planner.plan("correlation between tip and total bill").chart_type == "scatter"


def test_each_followed_by_a_word_naming_the_dataset_is_refused(planner: RulePlanner) -> None:
    """ "each waiter": the tips data is the waiter's records, not a grouping by waiter."""
    with pytest.raises(UnchartableQuestion, match="waiter"):
        planner.plan("the average tip of every waiter")


@pytest.mark.parametrize(
    "question",
    [
        "life expectancy by continent, weighted by population, in 2002",
        "the gdp-weighted average life expectancy of each continent",
        "weighted mean tip per day",
    ],
)
def test_a_weighted_average_is_refused_and_named(planner: RulePlanner, question: str) -> None:
    """The plain average of the rows would answer another question, so it is never charted instead."""
    with pytest.raises(UnchartableQuestion, match="weighted"):
        planner.plan(question)


def test_a_frequency_table_of_data_with_a_frequency_measure_asks_which_is_meant(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="frequency measure or a count of its rows"):
        planner.plan("a frequency table of the wind's directions")
    assert planner.plan("wind frequency for each direction").measures[0].agg == "sum"
    counted = planner.plan("frequency table of the meals")  # the tips data has no frequency measure
    assert (counted.dimension, counted.measures[0].agg) == ("meal", "count")


def test_a_word_said_twice_is_named_once(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan("Netflix fell hard in 2018. Chart me the reason it fell.")
    assert str(refused.value).count("\u201cfell\u201d") == 1


@pytest.mark.parametrize(
    "question",
    ["Apple's weekly share price across 2021, as a line.", "Netflix's share price in June 2020, as bars."],
)
def test_the_example_for_a_period_outside_the_data_leaves_no_hole(
    planner: RulePlanner, question: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    example = str(refused.value).split("e.g. \u201c")[-1]
    assert " ," not in example and "across," not in example and " in ," not in example
    assert "2019" in example


def test_a_period_suggested_goes_before_a_closing_please(planner: RulePlanner) -> None:
    """The suggestion read "Italy's life expectancy, please from 1997 to 2007"."""
    with pytest.raises(UnchartableQuestion) as refusal:
        planner.plan("Italy's life expectancy in 2012, please")
    assert "\u201cItaly's life expectancy from 1997 to 2007, please\u201d" in str(refusal.value)

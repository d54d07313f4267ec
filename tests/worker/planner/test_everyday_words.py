"""Everyday words for the data's terms (worker.planner.everyday_words): a lay user's "money left for the
waiter", "how long people live", "outer leaves" and "round chart" read as the model's measures,
dimensions, values and chart types; words with other meanings elsewhere are left alone."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.everyday_words import uneveryday
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measures", "dimension"),
    [
        ("the money diners left for the waiter on each day", [("tip", "avg")], "day"),
        ("what the customers gave the waitress, lunch against dinner", [("tip", "avg")], "meal"),
        ("how much each diner at the table gave to the waiter, by day", [("tip_per_person", "avg")], "day"),
        ("the tip as a proportion of the bill for each day", [("tip_pct", "avg")], "day"),
        (
            "how much people spent on their food altogether, for each day",
            [("total_bill", "sum")],
            "day",
        ),
        (
            "the average tip, according to how many people were sitting at the table",
            [("tip", "avg")],
            "party_size",
        ),
        ("how long people live in each part of the world in 1977", [("life_exp", "avg")], "continent"),
        ("how wide the flower's outer leaves are for each kind", [("sepal_width", "avg")], "species"),
        ("the votes of each of the people running for mayor in Ahuntsic", [("votes", "sum")], "candidate"),
        ("the votes of Monsieur Coderre in each district", [("votes", "sum")], "district"),
        ("the lowest the share price of each company ever got to", [("price", "min")], "ticker"),
    ],
)
def test_everyday_words_name_the_models_terms(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == (measures, dimension)


def test_the_ladies_and_the_gentlemen_are_the_sexes(planner: RulePlanner) -> None:
    plan = planner.plan("Which tip more, the ladies or the gentlemen?")
    assert (measures_of(plan), plan.dimension) == ([("tip", "avg")], "sex")
    scatter = planner.plan(
        "a dot picture of the bill against the tip, the gentlemen and the ladies in different colours"
    )
    assert (scatter.chart_type, scatter.series) == ("scatter", "sex")


def test_those_who_dont_smoke_are_the_non_smokers(planner: RulePlanner) -> None:
    plan = planner.plan("the average bill of the people who don't smoke, by day")
    assert filters_of(plan) == [("smoker", "eq", "No")]


def test_lives_and_wealth_on_gapminder(planner: RulePlanner) -> None:
    lived = planner.plan("how long people lived in Africa over the years")
    assert (measures_of(lived), lived.use_time) == ([("life_exp", "avg")], True)
    living = planner.plan("how many people were living in Brazil over the years")
    assert measures_of(living) == [("pop", "sum")]
    money = planner.plan("the money each person has in Japan and in Germany over the years")
    assert measures_of(money) == [("gdp_per_capita", "avg")]
    worst = planner.plan("which countries were the worst off in Europe in 2007")
    assert (measures_of(worst), worst.sort and worst.sort.direction) == ([("gdp_per_capita", "avg")], "asc")


@pytest.mark.parametrize(
    "question",
    [
        "round the numbers: average tip by day",
        "average tip by day, leaving out Sunday",
        "average tip by day...",
    ],
)
def test_words_with_other_meanings_are_left_alone(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("tip", "avg")], "day", "bar")


@pytest.mark.parametrize(
    "question",
    [
        "how much I should leave the waiter after lunch on Friday",
        "how much more the gentlemen leave for the waiter than the ladies do",
        "life expectancy in Japan, how long ago was it 60?",
    ],
)
def test_advice_and_differences_stay_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "the tech company with the highest price in 2019",
        "did Apple miss Google's price in 2019",
        "how long ago did people live to 60",
        "how many people are at a table and how big the bill is",
        "average tip... by day, leave out Sunday, round the numbers",
    ],
)
def test_near_misses_are_not_rewritten(semantic_model: SemanticModel, question: str) -> None:
    assert uneveryday(question, semantic_model) == question


def test_a_long_life_is_a_high_life_expectancy(planner: RulePlanner) -> None:
    plan = planner.plan("the 4 countries in Africa with the shortest lifespan in 1977")
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction, plan.limit) == ("life_exp", "asc", 4)


@pytest.mark.parametrize(
    ("question", "measure", "direction"),
    [
        ("which day do people tip the most?", "tip", "desc"),
        ("ngl which day do ppl tip the most on avg?", "tip", "desc"),
        ("which day do customers tip the least?", "tip", "asc"),
        ("what day did diners pay the most on average?", "total_bill", "desc"),
    ],
)
def test_which_day_people_tip_the_most_is_the_one_top_day(
    planner: RulePlanner, question: str, measure: str, direction: str
) -> None:
    # "the most" after the verb was read as nothing: every day came back, unranked.
    plan = planner.plan(question)
    assert (plan.dimension, measures_of(plan), plan.limit) == ("day", [(measure, "avg")], 1)
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == (measure, direction)


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        ("When do tables leave the bigger tip percentage, at lunch or at dinner?", "tip_pct", "meal"),
        ("do men leave bigger tips than women", "tip", "sex"),
        # "leaves" after "which X", and "generous" tips, were refused as unknown words.
        ("Which party size leaves the biggest tips?", "tip", "party_size"),
        ("Which day had the most generous tips?", "tip", "day"),
        ("Do smokers leave more generous tips than non-smokers?", "tip", "smoker"),
    ],
)
def test_who_leaves_the_bigger_tip_compares_the_tip(
    planner: RulePlanner, question: str, measure: str, dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == ([(measure, "avg")], dimension)


@pytest.mark.parametrize(
    ("question", "chart", "dimension"),
    [
        # Two measures by a grouping compare each group's two figures: it was a scatter coloured by day.
        ("Tip and total bill by day", "bar", "day"),
        ("Sepal length and sepal width for each species", "bar", "species"),
        ("Average tip as well as average total bill on each day, dinner only", "bar", "day"),
        # Coloured by a grouping, or named a scatter, it stays one.
        ("petal length and petal width, coloured by species", "scatter", None),
        ("tip and total bill by day as a scatter", "scatter", None),
    ],
)
def test_two_measures_by_a_grouping_are_bars_of_each(
    planner: RulePlanner, question: str, chart: str, dimension: str | None
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.dimension, len(plan.measures)) == (chart, dimension, 2)


@pytest.mark.parametrize(
    ("question", "filters"),
    [
        ("On average, what percent of the bill do people tip, for each party size?", []),
        # It was a scatter of the tip percentage against the tip.
        ("what share of the bill do men tip", [("sex", "eq", "Male")]),
    ],
)
def test_what_share_of_the_bill_people_tip_is_the_tip_percentage(
    planner: RulePlanner, question: str, filters: list[tuple[str, str, str]]
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == [("tip_pct", "avg")] and filters_of(plan) == filters


@pytest.mark.parametrize(
    ("question", "direction", "limit", "continent"),
    [
        ("the 5 longest-lived countries of the Americas in 2002", "desc", 5, "Americas"),
        ("The 3 shortest-lived European countries in 1967.", "asc", 3, "Europe"),
    ],
)
def test_the_longest_lived_countries_rank_by_life_expectancy(
    planner: RulePlanner, question: str, direction: str, limit: int, continent: str
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == [("life_exp", "avg")] and plan.limit == limit
    assert plan.sort is not None and plan.sort.direction == direction
    assert filters_of(plan) == [("continent", "eq", continent)]


@pytest.mark.parametrize(
    "question",
    [
        "How many tables of each party size sat down at dinner?",
        "the average tip of the tables sitting at lunch",
    ],
)
def test_sat_as_a_verb_is_no_saturday(planner: RulePlanner, question: str) -> None:
    """ "sat down at dinner" kept only Saturday's tables: a chart that looked right."""
    plan = planner.plan(question)
    assert all(f[0] != "day" for f in filters_of(plan)), question


@pytest.mark.parametrize(
    ("question", "dimension"),
    [
        ("Which single day brought in the most tips?", "day"),
        ("which single nation won the most bronze medals", "nation"),
    ],
)
def test_which_single_is_which_one(planner: RulePlanner, question: str, dimension: str) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.limit) == (dimension, 1)


def test_a_take_ending_the_question_is_a_win(planner: RulePlanner) -> None:
    plan = planner.plan("How many bronzes did each nation take?")
    assert (plan.dimension, filters_of(plan)) == ("nation", [("medal", "eq", "Bronze")])
    plan = planner.plan("Which districts did Joly take?")
    assert (plan.dimension, filters_of(plan)) == ("district", [("winner", "eq", "Joly")])


def test_tables_that_ran_up_a_bill_had_it(planner: RulePlanner) -> None:
    plan = planner.plan("How many tables ran up a bill of more than 40 dollars on each day?")
    assert (measures_of(plan), filters_of(plan)) == ([("total_bill", "count")], [("total_bill", "gt", 40)])


def test_the_lowest_price_each_company_touched_is_its_minimum(planner: RulePlanner) -> None:
    plan = planner.plan("The lowest share price each company touched in 2019.")
    assert (measures_of(plan), plan.dimension) == ([("price", "min")], "ticker")


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "filters"),
    [
        ("How many votes did Joly take in the districts she won?", [("votes", "sum")], "district", None),
        (
            "How many golds did each nation bring home?",
            [("medals", "sum")],
            "nation",
            [("medal", "eq", "Gold")],
        ),
        (
            "How long could people expect to live on each continent in 1992?",
            [("life_exp", "avg")],
            "continent",
            [],
        ),
        (
            "Count the tables seating at least three people, day by day.",
            [("tip", "count")],
            "day",
            [("party_size", "gte", 3)],
        ),
        ("Slice China's medals into gold, silver and bronze, as a pie.", [("medals", "sum")], "medal", None),
        (
            "Per species, the mean sepal width beside the mean petal length.",
            [("sepal_width", "avg"), ("petal_length", "avg")],
            "species",
            [],
        ),
    ],
)
def test_everyday_verbs_and_joins(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str,
    filters: list[tuple[str, str, object]] | None,
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == (measures, dimension)
    if filters is not None:
        assert filters_of(plan) == filters


def test_votes_a_candidate_took_are_hers_not_every_candidates(planner: RulePlanner) -> None:
    plan = planner.plan("How many votes did Joly take in the districts she carried with a majority?")
    assert ("candidate", "eq", "Joly") in filters_of(plan)


def test_the_one_at_the_bottom_of_a_lowest_ranking_is_one(planner: RulePlanner) -> None:
    plan = planner.plan("Which company had the lowest average price in 2018? Just the one at the bottom.")
    assert (plan.sort and plan.sort.direction, plan.limit) == ("asc", 1)


def test_closes_are_closing_prices(planner: RulePlanner) -> None:
    plan = planner.plan("Microsoft's closes week by week from July to September 2019.")
    assert (filters_of(plan), plan.chart_type) == ([("ticker", "eq", "MSFT")], "line")


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        ("Who leaves the biggest tips on average, men or women?", "tip", "sex"),
        ("the largest bills on average, day by day", "total_bill", "day"),
        ("the highest prices on average per company in 2019", "price", "ticker"),
    ],
)
def test_the_biggest_on_average_is_the_highest_average(
    planner: RulePlanner, question: str, measure: str, dimension: str
) -> None:
    """ "the biggest tips on average" was refused as the average of each group's biggest tips."""
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == ([(measure, "avg")], dimension)
    assert plan.sort is not None and plan.sort.direction == "desc"


def test_any_single_table_is_any_table_not_a_party_of_one(planner: RulePlanner) -> None:
    """ "the largest tip any single table left" kept the parties of one only."""
    plan = planner.plan("the largest tip any single table left, for each size of party")
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([("tip", "max")], "party_size", [])


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "chart"),
    [
        ("a pie: the Saturday tables counted by sex", [("tip", "count")], "sex", "pie"),
        # The rows as what a chart is of: counted ("a pie of the tables by day" was the tips summed).
        ("a pie of the Saturday tables by sex", [("tip", "count")], "sex", "pie"),
        ("a pie of the total bills by day", [("total_bill", "sum")], "day", "pie"),
        ("the tech names: their average price in 2018, highest first", [("price", "avg")], "ticker", "bar"),
        ("each nation's medals broken into gold, silver and bronze", [("medals", "sum")], "nation", "bar"),
    ],
)
def test_counted_by_tech_names_and_broken_into(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], dimension: str, chart: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.chart_type) == (measures, dimension, chart)


@pytest.mark.parametrize(
    ("question", "direction"),
    [
        ("which day brought in the most tips?", "desc"),
        ("which day had the most money in tips", "desc"),
        ("which day had the fewest tips", "asc"),
    ],
)
def test_the_most_tips_are_the_highest_total(planner: RulePlanner, question: str, direction: str) -> None:
    """ "which day brought in the most tips" ranked the average tip; "the most tips by day" was its max."""
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.limit) == ([("tip", "sum")], "day", 1)
    assert plan.sort is not None and plan.sort.direction == direction
    assert measures_of(planner.plan("which day do people tip the most")) == [("tip", "avg")]


def test_what_the_bills_add_up_to_is_their_total(planner: RulePlanner) -> None:
    # "add" was refused as an unknown word.
    plan = planner.plan("What did the bills add up to for each party size?")
    assert (plan.dimension, measures_of(plan)) == ("party_size", [("total_bill", "sum")])


def test_going_round_the_compass_is_compass_order(planner: RulePlanner) -> None:
    # "going" and "round" were refused as unknown words.
    plan = planner.plan(
        "In the 1-2 band, the frequency of every direction, going round the compass from north."
    )
    assert (plan.dimension, plan.sort) == ("direction", None)

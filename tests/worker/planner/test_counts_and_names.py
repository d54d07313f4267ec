"""The gaps the blind holdout found in the rule planner: a typo of a value with a synonym as near, "how
many" of a measure that is already a count, a measure phrase holding a count word, and entities the
chosen dataset doesn't have."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import measures_of
from worker.planner.rules import RulePlanner, UnchartableQuestion


def test_a_typo_as_near_two_names_of_one_value_is_read_as_it(planner: RulePlanner) -> None:
    # "amazn" is one edit from both "amzn" and "amazon", which both name the ticker AMZN.
    plan = planner.plan("amazn stock price in 2019")
    assert [(f.column, f.op, f.value) for f in plan.filters] == [("ticker", "eq", "AMZN")]
    assert plan.series is None and plan.use_time


def test_how_many_of_a_counted_measure_with_a_value_between_adds_it_up(planner: RulePlanner) -> None:
    plan = planner.plan("how many bronze medals did each team win")
    assert measures_of(plan) == [("medals", "sum")]
    assert plan.dimension == "nation"
    assert [(f.column, f.op, f.value) for f in plan.filters] == [("medal", "eq", "Bronze")]


def test_how_many_of_a_measure_that_is_not_a_count_still_counts_rows(planner: RulePlanner) -> None:
    assert measures_of(planner.plan("how many bills per day")) == [("total_bill", "count")]


def test_a_measure_phrase_holding_count_wins_over_counting(planner: RulePlanner) -> None:
    plan = planner.plan("medal count of South Korea vs China by medal type")
    assert measures_of(plan) == [("medals", "sum")]
    assert plan.dimension == "medal" and plan.series == "nation"


@pytest.mark.parametrize(
    ("question", "lacking", "existing"),
    [
        ("tesla stock price since 2018", "Tesla isn't among them", "AAPL, AMZN, FB, GOOG, MSFT and NFLX"),
        ("Apple vs Tesla stock price", "Tesla isn't among them", "AAPL"),
        ("stock price of nvidia in 2019", "Nvidia isn't among them", "AAPL"),
        (
            "medals won by the United States",
            "the United States isn't among them",
            "Canada, China and South Korea",
        ),
        ("medals won by the usa", "the United States isn't among them", "South Korea"),
        ("medals won by Germany and France", "Germany and France aren't among them", "China"),
        ("life expectancy in Atlantis", "Atlantis isn't among them", "142 country values"),
        ("votes for Obama", "Obama isn't among them", "Bergeron, Coderre and Joly"),
        # Before "vs" as well as after it (the second holdout).
        ("Adobe vs Apple stock price", "Adobe", "AAPL"),
        ("Plante vs Coderre votes by district", "Plante", "Coderre"),
        ("narnia versus canada life expectancy", "Narnia", "country"),
    ],
)
def test_an_entity_the_dataset_lacks_is_refused_naming_those_it_has(
    planner: RulePlanner, question: str, lacking: str, existing: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refusal:
        planner.plan(question)
    assert lacking in str(refusal.value) and existing in str(refusal.value)


@pytest.mark.parametrize(
    "question",
    [
        "Show me life expectancy in Canada",
        "GDP PER CAPITA OF GERMANY",
        "Population By Continent Over Time",
        "Stock price of Apple in March 2019",
        "closing stock price of apple",
        "current population of china",
        "Average tip on Sundays",
        "How many medals did Canada win",
        "tech stocks in 2018",
        "olympic medals of china by medal type",
        "world population over the years",
        "life expectancy of chadians",
        "medals of Korea",
    ],
)
def test_ordinary_words_are_not_taken_for_missing_entities(planner: RulePlanner, question: str) -> None:
    planner.plan(question)


@pytest.mark.parametrize(
    ("question", "word"),
    [("stock price on Mondays", "Mondays"), ("life expectancy for women in Japan", "women")],
)
def test_words_nothing_reads_are_named_rather_than_taken_for_entities(
    planner: RulePlanner, question: str, word: str
) -> None:
    # Not a missing entity, and not silently dropped either: the refusal names the word.
    with pytest.raises(UnchartableQuestion) as refusal:
        planner.plan(question)
    assert f"\u201c{word}\u201d" in str(refusal.value) and "among them" not in str(refusal.value)


@pytest.mark.parametrize(
    ("question", "dimension"),
    [
        ("a frequency table of meals", "meal"),
        ("frequency table for the number of tables per sex", "sex"),
        ("tally of tables per day", "day"),
        ("sample size by smoker status", "smoker"),
        ("crosstab of the number of tables by meal and day", "meal"),
    ],
)
def test_words_for_a_count_of_rows(planner: RulePlanner, question: str, dimension: str) -> None:
    """A frequency table, a tally, a sample size and a cross-tab of a count are counts of rows."""
    plan = planner.plan(question)
    assert plan.dataset == "tips"
    assert measures_of(plan)[0][1] == "count"
    assert plan.dimension == dimension


def test_a_tally_of_a_counted_measure_adds_it_up(planner: RulePlanner) -> None:
    plan = planner.plan("tally of votes for each candidate")
    assert measures_of(plan) == [("votes", "sum")]


@pytest.mark.parametrize(
    "question",
    [
        "Count the countries in Africa with a life expectancy under 40 from 1952 to 1982, as a line",
        "Count all the countries per continent in 2007",
        "Number the countries per continent in 2007",
    ],
)
def test_count_opening_the_question_counts_the_noun_it_names(planner: RulePlanner, question: str) -> None:
    """ "Count the countries ..." is a count of countries, as "number of countries" is: not a line each."""
    plan = planner.plan(question)
    assert [(m.name, m.agg) for m in plan.measures] == [("life_exp", "count")]
    assert plan.series is None and plan.dimension != "country"

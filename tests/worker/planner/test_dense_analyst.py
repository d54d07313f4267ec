"""Questions packing several constraints into one sentence: a ranking of the tips days (a category, not a
period), a party size said of other rows ("lunches of 2 to 4 people"), the districts a winner carried
left out by a pronoun ("except those Joly won"), named values over time beside a dimension that only
scopes the rows ("only countries with …"), a ranking within each group (refused), and the two-charts
refusal's example question."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_the_tips_days_are_ranked_as_a_category(planner: RulePlanner) -> None:
    plan = planner.plan("Bottom 2 days by median tip for non-smokers, lowest first")
    assert (plan.dataset, plan.dimension, plan.use_time, plan.limit) == ("tips", "day", False, 2)
    assert measures_of(plan) == [("tip", "median")]
    assert plan.sort is not None and plan.sort.direction == "asc"


@pytest.mark.parametrize(
    "question", ["the top 4 years by population in Oceania", "top 2 weeks by Microsoft's price"]
)
def test_periods_of_data_with_dates_are_still_not_ranked(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="rank periods"):
        planner.plan(question)


def test_a_party_size_said_of_meals(planner: RulePlanner) -> None:
    plan = planner.plan("Average tip by sex for Friday lunches of 2 to 4 people")
    assert plan.dimension == "sex"
    assert filters_of(plan) == [
        ("day", "eq", "Fri"),
        ("meal", "eq", "Lunch"),
        ("party_size", "between", [2, 4]),
    ]


def test_a_party_size_said_of_meals_with_or_more(planner: RulePlanner) -> None:
    plan = planner.plan("median bill per person by day for dinners of 4 guests or more")
    assert ("party_size", "gte", 4) in filters_of(plan)
    assert ("meal", "eq", "Dinner") in filters_of(plan)


@pytest.mark.parametrize(
    "question", ["average tip by day for lunches of 3 dollars or more", "average tip by day for lunches of 3"]
)
def test_a_number_without_people_is_no_party_size(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_a_population_in_people_is_no_party_size(planner: RulePlanner) -> None:
    plan = planner.plan("life expectancy of countries with over 50 million people in 1997")
    assert filters_of(plan) == [("pop", "gt", 50000000)]


@pytest.mark.parametrize(
    "question",
    [
        "votes per candidate, leaving out those Joly won",
        "total votes by candidate except the ones won by Joly",
    ],
)
def test_districts_a_winner_carried_left_out_by_a_pronoun(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, plan.dimension) == ("election", "candidate")
    assert filters_of(plan) == [("winner", "ne", "Joly")]


def test_a_candidate_left_out_is_still_a_candidate(planner: RulePlanner) -> None:
    plan = planner.plan("votes per district, excluding Coderre")
    assert filters_of(plan) == [("candidate", "ne", "Coderre")]


def test_named_continents_over_time_are_the_lines_beside_a_scoping_noun(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Median GDP per capita of Europe and Oceania since 1977, among countries over 2 million people"
    )
    assert (plan.use_time, plan.series) == (True, "continent")
    assert ("continent", "in", ["Europe", "Oceania"]) in filters_of(plan)


def test_lines_by_country_asked_for_stay_by_country(planner: RulePlanner) -> None:
    plan = planner.plan("population by country over time in Europe and Oceania")
    assert (plan.use_time, plan.series) == (True, "country")


def test_countries_with_a_condition_over_time_stay_a_line_each(planner: RulePlanner) -> None:
    plan = planner.plan("life expectancy over time, only countries with GDP per capita above 30000")
    assert plan.series == "country"


@pytest.mark.parametrize(
    "question",
    [
        "the 2 richest countries per continent in 1982",
        "top 4 countries by population within each continent",
        "bottom 2 districts for every candidate by votes",
        "the top 3 companies by price each month of 2019",
    ],
)
def test_a_ranking_within_each_group_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="rank within each group"):
        planner.plan(question)


def test_the_refusal_offers_the_ranking_across_all_values(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="“top 5 countries by GDP per capita”"):
        planner.plan("top 5 countries in each continent by GDP per capita")


@pytest.mark.parametrize(
    "question",
    ["top 4 continents by population in 1962", "top 6 countries by GDP per capita in Asia"],
)
def test_a_ranking_across_all_values_is_kept(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.limit is not None and plan.limit > 1


def test_the_two_charts_refusal_offers_an_example_on_the_first_request(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(
            "Total medals per nation as bars, and also a second chart of wind frequency by direction"
        )
    text = str(refused.value)
    assert "one chart per message" in text
    assert text.endswith("Try e.g. \u201cmedals by nation\u201d.")

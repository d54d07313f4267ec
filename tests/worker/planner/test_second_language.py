"""A second-language speaker's "how much", comparatives and false friends (worker.planner.second_language)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner
from worker.planner.second_language import unsecond
from worker.semantic import SemanticModel


def test_how_much_before_a_counted_plural_is_how_many(semantic_model: SemanticModel) -> None:
    said = unsecond("How much nations of Europe had a population above 5 million?", semantic_model)
    assert said == "How many nations of Europe had a population above 5 million?"
    assert unsecond("how much different flowers per species", semantic_model) == (
        "how many different flowers per species"
    )
    assert (
        unsecond("how much months was Amazon above 1.2", semantic_model)
        == "how many months was Amazon above 1.2"
    )


@pytest.mark.parametrize(
    "question",
    [
        "how much money did the smokers leave in tips",  # an amount
        "how much tip did the men leave on sundays",  # a measure, singular
        "how much bills were paid at lunch",  # a measure named: summed as written
        "how much ballots did Joly get in each district",  # a measure's synonym
        "how much sales were there",  # an amount in any language
        "how much does the bill grow with the party size",  # a verb, not a plural noun
        "how much more did Coderre get than Joly",  # "much more" compares
        "how much of the bill was the tip",
    ],
)
def test_how_much_of_an_amount_stays(semantic_model: SemanticModel, question: str) -> None:
    assert unsecond(question, semantic_model) == question


def test_comparatives_with_more_are_spelt_with_er(semantic_model: SemanticModel) -> None:
    assert unsecond("flowers with the sepal more wide than 3.5", semantic_model) == (
        "flowers with the sepal wider than 3.5"
    )
    assert unsecond("nations with a GDP per capita more high than 20000", semantic_model) == (
        "nations with a GDP per capita higher than 20000"
    )
    for english in (
        "districts with more than 5000 votes",
        "much more votes than Joly",
        "more expensive than 30",
    ):
        assert unsecond(english, semantic_model) == english


def test_the_more_is_the_most(semantic_model: SemanticModel) -> None:
    assert unsecond("the 3 directions the wind comes from the more frequently", semantic_model) == (
        "the 3 directions the wind comes from the most frequently"
    )
    assert unsecond("which bands the wind blows in the less often?", semantic_model) == (
        "which bands the wind blows in the least often?"
    )
    assert unsecond("which sex tips the more?", semantic_model) == "which sex tips the most?"
    correlative = "the more people at the table, the more they tip?"
    assert unsecond(correlative, semantic_model) == correlative


def test_action_is_a_share(semantic_model: SemanticModel) -> None:
    assert unsecond("the actions of Microsoft and Amazon during 2019", semantic_model) == (
        "the stock prices of Microsoft and Amazon during 2019"
    )
    assert unsecond("The Netflix action, month for month", semantic_model) == (
        "The Netflix stock price, month by month"
    )
    for kept in (
        "the action of the wind on each direction",  # no company named
        "the price of the action of Amazon",  # read by worker.planner.learners
        "the price of the Amazon action in 2018",
        "a report on the action movies",
    ):
        assert unsecond(kept, semantic_model) == kept


def test_over_all_the_years(semantic_model: SemanticModel) -> None:
    assert unsecond("the price of Google in all the two years", semantic_model) == (
        "the price of Google over both years"
    )
    assert unsecond("votes in all the districts", semantic_model) == "votes in all the districts"


def test_second_language_questions_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan(
        "How much nations of Asia had the GDP per capita more small than 1000, in every year?"
    )
    assert (measures_of(plan), plan.use_time, plan.series) == ([("gdp_per_capita", "count")], True, None)
    assert ("gdp_per_capita", "lt", 1000) in filters_of(plan)
    plan = planner.plan("How much tables there is at lunch for each day? Make me a graphic.")
    assert (measures_of(plan)[0][1], plan.dimension) == ("count", "day")
    plan = planner.plan("The 3 compass points where the wind comes the more often, in a graphic.")
    assert (plan.dimension, plan.limit, plan.sort and plan.sort.direction) == ("direction", 3, "desc")
    plan = planner.plan("The actions of Amazon in the first trimester of 2019, week for week.")
    assert (plan.dataset, plan.use_time, filters_of(plan)) == ("stocks", True, [("ticker", "eq", "AMZN")])
    assert plan.time_range is not None and plan.time_range.start == "2019-01-01"


def test_amounts_stay_amounts_in_plans(planner: RulePlanner) -> None:
    assert measures_of(planner.plan("How much tip had the smokers on each day?")) == [("tip", "avg")]
    assert measures_of(planner.plan("How much medals won each nation?")) == [("medals", "sum")]

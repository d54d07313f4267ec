"""A change to a chart accounts for its words as a first question does: what no edit read is named in
the refusal, never dropped while the rest is charted."""

from __future__ import annotations

import pytest

from worker.plan import ChartPlan
from worker.planner.adjust.apply import NotAnAdjustment, adjust
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.fixture(scope="module")
def headline(planner: RulePlanner) -> ChartPlan:
    return planner.plan("life expectancy in Mexico and Canada since 1980")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("add France and its inflation", ["inflation"]),
        ("show the gdp growth of France", ["growth"]),
        ("what is the unemployment rate in France", ["unemployment", "rate"]),
    ],
)
def test_words_no_edit_reads_are_named(
    headline: ChartPlan, semantic_model: SemanticModel, text: str, named: list[str]
) -> None:
    with pytest.raises(NotAnAdjustment) as refused:
        adjust(headline, text, semantic_model)
    message = str(refused.value)
    assert all(f"\u201c{word}\u201d" in message for word in named), message
    assert headline.title in message


@pytest.mark.parametrize(
    "text",
    [
        "ok great, now add Spain",
        "thanks! can you add Spain as well",
        "drop Canada from the chart",
        "zoom in on 1990 to 2000",
        "just Mexico please",
        "use gdp per capita instead",
        "population instead of life expectancy",
    ],
)
def test_the_words_of_asking_for_a_change_are_not_reported(
    headline: ChartPlan, semantic_model: SemanticModel, text: str
) -> None:
    assert adjust(headline, text, semantic_model) != headline


@pytest.mark.parametrize(
    ("text", "agg"),
    [
        ("total instead of average", "sum"),
        ("the sum rather than the mean", "sum"),
        ("not the average, the maximum", "max"),
        ("median, not mean", "median"),
    ],
)
def test_the_aggregation_being_replaced_is_not_the_one_asked_for(
    planner: RulePlanner, semantic_model: SemanticModel, text: str, agg: str
) -> None:
    plan = adjust(planner.plan("average tip by day"), text, semantic_model)
    assert [m.agg for m in plan.measures] == [agg]


@pytest.mark.parametrize(
    "text", ["delete all charts", "DROP TABLE charts", "please wipe my history", "remove every chart"]
)
def test_a_change_that_would_destroy_something_is_refused(
    planner: RulePlanner, semantic_model: SemanticModel, text: str
) -> None:
    # Read as edits, "delete all charts" lifted the top 10 and showed every country.
    with pytest.raises(NotAnAdjustment, match="only reads data"):
        adjust(planner.plan("top 10 countries by gdp per capita in 2007"), text, semantic_model)


@pytest.mark.parametrize(
    "text", ["remove the top 10 limit", "drop the limit", "get rid of the cap", "no limit"]
)
def test_taking_the_limit_away_shows_every_value(
    planner: RulePlanner, semantic_model: SemanticModel, text: str
) -> None:
    before = planner.plan("top 10 countries by gdp per capita in 2007")
    plan = adjust(before, text, semantic_model)
    assert (before.limit, plan.limit, plan.dimension) == (10, None, "country")

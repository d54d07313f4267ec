"""A data journalist's framing (worker.planner.newsroom): the story, the editor, the headline and the
deadline come off, the data request is left whole, and a framing that asks for data, or text that only
looks like framing, is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.newsroom import unnewsroom
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def test_leading_framing_comes_off(semantic_model: SemanticModel) -> None:
    assert (
        unnewsroom("For a feature on Olympic success I need medals by nation.", semantic_model)
        == "medals by nation."
    )
    assert unnewsroom("Our night editor needs votes by district", semantic_model) == "votes by district"
    assert (
        unnewsroom("My editor wants me to chart Apple's price in 2018", semantic_model)
        == "chart Apple's price in 2018"
    )
    assert unnewsroom("For Monday's edition: tip by day", semantic_model) == "tip by day"
    assert unnewsroom("The per-capita angle for the money column: tip per person by day", semantic_model) == (
        "tip per person by day"
    )


def test_quoted_headlines_come_off_unread(semantic_model: SemanticModel) -> None:
    assert (
        unnewsroom("Standfirst: 'Who tips best?'. Average tip by sex.", semantic_model)
        == "Average tip by sex."
    )
    assert unnewsroom("Slug: gdp-race. GDP by continent", semantic_model) == "GDP by continent"
    assert unnewsroom(
        "The figures behind 'Windy city's 10 worst days' - frequency by direction", semantic_model
    ) == ("frequency by direction")
    assert (
        unnewsroom('Working headline "Top 3 nations": medals by nation', semantic_model) == "medals by nation"
    )


def test_where_it_goes_and_the_deadline_come_off(semantic_model: SemanticModel) -> None:
    assert (
        unnewsroom("GDP by continent in 2007 for the web version.", semantic_model)
        == "GDP by continent in 2007."
    )
    assert unnewsroom("votes per candidate, we go to press at 9pm", semantic_model) == "votes per candidate"
    assert unnewsroom("tip by day, for tomorrow's paper, before deadline", semantic_model) == "tip by day"
    assert (
        unnewsroom("medals by type for the infographic below the headline", semantic_model)
        == "medals by type"
    )
    assert (
        unnewsroom("pop by continent - the figures for the election night story", semantic_model)
        == "pop by continent"
    )


def test_near_misses_are_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "For the piece on the top 5 economies: GDP by country in 2007",
        "My editor wants to know why tips fell on Sunday",
        "For the story I need to know what caused the drop",
        "average tip for each feature",
        "average of the tip column by day",
        "medals by nation in the 2008 edition",
        "life expectancy by continent, for a piece on Africa",
        "the numbers behind the top 10 story: GDP by country",
    ):
        assert unnewsroom(text, semantic_model) == text


def test_a_number_or_day_in_the_framing_is_no_limit_or_filter(planner: RulePlanner) -> None:
    plan = planner.plan("Slug 'tip wars': average tip by day, we go to press at 9.")
    assert (plan.dimension, filters_of(plan), plan.limit) == ("day", [], None)
    # "Sunday" is one of the tips data's days: only in the framing, it filters nothing.
    plan = planner.plan("For Sunday's paper: average tip by sex, the paper goes to print at eight tonight.")
    assert (plan.dimension, filters_of(plan), plan.limit, measures_of(plan)) == (
        "sex",
        [],
        None,
        [("tip", "avg")],
    )
    plan = planner.plan("Headline: 'Top 3 nations'. Medals by nation, for the graphic under it.")
    assert (plan.dimension, plan.limit) == ("nation", None)


def test_a_framing_that_names_a_value_is_noted_not_dropped(planner: RulePlanner) -> None:
    # "Asia" may have been meant as a filter: the chart says it was read as context.
    answer = planner.answer("For the Asia piece I need population by country in 2007")
    assert filters_of(answer.plan) == [] and answer.plan.dimension == "country"
    assert any("Asia piece" in note and "context" in note for note in answer.left_out)


def test_the_request_keeps_its_own_data_words(planner: RulePlanner) -> None:
    plan = planner.plan("My editor wants the 5 richest countries in 2007 for the front page.")
    assert (plan.dimension, plan.limit, measures_of(plan)) == ("country", 5, [("gdp_per_capita", "avg")])
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("2007", "2007")
    plan = planner.plan("Our night editor needs the frequency of 6+ winds by direction for the storm piece.")
    assert (plan.dimension, filters_of(plan)) == ("direction", [("strength", "eq", "6+")])
    plan = planner.plan("The sports desk needs China's medals by type before we file.")
    assert (plan.dimension, filters_of(plan)) == ("medal", [("nation", "eq", "China")])


@pytest.mark.parametrize(
    "question",
    [
        "For the story I need to know why tips fell on Sunday.",
        "My editor wants to know what caused Botswana's drop in life expectancy.",
        "For the climate piece: CO2 per capita by continent.",
        "For the piece on the top 5 economies: GDP by country in 2007",
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)

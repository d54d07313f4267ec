"""A circus ringmaster's announcement (worker.planner.ringmaster): patter, rings, clowns and praise add
nothing, "the centre ring" is no district and "Ladies and gentlemen" no sex, a circus scene before "but" names
no chart, "the act is performed as X" asks for X, "Let's hear it for X!" is planned only where the request
points back to X, and what the data cannot answer stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.ringmaster import unringmaster
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "Boys and girls, step right up! In the center ring tonight, the total votes of each district!",
            "votes",
            "district",
        ),
        (
            "Ladies and gentlemen, boys and girls! On the tightrope, the average total bill by day!",
            "total_bill",
            "day",
        ),
        ("The amazing median tip on each day! Three rings, one chart!", "tip", "day"),
    ],
)
def test_patter_and_the_centre_ring_add_nothing(
    planner: RulePlanner, question: str, measure: str, dimension: str
) -> None:
    plan = planner.plan(question)
    assert (plan.measures[0].name, plan.dimension, plan.chart_type) == (measure, dimension, "bar")
    assert filters_of(plan) == []


def test_a_counted_ring_and_praise_are_no_limit(planner: RulePlanner) -> None:
    plan = planner.plan("In ring number two, the amazing 3 most populous countries of Asia in 2007!")
    assert (plan.limit, filters_of(plan), period_of(plan)) == (
        3,
        [("continent", "eq", "Asia")],
        ("2007", "2007"),
    )


def test_the_greatest_show_on_earth_sets_no_limit(planner: RulePlanner) -> None:
    plan = planner.plan("The greatest show on earth! The average life expectancy of each continent in 1977.")
    assert (plan.dimension, plan.limit, period_of(plan)) == ("continent", None, ("1977", "1977"))


def test_a_circus_scene_names_no_chart_and_the_act_does(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The lion tamer's favourite chart is a pie, but tonight the act is performed as bars: "
        "the total medals of each nation."
    )
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("medals", "sum")], "nation", "bar")


def test_clowns_counted_are_no_limit_and_tonights_act_is_the_chart(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Our five jugglers drop every ball, but tonight's act is a histogram of the tip at dinner!"
    )
    assert (plan.chart_type, plan.limit, filters_of(plan)) == ("histogram", None, [("meal", "eq", "Dinner")])


def test_performers_watched_are_the_request(planner: RulePlanner) -> None:
    plan = planner.plan("Step right up! Watch Amazon and Google soar through 2019, one line each!")
    assert plan.chart_type == "line"
    assert sorted(filters_of(plan)[0][2]) == ["AMZN", "GOOG"]


@pytest.mark.parametrize(
    ("question", "values"),
    [
        (
            "Let's hear it for Brazil and Argentina! On the high wire, their GDP per capita, one line each!",
            ["Argentina", "Brazil"],
        ),
        (
            "Let's hear it for setosa and virginica! The maximum petal width of these two species!",
            ["setosa", "virginica"],
        ),
    ],
)
def test_a_cheer_pointed_back_to_is_the_filter(
    planner: RulePlanner, question: str, values: list[str]
) -> None:
    plan = planner.plan(question)
    assert [(c, op) for c, op, _ in filters_of(plan)] == [(filters_of(plan)[0][0], "in")]
    assert sorted(filters_of(plan)[0][2]) == values


@pytest.mark.parametrize(
    "question",
    [
        "Let's hear it for setosa! The average petal length of each species!",
        "Let's hear it for Bergeron, Coderre and Joly! Their votes in each district, split by candidate!",
        "The death-defying 4 most populous countries of Europe in 2002 - let's hear it for them!",
    ],
)
def test_a_cheer_not_pointed_back_to_or_for_every_value_filters_nothing(
    planner: RulePlanner, question: str
) -> None:
    plan = planner.plan(question)
    assert [f for f in filters_of(plan) if f[0] != "continent"] == []


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Step right up! The number of clowns in each ring, by day!", "clowns"),
        ("Let's hear it for Netflix! Its share price in 2021 on the flying trapeze!", "2021"),
        ("In the centre ring, the popcorn sold at each show, by day!", "popcorn"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "average tip by day",
        "Ladies and gentlemen, the median tip of the men and the women.",
        "Watch Apple climb through 2019.",
        "the total votes in the 23-Centre district",
    ],
)
def test_text_with_no_ringmaster_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unringmaster(text, semantic_model) == text


def test_the_announcement_is_read_as_the_plain_request(semantic_model: SemanticModel) -> None:
    read = unringmaster(
        "Step right up! In the centre ring, the votes for each candidate, presented as a pie!", semantic_model
    )
    assert read == "The votes for each candidate, as a pie!"

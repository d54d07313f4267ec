"""A drill sergeant's orders (worker.planner.drill_orders): commands, insults and the recruits addressed come
off around the request; push-up counts and ranks are no limit or series, "left, right" marched is no
direction, "drop and give me" is no data-changing command or exclusion, and what the data cannot answer stays
refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.drill_orders import undrill
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "dataset", "measure", "dimension"),
    [
        (
            "Ten-hut! The average bill per person for each day, days in order! Is that clear?",
            "tips",
            ("bill_per_person", "avg"),
            "day",
        ),
        (
            "Listen up, you maggots: the median sepal length for each species! Stand at ease.",
            "iris",
            ("sepal_length", "median"),
            "species",
        ),
        (
            "Fall in, in three ranks! The frequency of each strength band, bands in order! Sound off!",
            "wind",
            ("frequency", "sum"),
            "strength",
        ),
        (
            "About face! The average tip for each party size, sizes in order! Sir, yes, sir!",
            "tips",
            ("tip", "avg"),
            "party_size",
        ),
    ],
)
def test_orders_around_the_request_add_nothing(
    planner: RulePlanner, question: str, dataset: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan), plan.dimension) == (dataset, [measure], dimension)
    assert (filters_of(plan), plan.series, plan.limit, plan.chart_type) == ([], None, None, "bar")


@pytest.mark.parametrize(
    "question",
    [
        "Drop and give me thirty! Then the 3 richest countries of Oceania and Europe in 1992, richest first!",
        "Now drop and give me forty push-ups, and then the 3 richest countries of Oceania and Europe "
        "in 1992, richest first! Move it!",
        "The 3 richest countries of Oceania and Europe in 1992, richest first! Then drop and give me fifty!",
    ],
)
def test_push_ups_are_no_command_exclusion_or_limit(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, plan.dimension, plan.limit) == ("gapminder", "country", 3)
    assert filters_of(plan) == [("continent", "in", ["Oceania", "Europe"])]
    assert period_of(plan) == ("1992", "1992")


def test_recruits_counted_are_no_limit(planner: RulePlanner, semantic_model: SemanticModel) -> None:
    question = "Listen up! I have sixty recruits, so the median tip for each day, days in order!"
    assert undrill(question, semantic_model) == "The median tip for each day, days in order!"
    plan = planner.plan(question)
    assert (plan.dimension, measures_of(plan)) == ("day", [("tip", "median")])
    assert (plan.limit, plan.sort) == (None, None)


@pytest.mark.parametrize(
    "question",
    [
        "Recruit Jones! Life expectancy in Africa across every survey year as a line! Hup, two, three, four!",
        "Private! Life expectancy in Africa over every survey year, one line, on the double!",
        "Cadets, dismissed - except you, private! Life expectancy in Africa over the survey years as a line!",
    ],
)
def test_the_recruit_addressed_is_no_value(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, plan.chart_type, plan.use_time) == ("gapminder", "line", True)
    assert filters_of(plan) == [("continent", "eq", "Africa")]


def test_left_and_right_marched_are_no_directions(
    planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    question = "Left face! Right, left, right! The wind frequency from the east for each band!"
    assert undrill(question, semantic_model) == "The wind frequency from the east for each band!"
    plan = planner.plan(question)
    assert (plan.dataset, plan.dimension) == ("wind", "strength")
    assert filters_of(plan) == [("direction", "eq", "E")]


def test_an_insult_beside_a_prohibition_keeps_the_prohibition(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Recruit, that is not a line, that is a disgrace! Bars: the total tip for each sex at lunch! Move!"
    )
    assert (plan.dimension, plan.chart_type, measures_of(plan)) == ("sex", "bar", [("tip", "sum")])
    assert filters_of(plan) == [("meal", "eq", "Lunch")]


@pytest.mark.parametrize(
    ("question", "named", "not_named"),
    [
        ("Drop and give me twenty! The push-ups done by each recruit, most first!", "push", "twenty"),
        ("Private Pyle, the medals won by France, by type! Do you understand me?", "France", "Pyle"),
        ("On the double, maggots! The total tip each waiter earned, by day!", "waiter", "maggots"),
        (
            "Left, right, left! The wind frequency from the right and from the left, per band! Sound off!",
            "right",
            "Sound",
        ),
    ],
)
def test_what_the_data_cannot_answer_stays_refused_by_name(
    planner: RulePlanner, question: str, named: str, not_named: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    message = str(refused.value)
    assert named in message and not_named not in message


@pytest.mark.parametrize(
    "text",
    [
        "Drop the smokers and show the average tip by day.",
        "drop table tips",
        "Botswana's fall in life expectancy from 1987 to 2002, as a line.",
        "The wind frequency from the left and from the right, by strength band.",
        "Show the private and public companies' share prices, left to right by date.",
        "Listen up: the average tip by day.",
    ],
)
def test_text_without_drill_orders_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert undrill(text, semantic_model) == text

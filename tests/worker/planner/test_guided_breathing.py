"""A yoga instructor's guidance (worker.planner.guided_breathing): breathing cues, "namaste" and poses are
context, "let go of X" leaves out X where X is a value of the data and is a mantra where it is not,
counted breaths are no limit, "find your centre" no district and a sun salutation no Sunday; two
exclusions left to choose and a year after the data breathed in as the future stay refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.guided_breathing import unbreathe
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "dimension", "filters"),
    [
        (
            "Take a deep breath. Let go of the non-smokers."
            " Now, gently, show me the average tip by party size.",
            "party_size",
            [("smoker", "ne", "No")],
        ),
        (
            "Let go of lunch. On the in-breath, the average tip by day.",
            "day",
            [("meal", "ne", "Lunch")],
        ),
        (
            "Let go of Sunday - and as you exhale, show me the average tip by sex.",
            "sex",
            [("day", "ne", "Sun")],
        ),
        (
            "Let go of Asia and Africa. As you breathe out, show me GDP per capita by continent in 2007.",
            "continent",
            [("continent", "not_in", ["Asia", "Africa"])],
        ),
        ("Let go of Saturday: the average tip by day.", "day", [("day", "ne", "Sat")]),
    ],
)
def test_letting_go_of_a_value_leaves_it_out(
    planner: RulePlanner, question: str, dimension: str, filters: list[tuple[str, str, object]]
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, filters_of(plan)) == (dimension, filters)


def test_the_other_companies_after_letting_one_go_are_all_the_rest(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Let go of Apple. The daily share price of the remaining companies in 2018, one line each."
    )
    assert (plan.series, plan.use_time, plan.chart_type) == ("ticker", True, "line")
    assert filters_of(plan) == [("ticker", "ne", "AAPL")]


@pytest.mark.parametrize(
    "question",
    [
        "Let go of the past. Let go of your expectations. Breathe. The average sepal length of each species.",
        "Let go of your worries and show me the average sepal length of each species.",
        "Let go of all tension: the average sepal length of each species. Namaste.",
    ],
)
def test_letting_go_of_what_is_no_value_is_a_mantra(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, filters_of(plan), measures_of(plan)) == ("species", [], [("sepal_length", "avg")])


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Hold this pose for three breaths. Now: the 3 most populous countries in 2007.",
            "The 3 most populous countries in 2007.",
        ),
        (
            "Close your eyes. Inhale for five counts. Exhale for five. The most populous countries in 2007.",
            "The most populous countries in 2007.",
        ),
        (
            "Take four slow breaths with me. Then, softly: the average tip for each party size.",
            "The average tip for each party size.",
        ),
    ],
)
def test_counted_breaths_are_no_limit_or_party_size(planner: RulePlanner, question: str, plain: str) -> None:
    assert planner.plan(question) == planner.plan(plain)


def test_a_centre_found_is_no_district(planner: RulePlanner) -> None:
    plan = planner.plan("Roll out your mat. Find your center. Show me the total votes for each candidate.")
    assert (plan.dimension, filters_of(plan)) == ("candidate", [])


def test_the_centre_district_named_in_the_request_is_kept(planner: RulePlanner) -> None:
    plan = planner.plan("Find your centre. Breathe. The votes for each candidate in 23-Centre.")
    assert filters_of(plan) == [("district", "eq", "23-Centre")]


def test_a_sun_salutation_is_no_sunday(planner: RulePlanner) -> None:
    plan = planner.plan("After a sun salutation, chart the total bill by day.")
    assert (plan.dimension, filters_of(plan)) == ("day", [])


@pytest.mark.parametrize(
    "question",
    [
        "Inhale slowly... and exhale: the total medals per nation, most first. Namaste.",
        "Namaste. Sit tall and breathe. Chart the total medals per nation, most first.",
    ],
)
def test_breathing_cues_and_namaste_add_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, filters_of(plan), measures_of(plan)) == ("nation", [], [("medals", "sum")])


def test_the_future_breathed_in_is_a_mantra_when_the_request_is_inside_the_data(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Breathe in the future, breathe out the past. Apple's share price in 2019, as a line."
    )
    assert (period_of(plan), filters_of(plan)) == (("2019", "2019"), [("ticker", "eq", "AAPL")])


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Let go of Thursday, or perhaps of Friday. Then the total bill by day.", "which to leave out"),
        ("Let go of the men or maybe the women, as feels right. The tip by day.", "which to leave out"),
        ("Breathe in the future. Exhale: life expectancy in Japan through 2015, as a line.", "2015"),
        ("Breathe in what is yet to come: Amazon's share price until 2021.", "2021"),
        ("Let go of the six companies and embrace Tesla: its weekly share price in 2019.", "Tesla"),
        ("Breathe in... and as you exhale, show me how peaceful each continent felt in 2007.", "peaceful"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named) as refused:
        planner.plan(question)
    assert "e.g." in str(refused.value) or "ask" in str(refused.value)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip by day, excluding the smokers.",
        "Be still with the data: the total medals per nation.",
        "Votes for each candidate in 23-Centre.",
        "Sunday tips by party size",
    ],
)
def test_text_without_guidance_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unbreathe(text, semantic_model) == text

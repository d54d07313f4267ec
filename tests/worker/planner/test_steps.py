"""A chart built in ordered steps (worker.planner.steps): the step markers come off with their numbers,
"keep only X" and "narrow it to X" restrict, "drop X" excludes, "group it by X" groups, the steps that no
single plan holds are refused in a sentence, and text with no steps is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.steps import unstep
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("steps", "joined"),
    [
        (
            "First take the tips data. Then keep only lunch. Then group it by sex. "
            "Finally show the median tip.",
            "the tips data, only lunch, by sex, show the median tip.",
        ),
        (
            "Step 1: open the medals data. Step 2: keep just Canada. Step 3: put one bar per medal.",
            "the medals data, only Canada, one bar per medal.",
        ),
        (
            "1) iris data 2) drop setosa 3) petal width by species",
            "iris data, without setosa, petal width by species.",
        ),
        (
            "Begin with the stocks data, narrow it to Amazon, then plot its price as a line.",
            "the stocks data, only Amazon, plot its price as a line.",
        ),
    ],
)
def test_steps_are_joined_into_one_request(semantic_model: SemanticModel, steps: str, joined: str) -> None:
    assert unstep(steps, semantic_model) == joined


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "First take the tips data. Then keep only lunch. Then group it by sex. "
            "Finally show the average tip.",
            ("tips", [("tip", "avg")], "sex", [("meal", "eq", "Lunch")], None),
        ),
        (
            "Step 1: open the medals data. Step 2: keep only Canada. Step 3: put one bar per medal. "
            "Step 4: as a pie.",
            ("medals", [("medals", "sum")], "medal", [("nation", "eq", "Canada")], None),
        ),
        (
            "1. Start from the iris data. 2. Leave out setosa. 3. Show the average petal width per species.",
            ("iris", [("petal_width", "avg")], "species", [("species", "ne", "setosa")], None),
        ),
        (
            "Start with the gapminder data, restrict it to Europe, then the year 2002, "
            "then the 3 most populous countries, as bars.",
            ("gapminder", [("pop", "sum")], "country", [("continent", "eq", "Europe")], 3),
        ),
        (
            "Step one: the wind data. Step two: only the 2-3 band. Step three: total frequency by direction.",
            ("wind", [("frequency", "sum")], "direction", [("strength", "eq", "2-3")], None),
        ),
    ],
)
def test_a_step_by_step_request_is_planned(
    planner: RulePlanner, question: str, expected: tuple[object, ...]
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan), plan.dimension, filters_of(plan), plan.limit) == expected


def test_a_step_number_is_no_limit_and_a_late_limit_is_kept(planner: RulePlanner) -> None:
    plan = planner.plan("1) Use the tips data. 2) Keep only dinner. 3) Average tip by day. 4) Bars.")
    assert plan.limit is None and plan.dimension == "day"
    plan = planner.plan(
        "Take the election data, then keep only Coderre's votes, then group them by district, "
        "and finally keep the 3 districts where he got the most."
    )
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("district", 3, [("candidate", "eq", "Coderre")])


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # A limit before grouping: the plan limits groups, so the steps are not silently reordered.
        (
            "First take the tips data. Then keep only the 20 biggest tips. "
            "Then show the average bill by sex.",
            "after grouping",
        ),
        (
            "Step 1: the medals data. Step 2: rank the nations. Step 3: drop the top one. Step 4: bars.",
            "drop",
        ),
        ("1) Take the tips data. 2) Join it to the stocks data. 3) Show the tip per share.", "one dataset"),
        (
            "First average each continent's population over the years, "
            "then take the average of those averages.",
            "average averages",
        ),
    ],
)
def test_steps_no_plan_holds_are_refused(planner: RulePlanner, question: str, said: str) -> None:
    with pytest.raises(UnchartableQuestion, match=said):
        planner.plan(question)


def test_text_without_steps_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "average tip by day",
        "First quarter of 2019: Apple's price",
        "Top 3 nations by gold medals. Then again, maybe silver.",
        "1) tip by day",
        "Show the last 5 years of Apple's price, then Google's",
    ):
        assert unstep(text, semantic_model) == text

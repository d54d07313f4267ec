"""A self-correction in writing (worker.planner.written_corrections): "- sorry, I meant dinner", "Edit: bronze
only, not silver.", "scratch that, make it the median", a starred word on its own line, struck-out text.
The correction replaces exactly what it corrects and the value taken back is not charted; a correction that
leaves unclear what is meant is refused, and text with no correction is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.written_corrections import unwrite_corrections
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("average tip at lunch - sorry, I meant dinner", "average tip at dinner"),
        ("Life expectancy in 1997 (edit: 2002 not 1997)", "Life expectancy in 2002"),
        ("Gold medals by nation. Edit: silver only, not gold.", "silver medals by nation."),
        ("Tip by day as a pie. Actually no pie, bars please.", "Tip by day as bars."),
        (
            "Life expectancy in Chile and Peru. Correction: Chile and Argentina.",
            "Life expectancy in Chile and Argentina.",
        ),
        ("Average tip by day, highest first... no, lowest first.", "Average tip by day, lowest first..."),
        ("Median tip by day (meant max, sorry)", "max tip by day"),
        ("Tip by day split by smoker. Wait, split by sex, not smoker.", "Tip by day split by sex."),
        ("Total bill on Saturday\n*Sunday", "Total bill on Sunday"),
        (
            "Joly's votes in the districts Bergeron won -- edit: in the districts Joly herself won",
            "Joly's votes in the districts Joly won",
        ),
    ],
)
def test_the_correction_replaces_what_it_corrects(
    semantic_model: SemanticModel, written: str, meant: str
) -> None:
    assert unwrite_corrections(written, semantic_model) == meant


@pytest.mark.parametrize(
    "text",
    [
        "Tip by day",
        "Hi, sorry to bother you - tip by day",  # "sorry" as courtesy, with nothing to place
        "Average tip by day, no filters",
        "Who actually won in Mile-End?",
        "tip * 2 by day",
    ],
)
def test_text_without_a_correction_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unwrite_corrections(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "filters", "chart_type"),
    [
        ("average total bill by day for smokers - sorry, I meant non-smokers", [("total_bill", "avg")], "day",
         [("smoker", "eq", "No")], "bar"),
        ("Tip by sex as a pie. Scratch that, make it the median, as bars.", [("tip", "median")], "sex", [],
         "bar"),
        ("Medals per nation, gold only. Oops, I meant silver.", [("medals", "sum")], "nation",
         [("medal", "eq", "Silver")], "bar"),
        ("Average total bill by smoker on Sunday\n*Saturday", [("total_bill", "avg")], "smoker",
         [("day", "eq", "Sat")], "bar"),
        ("Count of tables by sex, ~~dinner~~ lunch only", [("tip", "count")], "sex",
         [("meal", "eq", "Lunch")], "bar"),
        ("Average tip by day, no wait, by smoker instead", [("tip", "avg")], "smoker", [], "bar"),
        ("Votes per candidate in Villeray. Sorry - Mile-End, not Villeray.", [("votes", "sum")], "candidate",
         [("district", "eq", "111-Mile-End")], "bar"),
        ("Wind frequency by direction for the 2-3 band (typo, I meant the 3-4 band)", [("frequency", "sum")],
         "direction", [("strength", "eq", "3-4")], "bar"),
        ("Median total bill by day. Actually, make it the average rather than the median.",
         [("total_bill", "avg")], "day", [], "bar"),
        ("Tips by day for Saturday - sorry, Sunday instead of Saturday", [("tip", "avg")], "day",
         [("day", "eq", "Sun")], "bar"),
    ],
)  # fmt: skip
def test_the_corrected_question_is_charted(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str,
    filters: list[tuple[str, str, object]],
    chart_type: str,
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.chart_type) == (measures, dimension, chart_type)
    assert filters_of(plan) == filters


def test_a_year_corrected_outside_the_data_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan("Life expectancy by continent in 2007 - edit: 2015, not 2007")
    assert "2015" in str(refused.value)


@pytest.mark.parametrize(
    "question",
    [
        "Medals by type for Canada\n*Norway",  # the starred word resembles nothing said
        "Average tip by day at ~~lunch~~ ~~dinner~~ - hmm, not sure which",
        "Netflix's weekly price in 2019. Sorry, I meant the other company, not Netflix.",
        "Population of Brazil in 2002 - edit: or maybe 1987? can't remember",
        "Petal length by species. Scratch that, make it the variance.",
        "Votes for Joly by district - correction: Joly's votes minus Coderre's",
    ],
)
def test_a_correction_that_leaves_unclear_what_is_meant_is_refused(
    planner: RulePlanner, question: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert "Try" in str(refused.value)

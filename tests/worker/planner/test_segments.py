"""A marketer's segments, tiers and mixes (worker.planner.segments): "segment X by Y" and "tier X by Y"
group by Y, "each segment" is each Y, "segmented by Z" is a split, a value's segment is the value, a pie's
"mix" is its shares, a "top-tier" lead-in before a stated count adds nothing; bins, tiers of a measure and
a mix within each group stay refused, and text without these words is unchanged."""

from __future__ import annotations

import pytest

from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.segments import unsegment
from worker.semantic import SemanticModel


def test_segment_by_groups_and_each_segment_is_the_grouping(semantic_model: SemanticModel) -> None:
    assert unsegment("Segment our guests by day: the average tip in each segment", semantic_model) == (
        "By day: the average tip in each day"
    )
    # Who is grouped stays when it names data.
    assert unsegment("tier the dinner bills by day", semantic_model) == "the dinner bills by day"
    assert unsegment("Segment total votes by district, one bar per segment", semantic_model) == (
        "Total votes by district, one bar per district"
    )


def test_segment_wordings_plan_as_the_breakdown(semantic_model: SemanticModel) -> None:
    planner = RulePlanner(semantic_model)
    plan = planner.plan("Segment the customers by meal: total tips from each segment")
    assert (plan.dataset, plan.dimension, plan.filters) == ("tips", "meal", [])
    assert [(m.name, m.agg) for m in plan.measures] == [("tip", "sum")]
    plan = planner.plan("Tier the nations by continent: average GDP per capita per continent in 1997")
    assert (plan.dataset, plan.dimension) == ("gapminder", "continent")
    plan = planner.plan("Break down votes by district, segmented by candidate")
    assert (plan.dimension, plan.series) == ("district", "candidate")
    plan = planner.plan("Segment the flowers by species and show each segment's average petal width")
    assert (plan.dataset, plan.dimension) == ("iris", "species")


def test_named_segments_are_values_or_every_value(semantic_model: SemanticModel) -> None:
    assert (
        unsegment("average tip by day, lunch segment only", semantic_model)
        == "average tip by day, lunch only"
    )
    planner = RulePlanner(semantic_model)
    plan = planner.plan("Compare the male and female segments on average tip")
    assert (plan.dimension, plan.filters) == ("sex", [])
    plan = planner.plan("Average bill by day for the lunch segment")
    assert [(f.column, f.op, f.value) for f in plan.filters] == [("meal", "eq", "Lunch")]


def test_a_pies_mix_is_its_shares(semantic_model: SemanticModel) -> None:
    assert unsegment("The tip mix by day as a donut", semantic_model) == "The tip by day as a donut"
    plan = RulePlanner(semantic_model).plan("the vote mix by candidate, as a pie chart")
    assert (plan.chart_type, plan.dimension) == ("pie", "candidate")


def test_top_tier_lead_in_before_a_count(semantic_model: SemanticModel) -> None:
    assert unsegment("Top-tier names: the 2 companies with the highest price", semantic_model) == (
        "The 2 companies with the highest price"
    )
    # Without a count, the tier is a cut-off nobody gave: left as written.
    assert (
        unsegment("Top-tier countries by GDP per capita", semantic_model)
        == "Top-tier countries by GDP per capita"
    )


@pytest.mark.parametrize(
    "question",
    [
        "Bucket the tips into $2 ranges and count the tables in each bucket",
        "Group the countries into low and high life expectancy tiers for 2002",
        "The meal mix within each day, as a pie",
        "Segment the diners by income bracket and show the average tip for each bracket",
    ],
)
def test_bins_tiers_of_a_measure_and_mixes_within_groups_stay_refused(
    semantic_model: SemanticModel, question: str
) -> None:
    with pytest.raises(UnchartableQuestion):
        RulePlanner(semantic_model).plan(question)


def test_text_without_the_voice_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in ("tip  by day", "Break down votes by candidate", "a mixed bag: tips by sex"):
        assert unsegment(text, semantic_model) == text

"""Figures of speech (worker.planner.idioms): read as what they ask for ("the lion's share", "Rock
bottom:", "stomping ground") or taken off as framing ("neck and neck", "when push comes to shove"); a
figure of speech for a judgement the data does not record is refused, and text without one is unchanged."""

from __future__ import annotations

import pytest

from worker.planner.errors import UnchartableQuestion
from worker.planner.idioms import unidiom
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def _plan(model: SemanticModel, question: str) -> tuple[object, ...]:
    plan = RulePlanner(model).plan(question)
    measures = [(m.name, m.agg) for m in plan.measures]
    filters = [(f.column, f.op, f.value) for f in plan.filters]
    return plan.dataset, measures, plan.dimension, filters, plan.limit


def test_ranking_lead_ins_add_nothing_to_the_ranking_they_lead(semantic_model: SemanticModel) -> None:
    plan = RulePlanner(semantic_model).plan(
        "Bottom of the barrel: the 3 countries with the lowest GDP per capita in 1952"
    )
    assert (plan.dimension, plan.limit, plan.sort.direction if plan.sort else None) == ("country", 3, "asc")
    assert _plan(semantic_model, "Rock bottom: the lowest price each company hit in 2018")[1:3] == (
        [("price", "min")],
        "ticker",
    )
    assert (
        unidiom("The cream of the crop: the 5 richest countries", semantic_model) == "The 5 richest countries"
    )
    # A lead-in ranking the other way from the request is left as written.
    text = "Rock bottom: the 3 countries with the highest GDP"
    assert unidiom(text, semantic_model) == text


def test_figures_read_as_what_they_ask_for(semantic_model: SemanticModel) -> None:
    plan = RulePlanner(semantic_model).plan(
        "Who took the lion's share of the vote? Slice the pie by candidate"
    )
    assert (plan.dataset, plan.dimension, plan.chart_type) == ("election", "candidate", "pie")
    filters = _plan(semantic_model, "Joly's stomping ground: her votes in each district she won")[3]
    assert sorted(filters) == [("candidate", "eq", "Joly"), ("winner", "eq", "Joly")]  # type: ignore[call-overload]
    assert _plan(semantic_model, "Coderre's bread and butter: his 5 best districts by votes")[3:] == (
        [("candidate", "eq", "Coderre")],
        5,
    )
    plan = RulePlanner(semantic_model).plan(
        "Netflix's rollercoaster ride over the whole two years: its weekly price"
    )
    assert (plan.use_time, [(f.column, f.value) for f in plan.filters]) == (True, [("ticker", "NFLX")])


@pytest.mark.parametrize(
    ("question", "dataset", "dimension"),
    [
        (
            "Were Apple and Microsoft neck and neck in 2019? Their weekly prices, one line each",
            "stocks",
            None,
        ),
        ("Head and shoulders above the rest? Total medals per nation", "medals", "nation"),
        (
            "When push comes to shove, who tips the bigger percentage of the bill, smokers or non-smokers?",
            "tips",
            "smoker",
        ),
        ("The calm before the storm: frequency of the calm 0-1 winds by direction", "wind", "direction"),
        (
            "Africa and Europe over the long haul: life expectancy since 1962, one line each",
            "gapminder",
            None,
        ),
        (
            "The whole nine yards: wind frequency for every direction, split by strength band",
            "wind",
            "direction",
        ),
    ],
)
def test_framing_figures_come_off(
    semantic_model: SemanticModel, question: str, dataset: str, dimension: str | None
) -> None:
    plan = RulePlanner(semantic_model).plan(question)
    assert (plan.dataset, plan.dimension) == (dataset, dimension)
    # "The whole nine yards": its nine is no count.
    assert plan.limit is None


def test_who_tips_the_bigger_percentage_is_the_tip_percentage(semantic_model: SemanticModel) -> None:
    plan = RulePlanner(semantic_model).plan("Who tips the bigger percentage of the bill, men or women?")
    assert ([(m.name, m.agg) for m in plan.measures], plan.dimension) == ([("tip_pct", "avg")], "sex")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Which countries went from rags to riches between 1952 and 2007?", "rags to riches"),
        ("Who were the dark horses of the Montreal election?", "dark horses"),
        ("Which tech stock punches above its weight?", "punches above its weight"),
        ("Which stock went to the moon in 2019, in percentage terms?", "went to the moon"),
    ],
)
def test_judgements_are_refused_saying_so(semantic_model: SemanticModel, question: str, said: str) -> None:
    with pytest.raises(UnchartableQuestion, match=f"{said}.*judgement.*Try e.g."):
        RulePlanner(semantic_model).plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "The also-rans: every candidate's votes in each district, leaving out that district's winner",
        "The black sheep of the iris data: which flowers are the outliers?",
        "Will Netflix's price go through the roof in 2020?",
        "Come rain or shine, how often does the wind blow from each direction in each season?",
    ],
)
def test_unchartable_figures_stay_refused(semantic_model: SemanticModel, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        RulePlanner(semantic_model).plan(question)


def test_text_without_figures_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in ("tip  by day", "the bottom 3 countries by GDP", "Apple's price: weekly, in 2019"):
        assert unidiom(text, semantic_model) == text

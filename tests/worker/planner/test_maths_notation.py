# The notation is what these tests write: its symbols ("∨", "σ", "×") are meant, not confusable letters.
# ruff: noqa: RUF001, RUF002, RUF003
"""A request written in mathematical notation (worker.planner.maths_notation): x̄, Σ, med(), n(), max()
and min(), "|" for "given", conditions joined by "," or "∧" (=, ≠, <, >, ≤, ≥, ∈ {…}, ∉ {…}), the time
span (t ∈ [a, b], t ≥ 1972, year(t) = 2018), a measure over time (price(t)) and the order (↓, ↑, top 5 ↓)
are spelt as the English the readers know; what no plan can express (σ, ρ, Δ, arithmetic between
quantities, an "or" across columns) is refused naming it; text without the notation is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import NotInTheData, UnchartableQuestion
from worker.planner.maths_notation import unmaths
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("maths", "sentence"),
    [
        ("x̄(tip) per sex | smoker = No", "average tip per sex for non-smokers only"),
        ("Σ pop per continent, year = 1997, sorted ↓", "total pop per continent, in 1997, highest first"),
        ("med(total_bill) per day", "median total_bill per day"),
        ("n(tables) per sex | size ≤ 2", "number of tables per sex parties of 2 or fewer"),
        ("max(life_exp) per continent | t = 1952", "maximum life_exp per continent in 1952"),
        (
            "price(t) for ticker ∈ {GOOG, FB}, t ∈ [2018-03-01, 2018-09-30]",
            "price over time for GOOG and FB only from 2018-03-01 to 2018-09-30",
        ),
        ("x̄ tip per day | day ∉ {Thur, Fri}", "average tip per day excluding Thur and Fri"),
        ("x̄ tip per day | day = Sat ∨ day = Sun", "average tip per day for Sat and Sun only"),
        ("x̄(tip | smoker = Yes) per day", "average tip for smokers only per day"),
        ("x̄(tip | sex)", "average tip per sex"),
        (
            "Σ votes per district | candidate = Coderre, top 3 ↓",
            "total votes per district for Coderre only, top 3",
        ),
        ("Σ medals per nation, bottom 4 ↑", "total medals per nation, bottom 4"),
        (
            "Scatter of (sepal_length, sepal_width) | species ≠ virginica",
            "Scatter of sepal_length vs sepal_width excluding virginica",
        ),
        ("x̄(total_bill) per day × sex", "average total_bill per day split by sex"),
        ("mean(tip) per day | smoker = No", "average tip per day for non-smokers only"),  # ASCII
        (
            "Σ pop per country | continent = Europe ∧ year(t) = 1982 ∧ pop > 1,000,000",
            "total pop per country for Europe only in 1982 with population over 1,000,000",
        ),
    ],
)
def test_the_notation_is_spelt_in_words(semantic_model: SemanticModel, maths: str, sentence: str) -> None:
    assert unmaths(maths, semantic_model) == sentence


def test_text_without_the_notation_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "average tip by day",
        "life expectancy in Canada since 1980, highest first",
        "metric: total_bill | agg: sum | filter: smoker = No",  # key=value pairs, read by key_values
        "dataset=stocks | ticker=AAPL | measure=price",
        "avg(tip) by sex where day IN ('Sat', 'Sun')",  # SQL, read by sql_syntax
        "Scatter of (gdp_per_capita, life_exp) | year = 1977, colour = continent",
        "tips by day - as a bar chart",
    ):
        assert unmaths(text, semantic_model) == text


@pytest.mark.parametrize(
    ("maths", "expected"),
    [
        (
            "x̄(total_bill) per sex | meal = Lunch",
            ("tips", [("total_bill", "avg")], "sex", None, [("meal", "eq", "Lunch")], "bar"),
        ),
        (
            "Σ frequency per direction | strength = 0-1",
            ("wind", [("frequency", "sum")], "direction", None, [("strength", "eq", "0-1")], "bar"),
        ),
        (
            "n(tables) per sex | size ≥ 5",
            ("tips", [("tip", "count")], "sex", None, [("party_size", "gte", 5.0)], "bar"),
        ),
        (
            "x̄ life_exp(t) for continent ∈ {Africa, Americas}, one line per continent",
            (
                "gapminder",
                [("life_exp", "avg")],
                None,
                "continent",
                [("continent", "in", ["Africa", "Americas"])],
                "line",
            ),
        ),
        (
            "pop(t) | country = Japan, t ≥ 1982",
            ("gapminder", [("pop", "sum")], None, None, [("country", "eq", "Japan")], "line"),
        ),
        (
            "x̄ tip_pct per day | sex = Female ∧ smoker = Yes",
            (
                "tips",
                [("tip_pct", "avg")],
                "day",
                None,
                [("sex", "eq", "Female"), ("smoker", "eq", "Yes")],
                "bar",
            ),
        ),
    ],
)
def test_a_request_in_notation_is_charted(
    planner: RulePlanner, maths: str, expected: tuple[object, ...]
) -> None:
    plan = planner.plan(maths)
    filters = sorted(filters_of(plan), key=lambda f: f[0])
    assert (
        plan.dataset,
        measures_of(plan),
        plan.dimension,
        plan.series,
        filters,
        plan.chart_type,
    ) == expected


def test_a_condition_keeps_its_operator_and_only_filters(planner: RulePlanner) -> None:
    # "≠" leaves the value out (it was once charted for that very value) ...
    plan = planner.plan("Scatter of (sepal_length, petal_length) ∀ flowers with species ≠ versicolor")
    assert (measures_of(plan), filters_of(plan), plan.series, plan.chart_type) == (
        [("sepal_length", "none"), ("petal_length", "none")],
        [("species", "ne", "versicolor")],
        None,
        "scatter",
    )
    # ... and "∈ {...}" keeps values without colouring the chart by them.
    plan = planner.plan("Histogram of tip | day ∈ {Thur, Fri}")
    assert (measures_of(plan), filters_of(plan), plan.series, plan.chart_type) == (
        [("tip", "none")],
        [("day", "in", ["Thur", "Fri"])],
        None,
        "histogram",
    )


def test_the_time_span_and_the_order(planner: RulePlanner) -> None:
    plan = planner.plan("max(price) per ticker, year(t) = 2019, sorted ↑")
    assert plan.time_range is not None and plan.sort is not None
    assert (plan.time_range.start, plan.time_range.end, plan.sort.direction) == ("2019", "2019", "asc")
    plan = planner.plan("Σ pop per country | continent = Africa ∧ year = 2007, top 4 ↓")
    assert plan.time_range is not None and plan.sort is not None
    assert (plan.time_range.start, plan.limit, plan.sort.direction, filters_of(plan)) == (
        "2007",
        4,
        "desc",
        [("continent", "eq", "Africa")],
    )


@pytest.mark.parametrize(
    ("maths", "named"),
    [
        ("σ(total_bill) per sex", "standard deviation (“σ”)"),
        ("σ²(tip) per day", "variance"),
        ("ρ(petal_length, petal_width) per species", "correlation (“ρ”)"),
        ("Δ pop per continent between 1952 and 2007", "change or difference"),
        ("x̄ life_exp(t) − x̄ life_exp(t−5) per continent", "difference between two quantities (“−”)"),
        ("Σ votes(Joly) − Σ votes(Coderre) per district", "difference between two quantities (“−”)"),
        ("Σ tip / Σ total_bill per sex", "ratio of two quantities (“/”)"),
        ("x̄(tip) + x̄(total_bill) per day", "sum of two different quantities"),
        ("Σ votes per district | candidate = Joly ∨ result = majority", "“or” (“∨”)"),
        ("x̄ tip per day | total_bill < 10 ∨ total_bill > 40", "“or” (“∨”)"),
        ("x̄ tip per day | tip > x̄ total_bill", "comparing tip with"),
        ("x̄ gdp_per_capita per continent | t ∈ {1952, 2007}", "separate periods"),
        ("x̄ life_exp per continent | t ∈ (1952, 2007)", "open interval"),
        ("Σ medals per nation, top 3 ↑", "“top 3 ↑”"),
        ("x̄ tip per day | waiter ≥ 3", "“waiter ≥ 3”"),
    ],
)
def test_what_no_plan_expresses_is_refused_naming_it(
    semantic_model: SemanticModel, planner: RulePlanner, maths: str, named: str
) -> None:
    with pytest.raises(NotInTheData) as refused:
        unmaths(maths, semantic_model)
    assert named in str(refused.value)
    # The planner says the same, with a question to ask instead.
    with pytest.raises(UnchartableQuestion) as said:
        planner.plan(maths)
    assert named in str(said.value) and "x̄(tip) per day | meal = Dinner" in str(said.value)

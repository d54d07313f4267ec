from __future__ import annotations

import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.worker.conftest import CsvRows
from worker.extraction import QueryTimeout, compile_query, fetch_with_timeout, run_query
from worker.plan import ChartPlan
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import PlanValidationError, SemanticModel, load_semantic_model

INJECTION = "Mexico'; DROP TABLE gapminder; --"


async def test_headline_rows_match_the_csv(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    read_csv: Callable[[str], CsvRows],
) -> None:
    plan = planner.plan("life expectancy in Mexico and Canada since 1980")
    result = await run_query(warehouse, plan, semantic_model)
    assert result.columns == ["year", "country", "life_exp"]
    expected = sorted(
        (int(r["year"]), r["country"], float(r["lifeExp"]))
        for r in read_csv("gapminder")
        if r["country"] in ("Mexico", "Canada") and int(r["year"]) >= 1980
    )
    assert result.rows == expected
    assert (1982, "Mexico", 67.405) in result.rows
    assert result.row_count == len(expected) == 12


async def test_sql_carries_no_user_text_and_injection_changes_nothing(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    read_csv: Callable[[str], CsvRows],
) -> None:
    # The planner refuses SQL typed after a request (worker.planner.system_instructions) ...
    with pytest.raises(UnchartableQuestion, match="DROP TABLE"):
        planner.plan(f"life expectancy in {INJECTION}")
    # ... and a value it charts reaches the SQL only as a bound parameter.
    plan = planner.plan("life expectancy in Mexico")
    result = await run_query(warehouse, plan, semantic_model)
    assert "Mexico" not in result.sql and "DROP" not in result.sql
    assert "Mexico" in result.params.values()
    mexico = [
        (int(r["year"]), float(r["lifeExp"])) for r in read_csv("gapminder") if r["country"] == "Mexico"
    ]
    assert result.rows == sorted(mexico)
    # A planner that passed the whole string through would still only bind it as a value.
    raw = plan.model_copy(update={"filters": [plan.filters[0].model_copy(update={"value": INJECTION})]})
    unchecked = load_semantic_model()  # no warehouse facts, so the unknown value is not rejected first
    result = await run_query(warehouse, raw, unchecked)
    assert result.rows == [] and INJECTION in result.params.values() and "DROP" not in result.sql
    async with warehouse.connect() as conn:
        assert (await conn.execute(sa.text("SELECT count(*) FROM gapminder"))).scalar_one() == 1704


def test_limit_is_the_smaller_of_plan_and_row_limit(
    planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    plan = planner.plan("top 5 countries by gdp per capita")
    assert compile_query(plan, semantic_model, row_limit=3)._limit == 3
    assert compile_query(plan, semantic_model, row_limit=100)._limit == 5
    unlimited = planner.plan("life expectancy by country")
    assert compile_query(unlimited, semantic_model, row_limit=77)._limit == 77


async def test_row_limit_caps_the_rows(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    plan = planner.plan("sepal length vs petal length")
    assert (await run_query(warehouse, plan, semantic_model)).row_count == 150
    assert (await run_query(warehouse, plan, semantic_model, row_limit=40)).row_count == 40


def test_invalid_plans_never_reach_sql(semantic_model: SemanticModel) -> None:
    plan = ChartPlan(
        dataset="gapminder",
        measures=[{"name": "life_exp; DROP TABLE gapminder", "agg": "avg"}],  # type: ignore[list-item]
        use_time=True,
        title="x",
    )
    with pytest.raises(PlanValidationError):
        compile_query(plan, semantic_model, row_limit=10)


def by_key(rows: CsvRows, key: str, value: str) -> dict[str, list[float]]:
    groups: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(float(row[value]))
    return groups


@pytest.mark.parametrize(
    ("agg", "reduce"),
    [
        ("avg", statistics.fmean),
        ("median", statistics.median),
        ("min", min),
        ("max", max),
        ("count", len),
        ("sum", sum),
    ],
)
async def test_aggregations_match_python_over_the_csv(
    warehouse: AsyncEngine,
    semantic_model: SemanticModel,
    read_csv: Callable[[str], CsvRows],
    agg: str,
    reduce: Callable[[list[float]], float],
) -> None:
    plan = ChartPlan.model_validate(
        {
            "dataset": "tips",
            "measures": [{"name": "tip", "agg": agg}],
            "dimension": "day",
            "series": "sex",
            "chart_type": "bar",
            "title": "t",
        }
    )
    result = await run_query(warehouse, plan, semantic_model)
    groups: dict[tuple[str, str], list[float]] = defaultdict(list)
    for row in read_csv("tips"):
        groups[(row["day"], row["sex"])].append(float(row["tip"]))
    assert {(d, s): pytest.approx(v) for d, s, v in result.rows} == {k: reduce(v) for k, v in groups.items()}


async def test_median_beside_other_aggregations(
    warehouse: AsyncEngine, semantic_model: SemanticModel, read_csv: Callable[[str], CsvRows]
) -> None:
    plan = ChartPlan.model_validate(
        {
            "dataset": "gapminder",
            "measures": [{"name": "life_exp", "agg": "median"}, {"name": "pop", "agg": "sum"}],
            "dimension": "continent",
            "time_range": {"start": "2007", "end": "2007"},
            "chart_type": "bar",
            "title": "t",
        }
    )
    result = await run_query(warehouse, plan, semantic_model)
    latest = [r for r in read_csv("gapminder") if r["year"] == "2007"]
    life = by_key(latest, "continent", "lifeExp")
    pop = by_key(latest, "continent", "pop")
    assert {c: (m, p) for c, m, p in result.rows} == {
        c: (pytest.approx(statistics.median(life[c])), sum(pop[c])) for c in life
    }


async def test_top_n_matches_the_csv(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    read_csv: Callable[[str], CsvRows],
) -> None:
    result = await run_query(warehouse, planner.plan("top 5 countries by gdp per capita"), semantic_model)
    latest = [r for r in read_csv("gapminder") if r["year"] == "2007"]
    expected = sorted(latest, key=lambda r: -float(r["gdpPercap"]))[:5]
    assert result.rows == [(r["country"], float(r["gdpPercap"])) for r in expected]


async def test_daily_time_range_and_entities(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    read_csv: Callable[[str], CsvRows],
) -> None:
    result = await run_query(warehouse, planner.plan("apple vs google stock price in 2019"), semantic_model)
    in_2019 = [r for r in read_csv("stocks") if r["date"].startswith("2019")]
    assert len(result.rows) == 2 * len(in_2019)
    prices = {(d, t): p for d, t, p in result.rows}
    assert all(prices[(r["date"], "AAPL")] == float(r["AAPL"]) for r in in_2019)
    assert all(prices[(r["date"], "GOOG")] == float(r["GOOG"]) for r in in_2019)


async def test_a_slow_query_is_stopped_and_the_connection_survives(warehouse: AsyncEngine) -> None:
    endless = sa.text(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500000000) "
        "SELECT count(*) FROM n"
    )
    async with warehouse.connect() as conn:
        started = time.monotonic()
        with pytest.raises(QueryTimeout):
            await fetch_with_timeout(conn, endless, timeout_s=0.2)
        assert time.monotonic() - started < 3, "the query kept running after its time limit"
        assert (await conn.execute(sa.text("SELECT count(*) FROM iris"))).scalar_one() == 150


async def test_run_query_over_its_time_limit_raises(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    with pytest.raises(QueryTimeout):
        await run_query(warehouse, planner.plan("life expectancy by country"), semantic_model, timeout_s=1e-6)


async def test_params_and_sql_describe_the_query(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    result = await run_query(
        warehouse, planner.plan("life expectancy in Mexico and Canada since 1980"), semantic_model
    )
    values: list[Any] = list(result.params.values())
    assert "Mexico" in values and "Canada" in values and 1980 in values
    assert "IN (?, ?)" in result.sql and "__[POSTCOMPILE" not in result.sql


async def test_computed_measures_match_the_csv(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    read_csv: Callable[[str], CsvRows],
) -> None:
    by_day: dict[str, list[float]] = defaultdict(list)
    for r in read_csv("tips"):
        by_day[r["day"]].append(float(r["tip"]) / float(r["total_bill"]) * 100)
    mean = await run_query(warehouse, planner.plan("tip percentage by day"), semantic_model)
    assert {day: pytest.approx(v) for day, v in mean.rows} == {
        day: pytest.approx(statistics.mean(v)) for day, v in by_day.items()
    }
    median = await run_query(warehouse, planner.plan("median tip percentage by day"), semantic_model)
    assert dict(median.rows) == {day: pytest.approx(statistics.median(v)) for day, v in by_day.items()}
    gdp: dict[str, float] = defaultdict(float)
    for r in read_csv("gapminder"):
        if r["year"] == "2007":
            gdp[r["continent"]] += float(r["gdpPercap"]) * int(r["pop"])
    total = await run_query(warehouse, planner.plan("total gdp by continent"), semantic_model)
    assert dict(total.rows) == {c: pytest.approx(v) for c, v in gdp.items()}


async def test_a_condition_on_a_computed_measure_filters_rows(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    read_csv: Callable[[str], CsvRows],
) -> None:
    plan = planner.plan("number of bills by day with tip percentage over 20")
    result = await run_query(warehouse, plan, semantic_model)
    counts: dict[str, int] = defaultdict(int)
    for r in read_csv("tips"):
        if float(r["tip"]) / float(r["total_bill"]) * 100 > 20:
            counts[r["day"]] += 1
    assert dict(result.rows) == counts and 20 in result.params.values()

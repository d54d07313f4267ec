"""SQL-injection canaries: hostile questions and adjustments change nothing and read nothing outside the plan.

Unit level: whatever a filter value holds, the compiled SQL is the same text (values are only ever bound
parameters), and hostile names never reach SQL at all. Pipeline level: hostile chat messages and adjustment
queries go through the real API, Redis, the real worker processes and the warehouse; afterwards every table
of the warehouse and of the chartq database has the rows it had, and no chart holds a word of the attack.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.db.engine import create_engine
from tests.conftest import new_message, wait_for_status
from worker.extraction import compile_query, run_query
from worker.plan import ChartPlan, Filter, MeasureRef, Sort, TimeRange
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import PlanValidationError, SemanticModel, load_semantic_model

TASKS = "/api/v1/analytics/charts/async"
HOSTILE_VALUES = [
    "Mexico'; DROP TABLE gapminder; --",
    "x' UNION SELECT sql FROM sqlite_master --",
    "1=1; DELETE FROM tips",
    'Mexico" OR "1"="1',
    "'); ATTACH DATABASE '/tmp/pwned.db' AS pwned; --",
    "Robert'); DROP TABLE sessions;--",
    "\\'; SELECT pg_sleep(10); --",
    "%' OR country LIKE '%",
    "x\x00y",
    "😈' OR ''='",
]
HOSTILE_QUESTIONS = [
    "life expectancy in Mexico'; DROP TABLE gapminder; --",
    "population of x' UNION SELECT sql FROM sqlite_master --",
    "tips where 1=1; DELETE FROM tips",
    'gdp per capita of Canada"; UPDATE gapminder SET pop = 0; --',
    "average tip by day UNION ALL SELECT name, 1 FROM sqlite_master",
    "stock price of GOOG'); DROP TABLE charts; DROP TABLE messages; --",
]
HOSTILE_ADJUSTMENTS = [
    "as a bar chart'; DROP TABLE gapminder; --",
    "only Mexico' UNION SELECT sql FROM sqlite_master --",
    "since 1990; DELETE FROM sessions",
]
# Words of the attacks that no chart's SQL or content may contain.
ATTACK_WORDS = ["drop", "sqlite_master", "union", "delete", "1=1", "update", "attach", "--", ";", "pg_sleep"]


@pytest.fixture(scope="module")
def unchecked_model() -> SemanticModel:
    """The model without warehouse facts: category values are not checked, so any value reaches SQL."""
    return load_semantic_model()


def country_plan(value: Any, op: str = "eq") -> ChartPlan:
    return ChartPlan(
        dataset="gapminder",
        measures=[MeasureRef(name="life_exp", agg="avg")],
        series="country",
        use_time=True,
        time_range=TimeRange(start="1980"),
        filters=[Filter(column="country", op=op, value=value)],  # type: ignore[arg-type]
        title="canary",
    )


def compiled(plan: ChartPlan, model: SemanticModel, dialect: Any) -> tuple[str, dict[str, Any]]:
    statement = compile_query(plan, model, row_limit=100).compile(
        dialect=dialect, compile_kwargs={"render_postcompile": True}
    )
    return str(statement), dict(statement.params)


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()], ids=["sqlite", "postgresql"])
@pytest.mark.parametrize("op", ["eq", "ne", "in", "not_in"])
@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_filter_values_are_only_bound_parameters(
    unchecked_model: SemanticModel, dialect: Any, op: str, value: str
) -> None:
    wrap: Callable[[str], Any] = (lambda v: [v, "Canada"]) if op in ("in", "not_in") else (lambda v: v)
    sql, params = compiled(country_plan(wrap(value), op), unchecked_model, dialect)
    baseline, _ = compiled(country_plan(wrap("Mexico"), op), unchecked_model, dialect)
    assert sql == baseline  # the statement's text does not depend on the value at all
    assert value in params.values()
    lowered = sql.lower()
    assert not any(word in lowered for word in ("drop", "sqlite_master", "union", "delete", "attach", "--"))
    assert value not in sql and "'" not in sql  # no literal of any kind is inlined


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=st.text(max_size=80))
def test_any_text_value_leaves_the_sql_unchanged(value: str) -> None:
    model = load_semantic_model()
    sql, params = compiled(country_plan(value), model, sqlite.dialect())
    assert sql == compiled(country_plan("Mexico"), model, sqlite.dialect())[0]
    assert value in params.values()


@pytest.mark.parametrize(
    "changes",
    [
        {"dataset": "gapminder; DROP TABLE tips"},
        {"dataset": "sqlite_master"},
        {"measures": [MeasureRef(name="life_exp) FROM sqlite_master --", agg="avg")]},
        {"measures": [MeasureRef(name="sql", agg="none")]},
        {"series": "country FROM sqlite_master --"},
        {"filters": [Filter(column="1=1 OR country", op="eq", value="Mexico")]},
        {"filters": [Filter(column="name", op="eq", value="gapminder")]},
        {"sort": Sort(by="(SELECT sql FROM sqlite_master)")},
        {"time_range": TimeRange(start="1980' OR '1'='1")},
        {"time_range": TimeRange(end="2007; DROP TABLE gapminder")},
    ],
    ids=lambda changes: next(iter(changes)),
)
def test_hostile_names_never_reach_sql(semantic_model: SemanticModel, changes: dict[str, Any]) -> None:
    plan = country_plan("Mexico").model_copy(update=changes)
    with pytest.raises(PlanValidationError):
        compile_query(plan, semantic_model, row_limit=100)


async def test_hostile_values_run_read_nothing_and_change_nothing(
    warehouse: AsyncEngine, warehouse_path: Path, unchecked_model: SemanticModel
) -> None:
    before = table_counts(warehouse_path)
    for value in HOSTILE_VALUES:
        for op, wrapped in (("eq", value), ("in", [value, "Mexico"])):
            result = await run_query(warehouse, country_plan(wrapped, op), unchecked_model)
            assert {row[1] for row in result.rows} <= {"Mexico"}, (value, op)
            assert result.columns == ["year", "country", "life_exp"]
    assert table_counts(warehouse_path) == before


@pytest.mark.parametrize(
    "question", HOSTILE_QUESTIONS + [f"life expectancy in Mexico {a}" for a in HOSTILE_ADJUSTMENTS]
)
def test_the_planner_puts_only_known_values_in_a_plan(
    planner: RulePlanner, semantic_model: SemanticModel, question: str
) -> None:
    try:
        plan = planner.plan(question)
    except UnchartableQuestion:
        return
    dataset = semantic_model.dataset(plan.dataset)
    for flt in plan.filters:
        values = flt.value if isinstance(flt.value, list) else [flt.value]
        assert set(values) <= set(dataset.dimension(flt.column).values), flt
    text = orjson.dumps(plan.model_dump(exclude={"title"})).decode().lower()
    assert not any(word in text for word in ATTACK_WORDS), text


def table_counts(path: Path) -> dict[str, int]:
    """Every table of an SQLite file and its row count, read outside the code under test."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


async def database_counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            names = await conn.run_sync(lambda sync: sa.inspect(sync).get_table_names())
            return {
                name: (
                    await conn.execute(sa.select(sa.func.count()).select_from(sa.table(name)))
                ).scalar_one()
                for name in sorted(names)
            }
    finally:
        await engine.dispose()


@pytest.mark.db
async def test_hostile_chat_messages_through_the_real_pipeline(
    client: httpx.AsyncClient, data_dir: Path, database_url: str
) -> None:
    warehouse_before = table_counts(data_dir / "warehouse.db")
    database_before = await database_counts(database_url)
    assert {"gapminder", "tips", "stocks"} <= set(warehouse_before)

    requests: list[dict[str, Any]] = []
    for question in HOSTILE_QUESTIONS:
        message = await new_message(client, question)
        requests.append({"message_id": message["id"]})
    # A real value with a quote in it ("Cote d'Ivoire") is charted: its SQL is really built and run.
    quoted = await new_message(client, "life expectancy in Cote d'Ivoire since 1980")
    requests.append({"message_id": quoted["id"]})
    base = await new_message(client, "life expectancy in Mexico and Canada since 1980")
    requests += [{"message_id": base["id"], "adjustment_query": a} for a in HOSTILE_ADJUSTMENTS]
    created = [await client.post(TASKS, json=body) for body in requests]
    assert all(r.status_code == 202 for r in created), [r.text for r in created]
    finals = await asyncio.gather(*(wait_for_status(client, r.json()["task_id"], within=60) for r in created))

    outcomes = []
    for body, task in zip(requests, finals, strict=True):
        assert task["status"] in {"COMPLETED", "FAILED"}, task
        outcomes.append(task["status"])
        if task["status"] == "FAILED":
            # A clear refusal, never a database error leaking through.
            assert task["error_code"] in {"unchartable", "no_data"}, task
            continue
        chart = (await client.get(f"{TASKS}/{task['task_id']}/result")).json()
        sql = chart["sql"].lower()
        assert sql.startswith("select") and not any(word in sql for word in ATTACK_WORDS), (body, sql)
        content = orjson.dumps({k: chart[k] for k in ("spec", "figure", "sql", "interpretation")}).decode()
        assert "CREATE TABLE" not in content and "sqlite_master" not in content.lower(), body
        assert chart["row_count"] <= 10_000
    # SQL typed into a request is refused whole (worker.planner.system_instructions); the quoted value is
    # charted, so the pipeline really built and ran SQL from hostile-looking text.
    assert outcomes[len(HOSTILE_QUESTIONS)] == "COMPLETED", outcomes

    assert table_counts(data_dir / "warehouse.db") == warehouse_before
    after = await database_counts(database_url)
    assert set(after) == set(database_before)  # every chartq table is still there
    grown = {name for name in after if after[name] != database_before[name]}
    # Only the rows this test made: its sessions, messages, charts and task runs.
    assert all(after[name] >= database_before[name] for name in after), (database_before, after)
    assert grown <= {"chat_sessions", "messages", "charts", "task_runs"}, grown

"""The chart row a task stores carries its plan in plain words, and what of the question it left out; a
chart stored before descriptions gets one worded from its stored plan (issue #12)."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import cast

from sqlalchemy.ext.asyncio import AsyncEngine

from shared.db.charts import chart_to_dto, spec_description
from shared.job import ChartJob
from worker.extraction import run_query
from worker.planner.rules import RulePlanner
from worker.runtime.context import WorkerContext
from worker.semantic import SemanticModel
from worker.task.chart_row import chart_row


def _job(question: str) -> ChartJob:
    return ChartJob(
        task_id="t1",
        user_id="u1",
        message_id="m1",
        session_id="s1",
        question=question,
        request_key="",
        created_at=datetime.now(UTC),
    )


async def test_a_chart_row_describes_its_plan_and_what_it_left_out(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    question = "Votes for Joly by district on Sundays in March"
    answer = planner.answer(question)
    result = await run_query(warehouse, answer.plan, semantic_model)
    ctx = cast(
        WorkerContext, SimpleNamespace(model=semantic_model, settings=SimpleNamespace(chart_ttl_days=1))
    )
    row = chart_row(
        ctx,
        _job(question),
        task_id="t1",
        owner_id="u1",
        plan=answer.plan,
        result=result,
        left_out=answer.left_out,
    )
    assert row.description is not None
    assert row.description.startswith("Votes per district, for Joly")
    assert (
        "Left out: \u201cSundays\u201d and \u201cMarch\u201d: the election data has no dates."
        in row.description
    )
    assert chart_to_dto(row).description == row.description


async def test_a_whole_answer_is_described_without_a_note(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    plan = planner.plan("average tip for parties of 4 or more, by day")
    result = await run_query(warehouse, plan, semantic_model)
    ctx = cast(
        WorkerContext, SimpleNamespace(model=semantic_model, settings=SimpleNamespace(chart_ttl_days=1))
    )
    row = chart_row(ctx, _job("q"), task_id="t1", owner_id="u1", plan=plan, result=result)
    assert row.description == "Average tip per day, party size at least 4."


def test_a_chart_stored_before_descriptions_is_described_from_its_spec(planner: RulePlanner) -> None:
    plan = planner.plan("life expectancy in Mexico and Canada since 1980")
    text = spec_description(plan.model_dump(mode="json"))
    assert text == "Average life exp over time, country in Mexico, Canada, from 1980 to the end."
    assert spec_description({"not": "a plan"}) == ""

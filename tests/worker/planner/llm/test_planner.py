"""The LLM planner against a fake OpenAI-compatible server on loopback: answers used, corrected once,
refused, and every way it falls back to the rule planner; the key stays out of logs; a real worker
records the model's cost on the task run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
import sqlalchemy as sa
from pydantic import SecretStr

from shared.db.engine import create_engine, session_factory
from shared.db.tables import TaskRun
from shared.settings import Settings
from tests.conftest import ROOT, inprocess_api, inprocess_worker, new_message, wait_for_status
from tests.worker.planner.llm.fake_llm import FakeLLM
from worker.cli.embedded_redis import free_port
from worker.plan import ChartPlan
from worker.planner.choose import PlanOutcome, PlanRequest, plan_chart
from worker.planner.llm.planner import LLMPlanner
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.runtime.context import WorkerContext
from worker.semantic import SemanticModel

QUESTION = "life expectancy in Mexico and Canada since 1980"
API_KEY = "sk-test-0123456789abcdef-secret"
TASKS = "/api/v1/analytics/charts/async"
# What a model might answer for QUESTION: an area chart, which the rule planner would draw as lines.
LLM_PLAN: dict[str, Any] = {
    "dataset": "gapminder",
    "measures": [{"name": "life_exp", "agg": "avg"}],
    "series": "country",
    "use_time": True,
    "time_range": {"start": "1980", "end": None},
    "filters": [{"column": "country", "op": "in", "value": ["Mexico", "Canada"]}],
    "chart_type": "area",
    "title": "<a href='javascript:alert(1)'>click</a>",
}


async def ask(llm: LLMPlanner, question: str, **request: Any) -> PlanOutcome:
    """What a worker with this LLM planner configured plans for `question` (worker.planner.choose)."""
    worker = SimpleNamespace(llm_planner=llm, planner=llm.rules, model=llm.model)
    return await plan_chart(cast(WorkerContext, worker), PlanRequest(question=question, **request))


@pytest.fixture
async def fake_llm() -> AsyncIterator[FakeLLM]:
    server = await FakeLLM().start()
    yield server
    await server.stop()


@pytest.fixture
async def make_llm(
    fake_llm: FakeLLM, semantic_model: SemanticModel, planner: RulePlanner
) -> AsyncIterator[Callable[..., LLMPlanner]]:
    made: list[LLMPlanner] = []

    def make(timeout_s: float = 5.0, base_url: str | None = None) -> LLMPlanner:
        llm = LLMPlanner(
            semantic_model,
            planner,
            base_url=base_url or fake_llm.base_url,
            model_name="test-model",
            api_key=SecretStr(API_KEY),
            timeout_s=timeout_s,
        )
        made.append(llm)
        return llm

    yield make
    for llm in made:
        await llm.aclose()


async def test_a_valid_answer_becomes_the_plan(
    fake_llm: FakeLLM, make_llm: Callable[..., LLMPlanner], planner: RulePlanner
) -> None:
    fake_llm.answer(LLM_PLAN, prompt_tokens=1200, completion_tokens=80)
    result = await ask(make_llm(), QUESTION)

    assert result.source == "llm" and result.plan.chart_type == "area"
    assert planner.plan(QUESTION).chart_type == "line"  # so the chart above is the model's
    # The title is worded by chartq from the plan, never taken from the model's text.
    assert result.plan.title == "Life expectancy in Mexico and Canada since 1980"
    details = result.details
    assert details["llm_prompt_tokens"] == 1200 and details["llm_completion_tokens"] == 80
    assert details["llm_rounds"] == 1 and details["llm_latency_ms"] >= 0
    assert "fallback_reason" not in details

    [request] = fake_llm.received
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    body = request.body
    assert body["model"] == "test-model" and body["temperature"] == 0
    assert body["response_format"] == {"type": "json_object"}
    system, user = request.messages
    # The prompt carries the semantic model (meanings, units, values) and the plan's schema.
    assert "Life expectancy at birth is the number of years" in system["content"]
    assert "years" in system["content"] and "Oceania" in system["content"]
    assert '"chart_type"' in system["content"] and "refuse" in system["content"]
    assert QUESTION in user["content"] and '"country":["Mexico","Canada"]' in user["content"]


async def test_an_invalid_answer_is_corrected_once_with_the_error(
    fake_llm: FakeLLM, make_llm: Callable[..., LLMPlanner]
) -> None:
    fake_llm.answer(LLM_PLAN | {"measures": [{"name": "lifespan", "agg": "avg"}]}, 1000, 50)
    fake_llm.answer(LLM_PLAN, 1100, 60)
    result = await ask(make_llm(), QUESTION)

    assert result.source == "llm" and result.plan.measures[0].name == "life_exp"
    details = result.details
    assert (details["llm_prompt_tokens"], details["llm_completion_tokens"]) == (2100, 110)
    assert details["llm_rounds"] == 2
    first, second = fake_llm.received
    assert second.messages[:2] == first.messages
    echoed, correction = second.messages[2:]
    assert echoed["role"] == "assistant" and "lifespan" in echoed["content"]
    assert correction["role"] == "user"
    assert "Unknown measure 'lifespan' in dataset 'gapminder'" in correction["content"]


async def test_a_schema_error_is_sent_back_by_field(
    fake_llm: FakeLLM, make_llm: Callable[..., LLMPlanner]
) -> None:
    fake_llm.answer(LLM_PLAN | {"chart_type": "radar"})
    fake_llm.answer(LLM_PLAN)
    assert (await ask(make_llm(), QUESTION)).source == "llm"
    correction = fake_llm.received[1].messages[-1]["content"]
    assert "chart_type: Input should be 'line'" in correction


async def test_garbage_twice_falls_back_to_the_rule_planner(
    fake_llm: FakeLLM, make_llm: Callable[..., LLMPlanner], planner: RulePlanner
) -> None:
    fake_llm.answer("Sure! Here is a chart of life expectancy.")
    fake_llm.answer('{"dataset": 42}')
    result = await ask(make_llm(), QUESTION)

    assert result.source == "rules" and result.plan == planner.plan(QUESTION)
    details = result.details
    assert details["fallback_reason"] == "invalid_plan" and details["llm_rounds"] == 2
    assert "The answer is not JSON" in fake_llm.received[1].messages[-1]["content"]
    assert len(fake_llm.received) == 2  # one correction round, no more


async def test_a_timeout_falls_back_without_a_second_round(
    fake_llm: FakeLLM, make_llm: Callable[..., LLMPlanner], planner: RulePlanner
) -> None:
    fake_llm.stall(5.0)
    result = await ask(make_llm(timeout_s=0.3), QUESTION)

    assert result.source == "rules" and result.plan == planner.plan(QUESTION)
    details = result.details
    assert details["fallback_reason"] == "timeout" and details["llm_rounds"] == 1
    assert details["llm_latency_ms"] < 3000


@pytest.mark.parametrize("status", [500, 429, 401])
async def test_an_error_status_falls_back(
    status: int, fake_llm: FakeLLM, make_llm: Callable[..., LLMPlanner], planner: RulePlanner
) -> None:
    fake_llm.fail(status)
    result = await ask(make_llm(), QUESTION)

    assert result.source == "rules" and result.plan == planner.plan(QUESTION)
    assert result.details["fallback_reason"] == "http_error"
    assert len(fake_llm.received) == 1


async def test_an_unreachable_server_falls_back(
    make_llm: Callable[..., LLMPlanner], planner: RulePlanner
) -> None:
    result = await ask(make_llm(base_url=f"http://127.0.0.1:{free_port()}/v1"), QUESTION)
    assert result.source == "rules" and result.plan == planner.plan(QUESTION)
    assert result.details["fallback_reason"] == "connection_error"


async def test_a_refusal_tells_the_user_why_and_what_can_be_asked(
    fake_llm: FakeLLM, make_llm: Callable[..., LLMPlanner]
) -> None:
    fake_llm.answer({"refuse": "The data has no weather records"})
    with pytest.raises(UnchartableQuestion) as refused:
        await ask(make_llm(), "rainfall in Paris last winter")

    message = str(refused.value)
    assert message.startswith("The data has no weather records. Try measures such as")
    assert "life expectancy" in message and len(fake_llm.received) == 1


async def test_an_adjustment_sends_the_previous_plan(
    fake_llm: FakeLLM, make_llm: Callable[..., LLMPlanner], planner: RulePlanner
) -> None:
    previous = planner.plan(QUESTION)
    fake_llm.answer(LLM_PLAN | {"chart_type": "bar"})
    result = await ask(make_llm(), QUESTION, adjustment="make it a bar chart", previous=previous)

    assert result.source == "llm" and result.plan.chart_type == "bar"
    user = fake_llm.received[0].messages[1]["content"]
    assert "Adjustment: make it a bar chart" in user
    assert json.dumps(previous.model_dump(mode="json", exclude={"title"}), separators=(",", ":")) in user


def test_the_api_key_never_reaches_the_logs(tmp_path: Path, warehouse_path: Path) -> None:
    """Runs the planner in a process with chartq's own logging at DEBUG, as an operator would see it,
    through success, a correction, an error status and a refusal."""
    script = textwrap.dedent(
        f"""
        import asyncio
        from pydantic import SecretStr
        from shared.logs import configure_logging
        from tests.worker.planner.llm.fake_llm import FakeLLM
        from worker.planner.llm.planner import LLMPlanner
        from worker.planner.rules import RulePlanner, UnchartableQuestion
        from worker.semantic import load_semantic_model
        from worker.warehouse.model_facts import with_warehouse_facts
        from worker.warehouse.sample import warehouse_engine

        async def main():
            configure_logging("DEBUG")
            engine = warehouse_engine("sqlite:///{warehouse_path}")
            model = await with_warehouse_facts(load_semantic_model(), engine)
            await engine.dispose()
            fake = await FakeLLM().start()
            fake.answer({json.dumps(LLM_PLAN)!r})
            fake.answer("not json")
            fake.answer({json.dumps(LLM_PLAN)!r})
            fake.fail(401, '{{"error": "bad key {API_KEY}"}}')
            fake.answer('{{"refuse": "no"}}')
            llm = LLMPlanner(model, RulePlanner(model), base_url=fake.base_url, model_name="m",
                             api_key=SecretStr("{API_KEY}"), timeout_s=5)
            for _ in range(3):
                print("llm" if (await llm.attempt("{QUESTION}")).plan else "rules", flush=True)
            try:
                await llm.attempt("{QUESTION}")
            except UnchartableQuestion as exc:
                print("refused", exc, flush=True)
            assert all(r.headers["authorization"] == "Bearer {API_KEY}" for r in fake.received)
            await llm.aclose()
            await fake.stop()

        asyncio.run(main())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["llm", "llm", "rules"]
    assert "llm planner answered" in done.stderr and "llm planner fell back" in done.stderr
    assert "HTTP Request: POST" in done.stderr  # httpx's own log lines were on, too
    assert API_KEY not in done.stderr + done.stdout


@pytest.mark.db
async def test_a_worker_charts_with_the_llm_and_records_its_cost(
    fake_llm: FakeLLM, isolated_settings: Settings, make_token: Callable[..., str], database_url: str
) -> None:
    settings = isolated_settings.model_copy(
        update={
            "llm_base_url": fake_llm.base_url,
            "llm_model": "test-model",
            "llm_api_key": SecretStr(API_KEY),
            "llm_timeout_seconds": 5.0,
        }
    )
    fake_llm.answer(LLM_PLAN, prompt_tokens=1500, completion_tokens=90)
    fake_llm.fail(503)
    fake_llm.answer({"refuse": "The data has no weather records"})
    async with inprocess_api(settings, make_token()) as http:
        first, second = [await new_message(http, QUESTION) for _ in range(2)]
        weather = await new_message(http, "rainfall in Paris last winter")
        by_llm = (await http.post(TASKS, json={"message_id": first["id"]})).json()
        fell_back = (await http.post(TASKS, json={"message_id": second["id"]})).json()
        refused = (await http.post(TASKS, json={"message_id": weather["id"]})).json()
        # One task at a time, so the scripted replies meet the tasks in the order they were queued.
        worker = inprocess_worker(settings, concurrency=1, burst=True)
        await worker.async_run()
        await worker.close()

        done = await wait_for_status(http, by_llm["task_id"])
        assert done["status"] == "COMPLETED", done
        chart = (await http.get(f"{TASKS}/{by_llm['task_id']}/result")).json()
        assert chart["spec"]["chart_type"] == "area" and chart["title"].startswith(
            "Life expectancy in Mexico"
        )
        assert ChartPlan.model_validate(chart["spec"]).filters[0].value == ["Mexico", "Canada"]
        other = (await http.get(f"{TASKS}/{fell_back['task_id']}/result")).json()
        assert other["spec"]["chart_type"] == "line"  # the rule planner's chart of the same question
        failed = await wait_for_status(http, refused["task_id"])
        assert (failed["status"], failed["error_code"]) == ("FAILED", "unchartable")
        assert failed["error_message"].startswith("The data has no weather records. Try measures such as")

    engine = create_engine(database_url)
    try:
        async with session_factory(engine)() as db:
            runs = await db.scalars(
                sa.select(TaskRun).where(
                    TaskRun.task_id.in_([by_llm["task_id"], fell_back["task_id"], refused["task_id"]])
                )
            )
            rows = {run.task_id: run for run in runs}
    finally:
        await engine.dispose()
    llm_run, rules_run = rows[by_llm["task_id"]], rows[fell_back["task_id"]]
    assert (llm_run.planner, llm_run.llm_model, llm_run.llm_rounds) == ("llm", "test-model", 1)
    assert (llm_run.llm_prompt_tokens, llm_run.llm_completion_tokens) == (1500, 90)
    assert llm_run.llm_latency_ms is not None and llm_run.llm_latency_ms >= 0
    assert llm_run.llm_fallback_reason is None
    assert rules_run.planner == "rules" and rules_run.llm_fallback_reason == "http_error"
    assert rules_run.llm_rounds == 1 and rules_run.llm_prompt_tokens == 0
    # A refusal cost tokens too; its run says so.
    refused_run = rows[refused["task_id"]]
    assert (refused_run.status, refused_run.planner, refused_run.llm_rounds) == ("FAILED", "llm", 1)


async def test_a_follow_up_message_sees_the_sessions_last_plan(
    fake_llm: FakeLLM, make_llm: Callable[..., LLMPlanner], planner: RulePlanner
) -> None:
    earlier = planner.plan(QUESTION)
    fake_llm.answer(
        LLM_PLAN | {"filters": [{"column": "country", "op": "in", "value": ["Mexico", "Brazil"]}]}
    )
    result = await ask(make_llm(), "add Brazil", earlier=earlier)

    assert result.source == "llm" and result.plan.filters[0].value == ["Mexico", "Brazil"]
    user = fake_llm.received[0].messages[1]["content"]
    assert "previous chart in this conversation" in user and '"country":["Brazil"]' in user
    assert json.dumps(earlier.model_dump(mode="json", exclude={"title"}), separators=(",", ":")) in user

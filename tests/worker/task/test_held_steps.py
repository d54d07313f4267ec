"""A task's middle steps held back and sent with its next write (worker.task.held_steps), against a real
Redis: each step keeps its own event and seq in order, a slow step is still announced on its own, and a
step refused on its own stops the attempt's next write."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from uuid import uuid4

import pytest

from shared.job import ChartJob
from shared.models import Priority, Step, TaskDTO, TaskStatus
from shared.redis import create_redis, loads
from shared.settings import Settings
from shared.task_states import accepted, entered, finished, handed_back, started
from shared.task_store import TaskStore
from worker.task import held_steps
from worker.task.held_steps import HeldSteps


@pytest.fixture
async def store(isolated_settings: Settings) -> AsyncIterator[TaskStore]:
    redis = create_redis(isolated_settings.redis_url)
    yield TaskStore(redis, isolated_settings)
    await redis.aclose()


async def running_task(store: TaskStore, user: str) -> TaskDTO:
    """A task created and started by attempt 1."""
    dto = accepted(str(uuid4()), "m1", "s1", Priority.NORMAL)
    await store.create(dto, ChartJob.for_task(dto, user_id=user, question="q"))
    running = started(dto, expected_duration_s=1)
    assert (await store.transition(running, user, attempt=1, starts=True)).applied
    return running


async def steps_seen(store: TaskStore, task_id: str) -> list[tuple[int, str, str]]:
    events = [loads(e) for e in await store.history(task_id)]
    return [(e["seq"], e["data"]["status"], e["data"]["current_step"]) for e in events]


async def test_held_steps_go_with_the_next_write_each_with_its_own_event(
    store: TaskStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(held_steps, "HOLD_SECONDS", 60.0)  # nothing sent on its own in this test
    user = uuid4().hex
    running = await running_task(store, user)
    held = HeldSteps(store)
    extracting = entered(running, Step.DATA_EXTRACTION)
    shaping = entered(extracting, Step.SCHEMA_CREATION)
    held.hold(extracting, user, 1)
    held.hold(shaping, user, 1)
    assert len(await steps_seen(store, running.task_id)) == 2  # still held: nothing published yet
    steps, refused = await held.take()
    assert refused is None
    persisting = entered(shaping, Step.PERSISTING)
    outcome = await store.transition(persisting, user, attempt=1, held_steps=steps)
    assert outcome.applied and outcome.seq == 5
    assert await steps_seen(store, running.task_id) == [
        (1, "PENDING", "queued"),
        (2, "PROCESSING", "planning"),
        (3, "PROCESSING", "data_extraction"),
        (4, "PROCESSING", "schema_creation"),
        (5, "PROCESSING", "persisting"),
    ]
    assert await held.take() == ([], None)  # taken once


async def test_a_step_that_outlasts_the_hold_is_announced_on_its_own(
    store: TaskStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(held_steps, "HOLD_SECONDS", 0.01)
    user = uuid4().hex
    running = await running_task(store, user)
    held = HeldSteps(store)
    held.hold(entered(running, Step.DATA_EXTRACTION), user, 1)
    for _ in range(500):  # a long query: no other write comes
        if len(await steps_seen(store, running.task_id)) == 3:
            break
        await asyncio.sleep(0.01)
    assert (await steps_seen(store, running.task_id))[-1] == (3, "PROCESSING", "data_extraction")
    assert await held.take() == ([], None)


async def test_a_step_refused_on_its_own_is_what_the_next_write_meets(
    store: TaskStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reaper handed the task back while this attempt's step was held: the attempt learns it is
    fenced off at its next write, which is not sent."""
    monkeypatch.setattr(held_steps, "HOLD_SECONDS", 0.01)
    user = uuid4().hex
    running = await running_task(store, user)
    assert (await store.transition(handed_back(running), user, expected=TaskStatus.PROCESSING)).applied
    held = HeldSteps(store)
    held.hold(entered(running, Step.DATA_EXTRACTION), user, 1)
    await asyncio.sleep(0.2)
    _, refused = await held.take()
    assert refused is not None and refused.stale and refused.current_status == "PENDING"
    assert [status for _, status, _ in await steps_seen(store, running.task_id)] == [
        "PENDING",
        "PROCESSING",
        "PENDING",
    ]


async def test_held_steps_are_fenced_like_the_write_they_go_with(store: TaskStore) -> None:
    """A write of an attempt handed back writes none of its held steps either."""
    user = uuid4().hex
    running = await running_task(store, user)
    assert (await store.transition(handed_back(running), user, expected=TaskStatus.PROCESSING)).applied
    extracting = entered(running, Step.DATA_EXTRACTION)
    late = await store.transition(
        finished(extracting, TaskStatus.COMPLETED), user, attempt=1, held_steps=[extracting]
    )
    assert (late.applied, late.stale) == (False, True)
    assert len(await steps_seen(store, running.task_id)) == 3


async def test_dropped_steps_are_never_sent(store: TaskStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(held_steps, "HOLD_SECONDS", 0.01)
    user = uuid4().hex
    running = await running_task(store, user)
    held = HeldSteps(store)
    held.hold(entered(running, Step.DATA_EXTRACTION), user, 1)
    held.drop()  # the attempt is being handed back
    await asyncio.sleep(0.1)
    assert len(await steps_seen(store, running.task_id)) == 2

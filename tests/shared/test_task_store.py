"""The task store's Lua scripts: atomic create with dedupe and caps, sticky terminal states, history."""

from __future__ import annotations

from collections.abc import AsyncIterator
from uuid import uuid4

import pytest
import redis.asyncio as aioredis

from shared import keys
from shared.job import ChartJob, request_key
from shared.models import Priority, Step, TaskStatus
from shared.redis import create_redis, loads
from shared.settings import Settings
from shared.stats.store import StatsStore
from shared.task_states import accepted, entered, finished, handed_back, started
from shared.task_store import TaskStore


@pytest.fixture
async def store(isolated_settings: Settings) -> AsyncIterator[TaskStore]:
    redis = create_redis(isolated_settings.redis_url)
    yield TaskStore(redis, isolated_settings)
    await redis.aclose()


async def create(store: TaskStore, user: str, message: str = "m1", adjustment: str | None = None) -> str:
    dto = accepted(str(uuid4()), message, "s1", Priority.NORMAL)
    job = ChartJob.for_task(dto, user_id=user, question="q", adjustment_query=adjustment)
    result = await store.create(dto, job)
    assert result.outcome in {"created", "existing"}
    return result.task_id


async def test_create_enqueues_and_indexes(store: TaskStore, redis_client: aioredis.Redis) -> None:
    user = uuid4().hex
    task_id = await create(store, user)
    assert await redis_client.zscore(store.settings.queue_name, task_id) is not None
    job = loads(await redis_client.get(keys.arq_job(task_id)))
    assert job["f"] == "run_chart"
    assert ChartJob.model_validate(job["k"]).task_id == task_id
    assert await store.message_task_ids(user, "m1") == [task_id]
    assert [loads(e)["seq"] for e in await store.history(task_id)] == [1]


async def test_same_request_while_active_is_deduplicated(store: TaskStore) -> None:
    user = uuid4().hex
    first = await create(store, user)
    assert await create(store, user) == first
    assert await create(store, user, adjustment="  As a BAR chart ") != first
    assert request_key("as a bar chart") == request_key("  As a BAR chart ")


async def test_a_request_just_after_completion_brings_the_completed_task(store: TaskStore) -> None:
    """The caller looked for the message's chart an instant before the task completed: the completed
    task answers (no second chart), unless a new chart is forced or the chart has since been deleted."""
    user = uuid4().hex
    task_id = await create(store, user)
    task = (await store.get(task_id)).dto  # type: ignore[union-attr]
    assert (await store.transition(task.model_copy(update={"status": TaskStatus.COMPLETED}), user)).applied

    async def again(*, completed_answers: bool) -> str:
        dto = accepted(str(uuid4()), "m1", "s1", Priority.NORMAL)
        job = ChartJob.for_task(dto, user_id=user, question="q")
        return (await store.create(dto, job, completed_answers=completed_answers)).task_id

    assert await again(completed_answers=True) == task_id
    await store.chart_deleted(task_id)
    anew = await again(completed_answers=True)
    assert anew != task_id
    forced = await again(completed_answers=False)
    assert forced == anew, "the new task is active: it answers a forced request too"


async def test_terminal_status_is_sticky(store: TaskStore) -> None:
    user = uuid4().hex
    task_id = await create(store, user)
    task = (await store.get(task_id)).dto  # type: ignore[union-attr]
    cancelled = await store.transition(task.model_copy(update={"status": TaskStatus.CANCELLED}), user)
    assert cancelled.applied and cancelled.seq == 2
    late = await store.transition(task.model_copy(update={"status": TaskStatus.PROCESSING}), user)
    assert not late.applied and late.current_status == "CANCELLED"
    assert (await store.get(task_id)).dto.status == TaskStatus.CANCELLED  # type: ignore[union-attr]
    assert [loads(e)["seq"] for e in await store.history(task_id, after_seq=1)] == [2]


async def test_expected_status_guards_the_cancel_start_race(store: TaskStore) -> None:
    user = uuid4().hex
    task_id = await create(store, user)
    task = (await store.get(task_id)).dto  # type: ignore[union-attr]
    started = await store.transition(task.model_copy(update={"status": TaskStatus.PROCESSING}), user)
    assert started.applied
    cancel = task.model_copy(update={"status": TaskStatus.CANCELLED})
    refused = await store.transition(cancel, user, expected=TaskStatus.PENDING)
    assert not refused.applied and refused.current_status == "PROCESSING"


async def test_per_user_cap_counts_only_active_tasks(isolated_settings: Settings) -> None:
    capped = isolated_settings.model_copy(update={"max_active_tasks_per_user": 2})
    redis = create_redis(capped.redis_url)
    store = TaskStore(redis, capped)
    user = uuid4().hex
    first = await create(store, user, "a")
    await create(store, user, "b")
    dto = accepted(str(uuid4()), "c", "s1", Priority.NORMAL)
    job = ChartJob.for_task(dto, user_id=user, question="q")
    refused = await store.create(dto, job)
    assert refused.outcome == "user_cap" and refused.count == 2
    task = (await store.get(first)).dto  # type: ignore[union-attr]
    await store.transition(task.model_copy(update={"status": TaskStatus.COMPLETED}), user)
    assert (await store.create(dto, job)).outcome == "created"
    await redis.aclose()


async def test_global_queue_cap(isolated_settings: Settings) -> None:
    capped = isolated_settings.model_copy(update={"max_queue_length": 1})
    redis = create_redis(capped.redis_url)
    store = TaskStore(redis, capped)
    await create(store, uuid4().hex)
    dto = accepted(str(uuid4()), "m", "s1", Priority.NORMAL)
    assert (
        await store.create(dto, ChartJob.for_task(dto, user_id="u", question="q"))
    ).outcome == "queue_full"
    await redis.aclose()


async def test_writes_of_an_older_or_handed_back_attempt_are_fenced_off(store: TaskStore) -> None:
    """A worker frozen past its lease must not write over the attempt that runs the task now."""
    user = uuid4().hex
    task_id = await create(store, user)
    pending = (await store.get(task_id)).dto  # type: ignore[union-attr]
    first = started(pending, expected_duration_s=1)
    assert (await store.transition(first, user, attempt=1, starts=True)).applied
    # The reaper hands the task back: attempt 1 may no longer write, not even before attempt 2 starts.
    assert (await store.transition(handed_back(first), user, expected=TaskStatus.PROCESSING)).applied
    late = await store.transition(entered(first, Step.DATA_EXTRACTION), user, attempt=1)
    assert (late.applied, late.stale, late.current_status) == (False, True, "PENDING")
    second = started(handed_back(first), expected_duration_s=1)
    assert (await store.transition(second, user, attempt=2, starts=True)).applied
    # A second start of the same attempt (a pickup after the lease lapsed) is fenced off too.
    assert (await store.transition(second, user, attempt=2, starts=True)).stale
    for stale_write in (entered(first, Step.SCHEMA_CREATION), finished(first, TaskStatus.COMPLETED)):
        assert (await store.transition(stale_write, user, attempt=1)).stale
    extracting = await store.transition(entered(second, Step.DATA_EXTRACTION), user, attempt=2)
    assert extracting.applied and not extracting.cancel_requested
    # A step's transition says whether the user has asked to cancel (the last look before the chart row).
    await store.request_cancel(task_id)
    assert (await store.transition(entered(second, Step.PERSISTING), user, attempt=2)).cancel_requested
    seen = [loads(e)["data"] for e in await store.history(task_id)]
    assert [(d["status"], d["attempt"], d["progress"]) for d in seen] == [
        ("PENDING", 0, 0),
        ("PROCESSING", 1, 0),
        ("PENDING", 1, 0),
        ("PROCESSING", 2, 0),
        ("PROCESSING", 2, 20),
        ("PROCESSING", 2, 85),
    ]


async def test_completion_loses_to_a_cancel_already_requested(store: TaskStore) -> None:
    user = uuid4().hex
    task_id = await create(store, user)
    running = started((await store.get(task_id)).dto, expected_duration_s=1)  # type: ignore[union-attr]
    assert (await store.transition(running, user, attempt=1, starts=True)).applied
    await store.request_cancel(task_id)
    refused = await store.transition(finished(running, TaskStatus.COMPLETED), user, attempt=1)
    assert (refused.applied, refused.cancel_requested, refused.current_status) == (False, True, "PROCESSING")
    assert (await store.transition(finished(running, TaskStatus.CANCELLED), user, attempt=1)).applied


async def test_a_terminal_write_counts_its_outcome_only_when_applied(store: TaskStore) -> None:
    """The dashboard's counts come with the terminal write that earns them: a completion refused by a
    cancel counts nothing, the cancel that ends the task counts once, with its held steps applied first."""
    stats = StatsStore(store.redis, store.settings.queue_name)
    user = uuid4().hex
    task_id = await create(store, user)
    running = started((await store.get(task_id)).dto, expected_duration_s=1)  # type: ignore[union-attr]
    assert (await store.transition(running, user, attempt=1, starts=True)).applied
    before = (await stats.windows()).outcomes["1m"]
    await store.request_cancel(task_id)
    done = finished(running, TaskStatus.COMPLETED)
    completion = stats.outcome("completed", durations_ms={"planning": 4.0})
    assert not (await store.transition(done, user, attempt=1, counts=completion)).applied
    assert (await stats.windows()).outcomes["1m"] == before
    step = entered(running, Step.DATA_EXTRACTION)
    cancel = stats.outcome("cancelled", durations_ms={})
    ended = await store.transition(
        finished(step, TaskStatus.CANCELLED), user, attempt=1, held_steps=[step], counts=cancel
    )
    assert ended.applied
    after = (await stats.windows()).outcomes["1m"]
    assert after == {**before, "cancelled": before["cancelled"] + 1}
    statuses = [loads(e)["data"]["status"] for e in await store.history(task_id, after_seq=2)]
    assert statuses == ["PROCESSING", "CANCELLED"]


async def test_the_terminal_write_of_the_attempt_holding_the_job_ends_it(
    store: TaskStore, redis_client: aioredis.Redis
) -> None:
    """The worker's end of its task also ends arq's job (no finish of its own): the job, its lease and
    its queue entry go with the write, and stay while a write of a fenced-off attempt is refused."""
    user = uuid4().hex
    task_id = await create(store, user)
    job_keys = [keys.arq_job(task_id), keys.arq_in_progress(task_id), keys.arq_retry(task_id)]
    await redis_client.set(keys.arq_in_progress(task_id), "1", px=60_000)  # the claim's lease
    await redis_client.set(keys.arq_retry(task_id), 1, ex=60)
    first = started((await store.get(task_id)).dto, expected_duration_s=1)  # type: ignore[union-attr]
    assert (await store.transition(first, user, attempt=1, starts=True)).applied
    assert (await store.transition(handed_back(first), user, expected=TaskStatus.PROCESSING)).applied
    second = started(handed_back(first), expected_duration_s=1)
    assert (await store.transition(second, user, attempt=2, starts=True)).applied
    stale = await store.transition(finished(first, TaskStatus.COMPLETED), user, attempt=1, ends_job=True)
    assert stale.stale
    assert await redis_client.exists(*job_keys) == 3
    ended = await store.transition(finished(second, TaskStatus.FAILED), user, attempt=2, ends_job=True)
    assert ended.applied
    assert await redis_client.exists(*job_keys) == 0
    assert await redis_client.zscore(store.settings.queue_name, task_id) is None

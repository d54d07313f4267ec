"""When a PENDING task will be done (TaskDTO.estimated_completion), worked out afresh on every read.

The estimate is not stored: each read of a PENDING task (the 202 of a POST, its status, the operators'
view, the by-message listing, the first frame of its stream) computes it, so it moves as the queue
drains. A worker replaces it with its own when it starts the task (shared.task_states.started).

Every task is taken to run for `run` seconds, and the slots of the live workers take queued tasks in
queue order (lowest score first, shared.fairness):

    k     = the queued tasks ahead of it: ZCOUNT(queue, -inf, its score) less the running ones in that
            range (running tasks stay in arq's queue while they run)
    S     = the live workers' slots (the sum of their concurrency)
    f     = when each slot is free, ascending: max(0, run - elapsed) for each running task, 0 for an
            idle slot (S values)
    start = now + f[k mod S] + (k div S) * run     (the slot free first takes the next task, and so on)
    ETA   = max(start, due) + run                  (due: the end of a retry's backoff or a schedule)

With every slot idle that is now + ceil((k + 1) / S) waves of `run`. `run` is the recent run time: the
steps' p50 over the last 5 minutes (as in the queue statistics) plus the mean time a task spends between
its steps (writing its events, pacing), from the all-time sums; with no recent steps, the all-time mean
run time; with no history at all, DEFAULT_RUN_S. The end-to-end p50 less the queue-wait p50 would be
the same thing, but both are bin edges up to 25 % high, and their difference is mostly that error.

Costs: two pipelined round trips per read (the task's score, deferral and the running sets; then the
count ahead), O(log n) in the queue's length; none for the 202 of a task queued at once, whose place the
create script returns (with_placed_eta). The slow-moving inputs (slots, run time) are read at most
every INPUTS_TTL_S per process and queue. No live worker: None for a queued task (nobody will run it);
a scheduled task keeps the estimate it was accepted with (a worker may well be there by its start).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import structlog
from arq.connections import ArqRedis
from redis.exceptions import RedisError

from shared import keys
from shared.models import PIPELINE_STEPS, Priority, Step, TaskDTO, TaskStatus
from shared.stats.bins import quantile_ms
from shared.stats.store import DURATION_SLOT_S
from shared.task_states import SCHEDULED_RUN_ESTIMATE_S
from shared.task_store import QueuePlace, TaskStore
from shared.worker_registry import live_workers

log = structlog.get_logger("chartq.eta")

DEFAULT_RUN_S = SCHEDULED_RUN_ESTIMATE_S
INPUTS_TTL_S = 2.0
RECENT_SLOTS = 30  # 5 minutes of 10-second duration slots
ESTIMATED_STEPS = (Step.QUEUED, Step.SCHEDULED)
_STEPS = [step.value for step in PIPELINE_STEPS]
_TOTALS = ["completed", "sum:end_to_end", "sum:queue_wait", *(f"sum:{step}" for step in _STEPS)]


@dataclass(frozen=True)
class Inputs:
    """What changes slowly: the live workers' slots and one task's run time."""

    slots: int
    run_s: float
    read_at: float


# Per process and queue; a few seconds old at most.
_inputs: dict[str, Inputs] = {}


async def inputs(redis: ArqRedis, queue: str, now: float | None = None) -> Inputs:
    now = time.time() if now is None else now
    cached = _inputs.get(queue)
    if cached is not None:
        if now - cached.read_at < INPUTS_TTL_S:
            return cached
        # The requests that come while this one reads use the old values, rather than all reading.
        _inputs[queue] = replace(cached, read_at=now)
    workers = await live_workers(redis, queue, now)
    slot = int(now // DURATION_SLOT_S)
    async with redis.pipeline(transaction=False) as pipe:
        for s in range(slot - RECENT_SLOTS + 1, slot + 1):
            pipe.hgetall(keys.durations(queue, s))
        pipe.hmget(keys.stats_totals(queue), _TOTALS)
        replies = await pipe.execute()
    bins: dict[str, dict[int, int]] = defaultdict(dict)
    for flat in replies[:-1]:
        for name, count in flat.items():
            series, _, index = name.decode().rpartition(":")
            bins[series][int(index)] = bins[series].get(int(index), 0) + int(count)
    totals = {name: float(value) for name, value in zip(_TOTALS, replies[-1], strict=True) if value}
    fresh = Inputs(sum(w.concurrency for w in workers), run_time_s(bins, totals), now)
    _inputs[queue] = fresh
    return fresh


def run_time_s(recent_bins: dict[str, dict[int, int]], totals: dict[str, float]) -> float:
    """One task's run time (started to completed), from the steps' recent p50 and the all-time sums."""
    completed = totals.get("completed", 0.0)
    run_mean = steps_mean = 0.0
    if completed > 0:
        run_mean = (totals.get("sum:end_to_end", 0.0) - totals.get("sum:queue_wait", 0.0)) / completed
        steps_mean = sum(totals.get(f"sum:{step}", 0.0) for step in _STEPS) / completed
    p50s = [quantile_ms(recent_bins.get(step, {}), 0.5) for step in _STEPS]
    if any(p50 is None for p50 in p50s):
        return run_mean if run_mean > 0 else DEFAULT_RUN_S
    return sum(p50 for p50 in p50s if p50 is not None) / 1000 + max(0.0, run_mean - steps_mean)


def start_offset_s(ahead: int, slots: int, run_s: float, running_elapsed_s: Sequence[float]) -> float:
    """Seconds until the task with `ahead` queued tasks before it starts (the formula above)."""
    free_in = sorted(max(0.0, run_s - elapsed) for elapsed in running_elapsed_s)[:slots]
    free_in += [0.0] * (slots - len(free_in))
    free_in.sort()
    return free_in[ahead % slots] + (ahead // slots) * run_s


@dataclass(frozen=True)
class _Place:
    score: str  # its queue score as Redis keeps it
    due_ms: float | None  # when its schedule or backoff ends, if it waits in the deferred set


async def estimates(redis: ArqRedis, queue: str, task_ids: list[str]) -> dict[str, datetime | None]:
    """The estimated completion of each of these PENDING (queued or scheduled) tasks; None where no
    live worker will run it or the task is gone."""
    now = time.time()
    result: dict[str, datetime | None] = dict.fromkeys(task_ids)
    fixed = await inputs(redis, queue, now)
    if not task_ids or fixed.slots == 0:
        return result
    places, running = await _places(redis, queue, task_ids)
    async with redis.pipeline(transaction=False) as pipe:
        for place in places.values():
            pipe.zcount(queue, "-inf", f"({place.score}")
        if running:
            pipe.zmscore(queue, [member.decode() for member, _ in running])
        replies: list[Any] = await pipe.execute()
    running_scores = [s for s in replies[len(places) :][0] if s is not None] if running else []
    elapsed = [max(0.0, now - started_ms / 1000) for _, started_ms in running]
    for count, (task_id, place) in zip(replies, places.items(), strict=False):
        score = float(place.score)
        ahead = max(0, int(count) - sum(s < score for s in running_scores))
        start = now + start_offset_s(ahead, fixed.slots, fixed.run_s, elapsed)
        if place.due_ms is not None:
            start = max(start, place.due_ms / 1000)
        result[task_id] = datetime.fromtimestamp(start + fixed.run_s, UTC)
    return result


async def _places(
    redis: ArqRedis, queue: str, task_ids: list[str]
) -> tuple[dict[str, _Place], list[tuple[bytes, float]]]:
    """Each task's queue score and deferral (tasks without a score left out), and the running tasks
    with their start times (ms)."""
    async with redis.pipeline(transaction=False) as pipe:
        for task_id in task_ids:
            pipe.hget(keys.task(task_id), "queue_score")
            pipe.zscore(keys.deferred(queue), task_id)
        for priority in Priority:
            pipe.zrange(keys.running(queue, priority.value), 0, -1, withscores=True)
        replies = await pipe.execute()
    mine, theirs = replies[: 2 * len(task_ids)], replies[2 * len(task_ids) :]
    places = {
        task_id: _Place(score.decode(), due)
        for task_id, score, due in zip(task_ids, mine[0::2], mine[1::2], strict=True)
        if score is not None
    }
    running = [member for reply in theirs for member in reply]
    return places, running


def _estimated(task: TaskDTO) -> bool:
    return task.status == TaskStatus.PENDING and task.current_step in ESTIMATED_STEPS


async def with_etas(store: TaskStore, tasks: list[TaskDTO]) -> list[TaskDTO]:
    """These tasks, each PENDING one (queued or scheduled) with its estimated completion as of now.

    The estimate is an extra: when Redis fails while it is read, the tasks are answered as they are
    (the task was read, or even created, already)."""
    pending = [task.task_id for task in tasks if _estimated(task)]
    if not pending:
        return tasks
    try:
        etas = await estimates(store.redis, store.settings.queue_name, pending)
    except (RedisError, OSError) as exc:
        log.warning("could not estimate completion", error=repr(exc))
        return tasks
    return [_updated(task, etas) if task.task_id in etas else task for task in tasks]


def _updated(task: TaskDTO, etas: dict[str, datetime | None]) -> TaskDTO:
    eta = etas[task.task_id]
    if eta is None and task.current_step == Step.SCHEDULED:
        return task  # no worker now, but one may be there by its start: keep its accepted estimate
    return task.model_copy(update={"estimated_completion": eta})


async def with_placed_eta(store: TaskStore, task: TaskDTO, place: QueuePlace | None) -> TaskDTO:
    """`task`, just queued at `place` (what the create script read as it queued it), with its estimate:
    the same formula without reading the queue again. Without a place (scheduled, waiting for other
    tasks, or an existing task answered), as with_eta."""
    if place is None or not _estimated(task):
        return await with_eta(store, task)
    now = time.time()
    try:
        fixed = await inputs(store.redis, store.settings.queue_name, now)
    except (RedisError, OSError) as exc:
        log.warning("could not estimate completion", error=repr(exc))
        return task
    if fixed.slots == 0:
        return task.model_copy(update={"estimated_completion": None})
    elapsed = [max(0.0, now - started_ms / 1000) for started_ms in place.running_started_ms]
    start = now + start_offset_s(place.ahead, fixed.slots, fixed.run_s, elapsed)
    return task.model_copy(update={"estimated_completion": datetime.fromtimestamp(start + fixed.run_s, UTC)})


async def with_eta(store: TaskStore, task: TaskDTO) -> TaskDTO:
    (updated,) = await with_etas(store, [task])
    return updated

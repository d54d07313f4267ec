"""The task hash, its event history and the message index in Redis (key names in `shared.keys`)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast
from uuid import uuid4

from arq.connections import ArqRedis

from shared import keys
from shared.fairness import BAND_RANK, fairness_key, front_of_band
from shared.job import ChartJob, job_kwargs, job_payload
from shared.lua.tasks import CREATE_TASK, MARK_CHART_DELETED, RESERVE_ROOM, RESTORE_JOB, TRANSITION
from shared.models import Priority, TaskDTO, TaskStatus
from shared.redis import dumps, loads
from shared.replication import ReplicaAck
from shared.settings import Settings
from shared.stats.store import OutcomeCount


@dataclass(frozen=True)
class StoredTask:
    dto: TaskDTO
    user_id: str
    org: str
    cancel_requested: bool
    # The chart job's keyword arguments as stored (unvalidated: shared.job.ChartJob validates them where
    # they are used), and arq's serialized job (to enqueue it again if arq lost it).
    job: dict[str, Any]
    job_payload: bytes
    # Its place in arq's queue, given when it was accepted (shared.fairness); kept by every requeue.
    queue_score: float
    # A task it depended on ended other than COMPLETED: it must not run (dependency_failed).
    dependency_failed: bool = False


# The task hash's fields a StoredTask is read from, in this order (also by shared.lua.queue.CLAIM_NEXT).
STORED_FIELDS = ("dto", "user", "org", "cancel", "job", "queue_score", "dep_failed")


def stored_task(values: list[Any]) -> StoredTask | None:
    """The task from its hash's STORED_FIELDS values; None when it has expired or never existed."""
    dto, user, org, cancel, job, score, dep_failed = values
    if dto is None:
        return None
    task = TaskDTO.model_validate_json(dto)
    return StoredTask(
        dto=task,
        user_id=user.decode(),
        org=(org or b"").decode(),
        cancel_requested=cancel == b"1",
        job=job_kwargs(job) if job else {},
        job_payload=job or b"",
        queue_score=float(score) if score else front_of_band(task.priority),
        dependency_failed=dep_failed == b"1",
    )


Outcome = Literal["created", "existing", "user_cap", "queue_full", "too_many_writes"]


@dataclass(frozen=True)
class QueuePlace:
    """Where a task just queued stands: the queued tasks ahead of it, and when each running one started."""

    ahead: int
    running_started_ms: tuple[float, ...]


@dataclass(frozen=True)
class WriteWindow:
    """The caller's writes counter for this clock minute (`keys.user_writes`), counted by the create
    script itself (one round trip fewer per creation): past `limit` the creation is refused
    "too_many_writes". Operators and a batch's creations (counted when the batch was accepted) pass none."""

    key: str
    limit: int
    ttl_seconds: int
    # When the window's minute ends (epoch seconds): what a refusal's Retry-After counts down to.
    ends_at: float = 0.0


@dataclass(frozen=True)
class CreateResult:
    outcome: Outcome
    task_id: str
    count: int = 0
    # Set when the task went straight into the queue (not scheduled, not waiting for dependencies).
    place: QueuePlace | None = None


# How long a batch's reserved room is held at most: the API process creating it may die mid-batch.
RESERVATION_TTL_MS = 30_000


ReserveOutcome = Literal["reserved", "user_cap", "queue_full"]


@dataclass(frozen=True)
class Reservation:
    """A batch's room decision (TaskStore.reserve): `outcome` "reserved" when it fits, with the id its
    creates pass (TaskStore.create's `reservation`); else "user_cap" or "queue_full". `new` is how many
    tasks the batch needs, `held` the user's active tasks (for "user_cap" and "reserved") or the queue's
    depth (for "queue_full"), either counting room other batches reserved."""

    outcome: ReserveOutcome
    reservation_id: str
    new: int
    held: int


@dataclass(frozen=True)
class TransitionResult:
    applied: bool
    seq: int
    current_status: str
    envelope: bytes | None = None
    # Refused because a newer attempt runs the task, or this attempt was handed back (fenced off).
    stale: bool = False
    # The task's user asked to cancel it: a COMPLETED refused for that, or any transition applied since.
    cancel_requested: bool = False


class TaskStore:
    def __init__(self, redis: ArqRedis, settings: Settings) -> None:
        self.redis = redis
        self.settings = settings
        self._create = redis.register_script(CREATE_TASK)
        self._reserve = redis.register_script(RESERVE_ROOM)
        self._transition = redis.register_script(TRANSITION)
        self._restore_job = redis.register_script(RESTORE_JOB)
        self._mark_chart_deleted = redis.register_script(MARK_CHART_DELETED)
        self._acks = ReplicaAck.for_settings(redis, settings)

    async def create(
        self,
        dto: TaskDTO,
        job: ChartJob,
        start_at_ms: int = 0,
        depends_on: Sequence[str] = (),
        *,
        completed_answers: bool = False,
        reservation: str = "",
        writes: WriteWindow | None = None,
    ) -> CreateResult:
        """Stores, indexes and enqueues a task, unless the same request is already active (or, with
        `completed_answers`, completed with a chart that was not deleted: the caller found no chart for
        the message an instant before the task completed). With a later
        `start_at_ms` the task waits in the deferred set until then (shared.deferred) instead; with
        `depends_on`, until the last of those tasks ends (shared.lua.tasks.TRANSITION releases it).
        Under a `reservation` of its batch (`reserve`) a new task takes its room from it instead of
        being checked against the caps; without one, room other batches reserved counts as taken."""
        now_ms = int(time.time() * 1000)
        payload = job_payload(job, now_ms)
        user_id, request = job.user_id, job.request_key
        # A scheduled task's state lives until its start, and then as long as any task's.
        ttl = self.settings.task_ttl_seconds + max(0, (start_at_ms - now_ms) // 1000)
        prefix, suffix = keys.task("\0").split("\0")
        # Acknowledged once a replica has it, when that is asked for (shared.replication).
        raw = await self._acks.run(
            self._create,
            keys=[
                keys.task(dto.task_id),
                keys.task_events(dto.task_id),
                keys.task_channel(dto.task_id),
                keys.user_channel(user_id),
                keys.user_active(user_id),
                keys.message_index(user_id, dto.message_id),
                keys.active_request(user_id, dto.message_id, request),
                self.settings.queue_name,
                keys.arq_job(dto.task_id),
                keys.stats_totals(self.settings.queue_name),
                keys.wake(self.settings.queue_name),
                keys.fairness(self.settings.queue_name),
                keys.queued_users(self.settings.queue_name),
                keys.deferred(self.settings.queue_name),
                *(keys.running(self.settings.queue_name, p.value) for p in Priority),
                keys.user_reservations(user_id),
                keys.queue_reservations(self.settings.queue_name),
                writes.key if writes else keys.user_writes(user_id, 0),
            ],
            args=[
                dto.task_id,
                dto.model_dump_json(),
                ttl,
                self.settings.event_history_size,
                user_id,
                job.org,
                request,
                payload,
                BAND_RANK[dto.priority],
                ttl * 1000,
                self.settings.max_active_tasks_per_user,
                self.settings.max_queue_length,
                prefix,
                suffix,
                dto.message_id,
                fairness_key(user_id, job.org),
                start_at_ms,
                dumps(list(depends_on)),
                "1" if completed_answers else "0",
                reservation,
                writes.limit if writes else 0,
                writes.ttl_seconds if writes else 0,
            ],
            when=lambda reply: reply[0] == b"created",
        )
        outcome: Outcome = raw[0].decode()
        value: str = raw[1].decode()
        if outcome in ("user_cap", "queue_full", "too_many_writes"):
            return CreateResult(outcome, "", int(value))
        if len(raw) > 2:  # queued at once: its place comes back too
            place = QueuePlace(int(raw[2]), tuple(float(ms) for ms in raw[3]))
            return CreateResult(outcome, value, place=place)
        return CreateResult(outcome, value)

    async def reserve(
        self, user_id: str, request_keys: Sequence[tuple[str, str]], ttl_ms: int = RESERVATION_TTL_MS
    ) -> Reservation:
        """Reserves, in one step, the room a batch needs in the user's active-task cap and in the queue:
        one task for each (message id, request key) whose request has no active task. Creates passing
        the id use it up; `release` gives back what is left; unreleased room lapses after
        `ttl_ms` (RESERVATION_TTL_MS)."""
        reservation_id = uuid4().hex
        queue = self.settings.queue_name
        prefix, suffix = keys.task("\0").split("\0")
        raw = await self._reserve(
            keys=[
                keys.user_active(user_id),
                queue,
                keys.user_reservations(user_id),
                keys.queue_reservations(queue),
                *(keys.active_request(user_id, message_id, request) for message_id, request in request_keys),
            ],
            args=[
                reservation_id,
                self.settings.max_active_tasks_per_user,
                self.settings.max_queue_length,
                ttl_ms,
                prefix,
                suffix,
            ],
        )
        outcome: ReserveOutcome = raw[0].decode()
        return Reservation(outcome, reservation_id, int(raw[1]), int(raw[2]))

    async def release(self, user_id: str, reservation_id: str) -> None:
        """Gives back the room a reservation still holds (its batch is created, or refused)."""
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hdel(keys.user_reservations(user_id), reservation_id)
            pipe.hdel(keys.queue_reservations(self.settings.queue_name), reservation_id)
            await pipe.execute()

    async def chart_deleted(self, task_id: str) -> None:
        """Remembers that the chart of `task_id` was deleted, so the task no longer answers for it."""
        await self._mark_chart_deleted(keys=[keys.task(task_id)])

    async def get(self, task_id: str) -> StoredTask | None:
        values = await cast(Awaitable[list[Any]], self.redis.hmget(keys.task(task_id), list(STORED_FIELDS)))
        return stored_task(values)

    async def get_many(self, task_ids: list[str]) -> list[TaskDTO]:
        if not task_ids:
            return []
        async with self.redis.pipeline(transaction=False) as pipe:
            for task_id in task_ids:
                pipe.hget(keys.task(task_id), "dto")
            raws = await pipe.execute()
        return [TaskDTO.model_validate_json(raw) for raw in raws if raw is not None]

    async def transition(
        self,
        dto: TaskDTO,
        user_id: str,
        *,
        expected: TaskStatus | None = None,
        extra: dict[str, str] | None = None,
        attempt: int = 0,
        starts: bool = False,
        held_steps: Sequence[TaskDTO] = (),
        counts: OutcomeCount | None = None,
        ends_job: bool = False,
    ) -> TransitionResult:
        """Writes a new TaskDTO and publishes it, unless the task already ended (terminal is sticky).

        `attempt` > 0 marks a write of that attempt of a worker, fenced (shared.lua.tasks.TRANSITION): refused
        (`stale`) once a newer attempt started or the task was handed back; `starts` for the write that
        starts it, which must be newer than the current attempt. `held_steps`, PROCESSING step entries of
        the same attempt not sent yet, are written first in the same script, each with its own event; the
        result is the first one refused, else this write's. `counts`, a terminal write's statistics, are
        recorded by the same script when the write is applied; `ends_job`, set by the worker running the
        task's arq job, ends that job with a terminal write that is applied (arq's finish is then skipped:
        worker.runtime.arq_worker)."""
        args: list[Any] = [
            dto.task_id,
            dto.status.value,
            dto.model_dump_json(),
            self.settings.task_ttl_seconds,
            self.settings.event_history_size,
            expected.value if expected else "",
            attempt,
            "1" if starts else "0",
            len(held_steps),
            *(step.model_dump_json() for step in held_steps),
            len(counts.args) if counts else 0,
            *(counts.args if counts else ()),
            "1" if ends_job else "0",
        ]
        for field, value in (extra or {}).items():
            args += [field, value]
        seq, detail, *cancel = await self._transition(
            keys=[
                keys.task(dto.task_id),
                keys.task_events(dto.task_id),
                keys.task_channel(dto.task_id),
                keys.user_channel(user_id),
                keys.user_active(user_id),
                keys.running(self.settings.queue_name, dto.priority.value),
                keys.stats_totals(self.settings.queue_name),
                keys.queued_users(self.settings.queue_name),
                self.settings.queue_name,
                keys.wake(self.settings.queue_name),
                *(counts.keys if counts else ()),
                *(_job_keys(dto.task_id) if ends_job else ()),
            ],
            args=args,
        )
        if seq > 0:
            return TransitionResult(True, seq, dto.status.value, detail, cancel_requested=cancel == [b"1"])
        return TransitionResult(False, 0, detail.decode(), stale=seq == -2, cancel_requested=seq == -3)

    async def restore_job(self, task_id: str, priority: Priority, lease_ms: int) -> bool:
        """Puts back arq's job, queue entry and (for a running task) in-progress marker that a fenced-off
        attempt's worker deleted when it ended its copy of the job (shared.lua.tasks.RESTORE_JOB)."""
        queue = self.settings.queue_name
        restored = await self._restore_job(
            keys=[
                keys.task(task_id),
                keys.arq_in_progress(task_id),
                keys.arq_job(task_id),
                queue,
                keys.wake(queue),
            ],
            args=[
                task_id,
                front_of_band(priority),
                lease_ms,
                self.settings.task_ttl_seconds * 1000,
            ],
        )
        return bool(restored)

    async def last_worker(self, task_id: str) -> str | None:
        """The worker the task's latest attempt started on."""
        raw = await cast(Awaitable[bytes | None], self.redis.hget(keys.task(task_id), "worker"))
        return raw.decode() if raw else None

    async def request_cancel(self, task_id: str) -> None:
        """Asks the worker running the task to stop; arq cancels the job at its next poll."""
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(keys.task(task_id), "cancel", "1")
            pipe.zadd(keys.ARQ_ABORT_SET, {task_id: int(time.time() * 1000)})
            pipe.expire(keys.ARQ_ABORT_SET, self.settings.task_ttl_seconds)
            await pipe.execute()

    async def dequeue(self, task_id: str) -> None:
        """Drops a job that has not started yet from arq's queue, and its entry among the tasks parked
        until a start time or a retry's backoff (which the queue's `deferred` count reads)."""
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.zrem(self.settings.queue_name, task_id)
            pipe.zrem(keys.deferred(self.settings.queue_name), task_id)
            pipe.delete(keys.arq_job(task_id))
            await pipe.execute()

    async def history(self, task_id: str, after_seq: int = 0) -> list[bytes]:
        """Envelopes with seq > after_seq, oldest first (as far back as the capped history goes)."""
        envelopes = await cast(Awaitable[list[bytes]], self.redis.lrange(keys.task_events(task_id), 0, -1))
        return [env for env in envelopes if loads(env)["seq"] > after_seq]

    async def latest_events(self, task_ids: list[str]) -> list[bytes]:
        """The newest envelope of each task that still has one (its current state, with its seq)."""
        async with self.redis.pipeline(transaction=False) as pipe:
            for task_id in task_ids:
                pipe.lindex(keys.task_events(task_id), -1)
            raws = await pipe.execute()
        return [raw for raw in raws if raw is not None]

    async def active_task_ids(self, user_id: str) -> list[str]:
        members = await cast(Awaitable[set[bytes]], self.redis.smembers(keys.user_active(user_id)))
        return [member.decode() for member in members]

    async def message_task_ids(self, user_id: str, message_id: str) -> list[str]:
        index = keys.message_index(user_id, message_id)
        raw = await cast(Awaitable[dict[bytes, bytes]], self.redis.hgetall(index))
        return [task_id.decode() for task_id in raw]


def _job_keys(task_id: str) -> tuple[str, ...]:
    """The keys of a task's arq job that its end removes (shared.lua.queue.END_JOB_FUNCTION)."""
    return (keys.arq_in_progress(task_id), keys.arq_job(task_id), keys.arq_retry(task_id), keys.ARQ_ABORT_SET)

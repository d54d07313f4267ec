"""Every Redis key and channel chartq uses, in one place.

Each key chartq writes carries a TTL (see `shared.task_store`), so an abandoned task cleans itself up.
Keys of one task share the `{task_id}` hash tag so that a Lua script touching them stays on one slot.
"""

from __future__ import annotations

PREFIX = "chartq"

# arq's own keys (the queue sorted set is configurable, see Settings.queue_name).
ARQ_JOB_PREFIX = "arq:job:"
ARQ_ABORT_SET = "arq:abort"
ARQ_IN_PROGRESS_PREFIX = "arq:in-progress:"
ARQ_RETRY_PREFIX = "arq:retry:"
# String: what /ready writes (with a short expiry) to prove Redis takes writes.
READY = f"{PREFIX}:ready"


def task(task_id: str) -> str:
    """Hash: the task's TaskDTO as JSON plus the fields the scripts check (status, user, seq)."""
    return f"{PREFIX}:task:{{{task_id}}}"


def task_events(task_id: str) -> str:
    """List: the last N event envelopes of a task, for replay after a reconnect."""
    return f"{PREFIX}:task:{{{task_id}}}:events"


def task_channel(task_id: str) -> str:
    """Pub/sub channel: status_update envelopes of one task."""
    return f"{PREFIX}:events:task:{task_id}"


def user_channel(user_id: str) -> str:
    """Pub/sub channel: status_update envelopes of every task of one user."""
    return f"{PREFIX}:events:user:{user_id}"


def message_index(user_id: str, message_id: str) -> str:
    """Hash: task_id -> request key, for every task made from one chat message."""
    return f"{PREFIX}:msg:{user_id}:{message_id}"


def active_request(user_id: str, message_id: str, request_key: str) -> str:
    """String: the task currently working on (message, adjustment); makes re-posting idempotent."""
    return f"{PREFIX}:active:{user_id}:{message_id}:{request_key}"


def user_active(user_id: str) -> str:
    """Set: the user's PENDING and PROCESSING task ids (the per-user backpressure cap)."""
    return f"{PREFIX}:user:{user_id}:active"


def user_reservations(user_id: str) -> str:
    """Hash: reservation id -> "<tasks left>:<expires at ms>", the room in the user's active-task cap
    that batches being created hold (shared.lua.tasks.RESERVE_ROOM); every other create counts it as
    taken. An entry past its expiry (its API process died) is ignored and dropped."""
    return f"{PREFIX}:user:{user_id}:reserved"


def user_streams(user_id: str) -> str:
    """Sorted set: the user's open SSE and WebSocket streams, scored by when each lease expires (ms).

    Each open stream renews its lease as it sends keep-alives; a member past its score belongs to a
    process that died and is dropped when counting (the per-user stream cap)."""
    return f"{PREFIX}:user:{user_id}:streams"


def user_writes(user_id: str, epoch_minute: int) -> str:
    """String: the user's writes in one clock minute (the per-user write rate limit)."""
    return f"{PREFIX}:user:{user_id}:writes:{epoch_minute}"


def batch(batch_id: str) -> str:
    """Hash: a batch of chart tasks: its owner, its task ids (JSON, in the order asked), when it was
    created, and its outcome once it has ended (set once: the outcome is counted once)."""
    return f"{PREFIX}:batch:{{{batch_id}}}"


def open_batches(queue: str) -> str:
    """Sorted set: batch ids not yet seen to end, scored by creation time (ms): the active batches."""
    return f"{PREFIX}:{{{queue}}}:batches:open"


def queue_reservations(queue: str) -> str:
    """Hash: reservation id -> "<tasks left>:<expires at ms>", the room in the queue that batches being
    created hold (as `user_reservations`, for CHARTQ_MAX_QUEUE_LENGTH)."""
    return f"{PREFIX}:{{{queue}}}:reserved"


def batch_totals(queue: str) -> str:
    """Hash: all-time batch counters (created, tasks, and one per outcome), for /metrics."""
    return f"{PREFIX}:{{{queue}}}:batches:totals"


def arq_job(task_id: str) -> str:
    return ARQ_JOB_PREFIX + task_id


# Operations, per queue (several deployments may share one Redis): running tasks, the worker registry,
# statistics. See shared.stats.store and shared.worker_registry.


def running(queue: str, priority: str) -> str:
    """Sorted set: task ids of one priority now PROCESSING, scored by start time (ms)."""
    return f"{PREFIX}:{{{queue}}}:running:{priority}"


def workers(queue: str) -> str:
    """Sorted set: worker id -> last heartbeat (ms), for the workers serving this queue."""
    return f"{PREFIX}:{{{queue}}}:workers"


def worker(worker_id: str) -> str:
    """String: one worker's heartbeat as JSON (host, pid, concurrency, counters); expires when it stops."""
    return f"{PREFIX}:worker:{worker_id}"


def stats_prefix(queue: str) -> str:
    """Prefix of the per-second ("s:<epoch s>"), per-minute ("m:<epoch min>") outcome hashes and the
    per-10-second duration hashes ("d:<epoch s // 10>")."""
    return f"{PREFIX}:{{{queue}}}:stats:"


def outcomes_by_second(queue: str, epoch_second: int) -> str:
    return f"{stats_prefix(queue)}s:{epoch_second}"


def outcomes_by_minute(queue: str, epoch_minute: int) -> str:
    return f"{stats_prefix(queue)}m:{epoch_minute}"


def durations(queue: str, epoch_10s: int) -> str:
    return f"{stats_prefix(queue)}d:{epoch_10s}"


def stats_totals(queue: str) -> str:
    """Hash: all-time counters, histogram bins and sums, for /metrics."""
    return f"{stats_prefix(queue)}totals"


def recent_failures(queue: str) -> str:
    """List: the newest failures as JSON."""
    return f"{stats_prefix(queue)}failures"


def depth_history(queue: str) -> str:
    """List: queue depth samples, newest first, for the dashboard."""
    return f"{stats_prefix(queue)}depth"


def depth_sample_lock(queue: str, slot: int) -> str:
    """String: taken by the one process that records the queue depth sample of a slot."""
    return f"{stats_prefix(queue)}depth-lock:{slot}"


def reaper_lock(queue: str) -> str:
    """String: held by the one worker that looks for orphaned tasks in this pass."""
    return f"{PREFIX}:{{{queue}}}:reaper-lock"


def arq_in_progress(task_id: str) -> str:
    """String: arq's marker that a worker holds the job; deleting it lets another worker take it."""
    return ARQ_IN_PROGRESS_PREFIX + task_id


def arq_retry(task_id: str) -> str:
    """String: arq's count of a job's pickups (chartq counts attempts itself: worker.task.attempts)."""
    return ARQ_RETRY_PREFIX + task_id


def wake(queue: str) -> str:
    """List: one token per newly enqueued task; idle workers BLPOP it instead of polling the queue."""
    return f"{PREFIX}:{{{queue}}}:wake"


def pending_runs(queue: str) -> str:
    """Hash: task id -> run record (JSON) of a task that ended while the database was away; the workers
    write each to SQL (an upsert) once it is back, and drop it (worker.runtime.heartbeat)."""
    return f"{PREFIX}:{{{queue}}}:pending-runs"


def deferred(queue: str) -> str:
    """Sorted set: task id -> when it may run again (ms), for tasks waiting out a retry's backoff. A
    worker moves each due one back into the queue at its old score, so a retry keeps its place in its
    priority band (arq's own deferral scores it after every band)."""
    return f"{PREFIX}:{{{queue}}}:deferred"


def fairness(queue: str) -> str:
    """Hash: the round-robin state of the queue's priority bands (shared.fairness): each band's current
    round ("round:<rank>") and the round of each user's or org's newest task ("last:<rank>:<key>")."""
    return f"{PREFIX}:{{{queue}}}:fairness"


def queued_users(queue: str) -> str:
    """Sorted set: user id -> how many of the user's tasks are PENDING, for the operators' view of who
    fills the queue (a user is dropped at zero)."""
    return f"{PREFIX}:{{{queue}}}:queued-users"


def schedules_due(queue: str) -> str:
    """Sorted set: chart id -> when its schedule is next due (ms); while one worker fires it, a lease
    (now + the lease) instead, so no other claims it (shared.lua.schedules.CLAIM_SCHEDULE). SQL holds the
    schedules (chart_schedules); workers put back what a lost Redis forgot (worker.runtime.scheduler)."""
    return f"{PREFIX}:{{{queue}}}:schedules-due"


def schedule_totals(queue: str) -> str:
    """Hash: runs of schedules fired and failed since the start (Prometheus counters)."""
    return f"{PREFIX}:{{{queue}}}:schedule-totals"

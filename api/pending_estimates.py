"""A PENDING task's events as the streams send them: with its estimated completion as of now.

The scripts that write a PENDING state (a task accepted, retried, handed back, released by the tasks it
depends on) publish it without an estimate: it depends on the queue around the task and on the live
workers, which the scripts do not weigh. The gateways add it (shared.eta) to each PENDING event before
they send it, as the REST status does, so a frontend that follows a task or a user sees when its chart
should be ready from the first frame, not only once the task runs.

One estimate per event per API process, however many streams relay it: with 1,000 subscribers on one
task, one estimate, not 1,000.
"""

from __future__ import annotations

import asyncio

import orjson

from api.pubsub import Event
from shared.eta import with_eta
from shared.models import TaskDTO
from shared.task_store import TaskStore

# How long an estimated event is reused for the streams that relay the same event.
KEPT_S = 10.0


async def estimated(store: TaskStore, event: Event) -> Event:
    """`event` with the task's estimated completion as of now (the same event when it is not PENDING,
    or when the estimate does not change it)."""
    if not event.pending:
        return event
    envelope = orjson.loads(event.raw)
    task = TaskDTO.model_validate(envelope["data"])
    updated = await with_eta(store, task)
    if updated.estimated_completion == task.estimated_completion:
        return event
    envelope["data"] = updated.model_dump(mode="json")
    return Event.parse(orjson.dumps(envelope))


class PendingEstimates:
    """`estimated`, shared by every stream of one process: the first stream to relay a PENDING event
    estimates it, and the others, for KEPT_S, get what it found."""

    def __init__(self, store: TaskStore) -> None:
        self._store = store
        self._found: dict[tuple[str, int], asyncio.Future[Event]] = {}

    async def of(self, event: Event) -> Event:
        if not event.pending:
            return event
        key = (event.task_id, event.seq)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = asyncio.ensure_future(estimated(self._store, event))
            asyncio.get_running_loop().call_later(KEPT_S, self._found.pop, key, None)
        try:
            # Shielded: a stream that stops waiting must not cancel the estimate the others wait for.
            return await asyncio.shield(found)
        except Exception:  # an estimate is an extra: the event as published
            return event

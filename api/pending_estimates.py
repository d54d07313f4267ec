"""A PENDING task's events as the streams send them: with its estimated completion as of now.

The scripts that write a PENDING state (a task accepted, retried, handed back, released by the tasks it
depends on) publish it without an estimate: it depends on the queue around the task and on the live
workers, which the scripts do not weigh. The gateways add it (shared.eta) to each PENDING event before
they send it, as the REST status does, so a frontend that follows a task or a user sees when its chart
should be ready from the first frame, not only once the task runs.

One estimate per event per API process for the streams that relay it at once: when a PENDING event is
published, its 1,000 subscribers ask together and share one estimate. Nothing is kept once it is found:
a stream that opens later estimates again, as of its own now, and an idle stream's memory holds no
estimate (figure g measures it; keeping each one ten seconds cost about 1.5 KiB per new stream).
"""

from __future__ import annotations

import asyncio

import orjson

from api.pubsub import Event
from shared.eta import with_eta
from shared.models import TaskDTO
from shared.task_store import TaskStore


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
    """`estimated`, shared by every stream of one process that asks while it is being found."""

    def __init__(self, store: TaskStore) -> None:
        self._store = store
        self._finding: dict[tuple[str, int], asyncio.Future[Event]] = {}

    async def of(self, event: Event) -> Event:
        if not event.pending:
            return event
        key = (event.task_id, event.seq)
        finding = self._finding.get(key)
        if finding is None:
            finding = self._finding[key] = asyncio.ensure_future(estimated(self._store, event))
            finding.add_done_callback(lambda _: self._finding.pop(key, None))
        try:
            # Shielded: a stream that stops waiting must not cancel the estimate the others wait for.
            return await asyncio.shield(finding)
        except Exception:  # an estimate is an extra: the event as published
            return event

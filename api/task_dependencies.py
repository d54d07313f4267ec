"""What a new task waits for (`depends_on`, DESIGN.md): the caller's own tasks, checked here, plus, for
an adjustment, the base chart task of its message while that is still active (so a follow-up posted
while its chart is being made changes that chart, not an older one).

A task can only depend on tasks that exist before it, so no cycle can form. The wait and the release
are the store's (shared.lua.tasks.CREATE_TASK and TRANSITION); the counts here only word the first status.
"""

from __future__ import annotations

from dataclasses import dataclass

from api.access import owned_task
from api.deps import database_session
from api.errors import ApiError
from api.state import AppState
from shared import keys
from shared.auth import Principal
from shared.job import request_key
from shared.models import ACTIVE_STATUSES, TaskStatus
from shared.task_store import TaskStore


@dataclass(frozen=True)
class Dependencies:
    task_ids: list[str]
    # How many of them are still active (for the accepted task's "Waiting for N charts" message).
    active: int
    # Whether one of them already ended FAILED or CANCELLED: the new task will end dependency_failed.
    failed: bool = False


async def resolve_dependencies(
    state: AppState,
    user: Principal,
    *,
    message_id: str,
    adjustment_query: str | None,
    depends_on: list[str],
) -> Dependencies:
    """The tasks the new one waits for; 422 naming any that is not one of the caller's tasks. One that
    already COMPLETED is left out: nothing to wait for, and past its Redis hash's life (read here from
    its SQL run record) the create script would take it for gone and fail the new task."""
    store = state.store
    task_ids, active, failed, unknown = [], 0, False, []
    if depends_on:
        async with database_session(state) as db:
            for task_id in dict.fromkeys(depends_on):
                try:
                    task = await owned_task(store, db, user, task_id)
                except ApiError:
                    unknown.append(task_id)
                    continue
                if task.status != TaskStatus.COMPLETED:
                    task_ids.append(task_id)
                    active += task.status in ACTIVE_STATUSES
                    failed |= task.status in (TaskStatus.FAILED, TaskStatus.CANCELLED)
    if unknown:
        raise ApiError(422, "unknown_dependencies", f"depends_on names tasks that are not yours: {unknown}")
    base = await active_base_task(store, user.user_id, message_id) if adjustment_query else None
    if base is not None and base not in task_ids:
        task_ids.append(base)
        active += 1
    return Dependencies(task_ids, active, failed)


async def active_base_task(store: TaskStore, user_id: str, message_id: str) -> str | None:
    """The message's own chart task (no adjustment), while it is still PENDING or PROCESSING."""
    raw = await store.redis.get(keys.active_request(user_id, message_id, request_key(None)))
    if raw is None:
        return None
    stored = await store.get(raw.decode())
    return stored.dto.task_id if stored and stored.dto.status in ACTIVE_STATUSES else None

"""A task's step entries held back for a moment, to go with the task's next write in the same script: a
fast task's middle steps then cost no round trip of their own (docs/performance.md). A step that lasts
longer than HOLD_SECONDS is sent on its own when the hold ends, so a client following a slow step sees
it entered at most that much later; every step still gets its own event and seq, in order."""

from __future__ import annotations

import asyncio

from shared.models import TaskDTO
from shared.task_store import TaskStore, TransitionResult

# Below what a person watching a progress bar can notice, above a fast task's whole middle.
HOLD_SECONDS = 0.02


class HeldSteps:
    def __init__(self, store: TaskStore) -> None:
        self.store = store
        self.steps: list[TaskDTO] = []
        self._writer = ("", 0)  # the user id and attempt the held steps are written for
        self._timer: asyncio.TimerHandle | None = None
        self._sending: asyncio.Task[None] | None = None
        self._refused: TransitionResult | None = None
        self._failed: Exception | None = None

    def hold(self, dto: TaskDTO, user_id: str, attempt: int) -> None:
        self.steps.append(dto)
        self._writer = (user_id, attempt)
        if self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(HOLD_SECONDS, self._send_alone)

    async def take(self) -> tuple[list[TaskDTO], TransitionResult | None]:
        """The steps still held, for the next write to carry, and the refusal a step sent on its own met
        (the task ended elsewhere, or this attempt was fenced off), if one did. Waits for such a send in
        flight, so the steps stay in order; raises the Redis error it met."""
        self._cancel_timer()
        if self._sending is not None:
            # Shielded: a cancel of the task waiting here must not cut the send short.
            await asyncio.shield(self._sending)
            self._sending = None
        failed, self._failed = self._failed, None
        if failed is not None:
            self.steps.clear()
            raise failed
        refused, self._refused = self._refused, None
        steps, self.steps = self.steps, []
        return steps, refused

    def drop(self) -> None:
        """Forgets the held steps: the attempt ended, or is being handed back."""
        self._cancel_timer()
        self.steps.clear()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _send_alone(self) -> None:
        self._timer = None
        if self._sending is not None and not self._sending.done():
            # The steps held before are still on their way: these go after them.
            self._timer = asyncio.get_running_loop().call_later(HOLD_SECONDS, self._send_alone)
            return
        if self._failed is not None or self._refused is not None:
            return  # the next write meets that first
        steps, self.steps = self.steps, []
        if steps:
            self._sending = asyncio.create_task(self._send(steps))

    async def _send(self, steps: list[TaskDTO]) -> None:
        user_id, attempt = self._writer
        try:
            outcome = await self.store.transition(steps[-1], user_id, attempt=attempt, held_steps=steps[:-1])
        except Exception as exc:  # for the task's next write to meet, as if it had sent the steps
            self._failed = exc
            return
        if not outcome.applied:
            self._refused = outcome

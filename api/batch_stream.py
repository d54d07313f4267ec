"""The server-sent events of one batch: its BatchDTO now, then again on every change of any of its
tasks, ending once every task has ended.

It rides the caller's user channel (`keys.user_channel`, every event of every task of the user) on the
process's one pub/sub connection: subscribe, wait for Redis to confirm, then read the tasks' state, so
an event published at any moment is in what was read or in what arrives (seqs already read are skipped).
Each frame carries `id: <version>`, the sum of its tasks' event seqs, which rises with every change.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

from api.batch_views import BatchView, load_view, record_outcome
from api.event_stream import Follower
from api.pubsub import Event
from api.state import AppState
from shared import keys
from shared.batch_store import BatchRecord
from shared.models import BatchDTO


def frame(view: BatchView, dto: BatchDTO) -> bytes:
    return b"id: %d\ndata: %s\n\n" % (view.version, dto.model_dump_json().encode())


async def batch_frames(state: AppState, record: BatchRecord) -> AsyncGenerator[bytes | None, None]:
    """Frames of `record`'s batch, None when nothing changed for a keep-alive interval."""
    keepalive_s = state.settings.sse_keepalive_seconds
    async with state.mux.subscribe(keys.user_channel(record.user_id)) as subscription:
        view = await load_view(state, record)
        follower = Follower(subscription, keepalive_s, lambda: load_view(state, record))
        changed = True
        while True:
            if changed:
                dto = view.dto()
                if dto.status.is_terminal:
                    # Before the final frame: a client that has it may leave, which ends this generator.
                    await record_outcome(state, view, dto)
                yield frame(view, dto)
                if dto.status.is_terminal:
                    return
            item = await follower.next()
            if item is None:
                changed = False
                yield None
            elif isinstance(item, Event):
                changed = view.apply(item)
            else:
                # The connection dropped: events may be lost, so the state was read again.
                changed = item.version != view.version
                view = item

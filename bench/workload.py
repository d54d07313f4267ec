"""What the figures submit and read back: the questions they ask (a trivial-but-real one and the
sample-warehouse set), chartq tasks and chat messages written straight to their stores as the API would
write them, and the task statuses and timestamps read back from them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import sqlalchemy as sa

from bench.stack import Stack
from shared import keys
from shared.db.engine import create_engine
from shared.db.tables import ChatSession, Message
from shared.job import ChartJob
from shared.models import Priority, TaskDTO
from shared.task_states import accepted
from shared.task_store import TaskStore

# The trivial-but-real question used where a figure wants a "no-op" chart task: one GROUP BY over the
# 244-row tips table, a 4-bar figure, one chart row.
NOOP_QUESTION = "average tip by day"
# Real sample-warehouse questions for the end-to-end figure (each makes a chart on the sample data).
REAL_QUESTIONS = (
    "life expectancy in Mexico and Canada since 1980",
    "gdp per capita of Brazil and Argentina since 1970",
    "average tip by day",
    "population by continent",
    "gold medals by nation",
    "wind frequency by direction",
    "apple vs google stock price",
    "sepal length vs petal length by species",
    "histogram of total bill",
    "top 5 countries by gdp per capita",
)


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid4().hex[:10]}"


def bench_store(stack: Stack, queue: str) -> TaskStore:
    """A TaskStore on `queue` without the per-user cap (the bench creates many tasks for one user)."""
    return TaskStore(stack.r, stack.settings(queue_name=queue, max_active_tasks_per_user=0))


async def create_task(
    store: TaskStore, user: str, question: str, *, message_id: str | None = None, session_id: str = "bench"
) -> TaskDTO:
    """What POST .../charts/async does after its SQL checks: store, index, publish seq 1, enqueue."""
    dto = accepted(str(uuid4()), message_id or str(uuid4()), session_id, Priority.NORMAL)
    result = await store.create(dto, ChartJob.for_task(dto, user_id=user, question=question))
    if result.outcome != "created":
        raise RuntimeError(f"task not created: {result}")
    return dto


async def create_tasks(
    store: TaskStore, user: str, questions: Sequence[str], concurrency: int = 64
) -> list[str]:
    ids: list[str] = []
    for start in range(0, len(questions), concurrency):
        batch = questions[start : start + concurrency]
        dtos = await asyncio.gather(*(create_task(store, user, question) for question in batch))
        ids += [dto.task_id for dto in dtos]
    return ids


async def create_messages(stack: Stack, user: str, contents: Sequence[str]) -> list[str]:
    """Chat messages in one session of `user`, inserted in bulk (as POST /sessions/.../messages would)."""
    now = datetime.now(UTC)
    session_id = str(uuid4())
    rows: list[dict[str, Any]] = [
        {
            "id": str(uuid4()),
            "session_id": session_id,
            "user_id": user,
            "role": "user",
            "content": content,
            "message_index": i,
            "created_at": now,
        }
        for i, content in enumerate(contents)
    ]
    engine = create_engine(stack.database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                sa.insert(ChatSession).values(
                    id=session_id,
                    user_id=user,
                    org_id="",
                    title="bench",
                    message_count=len(rows),
                    created_at=now,
                    updated_at=now,
                )
            )
            for start in range(0, len(rows), 5000):
                await conn.execute(sa.insert(Message), rows[start : start + 5000])
    finally:
        await engine.dispose()
    return [str(row["id"]) for row in rows]


async def task_statuses(stack: Stack, task_ids: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for start in range(0, len(task_ids), 2000):
        async with stack.r.pipeline(transaction=False) as pipe:
            for task_id in task_ids[start : start + 2000]:
                pipe.hget(keys.task(task_id), "status")
            for raw in await pipe.execute():
                status = raw.decode() if raw else "MISSING"
                counts[status] = counts.get(status, 0) + 1
    return counts

"""Stopping a background task for sure, even when it swallows a cancel or never ends."""

from __future__ import annotations

import asyncio

from worker.runtime.stopping import stop_task


async def test_a_task_that_swallows_the_first_cancel_is_cancelled_again() -> None:
    swallowed = asyncio.Event()

    async def stubborn() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            swallowed.set()  # what a library that eats a cancel does
        await asyncio.sleep(3600)

    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    assert await stop_task(task, "a stubborn task", wait_s=10)
    assert swallowed.is_set() and task.cancelled()


async def test_a_task_that_never_ends_is_left_behind_after_the_wait() -> None:
    released = asyncio.Event()

    async def immortal() -> None:
        while not released.is_set():
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                continue  # a loop that eats every cancel

    task = asyncio.create_task(immortal())
    await asyncio.sleep(0)
    assert not await stop_task(task, "an immortal task", wait_s=1.5)
    assert not task.done()
    released.set()
    task.cancel()
    await asyncio.wait({task}, timeout=5)
    assert task.done()


async def test_a_failed_task_is_stopped_and_its_error_retrieved() -> None:
    async def broken() -> None:
        raise RuntimeError("boom")

    task = asyncio.create_task(broken())
    await asyncio.sleep(0)
    assert await stop_task(task, "a broken task")

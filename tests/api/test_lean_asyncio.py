"""The WebSocket protocol's lighter queue and event behave as uvicorn needs asyncio's to: messages in
order to whoever waits, every waiter woken, a wait after set() returning at once. The protocol itself is
what `chartq api` serves every WebSocket test in tests/api/test_streams.py with."""

from __future__ import annotations

import asyncio

from api.lean_asyncio import LeanDeque, LeanEvent, LeanQueue
from api.ws_protocol import LeanWebSocketProtocol
from worker.cli.serve_api import WS_PROTOCOL


async def test_the_queue_hands_messages_over_in_order_to_waiting_readers() -> None:
    queue: LeanQueue[int] = LeanQueue()
    readers = [asyncio.create_task(queue.get()) for _ in range(2)]
    await asyncio.sleep(0)
    queue.put_nowait(1)
    queue.put_nowait(2)
    assert sorted(await asyncio.gather(*readers)) == [1, 2]
    queue.put_nowait(3)
    queue.put_nowait(4)
    assert queue.qsize() == 2 and not queue.empty()
    assert [await queue.get(), await queue.get()] == [3, 4]
    assert queue.empty()


async def test_a_cancelled_reader_leaves_the_message_for_the_next() -> None:
    queue: LeanQueue[str] = LeanQueue()
    reader = asyncio.create_task(queue.get())
    await asyncio.sleep(0)
    reader.cancel()
    await asyncio.gather(reader, return_exceptions=True)
    queue.put_nowait("kept")
    assert await asyncio.wait_for(queue.get(), 1) == "kept"


async def test_the_event_wakes_every_waiter_and_stays_set_until_cleared() -> None:
    event = LeanEvent()
    waiters = [asyncio.create_task(event.wait()) for _ in range(3)]
    await asyncio.sleep(0)
    assert not any(w.done() for w in waiters)
    event.set()
    assert await asyncio.gather(*waiters) == [True, True, True]
    assert await asyncio.wait_for(event.wait(), 1) is True  # already set: no wait
    event.clear()
    late = asyncio.create_task(event.wait())
    await asyncio.sleep(0.01)
    assert not late.done() and not event.is_set()
    event.set()
    assert await asyncio.wait_for(late, 1) is True


async def test_a_woken_waiter_returns_though_the_event_was_cleared_before_it_ran() -> None:
    """As asyncio's: two of uvicorn's receive() calls wait; the first clears the event on waking, and
    the second must still return (it reads the disconnect)."""
    event = LeanEvent()
    seen: list[str] = []

    async def receive(name: str) -> None:
        await event.wait()
        event.clear()
        seen.append(name)

    receivers = [asyncio.create_task(receive(name)) for name in ("a", "b")]
    await asyncio.sleep(0)
    event.set()
    await asyncio.wait_for(asyncio.gather(*receivers), 1)
    assert sorted(seen) == ["a", "b"]


def test_the_deque_takes_at_one_end_and_gives_at_the_other() -> None:
    pipelined: LeanDeque[str] = LeanDeque()
    for request in ("first", "second", "third"):
        pipelined.appendleft(request)
    assert [pipelined.pop() for _ in range(3)] == ["first", "second", "third"]
    assert not pipelined


def test_chartq_api_serves_websockets_with_it() -> None:
    module, name = WS_PROTOCOL.split(":")
    assert getattr(__import__(module, fromlist=[name]), name) is LeanWebSocketProtocol

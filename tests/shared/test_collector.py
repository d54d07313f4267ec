"""A started process's collector: rarer collections, and a full one on a clock so cycles cannot pile up."""

from __future__ import annotations

import asyncio
import gc

from shared.collector import collect_periodically


class Cycle:
    def __init__(self) -> None:
        self.me = self


async def test_a_full_collection_runs_on_a_clock() -> None:
    gc.disable()
    try:
        collected = gc.get_stats()[2]["collections"]
        Cycle()  # garbage only a collection frees
        clock = asyncio.create_task(collect_periodically(every_s=0.05))
        await asyncio.sleep(0.2)
        clock.cancel()
        await asyncio.gather(clock, return_exceptions=True)
        assert gc.get_stats()[2]["collections"] > collected
        assert not any(isinstance(o, Cycle) for o in gc.get_objects())
    finally:
        gc.enable()

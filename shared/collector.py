"""How a long-lived chartq process (the API, a worker) runs Python's garbage collector once started.

Everything built at start-up (settings, the semantic model, the planner's lexicons, pools, routes)
lives as long as the process: frozen (`gc.freeze`), no collection walks it again. And the collector
runs less often: with the default thresholds (700, 10, 10) full collections came often, and with 1,000
open event streams each one walked their objects while the fan-out waited. In figure d (1,000
subscribers on one task) the p99 was 183-202 ms against a p50 of 25-31 ms; with these thresholds it is
49-53 ms (docs/performance.md, "Session 6"). So few full collections would let reference cycles (a
closed stream's frames, a failed write's error) pile up, so one runs every COLLECT_EVERY_S
(`collect_periodically`): a pause a minute instead of pauses during fan-outs, and garbage bounded by a
minute of churn.
"""

from __future__ import annotations

import asyncio
import gc

# Allocations (net) before a young collection, and young (then middle) collections before an older one.
THRESHOLDS = (50_000, 20, 100)
COLLECT_EVERY_S = 60.0


def settle_after_start() -> None:
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


async def collect_periodically(every_s: float = COLLECT_EVERY_S) -> None:
    """A full collection every `every_s` seconds, for as long as the task runs."""
    while True:
        await asyncio.sleep(every_s)
        gc.collect()

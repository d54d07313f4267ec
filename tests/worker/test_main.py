"""How `chartq worker` starts: on uvloop where it exists, and out of the collector's sight once started."""

from __future__ import annotations

import gc
import sys
from typing import Any

import pytest

from shared.collector import THRESHOLDS
from shared.redis import create_redis
from shared.settings import Settings
from worker.main import FREEZE_AFTER_START, new_event_loop, shutdown, startup


@pytest.mark.skipif(sys.platform == "win32", reason="uvloop does not exist on Windows")
def test_the_worker_runs_on_uvloop() -> None:
    import uvloop

    loop = new_event_loop()
    try:
        assert isinstance(loop, uvloop.Loop)
    finally:
        loop.close()


async def test_a_worker_process_freezes_what_start_up_built(isolated_settings: Settings) -> None:
    """`chartq worker` (run_worker) settles the collector after start-up (shared.collector); a
    worker embedded in another program (these tests) leaves the collector alone."""
    gc.unfreeze()
    defaults = gc.get_threshold()
    redis = create_redis(isolated_settings.redis_url)
    try:
        for frozen in (False, True):
            ctx: dict[str, Any] = {"settings": isolated_settings, "redis": redis}
            if frozen:
                ctx[FREEZE_AFTER_START] = True
            await startup(ctx)
            try:
                assert (gc.get_freeze_count() > 0) is frozen
                assert gc.get_threshold() == (THRESHOLDS if frozen else defaults)
            finally:
                await shutdown(ctx)
    finally:
        gc.unfreeze()
        gc.set_threshold(*defaults)
        await redis.aclose()

"""The app a server process runs settles the garbage collector once started (shared.collector): what its
start-up built is frozen and collections are rarer, so full passes do not stall the streams; an app
embedded in another program (these tests) leaves the collector alone."""

from __future__ import annotations

import gc

from api.app import create_app
from shared.collector import THRESHOLDS
from shared.settings import Settings


async def test_a_server_process_freezes_what_start_up_built(settings: Settings) -> None:
    gc.unfreeze()
    defaults = gc.get_threshold()
    try:
        embedded = create_app(settings)
        async with embedded.router.lifespan_context(embedded):
            assert gc.get_freeze_count() == 0 and gc.get_threshold() == defaults
        served = create_app(settings, freeze_after_start=True)
        async with served.router.lifespan_context(served):
            assert gc.get_freeze_count() > 0 and gc.get_threshold() == THRESHOLDS
    finally:
        gc.unfreeze()
        gc.set_threshold(*defaults)

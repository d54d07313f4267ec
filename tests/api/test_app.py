"""The app a server process runs freezes what its start-up built (gc.freeze), so the collector's full
passes do not walk it while streams wait; an app embedded in another program (these tests) leaves the
collector alone."""

from __future__ import annotations

import gc

from api.app import create_app
from shared.settings import Settings


async def test_a_server_process_freezes_what_start_up_built(settings: Settings) -> None:
    gc.unfreeze()
    try:
        embedded = create_app(settings)
        async with embedded.router.lifespan_context(embedded):
            assert gc.get_freeze_count() == 0
        served = create_app(settings, freeze_after_start=True)
        async with served.router.lifespan_context(served):
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()

"""How `chartq worker` starts: on uvloop where it exists."""

from __future__ import annotations

import sys

import pytest

from worker.main import new_event_loop


@pytest.mark.skipif(sys.platform == "win32", reason="uvloop does not exist on Windows")
def test_the_worker_runs_on_uvloop() -> None:
    import uvloop

    loop = new_event_loop()
    try:
        assert isinstance(loop, uvloop.Loop)
    finally:
        loop.close()

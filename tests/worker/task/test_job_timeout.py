"""arq's own job timeout sits past the task's time limit, so the task's limit ends a slow chart first. A
worker frozen past both (a suspended laptop, `docker pause`, a stalled VM) wakes with both due; when
arq's fires first it cancels the attempt, which hands the task back, and arq then deletes the job as
failed. The task was left PENDING with no job: nothing ever ran it, and the dashboard did not show it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from shared import keys
from shared.redis import create_redis
from shared.settings import Settings
from tests.conftest import inprocess_api, inprocess_worker, wait_for_status
from tests.worker_fixtures import holder_of_attempt, post_tasks

pytestmark = pytest.mark.db


async def test_an_attempt_cut_off_by_arqs_job_timeout_is_run_again(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    # Slow steps, so the attempt is mid-pipeline when arq's (shortened) job timeout cancels it.
    settings = isolated_settings.model_copy(update={"step_delay_seconds": 1.0})
    worker = inprocess_worker(settings, concurrency=1)
    worker.job_timeout_s = 1.5
    running = asyncio.create_task(worker.async_run())
    redis = create_redis(settings.redis_url)
    try:
        async with inprocess_api(settings, make_token(roles=["operator"])) as http:
            task_id = (await post_tasks(http, 1))[0]
            await holder_of_attempt(http, task_id, 1)
            # The next attempt gets the usual timeout, so it can finish.
            worker.job_timeout_s = 60
            final = await wait_for_status(http, task_id, within=60)
        assert (final["status"], final["attempt"]) == ("COMPLETED", 2), final
        # Nothing of the first attempt's job is left behind to run it a third time.
        assert await redis.exists(keys.arq_job(task_id)) == 0
    finally:
        await redis.aclose()
        await worker.close()
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)

"""arq's WorkerSettings, for running chartq workers with the plain `arq worker.settings.WorkerSettings`.

Values come from the CHARTQ_ environment, read when this module is imported; `chartq worker` builds
the same worker from `worker.main.worker_options`.
"""

from __future__ import annotations

from shared.redis import dumps, loads, redis_settings
from shared.settings import get_settings
from worker.main import ARQ_TIMEOUT_MARGIN_S, shutdown, startup, worker_options

_settings = get_settings()


class WorkerSettings:
    """For the plain `arq` CLI; values come from the CHARTQ_ environment like everything else."""

    functions = worker_options(_settings)["functions"]
    on_startup = staticmethod(startup)
    on_shutdown = staticmethod(shutdown)
    redis_settings = redis_settings(_settings.redis_url)
    queue_name = _settings.queue_name
    max_jobs = _settings.worker_concurrency
    job_timeout = _settings.task_time_limit_seconds + ARQ_TIMEOUT_MARGIN_S
    max_tries = _settings.max_attempts
    poll_delay = _settings.worker_poll_delay
    keep_result = 0
    allow_abort_jobs = True
    job_serializer = staticmethod(dumps)
    job_deserializer = staticmethod(loads)

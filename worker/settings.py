"""arq's WorkerSettings, for running chartq workers with the plain `arq worker.settings.WorkerSettings`.

Built from the same `worker.main.worker_options` as `chartq worker`, with values from the CHARTQ_
environment read when this module is imported, so the two cannot drift. arq's own CLI always runs its
plain `Worker`, so a worker started this way has no wake-up signal (it polls every
CHARTQ_WORKER_POLL_DELAY) and holds arq's job-timeout lock instead of chartq's short leases: a task
whose worker dies waits for the reaper's heartbeat check rather than a lapsed lease. `chartq worker` is
the supported way; this stays for deployments built around the arq CLI.
"""

from __future__ import annotations

from typing import Any

from shared.redis import create_redis, redis_settings
from shared.settings import get_settings
from worker.main import worker_options

_settings = get_settings()

# arq's CLI reads a settings class's __dict__ or a plain dict (arq.worker.get_kwargs); a dict keeps
# every option exactly as worker_options built it.
WorkerSettings: dict[str, Any] = {
    **worker_options(_settings),
    # The same connections as `chartq worker` (a redis+sentinel:// URL too); arq's own settings are only
    # for its `--check`.
    "redis_pool": create_redis(_settings.redis_url),
    "redis_settings": redis_settings(_settings.redis_url),
}

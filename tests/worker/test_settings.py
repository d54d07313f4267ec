"""`arq worker.settings.WorkerSettings` builds the same worker as `chartq worker`, from the environment."""

from __future__ import annotations

import subprocess
import sys

CODE = """
from arq.worker import create_worker
from worker.settings import WorkerSettings
worker = create_worker(WorkerSettings)
print(worker.queue_name, worker.max_jobs, worker.max_tries, worker._job_completion_wait,
      worker.after_job_end is not None, sorted(worker.functions))
"""


def test_the_arq_cli_settings_match_chartq_worker(base_env: dict[str, str]) -> None:
    env = base_env | {"CHARTQ_QUEUE_NAME": "arq:queue:from-env", "CHARTQ_WORKER_CONCURRENCY": "3"}
    result = subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    queue, max_jobs, max_tries, drain, after_job_end, functions = result.stdout.split(maxsplit=5)
    assert (queue, max_jobs, after_job_end, functions.strip()) == (
        "arq:queue:from-env",
        "3",
        "True",
        "['run_chart']",
    )
    assert int(max_tries) > 1000  # chartq counts attempts itself; arq's counter must never decide
    assert int(drain) >= 1

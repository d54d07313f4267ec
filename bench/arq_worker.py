"""The baseline: a raw arq worker (arq's defaults except poll_delay) with a no-op and a stamping job.

`python -m bench.arq_worker --redis URL --queue Q --poll-delay 0.5`
"""

from __future__ import annotations

import argparse
import logging
import time
from typing import Any

from arq import func
from arq.connections import RedisSettings
from arq.worker import Worker


def started_key(queue: str) -> str:
    """List the `stamp` job pushes "<job id> <epoch seconds at start>" onto."""
    return f"{queue}:bench-started"


async def noop(ctx: dict[str, Any]) -> None:
    """Does nothing: what the drain baseline runs."""


async def stamp(ctx: dict[str, Any], queue: str) -> None:
    """Records when the job function started (the first statement), for the pickup baseline."""
    started = time.time()
    await ctx["redis"].rpush(started_key(queue), f"{ctx['job_id']} {started:.6f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--redis", required=True)
    parser.add_argument("--queue", required=True)
    parser.add_argument("--poll-delay", type=float, default=0.5)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    worker = Worker(
        functions=[func(noop, name="noop"), func(stamp, name="stamp")],
        redis_settings=RedisSettings.from_dsn(args.redis),
        queue_name=args.queue,
        poll_delay=args.poll_delay,
    )
    worker.run()


if __name__ == "__main__":
    main()

"""How big a run is: `Sizes` holds how many samples, tasks, clients and seconds each figure takes, at
full size for the published numbers and at `Sizes.quick()` for the smoke run that only proves the suite
works. `bench.run` picks one and hands it to every figure.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sizes:
    """How many samples each figure takes; `quick` is a smoke run that only proves the suite works."""

    pickup_chartq: int = 300
    pickup_arq_tuned: int = 300
    pickup_arq_default: int = 50
    drain_tasks: int = 1000
    drain_repeats: int = 3
    http_seconds: float = 5.0
    http_messages: int = 15_000
    http_clients: int = 32
    event_counts: tuple[int, ...] = (1, 100, 1000)
    # Events published per subscriber count (more for small counts, where each event is one sample).
    event_publishes: tuple[int, ...] = (300, 200, 200)
    # The usual case: subscribers each following its own task, and rounds of steps among those tasks.
    own_task_subscribers: int = 1000
    own_task_rounds: int = 200
    raw_pubsub_samples: int = 500
    e2e_samples: int = 100
    e2e_throughput_tasks: int = 300
    recovery_rounds: int = 3
    recovery_tasks: int = 4
    memory_subscribers: int = 1000
    stats_samples: int = 300
    stats_queued: int = 100_000
    tracing_tasks: int = 20_000
    tracing_pings: int = 2_000
    overhead_tasks: int = 400
    overhead_repeats: int = 3

    @classmethod
    def quick(cls) -> Sizes:
        return cls(
            pickup_chartq=5,
            pickup_arq_tuned=5,
            pickup_arq_default=3,
            drain_tasks=20,
            drain_repeats=1,
            http_seconds=0.5,
            http_messages=600,
            http_clients=8,
            event_counts=(1, 10),
            event_publishes=(5, 5),
            own_task_subscribers=20,
            own_task_rounds=3,
            raw_pubsub_samples=10,
            e2e_samples=3,
            e2e_throughput_tasks=8,
            recovery_rounds=1,
            recovery_tasks=2,
            memory_subscribers=10,
            stats_samples=10,
            stats_queued=2_000,
            tracing_tasks=500,
            tracing_pings=50,
            overhead_tasks=20,
            overhead_repeats=1,
        )

"""Durations as counts in fixed log-scale bins: mergeable across workers and time slots in Redis, so
p50/p95 over any window cost a constant number of reads whatever the number of tasks.

Bin i holds durations in (FIRST_MS * GROWTH**(i-1), FIRST_MS * GROWTH**i]; a quantile is reported as
the upper edge of its bin, so it is at most GROWTH - 1 (25 %) above the true value.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

FIRST_MS = 0.5
GROWTH = 1.25
BINS = 70  # the last bin's upper edge is about 3.4 hours; longer durations land in it too
# Prometheus histogram buckets: every third bin edge (factor ~2), a readable number of series.
PROMETHEUS_EVERY = 3


def bin_of(duration_ms: float) -> int:
    if duration_ms <= FIRST_MS:
        return 0
    return min(BINS - 1, math.ceil(math.log(duration_ms / FIRST_MS, GROWTH) - 1e-9))


def upper_edge_ms(index: int) -> float:
    return FIRST_MS * GROWTH**index


def quantile_ms(counts: Mapping[int, int], q: float) -> float | None:
    """The q-quantile (0..1) of the durations counted in `counts` (bin -> count), None when empty."""
    total = sum(counts.values())
    if total == 0:
        return None
    rank = max(1, math.ceil(q * total))
    seen = 0
    for index in sorted(counts):
        seen += counts[index]
        if seen >= rank:
            return round(upper_edge_ms(index), 3)
    return round(upper_edge_ms(max(counts)), 3)


def prometheus_buckets(counts: Mapping[int, int]) -> Iterable[tuple[float, int]]:
    """(upper bound in seconds, cumulative count) pairs, ending with +Inf."""
    cumulative = 0
    for index in range(BINS):
        cumulative += counts.get(index, 0)
        if index % PROMETHEUS_EVERY == PROMETHEUS_EVERY - 1:
            yield upper_edge_ms(index) / 1000, cumulative
    yield math.inf, cumulative

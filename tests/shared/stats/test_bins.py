"""Log-scale duration bins: every duration lands in the bin whose edges hold it; quantiles stay within
one bin (25 %) of the truth."""

from __future__ import annotations

import math
import random

import pytest

from shared.stats.bins import BINS, GROWTH, bin_of, prometheus_buckets, quantile_ms, upper_edge_ms


@pytest.mark.parametrize("ms", [0.01, 0.5, 0.51, 1, 3.7, 10, 99.9, 1000, 65_000, 10**9])
def test_a_duration_lands_inside_its_bin(ms: float) -> None:
    index = bin_of(ms)
    assert 0 <= index < BINS
    if index < BINS - 1:
        assert ms <= upper_edge_ms(index) * (1 + 1e-9)
    if 0 < index < BINS - 1:
        assert ms > upper_edge_ms(index - 1)


def test_quantiles_are_within_one_bin_of_the_true_value() -> None:
    rng = random.Random(7)
    samples = sorted(rng.lognormvariate(4, 1) for _ in range(5000))
    counts: dict[int, int] = {}
    for ms in samples:
        counts[bin_of(ms)] = counts.get(bin_of(ms), 0) + 1
    for q in (0.5, 0.95):
        true = samples[math.ceil(q * len(samples)) - 1]
        estimate = quantile_ms(counts, q)
        assert estimate is not None and true <= estimate <= true * GROWTH


def test_no_samples_no_quantile() -> None:
    assert quantile_ms({}, 0.5) is None


def test_prometheus_buckets_are_cumulative_and_end_with_inf() -> None:
    buckets = list(prometheus_buckets({bin_of(2): 3, bin_of(40): 2, BINS - 1: 1}))
    bounds = [le for le, _ in buckets]
    counts = [n for _, n in buckets]
    assert bounds == sorted(bounds) and bounds[-1] == math.inf
    assert counts == sorted(counts) and counts[-1] == 6

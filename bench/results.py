"""What a figure reports: the statistics it computes from its samples (`percentile`, `summary`, `ms`),
the `Row`s of the results table (chartq's value, the baseline from the same run, the target and whether
it was met) and the `FigureResult` that carries them, with the figure's details, to `bench.report`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# -- statistics -------------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear between the nearest ranks; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    low = math.floor(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def summary(values: Sequence[float]) -> dict[str, float]:
    """n, p50, p90, p99, mean, min and max of a sample (in the sample's unit)."""
    if not values:
        return {"n": 0, "p50": math.nan, "p90": math.nan, "p99": math.nan, "mean": math.nan}
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p90": percentile(values, 90),
        "p99": percentile(values, 99),
        "mean": sum(values) / len(values),
        "min": min(values),
        "max": max(values),
    }


def ms(seconds: Iterable[float]) -> list[float]:
    return [s * 1000 for s in seconds]


# -- result rows ------------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the results table: chartq's value, its baseline from the same run, and the target."""

    figure: str
    metric: str
    unit: str
    value: float
    baseline_name: str = ""
    baseline: float | None = None
    # "lower": smaller is better (latency, memory); "higher": larger is better (throughput).
    better: Literal["lower", "higher"] = "lower"
    target: str = ""
    # What the target is checked against: the value itself, or value / baseline.
    target_on: Literal["value", "ratio"] = "value"
    target_op: Literal["<=", ">=", ""] = ""
    target_value: float | None = None
    ratio: float | None = None
    met: bool | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.baseline is not None and self.baseline > 0 and math.isfinite(self.value):
            self.ratio = self.value / self.baseline
        if self.target_op and self.target_value is not None:
            subject = self.ratio if self.target_on == "ratio" else self.value
            if subject is None or not math.isfinite(subject):
                self.met = False
            elif self.target_op == "<=":
                self.met = subject <= self.target_value
            else:
                self.met = subject >= self.target_value

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FigureResult:
    figure: str
    title: str
    rows: list[Row] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None

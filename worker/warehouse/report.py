"""What `chartq semantic check` found, per dataset and overall, and how it reads in a terminal."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DatasetSummary:
    name: str
    table: str
    rows: int = 0
    measures: list[str] = field(default_factory=list)
    dimensions: list[str] = field(default_factory=list)
    time_range: tuple[str | None, str | None] | None = None
    sample: str | None = None


@dataclass
class CheckReport:
    source: str
    warehouse: str
    datasets: list[DatasetSummary] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def render(self) -> str:
        lines = [f"Semantic model {self.source} on {self.warehouse}"]
        for ds in self.datasets:
            head = f"dataset {ds.name} (table {ds.table}): {ds.rows:,} rows"
            if ds.time_range is not None:
                head += f", {ds.time_range[0]} to {ds.time_range[1]}"
            lines.append(head)
            lines.append(f"  measures:   {', '.join(ds.measures)}")
            lines.append(f"  dimensions: {', '.join(ds.dimensions) or 'none'}")
            if ds.sample:
                lines.append(f"  try:        {ds.sample}")
        lines += [f"warning: {w}" for w in self.warnings]
        lines += [f"problem: {p}" for p in self.problems]
        if self.ok:
            measures = sum(len(d.measures) for d in self.datasets)
            dimensions = sum(len(d.dimensions) for d in self.datasets)
            lines.append(
                f"ok: {count(len(self.datasets), 'dataset')}, {count(measures, 'measure')}, "
                f"{count(dimensions, 'dimension')}"
            )
        else:
            lines.append(f"{count(len(self.problems), 'problem')}")
        return "\n".join(lines) + "\n"


def count(n: int, noun: str) -> str:
    """ "1 dataset", "3 datasets"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"

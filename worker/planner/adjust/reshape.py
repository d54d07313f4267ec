"""The shape of an adjusted chart: a mutable draft of a ChartPlan, and the moves between a time axis and
categories that an adjustment implies ("show the top 5" of a line over time is a bar of countries).

`fit` restores what every chart type needs after edits, with the rule planner's choices: a pie shows one
measure by one dimension without time, a histogram the raw values of one measure, a bar or line chart an
aggregate over time or a dimension; a snapshot dataset off the time axis shows one period, never a sum of
several; sorting names only what the chart shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from worker.plan import ChartPlan, ChartType, Filter, MeasureRef, Sort, TimeRange
from worker.semantic import Dataset, DimensionValue

__all__ = ["Draft", "categories_axis", "fit", "time_axis"]


@dataclass
class Draft:
    """A ChartPlan being edited (plans themselves are frozen)."""

    dataset: str
    measures: list[MeasureRef]
    kind: ChartType
    dimension: str | None = None
    series: str | None = None
    use_time: bool = False
    start: str | None = None
    end: str | None = None
    filters: list[Filter] = field(default_factory=list)
    sort: Sort | None = None
    limit: int | None = None

    @classmethod
    def of(cls, plan: ChartPlan) -> Draft:
        tr = plan.time_range
        return cls(
            dataset=plan.dataset,
            measures=list(plan.measures),
            kind=plan.chart_type,
            dimension=plan.dimension,
            series=plan.series,
            use_time=plan.use_time,
            start=tr.start if tr else None,
            end=tr.end if tr else None,
            filters=list(plan.filters),
            sort=plan.sort,
            limit=plan.limit,
        )

    def plan(self, title: str) -> ChartPlan:
        has_range = self.start is not None or self.end is not None
        return ChartPlan(
            dataset=self.dataset,
            measures=self.measures,
            dimension=self.dimension,
            series=self.series,
            use_time=self.use_time,
            time_range=TimeRange(start=self.start, end=self.end) if has_range else None,
            filters=self.filters,
            sort=self.sort,
            limit=self.limit,
            chart_type=self.kind,
            title=title,
        )

    @property
    def raw(self) -> bool:
        return self.measures[0].agg == "none"

    def shown(self) -> set[str]:
        """The names a sort may use: the measures and the dimensions on the chart."""
        return {m.name for m in self.measures} | {d for d in (self.dimension, self.series) if d}

    def values_of(self, dim: str) -> tuple[list[DimensionValue] | None, list[DimensionValue]]:
        """(values the chart is limited to, or None for all; values it leaves out) of a dimension."""
        included: list[DimensionValue] | None = None
        excluded: list[DimensionValue] = []
        for f in self.filters:
            if f.column != dim:
                continue
            values = [v for v in (f.value if isinstance(f.value, list) else [f.value])]
            if f.op in ("eq", "in"):
                included = [*(included or []), *values]
            elif f.op in ("ne", "not_in"):
                excluded += values
        return included, excluded

    def set_values(
        self, dim: str, included: list[DimensionValue] | None, excluded: list[DimensionValue]
    ) -> None:
        """Replaces the value filters of `dim`, where the first of them stood."""
        kept = [f for f in self.filters if not (f.column == dim and f.op in ("eq", "in", "ne", "not_in"))]
        at = next((i for i, f in enumerate(self.filters) if f.column == dim), len(self.filters))
        at -= sum(1 for f in self.filters[:at] if f not in kept)
        new = []
        if included:
            new.append(_filter(dim, included, "eq", "in"))
        if excluded:
            new.append(_filter(dim, excluded, "ne", "not_in"))
        self.filters = [*kept[:at], *new, *kept[at:]]

    def show_separately(self, dim: str) -> None:
        """Several values picked of `dim` ("Mexico and Canada") each get their own line or bar."""
        if dim in (self.dimension, self.series):
            return
        if self.use_time or self.raw:
            self.series = self.series or dim
        elif self.dimension is None:
            self.dimension = dim
        elif self.series is None and self.kind != "pie":
            self.series = dim

    def one_period(self, ds: Dataset) -> None:
        """A snapshot off the time axis shows its last asked (or latest) period, never several summed."""
        if ds.snapshot and ds.time is not None:
            self.start = self.end = self.end or ds.time_max


def _filter(dim: str, values: list[DimensionValue], one: str, many: str) -> Filter:
    if len(values) == 1:
        return Filter.model_validate({"column": dim, "op": one, "value": values[0]})
    if all(isinstance(v, str) for v in values):
        return Filter.model_validate({"column": dim, "op": many, "value": [str(v) for v in values]})
    return Filter.model_validate({"column": dim, "op": many, "value": [float(v) for v in values]})


def _key(ds: Dataset, *prefer: str | None) -> str | None:
    """The first of `prefer`, the dataset's key or its first dimension: what categories default to."""
    return next(iter([*(p for p in prefer if p), *ds.key, *(d.name for d in ds.dimensions)]), None)


def time_axis(draft: Draft, ds: Dataset) -> None:
    """Time on the x axis; what was on it becomes the series (population by continent -> over time)."""
    if draft.use_time or ds.time is None:
        return
    draft.use_time = True
    if draft.dimension is not None:
        draft.series = draft.series if draft.series not in (None, draft.dimension) else draft.dimension
        draft.dimension = None
    if draft.start is not None and draft.start == draft.end:
        draft.start = draft.end = None
    if draft.kind in ("bar", "pie", "histogram") or (draft.kind == "scatter" and len(draft.measures) > 1):
        draft.kind = "line"
    draft.limit = None
    draft.sort = None


def categories_axis(draft: Draft, ds: Dataset, target: str) -> None:
    """`target` on the x axis instead of time or another dimension (a ranking of countries)."""
    if draft.use_time:
        draft.use_time = False
        draft.one_period(ds)
    if draft.series == target:
        draft.series = None
    draft.dimension = target
    if draft.kind == "histogram":
        draft.kind = "bar"


def fit(draft: Draft, ds: Dataset) -> None:
    """Makes the draft a chart its type can draw, changing as little as the type needs."""
    key = ds.key[0] if ds.key else None
    if draft.kind == "histogram":
        draft.measures = [MeasureRef(name=draft.measures[0].name, agg="none")]
        if draft.dimension is not None:
            draft.series = draft.series or draft.dimension
            draft.dimension = None
        if draft.use_time:
            draft.use_time = False
        if not (draft.series == key or key in {f.column for f in draft.filters}):
            draft.one_period(ds)
        draft.sort = draft.limit = None
    elif draft.kind == "pie":
        draft.measures = draft.measures[:1]
        if draft.use_time or draft.dimension is None:
            categories_axis(draft, ds, str(_key(ds, draft.dimension, draft.series)))
        draft.series = None
    elif draft.kind == "scatter" and len(draft.measures) > 1:
        draft.measures = draft.measures[:2]
        if draft.use_time:
            draft.use_time = False
            draft.dimension = key if key not in (None, draft.series) else None
            if draft.dimension is None:
                draft.measures = [m.model_copy(update={"agg": "none"}) for m in draft.measures]
            else:
                draft.one_period(ds)
    elif not draft.use_time and draft.dimension is None:
        if draft.kind in ("line", "area", "scatter") and ds.time is not None:
            time_axis(draft, ds)
        else:
            categories_axis(draft, ds, str(_key(ds, draft.series)))
    aggregated = (
        ("line", "bar", "area", "pie")
        if len(draft.measures) > 1
        else ("line", "bar", "area", "pie", "scatter")
    )
    if draft.raw and draft.kind in aggregated:
        draft.measures = [MeasureRef(name=m.name, agg=ds.measure(m.name).agg) for m in draft.measures]
    _tidy(draft, ds)


def _tidy(draft: Draft, ds: Dataset) -> None:
    draft.measures = list({m.name: m for m in draft.measures}.values())
    if draft.series == draft.dimension:
        draft.series = None
    if draft.use_time:
        draft.dimension = None
        draft.limit = None
        if draft.sort is not None and (ds.time is None or draft.sort.by != ds.time.column):
            draft.sort = None
        return
    if draft.sort is not None and draft.sort.by not in draft.shown():
        # The measure it sorted by was swapped for another: sort by the one shown.
        measures = {m.name for m in ds.measures}
        draft.sort = (
            Sort(by=draft.measures[0].name, direction=draft.sort.direction)
            if draft.sort.by in measures and draft.dimension is not None
            else None
        )
    categorical = draft.kind in ("bar", "pie") and draft.dimension is not None
    if draft.sort is None and categorical and not ds.dimension(str(draft.dimension)).order:
        draft.sort = Sort(by=draft.measures[0].name, direction="desc")

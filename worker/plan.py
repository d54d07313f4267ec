"""The declarative chart plan: the only thing a planner produces and the only input SQL is built from.

A plan never carries SQL or code. Every name in it (dataset, measure, dimension, column) refers to an
entry of the semantic model and is checked against it (`worker.semantic.SemanticModel.validate_plan`)
before any query runs, so a planner (rule-based or an LLM) can only ask for what the model exposes.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ChartType = Literal["line", "bar", "scatter", "pie", "area", "histogram"]
Aggregation = Literal["avg", "sum", "min", "max", "median", "count", "none"]
FilterOp = Literal["eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte", "between"]
SortDirection = Literal["asc", "desc"]

FilterValue = str | int | float | list[str] | list[int] | list[float]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MeasureRef(_Strict):
    """A measure of the dataset and how rows are combined into one value."""

    name: str
    agg: Aggregation = "avg"


class Filter(_Strict):
    """A condition on a dimension or measure; `value` is always sent as a bound parameter."""

    column: str
    op: FilterOp
    value: FilterValue


class TimeRange(_Strict):
    """Inclusive bounds on the dataset's time column, as ISO strings or years ("1980", "2018-03-01")."""

    start: str | None = None
    end: str | None = None


class Sort(_Strict):
    by: str
    direction: SortDirection = "desc"


class ChartPlan(_Strict):
    dataset: str
    measures: list[MeasureRef] = Field(min_length=1, max_length=4)
    # The x axis when it is not time: a dimension name ("country", "day").
    dimension: str | None = None
    # One trace per value of this dimension ("country" for "Mexico vs Canada").
    series: str | None = None
    # True when the x axis is the dataset's time column.
    use_time: bool = False
    time_range: TimeRange | None = None
    filters: list[Filter] = Field(default_factory=list, max_length=20)
    sort: Sort | None = None
    limit: int | None = Field(default=None, ge=1, le=10_000)
    chart_type: ChartType = "line"
    title: str = Field(min_length=1, max_length=200)

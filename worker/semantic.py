"""The semantic model: what a warehouse exposes to planners, and the check every ChartPlan must pass.

The YAML file names datasets, measures (with units and a one-sentence meaning) and dimensions (with
synonyms); `worker.warehouse.model_facts` adds what only the data knows (category values, time span), so
the planner can match "Mexico" or "last 10 years" and `validate_plan` can reject values that do not
exist.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from worker.plan import Aggregation, ChartPlan, SortDirection, TimeRange
from worker.plan_checks import PlanValidationError as PlanValidationError
from worker.plan_checks import check_chart_shape, check_filter

DimensionValue = str | int | float
TimeBound = int | str
# More distinct values than this is free text or an id, not something to match words against.
MAX_DIMENSION_VALUES = 2_000


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TimeSpec(_Model):
    column: str
    grain: Literal["year", "day"]
    label: str = "Time"


class Measure(_Model):
    name: str
    column: str
    agg: Aggregation = "avg"
    label: str
    unit: str | None = None
    description: str
    synonyms: list[str] = Field(default_factory=list)
    # Whether adding values up means something (population: yes; life expectancy: no).
    additive: bool = False
    # Decimal places a chart shows (3 for life expectancy in years, 2 for dollars); None: 4 significant
    # digits of the largest value. Choose at least the data's own precision so values stay as recorded.
    decimals: int | None = Field(default=None, ge=0, le=12)
    # A measure computed on each row from columns of the same table: column * multiply_by / divide_by *
    # scale (GDP = GDP per capita * population; tip percentage = tip / total bill * 100).
    multiply_by: str | None = None
    divide_by: str | None = None
    scale: float = 1.0
    # Words that rank by this measure on their own ("the 10 richest countries"), with their direction.
    rank_words: dict[str, SortDirection] = Field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        """Every table column the measure is computed from."""
        return [c for c in (self.column, self.multiply_by, self.divide_by) if c is not None]

    @property
    def shown_unit(self) -> str | None:
        """The unit to print after a value or label, None when the label already names it (Medals, medals)."""
        return None if not self.unit or _names_unit(self.label, self.unit) else self.unit

    def axis_title(self) -> str:
        """ "Life expectancy (years)"; just the label when it already says the unit ("Medals")."""
        return f"{self.label} ({self.shown_unit})" if self.shown_unit else self.label


def _names_unit(label: str, unit: str) -> bool:
    """True when every word of `unit` is a word of `label`, singular or plural ("Medal count", "medals")."""

    def stems(text: str) -> set[str]:
        return {w.removesuffix("s") for w in re.findall(r"\w+", text.lower())}

    unit_words = stems(unit)
    return bool(unit_words) and unit_words <= stems(label)


class Dimension(_Model):
    name: str
    column: str
    label: str
    type: Literal["category", "number"] = "category"
    synonyms: list[str] = Field(default_factory=list)
    value_synonyms: dict[str, DimensionValue] = Field(default_factory=dict)
    # False for values that are also everyday words ("Yes", "N"): only value_synonyms are matched.
    match_values: bool = True
    # How a title introduces its values: "Life expectancy in Mexico", "Tip on Sun", "Stock price for AAPL".
    preposition: str = "for"
    order: list[DimensionValue] = Field(default_factory=list)
    values: list[DimensionValue] = Field(default_factory=list)
    # For each other category dimension this one's values determine (each country is on one continent),
    # the other's value for each of these values: {"continent": {"Egypt": "Africa", ...}}. Read from the
    # warehouse, so the planner resolves "the same continent as Egypt" without a query.
    groups: dict[str, dict[str, DimensionValue]] = Field(default_factory=dict)

    def plural(self) -> str:
        """The plural word for this dimension's members ("countries"), for titles and sentences."""
        return next((s for s in self.synonyms if s.endswith("s") and " " not in s), self.label.lower() + "s")


class Dataset(_Model):
    name: str
    table: str
    description: str
    synonyms: list[str] = Field(default_factory=list)
    time: TimeSpec | None = None
    snapshot: bool = False
    key: list[str] = Field(default_factory=list)
    # The dimension a question asking "who" means ("Who got the most votes?": the candidates).
    who: str | None = None
    measures: list[Measure] = Field(min_length=1)
    dimensions: list[Dimension] = Field(default_factory=list)
    time_min: str | None = None
    time_max: str | None = None
    # The periods a yearly dataset has data for (every fifth year for a snapshot), read from the warehouse.
    periods: list[int] = Field(default_factory=list)

    def measure(self, name: str) -> Measure:
        for measure in self.measures:
            if measure.name == name:
                return measure
        known = ", ".join(m.name for m in self.measures)
        raise PlanValidationError(f"Unknown measure {name!r} in dataset {self.name!r} (known: {known}).")

    def dimension(self, name: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.name == name:
                return dimension
        known = ", ".join(d.name for d in self.dimensions) or "none"
        raise PlanValidationError(f"Unknown dimension {name!r} in dataset {self.name!r} (known: {known}).")

    def one_row_per_point(self, plan: ChartPlan) -> bool:
        """True when each plotted value is one row, so its aggregation changes nothing worth saying."""
        shown = {plan.dimension, plan.series} | {f.column for f in plan.filters if f.op == "eq"}
        tr = plan.time_range
        one_period = tr is not None and tr.start is not None and tr.start == tr.end
        in_time = self.time is None or plan.use_time or one_period
        return bool(self.key) and all(k in shown for k in self.key) and in_time

    def time_bounds(self, time_range: TimeRange | None) -> tuple[TimeBound | None, TimeBound | None]:
        """Inclusive bounds in the time column's own type: year numbers, or ISO dates for daily data."""
        if time_range is None:
            return None, None
        if self.time is None:
            raise PlanValidationError(f"Dataset {self.name!r} has no time column to restrict.")
        grain = self.time.grain
        start = _parse_bound(time_range.start, grain, is_end=False)
        end = _parse_bound(time_range.end, grain, is_end=True)
        if start is not None and end is not None and str(start) > str(end):
            raise PlanValidationError(f"The time range starts ({start}) after it ends ({end}).")
        return start, end


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parse_bound(text: str | None, grain: str, *, is_end: bool) -> TimeBound | None:
    if text is None:
        return None
    match = _DATE_RE.match(text.strip())
    if match is None:
        raise PlanValidationError(f"Time bound {text!r} is not a year or an ISO date (YYYY[-MM[-DD]]).")
    year, month, day = int(match[1]), match[2], match[3]
    if grain == "year":
        return year
    try:
        if day is not None and month is not None:
            return dt.date(year, int(month), int(day)).isoformat()
        if month is not None:
            first = dt.date(year, int(month), 1)
            if not is_end:
                return first.isoformat()
            next_month = (first + dt.timedelta(days=32)).replace(day=1)
            return (next_month - dt.timedelta(days=1)).isoformat()
    except ValueError as exc:
        raise PlanValidationError(f"Time bound {text!r} is not a valid date.") from exc
    return f"{year:04d}-12-31" if is_end else f"{year:04d}-01-01"


class SemanticModel(_Model):
    datasets: list[Dataset] = Field(min_length=1)
    # Questions this model answers well, quoted back to users whose question could not be charted.
    examples: list[str] = Field(default_factory=list)

    def dataset(self, name: str) -> Dataset:
        for dataset in self.datasets:
            if dataset.name == name:
                return dataset
        known = ", ".join(d.name for d in self.datasets)
        raise PlanValidationError(f"Unknown dataset {name!r} (known: {known}).")

    def data_as_of(self, dataset: str) -> str | None:
        return self.dataset(dataset).time_max

    def validate_plan(self, plan: ChartPlan) -> None:
        """Raise PlanValidationError unless every name exists and the combination can be charted."""
        ds = self.dataset(plan.dataset)
        measures = [(ref, ds.measure(ref.name)) for ref in plan.measures]
        if len({ref.name for ref in plan.measures}) != len(plan.measures):
            raise PlanValidationError("A measure is listed twice.")
        for ref, measure in measures:
            if ref.agg == "sum" and not measure.additive:
                raise PlanValidationError(
                    f"Adding up {measure.label.lower()} means nothing; use avg, median, min or max."
                )
        aggs = {ref.agg for ref in plan.measures}
        if "none" in aggs and len(aggs) > 1:
            raise PlanValidationError("Raw values (agg none) cannot be mixed with aggregated measures.")
        for name in (plan.dimension, plan.series):
            if name is not None:
                ds.dimension(name)
        if plan.dimension is not None and plan.dimension == plan.series:
            raise PlanValidationError("The x axis and the series cannot be the same dimension.")
        if plan.use_time and ds.time is None:
            raise PlanValidationError(f"Dataset {ds.name!r} has no time column for a time axis.")
        if plan.use_time and plan.dimension is not None:
            raise PlanValidationError("The x axis is either time or a dimension, not both.")
        ds.time_bounds(plan.time_range)
        for flt in plan.filters:
            check_filter(ds, flt)
        if plan.sort is not None:
            sortable = {ref.name for ref in plan.measures} | {plan.dimension, plan.series}
            if ds.time is not None and plan.use_time:
                sortable.add(ds.time.column)
            if plan.sort.by not in sortable:
                raise PlanValidationError(f"Cannot sort by {plan.sort.by!r}: it is not shown on the chart.")
        check_chart_shape(plan, aggs)


def load_semantic_model(path: Path | None = None) -> SemanticModel:
    """Load a semantic model file; None loads the model of the bundled sample warehouse."""
    if path is None:
        text = importlib.resources.files("worker").joinpath("sample_model.yaml").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    model = SemanticModel.model_validate(yaml.safe_load(text))
    for ds in model.datasets:
        names = [m.name for m in ds.measures] + [d.name for d in ds.dimensions]
        if len(set(names)) != len(names):
            raise ValueError(f"dataset {ds.name!r}: measure and dimension names must be unique")
        for key in [*ds.key, *([ds.who] if ds.who else [])]:
            ds.dimension(key)
    return model

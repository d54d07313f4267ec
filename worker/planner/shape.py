"""What a question said (`Reading`) -> the chart that shows it (`shape`): which measures and how they are
combined, what goes on the x axis, which series, the period, the order and the chart type.

What the question leaves open is decided from the data: time on x -> line, categories -> bar, two
measures -> scatter, a share -> pie; a snapshot dataset (each period a full picture) without a time axis
shows one period, never several added together; a single named entity is a filter, several are series.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from worker.plan import Aggregation, ChartPlan, ChartType, Filter, MeasureRef, Sort, SortDirection, TimeRange
from worker.planner.titles import Ranking, chart_title, join_names
from worker.semantic import Dataset, DimensionValue


@dataclass(frozen=True)
class Top:
    """A ranking: lowest first or highest, how many, whether the question gave the count, and by what."""

    low: bool
    limit: int
    counted: bool
    by: str | None = None


@dataclass
class Reading:
    """Everything the rule planner understood in a question, before any choice is made."""

    ds: Dataset
    measures: list[str] = field(default_factory=list)
    # Measures (or number dimensions) a numeric condition was put on, and those conditions.
    conditions: list[Filter] = field(default_factory=list)
    # Dimensions to group by: "by continent" (groups) or just named ("countries with ...", bare).
    groups: list[str] = field(default_factory=list)
    bare: list[str] = field(default_factory=list)
    entities: dict[str, list[DimensionValue]] = field(default_factory=dict)
    chart: ChartType | None = None
    agg: Aggregation | None = None
    # "the average tip and the median total bill": each measure's own aggregation, when each has one.
    own_aggs: dict[str, Aggregation] = field(default_factory=dict)
    count_rows: bool = False
    # The dimension a count of rows counts and the word said for it ("districts"), when it names one.
    counted: tuple[str, str] | None = None
    top: Top | None = None
    sort: SortDirection | None = None
    wants_time: bool = False
    # The words that asked for time on the x axis ("over time", "yearly"), to say so if it is not.
    time_words: list[str] = field(default_factory=list)
    vs: bool = False
    # Groupings that split the chart ("split by candidate"): its series, when something else is on x.
    split: list[str] = field(default_factory=list)
    # Groupings a distribution is taken across ("vote counts across districts"): not its series.
    across: list[str] = field(default_factory=list)
    # "side by side": bars, each value summarised over the period rather than drawn over time.
    side_by_side: bool = False
    # "days kept in calendar order", "sizes in numeric order": the x axis in its own order, not sorted.
    in_order: bool = False
    # "combined", "altogether": the values named are added up, not shown one each; "on weekends": the
    # values of these dimensions are added up.
    combined: bool = False
    together: list[str] = field(default_factory=list)
    # Values named as a restriction ("the setosa and versicolor flowers only"): filters, not series of a
    # scatter or histogram.
    only: list[str] = field(default_factory=list)
    # Values named to keep rows ("for Sat and Sun only", "On Thursdays and Fridays: ... by sex"): no series
    # of bars grouped by another dimension (worker.planner.restrictions).
    kept: list[str] = field(default_factory=list)
    # Values left out ("excluding Oceania"), per dimension.
    excluded: dict[str, list[DimensionValue]] = field(default_factory=dict)
    # "ranked by their average price": one bar each, in the measure's order, even over a period.
    ranked: bool = False
    start: str | None = None
    end: str | None = None
    # True when the period covers several periods of the data (a range, or a year of daily data).
    span: bool = False

    def add(self, dim: str, value: DimensionValue) -> None:
        """A value the question named."""
        values = self.entities.setdefault(dim, [])
        if value not in values:
            values.append(value)

    def names_anything(self) -> bool:
        """Whether the question named something of its dataset beyond the dataset itself."""
        return bool(
            self.measures
            or self.count_rows
            or self.groups
            or self.bare
            or self.entities
            or self.conditions
            or self.top
            or self.ranked
        )


def _limit(ds: Dataset, dimension: str | None, top: Top | None) -> int | None:
    """A ranking's limit; a default one (no count said) over a dimension with no more values than that
    ranks every one ("which strength bands are the most frequent": all six, not "the top ten")."""
    if top is None:
        return None
    if not top.counted and dimension is not None and 0 < len(ds.dimension(dimension).values) <= top.limit:
        return None
    return top.limit


def shape(r: Reading) -> ChartPlan:
    """The plan for a reading; raises ValueError (or PlanValidationError) when no chart can show it."""
    ds = r.ds
    numeric = {m.name for m in ds.measures}
    measures = list(r.measures) or ([r.top.by] if r.top and r.top.by else [])
    measures = (
        measures or [f.column for f in r.conditions if f.column in numeric][:1] or [ds.measures[0].name]
    )
    measures = measures[:4]
    key = ds.key[0] if ds.key else None
    multi = [d for d, values in r.entities.items() if len(values) > 1 and d not in r.together]
    # "parties of 2 versus parties of 4": sizes named as a condition are compared as values named are.
    sizes = {d.name for d in ds.dimensions if d.type == "number"}
    multi += [f.column for f in r.conditions if f.op == "in" and f.column in sizes and f.column not in multi]
    multi = [] if r.combined else multi
    # "smokers or non-smokers, on Saturdays and Sundays": a dimension named whole is what is compared; the
    # dimensions named in part only filter it.
    whole = [d for d in multi if len(r.entities.get(d, ())) >= len(ds.dimension(d).values) > 0]
    multi = whole if whole and not r.groups else multi
    has_time = ds.time is not None
    # A dimension named without "by" groups only when nothing else does ("countries with ... by continent").
    groups = list(r.groups) or ([] if r.combined else [d for d in r.bare if d not in r.entities])
    fallback = next(iter([*r.bare, *([key] if key else []), *(d.name for d in ds.dimensions)]), None)
    start, end, top = r.start, r.end, r.top
    # "top 3 countries by population, split by continent": what is ranked is not what colours it.
    ranked = [g for g in groups if g not in r.split]
    # "which has the highest average tip, men or women?": every value of a dimension named is what is ranked.
    top_dim = (
        None if top is None else (ranked[0] if ranked else next(iter(whole if not r.bare else []), fallback))
    )
    if top_dim in groups:
        groups.remove(top_dim)
    dimension = series = None
    chart = r.chart
    # A snapshot's periods are never added up, but the highest or lowest over them may be asked for.
    extreme = r.agg in ("max", "min") and bool(r.groups or top) and r.span
    # "the average sepal length and sepal width of each species": a summary per group, so bars.
    # So is an average of values named on data without dates ("the average tip and bill at lunch and dinner").
    by_values = bool(multi) and not has_time
    summarised = r.agg not in (None, "none") and bool(r.groups or by_values) and not r.vs
    # "tip and total bill by day" compares each day's two figures; "..., coloured by day" is a scatter.
    on_x = [g for g in r.groups if g not in r.split]
    summarised = summarised or (r.agg is None and bool(on_x) and not r.vs and chart != "scatter")
    scatter2 = (
        len(measures) > 1
        and (chart == "scatter" or (chart is None and not summarised))
        and (r.vs or chart == "scatter" or not (has_time and (r.wants_time or r.span)))
    )
    if scatter2:
        kind: ChartType = "scatter"
        measures, use_time = measures[:2], False
        groups = [g for g in groups if g != key]
        compared = [d for d in multi if d not in r.only]
        series = groups[0] if groups else (compared[0] if compared else None)
        if key is not None and key != series and key not in r.entities:
            dimension = key
        raw = dimension is None
    else:
        # Averages per company over a period of daily data summarise it; a snapshot never adds periods.
        # So does a count of rows, which per date would be one each.
        # An order by the measure ("all six companies' average price in 2019, highest first") asks for
        # values side by side in that order, which a line over time cannot show.
        asked = (
            (r.agg is not None and bool(r.groups or multi))
            or r.count_rows
            or r.side_by_side
            or (r.sort is not None and bool(groups))
        )
        summary = (not ds.snapshot or extreme) and asked and not r.wants_time
        use_time = (
            has_time
            and chart not in ("pie", "histogram")
            and top is None
            and not (r.ranked and not r.wants_time and chart not in ("line", "area"))
            and not (summary and chart not in ("line", "area"))
            and (r.wants_time or r.span or chart in ("line", "area") or (start is None and not groups))
        )
        kind = chart or ("line" if use_time else "bar")
        if kind in ("pie", "histogram"):
            measures = measures[:1]
        raw = kind == "histogram"
        if use_time or raw:
            coloured = [g for g in groups if not (raw and g in r.across)]
            compared = [d for d in multi if not (raw and d in r.only)]
            if use_time and compared and not r.groups:
                # "Asia and Africa over time, only countries with GDP per capita above 1,000": the named
                # values are the lines; a dimension only named ("countries with …") scopes the rows.
                coloured = []
            series = coloured[0] if coloured else (compared[0] if compared else None)
            if raw and ds.snapshot and series == key and key not in r.entities:
                series = None  # "the distribution across countries": one value each, so no series
            few = key is not None and 1 < len(ds.dimension(key).values) <= 10
            if (
                series is None
                and use_time
                and few
                and key not in r.entities
                and not (r.combined or r.count_rows)
            ):
                # Few entities (six tickers): one line each says more than their average.
                series = key
        else:
            # One value named of each of several dimensions: the first in the dataset's key goes on x.
            named = sorted(r.entities, key=lambda d: ds.key.index(d) if d in ds.key else len(ds.key))
            on_x = [g for g in groups if g not in r.split]
            # Values left out of a dimension ("the Americas except the US") ask for the rest of its values.
            left_out = [d for d in r.excluded if d not in r.entities]
            # "Canada and China for gold, silver and bronze, coloured by nation": what colours is not on x.
            unsplit = [d for d in multi if d not in r.split]
            dimension = (
                top_dim or next(iter([*on_x, *unsplit, *multi, *groups, *left_out, *named]), None) or fallback
            )
            if r.sort is not None and len(r.entities.get(dimension or "", ())) == 1 and fallback not in named:
                # "Coderre's votes in the districts Joly won, highest first": an order asks for several
                # bars, and one value named is one bar; the rows it keeps go on x by the dataset's key.
                dimension = fallback
            # Values named as a restriction ("for Sat and Sun only", "On Thursdays and Fridays: ... by sex")
            # keep rows; they are no series of bars grouped by another dimension.
            rest = [d for d in [*groups, *(d for d in multi if d not in r.kept)] if d != dimension]
            series = rest[0] if rest and kind != "pie" else None
    if ds.snapshot and not use_time and not extreme and not (raw and (key in r.entities or series == key)):
        start = end = end or ds.time_max
    refs = [MeasureRef(name=m, agg=_agg(ds, m, r, kind, raw)) for m in measures]
    sort = None
    if top is not None:
        sort = Sort(by=measures[0], direction="asc" if top.low else "desc")
    elif r.sort is not None and not use_time:
        sort = Sort(by=measures[0], direction=r.sort)
    elif not use_time and kind in ("bar", "pie") and dimension is not None and not r.in_order:
        dim = ds.dimension(dimension)
        if not dim.order and dim.type != "number":
            sort = Sort(by=measures[0], direction="desc")
    # A pie kept to one value of its own dimension is one slice, always 100%: "Canada's share" is the
    # pie of every nation.
    entities = {d: v for d, v in r.entities.items() if not (kind == "pie" and d == dimension and len(v) == 1)}
    filters = [_filter(d, v) for d, v in entities.items()] + list(r.conditions)
    filters += [_filter(d, v, ("ne", "not_in")) for d, v in r.excluded.items()]
    if start is not None and end is None and not ds.snapshot and _from_the_first(ds, start):
        start = None  # "since the start of 2018" on data that begins then keeps every row: no restriction
    if start is not None and end is not None and not ds.snapshot and _all_of_it(ds, start, end):
        start = end = None  # "from the first week of 2018 to the end of the data": every row
    time_range = TimeRange(start=start, end=end) if has_time and (start or end) else None
    plan = ChartPlan(dataset=ds.name, measures=refs, dimension=dimension, series=series, use_time=use_time,
                     time_range=time_range, filters=filters, sort=sort,
                     limit=_limit(ds, dimension, top), chart_type=kind, title=ds.name)  # fmt: skip
    ranking = None if top is None else Ranking(low=top.low, counted=top.counted)
    title = chart_title(ds, plan, entities, ranking)
    if r.excluded:
        title += f" excluding {join_names([str(v) for values in r.excluded.values() for v in values])}"
    return plan.model_copy(update={"title": title[:200]})


def _from_the_first(ds: Dataset, start: str) -> bool:
    """Whether a period opening at `start` opens at or before the data's first date."""
    first = ds.time_bounds(TimeRange(start=start))[0] if ds.time is not None else None
    return first is not None and ds.time_min is not None and str(first) <= ds.time_min


def _all_of_it(ds: Dataset, start: str, end: str) -> bool:
    """Whether a period from `start` to `end` holds every date of the data."""
    if ds.time is None or ds.time_min is None or ds.time_max is None:
        return False
    first, last = ds.time_bounds(TimeRange(start=start, end=end))
    return first is not None and last is not None and str(first) <= ds.time_min and str(last) >= ds.time_max


def _agg(ds: Dataset, name: str, r: Reading, kind: ChartType, raw: bool) -> Aggregation:
    measure = ds.measure(name)
    if raw:
        return "none"
    if r.count_rows:
        return "count"
    asked = r.own_aggs.get(name, r.agg)
    if asked is None and kind == "pie" and measure.additive:
        # A pie shows parts of a whole: the parts are totals even when the measure is usually averaged.
        return "sum"
    if asked is None or (asked == "sum" and not measure.additive):
        return measure.agg
    return asked


def _filter(column: str, values: list[DimensionValue], ops: tuple[str, str] = ("eq", "in")) -> Filter:
    one, many = ops
    if len(values) == 1:
        return Filter.model_validate({"column": column, "op": one, "value": values[0]})
    if all(isinstance(v, str) for v in values):
        return Filter.model_validate({"column": column, "op": many, "value": [str(v) for v in values]})
    return Filter.model_validate({"column": column, "op": many, "value": [float(v) for v in values]})

"""The deterministic rule planner: a chat question -> ChartPlan, offline, by matching the semantic model.

Words are matched whole and case-insensitively; each phrase is consumed once, in an order chosen so the
longer reading wins ("between 1990 and 2000" before "Mexico and Canada", "total bill" before "total").
What the question leaves open is decided from the data: time on x -> line, categories -> bar, two
measures -> scatter; a snapshot dataset (each year a full picture) without a time axis shows its latest
period rather than adding years together. The words themselves live in worker.vocabulary and
worker.time_phrases, the wording of titles in worker.titles.
"""

from __future__ import annotations

import re

from worker.plan import Aggregation, ChartPlan, ChartType, Filter, MeasureRef, Sort, TimeRange
from worker.semantic import Dataset, DimensionValue, PlanValidationError, SemanticModel
from worker.time_phrases import COUNT, TimePeriod, parse_count, read_time_period
from worker.titles import Ranking, chart_title, join_names, lower_label
from worker.vocabulary import Scan, Vocabulary, normalize, words


class UnchartableQuestion(Exception):
    """The question cannot become a chart; str is a sentence for the user saying why and what works."""


_CHART_WORDS: dict[ChartType, str] = {
    "histogram": r"histograms?|distributions?|spread",
    "scatter": r"scatter(?:\s*plot)?s?|correlations?|correlated?|relationships?|relation",
    "pie": r"pie|donut|doughnut|share|proportions?|composition|breakdown",
    "area": r"area|stacked",
    "line": r"lines?|line\s+(?:chart|graph)",
    "bar": r"bars?|columns?|column\s+chart",
}
_AGG_WORDS: dict[Aggregation, str] = {
    "avg": r"average|avg|mean",
    "sum": r"total|sum|combined",
    "median": r"median",
    "min": r"minimum|min",
    "max": r"maximum|max|peak",
    "count": r"number\s+of|count\s+of|count|how\s+many",
}
_TIME_AXIS = (
    r"over\s+time|over\s+the\s+years|through\s+the\s+years|trends?|evolution|evolved?|history|"
    r"historical|timeline|time\s+series|(?:by|per|each|every)\s+(?:year|date|week|month|day)|"
    r"yearly|annual(?:ly)?|weekly|daily|growth|grew|changed?|changes|progress"
)

_LOW = ("bottom", "lowest", "smallest", "worst")


class RulePlanner:
    def __init__(self, model: SemanticModel) -> None:
        self.model = model
        self._vocabs = [Vocabulary.build(ds) for ds in model.datasets]
        self._charts = {k: words(v) for k, v in _CHART_WORDS.items()}
        self._aggs = {k: words(v) for k, v in _AGG_WORDS.items()}
        self._time_axis = words(_TIME_AXIS)
        self._vs = words(r"vs\.?|versus|v\.?|against|compared\s+(?:to|with)")
        self._top = re.compile(
            rf"\b(?P<dir>top|bottom|highest|lowest|largest|smallest|biggest|best|worst)"
            rf"(?:\s+(?P<n>{COUNT}))?\b",
            re.IGNORECASE,
        )

    def plan(self, question: str) -> ChartPlan:
        scan = Scan.of(question)
        vocab = self._choose_dataset(scan)
        ds = vocab.ds
        start, end, span = self._time_range(scan, ds)
        measures = list(
            dict.fromkeys(vocab.measures[1][normalize(m[0])] for m in scan.take(vocab.measures[0]))
        )
        if not measures:
            measures = [ds.measures[0].name]
        measures = measures[:4]
        groups: list[str] = []
        for m in scan.take(vocab.group):
            groups += [vocab.dims[1][normalize(m[g])] for g in ("d1", "d2") if m[g]]
        top = next(scan.take(self._top), None)
        entities: dict[str, list[DimensionValue]] = {}
        for m in scan.take(vocab.values[0]):
            dim_name, value = vocab.values[1][normalize(m[0])]
            entities.setdefault(dim_name, [])
            if value not in entities[dim_name]:
                entities[dim_name].append(value)
        bare_dims = [vocab.dims[1][normalize(m[0])] for m in scan.take(vocab.dims[0])]
        chart = next((k for k, p in self._charts.items() if any(scan.take(p))), None)
        agg = next((k for k, p in self._aggs.items() if any(scan.take(p))), None)
        wants_time = any(scan.take(self._time_axis))
        vs = any(scan.take(self._vs))
        return self._shape(
            ds, measures, groups, top, entities, bare_dims, chart, agg, wants_time, vs, (start, end, span)
        )

    def _choose_dataset(self, scan: Scan) -> Vocabulary:
        best, best_score = None, 0
        for vocab in self._vocabs:
            named = 3 * scan.count(vocab.measures[0]) + 2 * scan.count(vocab.datasets[0])
            if named and named + scan.count(vocab.values[0]) > best_score:
                best, best_score = vocab, named + scan.count(vocab.values[0])
        if best is None:
            reason = "That question doesn't name anything chartq can measure."
            if not scan.text:
                reason = "The question is empty."
            elif any(scan.count(v.values[0]) for v in self._vocabs):
                reason = "That question says what to compare but not what to measure."
            raise UnchartableQuestion(self.help(reason))
        return best

    def help(self, reason: str) -> str:
        """`reason` (a sentence) followed by measures that can be asked for and an example question."""
        offers = []
        for ds in self.model.datasets:
            labels = [lower_label(m.label) for m in ds.measures[:2]]
            offers.append(f"{' or '.join(labels)} ({ds.name})")
        first = self.model.datasets[0].measures[0].label
        example = self.model.examples[0] if self.model.examples else first
        return f"{reason} Try measures such as {join_names(offers)}, e.g. \u201c{example}\u201d."

    def _time_range(self, scan: Scan, ds: Dataset) -> tuple[str | None, str | None, bool]:
        """(start, end, spans several periods) from the question's time phrases, which it reads first."""
        yearly = ds.time is not None and ds.time.grain == "year"
        period = read_time_period(scan.text, ds.time_max, yearly=yearly)
        for span in period.spans:
            scan.claim(span)
        start, end = period.start, period.end
        if ds.time is None or (start is None and end is None):
            return None, None, False
        try:
            first, last = ds.time_bounds(TimeRange(start=start, end=end))
            data_first, data_last = ds.time_bounds(TimeRange(start=ds.time_min, end=ds.time_max))
        except PlanValidationError as exc:
            raise UnchartableQuestion(self.help(str(exc))) from exc
        outside = (data_last is not None and first is not None and str(first) > str(data_last)) or (
            data_first is not None and last is not None and str(last) < str(data_first)
        )
        if outside:
            raise UnchartableQuestion(_outside_the_data(ds, period, scan))
        return start, end, start is None or end is None or first != last

    def _shape(
        self,
        ds: Dataset,
        measures: list[str],
        groups: list[str],
        top: re.Match[str] | None,
        entities: dict[str, list[DimensionValue]],
        bare_dims: list[str],
        chart: ChartType | None,
        agg: Aggregation | None,
        wants_time: bool,
        vs: bool,
        time: tuple[str | None, str | None, bool],
    ) -> ChartPlan:
        start, end, span = time
        key = ds.key[0] if ds.key else None
        multi = [d for d, values in entities.items() if len(values) > 1]
        has_time = ds.time is not None
        fallback_dim = next(
            iter([*bare_dims, *([key] if key else []), *(d.name for d in ds.dimensions)]), None
        )
        limit, sort = None, None
        top_dim = None
        if top is not None:
            top_dim = groups.pop(0) if groups else fallback_dim
            n = top["n"]
            limit = parse_count(n) if n else 10
            sort = Sort(by=measures[0], direction="asc" if top["dir"] in _LOW else "desc")
        dimension = series = None
        raw = False
        scatter2 = (
            len(measures) > 1
            and chart in (None, "scatter")
            and (vs or chart == "scatter" or not (has_time and (wants_time or span)))
        )
        if scatter2:
            kind: ChartType = "scatter"
            measures, use_time = measures[:2], False
            series = groups[0] if groups else (multi[0] if multi else None)
            if key is not None and key != series and key not in entities:
                dimension = key
            raw = dimension is None
        else:
            use_time = (
                has_time
                and chart not in ("pie", "histogram")
                and top is None
                and (wants_time or span or chart in ("line", "area") or (start is None and not groups))
            )
            kind = chart or ("line" if use_time else "bar")
            if kind in ("pie", "histogram"):
                measures = measures[:1]
            raw = kind == "histogram"
            if use_time or raw:
                series = groups[0] if groups else next(iter([*multi, *entities]), None)
                if (
                    series is None
                    and use_time
                    and key is not None
                    and 1 < len(ds.dimension(key).values) <= 10
                ):
                    # Few entities (six tickers): one line each says more than their average.
                    series = key
            else:
                dimension = top_dim or next(iter([*groups, *multi, *entities]), None) or fallback_dim
                rest = [d for d in [*groups, *multi] if d != dimension]
                series = rest[0] if rest and kind != "pie" else None
        if ds.snapshot and not use_time and not (raw and (key in entities or series == key)):
            # A snapshot is a full picture per period: show one period, never several added together.
            start = end = end or ds.time_max
        refs = [MeasureRef(name=m, agg=self._agg(ds, m, agg, raw)) for m in measures]
        categorical = not use_time and kind in ("bar", "pie") and dimension is not None
        if sort is None and categorical and not ds.dimension(str(dimension)).order:
            sort = Sort(by=measures[0], direction="desc")
        filters = [_filter(d, v) for d, v in entities.items()]
        time_range = TimeRange(start=start, end=end) if has_time and (start or end) else None
        try:
            plan = ChartPlan(dataset=ds.name, measures=refs, dimension=dimension, series=series,
                             use_time=use_time, time_range=time_range, filters=filters, sort=sort,
                             limit=limit, chart_type=kind, title=ds.name)  # fmt: skip
            ranking = None if top is None else Ranking(low=top["dir"] in _LOW, counted=bool(top["n"]))
            plan = plan.model_copy(update={"title": chart_title(ds, plan, entities, ranking)})
            self.model.validate_plan(plan)
        except (PlanValidationError, ValueError) as exc:
            raise UnchartableQuestion(
                self.help(f"That question asks for a chart that cannot be drawn: {lower_label(str(exc))}")
            ) from exc
        return plan

    @staticmethod
    def _agg(ds: Dataset, name: str, asked: Aggregation | None, raw: bool) -> Aggregation:
        measure = ds.measure(name)
        if raw:
            return "none"
        if asked is None or (asked == "sum" and not measure.additive):
            return measure.agg
        return asked


def _filter(column: str, values: list[DimensionValue]) -> Filter:
    if len(values) == 1:
        return Filter(column=column, op="eq", value=values[0])
    if all(isinstance(v, str) for v in values):
        return Filter(column=column, op="in", value=[str(v) for v in values])
    return Filter(column=column, op="in", value=[float(v) for v in values])


def _outside_the_data(ds: Dataset, period: TimePeriod, scan: Scan) -> str:
    """Says which period the data covers and suggests the question with a period inside it instead."""
    low, high = str(ds.time_min), str(ds.time_max)
    yearly = ds.time is not None and ds.time.grain == "year"
    asked = " and ".join(f"\u201c{scan.excerpt(span)}\u201d" for span in period.spans)
    if yearly:
        inside = f"from {max(int(low[:4]), int(high[:4]) - 10)} to {high[:4]}"
    else:
        inside = f"in {high[:4]}" if high[:4] > low[:4] else f"from {low} to {high}"
    example = f"{scan.without(period.spans)} {inside}".strip()
    covers = f"{low}\u2013{high}" if yearly else f"{low} to {high}"
    return (
        f"The {ds.name} data covers {covers}, so {asked} is outside it. "
        f"Try a period inside it, e.g. \u201c{example}\u201d."
    )

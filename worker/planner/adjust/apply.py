"""Adjustments: "make it a bar chart", "only since 2000", "add Brazil", "per continent instead", "show the
top 5" change the previous chart's plan instead of starting over.

`adjust` reads the edits (worker.planner.adjust.edits), applies them to a copy of the plan in a fixed order
(measures, entity values, period, grouping, ranking, chart type, then aggregation and sort once the shape
is settled), reshapes what the new chart type needs (worker.planner.adjust.reshape), re-titles it
(worker.planner.adjust.text) and validates. Whatever the text does not mention stays as it was: the dataset,
the other filters, the period.
"""

from __future__ import annotations

from worker.plan import ChartPlan, MeasureRef, Sort
from worker.planner.adjust.edits import Edits, read_edits
from worker.planner.adjust.reshape import Draft, categories_axis, fit, time_axis
from worker.planner.adjust.text import adjusted_title, adjustment_help
from worker.planner.rules import UnchartableQuestion
from worker.planner.titles import join_names, lower_label
from worker.planner.words import destroys_stored
from worker.semantic import Dataset, DimensionValue, PlanValidationError, SemanticModel

__all__ = ["NotAnAdjustment", "adjust", "adjustment_help"]

DEFAULT_TOP_N = 10


class NotAnAdjustment(UnchartableQuestion):
    """Nothing in the text reads as a change to the chart; str says what can be asked."""


def adjust(previous: ChartPlan, text: str, model: SemanticModel) -> ChartPlan:
    """`previous` changed as `text` asks; raises UnchartableQuestion (NotAnAdjustment when nothing in the
    text is understood) with a sentence for the user."""
    try:
        ds = model.dataset(previous.dataset)
    except PlanValidationError as exc:
        raise UnchartableQuestion(f"The chart to adjust uses data chartq no longer has: {exc}") from exc
    if destroys_stored(text):
        # Read as edits, "delete all charts" would show every country: a chart nobody asked for.
        reason = (
            "chartq only reads data to draw charts; it does not run commands, change data or delete charts."
        )
        raise NotAnAdjustment(adjustment_help(ds, previous, reason))
    edits = read_edits(text, ds, model)
    if not edits.understood():
        shown = " ".join(text.split())
        shown = shown if len(shown) <= 80 else shown[:77] + "\u2026"
        reason = f"chartq could not read \u201c{shown}\u201d as a change to \u201c{previous.title}\u201d."
        raise NotAnAdjustment(adjustment_help(ds, previous, reason))
    if edits.unread:
        words = join_names([f"\u201c{word}\u201d" for word in edits.unread])
        means = "mean" if len(edits.unread) > 1 else "means"
        reason = f"chartq does not know what {words} {means} in a change to \u201c{previous.title}\u201d."
        raise NotAnAdjustment(adjustment_help(ds, previous, reason))
    draft = Draft.of(previous)
    _apply_measures(draft, ds, edits)
    _apply_entities(draft, ds, edits)
    _apply_period(draft, ds, edits)
    _apply_conditions(draft, edits)
    _apply_groups(draft, ds, edits)
    _apply_ranking(draft, ds, edits)
    if edits.chart is not None:
        draft.kind = edits.chart
        if edits.chart in ("line", "area") and draft.limit is None:
            # A line asked of a snapshot's categories means the trend of each over time.
            time_axis(draft, ds)
    fit(draft, ds)
    _apply_agg(draft, ds, edits)
    _apply_sort(draft, ds, edits)
    fit(draft, ds)
    try:
        plan = draft.plan(title=previous.title)
        plan = plan.model_copy(update={"title": adjusted_title(ds, plan, previous, edits)})
        model.validate_plan(plan)
    except (PlanValidationError, ValueError) as exc:
        reason = f"That change asks for a chart that cannot be drawn: {lower_label(str(exc))}"
        raise UnchartableQuestion(adjustment_help(ds, previous, reason)) from exc
    return plan


def _carried_agg(previous: MeasureRef, ds: Dataset, name: str) -> MeasureRef:
    """A new measure keeps an aggregation the user chose; where the old one was a default, its own."""
    old, new = ds.measure(previous.name), ds.measure(name)
    agg = previous.agg
    if agg != "none" and (agg == old.agg or (agg == "sum" and not new.additive)):
        agg = new.agg
    return MeasureRef(name=name, agg=agg)


def _apply_measures(draft: Draft, ds: Dataset, edits: Edits) -> None:
    first = draft.measures[0]
    names = [m.name for m in draft.measures]
    replace = list(dict.fromkeys(n for verb, n in edits.measures if verb in ("replace", "only")))
    if replace:
        if draft.kind == "scatter" and len(names) == 2 and len(replace) == 1:
            # Against each other: a newly named measure takes the y axis, the x axis stays.
            if replace[0] not in names:
                draft.measures[1] = _carried_agg(draft.measures[1], ds, replace[0])
        else:
            draft.measures = [_carried_agg(first, ds, n) for n in replace[:4]]
    for verb, name in edits.measures:
        names = [m.name for m in draft.measures]
        if verb == "add" and name not in names and len(names) < 4:
            draft.measures.append(_carried_agg(first, ds, name))
        elif verb == "remove" and name in names:
            if len(names) == 1:
                raise UnchartableQuestion(
                    f"The chart shows only {lower_label(ds.measure(name).label)}; "
                    "name another measure to show instead."
                )
            draft.measures = [m for m in draft.measures if m.name != name]


def _apply_entities(draft: Draft, ds: Dataset, edits: Edits) -> None:
    only: dict[str, list[DimensionValue]] = {}
    for entity in edits.entities:
        verb, dim, value = entity.verb, entity.dim, entity.value
        if verb == "only":
            only.setdefault(dim, [])
            if value not in only[dim]:
                only[dim].append(value)
            continue
        included, excluded = draft.values_of(dim)
        if verb == "remove":
            if included is None:
                draft.set_values(dim, None, [*excluded, *([] if value in excluded else [value])])
            elif value in included:
                rest = [v for v in included if v != value]
                if not rest:
                    label = ds.dimension(dim).plural()
                    raise UnchartableQuestion(f"Removing {entity.phrase} would leave no {label} to show.")
                draft.set_values(dim, rest, [])
        elif included is not None:
            draft.set_values(dim, [*included, *([] if value in included else [value])], [])
        elif value in excluded:
            draft.set_values(dim, None, [v for v in excluded if v != value])
        else:
            plural = ds.dimension(dim).plural()
            raise UnchartableQuestion(
                f"The chart already takes every one of the {plural} into account, {entity.phrase} included; "
                f"say \u201conly {entity.phrase}\u201d to show them alone."
            )
    for dim, values in only.items():
        draft.set_values(dim, values, [])
        # "the same for Europe" on a chart of Mexico and Canada: the values picked of the dimension shown
        # gave way to the new subject; kept, the two filters would meet in no row.
        for shown in {draft.dimension, draft.series} - {None, dim}:
            if shown is not None and draft.values_of(shown)[0] is not None and shown not in only:
                draft.set_values(shown, None, [])
    for dim in dict.fromkeys(e.dim for e in edits.entities):
        included, _ = draft.values_of(dim)
        if included is not None and len(included) > 1:
            draft.show_separately(dim)


def _apply_period(draft: Draft, ds: Dataset, edits: Edits) -> None:
    spans = False
    if edits.clear_time and ds.time is not None:
        draft.start = draft.end = None
        spans = True
    if edits.period is not None:
        draft.start, draft.end = edits.period.start, edits.period.end
        spans = draft.start is None or draft.end is None or draft.start != draft.end
    single_chart = edits.chart in ("pie", "histogram", "scatter") or edits.ranking is not None
    if (spans and ds.snapshot and not draft.use_time and not single_chart) or edits.time_axis:
        # A snapshot holds one full picture per period: several periods are shown over time, never summed.
        if ds.time is None:
            raise UnchartableQuestion(f"The {ds.name} data has no dates to show over time.")
        time_axis(draft, ds)


def _apply_conditions(draft: Draft, edits: Edits) -> None:
    """A new condition on a column replaces the chart's own conditions on it ("only parties of 3 or more")."""
    for condition in edits.conditions:
        numeric = ("gt", "gte", "lt", "lte", "between")
        draft.filters = [
            f
            for f in draft.filters
            if not (f.column == condition.column and (f.op in numeric or condition.op != "eq"))
        ]
        draft.filters.append(condition)


def _apply_groups(draft: Draft, ds: Dataset, edits: Edits) -> None:
    if not edits.groups:
        return
    first, second = edits.groups[0], next(iter(edits.groups[1:]), None)
    raw = draft.measures[0].agg == "none"
    if draft.use_time or raw:
        replaced = draft.series
        draft.series = first
    elif edits.split and draft.dimension not in (None, first) and draft.kind != "pie":
        # "split by sex": the bars stay, each split in two.
        draft.series, replaced = first, draft.series
    else:
        replaced = draft.dimension
        draft.dimension = first
        if draft.series == first:
            draft.series = None
        if second is not None and second != first and draft.kind != "pie":
            draft.series = second
    if replaced is not None and replaced not in edits.groups:
        # "per continent instead" of countries: the countries picked before no longer pick anything shown.
        draft.filters = [f for f in draft.filters if f.column != replaced]


def _apply_ranking(draft: Draft, ds: Dataset, edits: Edits) -> None:
    if edits.show_all:
        draft.limit = None
        for dim in edits.named_dims:
            draft.filters = [f for f in draft.filters if f.column != dim]
    ranking = edits.ranking
    if ranking is None:
        return
    target = next(
        iter([*edits.named_dims, *[d for d in (draft.dimension, draft.series) if d], *ds.key]),
        None,
    ) or next((d.name for d in ds.dimensions), None)
    if target is None:
        raise UnchartableQuestion(f"The {ds.name} data has nothing to rank.")
    replaced = draft.series if draft.use_time else draft.dimension
    if draft.use_time:
        # The lines split over time (one per country) make no sense beside a ranking.
        draft.series = None
    categories_axis(draft, ds, target)
    if draft.kind in ("line", "area", "histogram"):
        draft.kind = "bar"
    # The top 5 of all countries (or continents), not of the two countries picked before.
    draft.filters = [
        f
        for f in draft.filters
        if not ((f.column == target and f.op in ("eq", "in")) or (f.column == replaced != target))
    ]
    draft.limit = ranking.n or DEFAULT_TOP_N
    draft.sort = Sort(by=draft.measures[0].name, direction="asc" if ranking.low else "desc")


def _apply_agg(draft: Draft, ds: Dataset, edits: Edits) -> None:
    if edits.agg is None:
        return
    if draft.measures[0].agg == "none":
        raise UnchartableQuestion(
            f"A {draft.kind} chart shows each value as recorded, so it has no {edits.agg} to take; "
            "ask for a bar or line chart first."
        )
    for measure in draft.measures:
        if edits.agg == "sum" and not ds.measure(measure.name).additive:
            label = lower_label(ds.measure(measure.name).label)
            raise UnchartableQuestion(
                f"Adding up {label} means nothing; ask for the average, median, minimum or maximum instead."
            )
    draft.measures = [m.model_copy(update={"agg": edits.agg}) for m in draft.measures]


def _apply_sort(draft: Draft, ds: Dataset, edits: Edits) -> None:
    if edits.sort is None:
        return
    if edits.sort == "alpha":
        if draft.limit is not None:
            measure = lower_label(ds.measure(draft.measures[0].name).label)
            raise UnchartableQuestion(
                f"The chart shows the top {draft.limit} by {measure}, "
                "so its order picks what is shown; say \u201cshow all\u201d first to sort them all by name."
            )
        by = draft.dimension or draft.series
        if by is not None:
            draft.sort = Sort(by=by, direction="asc")
        return
    if edits.sort == "reverse":
        current = draft.sort.direction if draft.sort is not None else "desc"
        direction: str = "asc" if current == "desc" else "desc"
    else:
        direction = edits.sort
    if draft.use_time and ds.time is not None:
        by = ds.time.column
    elif draft.sort is not None and draft.sort.by in draft.shown():
        by = draft.sort.by
    else:
        by = draft.measures[0].name
    draft.sort = Sort(by=by, direction="asc" if direction == "asc" else "desc")

"""The words of a chart adjustment ("make it a bar chart", "only since 2000", "add Brazil", "per continent
instead", "show the top 5") read into the edits they ask for, against the dataset of the chart they change.

Reading follows the rule planner's habits (worker.planner.rules): whole words, case-insensitive, each
stretch of text read once, longer readings first (time phrases before numbers, "total bill" before "total").
Entity values and measures take their verb from the nearest verb before them ("remove Canada and Mexico"
removes both); without one, a value is added, or replaces the shown ones when the text says "instead".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from worker.plan import Aggregation, ChartType, Filter, TimeRange
from worker.planner.adjust.unread import unread_words
from worker.planner.conditions import read_comparisons, read_conditions, read_sizes
from worker.planner.lexicon import row_nouns
from worker.planner.rules import UnchartableQuestion
from worker.planner.time_phrases import TimePeriod, parse_count, read_time_period
from worker.planner.titles import lower_label
from worker.planner.vocabulary import Scan, Vocabulary, normalize, words

# The planner's own words for chart types, aggregations and rankings: a follow-up reads "bar", "median"
# or "bottom 3" exactly as a first question does.
from worker.planner.words import AGG_WORDS, CHART_WORDS, LOW_WORDS, MEASURE_RANKS, TOP
from worker.semantic import Dataset, DimensionValue, PlanValidationError, SemanticModel

__all__ = ["AnotherDataset", "Edits", "Entity", "Ranking", "Verb", "read_edits", "reads_as_edit"]

Verb = Literal["add", "remove", "only", "replace"]


class AnotherDataset(UnchartableQuestion):
    """The change names a measure of another dataset: a new question, not a change to this chart."""


SortEdit = Literal["asc", "desc", "alpha", "reverse"]

_ADD = (
    r"add(?:ing)?|also|include|including|plus|as\s+well\s+as|together\s+with|along\s+with|and\s+also|"
    r"with|against|vs\.?|versus|compared\s+(?:to|with)"
)
_REMOVE = (
    r"remove|removing|drop|without|exclude|excluding|except(?:\s+for)?|minus|take\s+out|leave\s+out|hide|"
    r"not|no\s+more|instead\s+of|rather\s+than"
)
_ONLY = r"only|just|what\s+about|how\s+about|switch\s+to|focus\s+on|(?:the\s+)?same\s+(?:\w+\s+)?for"
_VERBS: list[tuple[Verb, re.Pattern[str]]] = [
    ("add", words(_ADD)),
    ("remove", words(_REMOVE)),
    ("only", words(_ONLY)),
]
_INSTEAD = words(r"instead")
# What comes just before a word the change takes away: "total instead of average", "not the mean".
_REPLACED = re.compile(
    r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of|not|no\s+longer)\s+(?:the\s+)?$", re.IGNORECASE
)
_SPLIT = re.compile(r"split|broken\s+down", re.IGNORECASE)
_JOIN = re.compile(r"\s*(?:,|and|or|&)?\s*")
_ALONE = re.compile(r"\s*(?:only|alone)\b")

_CLEAR_TIME = words(
    r"all\s+(?:the\s+)?(?:years|time|dates|periods)|any\s+time|(?:the\s+)?(?:whole|full|entire)\s+"
    r"(?:period|history|time\s+range|range)|every\s+year|(?:remove|drop|clear)\s+the\s+"
    r"(?:time|date|year|period)(?:\s+(?:range|filter|limit))?"
)
_TIME_AXIS = words(
    r"over\s+time|over\s+the\s+years|through\s+the\s+years|as\s+a\s+trend|trends?|time\s+series|"
    r"timeline|(?:by|per|each|every)\s+(?:year|date|week|month)|yearly|annual(?:ly)?"
)
_SORTED = r"(?:(?:sort(?:ed)?|order(?:ed)?)\s+)?(?:in\s+)?"
_SORTS: list[tuple[SortEdit, re.Pattern[str]]] = [
    ("asc", words(rf"{_SORTED}(?:ascending|increasing|asc)(?:\s+order)?")),
    ("desc", words(rf"{_SORTED}(?:descending|decreasing|desc)(?:\s+order)?")),
    ("asc", words(r"(?:lowest|smallest|least|fewest)\s+first|(?:from\s+)?low(?:est)?\s+to\s+high(?:est)?")),
    ("desc", words(r"(?:highest|largest|biggest|most)\s+first|(?:from\s+)?high(?:est)?\s+to\s+low(?:est)?")),
    ("alpha", words(r"(?:sort(?:ed)?\s+)?(?:alphabetical(?:ly)?|a\s*-\s*z|by\s+name)")),
    ("reverse", words(r"reverse(?:d)?(?:\s+the)?(?:\s+(?:order|sort|sorting))?|flip\s+the\s+(?:order|sort)")),
]
_EACH = re.compile(r"\s+(?:(?:value|one)\s+)?(?:(?:of|in|for)\s+each|per)(?!\w)")
_SHOW_ALL = words(r"(?:show\s+)?all(?:\s+of\s+them)?|everything")
# Read before rankings: "remove the top 10 limit" takes the limit away, it does not ask for a top 10.
_NO_LIMIT = words(
    r"no\s+limit|(?:remove|drop|lose|clear|scrap|ditch|get\s+rid\s+of)\s+the\s+"
    r"(?:(?:top|bottom)[\s-]*\w+\s+|\d+\s+)?(?:limit|cap|cut-?off)"
)

# A message that starts like this, or says "instead", changes the chart before it rather than asking anew.
_EDIT_OPENING = re.compile(
    r"^(?:(?:ok(?:ay)?|great|thanks|thank\s+you|cool|nice|please|now|then|and|but|so|can\s+you|could\s+you|"
    r"would\s+you|let'?s)[\s,!.]+)*"
    r"(?:make|change|turn|switch|convert|use|add|also|include|plus|remove|drop|exclude|without|except|only|"
    r"just|what\s+about|how\s+about|(?:the\s+)?same|now|and|but|sort|order|reverse|flip|swap|replace|"
    r"instead|rather|as\s+an?|limit|restrict|narrow|zoom|group|split|per|by)\b",
    re.IGNORECASE,
)
_EDIT_ANYWHERE = words(
    r"instead|rather\s+than|(?:the|this|that|same)\s+(?:chart|graph|plot|thing|data)|make\s+it|turn\s+it|"
    r"change\s+it|show\s+it"
)


def reads_as_edit(text: str) -> bool:
    """True when a message reads as a change to the chart before it ("make it…", "only…", "…instead")."""
    text = normalize(text)
    return bool(_EDIT_OPENING.match(text) or _EDIT_ANYWHERE.search(text))


@dataclass(frozen=True)
class Ranking:
    """ "show the top 5" (low False, n 5), "bottom 3", "the highest" (n None)."""

    low: bool
    n: int | None


@dataclass(frozen=True)
class Entity:
    """A value of a dimension the text names ("Brazil"), what to do with it, and the words it was named by."""

    verb: Verb
    dim: str
    value: DimensionValue
    phrase: str


@dataclass
class Edits:
    """What an adjustment asks to change; every field left empty keeps the chart as it was."""

    chart: ChartType | None = None
    period: TimePeriod | None = None
    clear_time: bool = False
    time_axis: bool = False
    measures: list[tuple[Verb, str]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    ranking: Ranking | None = None
    show_all: bool = False
    # Dimensions named on their own ("the top 5 continents", "all countries").
    named_dims: list[str] = field(default_factory=list)
    sort: SortEdit | None = None
    agg: Aggregation | None = None
    # "only parties of 3 or more", "tips above $5": numeric conditions, each replacing the chart's own
    # condition on the same column.
    conditions: list[Filter] = field(default_factory=list)
    instead: bool = False
    # "split by sex", "broken down by meal": a series beside the x axis rather than a new x axis.
    split: bool = False
    # Words no edit read that say something ("unemployment rate"): the change is refused, naming them.
    unread: list[str] = field(default_factory=list)

    def understood(self) -> bool:
        return any(
            (
                self.chart,
                self.period,
                self.clear_time,
                self.time_axis,
                self.measures,
                self.entities,
                self.groups,
                self.ranking,
                self.show_all,
                self.sort,
                self.agg,
                self.conditions,
            )
        )


def read_edits(text: str, ds: Dataset, model: SemanticModel) -> Edits:
    """The edits `text` asks of a chart of `ds`; raises UnchartableQuestion for a period outside the data
    or a measure of another dataset when that is all the text asks."""
    vocab = Vocabulary.build(ds)
    scan = Scan.of(text)
    edits = Edits(instead=bool(_INSTEAD.search(scan.text)))
    edits.period = _read_period(scan, ds)
    edits.clear_time = any(scan.take(_CLEAR_TIME))
    edits.conditions = read_sizes(scan, row_nouns(ds)) + read_comparisons(scan, vocab)
    edits.conditions += read_conditions(scan, vocab).filters
    for kind, pattern in _SORTS:
        if any(scan.take(pattern)):
            edits.sort = kind
    measures = list(scan.take(vocab.measures[0]))
    for m in scan.take(vocab.group):
        edits.groups += [vocab.dims[1][normalize(m[g])] for g in ("d1", "d2") if m[g]]
        edits.split = edits.split or bool(_SPLIT.match(m[0]))
    edits.show_all = any(scan.take(_NO_LIMIT))
    top = next(
        (m for m in TOP.finditer(scan.text) if m["dir"] not in MEASURE_RANKS and scan.free(m.span())), None
    )
    if top is not None:
        scan.claim(top.span())
        n = top["n"] or top["n0"]
        low = top["dir"] in LOW_WORDS
        each = _EACH.match(scan.text, top.end())
        if each is not None and not n:
            # "the highest of each": the largest value of each group, not a ranking of the groups.
            scan.claim(each.span())
            edits.agg = "min" if low else "max"
        else:
            edits.ranking = Ranking(low=low, n=parse_count(n) if n else None)
    values = list(scan.take(vocab.values[0]))
    edits.named_dims = [vocab.dims[1][normalize(m[0])] for m in scan.take(vocab.dims[0])]
    edits.chart = next((k for k, p in CHART_WORDS.items() if any(scan.take(words(p)))), None)
    edits.agg = edits.agg or _read_agg(scan)
    edits.time_axis = any(scan.take(_TIME_AXIS))
    edits.show_all = any(scan.take(_SHOW_ALL)) or edits.show_all
    verbs = sorted(
        (m.start(), verb)
        for verb, pattern in _VERBS
        for m in pattern.finditer(scan.text)
        if not any(scan.used[m.start() : m.end()])
    )
    edits.measures = [
        (_verb_before(verbs, m.start(), "replace"), vocab.measures[1][normalize(m[0])]) for m in measures
    ]
    default: Verb = "only" if edits.instead and not any(v == "remove" for _, v in verbs) else "add"
    alone = _alone(scan.text, values)
    for m in values:
        dim_name, value = vocab.values[1][normalize(m[0])]
        verb = "only" if m.start() in alone else _verb_before(verbs, m.start(), default)
        edits.entities.append(Entity(verb, dim_name, value, scan.excerpt(m.span())))
    if not edits.understood():
        _refuse_other_datasets(scan, ds, model)
    edits.unread = unread_words(scan)
    return edits


def _read_agg(scan: Scan) -> Aggregation | None:
    """The aggregation asked for: "total instead of average" asks for the total, whichever word the
    planner's list has first; the one being replaced is read too, so it is not reported as unread."""
    named = sorted((m.start(), agg) for agg, p in AGG_WORDS.items() for m in scan.take(words(p)))
    kept = [agg for start, agg in named if not _REPLACED.search(scan.text[:start])]
    return kept[0] if kept else None


def _read_period(scan: Scan, ds: Dataset) -> TimePeriod | None:
    yearly = ds.time is not None and ds.time.grain == "year"
    period = read_time_period(scan.text, ds.time_max, yearly=yearly)
    for span in period.spans:
        scan.claim(span)
    if period.start is None and period.end is None:
        return None
    if ds.time is None:
        raise UnchartableQuestion(f"The {ds.name} data has no dates, so it cannot be limited to a period.")
    try:
        first, last = ds.time_bounds(TimeRange(start=period.start, end=period.end))
        data_first, data_last = ds.time_bounds(TimeRange(start=ds.time_min, end=ds.time_max))
    except PlanValidationError as exc:
        raise UnchartableQuestion(f"{exc} Name a year or a date such as {ds.time_max}.") from exc
    if (data_last is not None and first is not None and str(first) > str(data_last)) or (
        data_first is not None and last is not None and str(last) < str(data_first)
    ):
        dash = "\u2013" if yearly else " to "
        asked = " and ".join(f"\u201c{scan.excerpt(span)}\u201d" for span in period.spans)
        raise UnchartableQuestion(
            f"The {ds.name} data covers {ds.time_min}{dash}{ds.time_max}, so {asked} is outside it."
        )
    return period


def _alone(text: str, values: list[re.Match[str]]) -> set[int]:
    """Starts of the values in a run followed by "only" or "alone" ("Fri and Sat only")."""
    alone: set[int] = set()
    run: list[int] = []
    for i, m in enumerate(values):
        run.append(m.start())
        following = values[i + 1].start() if i + 1 < len(values) else len(text)
        between = text[m.end() : following]
        if i + 1 < len(values) and _JOIN.fullmatch(between):
            continue
        if _ALONE.match(between):
            alone.update(run)
        run = []
    return alone


def _verb_before(verbs: list[tuple[int, Verb]], position: int, default: Verb) -> Verb:
    """The verb nearest before `position`: "remove Canada and Mexico" removes both."""
    found = [verb for start, verb in verbs if start < position]
    return found[-1] if found else default


def _refuse_other_datasets(scan: Scan, ds: Dataset, model: SemanticModel) -> None:
    """A chart keeps its dataset: "show stock price instead" on a gapminder chart is a new question."""
    for other in model.datasets:
        if other.name == ds.name:
            continue
        matcher = Vocabulary.build(other).measures
        match = next(scan.take(matcher[0]), None)
        if match is not None:
            label = other.measure(matcher[1][normalize(match[0])]).label
            example = lower_label(label)
            if other.dimensions:
                example += f" by {other.dimensions[0].label.lower()}"
            raise AnotherDataset(
                f"{label} is in the {other.name} data, which this {ds.name} chart does not use; "
                f"ask for it as a new question, e.g. \u201c{example}\u201d."
            )

"""The deterministic rule planner: a chat question -> ChartPlan, offline, by matching the semantic model.

Words are matched whole and case-insensitively; each phrase is consumed once, in an order chosen so the
longer reading wins ("between 1990 and 2000" before "Mexico and Canada", "by medal type" before
"medal", "total bill" before "total"). Unknown words one typo away from a known one are read as it
(worker.planner.typos). What the question said is gathered into a `Reading`, and worker.planner.shape decides
the chart from it; the words themselves live in worker.planner.vocabulary, worker.planner.words and
worker.planner.time_phrases, the wording of titles in worker.planner.titles.
"""

from __future__ import annotations

import re

from worker.plan import ChartPlan, TimeRange
from worker.planner import words as pw
from worker.planner.shape import Reading, Top, shape
from worker.planner.time_phrases import TimePeriod, parse_count, read_time_period
from worker.planner.titles import join_names, lower_label
from worker.planner.typos import Speller
from worker.planner.vocabulary import (
    PLAIN,
    Scan,
    Vocabulary,
    entity_dimensions,
    normalize,
    phrases,
    strangers,
    words,
)
from worker.semantic import Dataset, PlanValidationError, SemanticModel


class UnchartableQuestion(Exception):
    """The question cannot become a chart; str is a sentence for the user saying why and what works."""


class RulePlanner:
    def __init__(self, model: SemanticModel) -> None:
        self.model = model
        self._vocabs = [Vocabulary.build(ds) for ds in model.datasets]
        self._counting = [pw.counting_pattern(v) for v in self._vocabs]
        self._ranks = [pw.rank_pattern(ds) for ds in model.datasets]
        self._charts = {k: words(v) for k, v in pw.CHART_WORDS.items()}
        self._aggs = {k: words(v) for k, v in pw.AGG_WORDS.items()}
        self._time_axis = words(pw.TIME_AXIS)
        self._vs = words(pw.VERSUS)
        keywords = [*pw.CHART_WORDS.values(), *pw.AGG_WORDS.values()]
        known = [k for v in self._vocabs for m in (v.measures, v.datasets, v.dims, v.values) for k in m[1]]
        meanings: dict[str, set[str]] = {}
        for v in self._vocabs:
            for kind, table in (("m", v.measures[1]), ("d", v.dims[1]), ("v", v.values[1])):
                for phrase, name in table.items():
                    meanings.setdefault(phrase, set()).add(f"{v.ds.name}:{kind}:{name}")
        lexicon = [*known, *(re.sub(r"[^a-z]+", " ", k) for k in keywords)]
        self._speller = Speller(
            lexicon,
            everyday=re.findall(r"[a-z]+", f"{pw.TIME_AXIS} {pw.VERSUS}"),
            meanings=meanings,
        )
        self._elsewhere, self._ordinary = [], []
        for v in self._vocabs:
            names = {k: str(x) for o in self._vocabs if o is not v for k, (d, x) in o.values[1].items()
                     if k not in v.values[1] and d in {e.name for e in entity_dimensions(o.ds)}}  # fmt: skip
            self._elsewhere.append((phrases(names)[0], names))
            own = {w for k in lexicon if k not in names for w in re.findall(r"[^\W\d_]+", k)}
            self._ordinary.append(frozenset(PLAIN | own | (self._speller.keep - self._speller.known)))
        self._plain = frozenset(PLAIN | self._speller.keep)
        self._phrases = [
            p
            for v in self._vocabs
            for p in (v.measures[0], v.datasets[0], v.dims[0], v.values[0])
            if p is not None
        ] + [*self._charts.values(), *self._aggs.values()]

    def plan(self, question: str) -> ChartPlan:
        text = " ".join(question.split())[:1000]
        if pw.is_command(text):
            raise UnchartableQuestion(
                self.help("chartq only reads data to draw charts; it does not run commands or change data.")
            )
        scan = Scan.of(self._speller.correct(text, self._recognised))
        vocab = self._choose_dataset(scan)
        ds = vocab.ds
        r = Reading(ds)
        r.start, r.end, r.span = self._time_range(scan, ds)
        r.sort = pw.read_sort(scan)
        r.conditions = pw.read_conditions(scan, ds)
        for dim_name, value in pw.read_ordered_values(scan, ds):
            r.entities.setdefault(dim_name, []).append(value)
        r.count_rows, countable = pw.counted_measure(scan, vocab)
        at = self._vocabs.index(vocab)
        early = pw.measures_around_counts(scan, vocab, self._counting[at])
        for m in scan.take(self._counting[at]):
            r.count_rows = True
            if normalize(m["what"]) in vocab.values[1]:
                self._add_entity(r, vocab, m["what"])
        for m in scan.take(vocab.group):
            r.groups += [vocab.dims[1][normalize(m[g])] for g in ("d1", "d2") if m[g]]
        bare = _longer_than_measures(scan, vocab)
        measures = early + [vocab.measures[1][normalize(m[0])] for m in scan.take(vocab.measures[0])]
        r.measures = list(dict.fromkeys(measures))
        rank = pw.read_rank_word(scan, ds, self._ranks[at])
        if rank is not None:
            r.top = Top(rank.low, rank.limit, rank.counted, rank.measure)
        top = next(scan.take(pw.TOP), None) if r.top is None else None
        if top is not None:
            low = top["dir"].lower() in pw.LOW_WORDS
            follows = vocab.measures[0] is not None and vocab.measures[0].match(scan.text, top.end() + 1)
            if not top["n"] and follows and r.groups:
                # "smallest bill per day": the smallest of each group, not a ranking of the groups.
                r.agg = "min" if low else "max"
            else:
                r.top = Top(low, parse_count(top["n"]) if top["n"] else 10, bool(top["n"]))
        for m in scan.take(vocab.values[0]):
            self._add_entity(r, vocab, m[0])
        bare += [vocab.dims[1][normalize(m[0])] for m in scan.take(vocab.dims[0])]
        r.bare = list(dict.fromkeys(bare))
        r.chart = next((k for k, p in self._charts.items() if any(scan.take(p))), None)
        agg = next((k for k, p in self._aggs.items() if any(scan.take(p))), None)
        r.agg = r.agg or (None if countable and agg == "count" else agg)
        r.wants_time = any(scan.take(self._time_axis))
        r.vs = any(scan.take(self._vs))
        named = any(d.name in r.entities for d in entity_dimensions(ds))
        lacking = strangers(scan, vocab, self._elsewhere[at], self._ordinary[at], self._plain, named)
        if lacking:
            raise UnchartableQuestion(_lacks(ds, r, lacking))
        group = pw.unknown_group(scan, self._ordinary[at] | self._plain, vocab.dims[1])
        if group is not None:
            raise UnchartableQuestion(_no_such_group(ds, r, group))
        if not _read_anything(r) and pw.unknown_words(scan, self._plain | _words_of(vocab.datasets[1])):
            raise UnchartableQuestion(self.help("That question doesn't name anything chartq can measure."))
        try:
            plan = shape(r)
            self.model.validate_plan(plan)
        except (PlanValidationError, ValueError) as exc:
            raise UnchartableQuestion(
                self.help(f"That question asks for a chart that cannot be drawn: {lower_label(str(exc))}")
            ) from exc
        return plan

    @staticmethod
    def _add_entity(r: Reading, vocab: Vocabulary, phrase: str) -> None:
        dim_name, value = vocab.values[1][normalize(phrase)]
        values = r.entities.setdefault(dim_name, [])
        if value not in values:
            values.append(value)

    def _recognised(self, text: str, span: tuple[int, int]) -> bool:
        """Whether a phrase the planner knows covers `span` of `text` (a word just corrected)."""
        lowered = normalize(text)
        return any(
            m.start() <= span[0] and span[1] <= m.end() for p in self._phrases for m in p.finditer(lowered)
        )

    def _choose_dataset(self, scan: Scan) -> Vocabulary:
        best, best_score = None, 0
        for vocab, counting, ranks in zip(self._vocabs, self._counting, self._ranks, strict=True):
            named = 3 * scan.count(vocab.measures[0]) + 2 * scan.count(vocab.datasets[0])
            named += scan.count(counting) + 3 * scan.count(ranks)
            if named and named + scan.count(vocab.values[0]) > best_score:
                best, best_score = vocab, named + scan.count(vocab.values[0])
        if best is None:
            reason = "That question doesn't name anything chartq can measure."
            if not scan.text.strip(" ?!.,;:'\"-"):
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


def _longer_than_measures(scan: Scan, vocab: Vocabulary) -> list[str]:
    """Dimensions named by a phrase that contains a shorter measure phrase ("medal types" is not
    "medal"), taken before the measures so the longer reading wins."""
    dims, measures = vocab.dims[0], vocab.measures[0]
    if dims is None or measures is None:
        return []
    found = []
    for m in list(dims.finditer(scan.text)):
        inner = [x for x in measures.finditer(scan.text) if x.start() < m.end() and m.start() < x.end()]
        if inner and all(len(x[0]) < len(m[0]) for x in inner) and not any(scan.used[m.start() : m.end()]):
            scan.claim(m.span())
            found.append(vocab.dims[1][normalize(m[0])])
    return found


def _lacks(ds: Dataset, r: Reading, names: list[str]) -> str:
    """Names the entities the data has, for a question about ones it hasn't ("Tesla stock price")."""
    dim = min(entity_dimensions(ds), key=lambda d: len(d.values))
    values = [str(v) for v in dim.values]
    kind = lower_label(dim.label)
    has = f"{join_names(values)} ({kind})"
    if len(values) > 8:
        has = f"{len(values)} {kind} values, such as {join_names(values[:3])}"
    label = lower_label(ds.measure(r.measures[0] if r.measures else ds.measures[0].name).label)
    verb = "isn't" if len(names) == 1 else "aren't"
    return (
        f"The {ds.name} data has {label} for {has}; {join_names(names)} {verb} among them. "
        f"Try e.g. \u201c{label} {dim.preposition} {values[0]}\u201d."
    )


def _words_of(names: dict[str, str]) -> frozenset[str]:
    return frozenset(w for k in names for w in k.split()) | pw.OVERVIEW_WORDS


def _read_anything(r: Reading) -> bool:
    """Whether the question named something of its dataset beyond the dataset itself."""
    return bool(r.measures or r.count_rows or r.groups or r.bare or r.entities or r.conditions or r.top)


def _no_such_group(ds: Dataset, r: Reading, group: str) -> str:
    """Names the dimensions a dataset can group by, for a grouping it hasn't ("by payment method")."""
    dims = [lower_label(d.label) for d in ds.dimensions]
    label = lower_label(ds.measure(r.measures[0] if r.measures else ds.measures[0].name).label)
    return (
        f"The {ds.name} data has no \u201c{group}\u201d to group by; it can group by {join_names(dims)}. "
        f"Try e.g. \u201c{label} by {dims[0]}\u201d."
    )


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

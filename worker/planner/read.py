"""A question -> `Reading`: what it says, read against one dataset's lexicon.

Each reader takes the stretches of text it understands from the `Scan`, in an order where the longer
reading wins: periods first ("between 1990 and 2000" is never a condition), then conditions, named values,
counts, groupings, measures, rankings, values, chart and aggregation words. What is asked and cannot be
charted is refused here (worker.planner.limits); what is left over is accounted for by the caller
(worker.planner.accounts).
"""

from __future__ import annotations

import re

from worker.plan import Aggregation
from worker.planner import baseline, changes, forms, limits
from worker.planner import entities as pe
from worker.planner import phrasings as ph
from worker.planner import words as pw
from worker.planner.clock_times import check_clock_times
from worker.planner.conditions import (
    read_bands,
    read_comparisons,
    read_conditions,
    read_sizes,
)
from worker.planner.counts import claim_counts_of_all, read_counts
from worker.planner.either import check_either, check_or_across
from worker.planner.errors import UnchartableQuestion
from worker.planner.exclusions import read_exclusions, read_opposites
from worker.planner.group_conditions import check_group_conditions
from worker.planner.group_rankings import check_group_rankings
from worker.planner.grouped import GroupedConditions
from worker.planner.lexicon import AGGS, CHARTS, Lexicon, time_rows
from worker.planner.members import members_said
from worker.planner.own_aggregations import own_aggregations
from worker.planner.paired import check_paired_aggregations
from worker.planner.people import check_people
from worker.planner.places import claim_places
from worker.planner.properties import check_properties
from worker.planner.rankings import check_ranked_by, read_ranked_by, read_ranking
from worker.planner.read_time import check_period_ranking, read_period, read_time_axis
from worker.planner.refusals import suggest
from worker.planner.restrictions import read_kept
from worker.planner.row_comparisons import check_row_comparisons, check_row_shares
from worker.planner.shape import Reading
from worker.planner.shares import check_share_form, check_share_within
from worker.planner.two_columns import check_two_columns
from worker.planner.typos import distance
from worker.planner.units import check_units
from worker.planner.vocabulary import Scan, Vocabulary, normalize, words
from worker.planner.who_questions import read_who
from worker.semantic import Dataset

__all__ = ["read"]

_VS = words(pw.VERSUS)
# "split by candidate", "coloured by species": the grouping that colours the chart (its series).
_SPLIT = re.compile(r"split|colou?r|shaded|stacked|broken", re.IGNORECASE)
# "side by side": bars of the values or measures named, each summarised over the period; so does
# "averaged over 2019" (the period is what the average is taken over, not an axis).
_ASIDE = words(
    r"side[\s-]+by[\s-]+side|next\s+to\s+each\s+other|"
    r"(?:(?<=averaged\s)|(?<=summed\s)|(?<=totalled\s))over(?=\s+the\s+(?:whole\s+|full\s+|entire\s+)?period)"
)
# The period's own reader takes "over 2019" first, so this one is looked for in the text as written.
_SUMMED_OVER = re.compile(r"(?<!\w)(?:averaged?|summed|totalled)\s+over\s+(?:19|20)\d\d(?!\w)", re.IGNORECASE)


_EVER = re.compile(r"(?<!\w)(?:ever|all[- ]time)(?!\w)", re.IGNORECASE)
# "the largest single bill" (one row's value), not "as a single line" (a chart form).
_SINGLE = re.compile(r"(?<!\w)single(?!\s+(?:line|series|bar|colou?r|chart|pie|one)\b)(?!\w)", re.IGNORECASE)
# Measure phrases that are totals by their meaning ("revenue", "takings"), whatever the measure's own default.
_TOTALS = frozenset(("revenue", "revenues", "takings"))
# "in the districts won by a majority": the rows a condition keeps, not a grouping of its own.
_IN = re.compile(r"(?<!\w)in\s+(?:the\s+)?$", re.IGNORECASE)
_RELATIVE = re.compile(r"\s+(?:won|lost|where|whose|that|which)(?!\w)", re.IGNORECASE)


def read(scan: Scan, lex: Lexicon) -> tuple[Reading, list[str]]:
    """What the question asks of `lex`'s dataset, and notes on what the chart will show differently."""
    vocab, ds = lex.vocab, lex.ds
    r = Reading(ds)
    r.side_by_side = any([*scan.take(_ASIDE)]) or scan.count(_SUMMED_OVER) > 0
    one_line = any([*scan.take(forms.ONE_LINE)])
    ph.claim_breakdowns(scan)
    ph.claim_wholes(scan, vocab)
    relative = baseline.read_relative(scan, vocab)
    read_period(scan, r)
    check_paired_aggregations(scan, vocab)
    check_period_ranking(scan, vocab)
    limits.check_leaders(scan, vocab)
    check_group_rankings(scan, vocab)
    check_row_comparisons(scan, vocab)
    check_row_shares(scan, vocab)
    check_group_conditions(scan, vocab)
    limits.check_lacking(scan, vocab)
    check_people(scan, vocab)
    check_clock_times(scan, ds)
    check_properties(scan, vocab)
    changes.check_rates(scan, ds)
    changes.check_statistics(scan, ds)
    limits.check_counted_time(scan, ds, time_rows(ds))
    r.in_order = ph.read_in_order(scan, vocab)
    ordered_by = pw.read_order_measure(scan, ds, lex.ranks)
    r.sort = pw.read_sort(scan)
    ranked_by = read_ranked_by(scan, vocab)
    r.sort = r.sort or ("desc" if ranked_by else None)
    r.ranked = ranked_by is not None
    grouped = GroupedConditions(scan, vocab)  # "by party size 3 or more": the grouping and the condition
    r.conditions = (
        relative + read_sizes(scan, lex.sizes) + read_bands(scan, vocab) + read_comparisons(scan, vocab)
    )
    check_either(scan, ds)
    check_or_across(scan, vocab)
    check_two_columns(scan, vocab)
    conditions = read_conditions(scan, vocab)
    r.conditions += conditions.filters
    r.groups += grouped.groups(scan, r.conditions)
    for dim, lines, axis in forms.separate_groups(scan, vocab):
        r.groups.append(dim)
        r.split += [] if axis else [dim]
        one_line = one_line or axis
        r.chart = "line" if lines else r.chart
    for split in (pe.split_by_values(scan, vocab), forms.separate_values(scan, vocab)):
        if split is not None:
            dim, values = split
            r.groups.append(dim)
            r.split.append(dim)
            if len(values) < len(vocab.ds.dimension(dim).values):
                r.entities[dim] = values
    forms.claim_series_each(scan)
    r.groups += ph.read_varying(scan, vocab)
    if (divided := ph.read_divided(scan, vocab)) is not None:
        r.groups.append(divided)
        r.chart = "pie"
    claim_places(scan, vocab)
    _read_named_values(scan, vocab, r)
    aggs, countable = read_counts(scan, lex, r)
    _read_groups(scan, vocab, r)
    bare = _longer_than_measures(scan, vocab)
    r.own_aggs = own_aggregations(scan, vocab)
    named = [normalize(m[0]) for m in scan.take(vocab.measures[0])]
    r.measures += [vocab.measures[1][phrase] for phrase in named]
    totals = any(phrase in _TOTALS for phrase in named)
    r.measures = pw.with_order_measure(ordered_by, list(dict.fromkeys(r.measures)), ds)
    check_ranked_by(ranked_by, r.measures, vocab)
    aggs += read_ranking(scan, lex, r)
    for m in scan.take(vocab.values[0]):
        r.add(*vocab.values[1][normalize(m[0])])
    r.only = ph.read_restricted(scan, vocab)
    r.kept = read_kept(scan, vocab, r.entities)
    claim_counts_of_all(scan, vocab)
    limits.check_aggregated_dimension(scan, vocab)
    said = list(scan.take(vocab.dims[0]))
    said = [m for m in said if m not in members_said(scan.text, said)]
    bare = list(dict.fromkeys([*bare, *(vocab.dims[1][normalize(m[0])] for m in said)]))
    scopes = {vocab.dims[1][normalize(m[0])] for m in said if _scope_of_condition(scan.text, m)}
    r.bare = [d for d in bare if d not in scopes] if len(bare) > len(scopes) else bare
    read_who(scan.text, r)
    charts = [k for k, p in CHARTS.items() for _ in scan.take(p)]
    r.chart = charts[0] if charts else (r.chart or ("bar" if r.side_by_side else None))
    aggs += [k for k, p in AGGS.items() for _ in scan.take(p)]
    notes = read_time_axis(scan, ds, r)
    if totals and all(a == "count" for a in aggs):  # "revenue" is the bills added up, unless said otherwise
        aggs.append("sum")
    _finish_aggs(r, [a for a in aggs if not (a == "count" and countable)], ds)
    if r.agg in ("max", "min") and r.groups and not (r.start or r.end) and _EVER.search(scan.text):
        r.span = True  # "each country's best-ever GDP per capita": the extreme over every period
    elif r.top is not None and r.agg is None and not (r.start or r.end) and _one_value(scan, ds, r):
        r.agg = "min" if r.top.low else "max"  # "the highest stock price ever": ranked by each one's extreme
        # On a snapshot, "ever" looks past the latest survey: each one's extreme over every period.
        r.span = ds.snapshot
    r.vs = any([*scan.take(_VS)])
    _split_share(scan, vocab, r)
    check_share_within(scan, vocab, r)
    check_share_form(scan.text, charts, ds)
    r.combined = one_line or pe.COMBINED.search(scan.text) is not None
    check_units(scan, vocab, [ds.measure(m) for m in r.measures] or [ds.measures[0]])
    limits.check_percentages(scan, ds)
    _check_unread_conditions(scan, lex, conditions.unread)
    return r, notes


def _read_named_values(scan: Scan, vocab: Vocabulary, r: Reading) -> None:
    """Values named other than by their own name: left out ("excluding Oceania"), a weekend, a winner,
    an ordered value or code ("strength 6+", "N, NNE and NE"), a people ("Canadians")."""
    ds = vocab.ds
    for dim, value in read_opposites(scan, vocab):
        r.add(dim, value)
    for dim, value in read_exclusions(scan, vocab):
        r.excluded.setdefault(dim, []).append(value)
    weekend = pe.read_weekend(scan, vocab)
    r.together = [dim for dim, _ in weekend]
    for dim, value in [
        *pw.read_ordered_values(scan, ds),
        *pe.read_winners(scan, vocab),
        *weekend,
        *pe.read_symbols(scan, ds),
        *pe.read_codes(scan, ds),
        *pe.read_demonyms(scan, vocab),
    ]:
        r.add(dim, value)
    for dim, value in pe.read_strength_words(scan, ds):
        if dim not in r.entities:  # "the strongest winds (the 6+ band)": the band named says it all
            r.add(dim, value)


def _read_groups(scan: Scan, vocab: Vocabulary, r: Reading) -> None:
    """ "by continent", "for each company", "per day and sex"; "median votes per district for each
    candidate" groups by candidate (the districts are what the median is taken over)."""
    found = []
    measures = vocab.measures[0]
    longer = [x.span() for x in measures.finditer(scan.text)] if measures is not None else []
    for m in vocab.group.finditer(scan.text) if vocab.group is not None else ():
        said = [g for g in ("d1", "d2") if m[g]]
        # "nations by medal count": a measure's longer phrase is no grouping by its first word ("medal").
        if not scan.free(m.span()) or any(s <= m.start(g) and m.end(g) < e for g in said for s, e in longer):
            continue
        scan.claim(m.span())
        found += [(vocab.group_names[normalize(m[g])], m) for g in said]
    first = found[0] if found else None
    if first is not None and len(found) > 1 and first[1][0].startswith("per") and first[0] in r.ds.key:
        later = [name for name, m in found if m is not first[1] and not _SPLIT.match(m[0])]
        if later and later[0] != first[0]:
            found = found[1:]
    r.groups += [name for name, _ in found]
    r.split += [name for name, m in found if _SPLIT.match(m[0])]
    r.across += [name for name, m in found if m[0].lower().startswith("across")]
    r.groups += _misspelt_groups(scan, vocab)


# A participle before "by" says who did it ("the tips left by smokers").
_AGENT = re.compile(r"\b(?:left|paid|given|tipped|spent)\s+$", re.IGNORECASE)


def _misspelt_groups(scan: Scan, vocab: Vocabulary) -> list[str]:
    """ "by dya": a short word one edit from one dimension word, where a grouping goes."""
    found = []
    for m in re.finditer(r"(?<!\w)(?:by|per|for\s+each)\s+(?P<w>[a-z]{3,})(?!\w)", scan.text):
        # "top 2 nations by medals": a measure's own word is no misspelt "medal".
        if any(scan.used[m.start("w") : m.end("w")]) or m["w"] in vocab.measures[1]:
            continue
        if _AGENT.search(scan.text, 0, m.start()):
            continue  # "the tips left by smokers": who left them (a value), not a misspelt grouping
        near = {name for k, name in vocab.group_names.items() if " " not in k and distance(m["w"], k, 1) <= 1}
        if len(near) == 1:
            scan.claim(m.span())
            found.append(near.pop())
    return found


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


def _one_value(scan: Scan, ds: Dataset, r: Reading) -> bool:
    """ "the highest stock price ever", "the largest single bill": a superlative asking for the extreme
    value, not the highest average. On snapshot data a ranking shows one survey year, unless "ever" (or
    "all-time") asks for every one ("the highest life expectancy ever")."""
    if _EVER.search(scan.text) is not None:
        return True
    return not ds.snapshot and not r.groups and _SINGLE.search(scan.text) is not None


def _finish_aggs(r: Reading, aggs: list[Aggregation], ds: Dataset) -> None:
    """The aggregation asked for; two different ones of one measure are refused (two levels)."""
    asked = list(aggs)
    measure = r.measures[0] if r.measures else ds.measures[0].name
    if r.own_aggs:  # "the average tip and the median total bill": one each, no two levels
        asked = [r.own_aggs[measure], *(a for a in asked if a == "count")]
    limits.check_two_levels(asked, ds, measure)
    r.agg = next((a for a in asked if a != "count"), None)
    if "count" in asked:
        r.count_rows = True


def _split_share(scan: Scan, vocab: Vocabulary, r: Reading) -> None:
    """ "what share of China's medals were gold": split by medal type instead of keeping only gold."""
    dim = pe.share_split(scan, vocab)
    if dim is None or dim in r.groups or len(r.entities.get(dim, [])) != 1:
        return
    del r.entities[dim]
    r.groups.insert(0, dim)
    r.chart = r.chart or "pie"


def _check_unread_conditions(scan: Scan, lex: Lexicon, unread: list[str]) -> None:
    """A condition the question doesn't say the subject of: on a count ("more than 50 tables", two levels
    of aggregation) or on something unnamed."""
    if not unread:
        return
    said = f"\u201c{unread[0]}\u201d"
    rows = lex.rows
    after = re.search(rf"{re.escape(normalize(unread[0]))}\s+(\w+)", scan.text)
    if after is not None and ((rows and rows.fullmatch(after[1])) or after[1] in lex.vocab.dims[1]):
        raise UnchartableQuestion(
            f"That asks for a condition on a count ({said}), which needs two levels of aggregation, and "
            f"chartq charts one at a time. {suggest(lex.ds)}"
        )
    measures = " or ".join(m.label.lower() for m in lex.ds.measures[:2])
    raise UnchartableQuestion(
        f"chartq could not tell what {said} is about; name the measure ({measures}). {suggest(lex.ds)}"
    )


def _scope_of_condition(text: str, said: re.Match[str]) -> bool:
    """Whether a dimension `said` bare is where a condition holds ("in the districts won by ...")."""
    return _IN.search(text, 0, said.start()) is not None and _RELATIVE.match(text, said.end()) is not None

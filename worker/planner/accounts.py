"""Accountability: every word of a question is used by the plan, recognised as filler, or reported.

After the readers have taken what they understand, the words left over are sorted out here. Filler
("please show me the…") and words that change nothing about the data ("current", "closing") are fine.
Anything else stops the question with a sentence that names it ("chartq does not know “turnout”…"),
except what the chart can honestly leave out and say so: day and month names on data without dates.
Those become notes, which the chart's description and the task's final message repeat.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from worker.plan import ChartPlan
from worker.planner.computed import growth_notes, relation_notes
from worker.planner.entities import winner_dimensions
from worker.planner.errors import UnchartableQuestion
from worker.planner.negations import check_negations
from worker.planner.refusals import suggest, what_it_has
from worker.planner.shape import Reading
from worker.planner.titles import join_names
from worker.planner.vocabulary import Scan
from worker.semantic import Dataset

__all__ = ["FILLER", "Answer", "account", "left_over", "partial_message"]


@dataclass(frozen=True)
class Answer:
    """A plan and what of the question it leaves out (each a sentence fragment naming the words)."""

    plan: ChartPlan
    left_out: tuple[str, ...] = ()


# Words that never say anything about the data: function words, requests, chart talk, verbs of the datasets.
FILLER = frozenset(
    """
    a an the and or nor but of in on for from to by with at as into onto per than vs versus via about
    across among between within during over under up down out off through throughout along around
    is are was were be been being am do does did done doing has have had having can could would should
    will shall may might must let lets ll ve re
    how what which who whom whose where when why whether if then so that this these those there here
    i me my mine we us our ours you your yours it its they them their theirs he she his her him
    please pls kindly thanks thank hi hello hey ok okay now just also too only even still really quite
    very much many more most less least fewer fewest some any all both each every either no not
    show shows shown showing plot plots plotted plotting chart charts charted charting graph graphs
    graphing draw drawn drawing display displayed visualize visualise give gives giving get gets got
    see seeing view look looking make made create want wanted need needed like love tell list listing name
    provide produce generate build render find compare compared comparing versus differ differs vary
    varies curious wondering wonder interested know understand learn check explain think
    track tracks tracked tracking reveal reveals revealed verify confirm
    data value values number numbers amount amounts level levels figure figures stats statistics info
    information picture diagram plot graphic table overview summary kind sort
    won win wins winning winner received receive get earned left live lived living blow blows blew
    blowing come comes came coming go goes went paid pay spend spends spending spent served serve had
    move moves moved moving collect collects collected collecting bring brings brought cast
    gave given hold holds held together reached reach reaches touched whats pull pulls pulled form
    always wondered wonder trying try tried feel feeling heard hear curious curiosity maybe perhaps
    perfect great nice lovely ideally possibly tend tends tended put quick quickly
    than then across done happen happened change changed changes evolve evolved trend trends
    higher lower bigger smaller larger greater better worse ranked rank ranking order ordered
    one ones thing things someone anyone everyone everything something
    drop select delete insert update truncate alter grant revoke exec execute
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Words that describe what the data already is: "current population", "closing price", "world GDP".
HARMLESS = frozenset(
    """
    current latest recent newest overall total typical actual real relative general global world
    worldwide whole entire complete full recorded reported measured closing close closed weekly observed
    trade trades traded trading worlds world's hit hits tally tallies haul hauls occur occurs occurred back
    survey surveyed money eating ate already found
    often frequently usually commonly time times perform performs performed performing performance
    respectively roughly approximately around ever generally typically historically
    """.split()  # noqa: SIM905
)
# Verbs of winning mean something in data with winners: "the districts each candidate won".
_WINNING = frozenset(("won", "win", "wins", "winning", "winner"))
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = tuple(name.lower() for name in calendar.month_name[1:])
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def left_over(scan: Scan) -> list[tuple[str, tuple[int, int]]]:
    """The words (and numbers) nothing read, with their spans."""
    found = []
    for m in _WORD.finditer(scan.text):
        if any(scan.used[m.start() : m.end()]):
            continue
        word = re.sub(r"(?:n't|'s|'d|'ll|'ve|'re|'m|s')$", "", m[0])
        found.append((word, m.span()))
    return found


def _calendar(word: str) -> bool:
    w = word.lower()
    return any(w.startswith(name[:3]) and (w in name + "s" or w == name[:3]) for name in _DAYS + _MONTHS)


_THE = re.compile(r"\bthe\s*$", re.IGNORECASE)


def _unsaid(scan: Scan, word: str, span: tuple[int, int], filler: frozenset[str]) -> bool:
    """Whether `word` says nothing: filler, except "the left", a side and not the verb of "tips left"."""
    side = word.lower() == "left" and _THE.search(scan.text[: span[0]]) is not None
    return word in filler and not side


_TIME_UNITS = frozenset(
    f"{unit}{s}" for unit in ("week", "day", "date", "month", "year", "period") for s in ("", "s")
)


def account(scan: Scan, ds: Dataset, known: frozenset[str]) -> tuple[str, ...]:
    """Notes for the words left over that the chart can leave out; raises for any other word. `known`
    are words this dataset's data is about without naming anything to filter ("tables" of tips, the
    words of its description: "strength band")."""
    harmless = HARMLESS | known | (_TIME_UNITS if ds.time is not None else frozenset())
    check_negations(left_over(scan), scan.shown, suggest(ds))
    won = any(w.startswith("win") for w in known)  # the question uses a dimension of winning already
    filler = FILLER - _WINNING if winner_dimensions(ds) and not won else FILLER
    words = [(w, span) for w, span in left_over(scan) if not _unsaid(scan, w, span, filler | harmless)]
    calendar = [(w, span) for w, span in words if _calendar(w)]
    notes = [_calendar_note(scan, ds, calendar)] if calendar else []
    notes += relation_notes(scan)  # a scatter for "correlation": shown, but no coefficient computed
    rest = [(w, span) for w, span in words if (w, span) not in calendar]
    if not rest:
        return tuple(notes)
    # A word said twice ("Netflix fell hard ... the reason it fell") is named once.
    said = list(dict.fromkeys(scan.excerpt(span) for _, span in rest))
    shown = join_names([f"\u201c{w}\u201d" for w in said])
    numbers = [w for w, _ in rest if w.isdigit() or w in _COUNT_WORDS]
    if len(numbers) == len(rest):
        raise UnchartableQuestion(f"chartq could not tell what {shown} refers to here. {suggest(ds)}")
    raise UnchartableQuestion(
        f"chartq does not know what {shown} {'means' if len(said) == 1 else 'mean'} in a question about "
        f"the {ds.name} data; "
        f"{what_it_has(ds)}. {suggest(ds)}"
    )


def _calendar_note(scan: Scan, ds: Dataset, calendar: list[tuple[str, tuple[int, int]]]) -> str:
    """Day and month names nothing read: a day the data lacks (refused), dates the data lacks (a note)."""
    shown = join_names([f"\u201c{scan.excerpt(span)}\u201d" for _, span in calendar])
    days = next((d for d in ds.dimensions if any(k.lower() in _DAYS for k in d.value_synonyms)), None)
    if days is not None:
        has = join_names([str(v) for v in days.order or days.values])
        raise UnchartableQuestion(
            f"The {ds.name} data has {days.plural()} {has} only, so it has nothing for {shown}. "
            f"Try e.g. \u201c{_label(ds)} by {days.label.lower()}\u201d."
        )
    if ds.time is not None:
        raise UnchartableQuestion(
            f"chartq cannot yet pick days or months of the {ds.name} data by name ({shown}); name a "
            f"period with its year, e.g. \u201c{_label(ds)} in March {str(ds.time_max)[:4]}\u201d."
        )
    # "for January only", "just in March": a restriction the user insists on cannot be left out as a note
    # (the chart would silently answer the question without it).
    if any(
        _INSISTED.search(scan.text, max(0, span[0] - 12), min(len(scan.text), span[1] + 6))
        for _, span in calendar
    ):
        raise UnchartableQuestion(
            f"The {ds.name} data has no dates, so it cannot be restricted to {shown}. {suggest(ds)}"
        )
    return f"{shown}: the {ds.name} data has no dates"


_CHANGE = re.compile(
    r"(?:growth|grew|grow|chang|increas|decreas|declin|rise|rose|fell|fall|drop)", re.IGNORECASE
)
_INSISTED = re.compile(r"(?<!\w)(?:only|just|solely)(?!\w)")


_COUNT_WORDS = frozenset(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
)


def _label(ds: Dataset) -> str:
    label = ds.measures[0].label
    return label if label[:2].isupper() else label.lower()


def unshown(r: Reading, plan: ChartPlan) -> list[str]:
    """What the question read and the chart cannot show: a time axis beside a ranking or a pie ("the 10
    biggest countries over time"), a dimension it named that the chart neither shows nor filters by.
    Raises for the dimension (the chart would answer another question); notes the time axis."""
    ds = r.ds
    shown = {plan.dimension, plan.series, *(f.column for f in plan.filters)}
    dropped = [d for d in r.bare if d not in shown and d not in ds.key]
    if dropped:
        labels = join_names([f"\u201c{ds.dimension(d).label.lower()}\u201d" for d in dropped])
        raise UnchartableQuestion(
            f"chartq could not use {labels} in that chart: name it as a grouping (\u201cby "
            f"{ds.dimension(dropped[0]).label.lower()}\u201d) or pick its values. {suggest(ds)}"
        )
    words = [w for w in r.time_words if not (plan.chart_type == "histogram" and w.lower() in _EVERY)]
    if words and not plan.use_time:
        said = join_names([f"\u201c{w}\u201d" for w in words])
        if (
            r.start is not None
            and r.end is not None
            and r.start != r.end
            and any(_CHANGE.match(w) for w in words)
        ):
            # "growth between 1952 and 2007" ranked: a change between two years, which no bar shows.
            raise UnchartableQuestion(
                f"chartq cannot compute a change between two periods ({said}); it can show the values "
                f"over time as a line. {suggest(ds)}"
            )
        return [f"{said}: {_NOT_OVER_TIME.get(plan.chart_type, _NOT_OVER_TIME['bar'])}"]
    if r.sort is not None and plan.use_time and plan.sort is None:
        # "Apple's price over time, highest first": a line keeps the time order, so the order is not used.
        first = "highest" if r.sort == "desc" else "lowest"
        kept = f"the order asked for ({first} first): a chart over time keeps the time order"
        return [kept, *growth_notes(r, plan)]
    return growth_notes(r, plan)


# "distribution of weekly prices": the values of each week, which a histogram shows.
_EVERY = frozenset(("daily", "weekly", "monthly", "yearly", "annual"))
_NOT_OVER_TIME = {
    "bar": "chartq cannot yet show this over time (a ranking or a summary of the period is one bar each)",
    "pie": "a pie shows the parts of one whole, not the change over time",
    "histogram": "a histogram shows how the values spread, not how they change over time",
    "scatter": "a scatter of two measures puts the first on the x axis, so not time",
}


def partial_message(left_out: tuple[str, ...]) -> str | None:
    """The task's final message for a chart that left something out, or None when it left nothing."""
    if not left_out:
        return None
    return f"The chart is ready, but it leaves out {'; '.join(left_out)}."

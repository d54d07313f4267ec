"""What the rule planner recognises and cannot chart, so it says so instead of charting something else:
periods finer than the data ("monthly population", "hourly price"), groupings by periods a plan cannot
make ("per quarter"), dates on data without any, years a snapshot does not have ("in 1995" of data kept
every fifth year), percentages of a total, units the measure isn't in ("in US dollars"),
and two levels of aggregation ("the average of each company's highest price").

Each check raises UnchartableQuestion with a sentence naming what was asked and a question that works,
or returns a note for what the chart shows differently from the words ("by month" on weekly data).
"""

from __future__ import annotations

import re

from worker.plan import Aggregation
from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.planner.titles import lower_label
from worker.planner.vocabulary import Scan, Vocabulary, normalize
from worker.semantic import Dataset

__all__ = [
    "check_aggregated_dimension",
    "check_counted_time",
    "check_grains",
    "check_lacking",
    "check_leaders",
    "check_percentages",
    "check_snapshot_year",
    "check_two_levels",
]

_GRAINS = [
    (
        "hour",
        r"hourly|hour\s+(?:by|after|to)\s+hour|(?:per|by|each|every|an|the)\s+hour|hours?\s+of\s+the\s+day|intraday",
    ),
    ("day", r"day\s+(?:by|after|to)\s+day|daily|(?:per|by|each|every)\s+day"),
    ("week", r"weekly|week\s+(?:by|after|to|for)\s+week|(?:per|by|each|every)\s+week"),
    ("month", r"monthly|month\s+(?:by|after|to|for)\s+month|(?:per|by|each|every)\s+month"),
    ("quarter", r"quarterly|(?:per|by|each|every)\s+quarter"),
    ("year", r"yearly|annual(?:ly)?|year\s+(?:by|after|to|for)\s+year|(?:per|by|each|every)\s+year"),
]
_GRAIN = re.compile("|".join(rf"(?<!\w)(?P<{name}>{body})(?!\w)" for name, body in _GRAINS), re.IGNORECASE)
_ORDER = [name for name, _ in _GRAINS]
_ADJECTIVE = {"hour": "hourly", "day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly"}

_PERCENT = re.compile(r"(?<!\w)(?:percentages?|percent|pct)(?!\w)|(?<![\w%])%(?=\s*of\b)")


def check_grains(scan: Scan, ds: Dataset) -> tuple[list[str], str | None]:
    """Reads grain words ("monthly", "per quarter"): (the words asking for a time axis, note for the
    chart). Refuses those the data cannot show."""
    wants: list[str] = []
    note = None
    for m in scan.take(_GRAIN):
        grain = next(name for name in _ORDER if m[name])
        said = scan.excerpt(m.span())
        if ds.time is None:
            raise UnchartableQuestion(
                f"The {ds.name} data has no dates, so chartq cannot show it \u201c{said}\u201d. {suggest(ds)}"
            )
        data = ds.time.grain
        if _ORDER.index(grain) < _ORDER.index(data) or grain == "quarter":
            kind = "one value a year" if data == "year" else "one value a date"
            every = " (every few years)" if ds.snapshot else ""
            raise UnchartableQuestion(
                f"The {ds.name} data has {kind}{every}, and chartq cannot yet show "
                f"{_ADJECTIVE.get(grain, grain)} values (\u201c{said}\u201d). {suggest(ds)}"
            )
        wants.append(said)
        if data == "day" and grain in ("month", "year"):
            note = f"\u201c{said}\u201d: chartq shows each date of the data; it cannot yet group by {grain}"
    return wants, note


def check_snapshot_year(ds: Dataset, start: str | None, end: str | None, asked: str) -> None:
    """A single year that a snapshot dataset does not have ("in 1995" of data kept every fifth year)."""
    if not ds.periods or start is None or start != end or not start.isdigit():
        return
    year = int(start)
    if year in ds.periods or not ds.periods[0] <= year <= ds.periods[-1]:
        return
    near = sorted(ds.periods, key=lambda p: (abs(p - year), p))[:2]
    every = ds.periods[1] - ds.periods[0] if len(ds.periods) > 1 else 1
    raise UnchartableQuestion(
        f"The {ds.name} data has every {_nth(every)} year ({ds.periods[0]}, {ds.periods[1]}, \u2026, "
        f"{ds.periods[-1]}), so it has nothing for \u201c{asked}\u201d. Try the nearest years, "
        f"{min(near)} or {max(near)}, e.g. \u201c{_example(ds)} in {min(near)}\u201d."
    )


def _nth(n: int) -> str:
    return {1: "", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 10: "tenth"}.get(n, f"{n}th")


def _example(ds: Dataset) -> str:
    return ds.measures[0].label.lower() if not ds.measures[0].label[:2].isupper() else ds.measures[0].label


_AGGREGATE = re.compile(
    r"(?<!\w)(?:average|avg|mean|median|total|sum\s+of|maximum|minimum|max|min)\s+(?:the\s+|of\s+the\s+)?"
)


def check_aggregated_dimension(scan: Scan, vocab: Vocabulary) -> None:
    """ "average party size", "average wind speed": a dimension (charts group by it) as a measure."""
    dims, measures = vocab.dims[0], vocab.measures[0]
    if dims is None:
        return
    for m in _AGGREGATE.finditer(scan.text):
        dim = dims.match(scan.text, m.end())
        measure = measures.match(scan.text, m.end()) if measures is not None else None
        if dim is None or (measure is not None and len(measure[0]) >= len(dim[0])):
            continue
        label = vocab.ds.dimension(vocab.dims[1][normalize(dim[0])]).label.lower()
        raise UnchartableQuestion(
            f"{label[:1].upper()}{label[1:]} is something the {vocab.ds.name} data groups by, not a number "
            f"chartq can take the {m[0].split()[0]} of (\u201c{scan.excerpt((m.start(), dim.end()))}\u201d). "
            f"{suggest(vocab.ds)}"
        )


_COUNTED_TIME = re.compile(
    r"(?<!\w)(?:number\s+of|how\s+many)\s+(?P<u>hours|days|dates|weeks|months|quarters|years|decades)(?!\w)"
)


def check_counted_time(scan: Scan, ds: Dataset, rows: str | None) -> None:
    """ "how many years": a count of periods is a count of rows only when each row is one such period."""
    for m in _COUNTED_TIME.finditer(scan.text):
        if m["u"] == rows or any(scan.used[m.start() : m.end()]):
            continue
        if any(m["u"].startswith(d.name) or m["u"] in d.synonyms for d in ds.dimensions):
            continue  # "how many days" of tips counts its day values
        one = f"one row a {rows[:-1]}" if rows else "rows that are not one a " + m["u"][:-1]
        raise UnchartableQuestion(
            f"chartq cannot count {m['u']} in the {ds.name} data, which has {one}. {suggest(ds)}"
        )


def check_percentages(scan: Scan, ds: Dataset) -> None:
    """A percentage of a total, which no plan computes (a measure named "… percentage" is read before)."""
    percent = next((m for m in _PERCENT.finditer(scan.text) if not any(scan.used[m.start() : m.end()])), None)
    if percent is not None:
        raise UnchartableQuestion(
            f"chartq cannot yet compute a {percent[0]} of a total; a pie chart shows each part's share of "
            f"the whole. {suggest(ds)}"
        )


def check_two_levels(aggs: list[Aggregation], ds: Dataset, measure: str) -> None:
    """Two aggregations of one measure ("the average of each continent's highest life expectancy", "on
    average, how many tables a day"): a plan makes one."""
    distinct = set(aggs)
    if "sum" in distinct and "count" in distinct:
        distinct.discard("sum")  # "the total number of" is one count
    if len(distinct) < 2:
        return
    words = {"avg": "average", "sum": "total", "median": "median", "min": "lowest", "max": "highest",
             "count": "number"}  # fmt: skip
    # The outer one summarises the inner one's results: an average (total, median) of highest values or
    # of counts, whichever order the readers found them in ("the average of each country's best-ever").
    outer = next((a for a in ("avg", "median", "sum") if a in distinct), sorted(distinct)[0])
    inner = next(a for a in ("max", "min", "count", "sum", "median", "avg") if a in distinct and a != outer)
    plural = {"avg": "averages", "sum": "totals", "median": "medians", "min": "lowest values",
              "max": "highest values", "count": "counts"}  # fmt: skip
    label = ds.measure(measure).label.lower()
    first = words[outer]
    second = (
        plural[inner] if inner == "count" else f"{plural[inner]} of {lower_label(ds.measure(measure).label)}"
    )
    raise UnchartableQuestion(
        f"That asks for two levels of aggregation (the {first} of several {second}, one per group), and "
        "chartq charts one at a "
        f"time. Try e.g. \u201c{words[aggs[-1]]} {label} by {ds.dimensions[0].label.lower()}\u201d."
        if ds.dimensions
        else f"That asks for two levels of aggregation, and chartq charts one at a time. {suggest(ds)}"
    )


_LEADS = (
    r"highest|lowest|most|fewest|least|best|worst|largest|smallest|biggest|top|first|richest|poorest|"
    r"longest|shortest|strongest|led|lead|leading|won|win|winning"
)
# How often each one led: "for how many weeks was each company the best", "in how many districts did each
# candidate come first" (winning alone is counted by the data: "how many medals did each nation win").
_PERIODS = r"hours|days|dates|weeks|months|quarters|years|decades"
_UNITS = r"year|decade|quarter|month|week|day|date|period"
_LED = (
    r"(?:the\s+)?(?:highest|lowest|best|worst|largest|smallest|biggest|top|strongest)|first|led|lead|leading"
)
_EACH_LEADER = r"(?:was|were|did|has|had|is|are)\s+each\s+[\w'-]+(?:\s+[\w'-]+){0,4}?\s+(?:the\s+)?"


# "who got the most votes", "who won the biggest share": the dataset's "who" that leads.
_WHO_LEADS = re.compile(
    r"(?<!\w)who\s+(?:got|won|had|has|received|took|polled|gained)\s+(?:the\s+)?(?:most|highest|biggest|largest)"
    r"(?!\w)",
    re.IGNORECASE,
)


def _each(who: re.Match[str], vocab: Vocabulary, scan: Scan) -> int:
    """Where the grouping after a "who ... the most" ends ("by district", "in each district"), or 0 when
    there is none or it groups by the "who" itself ("who got the most votes by candidate" ranks them)."""
    dims = vocab.dims[0]
    each = re.compile(
        rf"[\w\s'-]*?(?:\s|,\s*)(?:by|per|(?:in|for|within|across|of)\s+(?:each|every))\s+(?P<d>{dims.pattern})(?!\w)"
        if dims is not None
        else "(?!)",
        re.IGNORECASE,
    ).match(scan.text, who.end())
    if each is None or vocab.dims[1].get(normalize(each["d"])) == vocab.ds.who:
        return 0
    return each.end()


def check_leaders(scan: Scan, vocab: Vocabulary) -> None:
    """ "which country had the highest life expectancy in each continent", "for how many weeks was each
    company the best": the leader of each group, or how often each one led, ranks within groups and then
    counts or charts the winners: two levels of aggregation."""
    dims = vocab.dims[0]
    if dims is None:
        return
    which = re.search(
        rf"(?<!\w)which\s+(?P<a>{dims.pattern})\s+(?P<mid>.*?)(?:(?:in|for|within|of|on|across)\s+)?"
        rf"(?:each|every)\s+(?P<b>{dims.pattern}|{_UNITS})(?!\w)",
        scan.text,
    )
    if which is None:  # "for each month of 2019, which company had the highest price"
        which = re.search(
            rf"(?<!\w)(?:each|every)\s+(?P<b>{dims.pattern}|{_UNITS})(?!\w).*?\bwhich\s+(?P<a>{dims.pattern})"
            rf"\s+(?P<mid>.*)",
            scan.text,
        )
    if which is None:  # "the richest country in every continent", "each continent's most populous country"
        top = rf"(?:{_LEADS}|richest|poorest|(?:most|least)\s+\w+)"
        which = re.search(
            rf"(?<!\w)(?P<mid>{top})\s+(?P<a>{dims.pattern})\s+(?:in|of|for|on|across|within)\s+(?:each|every)\s+"
            rf"(?P<b>{dims.pattern}|{_UNITS})(?!\w)|(?<!\w)(?:each|every)\s+(?P<b2>{dims.pattern})'s\s+"
            rf"(?P<mid2>{top})\s+(?P<a2>{dims.pattern})(?!\w)",
            scan.text,
        )
        which = which or re.search(  # "the country with the highest life expectancy in each continent"
            rf"(?<!\w)(?P<a>{dims.pattern})\s+(?:with|having|that\s+had|that\s+has)\s+(?:the\s+)?"
            rf"(?P<mid>{top})\b.*?(?:in|of|for|on|across|within)\s+(?:each|every)\s+"
            rf"(?P<b>{dims.pattern}|{_UNITS})(?!\w)",
            scan.text,
        )
        if which is not None and (which["a"] or which["a2"]).endswith("s"):
            which = None  # "the biggest countries in each continent" may be a ranking per group: not this
    leader = (
        which is not None
        and re.search(
            rf"(?<!\w)(?:{_LEADS}|richest|poorest|most|least)(?!\w)", which["mid"] or which["mid2"] or ""
        )
        is not None
    )
    groups = vocab.dims[1]
    a, b = (which["a"] or which["a2"], which["b"] or which["b2"]) if which is not None else ("", "")
    if which is not None and leader and groups[normalize(a)] != groups.get(normalize(b)):
        said = scan.excerpt(which.span())
    elif often := re.search(
        rf"(?<!\w)how\s+many\s+(?:{_PERIODS}|times|{dims.pattern})\s+{_EACH_LEADER}(?:{_LED})(?!\w)",
        scan.text,
    ):
        said = scan.excerpt(often.span())
    elif vocab.ds.who is not None and (who := _WHO_LEADS.search(scan.text)) and _each(who, vocab, scan):
        # "Who got the most votes by district?": the candidate ahead in each district, not its top count.
        said = scan.excerpt((who.start(), _each(who, vocab, scan)))
    else:
        return
    raise UnchartableQuestion(
        f"That asks which one leads within each group (\u201c{said}\u201d), which needs two levels of "
        f"aggregation, and chartq charts one at a time; it can show the values of every group side by "
        f"side. {suggest(vocab.ds)}"
    )


def check_lacking(scan: Scan, vocab: Vocabulary) -> None:
    """ "nations with no gold", "days that had no lunch": the groups a value is missing from, which needs
    each group's values first (two levels); charting the value, or everything but it, would mislead."""
    values = vocab.values[0]
    if values is None:
        return
    m = re.search(rf"(?<!\w)(?:with|had|has|have|having|were|was)\s+no\s+(?:{values.pattern})", scan.text)
    if m is not None:
        raise UnchartableQuestion(
            f"chartq cannot yet find the groups a value is missing from (\u201c{scan.excerpt(m.span())}"
            f"\u201d): that needs each group's values first. {suggest(vocab.ds)}"
        )

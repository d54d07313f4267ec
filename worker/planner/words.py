"""The words the rule planner reads beyond the semantic model: chart types, aggregations, time axes,
rankings, sort orders, counts and commands it refuses ("delete all users"); numeric conditions are in
worker.planner.conditions.

Each reader takes the stretches of text it understands from a `Scan`, so later readers never read them
again; worker.planner.read calls them in an order where the longer reading wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from worker.plan import Aggregation, ChartType, SortDirection
from worker.planner.errors import UnchartableQuestion
from worker.planner.time_phrases import COUNT, parse_count
from worker.planner.titles import lower_label
from worker.planner.typos import distance
from worker.planner.vocabulary import Scan, Vocabulary, normalize, phrases, words
from worker.semantic import Dataset, DimensionValue

CHART_WORDS: dict[ChartType, str] = {
    "histogram": r"histograms?|distributions?|distributed|spread",
    # "one dot per flower": a dot per row is a scatter; one per year is a line's points, left to the line.
    "scatter": r"scatter(?:\s*plot)?s?|correlations?|correlated?|relationships?|relation|"
    r"one\s+(?:dot|point|marker)\s+(?:per|for\s+(?:each|every))\s+"
    r"(?!(?:survey\s+)?(?:years?|dates?|weeks?|months?|days?|surveys?)\b)[a-z]+",
    "pie": r"pie|donut|doughnut|share|proportions?|composition",
    "area": r"area|stacked(?!\s+by)",
    "line": r"lines?|line\s+(?:chart|graph)",
    "bar": r"bars?|columns?|column\s+chart",
}
AGG_WORDS: dict[Aggregation, str] = {
    "avg": r"(?:arithmetic(?:al)?\s+)?(?:average|avg|mean)",
    "sum": r"total|sum|combined|altogether|all\s+together|all\s+told|summed|added\s+up|"
    r"add\s+(?:them|it|these|those|everything|all)\s+up|adds?\s+up\s+to",
    "median": r"median",
    "min": r"minimum|min",
    "max": r"maximum|max|peak",
    "count": r"number\s+of|count\s+of|count|how\s+many",
}
TIME_AXIS = (
    r"over\s+time|(?:over|through|across)\s+the\s+(?:years|decades)|trends?|evolution|evolved?|history|"
    r"over\s+the\s+time|develop(?:s|ed|ing|ment)?|historical(?:ly)?|timeline|time\s+series|progression|(?:by|per|each|every)\s+(?:survey\s+|calendar\s+)?(?:year|date|week|month|day)|"
    r"yearly|annual(?:ly)?|weekly|daily|growth|(?:grew|grow(?:n|s|ing)?)(?!\s+(?:(?:my|his|her|their|our|some|the)"
    r"\s+)?(?:[a-z]+\s+)?(?:irises|iris|flowers|roses|plants|vegetables|tomatoes|crops|wheat|corn|beards?)\b)|"
    r"changed?|changes|progress"
)
VERSUS = (
    r"vs\.?|versus|v\.?|(?:stacks?|stacked|stacking)\s+up\s+(?:against|to|with)|against|"
    r"compared\s+(?:to|with)"
)
LOW_WORDS = ("bottom", "lowest", "smallest", "worst", "least", "fewest", "weakest", "poorest")
# Rank words only when a measure follows: "the most votes", "the fewest medals".
MEASURE_RANKS = ("most", "fewest", "least")
# "top 5", "the 3 largest", "10 weakest": a ranking and its count, before or after the rank word (a year
# before it is a period: "gdp in 2007 top 5 countries").
TOP = re.compile(
    rf"\b(?:(?!(?:19|20)\d\d\b)(?P<n0>{COUNT})\s+)?(?P<dir>top|bottom|highest|lowest|largest|smallest|biggest|greatest|best|worst|"
    rf"weakest|strongest|most|fewest|least)(?:\s+(?P<n>{COUNT}))?\b",
    re.IGNORECASE,
)
_SORT = words(
    r"(?:(?:sorted|ordered|ranked|sort|order)\s+)?(?:from\s+)?"
    r"(?:(?P<up>lowest|smallest|least|low|quietest)\s+to\s+(?:highest|largest|greatest|most|high|busiest)|"
    r"(?P<down>highest|largest|greatest|most|high|busiest)\s+to\s+(?:lowest|smallest|least|low|quietest))|"
    r"(?:(?:sorted|ordered|ranked|sort|order)\s+)?(?:in\s+)?"
    r"(?:(?P<asc>ascending|increasing)|(?P<desc>descending|decreasing))(?:\s+order)?|"
    r"(?P<first>highest|largest|lowest|smallest|fewest|least|most|biggest|greatest|richest|poorest|best|"
    r"worst|longest|shortest|widest|narrowest|strongest|weakest)(?:\s+(?!first\b)[a-z]+)?\s+first|"
    r"(?:(?:starting|beginning|start|begin)\s+(?:with|from|at)|(?:sorted|ordered|ranked)\s+from)\s+the\s+"
    r"(?P<start>highest|largest|lowest|smallest|"
    r"fewest|least|most|biggest|greatest|richest|poorest|best|worst)(?:\s+one)?"
)
_RANK_BY = re.compile(r"\s*(?:please\s+)?rank\s+(?:the\s+|all\s+)?[\w\s]+?\s+by\b", re.IGNORECASE)
_COMMAND = re.compile(
    r"^\W*(?:(?:drop|delete|truncate|insert|update|alter|grant|revoke|exec(?:ute)?)\b|select\b.*\bfrom\b)",
    re.IGNORECASE | re.DOTALL,
)
# "count the countries ...", "number the tables by day": the verb opening the question counts them, as
# "number of" does.
_COUNTING = (
    r"(?:number\s+of|count\s+of|how\s+many|^\W*(?:count|number)(?=\s+(?:the|all)\s))\s+"
    r"(?:the\s+|all\s+(?:the\s+)?)?"
)


# "remove every row from the iris table", "overwrite the election results": a verb that changes data, acting
# on the data itself. A verb alone ("remove Canada") is left to adjustments and the planner.
_CHANGE_DATA = re.compile(
    r"^\W*(?:(?:please|now|then|can\s+you|could\s+you|would\s+you|go\s+ahead\s+and)[\s,]+)*"
    r"(?:remove|erase|wipe|overwrite|update|insert|truncate|alter|modify|replace|delete|drop|clear|purge|"
    r"rewrite|destroy)\s+(?:\S+\s+){0,4}?"
    r"(?:rows?|tables?|results?|records?|data|database|db|values?|entries|entry|columns?|datasets?)\b",
    re.IGNORECASE,
)


# "delete all charts", "DROP TABLE charts", "clear my history" sent as a change to a chart: a verb that
# destroys, acting on what chartq stores or on the data. "drop the limit" and "remove Canada from the
# chart" are edits.
_DESTROY_STORED = re.compile(
    r"^\W*(?:(?:please|now|then|can\s+you|could\s+you|would\s+you|go\s+ahead\s+and)[\s,]+)*"
    r"(?:delete|erase|wipe|truncate|destroy|purge|drop|remove|clear)\s+(?:(?!from\b|in\b|on\b|of\b)\S+\s+){0,3}?"
    r"(?:charts?|tables?|database|db|rows?|records?|history|messages?|sessions?|tasks?|users?|accounts?|"
    r"everything|data)\W*$",
    re.IGNORECASE,
)
_SQL_STATEMENT = re.compile(
    r"^\W*(?:drop\s+(?:table|database|schema|view|index)|delete\s+from|truncate|insert\s+into|"
    r"update\s+\S+\s+set|alter\s+table|grant|revoke|exec(?:ute)?)\b",
    re.IGNORECASE,
)


def destroys_stored(text: str) -> bool:
    """True for a change that asks to delete what chartq stores or the data ("delete all charts")."""
    return _DESTROY_STORED.match(text) is not None or _SQL_STATEMENT.match(text) is not None


# "Why did ...", "why do men tip more": a question about causes, which a chart of the data cannot answer.
_WHY = re.compile(r"\s*(?:but\s+|and\s+|so\s+)?(?:why|how\s+come)\b", re.IGNORECASE)


def asks_why(text: str) -> bool:
    """True for a question about why something happened (a chart shows what, not why)."""
    return _WHY.match(text) is not None


def is_command(text: str) -> bool:
    """True for text that tries to change or read the database directly ("DROP TABLE ...", "wipe the
    data")."""
    return _COMMAND.match(text) is not None or _CHANGE_DATA.match(text) is not None


def read_sort(scan: Scan) -> SortDirection | None:
    """The order a question asks for in words ("sorted from lowest to highest", "rank the days by
    tip"), if any."""
    for m in scan.take(_SORT):
        if m["first"] or m["start"]:
            return (
                "asc"
                if (m["first"] or m["start"]).lower() in (*LOW_WORDS, "shortest", "narrowest")
                else "desc"
            )
        return "asc" if m["up"] or m["asc"] else "desc"
    # "Rank X by Y" asks for an order without naming one: highest first. The words stay unclaimed.
    return "desc" if _RANK_BY.match(scan.text) else None


@dataclass(frozen=True)
class RankWord:
    """A word that ranks by a measure on its own ("the 10 richest countries")."""

    measure: str
    low: bool
    limit: int
    counted: bool


def rank_pattern(ds: Dataset) -> re.Pattern[str] | None:
    """ "richest", "10 most populous": the rank words of a dataset's measures, with an optional count."""
    body = phrases(normalize(w) for m in ds.measures for w in m.rank_words)[0]
    return (
        None
        if body is None
        else re.compile(
            rf"(?:\btop\s+)?(?:\b(?P<n>{COUNT})\s+)?(?:most\s+)?(?P<w>{body.pattern})", re.IGNORECASE
        )
    )


def read_rank_word(scan: Scan, ds: Dataset, pattern: re.Pattern[str] | None) -> RankWord | None:
    table = {normalize(w): (m.name, d) for m in ds.measures for w, d in m.rank_words.items()}
    for m in scan.take(pattern):
        name, direction = table[normalize(m["w"])]
        n = m["n"]
        return RankWord(name, direction == "asc", parse_count(n) if n else 10, bool(n))
    return None


def read_order_measure(scan: Scan, ds: Dataset, pattern: re.Pattern[str] | None) -> str | None:
    """The measure an order names by a rank word of its own ("every African country, poorest first":
    GDP per capita), looked for before the order is read; the words are left for the order's reader."""
    if pattern is None:
        return None
    table = {normalize(w): m.name for m in ds.measures for w in m.rank_words}
    for m in re.finditer(rf"{pattern.pattern}\s+first\b", scan.text, re.IGNORECASE):
        if not any(scan.used[m.start() : m.end()]):
            return table[normalize(m["w"])]
    return None


def with_order_measure(ordered_by: str | None, measures: list[str], ds: Dataset) -> list[str]:
    """`measures` with the one a rank word orders by: the chart's measure when none is named ("every
    African country, poorest first"). Beside another named measure the order is one the chart cannot
    show ("life expectancy of Asian countries, richest first"), and charting either would be a guess."""
    if ordered_by is None or ordered_by in measures:
        return measures
    if not measures:
        return [ordered_by]
    order, shown = (lower_label(ds.measure(m).label) for m in (ordered_by, measures[0]))
    raise UnchartableQuestion(
        f"chartq orders a chart only by a measure it shows: the order asked for is by {order}, and the "
        f"chart would show {shown}. Order by {shown} (\u201chighest first\u201d), or ask for {order}."
    )


def counting_pattern(vocab: Vocabulary, rows: str = "") -> re.Pattern[str] | None:
    """ "number of countries", "how many smokers", "how many tables": a count of rows named by a dimension,
    value, the dataset or a noun for its rows (`rows`)."""
    bodies = [p.pattern for p in (vocab.dims[0], vocab.values[0], vocab.datasets[0]) if p is not None]
    bodies += [rf"(?:{rows})(?!\w)"] if rows else []
    if not bodies:
        return None
    # "countries per continent 2002", a fragment opening with a plural noun per dimension: counts them.
    dims = vocab.dims[0].pattern if vocab.dims[0] is not None else "(?!)"
    fragment = rf"^\W*(?=(?:{dims})\s+per\s+(?:{dims})(?:\s+(?:in\s+)?\d{{4}})?\s*[?.!]?\s*$)"
    return re.compile(rf"(?:\b{_COUNTING}|{fragment})(?P<what>{'|'.join(bodies)})", re.IGNORECASE)


def counted_measure(scan: Scan, vocab: Vocabulary) -> tuple[bool, bool]:
    """(counts rows, counts things a measure adds up): "number of bills" counts rows; "how many people",
    "number of medals" and "how many bronze medals" add up a measure that is itself a count."""
    measures = vocab.measures[0]
    if measures is None:
        return False, False
    # Values or the dataset's own name may stand between: "how many bronze medals", "how many olympic medals".
    between = "|".join(p.pattern for p in (vocab.values[0], vocab.datasets[0]) if p is not None)
    named = rf"(?:(?:{between})(?:\s*,|\s+and|\s+or)?\s+){{0,3}}" if between else ""
    pattern = re.compile(rf"\b(?P<count>{_COUNTING}){named}(?P<what>{measures.pattern})", re.IGNORECASE)
    for m in pattern.finditer(scan.text):
        measure = vocab.ds.measure(vocab.measures[1][normalize(m["what"])])
        countable = measure.additive and measure.decimals == 0
        scan.claim(m.span("count"))
        return not countable, countable
    return False, False


def measures_around_counts(scan: Scan, vocab: Vocabulary, counting: re.Pattern[str] | None) -> list[str]:
    """Measures whose phrase holds the start of a count of rows ("medal count of China" is the medals
    measure, not a count of China's rows); taken before counts so the longer measure phrase wins."""
    measures, found = vocab.measures[0], []
    if measures is None or counting is None:
        return []
    for c in list(counting.finditer(scan.text)):
        for x in measures.finditer(scan.text):
            if x.start() < c.start() < x.end() and not any(scan.used[x.start() : x.end()]):
                scan.claim(x.span())
                found.append(vocab.measures[1][normalize(x[0])])
    return found


# "by payment method", "per server": a grouping by words no dimension reads; "by far", "by how much" are not.
_GROUPING = re.compile(
    r"(?<!\w)(?:by|per|for\s+each|for\s+every)\s+(?:the\s+|all\s+)?(?P<w>[a-z]+(?:\s+[a-z]+)?)"
)
_NOT_GROUPS = frozenset({"far", "then", "now", "default", "itself", "themselves", "hand", "name", "size"})


def unknown_group(scan: Scan, known: frozenset[str], dims: Iterable[str]) -> str | None:
    """The words of a grouping nothing read and the model doesn't know ("payment method"), if any; a word
    a typo away from a word of a dimension (`dims`, "dya") is left for the rest of the planner."""
    near = {w for d in dims for w in d.split()}
    for m in _GROUPING.finditer(scan.text):
        # The whole word as written ("payment-method"), without the sentence's punctuation after it.
        first = scan.text[m.start("w") :].split()[0].rstrip(".,;:!?)\"'")
        if any(scan.used[m.start("w") : m.start("w") + len(first)]) or first in known or first in _NOT_GROUPS:
            continue
        if any(distance(first, w, 1) <= 1 for w in near):
            continue
        rest = m["w"].split()[1:]
        unread = rest and not any(scan.used[m.end("w") - len(rest[0]) : m.end("w")]) and rest[0] not in known
        return m["w"] if unread else first
    return None


# Words asking for a dataset as a whole ("summarize the wind data"), which a question may use alone.
OVERVIEW_WORDS = frozenset(
    """
    visualize visualise visualization visualisation summarize summarise summary overview explore analyze
    analyse analysis describe dataset datasets stats statistics insights info information look quick
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def unknown_words(scan: Scan, known: frozenset[str]) -> list[str]:
    """The words of three letters or more that nothing read and aren't `known` ("recommend")."""
    return [
        m[0]
        for m in re.finditer(r"[a-z]{3,}", scan.text)
        if m[0] not in known and not any(scan.used[m.start() : m.end()])
    ]


def read_ordered_values(scan: Scan, ds: Dataset) -> list[tuple[str, DimensionValue]]:
    """ "strength 6+": a value named just after its dimension, for ordered dimensions whose values are
    not read on their own (a bare "6+" or "n" names nothing)."""
    found = []
    for dim in ds.dimensions:
        if dim.match_values or not dim.order:
            continue
        names = phrases((dim.label, *dim.synonyms))[0]
        values = {str(v).lower(): v for v in dim.order}
        body = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
        if names is None:
            continue
        pattern = re.compile(rf"(?<!\w)(?:{names.pattern})\s+(?:of\s+)?(?P<v>{body})(?![\w+])", re.IGNORECASE)
        found += [(dim.name, values[m["v"].lower()]) for m in scan.take(pattern)]
    return found

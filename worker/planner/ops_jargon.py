"""Spelt out before a question is read (worker.planner.voices): an operations / SRE engineer's
monitoring-dashboard words, read as the planner's own.

- Panels are chart types: "bar panel" a bar chart, "time series panel" and "graph panel" a line chart,
  "pie panel" a pie, "histogram panel" a histogram, "scatter panel" a scatter plot; a "sparkline" is a line.
- Percentiles: "p50" is the median ("p0" the minimum, "p100" the maximum); any other ("p95", "p99") is
  refused, naming it.
- "sum rollup", "avg rollup of", "max rollup of X" name the aggregation; "population (sum rollup across
  countries)" is the total population.
- "top-k (k=8)", "top-k, k=3", "top-k k=4", "bottom-k=5" are the top (bottom) 8, 3, 4, 5.
- "bucket by X", "bucket the tips data by X" are "by X"; "series by X", "series = X", "series: X" split by X.
- "the 1992 snapshot", "snapshot of 1992" are 1992; "the whole retention window" is the whole data;
  "weekly datapoints" are rows; "below baseline (price < 1.0, i.e. under the Jan 2018 level)" is "where
  price < 1.0".
- To-date periods count from the END OF THE DATA (the dataset's time_max): on stocks, ending 2019-12-31,
  "QTD" is 2019-10-01 to 2019-12-31 and "MTD" 2019-12-01 to 2019-12-31 ("YTD" is read later, the same
  way). An anchor ("anchored to the dataset's last datapoint, not now()", "relative to the last datapoint
  in the stocks data") says so and is dropped. "last 4w of the dataset" is the last 4 weeks of the data;
  "over the last 7d", with no anchor, is the last 7 days, counted from today (refused downstream).
- Context is dropped: "baseline for the postmortem doc:", "- I'll eyeball the spikes myself"; a panel
  declined ("a stat panel is overkill, just a bar chart") adds nothing.
- Refused, naming the words: a heatmap (any wording), a gauge or single-stat panel, alerts, anomaly
  detection, SLO / error-budget panels.
A question with none of these words is returned unchanged.
"""

from __future__ import annotations

import datetime as dt
import re

from worker.planner.errors import NotInTheData
from worker.planner.relative_times import data_days, datasets_named
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unops"]

_I = re.IGNORECASE
_AGGS = {
    "sum": "total",
    "total": "total",
    "avg": "average",
    "average": "average",
    "mean": "average",
    "max": "maximum",
    "maximum": "maximum",
    "min": "minimum",
    "minimum": "minimum",
    "count": "count of",
    "median": "median",
    "p50": "median",
}
_AGG = r"(?P<a>" + "|".join(_AGGS) + r")"
_ROLLUP = r"roll[- ]?ups?"
_CUE = re.compile(
    r"\bpanel\b|\bp\d{1,3}\b|\b[mqy]td\b|\banchored\b|\btop[- ]?k\b|\bbottom[- ]?k\b|roll[- ]?ups?\b|"
    r"\bbucket|\bseries\b|"
    r"\bsnapshots?\b|\bsparklines?\b|heat\s*-?\s*maps?\b|data[- ]?points?\b|\bretention\b|\bbaseline\b|"
    r"\bpostmortem|\beyeball|\b(?:last|past)\s+\d+\s*(?:d|w|h|mo|m|y)\b|\bgauge|\bstat\b|\bsingle[- ]?stat|"
    r"\bslo\b|\bsla\b|anomal|\balert",
    _I,
)
# A panel named only to be declined ("a stat panel is overkill, just a bar chart:") adds nothing.
_KINDS = r"(?:single[- ]?stat|stat|gauge|heat\s*-?\s*map)(?:\s+panel|\s+chart)?"
_DECLINED = [
    re.compile(
        rf"\b(?:an?\s+|the\s+)?{_KINDS}\s+(?:is|would\s+be|feels|seems)\s+(?:overkill|too\s+much|unnecessary|"
        r"not\s+needed|pointless)\s*[,;:.\-\u2013\u2014]?\s*(?:just\s+|only\s+|so\s+)?(?:(?:give\s+me|do|use)\s+)?",
        _I,
    ),
    re.compile(
        rf",?\s*\b(?:not|no\s+need\s+for|instead\s+of|rather\s+than|skip|forget|without)\s+(?:an?\s+|the\s+)?"
        rf"{_KINDS}\b\s*[,;:\-\u2013\u2014]?\s*",
        _I,
    ),
]
# Refused as NotInTheData: read without these words as context the rest would chart something else.
_REFUSED = [
    (
        re.compile(r"\bheat\s*-?\s*maps?\b", _I),
        "chartq cannot draw a heatmap; ask for bars of one column split by the other instead",
    ),
    (
        re.compile(r"\b(?:gauges?|(?:single[- ]?)?stat\s+panels?|single[- ]?stat)\b", _I),
        "a gauge or stat panel shows one number, and chartq charts values side by side; ask for bars instead",
    ),
    (
        re.compile(r"\balert(?:s|ing)?\s+(?:me\s+)?(?:when|if|on|whenever)\b", _I),
        "an alert is a notification, not a chart; ask for the measure itself instead",
    ),
    (
        re.compile(r"\banomal(?:y|ies|ous)(?:\s+detection)?\b|\boutlier\s+detection\b", _I),
        "chartq does not detect anomalies; ask for the measure itself instead",
    ),
    (
        re.compile(r"\b(?:slo|sla|error[- ]budget)s?\b(?:\s+panels?)?", _I),
        "an SLO or error budget needs a target the data does not have; ask for the measure itself instead",
    ),
]
_PANELS = [
    (r"\btime[- ]?series\s+panels?\b|\b(?:graph|line)\s+panels?\b|\bsparklines?\b", "line chart"),
    (r"\bbar\s+panels?\b", "bar chart"),
    (r"\bpie(?:\s+chart)?\s+panels?\b", "pie chart"),
    (r"\bhistogram\s+panels?\b", "histogram"),
    (r"\bscatter(?:\s*plot)?\s+panels?\b", "scatter plot"),
]
_PERCENTILE = re.compile(r"\bp(?P<n>\d{1,3})\b(?!\s*[=<>])", _I)
_ROLLUP_OF = re.compile(rf"\b{_AGG}\s+{_ROLLUP}\b(?:\s+(?:of|across|over)\b)?", _I)
# "population (sum rollup across countries)": the aggregation is said after what it aggregates.
_ROLLUP_AFTER = re.compile(rf"\b(?P<m>\w+)\s*\(\s*{_AGG}\s+{_ROLLUP}\b[^()]*\)", _I)
_ROLLED_BY = re.compile(rf"\b(?:{_ROLLUP}|rolled[- ]up)\s+(?=(?:by|per)\b)", _I)
_TOP_K = re.compile(
    r"\b(?P<w>top|bottom)[- ]?k\b(?:\s*[,:]?\s*\(?\s*(?:with\s+)?k)?\s*=\s*(?P<n>\d+)(?:\s*\))?", _I
)
_BUCKET = re.compile(r"\bbucket(?:ed|ing|s)?\s+(?:the\s+(?P<d>\w+)\s+data\s+)?(?=by\b)", _I)
# "series by X", "series = X": never a key=value list's "; series=ticker" (worker.planner.key_values).
_SERIES = re.compile(r"(?P<pre>^|[,:(]\s*)series\s*(?:=|:|by|per)\s*(?=\w)", _I)
_SNAPSHOT = [
    re.compile(r"\b(?:(?:for|in|at|from|of)\s+)?(?:the\s+)?(?P<y>\d{4})\s+snapshots?\b", _I),
    re.compile(r"\bsnapshots?\s+(?:of|at|for|from|in)\s+(?:the\s+year\s+)?(?P<y>\d{4})\b", _I),
]
_RETENTION = re.compile(
    r"\b(?:(?:over|across|for|in)\s+)?(?:the\s+)?(?:whole|entire|full)\s+retention(?:\s+(?:window|period))?\b",
    _I,
)
# Counted, datapoints are rows ("count of weekly datapoints": the weekly grain is the data's own); shown,
# they are the measure's values ("AAPL weekly datapoints in 2019").
_COUNTED_POINTS = re.compile(
    r"\b(?P<c>count\s+of|number\s+of|how\s+many)\s+(?:the\s+)?(?:(?:weekly|daily|monthly|yearly|annual)\s+)?"
    r"data[- ]?points\b",
    _I,
)
_DATAPOINTS = re.compile(r"\bdata[- ]?points?\b", _I)
_BASELINE = re.compile(
    r"\b(?:below|under|beneath|above|over)\s+(?:the\s+)?baseline\s*\(\s*(?P<c>[^(),]+?)\s*"
    r"(?:,\s*i\.?\s*e\.?[^()]*)?\)",
    _I,
)
_CONTEXT = [
    re.compile(
        r"^\W*(?:an?\s+)?(?:baseline|numbers?|chart|graph|context)\s+for\s+(?:the|our|my|an?)\s+"
        r"(?:postmortem|post-mortem|incident|retro(?:spective)?|rca|on-?call)(?:\s+(?:doc|document|report|"
        r"review|page|handoff|update))?\s*[:,\-\u2013\u2014]\s*",
        _I,
    ),
    re.compile(
        r"\s*[-,;\u2013\u2014]\s*I(?:'|\u2019)?ll\s+(?:eyeball|spot|find|look\s+for)\s+(?:the\s+)?"
        r"(?:spikes|dips|anomalies|outliers|it|them)(?:\s+myself)?\b",
        _I,
    ),
]
_NOT_NOW = r"(?:\s*,?\s*(?:not|rather\s+than|instead\s+of)\s+(?:now\(\)|now|today|wall[- ]clock(?:\s+time)?))"
# "anchored to the dataset's last datapoint, not now()", "relative to the last datapoint in the stocks data"
_ANCHOR_WORDS = (
    r"(?:anchored|relative|pinned|measured|counted|as\s+of)\s+(?:to\s+|from\s+)?(?:the\s+)?"
    r"(?:(?:dataset|data)(?:'|\u2019)?s\s+)?(?:(?:last|latest|final|most\s+recent)\s+"
    r"(?:data[- ]?point|sample|timestamp|date|week|close|row)s?|end\s+of\s+the\s+data(?:set)?)"
    rf"(?:\s+(?:in|of)\s+the\s+(?P<ds>\w+)\s+data(?:set)?)?{_NOT_NOW}?"
)
_ANCHOR = re.compile(rf"(?:(?P<open>\s*\(\s*)|,?\s*\b){_ANCHOR_WORDS}(?(open)\s*\))", _I)
_UNITS = {"d": "days", "w": "weeks", "m": "months", "mo": "months", "y": "years", "h": "hours"}
_LAST_N = re.compile(
    r"\b(?:the\s+)?(?:last|past)\s+(?P<n>\d+)\s*(?P<u>mo|d|w|h|m|y)\b(?P<of>\s+of\s+the\s+data(?:set)?)?", _I
)
_TO_DATE = re.compile(r"\b(?P<k>[mq])td\b(?!\s+(?:in\s+|for\s+)?\d{4}\b)", _I)


def unops(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    if _CUE.search(text) is None:
        return text
    read = text
    for declined in _DECLINED:
        read = declined.sub(" ", read)
    _refuse(read, model)
    read = _to_date(read, model)
    for pattern, said in _PANELS:
        read = re.sub(pattern, said, read, flags=_I)
    read = _PERCENTILE.sub(lambda m: _percentile(m, model), read)
    read = _ROLLUP_AFTER.sub(lambda m: f"{_AGGS[m['a'].lower()]} {m['m']}", read)
    read = _ROLLUP_OF.sub(lambda m: _AGGS[m["a"].lower()], _ROLLED_BY.sub("", read))
    read = _TOP_K.sub(lambda m: f"{m['w']} {m['n']}", read)
    read = _BUCKET.sub(lambda m: f"{m['d']} " if m["d"] else "", read)
    read = _SERIES.sub(lambda m: f"{m['pre']}split by ", read)
    for snapshot in _SNAPSHOT:
        read = snapshot.sub(r"in \g<y>", read)
    read = _RETENTION.sub("over the whole data", read)
    read = _BASELINE.sub(r"where \g<c>", read)
    read = _DATAPOINTS.sub("values", _COUNTED_POINTS.sub(r"\g<c> rows", read))
    for context in _CONTEXT:
        read = context.sub("", read)
    read = re.sub(r"\s+([,:;.?!)])", r"\1", " ".join(read.split()))
    read = re.sub(r"^[\s,;:.\-]+|[,;]\s*(?=[.?!:;,])", "", read).strip(" ,;")
    return text if read == text else read


def _refuse(text: str, model: SemanticModel) -> None:
    for pattern, why in _REFUSED:
        if (m := pattern.search(text)) is not None:
            raise NotInTheData(with_example(f"\u201c{m[0]}\u201d: {why}", text, model))


def _percentile(m: re.Match[str], model: SemanticModel) -> str:
    """ "p50" is the median, "p0" the minimum and "p100" the maximum; chartq charts no other percentile."""
    said = {"50": "median", "0": "minimum", "100": "maximum"}.get(m["n"].lstrip("0") or "0")
    if said is None:
        raise NotInTheData(
            with_example(
                f"\u201c{m[0]}\u201d is a percentile, and chartq charts none but the median (p50), the "
                "minimum and the maximum; ask for one of those",
                m.string,
                model,
            )
        )
    return said


def _to_date(text: str, model: SemanticModel) -> str:
    """ "QTD", "MTD" and "the last 4w" counted back from the end of the data; an anchor saying so goes."""
    anchored = _ANCHOR.search(text) is not None
    owners = [d for d in datasets_named(text, model) if d.time is not None and d.time_max]
    read = _ANCHOR.sub(lambda m: f", in the {m['ds']} data" if m["ds"] else "", text)
    read = _LAST_N.sub(lambda m: _last_n(m, anchored), read)
    if len(owners) != 1 or owners[0].time is None:
        return read
    ds, said = owners[0], _TO_DATE.search(read)
    if said is None:
        return read
    if ds.time is not None and ds.time.grain == "day":
        return _TO_DATE.sub(lambda m: _period(m, data_days(ds)[1]), read)
    raise NotInTheData(
        with_example(
            f"\u201c{said[0]}\u201d is part of a year, and the {ds.name} data has one value a year; ask for "
            "whole years instead",
            text,
            model,
        )
    )


def _period(m: re.Match[str], last: dt.date) -> str:
    """ "MTD" and "QTD" as the month and the quarter of the data's last day, to that day."""
    month = last.month if m["k"].lower() == "m" else 3 * ((last.month - 1) // 3) + 1
    return f"from {dt.date(last.year, month, 1).isoformat()} to {last.isoformat()}"


def _last_n(m: re.Match[str], anchored: bool) -> str:
    """ "the last 4w" in words; of the data when an anchor or "of the dataset" says so."""
    unit = _UNITS[m["u"].lower()]
    of_data = " of the data" if anchored or m["of"] else ""
    return f"the last {m['n']} {unit}{of_data}"

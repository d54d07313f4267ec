"""A user who speaks in approximations, read as the plan the rest of the question names (before the names
they hedge are read, in worker.planner.voices).

- A hedge on the whole request adds nothing: "roughly speaking", "give or take,", "more or less",
  "rough numbers are fine", "nothing precise", "no need for anything exact", "approximately how long ...",
  "approximate medal counts per nation are fine" (the counts per nation), "roughly how they relate" after
  a chart of two measures. A chart allowed ("Bars are fine", "lines are OK") is the chart asked for.
- A hedge on a count of bars that states its number is that number: "the top 10-ish", "the ten or so most
  populous", "the top 5 or thereabouts"; a restatement ("the three or so ... - let's say three") is the
  number said last.
- A hedged year glossed by the data's own end is that end: "2007-ish, so the latest survey" is 2007, and
  "from the first survey on (1952-ish, the start of the data)" the whole data. A gloss that is not the
  data's end ("1960-ish, the start of the data") is left, for the hedged year to be refused.

A hedge on a value in a condition has no agreed tolerance, so it is refused naming its words: "2,000-odd
votes", "50 million or so", "give or take 5 dollars", "about $3", "around 5 cm" (a share or a multiple,
"about 30% done", "around 1.9 times", may be no condition and is left). Those said "roughly 50
million", "20-ish dollars" are refused by worker.planner.number_formats.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.planner.relative_times import datasets_named
from worker.planner.time_phrases import COUNT, parse_count
from worker.semantic import Dataset, SemanticModel

__all__ = ["unapproximate"]

_I = re.IGNORECASE
_FINE = r"(?:fine|ok|okay|good(?:\s+enough)?|enough|all\s+right|alright|acceptable)"
_OK = rf"(?:(?:is|are|would\s+be|will\s+be)\s+{_FINE}|will\s+do|would\s+do|do\s+the\s+job)"
_ROUGH = r"(?:rough|approximate|ballpark|round(?:ed)?|estimated|indicative)"
_GENERIC = r"(?:numbers?|figures?|values?|estimates?|answers?|results?|counts?|totals?|averages?)"
_HEDGE = r"(?:roughly|approximately|approx\.?|about|around|circa|some|something\s+like|more\s+or\s+less)"
# A number said loosely: "10-ish", "ten or so", "5 or thereabouts".
_LOOSE = r"(?:\s*-?\s*ish\b|\s+or\s+so\b|\s+or\s+thereabouts\b|\s+give\s+or\s+take\b)"
_RANK = r"(?:top|bottom|first|last|best|worst|highest|lowest|biggest|largest|smallest)"

_WHOLE = [
    # "roughly speaking", "broadly speaking": how exact the answer is, not which.
    (r"(?:,\s*)?\b(?:roughly|broadly|approximately|loosely|generally)\s+speaking\b", ""),
    # "Give or take," / ", give or take." alone (not "give or take 5", a tolerance on a value).
    (r"(?:,\s*)?\bgive\s+or\s+take\b(?!\s*(?:[$\u20ac\u00a3~]|\d|a\s|an\s))", ""),
    # "Rough numbers are fine.", "approximate figures will do": nothing about which figures.
    (rf"(?:,\s*)?\b(?:an?\s+)?{_ROUGH}\s+{_GENERIC}\s+{_OK}\b", ""),
    # "Approximate medal counts per nation are fine": the counts per nation.
    (rf"\b{_ROUGH}\s+(?P<x>(?:(?!\b(?:is|are|would|will)\b)[^.;:!?,])+?)\s+{_OK}\b", r"\g<x>"),
    # "nothing precise", "no need for anything exact", "it doesn't have to be exact".
    (
        r"(?:[,;\u2013\u2014-]\s*)?\b(?:nothing|none\s+of\s+it)\s+(?:too\s+|very\s+|super\s+)?"
        r"(?:precise|exact|fancy|accurate)\b",
        "",
    ),
    (
        r"(?:[,;\u2013\u2014-]\s*)?\b(?:(?:there'?s\s+|there\s+is\s+)?no\s+need\s+(?:for\s+anything|to\s+be)|"
        r"(?:it\s+)?(?:doesn'?t|does\s+not|don'?t|do\s+not|needn'?t|need\s+not)\s+(?:need\s+to\s+|have\s+to\s+)?be"
        r"|not\s+necessarily)\s+(?:too\s+|very\s+|super\s+|100%\s+|perfectly\s+)?(?:precise|exact|accurate)\b",
        "",
    ),
    (r"(?:[,;\u2013\u2014-]\s*)?\bprecision\s+(?:isn'?t|is\s+not|not)\s+(?:needed|required|important)\b", ""),
    # "Approximately how long ...", "roughly what share ...": the question.
    (r"\b(?:roughly|approximately|approx\.?|about|around|more\s+or\s+less)\s+(?=(?:how|what)\b)", ""),
    # "..., more or less." at a clause's end (not "more or less 50 million").
    (r"(?:,\s*)?\bmore\s+or\s+less\b(?=\s*(?:[.;:!?,\u2013\u2014-]|$))", ""),
]
_WHOLE_RES = [(re.compile(pattern, _I), said) for pattern, said in _WHOLE]
# "as a scatter, roughly how they relate": what a chart of two measures shows anyway.
_RELATE = re.compile(
    r"[,;:\u2013\u2014-]\s*(?:(?:just\s+)?(?:roughly|approximately|broadly|to\s+see)\s+)?how\s+(?:they|the\s+two|"
    r"these|both|those)\s+(?:relate|compare|go\s+together|move\s+together|vary\s+together|correlate)"
    r"(?:\s+(?:to|with)\s+each\s+other)?(?=\s*(?:[.;!?]|$))",
    _I,
)
_TWO_MEASURES = re.compile(r"\b(?:against|versus|vs\.?|scatter)\b", _I)
# "Bars are fine", "a line chart is OK": the chart asked for.
_CHART_OK = re.compile(
    rf"(?:^|(?<=[.!?:;,]))\s*(?:an?\s+)?(?P<c>bar\s+chart|bars|lines?(?:\s+chart)?|scatter(?:\s+plot)?|histogram)"
    rf"\s+(?:are|is)\s+{_FINE}\b",
    _I,
)
_CHARTS = {"bars": "bar chart", "lines": "line chart", "line": "line chart"}
# "- let's say three", ", say 5 of them": the count restated, last.
_SAY = re.compile(
    rf"\s*[,;:\u2013\u2014-]+\s*(?:(?:let'?s|let\s+us|we'?ll|I'?d|I\s+would)\s+)?say\s+(?P<n>{COUNT})"
    r"(?:\s+of\s+them)?(?=\s*(?:[.;!?]|$))",
    _I,
)
_RANKED_HEDGE = rf"\b(?P<pre>(?:the\s+)?{_RANK}\s+)(?P<n>{COUNT}){_LOOSE}"

# "2007-ish, so the latest survey", "(1952-ish, the start of the data)".
_YEAR = r"(?:1[5-9]|20)\d\d"
_GLOSS_START = (
    r"(?:start|beginning|first\s+year)\s+of\s+the\s+data(?:set)?|(?:first|earliest)\s+(?:survey|year)"
)
_GLOSS_END = r"end\s+of\s+the\s+data(?:set)?|(?:last|latest|final|most\s+recent)\s+(?:survey|year|one)"
_GLOSSED = re.compile(
    rf"(?:\(\s*)?(?:{_HEDGE}\s+)?(?P<y>{_YEAR})(?P<loose>{_LOOSE})?\s*[,;:\u2013\u2014-]?\s*"
    rf"(?:(?:so|i\.e\.,?|that\s+is,?|which\s+is|being|aka)\s+)?the\s+(?:very\s+)?"
    rf"(?:(?P<start>{_GLOSS_START})|(?P<end>{_GLOSS_END}))\s*\)?",
    _I,
)
# "from the first survey on", "since the start": a span from the data's start, before its gloss.
_FROM_START = re.compile(
    r"\b(?:from|since|starting\s+(?:from|with|at|in))\s+(?:the\s+)?(?:very\s+)?(?:first|earliest)\s+"
    r"(?:survey|year|date|record)(?:\s+year)?(?:\s+on(?:wards?)?)?\s*$",
    _I,
)

# A value said loosely, left once hedged counts are read: "2,000-odd", "50 million or so", "give or take 5".
_LOOSE_VALUE = re.compile(
    r"(?<![\w.])[$\u20ac\u00a3]?\d[\d,.]*(?:\s*(?:k|bn|m|thousand|million|billion)\b)?"
    r"(?:\s*-\s*odd\b|\s+or\s+so\b|\s+or\s+thereabouts\b)"
    r"|\b(?:give\s+or\s+take|plus\s+or\s+minus|more\s+or\s+less)\s+(?:an?\s+|about\s+)?[$\u20ac\u00a3]?\d[\d,.]*"
    r"(?:\s*(?:k|bn|m|thousand|million|billion|dollars?|cents?|votes|people|cm|years?|%|per\s*cent)\b)?",
    _I,
)


def unapproximate(text: str, model: SemanticModel) -> str:
    """`text` with its approximations read: hedges on the request gone, hedged counts and glossed years as
    the numbers they state. Raises UnchartableQuestion for a hedged value in a condition."""
    asked = text
    text = _glossed_years(text, model)
    for pattern, said in _WHOLE_RES:
        text = pattern.sub(said, text)
    if _TWO_MEASURES.search(text):
        text = _RELATE.sub("", text)
    text = _CHART_OK.sub(lambda m: f" as a {_CHARTS.get(m['c'].lower(), m['c'].lower())}", text)
    text = _counts(text, model)
    _refuse_loose_values(text, model)
    # Only a question this module rewrote is tidied: a list's dashes or code's spacing are kept as said.
    return text if text == asked else _tidy(text)


def _refuse_loose_values(text: str, model: SemanticModel) -> None:
    """A value said loosely has no agreed tolerance, so no exact filter can say it."""
    said = _LOOSE_VALUE.search(text) or _hedged_amount(model).search(text)
    if said is None:
        return
    named = datasets_named(text, model) or list(model.datasets)
    raise UnchartableQuestion(
        f"chartq filters only on exact numbers, and \u201c{said[0].strip()}\u201d is an approximate amount "
        f"with no agreed tolerance. Name an exact bound or a range with both ends. {suggest(named[0])}"
    )


def _counts(text: str, model: SemanticModel) -> str:
    """Hedged counts of bars as their numbers; a restated count ("let's say three") wins."""
    hedge = _count_hedge(model)
    said = _SAY.search(text)
    hedged = hedge.search(text)
    if hedged is None:
        return text
    number = None
    if said is not None and said.start() > hedged.end():
        text, number = text[: said.start()] + text[said.end() :], str(parse_count(said["n"]))
    return hedge.sub(lambda m: (m["pre"] or m["the"] or "") + (number or m["n"] or m["m"]), text, count=1)


def _count_hedge(model: SemanticModel) -> re.Pattern[str]:
    """A hedged count after a ranking word ("the top 10-ish"), or before a superlative or the plural of a
    dimension's label ("the ten or so most populous", "5 or so countries"): a count of bars."""
    words = {d.label.lower().split()[-1] for ds in model.datasets for d in ds.dimensions}
    plurals = {
        w[:-1] + "ies" if w.endswith("y") else w + ("es" if w.endswith(("s", "x")) else "s") for w in words
    }
    nouns = "|".join(sorted(plurals | {"ones", "bars", "items", "entries"}, key=len, reverse=True))
    return re.compile(
        rf"{_RANKED_HEDGE}|\b(?P<the>the\s+)?(?P<m>{COUNT}){_LOOSE}(?=\s+(?:most|least|\w+est|{nouns})\b)",
        _I,
    )


def _glossed_years(text: str, model: SemanticModel) -> str:
    """A hedged year glossed by the data's own end, as that end; from the data's start, the whole data."""
    for m in _GLOSSED.finditer(text):
        hedged = m["loose"] or re.match(rf"\(?\s*{_HEDGE}\s", m[0], _I)
        if not hedged or not any(_edge_year(ds, bool(m["start"])) == m["y"] for ds in _dated(text, model)):
            continue
        before, after = text[: m.start()], text[m.end() :]
        span = _FROM_START.search(before)
        if m["start"] and span is not None:
            return _glossed_years(
                f"{before[: span.start()]}from the start to the end of the data{after}", model
            )
        return _glossed_years(f"{before}{m['y']}{after}", model)
    return text


def _dated(text: str, model: SemanticModel) -> list[Dataset]:
    """The dated datasets the question names, else every dated dataset."""
    dated = [ds for ds in model.datasets if ds.time is not None and ds.time_min and ds.time_max]
    named = [ds for ds in datasets_named(text, model) if ds in dated]
    return named or dated


def _edge_year(ds: Dataset, start: bool) -> str:
    return str(ds.time_min if start else ds.time_max)[:4]


def _tidy(text: str) -> str:
    text = re.sub(r"^\s*[,;:.\u2013\u2014-]+\s*", "", text)
    text = re.sub(r" +([,.;:!?])(?=\s|$)", r"\1", re.sub(r" {2,}", " ", text))
    return re.sub(r"([,;:])(?=[.!?]|$)|(?<=[.!?])\s*[.,;:]+(?=\s|$)", "", text).strip()


def _hedged_amount(model: SemanticModel) -> re.Pattern[str]:
    """A hedged amount of money or in a measure's unit ("about $3", "around 5 cm"); a share ("about 30%
    done") or a multiple ("around 1.9 times") is left, for it may be no condition."""
    units = {m.unit.split()[0].lower() for ds in model.datasets for m in ds.measures if m.unit}
    words = "|".join(sorted((u for u in units if u.isalpha()), key=len, reverse=True))
    return re.compile(
        rf"\b{_HEDGE}\s+(?:[$\u20ac\u00a3]\s?\d[\d,.]*\d|[$\u20ac\u00a3]\s?\d|\d[\d,.]*\s*(?:dollars?|bucks|{words})\b)",
        _I,
    )

"""A request written as Tableau or Power BI steps, spelt as the sentence it means.

Tableau: "day on Columns, SUM(total_bill) on Rows, smoker on the Color shelf" is "total total bill by day
split by smoker"; "continent = Africa and year = 2002 on the Filters shelf" conditions and a period; "a Top
N filter on country: top 5 by SUM(pop)" the top 5; "sort descending" largest first. Power BI: "clustered
column chart, Axis = nation, Values = Sum of medal_count, Legend = medal" is "total medals by nation split
by medal as a bar chart"; on a pie the Legend names the slices; "a slicer on country = India", "a page
filter candidate = Bergeron" and "a year slicer from 1962 to 2002" restrict it. A year or date on an axis
is the time axis. Column names are the model's names, columns, labels or synonyms ("lifeExp", "time" in
tips is the meal); the dataset is the one the steps name ("with the tips data") or the one with every
column they name. Words the steps leave are kept for the readers that follow.

A visual chartq cannot draw (a filled map, a card, a gauge, a treemap), a field or value the data lacks
and a shelf or well a plan cannot express (Pages, Small multiples, Size) are refused naming them. The
request the steps fill in, and spell as a sentence, is worker.planner.bi_request's.
"""

from __future__ import annotations

import re
from typing import Any

from worker.planner.bi_request import Request, dataset_named, refuse
from worker.semantic import Dimension, Measure, SemanticModel

__all__ = ["unbi"]

_TOOLS = re.compile(r"(?i)\btableau\b|\bpower\s*bi\b|\bshelf\b")
_UNDRAWABLE = re.compile(
    r"(?i)\b(?:(?:filled|symbol|shape|bubble)\s+map|map\s+visual|choropleth|tree\s?map|heat\s?map|highlight "
    r"table|packed bubbles|box[- ]and[- ]whisker|gantt|bullet graph|word cloud|dual[- ]axis|text table|"
    r"crosstab|(?:multi-row\s+)?card(?:\s+visual)?|kpi(?:\s+visual)?|gauge|funnel|waterfall|ribbon chart|"
    r"matrix(?:\s+visual)?|table visual|decomposition tree|key influencers)\b"
)
_VISUAL = re.compile(
    r"(?i)\b(?:(?:clustered|stacked|100% stacked)\s+)?(column|bar|line|pie|donut|doughnut|area|scatter)\s+"
    r"(?:chart|graph|plot)s?\b|\bmarks?(?:\s+card)?(?:\s+type)?\s*(?:to|=|:|as)?\s*(bar|line|pie|area|circle)s?\b"
)
_CHART_OF = {"column": "bar", "donut": "pie", "doughnut": "pie", "circle": "scatter"}
_END = r"(?=\s*(?:[,;]|\.(?:\s|$)|$|\s+(?:and|plus)\s+(?:a|an|the)\b))"
_SHELF = re.compile(
    r"(?i)(?P<fields>[^,;:]+?)\s+(?:on|to|onto|into|in)\s+(?:the\s+)?(?P<shelf>columns|rows|colou?r|size|label"
    r"|detail|tooltip|pages|filters)\b(?:\s+(?:shelf|card))?"
)
_WELL = re.compile(
    r"(?i)\b(?P<well>[xy][- ]axis|shared axis|axis|category|values?|legend|details|size|tooltips|small "
    rf"multiples)\s*(?:=|:|\bis\b|\bset to\b)\s*(?P<v>[^,;]+?){_END}"
)
_SLICER = re.compile(
    r"(?i)\b(?:(?P<pre>\w+)\s+)?(?:slicer|(?:page|visual|report)(?:[- ]level)?\s+filter)\s+(?:on\s+)?"
    rf"(?P<cond>[^,;]+?){_END}"
)
_TOP = re.compile(r"(?i)\b(?P<end>top|bottom)\s+(?P<n>\d+)\b")
_SORT = re.compile(r"(?i)\bsort(?:ed)?\b[^,;.]*?\b(?P<dir>desc|descending|asc|ascending)\b")
_COND = re.compile(
    r"(?i)^\s*(?P<f>[\w\[\]]+)\s*(?P<op>!=|<>|>=|<=|=|>|<|\bis\b|\bin\b|\bset to\b)\s*(?P<v>.+?)\s*$"
)
_NEXT_CONDITION = re.compile(r"(?i)\s*(?:,|\band\b)\s*(?=[\w\[\]]+\s*(?:!=|<>|[<>=]|\bin\b|\bis\b))")
_RANGE = re.compile(
    r"(?i)^\s*(?P<f>[\w\[\]]+)?\s*(?:from|between)\s+(?P<a>\S+)\s+(?:to|and|-)\s+(?P<b>\S+)\s*$"
)
_FIELD = re.compile(
    r"(?i)^\s*(?:(?P<agg>sum|avg|average|mean|median|min|max|count|cnt|attr|year)\(\s*(?P<f>[^()]+?)\s*\)|"
    r"(?:(?P<of>sum|average|avg|mean|count|min|minimum|max|maximum|median)\s+of\s+)?(?P<p>[\w\[\] ]+?))\s*$"
)
_ROLES = {
    "columns": "pos", "rows": "pos", "color": "series", "colour": "series", "detail": "detail",
    "axis": "pos", "x axis": "pos", "y axis": "pos", "shared axis": "pos", "category": "pos",
    "values": "pos", "value": "pos", "legend": "series", "details": "detail", "label": "", "tooltip": "",
    "tooltips": "",
}  # fmt: skip
_FILLER = re.compile(
    r"(?i)\b(?:in|with|on|from|using|of|for|the|a|an|and|plus|then|also|drag|put|place|move|drop|add|build|"
    r"create|make|show|me|please|tableau|power\s*bi|data|dataset|table|report|page|visual|sheet|worksheet|"
    r"chart|shelf|filter|top\s*n|keeping|by|\d+)\b|[^\w\s]"
)


def unbi(text: str, model: SemanticModel) -> str:
    """`text` with Tableau or Power BI steps spelt as a sentence; unchanged when it has none."""
    if not _TOOLS.search(text):
        return text
    source = "those Tableau steps" if "tableau" in text.lower() else "those Power BI steps"
    named = [ds for ds in model.datasets if re.search(rf"(?i)\b{ds.name}\b", text)]
    if m := _UNDRAWABLE.search(re.sub(r"(?i)\bmarks\s+card\b", "", text)):
        why = "chartq draws bar, line, area, pie and scatter charts"
        raise refuse(f"a {m[0].lower()}", named[0] if named else None, source, why)
    steps = _Steps(text)
    if not steps.roles:
        return text
    names = [ds.name for ds in named]
    fields = [f for _, _, f in steps.roles] + [c[0] for c in steps.conditions]
    request = Request(dataset_named(model, names[0] if names else None, fields, source), source)
    steps.apply(request)
    rest = _FILLER.sub(" ", re.sub(rf"(?i)\b{request.dataset.name}\b", " ", steps.rest)).split()
    return " ".join([request.spell(), *rest])


class _Steps:
    """The steps' shelves or wells, conditions, chart, sort and top N, read from the text; `rest` is what
    none of them read."""

    def __init__(self, text: str) -> None:
        self.roles: list[tuple[str, str, str]] = []  # (role, aggregate, field)
        self.conditions: list[tuple[str, str, Any]] = []
        self.chart, self.limit = "", 0
        self.descending: bool | None = None
        self.rest = self._read(text)

    def _read(self, text: str) -> str:
        if top := _TOP.search(text):
            start = max(text.rfind(",", 0, top.start()), text.rfind(";", 0, top.start()))
            end = re.search(r"[,;]|\.(?:\s|$)|$", text[top.end() :])
            self.limit, self.descending = int(top["n"]), top["end"].lower() == "top"
            text = text[: start + 1] + text[top.end() + (end.start() if end else 0) :]
        text = _SORT.sub(self._sort, text)
        text = _VISUAL.sub(self._visual, text)
        text = _SHELF.sub(self._shelf, text)
        text = _WELL.sub(self._well, text)
        return _SLICER.sub(self._slicer, text)

    def _sort(self, m: re.Match[str]) -> str:
        self.descending = m["dir"].lower().startswith("desc")
        return ","

    def _visual(self, m: re.Match[str]) -> str:
        kind = (m[1] or m[2]).lower()
        self.chart = _CHART_OF.get(kind, kind)
        return ","

    def _shelf(self, m: re.Match[str]) -> str:
        shelf = m["shelf"].lower()
        fields = re.sub(
            r"(?i)^\s*(?:(?:and|then|plus|drag|put|place|move|drop|add|with|also)\b\s*)+", "", m["fields"]
        )
        if shelf in ("size", "pages"):
            raise refuse(
                f"“{fields.strip()}” on {m['shelf']}",
                None,
                "those Tableau steps",
                "chartq draws one plain chart",
            )
        if shelf == "filters":  # "continent = Africa and year = 2002", but "ticker = GOOG and AAPL"
            for each in _NEXT_CONDITION.split(fields):
                self._condition(each)
        else:
            for each in re.split(r"(?i)\s*(?:,|\band\b)\s*", fields):
                self._field(_ROLES[shelf], each)
        return ","

    def _well(self, m: re.Match[str]) -> str:
        well = re.sub(r"[- ]", " ", m["well"].lower())
        if well in ("size", "small multiples"):
            raise refuse(
                f"the {m['well']} well", None, "those Power BI steps", "chartq draws one plain chart"
            )
        self._field(_ROLES[well], m["v"])
        return ","

    def _slicer(self, m: re.Match[str]) -> str:
        cond = m["cond"]
        if m["pre"] and m["pre"].lower() not in ("a", "an", "the") and not _COND.match(cond):
            cond = f"{m['pre']} {cond}"
        self._condition(cond)
        return ","

    def _field(self, role: str, said: str) -> None:
        m = _FIELD.match(said)
        if m is None:
            raise refuse(f"“{said.strip()}”", None, "those steps", "chartq reads a column, or SUM(column)")
        if role:
            self.roles.append((role, m["agg"] or m["of"] or "", m["f"] or m["p"]))

    def _condition(self, said: str) -> None:
        if m := _RANGE.match(said):
            self.conditions.append((m["f"] or "year", "range", [_number(m["a"]), _number(m["b"])]))
        elif m := _COND.match(said):
            op = {"is": "=", "set to": "=", "in": "=", "<>": "!="}.get(m["op"].lower(), m["op"])
            values = [
                _number(v.strip("\"' "))
                for v in re.split(r"(?i)\s*(?:,|\band\b|\bor\b)\s*", m["v"].strip("()[]"))
            ]
            self.conditions.append((m["f"], op, values if len(values) > 1 else values[0]))
        else:
            raise refuse(f"the filter “{said.strip()}”", None, "those steps", "chartq reads “column = value”")

    def apply(self, request: Request) -> None:
        request.chart, request.limit, request.descending = self.chart, self.limit or None, self.descending
        for name, op, value in self.conditions:
            request.condition(name, op, value)
        for role, agg, name in self.roles:
            _place(request, role, agg, name)
        if not request.chart and len(request.measures) == 2 and not request.dimension:
            request.chart = "scatter"


def _place(request: Request, role: str, agg: str, name: str) -> None:
    """A field on a shelf or in a well: a measure, the time axis, the grouping or the series (a pie's
    Legend or Color names its slices)."""
    column = request.column(name)
    if role == "pos" and column == "time" and agg.lower() in ("", "year"):
        request.over_time = True
    elif role == "pos" and isinstance(column, Measure):
        request.measures.append((request.agg_word(agg), column.label.lower()))
    elif role == "pos" and agg:  # a count of a grouping's values ("CNT(country)") counts the rows
        request.measures.append(("number of", "rows"))
    elif not isinstance(column, Dimension):
        raise request.fail(f"“{name}” on {'Color' if role == 'series' else 'that shelf'}")
    elif (role == "series" and request.chart != "pie") or request.dimension:
        if request.series:
            raise request.fail(f"a third grouping, “{name}”", "chartq groups by one column and splits by one")
        request.series = column.label.lower()
    else:
        request.dimension = column.label.lower()


def _number(said: str) -> Any:
    return int(said) if said.lstrip("-").isdigit() else said

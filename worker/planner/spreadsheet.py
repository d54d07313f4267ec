"""A spreadsheet user's words spelt out before a question is read (and before worker.planner.sql_syntax,
which reads what is left as SQL): a pivot table's "rows = day, columns = smoker" is "by day split by
smoker"; "Pivot:" / "Pivot table:" / "pivot of" only say it is a summary; "filter to smoker = Yes" and
"filter to petal_length >= 4" are filters as SQL writes them; "filtered to Dinner only" and "filter
direction to N, NE and E" keep those values ("for … only"); "grouped by" is "by"; "only the top 3 rows"
and "top 5 rows" are a top 3 / top 5 (the rows of the summary are its bars); "sort the sum column Z to A"
sorts by the measure, highest first (A to Z: lowest first), and so does a clause ", desc" (", asc":
lowest first). The sheet is the data ("Pivot on gapminder:", "Pivot the tips sheet:", "the whole
sheet"); "Pivot chart:" and "Pivot with rows = …" are summaries too; "slicer on X = V" is a filter;
"filter X in (A, B)" is SQL's list; "filter smoker = No" compares a value, quoted; "top 10 filter" is a
top 10; "XY scatter: X = a, Y = b" (or Y first) and "a (X) against b (Y)" are "scatter of a vs b", and
an "XY chart" is a scatter; "legend series = Z" is "split by Z"; "insert a chart" draws it; "nothing
else" adds nothing. A field placed in a pivot ("Pivot with day in rows and average tip in values", "put
sex in rows, smoker in columns and sum of tip in values", "size as rows") is "by day", "split by smoker"
and the measure, read only after "pivot" or with two fields placed, so "tip by day in columns" is left
as written. "Filter the sheet / table / data / range to …" filters as "filter to …" does, and a word it
compares ("filter the sheet to smoker = Yes") is quoted like any other. Excel's COUNTIF(S) and kin:
worker.planner.formulas.

Every rewrite says the same thing in other words; nothing is dropped that a reader would need: a sort
"Z to A" is read only of the summary's own column (the sum, the average, the value), since A to Z of a
named dimension would be alphabetical, which chartq does not do, and is left to be refused.
"""

from __future__ import annotations

import re

from worker.planner.formulas import unformula

__all__ = ["unspreadsheet"]

_I = re.IGNORECASE
_AGG = r"(?:sum|total|average|avg|mean|count|max|maximum|min|minimum|median|value|values|measure)"
# A list of values: "FB and NFLX", "N, NE and E", "Dinner".
_VALUE = r"[\w+'-]+"
_LIST = rf"{_VALUE}(?:\s*,\s*{_VALUE})*(?:\s*,?\s+(?:and|&)\s+{_VALUE})?"
_PIVOT = r"^\W*pivot(?:\s+table|\s+chart)?"
# Where a pivot's part ("rows = day") ends: a clause, or "and" before the next part.
_PART_ENDS = r"(?=\s*(?:[,.;]|$)|\s+and\s+(?:values?|columns?|filter|legend)\b)"
# A pivot's part said as where a field goes: "day in rows", "smoker as columns", "tip in the values area".
_PLACE = (
    r"\s+(?:in|as|on|into|to)\s+(?:the\s+)?(?P<p>rows?|columns?|values?)\b"
    r"(?:\s+(?:area|field|box|well|section))?"
)
_PLACED = rf"[^,.;]*?{_PLACE}"
_PARTS = rf"(?=\s+(?:rows?|columns?|values?)\b|{_PLACED})"
# Where a pivot's opening ends: "Pivot on gapminder:", "Pivot the tips sheet -", "Pivot on stocks with …".
_OPENS = rf"(?:\s*[:-]\s*|\s+with\b{_PARTS}\s*)"
# The sheet, table or range a filter is on is the data: "filter the sheet to smoker = Yes".
_WHOLE = (
    r"(?:it\s+|(?:the\s+)?rows\s+|"
    r"(?:the|this)\s+(?:whole\s+|entire\s+)?(?:\w+\s+)?(?:data|table|range|dataset|sheet|pivot)\s+)"
)
_SAID = [
    # The sheet is the data: "Pivot on gapminder:", "Pivot the tips sheet:", "over the whole sheet".
    (r"\b(?P<a>the\s+(?:whole\s+|entire\s+)?(?:\w+\s+)?)sheet\b", r"\g<a>data"),
    (rf"{_PIVOT}\s+on\s+(?:the\s+)?(?P<d>\w+)(?:\s+data)?{_OPENS}", r"the \g<d> data: "),
    (rf"{_PIVOT}\s+(?P<d>the\s+\w+\s+data){_OPENS}", r"\g<d>: "),
    # A pivot named at the start ("Pivot:", "Pivot table:", "Pivot chart:", "Pivot of sum of votes", "Pivot
    # with rows = …"): a summary, which every bar chart is. "pivot X by A and B" is left to the SQL reader.
    (rf"{_PIVOT}\s*(?::|-|\bof\b|\bwith\b{_PARTS})\s*", ""),
    # "Pivot table: average of tip %, rows = day, columns = smoker": the rows are the x axis, the columns
    # its series.
    (
        rf"[,;]?\s*\brows?\s*(?:=|:)\s*(?P<a>[\w ]+?)\s*(?:[,;]\s*|\s+)(?:and\s+)?columns?\s*(?:=|:)\s*"
        rf"(?P<b>[\w ]+?){_PART_ENDS}",
        r" by \g<a> split by \g<b>",
    ),
    (rf"[,;]?\s*\brows?\s*(?:=|:)\s*(?P<a>[\w ]+?){_PART_ENDS}", r" by \g<a>"),
    # "slicer on continent = Europe" keeps those rows, like a filter.
    (r"\bslicers?\s+(?:on\s+)?(?=[\w.]+\s*(?:=|<>|!=|\bin\b))", "filter "),
    # "filter ticker in (GOOG, MSFT)": SQL's list, read after "where".
    (r"\bfilter(?:ed)?\s+(?=[\w.]+\s+in\s*\()", "where "),
    # "filter to smoker = Yes", "filter the sheet to petal_length >= 4": SQL's "filter smoker = Yes".
    (rf"\bfilter(?:ed)?\s+{_WHOLE}?to\s+(?=[\w.]+\s*(?:!=|<>|==|>=|<=|=|<|>))", "filter "),
    # "filter smoker = No": a word compared is a value, quoted as SQL does, so "No" is not read as a negation.
    (
        r"\b(?P<k>filter(?:ed)?\s+[a-z_][\w.]*\s*(?:=|<>|!=)\s*)(?P<v>[a-z][\w-]*)"
        r"(?=\s*(?:[,;.]|\band\b|$))",
        r"\g<k>'\g<v>'",
    ),
    # "top 10 filter", "top 5 filter on the values": Excel's value filter keeps the highest rows.
    (
        r"\b(?P<d>top|bottom)\s+(?P<n>\d+)\s+filter(?:\s+on\s+(?:the\s+)?(?:values?|data)(?:\s+field)?)?\b"
        r"(?!\s+on\b)",
        r"\g<d> \g<n>",
    ),
    # "top 3 filter on the sum of tip": the rows with the highest of that.
    (r"\b(?P<d>top|bottom)\s+(?P<n>\d+)\s+filter\s+on\s+(?:the\s+)?", r"\g<d> \g<n> by "),
    # "XY scatter", "X-Y chart": Excel's name for a scatter.
    (r"\bx\s*-?\s*y\s+(?:\(\s*scatter\s*\)\s*)?(?=scatter\b)", ""),
    (r"\bx\s*-?\s*y\s+(?:\(\s*scatter\s*\)\s*)?(?=(?:chart|plot|graph)\b)", "scatter "),
    # "XY scatter: X = gdpPercap, Y = lifeExp" (or Y first): the X column across, the Y column up.
    (
        r"\bscatter(?:\s+(?:chart|plot))?\s*[:,]?\s*(?:with\s+)?\bx\s*[=:]\s*(?P<x>[\w.]+)\s*[,;]?\s*"
        r"(?:and\s+)?\by\s*[=:]\s*(?P<y>[\w.]+)",
        r"scatter of \g<x> vs \g<y>",
    ),
    (
        r"\bscatter(?:\s+(?:chart|plot))?\s*[:,]?\s*(?:with\s+)?\by\s*[=:]\s*(?P<y>[\w.]+)\s*[,;]?\s*"
        r"(?:and\s+)?\bx\s*[=:]\s*(?P<x>[\w.]+)",
        r"scatter of \g<x> vs \g<y>",
    ),
    # "legend series = time", "legend: time": the legend names the series.
    (r"\blegend(?:\s+series)?\s*[=:]\s*", "split by "),
    # "nothing else" closing a request adds nothing to it.
    (r"[,;]?\s*\bnothing\s+else\b(?=\s*(?:[,;.]|$))", ""),
    # "Insert histogram of …", "insert a line chart": in a spreadsheet, inserting a chart draws it.
    (
        r"^\W*insert\s+(?=(?:an?\s+)?(?:(?!into\b)\w+\s+)?(?:chart|graph|histogram|plot|pie|scatter)\b)",
        "",
    ),
    # "filter direction to N, NE and E", "filter ticker to FB and NFLX": keep those values.
    (
        rf"\bfilter(?:ed)?\s+(?!to\b)(?:the\s+)?[a-z_]+(?:\s+[a-z_]+)?\s+to\s+(?P<v>{_LIST})"
        r"(?:\s+only)?(?=\s*(?:[,;.]|$))",
        r"for \g<v> only",
    ),
    # "filtered to Dinner only", "filter to Dinner": those values kept.
    (rf"\bfilter(?:ed)?\s+{_WHOLE}?to\s+(?P<v>{_LIST})(?:\s+only)?(?=\s*(?:[,;.]|$))", r"for \g<v> only"),
    # "filter party size between 2 and 4": a range on a column, as a condition.
    (r"\bfilter(?:ed)?\s+(?=(?:the\s+)?[a-z_]+(?:\s+[a-z_]+)?\s+between\b)", "with "),
    (r"\bgrouped\s+by\b", "by"),
    # "only the top 3 rows", "top 5 rows": the summary's rows are its bars.
    (
        r"\b(?:only\s+|just\s+)?(?:the\s+)?(?P<d>top|bottom|first|last)\s+(?P<n>\d+|[a-z]+)\s+rows\b",
        r"\g<d> \g<n>",
    ),
    # "sort the sum column Z to A", "sorted Z-A": by the summary's own column.
    (rf"\bsort(?:ed)?\s+(?:the\s+)?(?:{_AGG}\s+)?(?:column\s+)?z\s*(?:-|to|→)\s*a\b", "sorted descending"),
    (rf"\bsort(?:ed)?\s+(?:the\s+)?(?:{_AGG}\s+)?(?:column\s+)?a\s*(?:-|to|→)\s*z\b", "sorted ascending"),
    # ", desc" / ", sorted asc" as a clause of its own: the summary's rows by its value, as SQL's DESC / ASC.
    (r"(?<=[,;])\s*(?:(?:sort(?:ed)?|order(?:ed)?)\s+)?desc\.?(?=\s*(?:[,;]|$))", " highest first"),
    (r"(?<=[,;])\s*(?:(?:sort(?:ed)?|order(?:ed)?)\s+)?asc\.?(?=\s*(?:[,;]|$))", " lowest first"),
]
_SPREADSHEET = [(re.compile(pattern, _I), said) for pattern, said in _SAID]
# "gdpPercap (X) against lifeExp (Y)", "tip (y-axis) vs total_bill (x-axis)": the X column first, as "a vs b".
_AXIS_NAME = (
    r"(?:\b(?!(?:of|scatter|plot|chart|graph|xy|with|the|and|vs|versus|against|draw|show)\b)[\w.]+\s*){1,4}?"
)
_AXES = re.compile(
    rf"(?P<a>{_AXIS_NAME})\(\s*(?P<ma>[xy])(?:[- ]?axis)?\s*\)\s*"
    rf"(?:,\s*|,?\s*(?:against|vs\.?|versus|and|by|with|to)\s+)"
    rf"(?P<b>{_AXIS_NAME})\(\s*(?P<mb>[xy])(?:[- ]?axis)?\s*\)",
    _I,
)
# "GDP per capita on x and life expectancy on the y-axis": the same marks said with "on".
_ON_AXIS = re.compile(rf"(?P<a>{_AXIS_NAME})\s+on\s+(?:the\s+)?(?P<m>[xy])(?:[- ]?axis)?\b(?!-)", _I)
# "with day in rows and average tip in values": rows are the x axis ("by day"), columns the series
# ("split by smoker") and values the measure; read only in a pivot, or when two parts are placed.
_NAME_WORD = (
    r"\b(?!(?:in|as|on|into|to|and|with|put|drag|place|move|rows?|columns?|values?|the|pivot)\b)[\w%.'-]+"
)
_PLACED_PART = re.compile(
    rf"(?P<l>^\W*|\s*[,;:]\s*|\s+(?:and|with)\s+)(?:(?:put|drag|place|move)\s+)?(?:the\s+)?"
    rf"(?P<n>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}){_PLACE}",
    _I,
)
_PART_SAID = {"r": "by ", "c": "split by ", "v": ""}
# Words a spreadsheet user writes only between steps: "Filter to smoker = Yes, then average of …".
_THEN = re.compile(r"(?<=[,;])\s*then\b", _I)
_SPREADSHEET_WORDS = re.compile(
    r"\b(?:pivot|rows?|columns?|filter(?:ed)?|grouped|sort(?:ed)?|desc|asc|sheet|slicers?|scatter|legend|"
    r"nothing|insert|xy|x-y)\b|\(\s*[xy](?:[- ]?axis)?\s*\)|\bon\s+(?:the\s+)?[xy](?:[- ]?axis)?\b",
    _I,
)


def unspreadsheet(text: str) -> str:
    """`text` with a spreadsheet's words in the words the readers know."""
    text = unformula(text)
    if not _SPREADSHEET_WORDS.search(text):
        return text
    pivot = bool(re.search(r"\bpivot\b", text, _I))
    for pattern, said in _SPREADSHEET:
        text = pattern.sub(said, text)
    text = _AXES.sub(_axes, _ON_AXIS.sub(r"\g<a> (\g<m>)", text))
    if pivot or len(_PLACED_PART.findall(text)) > 1:
        text = re.sub(r"^\s*[,;]\s*", "", _PLACED_PART.sub(_part, text))
    text = _THEN.sub("", text)
    return " ".join(text.split())


def _axes(m: re.Match[str]) -> str:
    """Two columns marked (X) and (Y) as "x vs y"; as written when both are marked alike."""
    a, b, ma, mb = m["a"].strip(), m["b"].strip(), m["ma"].lower(), m["mb"].lower()
    if ma == mb:
        return m[0]
    return f"{a} vs {b}" if ma == "x" else f"{b} vs {a}"


def _part(m: re.Match[str]) -> str:
    """A field placed in the rows, columns or values, said as the reader's "by", "split by" or measure."""
    lead = m["l"] if m["l"].strip() in (",", ";", ":") else ", " if m["l"].strip() in ("and", "with") else ""
    return f"{lead}{_PART_SAID[m['p'][0].lower()]}{m['n']}"

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
top 10; "XY scatter: X = a, Y = b" is "scatter of a vs b"; "legend series = Z" is "split by Z"; "insert
a chart" draws it; "nothing else" adds nothing. Excel's COUNTIF(S) and kin: worker.planner.formulas.

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
_SAID = [
    # The sheet is the data: "Pivot on gapminder:", "Pivot the tips sheet:", "over the whole sheet".
    (r"\b(?P<a>the\s+(?:whole\s+|entire\s+)?(?:\w+\s+)?)sheet\b", r"\g<a>data"),
    (rf"{_PIVOT}\s+on\s+(?:the\s+)?(?P<d>\w+)(?:\s+data)?\s*[:-]\s*", r"the \g<d> data: "),
    (rf"{_PIVOT}\s+(?P<d>the\s+\w+\s+data)\s*[:-]\s*", r"\g<d>: "),
    # A pivot named at the start ("Pivot:", "Pivot table:", "Pivot chart:", "Pivot of sum of votes", "Pivot
    # with rows = …"): a summary, which every bar chart is. "pivot X by A and B" is left to the SQL reader.
    (rf"{_PIVOT}\s*(?::|-|\bof\b|\bwith\b(?=\s+(?:rows?|columns?|values?)\b))\s*", ""),
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
    # "XY scatter: X = gdpPercap, Y = lifeExp": the first column across, the second up.
    (
        r"\b(?:xy\s+|x-y\s+)?scatter(?:\s+(?:chart|plot))?\s*[:,]?\s*\bx\s*[=:]\s*(?P<x>[\w.]+)\s*[,;]?\s*"
        r"(?:and\s+)?\by\s*[=:]\s*(?P<y>[\w.]+)",
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
    # "filter to smoker = Yes", "filter to petal_length >= 4": the SQL reader's "filter smoker = Yes".
    (
        r"\bfilter(?:ed)?\s+(?:it\s+|the\s+rows\s+|rows\s+)?to\s+(?=[\w.]+\s*(?:!=|<>|==|>=|<=|=|<|>))",
        "filter ",
    ),
    # "filter direction to N, NE and E", "filter ticker to FB and NFLX": keep those values.
    (
        rf"\bfilter(?:ed)?\s+(?!to\b)(?:the\s+)?[a-z_]+(?:\s+[a-z_]+)?\s+to\s+(?P<v>{_LIST})"
        r"(?:\s+only)?(?=\s*(?:[,;.]|$))",
        r"for \g<v> only",
    ),
    # "filtered to Dinner only", "filter to Dinner": those values kept.
    (rf"\bfilter(?:ed)?\s+to\s+(?P<v>{_LIST})(?:\s+only)?(?=\s*(?:[,;.]|$))", r"for \g<v> only"),
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
# Words a spreadsheet user writes only between steps: "Filter to smoker = Yes, then average of …".
_THEN = re.compile(r"(?<=[,;])\s*then\b", _I)
_SPREADSHEET_WORDS = re.compile(
    r"\b(?:pivot|rows?|columns?|filter(?:ed)?|grouped|sort(?:ed)?|desc|asc|sheet|slicers?|scatter|legend|"
    r"nothing|insert)\b",
    _I,
)


def unspreadsheet(text: str) -> str:
    """`text` with a spreadsheet's words in the words the readers know."""
    text = unformula(text)
    if not _SPREADSHEET_WORDS.search(text):
        return text
    for pattern, said in _SPREADSHEET:
        text = pattern.sub(said, text)
    text = _THEN.sub("", text)
    return " ".join(text.split())

"""A spreadsheet user's words spelt out before a question is read (and before worker.planner.sql_syntax,
which reads what is left as SQL): a pivot table's "rows = day, columns = smoker" is "by day split by
smoker"; "Pivot:" / "Pivot table:" / "pivot of" only say it is a summary; "filter to smoker = Yes" and
"filter to petal_length >= 4" are filters as SQL writes them; "filtered to Dinner only" and "filter
direction to N, NE and E" keep those values ("for … only"); "grouped by" is "by"; "only the top 3 rows"
and "top 5 rows" are a top 3 / top 5 (the rows of the summary are its bars); "sort the sum column Z to A"
sorts by the measure, highest first (A to Z: lowest first), and so does a clause ", desc" (", asc":
lowest first).

Every rewrite says the same thing in other words; nothing is dropped that a reader would need: a sort
"Z to A" is read only of the summary's own column (the sum, the average, the value), since A to Z of a
named dimension would be alphabetical, which chartq does not do, and is left to be refused.
"""

from __future__ import annotations

import re

__all__ = ["unspreadsheet"]

_I = re.IGNORECASE
_AGG = r"(?:sum|total|average|avg|mean|count|max|maximum|min|minimum|median|value|values|measure)"
# A list of values: "FB and NFLX", "N, NE and E", "Dinner".
_VALUE = r"[\w+'-]+"
_LIST = rf"{_VALUE}(?:\s*,\s*{_VALUE})*(?:\s*,?\s+(?:and|&)\s+{_VALUE})?"
_SAID = [
    # "Pivot table: average of tip %, rows = day, columns = smoker": the rows are the x axis, the columns
    # its series.
    (
        r"[,;]?\s*\brows?\s*(?:=|:)\s*(?P<a>[\w ]+?)\s*[,;]\s*(?:and\s+)?columns?\s*(?:=|:)\s*(?P<b>[\w ]+?)"
        r"(?=\s*(?:[,.;]|$))",
        r" by \g<a> split by \g<b>",
    ),
    (r"[,;]?\s*\brows?\s*(?:=|:)\s*(?P<a>[\w ]+?)(?=\s*(?:[,.;]|$))", r" by \g<a>"),
    # A pivot named at the start ("Pivot:", "Pivot table:", "Pivot of sum of votes"): a summary, which every
    # bar chart is. "pivot X by A and B" is left to the SQL reader.
    (r"^\W*pivot(?:\s+table)?\s*(?::|-|\bof\b)\s*", ""),
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


def unspreadsheet(text: str) -> str:
    """`text` with a spreadsheet's words in the words the readers know."""
    if not re.search(r"\b(?:pivot|rows?|columns?|filter(?:ed)?|grouped|sort(?:ed)?|desc|asc)\b", text, _I):
        return text
    for pattern, said in _SPREADSHEET:
        text = pattern.sub(said, text)
    text = _THEN.sub("", text)
    return " ".join(text.split())

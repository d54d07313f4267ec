"""A researcher's precise wordings spelt out before a question is read: "inclusive" after a range says what
a range already is; full dates ("1 April 2019", "April 1, 2019") are ISO dates; "calendar year 2019" is
2019; "arranged from lowest to highest" is sorted so; "restricted to" is "only for"; "exactly 2" is 2; "of
between 2 and 4 people" is of 2 to 4; "petals longer than 5 and narrower than 2" compares the petals twice;
"X rather than Y" is X; "both ends included" is "inclusive"; "except tables of 1 or 2 people" leaves
out each size; "with the districts along the horizontal axis" groups by them; "one point per
survey year" on a line is the line over time.
"""

from __future__ import annotations

import calendar
import re

__all__ = ["unprecise"]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTH = r"(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_DATES = [
    re.compile(rf"(?<![\w-]){_DAY}\s+(?:of\s+)?{_MONTH}\s*,?\s+(?P<y>(?:19|20)\d\d)(?!\w)", re.IGNORECASE),
    re.compile(rf"(?<![\w-]){_MONTH}\s+{_DAY}\s*,?\s+(?P<y>(?:19|20)\d\d)(?!\w)", re.IGNORECASE),
]
_AXIS = r"(?:horizontal|x|bottom)[\s-]*axis"
_SAID = [
    # "between 1957 and 1977 inclusive", "from 1 to 6 (inclusive)": a range already holds its ends.
    (r"(?<=[\d\w])\s*,?\s*\(?(?:both\s+(?:ends\s+|years\s+)?)?inclusive(?:ly)?\)?(?!\w)", ""),
    # "between 1 and 1.5, both ends included", "with both ends counted": the same.
    (
        r"(?<=[\d\w])\s*,?\s*\(?(?:with\s+)?both\s+(?:ends|bounds|limits|values|endpoints)\s+"
        r"(?:included|counted|inclusive)\)?(?!\w)",
        "",
    ),
    # "except tables of 1 or 2 people", "excluding tables of 1 and tables of 6": each size is left out
    # ("except tables of 1 and except tables of 2"), never the second one kept.
    (
        r"\b(?P<x>excluding|except(?:\s+for)?|without|other\s+than|leaving\s+out|not\s+counting)\s+"
        r"(?:the\s+)?(?P<n>[a-z]+)\s+of\s+(?P<a>\d+)\s*(?:,\s*)?(?:or|and|&)\s+(?:(?:the\s+)?[a-z]+\s+of\s+)?"
        r"(?P<b>\d+)"
        r"(?:\s+(?:people|persons|diners|guests))?(?![\w%]|\.\d)"
        r"(?!\s*(?:%|per\s*cent|percent|million|billion|thousand|[a-z]*dollars?|cm|mm|years?|times|x)\b)",
        r"\g<x> \g<n> of \g<a> and \g<x> \g<n> of \g<b>",
    ),
    (r"\bcalendar\s+years?\s+(?=(?:19|20)\d\d\b)", ""),
    (r"\barranged\b", "sorted"),
    (r"\bexactly\s+(?=\d)", ""),
    (
        r"\bof\s+between\s+(?P<a>\d+)\s+and\s+(?P<b>\d+)\s+(?=people|persons|diners|guests)",
        r"of \g<a> to \g<b> ",
    ),
    # "petals longer than 5 cm and narrower than 2 cm": the second comparison is of the same noun.
    (
        r"\b(?P<n>[a-z]+s)\s+(?P<c>[a-z]+er\s+than\s+[\d.]+(?:\s*[a-z]+)?)\s+and\s+(?P<d>[a-z]+er\s+than\s+[\d.])",
        r"\g<n> \g<c> and \g<n> \g<d>",
    ),
    # "won by a plurality rather than a majority": the first alternative, said plainly.
    (r"\s+rather\s+than\s+(?:an?\s+|the\s+)?[a-z]+(?:-[a-z]+)?", ""),
    # "with the districts along the horizontal axis and one bar per candidate"
    (
        rf"\bwith\s+(?:the\s+)?(?P<x>[a-z][\w ]*?)\s+(?:along|on|across)\s+the\s+{_AXIS}"
        r"(?:\s+and\s+(?=(?:one|a|a\s+separate)\s+(?:bar|line|colour|color)))?",
        r"by \g<x>, with ",
    ),
    (
        r"(?:,\s*)?\bwith\s+(?:one|a)\s+(?:point|dot|marker)\s+(?:per|for\s+each|each)\s+(?:survey\s+)?"
        r"(?:year|week|month|date|day)\b",
        " over time",
    ),
]
_PRECISE = [(re.compile(pattern, re.IGNORECASE), said) for pattern, said in _SAID]


def _iso(m: re.Match[str]) -> str:
    month, day, year = _MONTHS[m["m"].lower()], int(m["d"]), int(m["y"])
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return m[0]
    return f"{year:04d}-{month:02d}-{day:02d}"


_RESTRICTED = re.compile(r"\b(?:restricted|limited|confined)\s+to\s+", re.IGNORECASE)
_LISTED = re.compile(r"\s(?:and|or)\s+[^,]*")


def _restricted(text: str) -> str:
    """ "restricted to non-smoking tables" is "only for" them; "restricted to the directions N, NE and E"
    is "for the directions N, NE and E only" (values listed before "only" restrict without a series)."""
    m = _RESTRICTED.search(text)
    while m is not None:
        rest = text[m.end() :]
        clause = re.split(r"[.;:!?]", rest, maxsplit=1)[0]
        listed = _LISTED.search(clause)
        if listed is None:
            text = f"{text[: m.start()]}only for {rest}"
        else:
            text = f"{text[: m.start()]}for {rest[: listed.end()].rstrip()} only{rest[listed.end() :]}"
        m = _RESTRICTED.search(text, m.start() + 1)
    return text


def unprecise(text: str) -> str:
    """`text` with a researcher's precise wordings written as the readers know them."""
    for date in _DATES:
        text = date.sub(_iso, text)
    for pattern, said in _PRECISE:
        text = pattern.sub(said, text)
    text = _restricted(text)
    return " ".join(text.replace(" ,", ",").split()).replace(", with ,", ",").replace("with with", "with")

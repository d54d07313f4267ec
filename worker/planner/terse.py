"""A terse mobile user's fragments spelt out before a question is read: "top5" is "top 5"; years written
with two digits where a year goes ("since 72", "82-07", "q4 19") are whole years; "2018 h1" is "h1 2018";
"histo" is a histogram; "sepal w" / "petal l" are the width / length; "by dir" is by direction; "nation n
type" is "nation and type"; ", color smoker" is "coloured by smoker".

Each rewrite is only made where the short form can mean nothing else: a two-digit number is a year only
after a word that takes a year ("since", "from", "until", "in", a quarter or half) or in a span of two of
them ("82-07"), never in a span with a unit after it ("from 40 to 60 years"); "n" only between two words,
neither of them a number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["hyphened", "unhyphen", "unterse"]

_I = re.IGNORECASE
# Two digits to a year: the sample data runs from 1952 to 2019, so 50-99 are the 1900s and 00-49 the 2000s.
_CENTURY = 50


def _year(two: str) -> str:
    return f"{'19' if int(two) >= _CENTURY else '20'}{two}"


# A year ends its phrase: "in 72 countries" is a count, not a year.
_ENDS = r"(?=\s*(?:[,.;:?!)]|$|\s+(?:and|to|vs|versus|through|until|onwards|on)\b))"
# "from 40 to 60 years", "from 10 to 20 cm": a span with a unit after it is an amount, not two years.
_NO_UNIT = (
    r"(?!\s*(?:to|-|\u2013)\s*\d+(?:\.\d+)?\s*(?:years?|yrs?|cm|mm|centimet(?:er|re)s?|people|persons|"
    r"dollars?|%|percent|per\s+cent)(?!\w))"
)
_NOT_NOUNS = frozenset("from to towards toward than with into and or the vs by per for of in on at".split())  # noqa: SIM905


def _and(m: re.Match[str]) -> str:
    if m["a"] in _NOT_NOUNS or m["b"] in _NOT_NOUNS:
        return m[0]
    return f"{m['a']} and {m['b']}"


_SAID: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    # "top5", "bottom3": a ranking and its count.
    (re.compile(r"\b(?P<w>top|bottom)(?P<n>\d{1,3})\b", _I), lambda m: f"{m['w']} {m['n']}"),
    # "82-07", "'82-'07": a span of two-digit years.
    (
        re.compile(
            r"(?<![\w$.,'-])'?(?P<a>[5-9]\d)\s*(?:-|\u2013|to)\s*'?(?P<b>\d\d)(?![\w.%-]|,\d)" + _ENDS, _I
        ),
        lambda m: f"{_year(m['a'])}-{_year(m['b'])}",
    ),
    # "since 72", "in '07", "q4 19", "h1 18": a year where a year goes.
    (
        re.compile(
            rf"\b(?P<w>since|from|until|till|through|in|q[1-4]|h[12])\s+'?(?P<y>\d\d)(?![\w.%-]|,\d){_ENDS}{_NO_UNIT}",
            _I,
        ),
        lambda m: f"{m['w']} {_year(m['y'])}",
    ),
    # "2018 h1", "2019 q3": the period before its year, as the period readers have it.
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)\s+(?P<p>[qh][1-4])\b", _I), lambda m: f"{m['p']} {m['y']}"),
    (re.compile(r"\bhisto\b", _I), lambda m: "histogram"),
    # "sepal w", "petal l": a part's width or length.
    (
        re.compile(r"\b(?P<p>sepal|petal)s?\s+(?P<x>w|l|wid|wdth|lng)\b(?!/)", _I),
        lambda m: f"{m['p']} {'width' if m['x'].lower().startswith('w') else 'length'}",
    ),
    (re.compile(r"\b(?P<b>by|per)\s+dir\b\.?", _I), lambda m: f"{m['b']} direction"),
    # "nation n type": a lowercase "n" between two nouns is "and" (after "from" or before "by" it is the
    # north: "winds from n by strength").
    (re.compile(r"\b(?P<a>[a-z]{3,})\s+n\s+(?P<b>[a-z]{3,})\b"), _and),
    # ", color smoker", "colour species": the colour of a chart named by a column.
    (
        re.compile(r"(?:(?<=,)|(?<=^))\s*colou?r(?:ed)?\s+(?!by\b|of\b|the\b|is\b|=)(?=[a-z])", _I),
        lambda m: " coloured by ",
    ),
]


def unterse(text: str) -> str:
    """`text` with a terse user's short forms in the words the readers know."""
    for pattern, said in _SAID:
        text = pattern.sub(said, text)
    return " ".join(text.split())


def hyphened(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """The model's phrases of several words written with hyphens ("share-price", "life-expectancy"), which
    `unterse` writes with spaces again."""
    joined = sorted({p for p in phrases if " " in p}, key=len, reverse=True)
    if not joined:
        return None
    body = "|".join(r"[-\s]*-[-\s]*".join(re.escape(w) for w in p.split()) for p in joined)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", _I)


def unhyphen(text: str, pattern: re.Pattern[str] | None) -> str:
    """`text` with the model's hyphenated phrases written with spaces."""
    return text if pattern is None else pattern.sub(lambda m: " ".join(re.split(r"[-\s]+", m[0])), text)

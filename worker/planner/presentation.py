"""A dashboard builder's presentation words, read before the question. Orientation and bar layout are left to
the renderer, so "horizontal bars", "grouped bars" and "stacked bars" ask for bars; "stacked by Z" colours
the bars by Z ("split by Z"); a "donut" is a pie; a title or axis label the user words ("titled 'Golds'",
"title: Amazon Q4") adds nothing to the plan, even when it holds a value or a period.

Presentation a plan cannot express is refused by name, since the chart would silently come out without it:
a log scale, dual axes, an annotation or marked point, specific colours for named values, a trendline,
percent-stacked bars and alphabetical order.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion

__all__ = ["unpresent"]

_I = re.IGNORECASE
_COLOURS = r"(?:red|blue|green|yellow|orange|purple|violet|black|grey|gray|pink|brown|teal|navy)"
_UNSUPPORTED = [
    (r"\blog(?:arithmic)?[\s-]+(?:scale|axis|y[\s-]+axis|x[\s-]+axis)\b|\bon\s+a\s+log\b", "a log scale"),
    (
        r"\b(?:dual|two|twin|secondary)\s+(?:y[\s-]+)?ax[ie]s\b|\bon\s+the\s+(?:right|left)(?:[\s-]+hand)?\s+axis\b",
        "dual axes",
    ),
    (
        r"\bannotat(?:e|ed|ion|ions|ing)\b|\b(?:mark|highlight|label|circle)\s+(?:the|its|a)\s+(?:point|peak|spot|week|"
        r"day|year|highest|lowest)\b",
        "annotations or marked points",
    ),
    (
        r"\btrend[\s-]?lines?\b|\b(?:line|curve)\s+of\s+best\s+fit\b|\bregression\s+line\b|\blinear\s+fit\b",
        "a trendline",
    ),
    (
        r"\b(?:percent(?:age)?|100\s*%|100[\s-]+percent)[\s-]+stacked\b|\beach\s+bar\s+(?:to|adding\s+up\s+to|summing\s+"
        r"to)\s+100\b",
        "percent-stacked bars",
    ),
    (
        r"\balphabetic(?:al)?(?:ly)?\b|\bin\s+a(?:\s*-\s*|\s+to\s+)z\s+order\b|\bby\s+name\s+order\b",
        "alphabetical order",
    ),
    (
        rf"\b(?:in|as|coloured|colored|using)\s+{_COLOURS}\b(?!\s+(?:medals?|wins?))|\b{_COLOURS}\s+(?:bars?|lines?|"
        r"dots|points|slices?)\b",
        "specific colours",
    ),
]
_UNSUPPORTED_RES = [(re.compile(p, _I), what) for p, what in _UNSUPPORTED]
_PLAIN = [
    # "titled 'Golds'", "title: Amazon Q4", "labelled 'GDP'", "with the title Longevity".
    (
        r",?\s*(?:(?:en)?titled|(?:with\s+(?:the\s+)?|and\s+)?(?:chart\s+)?title(?:d)?\s*:|labell?ed|with\s+(?:the\s+)?"
        r"(?:title|label|caption))\s*(?:'[^']*'|\"[^\"]*\"|“[^”]*”|\u2018[^\u2019]*\u2019|[^,;.?!]+(?:\.\w+)*)",
        "",
    ),
    # "stacked by medal type": coloured by it, like "split by".
    (r"\bstacked\s+by\b", "split by"),
    # "Horizontal bars of", "as horizontal bars", "grouped bars", "stacked bar chart": bars.
    (
        r"\b(?:horizontal|vertical|grouped|clustered|side-by-side|stacked)\s+(?:bar|column)s?(?:\s+chart|\s+graph)?\b",
        "bar chart",
    ),
    (r"\b(?:donut|doughnut|ring)(?:\s+chart)?\b", "pie"),
]
_RANKED = re.compile(r"\b(?:top|bottom)\s+(?:\d+|[a-z]+)\s+(?P<n>[a-z]+s)\b", _I)
_ONES = re.compile(r"\bthe\s+ones\b(?=\s+(?:that\s+|which\s+|where\s+)?[A-Z])")
_PLAIN_RES = [(re.compile(p, _I), said) for p, said in _PLAIN]


def unpresent(text: str) -> str:
    """`text` with presentation words a plan expresses in plain words; raises for those it cannot."""
    for pattern, what in _UNSUPPORTED_RES:
        if (m := pattern.search(text)) is not None:
            raise UnchartableQuestion(
                f"chartq cannot draw {what} (“{m[0].strip()}”): a chart plan has no setting for it, so the "
                "chart would silently come out without it. Ask for the chart without it, e.g. "
                "“average tip by day as bars”."
            )
    for pattern, said in _PLAIN_RES:
        text = pattern.sub(said, text)
    # "the bottom three districts ..., excluding the ones Joly won": the ones are the districts ranked.
    if (ranked := _RANKED.search(text)) is not None:
        text = _ONES.sub(f"the {ranked['n']}", text)
    return " ".join(text.split())

"""Exceptions and double negatives spelt as the planner reads them, before a question is read:

- Double negatives as the positive they mean: "tables that weren't anything other than lunch" are the
  lunch tables ("were only lunch"), "keeping none that aren't versicolor or virginica" keeps only those
  two, "Microsoft and nobody else" is Microsoft only. Read word by word, each negation was left over (and
  the question refused) or, worse, read as an exclusion of the very values kept.
- "Non-weekend days" are the days that are not the weekend ("excluding the weekend"); without this the
  "weekend" in it was read as Sat and Sun kept.
- An exclusion of rows under a threshold keeps the rest: "with the exception of those under 1 million
  people" is "with at least 1 million people", "not counting parties smaller than 3" is "parties with at
  least 3". "With the exception of" is otherwise "excluding".
- In a histogram, "for every day other than Friday" scopes the rows, it does not split them: the bars of
  a distribution have no grouping to show, so the "every day" is dropped and the exclusion kept. So in a
  chart already grouped by another dimension ("wind frequency by strength, every direction apart from
  N"): no series of directions. Alone, "average tip for every day but Friday" still groups by day.

A double negative read either way ("don't give me nothing but the golds") is left alone: its negation
stays over, and the question is refused naming it.
"""

from __future__ import annotations

import re

__all__ = ["unexcept"]

_I = re.IGNORECASE
_BE_NOT = r"(?P<be>is|are|was|were)(?:n['\u2019]t|\s+not)"
_OTHER = r"(?:other\s+than|but|except(?:\s+for)?|besides)"
# "that weren't anything other than lunch": were only lunch.
_NOTHING_BUT = re.compile(rf"(?<!\w){_BE_NOT}\s+(?:anything|any(?:one|body))\s+{_OTHER}\s+", _I)
# "keeping none that aren't versicolor or virginica", "with none that isn't": only those.
_NONE_THAT = re.compile(
    r"(?<!\w)(?:(?:keeping|keep|with|showing|show|including|include|leaving|leave)\s+)?"
    rf"(?:none|nothing|no\s*one|nobody)\s+(?:that|which|who)\s+{_BE_NOT}\s+",
    _I,
)
# "Microsoft and nobody else", "lunch and nothing else": that value only.
_NOBODY_ELSE = re.compile(
    r"\s+and\s+(?:nobody|no\s*one|nothing|none)\s+else(?!\w)|\s+and\s+(?:none\s+other|no\s+others)(?!\w)", _I
)
# "on non-weekend days", "for the non-weekend": the days other than Sat and Sun.
_NON_WEEKEND = re.compile(
    r"(?<!\w)(?:(?:on|during|for|over|in)\s+)?(?:the\s+)?non[-\s]?week-?ends?(?:\s+days)?(?!\w)", _I
)
_EXCEPT = (
    r"(?:with\s+the\s+exception\s+of|excluding|except(?:\s+for)?|other\s+than|apart\s+from|not\s+counting|"
    r"leaving\s+out|without)"
)
_UNDER = r"(?:under|below|less\s+than|fewer\s+than|smaller\s+than|lower\s+than)"
_OVER = r"(?:over|above|more\s+than|greater\s+than|larger\s+than|bigger\s+than|higher\s+than)"
# "with the exception of those under 1 million", "not counting parties smaller than 3": the rows kept are
# those at least (or at most) the number. A pronoun for the rows becomes "with"; a noun stays, before it.
_THRESHOLD = re.compile(
    rf"(?<!\w){_EXCEPT}\s+(?:(?P<pronoun>those|the\s+ones|ones|any)|(?:the\s+)?(?P<noun>[a-z]+))\s+"
    rf"(?:(?:that|which|who)\s+(?:are|is|were|was)\s+|with\s+)?(?:(?P<under>{_UNDER})|{_OVER})\s+(?=[$\u00a3\u20ac]?\d)",
    _I,
)
_WITH_EXCEPTION = re.compile(r"(?<!\w)with\s+the\s+exception\s+of(?!\w)", _I)
# "Wind frequency by strength, every direction apart from N": the bars are the strengths already, so the
# "every direction" scopes them (no series of directions). A grouping over time keeps a line per value.
_GROUPED = re.compile(
    r"(?<!\w)(?<!sorted\s)(?<!ordered\s)(?<!ranked\s)(?<!won\s)(?<!decided\s)(?<!carried\s)by\s+"
    r"(?!(?:the\s+)?(?:years?|months?|weeks?|quarters?|dates?|decades?|time|size|value|price)\b)[a-z]",
    _I,
)
_HISTOGRAM = re.compile(r"(?<!\w)(?:histograms?|histo|distributions?)(?!\w)", _I)
# "for every day other than Friday": the exclusion, without the grouping said with it ("but" alone is
# read as "except", as in "every day but Sunday").
_EVERY_BUT = re.compile(
    r"(?<!\w)(?:(?:for|of|on|in|across|over)\s+)?(?:every|all(?:\s+the)?|each)\s+[a-z]+\s+"
    rf"(?P<but>{_OTHER}|apart\s+from|excluding)\s",
    _I,
)
# A series named besides ("split by meal", "one colour per species"): the "every day" is then the bars.
_SERIES = re.compile(
    r"(?<!\w)(?:split|broken|break|separated|colou?r(?:ed|s)?|stacked|grouped|lines?|one\s+\w+\s+(?:per|for|each))"
    r"(?!\w)",
    _I,
)


def _threshold(m: re.Match[str]) -> str:
    kept = "at least" if m["under"] else "at most"
    return f"with {kept} " if m["pronoun"] else f"{m['noun']} with {kept} "


def _scope(m: re.Match[str]) -> str:
    return "except " if m["but"].lower() == "but" else m["but"] + " "


def unexcept(text: str) -> str:
    """`text` with double negatives as the values kept, "non-weekend" as "excluding the weekend", an
    exclusion under a threshold as the rows kept, and a histogram's "every X but" as the exclusion alone."""
    text = _NOTHING_BUT.sub(lambda m: f"{m['be']} only ", text)
    text = _NONE_THAT.sub("only ", text)
    text = _NOBODY_ELSE.sub(" only", text)
    text = _NON_WEEKEND.sub("excluding the weekend", text)
    text = _THRESHOLD.sub(_threshold, text)
    text = _WITH_EXCEPTION.sub("excluding", text)
    if _HISTOGRAM.search(text) or (_GROUPED.search(text) and not _SERIES.search(text)):
        text = _EVERY_BUT.sub(_scope, text)
    return text

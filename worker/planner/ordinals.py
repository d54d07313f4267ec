"""Places in a ranking said as positions: "ranked 1st to 10th", "positions 1 to 4", "came first for life
expectancy", "the nation in first place for bronze", "finished last on silver", "first to last",
"starting from the bottom", "just the winner".

A slice that starts at the top (or the bottom) is a ranking chartq draws: "ranked 1st to 10th" is the top
10, "came first for X" is the highest X, "just the winner" / "only that one" keeps one bar. A place that
is not an end ("the second-highest", "the runner-up", "ranked 5th to 10th", "everything but the top 3",
"the middle of the pack") is refused by name (a share of the groups, "the top half", is refused as
such by worker.planner.vague): a chart plan ranks from an end and keeps the
first N, so it cannot start at the second; charting the top N instead would answer another question.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.planner.errors import UnchartableQuestion

__all__ = ["check_positions", "unordinal"]

_I = re.IGNORECASE
_NTH = r"(?P<{0}>\d+)(?:st|nd|rd|th)?"
_ORDINAL_WORDS = (
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|2nd|3rd|4th|5th|6th|7th|8th|9th|10th"
)
# "ranked 1st to 10th", "positions 1 to 4", "places 1-3": a slice from the top.
_SLICE = re.compile(
    rf"\b(?:ranked|ranks?|positions?|places?|spots?)\s+{_NTH.format('a')}\s*(?:to|through|thru|-|\u2013)\s*"
    rf"{_NTH.format('b')}\b",
    _I,
)
# Places that are not an end of the ranking.
_INNER = re.compile(
    rf"\b(?:the\s+)?(?:{_ORDINAL_WORDS})[\s-]+(?:highest|lowest|largest|smallest|biggest|best|worst|most|least|"
    r"fewest|richest|poorest|place|placed|strongest|weakest)\b"
    rf"|\b(?:came|comes|come|finished|finishes|placed)\s+(?:in\s+)?(?:{_ORDINAL_WORDS})\b"
    r"|\brunners?[\s-]+up\b|\b(?:everything|all|everyone|every\s+\w+)\s+(?:but|except|apart\s+from)\s+the\s+"
    r"(?:top|bottom)\b|\bmiddle\s+of\s+the\s+(?:pack|table|field|ranking)\b",
    _I,
)
_FIRST = r"(?:first|top|1st|number\s+one|no\.?\s*1)"
_LAST = r"(?:(?:dead\s+)?last|bottom)"
# "came first for life expectancy", "ranked first for sepal width", "finished last on silver medals".
_PLACED = re.compile(
    rf"\b(?:came|ranked|ranks|finished|placed|was|is|were|are)\s+(?:in\s+)?(?P<end>{_FIRST}|{_LAST})"
    r"(?:\s+place)?\s+(?:for|on|in|by)\s+",
    _I,
)
# "the nation in first place for bronze medals", "the first-place day for average tip".
_IN_PLACE = re.compile(rf"\bin\s+(?P<end>{_FIRST}|{_LAST})\s+place\s+(?:for|on|in|by)\s+", _I)
_PLACE_NOUN = re.compile(
    r"\b(?P<end>first|last)[\s-]place(?:d)?\s+(?P<noun>[a-z]+)\s+(?:for|on|in|by)\s+", _I
)
# "Just the winner.", "only that one", "just the one", "and nothing else", "only the last-placed one".
# Only said of a ranking, and standing alone: "just the one country, my mother's side" is no count.
_ONE = re.compile(
    r"[,.;:\s-]*\b(?:just|only)\s+(?:the\s+)?(?:winner|leader|one|that\s+one|(?:first|last)(?:-placed)?\s+one)\b"
    r"(?=\s*(?:[,.;:!?)\]-]|$))|[,;\s-]+and\s+nothing\s+else\b",
    _I,
)
_RANKED = re.compile(
    r"\b(?:top|bottom|first|last|winner|leader|most|least|worst"
    r"|(?!(?:west|rest|interest|test|request|suggest|honest|forest|guest|quest)\b)[a-z]+est)\b",
    _I,
)
_EXTREME_OF = {"lowest": "minimum", "smallest": "minimum", "bottom": "minimum"}
_ORDER: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"\b(?:from\s+)?first\s+to\s+last\b", _I), "highest first"),
    (re.compile(r"\b(?:from\s+)?last\s+to\s+first\b", _I), "lowest first"),
    (re.compile(r"\bstarting\s+(?:from|at)\s+the\s+bottom\b", _I), "lowest first"),
    (re.compile(r"\bstarting\s+(?:from|at)\s+the\s+top\b", _I), "highest first"),
    (re.compile(r"\bin\s+rank\s+order\b", _I), "ranked"),
    # "the species lined up by sepal length": ranked by it; "just the one at the top": the top one.
    (re.compile(r"\blined\s+up\s+(?=(?:by|on|according\s+to)\s)", _I), "ranked "),
    (
        re.compile(r"\b(?P<just>just|only)\s+the\s+one\s+(?:at\s+the\s+(?P<top>top|bottom)|on\s+top)\b", _I),
        lambda m: f"{m['just']} the {m['top'] or 'top'} one",
    ),
    # "Which day had the highest ...? Just the top day.": the top one, said of what is ranked.
    (
        re.compile(
            r"\b(?P<just>just|only)\s+the\s+(?P<top>top|bottom)\s+(?!(?:one|half|tier|\d+|two|three|four|five"
            r"|six|seven|eight|nine|ten)\b)[a-z]+(?=\s*(?:[.!?]|$))",
            _I,
        ),
        lambda m: f"{m['just']} the {m['top']} one",
    ),
    (re.compile(r"\b(?:the\s+)?single\s+(?=[a-z]+\s+with\s+the\b)", _I), "the "),
    # "Dead last in Africa: the country with the lowest ...": the heading of what follows, whose own
    # superlative says the direction; the place it names is the scope.
    (re.compile(r"^\W*(?:dead\s+)?(?:last|first|top|bottom)\s+(?=(?:in|of|among)\s+[^:]{1,40}:)", _I), ""),
    (re.compile(r"\bdead\s+last\b", _I), "last"),
    # "the bottom two companies by the lowest price they hit": ranked by each one's minimum, not its
    # average (the ranking's own "bottom" says only the order).
    (
        re.compile(
            r"\b(?P<by>by|on)\s+(?:the|their|its)\s+(?P<x>lowest|highest|biggest|smallest|peak|top|bottom)\s+"
            r"(?P<m>[a-z]+(?:\s+[a-z]+)?)\s+(?:they|it|each)\s+(?:ever\s+)?(?:hit|reached|touched|recorded|got\s+to|"
            r"saw|managed)\b",
            _I,
        ),
        lambda m: f"{m['by']} {_EXTREME_OF.get(m['x'].lower(), 'maximum')} {m['m']}",
    ),
    # "the four quietest directions": the directions the wind blows from least ("the calmest winds" are
    # the weakest band, read elsewhere).
    (re.compile(r"\b(?:quietest|stillest)(?=\s+(?:(?:compass|wind)\s+)?directions?\b)", _I), "lowest"),
]


def check_positions(text: str) -> None:
    """Refuse a place in a ranking that is not one of its ends ("the second-highest", "the runner-up")."""
    inner = _INNER.search(text)
    slice_ = _SLICE.search(text)
    if inner is None and (slice_ is None or int(slice_["a"]) == 1):
        return
    said = (inner or slice_)[0]  # type: ignore[index]
    raise UnchartableQuestion(
        f"chartq cannot yet show \u201c{said}\u201d: a chart ranks from the top or the bottom and keeps the "
        "first N, so it cannot start further down. Ask for the top (or bottom) N, e.g. \u201ctop 3 countries "
        "by life expectancy\u201d, and read the place from the bars."
    )


def unordinal(text: str) -> str:
    """`text` with places at an end of a ranking written as the ranking ("came first for X" -> "had the
    highest X", "ranked 1st to 10th" -> "top 10"); other text is unchanged."""
    check_positions(text)
    one = _ONE.search(text) is not None and _RANKED.search(_ONE.sub("", text)) is not None
    if one:
        text = _ONE.sub("", text)
    # "the top 10 ..., ranked 1st to 10th": the same ranking said twice is read once.
    text = _SLICE.sub(lambda m: "" if re.search(rf"\btop\s+{m['b']}\b", text, _I) else f"top {m['b']}", text)
    text = _PLACED.sub(lambda m: f"had the {_extreme(m['end'])} ", text)
    text = _IN_PLACE.sub(lambda m: f"with the {_extreme(m['end'])} ", text)
    text = _PLACE_NOUN.sub(lambda m: f"{m['noun']} with the {_extreme(m['end'])} ", text)
    for pattern, said in _ORDER:
        text = pattern.sub(said, text)
    if one and not re.search(r"\b(?:top|bottom)\s+1\b", text, _I):
        text = text.rstrip(" .?!") + ", top 1"
    return text


def _extreme(end: str) -> str:
    return "lowest" if re.fullmatch(_LAST, end, _I) else "highest"

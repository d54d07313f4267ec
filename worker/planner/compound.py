"""A message of several parts ("…, plus split it by smoker", "1) … 2) … 3) …", "then limit it to 1972
through 2002"): parts that refine one chart are read as that chart; parts asking for two charts are
refused, one chart per message.

Only a message cut by an explicit connective ("then", "also", "plus", "next to it", "first … second …",
a numbered or dashed list) is read here; a plain "A and B" is left to the planner. Each later part must
read as a refinement of the first (a filter, split, sort, limit, chart type, period, a measure or value
added) to be joined; a part with a chart or grouping of its own is a second chart and refuses the
message; anything else leaves the text as it was, so the planner reads it as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.planner.errors import UnchartableQuestion

__all__ = ["uncompound"]

_I = re.IGNORECASE
_X = re.VERBOSE | re.IGNORECASE

# "1) … 2) …", "1. …\n2. …": a numbered item; the numbers must run 1, 2, … to count as a list.
_NUMBERED = re.compile(r"(?:^|(?<=\s))(\d)[.)]\s+", re.MULTILINE)
# "- …" / "• …": a list item. The planner has joined the message's lines by now, so an item is a dash
# between spaces, counted as a list only when the message (or its header's colon) opens with one.
_DASHED = re.compile(r"(?:^|(?<=\s))[-\u2022*\u2013]\s+")
_DASH_OPENS = re.compile(r"^(?:[^-\u2022*\u2013:]*:)?\s*[-\u2022*\u2013]\s")
# Where a later part starts inside one sentence: a clause end, then the words that hand over to it.
_JOINT = re.compile(
    r"""
    (?: [,;.:!] | \s[-\u2013\u2014] ) \s*
    (?: (?:and\s+)? (?:then\s+)? (?:also|plus|then) \b ,?
      | (?:and\s+)? (?=(?:next\s+to|alongside|beside)\s+it\b)  # kept: the part is then read as beside
      | (?:second|third|fourth|finally|lastly)(?:ly)? \b ,?
      | (?<=;) \s* and \b  # "; and only …": a semicolon already ends the part
      | (?<=,) \s* along\s+with \b  # ", along with world life expectancy over time as a line"
    )
    | \s+ and\s+also \b ,?  # "average tip by day and also the average bill by sex"
    """,
    _X,
)
# Words that open a part and carry nothing once the parts are joined.
_OPENER = re.compile(
    r"""^(?: (?:first|firstly|second|secondly|third|thirdly|finally|lastly|then|also|plus|and|now)\b,?\s*
           | (?:please|pls|can\s+you|could\s+you|i\s+want|i'd\s+like)\b\s* )+""",
    _X,
)
# "- sum, not average -": the aggregation said as an aside; it names the measure's aggregation.
_AGG_ASIDE = re.compile(
    r"\s[-\u2013\u2014(]\s*(sum|total|average|mean|median|max(?:imum)?|min(?:imum)?|count)\s*,?\s*not\s+"
    r"(?:the\s+|an?\s+)?\w+\s*[-\u2013\u2014)]\s*",
    _I,
)
_CHART = r"(?:pie|donut|bar|bars|line|lines|scatter|histogram|area)"
# "make it a pie", "show it as a pie", "as bars": the chart type of the chart already asked for.
_TYPE = re.compile(
    rf"""^(?: (?:make|show|turn|draw|display|plot|render|do|have)\s+
             (?:it|this|that|them|the\s+chart)?\s* (?:as|into|in)?\s* )?
        (?:as\s+|in\s+)? (?:an?\s+)? ({_CHART}) (?:\s+(?:chart|graph|plot))? \W*$""",
    _X,
)
# "split each bar by medal type", "colour the points by species": a series of the same chart.
_SPLIT = re.compile(
    r"""^(split|break\s+(?:down|up)|break\s+(?:it|them)\s+(?:down|up)|broken\s+down|colou?r|colou?red|separate|stack|stacked)
        (?:\s+(?:it|them|this|each\s+\w+|the\s+\w+))? \s+ by \s+ (.+)$""",
    _X,
)
# "leave out bronze", "exclude the calm 0-1 band": a filter that removes values.
_EXCLUDE = re.compile(
    r"^(?:leave\s+out|exclude|drop|remove|take\s+out|omit|filter\s+out|skip|ignore)\s+(.+)$", _I
)
# "only the districts Bergeron won", "just virginica", "dinner only", "without X": a filter as it is.
_ONLY_WORDS = r"only|just|excluding|except|without"
_OPEN_WORDS = rf"{_ONLY_WORDS}|for|among|in|from|since|between|where"
_KEEP = re.compile(rf"^(?:(?:{_OPEN_WORDS})\b.+|.+\bonly)$", _I)
_ONLY = re.compile(rf"^(?:{_ONLY_WORDS})\b", _I)
_OPENS = re.compile(rf"^(?:{_OPEN_WORDS})\b", _I)
# "then show it over time": the same chart drawn over time.
_OVER_TIME = re.compile(
    r"^(?:(?:show|make|draw|plot|do|see)\s+(?:it|this|that|them)\s+)?"
    r"(over\s+time|by\s+year|year\s+by\s+year)$",
    _I,
)
# "limit it to 1972 through 2002", "restrict it to 1992", "narrow it down to Asia": a period or filter.
_RESTRICT = re.compile(
    r"^(?:limit|restrict|narrow|cut|zoom|filter|reduce|keep)\s+(?:it|this|that|them|the\s+chart)?\s*"
    r"(?:down\s+|in\s+)?(?:to|on)\s+(.+)$",
    _I,
)
# "keep just the top 8", "show only the bottom 3", "sort it lowest first": a ranking or order.
_RANK = re.compile(
    r"""^(?: (?:keep|show|take|leave)\s+ (?:just\s+|only\s+)? (?=(?:the\s+)?(?:top|bottom|first|last)\b) )?
        ( (?:the\s+)?(?:top|bottom)\s+\d+.* | (?:sort|order|rank|arrange)\b.* )$""",
    _X,
)
# A part that adds what sits beside the first part's chart: "add Amazon to it", "the average tip next
# to it", "also Facebook and Microsoft on the same chart": the named thing joins the first part's.
_BESIDE = re.compile(
    r"""\b(?: to\s+(?:it|this|that|the\s+chart) | next\s+to\s+it | side\s+by\s+side
          | alongside(?:\s+it)? | beside\s+it
          | on\s+the\s+same\s+(?:chart|graph|plot|axes) | in\s+the\s+same\s+(?:chart|graph|plot) | as\s+well
          | too )\b""",
    _X,
)
_ADD = re.compile(r"^(?:add|include|put|plot|show|overlay|compare\s+with|with)\s+", _I)
# "one line each": how the added values are drawn; kept, the planner reads it as a series.
_EACH = re.compile(r",?\s*\bone\s+(?:line|bar)\s+(?:each|per\s+\w+)\b", _I)
# Said outright: a second chart.
_SEPARATE = re.compile(
    r"\b(?:separate|another|second|new|different|other)\s+(?:\w+\s+)?(?:chart|graph|plot|figure|one)\b"
    rf"|\bseparate(?:ly)?\b|\bsecond\s+{_CHART}\b",
    _I,
)
# A grouping or comparison of its own: "average tip by sex", "votes per district", "x vs y".
# "won by a majority", "GDP per capita" are no grouping.
_GROUPING = re.compile(
    r"""\b(?: by(?!\s+(?:a|an|more|less|over|under|at|\d)) | per(?!\s+(?:capita|person|head|cent))
          | for\s+each | in\s+each | against | vs\.? | versus | over\s+time )\b""",
    _X,
)
_RANKING = re.compile(r"\b(?:top|bottom)\s+\d+|\b\d+\s+(?:most|least|highest|lowest|largest|smallest)\b", _I)
# Closing courtesies carry nothing: "- thanks".
_COURTESY = re.compile(r"^(?:thanks?|thank\s+you|thx|ty|cheers|please|pls)\W*$", _I)
# A part that points back at the first part's chart ("show it …", "make them …").
_SAME = re.compile(r"^(?:(?:make|show|turn|draw|display|plot|render|have)\s+)?(?:it|this|that|them)\b", _I)
_MIN_PARTS = 2


def uncompound(text: str, example: Callable[[str], str] = lambda first: "") -> str:
    """`text` with the parts of one chart joined as one request; raises UnchartableQuestion for two,
    ending with `example(first part)`: a question the user can ask ("Try e.g. …"), from the model."""
    parts = _parts(_AGG_ASIDE.sub(" \\1, ", text))
    if len(parts) < _MIN_PARTS:
        return text
    first, rest = parts[0], [p for p in parts[1:] if not _COURTESY.match(p)]
    joined = [first]
    for part in rest:
        # Two rankings ("top 5 …, and also the bottom 5") are two charts, though each reads as a limit.
        two_rankings = bool(_RANKING.search(first) and _RANKING.search(part))
        refined = None if two_rankings else _refinement(first, part)
        if refined is None:
            if _charted(first) and (two_rankings or _second_chart(part)):
                two = _two_charts(first, _whole(first, part))
                raise UnchartableQuestion(f"{two} {example(first)}".strip())
            return text
        joined.append(refined)
    return ", ".join(joined)


def _parts(text: str) -> list[str]:
    """The message's parts, the connective words dropped; one part when it has no explicit connective."""
    pieces = _listed(text) or _JOINT.split(text)
    return [p for p in (_clean(p) for p in pieces) if p]


def _listed(text: str) -> list[str] | None:
    """A numbered or dashed list's items, with any header ("Wind request:") before the first item."""
    numbers = list(_NUMBERED.finditer(text))
    if len(numbers) >= _MIN_PARTS and [m.group(1) for m in numbers] == [
        str(i) for i in range(1, len(numbers) + 1)
    ]:
        cuts = [m.span() for m in numbers]
    else:
        cuts = [m.span() for m in _DASHED.finditer(text)] if _DASH_OPENS.match(text) else []
        if len(cuts) < _MIN_PARTS:
            return None
    header = text[: cuts[0][0]].strip()
    ends = [start for start, _ in cuts[1:]] + [len(text)]
    items = [text[end:stop] for (_, end), stop in zip(cuts, ends, strict=True)]
    # A header that names only a subject ("Wind request:") belongs to the first item; one that counts
    # things ("Two things:") asks for nothing itself.
    if header and not re.search(r"\b(?:things?|charts?|parts?|questions?)\s*:?$", header, _I):
        items[0] = f"{header} {items[0]}"
    return items


def _clean(part: str) -> str:
    """`part` without its opening connective words and its closing punctuation."""
    return _OPENER.sub("", part.strip(" \t\n,;:.!-\u2013\u2014")).strip(" ,;:.!")


def _refinement(first: str, part: str) -> str | None:
    """`part` as words the planner reads after the first part, or None when it refines nothing known."""
    if m := _TYPE.match(part):
        return f"as a {m.group(1)}"
    if m := _SPLIT.match(part):
        verb = "colour" if m.group(1).lower().startswith("colo") else "split"
        return f"{verb} by {m.group(2)}"
    if m := _OVER_TIME.match(part):
        return m.group(1)
    if m := _EXCLUDE.match(part):
        return f"excluding {m.group(1)}"
    if m := _RESTRICT.match(part):
        return f"only {m.group(1)}"
    if re.match(r"^(?:by|per|for\s+each)\s+\w", part, _I) and not _GROUPING.search(first):
        return part  # "1. medals of Canada 2. by type": the grouping of a chart that had none
    if m := _RANK.match(part):
        return m.group(1)
    # "only the districts he won by a majority": a part opening with "only" is a filter, "by" or not.
    if _ONLY.match(part) or (_KEEP.match(part) and not _GROUPING.search(part)):
        # "dinner only" reads as "for dinner only"; a part opening with its own word keeps it.
        return f"for {part}" if re.match(r"^.+\bonly$", part, _I) and not _OPENS.match(part) else part
    return _beside(part)


def _beside(part: str) -> str | None:
    """A measure or value added to the first part's chart: "and <it>", or None when nothing says so."""
    if not (_BESIDE.search(part) or _ADD.match(part)) or _GROUPING.search(_BESIDE.sub("", part)):
        return None
    each = _EACH.search(part)
    named = _ADD.sub("", _BESIDE.sub("", _EACH.sub("", part)))
    named = re.sub(r"\s+", " ", named).strip(" ,;:.")
    if not named or re.search(rf"\b{_CHART}\b", named, _I):
        return None
    return f"and {named}" + (f", {each.group(0).strip(' ,')}" if each else "")


def _charted(first: str) -> bool:
    """Whether the first part asks for a chart itself (a grouping or a chart type), not only a filter or
    a command that sets up the next part ("Filter to smoker = Yes, then …", "DROP TABLE tips; then …")."""
    if re.match(r"^(?:filter|only|just|exclude|excluding|without|where|drop|delete|pivot)\b", first, _I):
        return False
    return bool(_GROUPING.search(first) or re.search(rf"\b{_CHART}\b", first, _I))


def _second_chart(part: str) -> bool:
    """Whether `part` asks for a chart of its own: said outright, a chart type of something, or a grouping
    of its own."""
    if _SEPARATE.search(part):
        return True
    if _SAME.match(part):
        return False  # "show it as bars, sorted": about the chart already asked for, left to the planner
    if re.search(rf"\b{_CHART}\b", part, _I):
        return True
    own = _GROUPING.search(part)
    return bool(own and not re.match(r"^(?:split|colou?r|break|sort|order)", part, _I))


def _whole(first: str, part: str) -> str:
    """`part` as a request of its own: "also by sex" after "average tip by day" is "average tip by sex"."""
    grouping = _GROUPING.search(first)
    if grouping and re.match(r"^(?:by|per|for\s+each)\b", part, _I):
        return f"{first[: grouping.start()].strip()} {part}"
    return part


def _two_charts(first: str, part: str) -> str:
    return (
        f"chartq draws one chart per message, and this one asks for two: “{first}” and “{part}”. "
        f"Send “{first}” on its own, then “{part}” as its own message."
    )

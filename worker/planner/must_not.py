"""Spelt out before a question is read (worker.planner.voices): what a chart must not be or do ("not a pie",
"don't average it, add it up", "don't split it by species", "don't sort it") read as what it must be.

- A chart type ruled out ("not a pie", "not as bars: a pie", "no bars and no pie: a histogram", "not as a
  line over time: one bar per company") comes off when another type is named, or when nothing else asks
  for the type ruled out (a pie is asked by shares, a line by time, a scatter by "against", a histogram
  by a distribution). Bars ruled out with no other type named leave nothing to draw: refused.
- An aggregation ruled out ("not the mean: the maximum", "don't average it, add it up", "not summed and
  not averaged: the minimum", "Not the average tip, the median tip") comes off when another is named.
- A grouping ruled out ("don't split it by species", "don't break it down by type", "not one line per
  country", "no colours") comes off when nothing else groups by it; values of it named together are then
  "combined" ("India's and China's population, don't split it by country").
- A sort ruled out ("don't sort it", "don't reorder the days", "don't sort by the count", "not ordered by
  votes") is the dimension's own order ("kept in their own order").
- A type asked "instead" ("Bars instead: ...", "a pie instead") is that type; "instead" adds nothing.
- What restates the rest comes off: "don't restrict the dates" with no dates said, "don't merge them, one
  line each", "no more than five bars" with "top 5", "don't include the other two nations" with one named.
- Values ruled out are exclusions: "don't count the tables of 1" is "not counting the tables of 1", "don't
  include X" is "excluding X", "but not for smokers" is "excluding smokers" (worker.planner.exclusions).

A prohibition that contradicts the rest ("don't sort it, highest first"), that names what the data has not
("don't split it by colour") or that leaves nothing said instead ("just not the average") is refused,
naming its words: charting the question without them would draw what was ruled out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.planner.errors import UnchartableQuestion
from worker.planner.model_cache import per_model
from worker.planner.must_not_names import dimensions_named, every_dimension, grouped_by, values_named
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unmust_not"]

_I = re.IGNORECASE
_DONT = r"(?:don['\u2019]?t|do\s+not|never|please\s+don['\u2019]?t)"
# "where smoker is No": a value, not a prohibition.
_NO = r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!=\s)no"
_NOT = rf"(?:not|{_NO}|nor|never)"
_LEAD = r"(?:(?<=^)|(?<=[\s,.;:!?(]))"
_STOP = r"(?=\s*(?:[,.;:!?)]|\band\b|\bbut\b|$))"
_WORDS = r"(?:\s+(?!and\b|but\b)[\w'\u2019-]+){0,4}?"
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_COUNTS |= {"nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20}
_N = r"(?:\d+|" + "|".join(_COUNTS) + ")"

_TYPES = (
    ("pie", r"pies?|donuts?|doughnuts?"),
    ("bar", r"bars?|columns?"),
    ("line", r"lines?|time\s*series"),
    ("scatter", r"scatter(?:\s*plots?)?|scatterplots?"),
    ("histogram", r"histograms?"),
    ("area", r"areas?"),
    ("map", r"(?:world\s+)?maps?|choropleths?"),
)
_TYPE = "|".join(p for _, p in _TYPES)
_CHART = rf"(?:(?:as|in|into|with)\s+)?(?:an?\s+|the\s+)?(?:{_TYPE})(?:\s+(?:charts?|graphs?|plots?))?"
_NO_CHART = rf"{_NO}\s+(?:{_TYPE})(?:\s+(?:charts?|graphs?|plots?))?"
_RULED_CHART = re.compile(
    rf"{_LEAD}(?:{_NO_CHART}|(?:not|nor|never|{_DONT}\s+(?:make|draw|show|plot|use|give\s+me)"
    rf"\s+(?:it|this|that|me)?)\s*{_CHART})(?:\s+over\s+time)?(?:\s*(?:,|or|nor|and)\s+(?:{_NOT}\s+)?{_CHART})*(?![\w-])",
    _I,
)
_ANY_TYPE = re.compile(rf"(?<![\w-])(?:{_TYPE})(?![\w-])", _I)
# "Bars instead: ...", "a pie instead": in a question of its own, the type asked in place of another (one
# ruled out, or the chart before it), so "instead" adds nothing; "bars instead of a pie" is read below.
_INSTEAD = re.compile(rf"(?<![\w-])(?P<type>{_CHART})\s+instead\b(?!\s+of\b)", _I)
# What asks for a type when none is named: a pie for shares, a line for time, and so on.
_ASKS = {
    "pie": r"shares?|proportions?|percent(?:age)?\s+of|breakdown|composition|make\s+up|makes\s+up|slices?",
    "line": r"over\s+time|trends?|timeline|history|evolution|week\s+by\s+week|year\s+by\s+year|since|"
    r"per\s+(?:year|month|week|quarter)|(?:yearly|monthly|weekly|daily)\b",
    "scatter": r"against|vs\.?|versus|correlat\w*|relationship",
    "histogram": r"distribution|spread|histogram",
    "area": r"stacked",
}

_AGGS = (
    ("avg", r"average[ds]?|averaging|mean|avg"),
    ("sum", r"sum(?:s|med|ming)?|total(?:l?ed)?|add(?:ed|ing)?(?:\s+(?:it|them|these|those))?\s+up"),
    ("median", r"medians?"),
    ("max", r"max(?:imum|ima|imums)?"),
    ("min", r"min(?:imum|ima|imums)?"),
    ("count", r"count"),
)
_AGG = "|".join(p for _, p in _AGGS)
_RULED_AGG = re.compile(
    rf"{_LEAD}(?:{_NOT}\s+(?:the\s+|an?\s+)?(?P<a>{_AGG})|{_DONT}\s+(?:take\s+the\s+)?(?P<b>{_AGG}))"
    rf"(?![\w-])(?:(?P<obj>{_WORDS}){_STOP})?",
    _I,
)
# "(n.b. sum, not average)", "— max, not mean —": a footnote, read by worker.planner.footnotes.
_ASIDE = re.compile(
    r"[(\[][^)\]]*$|^[^\u2014\u2013]*[\u2014\u2013][^\u2014\u2013]*$|^(?:(?!\s--\s).)*\s--\s(?:(?!\s--\s).)*$"
)
_AGG_WORD = re.compile(rf"(?<![\w-])(?:{_AGG})(?![\w-])", _I)
_PRONOUN = re.compile(r"^\s*(?:it|them|this|that|these|those|the\s+\w+s)?\s*$", _I)

_RULED_SPLIT = re.compile(
    rf"{_LEAD}(?:{_DONT}\s+(?:split|break|divide|separate|colou?r|group|facet|stack)"
    rf"(?:\s+(?:it|them|this|that|things|the\s+[\w']+))?(?:\s+(?:down|up|out))?\s+(?:by|per|into|across)"
    rf"|{_NOT}\s+(?:split|broken\s+down|colou?red|grouped|separated|divided|faceted)\s+by"
    rf"|{_NOT}\s+(?:one|a|an|separate|different)\s+(?:line|bar|colou?r|series|panel|slice)s?\s+"
    rf"(?:per|for\s+each|for\s+every|by|each)"
    rf"|{_NOT}\s+by)\s+(?:the\s+|each\s+|every\s+)?(?P<x>[\w'-]+(?:\s+(?!and\b|but\b|or\b)[\w'-]+)?)"
    rf"|{_LEAD}no\s+(?:colou?rs?|legend|series|breakdown){_STOP}",
    _I,
)
_COMBINED = re.compile(
    r"\b(?:combined|together|altogether|in\s+total|as\s+(?:one|a\s+single)|single|one\s+line|summed|total\s+of)\b",
    _I,
)
_COLOURED = re.compile(r"\b(?:colou?r(?:ed|s)?\s+by|by\s+colou?r|one\s+colou?r\s+(?:per|each))\b", _I)

_RULED_SORT = re.compile(
    rf"{_LEAD}(?:{_DONT}\s+(?:re-?sort|sort|re-?order|order|rank|re-?arrange|arrange|shuffle)"
    rf"|{_NOT}\s+(?:sorted|ordered|ranked|re-?ordered|re-?arranged))(?![\w-]){_WORDS}{_STOP}"
    rf"|{_LEAD}(?:no\s+sort(?:ing)?|unsorted)(?![\w-])",
    _I,
)
_OWN_ORDER = re.compile(
    r"\b(?:keep|keeping|kept)\s+(?:the|its|their)\s+(?:[\w']+\s+)?order\b|"
    r"\bin\s+(?:(?:their|its|the)\s+)?(?:numeric(?:al)?|calendar|chronological|natural|usual|weekday|original|own)"
    r"\s+order\b",
    _I,
)
_ORDER = re.compile(
    r"\b(?:first|last|ascending|descending|sorted|ordered|ranked|ranking|rank|top|bottom|alphabetical(?:ly)?|"
    r"a-z|largest|smallest|highest|lowest|biggest|best|worst)\b",
    _I,
)

_RULED_MERGE = re.compile(
    rf"{_LEAD}(?:{_DONT}\s+(?:merge|combine|lump|pool|put)\s+(?:them|these|those|the\s+[\w']+)"
    rf"|{_NOT}\s+(?:merged|combined|lumped|pooled))(?:\s+together)?"
    r"(?:\s+(?:into|in|on|as)\s+(?:one|a\s+single|a|the\s+same)\s+(?:line|bar|series|chart|graph))?(?![\w-])",
    _I,
)
_APART = re.compile(
    r"\b(?:(?:one|a|separate)\s+(?:line|bar|series)s?\s+(?:each|per|for\s+each|apiece)|separate(?:ly)?|"
    r"each\s+(?:on|as)\s+its\s+own|side\s+by\s+side)\b",
    _I,
)
_RULED_DATES = re.compile(
    rf"{_LEAD}{_DONT}\s+(?:restrict|limit|filter|cut|narrow|trim|crop|shorten)\s+(?:the\s+)?"
    r"(?:dates?|time|years?|period|(?:date|time)\s+range|range|timeline)(?:\s+(?:down|short))?(?![\w-])",
    _I,
)
_DATED = re.compile(
    r"\b(?:\d{4}|since|from|until|till|through|between|last|past|recent\w*|q[1-4]|before|after|"
    r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b",
    _I,
)
_RULED_LIMIT = re.compile(
    rf"{_LEAD}(?:no|not)\s+more\s+than\s+(?P<n>{_N})\s+(?:bars?|columns?|slices?|items?|entries|rows?|"
    r"categories|lines?|names?)(?![\w-])",
    _I,
)
_TOP = re.compile(rf"\b(?:top|first|best|biggest|largest|highest)\s+(?P<n>{_N})\b", _I)
_RULED_OTHERS = re.compile(
    rf"{_LEAD}(?:{_DONT}\s+(?:include|show|add)|{_NOT})\s+(?:the\s+|any\s+)?other\s+(?:{_N}\s+)?(?P<x>[\w'-]+)",
    _I,
)
# Values ruled out, spelt as the exclusions worker.planner.exclusions reads.
_EXCLUDED = (
    (re.compile(rf"{_LEAD}{_DONT}\s+count\s+", _I), "not counting "),
    (re.compile(rf"{_LEAD}{_DONT}\s+include\s+(?!(?:the\s+|any\s+)?other\b)", _I), "excluding "),
    (re.compile(r"\bbut\s+not\s+for\s+", _I), "excluding "),
)

Rule = tuple[re.Match[str], str]  # a prohibition and what it is replaced with


def unmust_not(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    for pattern, said in _EXCLUDED:
        text = pattern.sub(said, text)
    text = _INSTEAD.sub(lambda m: m["type"], text)
    found = _prohibitions(text)
    if not found:
        return text
    rest = _without(text, [(m, "") for m, _ in found])
    rules = [(m, read(m, rest, model)) for m, read in found]
    refused = [m for m, said in rules if said is None]
    if refused:
        words = refused[0][0].strip(" ,.;:")
        raise UnchartableQuestion(
            with_example(
                f"chartq could not tell what \u201c{words}\u201d rules out, or it rules out what the rest of "
                "the question asks for; it will not chart the question as if those words were not there",
                rest,
                model,
            )
        )
    return _without(text, [(m, said) for m, said in rules if said is not None])


Reader = Callable[[re.Match[str], str, SemanticModel], str | None]


def _prohibitions(text: str) -> list[tuple[re.Match[str], Reader]]:
    """Each prohibition in `text`, in order, with the reader of what it leaves; none overlapping."""
    kinds: list[tuple[re.Pattern[str], Reader]] = [
        # "don't restrict the dates" with no dates said, "don't merge them" with "one line each", "no more
        # than five bars" with "top 5": each only restates the rest.
        (_RULED_DATES, lambda m, rest, _: None if _DATED.search(rest) else ""),
        (_RULED_MERGE, lambda m, rest, _: "" if _APART.search(rest) else None),
        (
            _RULED_LIMIT,
            lambda m, rest, _: "" if (t := _TOP.search(rest)) and _count(t["n"]) <= _count(m["n"]) else None,
        ),
        (_RULED_OTHERS, _others),
        (_RULED_SORT, _sort),
        (_RULED_SPLIT, _split),
        (_RULED_AGG, _agg),
        (_RULED_CHART, _chart),
    ]
    found: list[tuple[re.Match[str], Reader]] = []
    for pattern, reader in kinds:
        for m in pattern.finditer(text):
            if not any(m.start() < o.end() and o.start() < m.end() for o, _ in found):
                found.append((m, reader))
    return sorted(found, key=lambda f: f[0].start())


def _without(text: str, rules: list[Rule]) -> str:
    """`text` with each prohibition replaced (an empty one taken off with the "and" leading to it)."""
    out, at = [], 0
    for m, said in sorted(rules, key=lambda r: r[0].start()):
        before = text[at : m.start()]
        if not said:
            before = re.sub(r"(?:\s*,)?\s*(?:\b(?:and|but|also|or|just|please)\s+)*$", "", before, flags=_I)
        out += [before, f" {said}" if said else ""]
        at = m.end()
    out.append(text[at:])
    joined = "".join(out)
    joined = re.sub(r"(?<=[.!?:;,])\s*[,;:](?=\s|$)|^[\s,.;:]+", "", joined)
    joined = re.sub(r"\s*([,;:])\s*(?=[.!?]|$)", "", joined)
    joined = re.sub(r"([.!?])\s*\.", r"\1", joined)
    return " ".join(joined.split())


def _chart(m: re.Match[str], rest: str, model: SemanticModel) -> str | None:
    ruled = {_kind(w, _TYPES) for w in _ANY_TYPE.findall(m[0])}
    named = {_kind(w, _TYPES) for w in _ANY_TYPE.findall(rest)}
    if named & ruled or "map" in named:
        return None
    if named:
        return ""
    if "bar" in ruled and not any(re.search(_ASKS[t], rest, _I) for t in ("line", "scatter", "histogram")):
        return None  # bars ruled out, and nothing asks for any other type
    asked = any(re.search(_ASKS[t], rest, _I) for t in ruled if t in _ASKS)
    return None if asked else ""


def _kind(word: str, kinds: tuple[tuple[str, str], ...]) -> str:
    return next(k for k, p in kinds if re.fullmatch(p, word, _I))


def _agg(m: re.Match[str], rest: str, model: SemanticModel) -> str | None:
    if _ASIDE.search(m.string[: m.start()]):
        return m[0].strip()
    ruled = _kind(m["a"] or m["b"], _AGGS)
    plain = _measures(model).sub(" ", rest)
    named = {_kind(w, _AGGS) for w in _AGG_WORD.findall(plain)}
    if not named or ruled in named:
        return None
    obj = (m["obj"] or "").strip()
    # "Not the average tip, the median tip": the measure said again is said once.
    if obj and not _PRONOUN.match(obj) and obj.lower() not in rest.lower():
        return obj
    return ""


@per_model
def _measures(model: SemanticModel) -> re.Pattern[str]:
    """The measures' own names ("Total bill", "medal count"): no aggregation said."""
    names = {n.lower() for ds in model.datasets for ms in ds.measures for n in (ms.label, *ms.synonyms)}
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", _I)


def _split(m: re.Match[str], rest: str, model: SemanticModel) -> str | None:
    if m["x"] is None:  # "no colours": nothing coloured by anything
        return None if _COLOURED.search(rest) or values_named(rest, every_dimension(model)) > 1 else ""
    dims = dimensions_named(m["x"], model)
    if not dims or any(grouped_by(rest, d) for d in dims):
        return None
    if values_named(rest, dims) > 1 and not _COMBINED.search(rest):
        return "combined"
    return ""


def _sort(m: re.Match[str], rest: str, model: SemanticModel) -> str | None:
    if _OWN_ORDER.search(rest):
        return ""
    return None if _ORDER.search(rest) else "kept in their own order"


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS[word.lower()]


def _others(m: re.Match[str], rest: str, model: SemanticModel) -> str | None:
    dims = dimensions_named(m["x"], model)
    return "" if dims and values_named(rest, dims) == 1 else None

"""Comparisons that ask for a number computed between two values, refused before the dataset is chosen:
no plan computes them, and charting the values would answer another question silently.

- A difference: "how much more did men tip than women", "how many more medals", "by how much did A beat
  B", "A's votes minus B's" (or "Bs votes", a transcript's possessive, or "the B votes", a value's
  amount), "tip minus total bill" ("tip per day minus Sunday" leaves a value out).
- A ratio of two values: "how many times bigger was A than B", "three times as large as".
- A change between periods: "how much did X change between 1952 and 2007", "what was the change in X
  from 1962 to 2002" ("how did X change between ..." asks for the line, and is left alone).
- A condition against another value's figure: "countries whose life expectancy was higher than Japan's",
  "days where the tip was higher than on Sunday" (that value's figure would be needed first).
Each refusal says what can be drawn instead (both values side by side, or the values over time) and ends
with an example question.
"""

from __future__ import annotations

import functools
import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.versus_names import Names, measure_named, values_named

__all__ = ["check_computed"]

_I = re.IGNORECASE
_MORE = (
    r"more|less|higher|lower|bigger|smaller|larger|greater|fewer|extra|richer|poorer|longer|shorter|"
    r"wider|narrower|cheaper|dearer|pricier|older|younger"
)
# "how much more did men tip", "how many more medals", "by how much did A beat B", "A's votes minus B's"
# ("tip by how much" alone is a garbled grouping, read elsewhere).
# "minus" / "subtract" is a difference only with a possessive or a measure after it ("minus Bergeron's",
# "minus the total bill"): "tip per day minus Sunday" leaves a value out.
_MINUS = re.compile(
    r"\b(?:minus|subtract(?:ed|ing)?|less)\s+(?:the\s+)?(?!than\b)(?P<after>[\w'\u2019 -]{1,40})", _I
)
_POSSESSIVE = re.compile(r"^[\w-]+(?:\s+[\w-]+)?['\u2019]s?(?!\w)")
_BARE_POSSESSIVE = re.compile(r"(?P<v>[\w-]+?)s(?=\s)", _I)
_DIFFERENCE = re.compile(
    rf"\bhow\s+(?:much|many)\s+(?:{_MORE})\b|\bby\s+how\s+much\s+(?:did|does|do|has|have|had|was|were|is|are|will|would)\b",
    _I,
)
# "how many times bigger", "three times as large as", "2 times more than": a ratio of two values.
_RATIO = re.compile(
    rf"\bhow\s+many\s+times\s+(?:(?:{_MORE})\b|as\s+\w+\s+as\b|over\b)"
    rf"|\b(?:\d+(?:\.\d+)?|twice|two|three|four|five|ten)\s+times\s+(?:(?:{_MORE})\s+than|as\s+\w+\s+as)\b",
    _I,
)
_CHANGED = (
    r"change[ds]?|grow|grown|grew|increased?|rise|risen|rose|fall|fallen|fell|drop(?:ped)?|declined?|"
    r"decreased?|improved?|shrink|shrunk|shrank|go\s+up|go\s+down|gone\s+up|gone\s+down|went\s+up|went\s+down"
)
# "how much did X change between 1952 and 2007", "what was the change in X from 1962 to 2002".
_CHANGE = re.compile(
    rf"\bhow\s+much\s+(?:did|has|have|had|does|do|will|would)\b[^?.!;]{{0,80}}?\b(?:{_CHANGED})\b"
    r"|\b(?:the|what)\s+(?:change|increase|decrease|rise|drop|fall|decline)\s+(?:in|of)\b[^?.!;]{0,60}?"
    r"\b(?:between|from)\s+(?:19|20)\d\d\b",
    _I,
)
_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d\d(?![\d.])")
# "countries whose ... was higher than Japan's", "days where ... higher than on Sunday": no comma between,
# so a claim's frame ("Among countries with ..., were there more in A than in B") is not read as one.
_RELATIVE = (
    r"(?P<group>{groups})\s+(?:with|whose|where|when|that|which|having)\b[^.?!;:,]{{0,60}}?\b(?:{more})\b"
    r"[^.?!;:,]{{0,30}}?\bthan\s+(?:(?:on|in|for|at|that\s+of|those\s+of)\s+)?(?:the\s+)?(?P<value>{values})"
)


@functools.lru_cache(maxsize=8)
def _relative(groups: str, values: str) -> re.Pattern[str]:
    return re.compile(_RELATIVE.format(groups=groups, more=_MORE, values=values), _I)


def _example(text: str, names: Names) -> str:
    """ "Ask e.g. “tip, men versus women”": the two values named, side by side."""
    unique = values_named(text, names)
    measure = measure_named(text, unique, names)
    if len(unique) < 2 or not measure:
        return f" Try e.g. \u201c{names.fallback}\u201d."
    return f" Ask e.g. \u201c{measure}, {unique[0]} versus {unique[1]}\u201d."


def _difference(text: str, names: Names) -> str | None:
    """The words asking for a difference between two values, if any."""
    m = _DIFFERENCE.search(text)
    if m is not None:
        return m[0]
    for minus in _MINUS.finditer(text):
        word, after = minus[0].split()[0], minus["after"]
        said = (
            _POSSESSIVE.match(after)
            or _bare_possessive(after, names)
            or _value_amount(after, names)
            or (word.lower() != "less" and names.measures.match(after))
        )
        if said:
            return f"{word} {said[0]}"
    return None


def _bare_possessive(after: str, names: Names) -> re.Match[str] | None:
    """ "bergerons votes": a value's possessive as a transcript types it, without its apostrophe, and only
    before a measure ("minus sundays" alone may be a plural)."""
    m = _BARE_POSSESSIVE.match(after)
    if m is None or not names.values.fullmatch(m["v"]) or not names.measures.match(after[m.end() :].lstrip()):
        return None
    return m


def _value_amount(after: str, names: Names) -> re.Match[str] | None:
    """ "the Bergeron votes": a value's amount, a value before a measure ("minus the Bergeron votes" takes
    one amount from another). A value alone, or values joined ("minus the Amazon and Netflix lines"),
    leaves them out instead."""
    m = names.values.match(after)
    rest = after[m.end() :] if m is not None else ""
    amount = names.measures.match(rest.lstrip()) if rest.startswith(" ") else None
    if amount is None:
        return None
    # The value and its measure, as said: "the Bergeron votes".
    return re.match(re.escape(after[: len(after) - len(rest.lstrip()) + amount.end()]), after)


def check_computed(text: str, names: Names) -> None:
    """Refuses a difference, a ratio of two values, a change between periods, or a condition against
    another value's figure, saying what can be drawn instead."""
    said = _difference(text, names)
    if said is not None:
        raise UnchartableQuestion(
            f"chartq cannot yet compute the difference between two values (\u201c{said}\u201d); it can "
            f"chart both values side by side, as bars next to each other, or over time."
            f"{_example(text, names)}"
        )
    m = _RATIO.search(text)
    if m is not None:
        raise UnchartableQuestion(
            f"chartq cannot yet compute how many times one value is another (\u201c{m[0]}\u201d); it can "
            f"chart both values side by side, as bars next to each other.{_example(text, names)}"
        )
    m = _relative(names.groups.pattern, names.values.pattern).search(text)
    if m is not None:
        _refuse_relative(m, text, names)
    m = _CHANGE.search(text)
    if m is not None:
        raise UnchartableQuestion(
            f"chartq cannot yet compute a change between periods (\u201c{m[0]}\u201d); it can chart the "
            f"values over time, the first period and the last with the ones in between."
            f"{_over_time(text, names)}"
        )


def _over_time(text: str, names: Names) -> str:
    """ "Ask e.g. “life expectancy of China from 1952 to 2007”": the values over the periods named."""
    found = values_named(text, names)
    measure = measure_named(text, found, names)
    if not measure:
        return f" Try e.g. \u201c{names.fallback}\u201d."
    years = _YEAR.findall(text)
    span = f" from {years[0]} to {years[-1]}" if len(years) >= 2 else " over time"
    of = f" of {' and '.join(found)}" if 0 < len(found) <= 3 else ""
    return f" Ask e.g. \u201c{measure}{of}{span}\u201d."


def _refuse_relative(m: re.Match[str], text: str, names: Names) -> None:
    """ "countries whose life expectancy was higher than Japan's": every one ranked shows it instead."""
    label = names.label_of.get(m["group"].lower(), m["group"])
    value = m["value"].removesuffix("'s").removesuffix("\u2019s")
    measure = measure_named(text, [value], names)
    example = (
        f"Ask e.g. \u201c{measure} by {label}\u201d."
        if measure
        else f"Try e.g. \u201c{names.fallback}\u201d."
    )
    raise UnchartableQuestion(
        f"chartq cannot yet keep the {m['group']} whose figure is above or below another value's "
        f"(\u201c{m[0]}\u201d): that value's figure would be needed first. It can chart every {label} "
        f"ranked, {value} among them, to show which are above or below. {example}"
    )

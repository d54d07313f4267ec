"""How a user wants the numbers printed, read before the question: a power-of-ten scale ("in millions", "in
thousands", "in millions of people", "in billions of US$", "in $ millions", "(in thousands)") and a
rounding or precision ("rounded to whole numbers", "to the nearest cent", "to 2 decimal places", "rounded
to one decimal", "shown as whole numbers", "with no decimals"). chartq keeps the data exact and rounds in
its hover text and ticks, so neither changes which rows, groups, aggregates or order are charted: both come
off, and the plan is the plan the question has without them.

A scale said with a unit keeps the unit ("in billions of US$" is read as "in US$", "in millions of
euros" as "in euros"), so worker.planner.units still checks it against the measure and refuses a unit the
measure is not in; the measure's own unit word ("in thousands of votes") comes off with the scale. A scale
said as an amount ("2 million", "over 5 thousand dollars", "in the millions") is left to the conditions.

A measure relative to a base value (its unit "times the Jan 2018 price") said against that base ("as a
multiple of the January 2018 price", "as a percentage of its January 2018 level": the same unit times 100, a
scale, "relative to January 2018") is that measure in its own unit, when the measure is named before it.
"As a percentage" with nothing after it is the measure's own unit after a measure in per cent ("wind
frequency ..., as a percentage") and a pie's slices in a pie (each slice is already its share of the
whole); elsewhere it is left, to be refused as a percentage of a total.
"""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

from worker.planner.model_cache import per_model
from worker.planner.units import reads_as_unit
from worker.semantic import SemanticModel

__all__ = ["undisplay"]

_I = re.IGNORECASE
_SHOWN = r"(?:(?:shown|expressed|given|displayed|reported|written|presented|scaled|measured|labell?ed)\s+)?"
_SCALES = (
    r"(?:(?:tens\s+|hundreds\s+)of\s+(?:thousands|millions|billions)|hundreds|thousands|millions|billions|"
    r"trillions|mn|mln|bn|tn|'?000s)"
)
# "in millions", "shown in thousands", "in $ millions", "in US$ billions", "in USD bn", "(millions)": a
# scale, said after "in" or in brackets; never "in the millions" (a vague amount) nor "2 million".
_MONEY = r"(?:(?:us|u\.s\.)\s*\$|\$|usd|[\u20ac\u00a3\u00a5]|eur|gbp)"
_SCALE = re.compile(
    rf"(?P<lead>\s*,\s*|\s*\(\s*|\s+|^)(?:{_SHOWN}in\s+|(?<=\())(?:(?P<cur>{_MONEY})\s*)?{_SCALES}(?!\w)",
    _I,
)
_OF = re.compile(r"\s+of\s+", _I)
_CURRENCY_AFTER = re.compile(rf"\s*\(?(?P<cur>{_MONEY}|(?:us\s+)?dollars)\)?(?![\w$])", _I)

_NUM = r"(?:\d{1,2}|no|zero|one|two|three|four|five|six|a\s+single|a)"
_NEAREST = (
    r"(?:whole\s+)?(?:cents?|penn(?:y|ies)|pence|dollars?|bucks?|units?|integers?|numbers?|years?|tenths?|hundredths?|"
    r"thousandths?|tens?|hundreds?|thousands?|millions?|billions?|percent(?:age\s+points?)?|per\s*cent|"
    r"(?:percentage\s+)?points?|decimal(?:\s+place)?|votes?|medals?|people|persons?|cm|centimet(?:er|re)s?|"
    r"millimet(?:er|re)s?|mm)"
)
_PRECISION = (
    rf"(?:the\s+nearest\s+(?:one\s+|single\s+)?{_NEAREST}"
    r"|(?:whole|round|full)\s+(?:numbers?|figures?|dollars?|units?|years?|integers?|values?|percent(?:ages?)?|"
    r"per\s*cents?|cents?|votes?|medals?|people|amounts?)"
    r"|integers?"
    rf"|{_NUM}\s+(?:decimal\s+(?:places?|points?|digits?)|decimals?|d\.?\s?p\.?(?!\w)|dp|"
    r"significant\s+(?:figures?|digits?)|sig\.?\s+figs?|places?\s+after\s+the\s+(?:decimal\s+)?point)"
    r"|(?:no|zero)\s+decimal\s+places)"
)
_ROUNDING = re.compile(
    r"(?P<lead>\s*[,;(]\s*|\s+(?:and\s+)?|^)(?:(?:"
    r"(?:rounded|round(?:ing)?|shown|displayed|given|written|expressed|formatted|reported|presented|printed|"
    r"labell?ed|correct)(?:\s+(?:off|up|down|it|them|the\s+(?:values|numbers|figures)))?\s+)?"
    rf"(?:to|as|in|with|at)\s+{_PRECISION}"
    r"|(?:with\s+)?(?:no|without(?:\s+any)?|without\s+the)\s+decimals?(?:\s+places)?"
    r"|(?:rounded|round(?:ing)?)\s+(?:off|up|down)"
    r")(?:\s+please|\s+pls)?(?=\s*(?:[,;:.?!)]|$|\s+(?:and|but|with|for|in|on|at|by|from|over|during|since|only|"
    r"one|as|each|per|please|pls|sorted|ranked|highest|lowest|most|least|top|bottom)\b))\)?",
    _I,
)

_PERCENT_WORDS = (
    r"(?:(?:as|in)\s+(?:an?\s+)?(?:percentages?|percent|per\s*cent|%)|as\s+%|in\s+%\s*terms|"
    r"in\s+percentage\s+terms)"
)
# "as a percentage" with nothing it is a percentage of.
_PERCENT = re.compile(
    rf"(?P<lead>\s*,\s*|\s*\(\s*|\s+|^){_SHOWN}{_PERCENT_WORDS}(?!\w|\s+(?:of|change|growth|increase|decrease|"
    r"difference|points?|share|above|below|over|under|more|less|higher|lower)\b)\)?",
    _I,
)
_PIE = re.compile(r"(?<!\w)(?:pie|pies|donut|doughnut)(?!\w)|(?<!\w)shares?\s+of\s+(?:all\s+)?the\b", _I)

_MONTHS = {name[:3].lower(): name.lower() for name in calendar.month_name[1:]}
_BASE_NOUN = r"(?:prices?|levels?|values?|closes?|closing\s+prices?|base|baseline|figures?|start)"
_AGAINST = (
    r"(?:as\s+(?:an?\s+)?(?:multiples?|ratios?|fractions?|percentages?|percent|per\s*cent|%|proportions?|"
    r"shares?|index)\s+(?:of|to)|as\s+(?:a\s+)?(?:multiple|ratio)\s+(?:of|to)|in\s+(?:multiples|terms)\s+of|"
    r"relative\s+to|indexed\s+to|rebased\s+to|normali[sz]ed\s+to)"
)


class _Lexicon(NamedTuple):
    own: set[str]  # unit words of the model's measures that check_units does not read ("votes", "medals")
    names: re.Pattern[str] | None  # the names of every measure
    percent: set[str]  # names only measures in per cent have
    relative: list[tuple[re.Pattern[str], re.Pattern[str]]]  # (names of a relative measure, its base said)


def _names(names: set[str]) -> re.Pattern[str] | None:
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True) if n)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", _I) if body else None


def _base(said: str) -> str | None:
    """ "Jan 2018 price": "the January 2018 price", "its Jan 2018 level", "the first week of 2018", "the
    start of 2018", "its price in January 2018"."""
    year = re.search(r"\b(\d{4})\b", said)
    month = re.search(r"\b([a-z]{3})[a-z]*\b", said.lower())
    if year is None:
        return None
    when = r"(?:(?:the\s+)?(?:first|1st|opening)\s+week\s+of\s+|(?:the\s+)?(?:start|beginning)\s+of\s+"
    if month is not None and month[1] in _MONTHS:
        full = _MONTHS[month[1]]
        when += rf"|(?:early\s+)?(?:{month[1]}|{full})\.?,?\s+"
    when += rf"){year[1]}(?:'s)?"
    det = r"(?:(?:the|its|their|each\s+(?:company|stock|one)'s|the\s+company's)\s+)?(?:own\s+)?"
    return (
        rf"{det}(?:(?:{_BASE_NOUN})\s+(?:in|at|of|from|on)\s+)?{when}(?:\s+{_BASE_NOUN})?"
        rf"(?:\s*\(?=\s*1(?:\.0+)?\)?)?"
    )


@per_model
def _lexicon(model: SemanticModel) -> _Lexicon:
    own: set[str] = set()
    percent: set[str] = set()
    other: set[str] = set()
    relative = []
    for ds in model.datasets:
        for m in ds.measures:
            unit = (m.unit or "").lower().strip()
            names = {p.lower() for p in (m.label, *m.synonyms)}
            if re.fullmatch(r"[a-z]+", unit) and not reads_as_unit(unit):
                own.add(unit)
            if unit.startswith("%"):
                percent |= names
            else:
                other |= names
            relative_to = re.fullmatch(r"\u00d7\s*(.+)", unit)
            base = _base(relative_to[1]) if relative_to else None
            named = _names(names)
            if base is not None and named is not None:
                said = re.compile(rf"(?P<lead>\s*,\s*|\s*\(\s*|\s+){_SHOWN}{_AGAINST}\s+{base}(?!\w)\)?", _I)
                relative.append((named, said))
    return _Lexicon(own, _names(percent | other), percent - other, relative)


_PEOPLE = {"inhabitants", "residents", "persons", "people", "citizens"}


def _unit_after(rest: str, own: set[str]) -> tuple[str | None, int] | None:
    """The unit said after a scale ("of US$", "of people", "of votes", "(US$)") and where it ends: None as
    the unit when it is the measure's own word ("votes"), None altogether when what follows is no unit."""
    of = _OF.match(rest)
    if of is None:
        after = _CURRENCY_AFTER.match(rest)  # "in billions (US$)", "in millions USD"
        return (after["cur"], after.end()) if after is not None else (None, 0)
    words = list(re.finditer(r"[^\s,;:?!()]+", rest[of.end() :]))
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        said = rest[of.end() + words[0].start() : of.end() + words[n - 1].end()].rstrip(".")
        low = " ".join(said.lower().split())
        ends = of.end() + words[0].start() + len(said)
        if reads_as_unit(said) or re.fullmatch(_MONEY, low, _I):
            return said, ends
        if low in _PEOPLE:
            return "people", ends
        if low in own:
            return None, ends
    return None


def _unscale(text: str, own: set[str]) -> str:
    out: list[str] = []
    at = 0
    for m in _SCALE.finditer(text):
        if m.start() < at:
            continue
        rest = text[m.end() :]
        said = _unit_after(rest, own)
        if said is None:
            continue  # "in thousands of districts": no scale of a unit
        unit = m["cur"] or said[0]
        end = m.end() + said[1]
        bracket = m["lead"].strip() == "("
        if bracket:
            close = re.match(r"\s*\)", text[end:])
            end += close.end() if close is not None else 0
        out.append(text[at : m.start()])
        if unit is not None:
            out.append(f"{' ' if bracket else m['lead']}in {unit}")
        at = end
    out.append(text[at:])
    return "".join(out)


def _unpercent(text: str, lexicon: _Lexicon) -> str:
    pie = _PIE.search(text) is not None

    def drop(m: re.Match[str]) -> str:
        named = list(lexicon.names.finditer(text, 0, m.start())) if lexicon.names is not None else []
        in_percent = bool(named) and " ".join(named[-1][0].lower().split()) in lexicon.percent
        return "" if pie or in_percent else m[0]

    return _PERCENT.sub(drop, text)


def _unrelative(text: str, lexicon: _Lexicon) -> str:
    for named, said in lexicon.relative:
        found = [m for m in said.finditer(text) if named.search(text, 0, m.start())]
        for m in reversed(found):
            text = text[: m.start()] + text[m.end() :]
    return text


# A unit in brackets after what it measures: "[% Of Bill]", "(in $)", "{USD}".
# Only after a space: "sum(votes)" is a function of a column, not a unit.
_BRACKETED = re.compile(r"\s+[(\[{]\s*(?:in\s+)?(?P<u>[^()\[\]{}]{1,30}?)\s*[)\]}]")


def _unit_words(unit: str) -> str:
    return " ".join(w for w in re.findall(r"[\w%$]+", unit.lower()) if w not in ("the", "a", "of", "in"))


def _unbracket(text: str, model: SemanticModel) -> str:
    """`text` without a bracketed unit that is a measure's own ("[% Of Bill]" of the tip percentage), which
    says how the numbers read and nothing about which rows or groups."""
    units = {_unit_words(m.unit) for ds in model.datasets for m in ds.measures if m.unit}
    return _BRACKETED.sub(lambda m: "" if _unit_words(m["u"]) in units else m[0], text)


def undisplay(text: str, model: SemanticModel) -> str:
    """`text` without a scale or rounding of its numbers, and without a relative measure's own base."""
    lexicon = _lexicon(model)
    text = _unbracket(text, model)
    said = _unpercent(_unscale(_ROUNDING.sub("", _unrelative(text, lexicon)), lexicon.own), lexicon)
    if said == text:
        return text
    said = re.sub(r"\s+([,.;:?!])", r"\1", re.sub(r",(\s*[,.;:?!])", r"\1", said))
    return " ".join(said.split()).lstrip(",; ")

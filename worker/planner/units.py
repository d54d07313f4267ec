"""Units said with a measure: "GDP per capita in US dollars", "life expectancy in years", "population, in
people", "petal length in centimetres", "frequency as a percentage of observations"; a range said with the
unit ("a life expectancy from 40 to 60 years") is a range of the measure, not a period; "golds" are gold
medals (a value counted by the unit). A unit is the unit of the measure named just before it (or of the
question's measures when none is), so it agrees or the question is refused: chartq does not convert units
("life expectancy in months", "petal length in millimetres", "GDP in €" name a unit the model does not
declare for the measure, and the refusal names it).
A unit never becomes a filter: "US dollars" is money, not the United States.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from worker.planner.errors import UnchartableQuestion
from worker.planner.vocabulary import Scan, Vocabulary, normalize
from worker.semantic import Measure, SemanticModel

__all__ = ["Relatives", "check_units", "reads_as_unit", "relative_measures", "share_measures", "unit_words"]

_UNIT = re.compile(
    r"(?<!\w)(?:(?:both\s+|all\s+)?(?:in|as)\s+)?(?:us\s*|american\s+)?(?P<u>(?:canad(?:ian|a)\s+)?dollars?|usd|euros?|eur|"
    r"pounds?|gbp|yen|km\s*/\s*h|kmh|kph|mph|knots|miles?|kilomet(?:er|re)s?|met(?:er|re)s?|feet|inches|mm|cm|"
    r"centimet(?:er|re)s?|millimet(?:er|re)s?|kg|kilograms?|celsius|fahrenheit|"
    r"degrees\s+(?:fahrenheit|celsius|centigrade)|degrees|inch|yards?|ounces?|grams?|lbs|"
    r"kelvin|\u00b0\s*[fc]|[\u20ac\u00a3\u00a5])"
    r"(?!\w)"
)
# A duration is a unit only when said as one ("in months", "converted to days"), never in "the last 6
# months" or "in the summer months": "life expectancy in months" asks for years times twelve, which chartq
# does not do.
_DURATION = re.compile(
    r"(?<!\w)(?:(?:converted|expressed|measured|shown|given)\s+)?(?:in|as|into|to)\s+"
    r"(?P<u>seconds|minutes|hours|days|weeks|months|decades|centuries)"
    r"(?!\w|\s+(?:of|when|where|with|that|in|on|at|before|after|between|from|since|during|like|such|ago)\b)"
)
# Units that are also everyday words: read as a unit only after "in" and when the measure agrees.
_SOFT = re.compile(
    r"(?<!\w)(?:both\s+|all\s+)?(?:in|as)\s+(?:an?\s+)?(?P<u>years|people|persons|(?:percentages?|percent|%)\s+of"
    r"\s+(?:the\s+)?[a-z]+)(?![\w-]|\s+\d)"
)
_SAME = {"centimetre": "cm", "centimeter": "cm", "millimetre": "mm", "millimeter": "mm", "persons": "people",
         "percentage": "%", "percentages": "%", "percent": "%"}  # fmt: skip
_MONEY = {"dollar", "dollars", "usd"}
# "US dollars", "U.S. dollars", "US$": money, said before "US" is read as the country.
_US_MONEY = re.compile(r"(?<![\w.])(?:u\.?s\.?\s*(?:\$|dollars?\b)|usd\b)", re.IGNORECASE)


# "normalised price", "indexed prices": a measure already relative to a base (its unit is a multiple of a
# base value) is what these words say it is; on any other measure they are left to be refused.
_RELATIVE = r"(?:normali[sz]ed|indexed|rebased)"


class Relatives(NamedTuple):
    """What unit_words rewrites for one model: `normalised` (relative_measures), `shares` (share_measures)."""

    normalised: re.Pattern[str] | None
    shares: list[tuple[re.Pattern[str], str]]
    ranges: list[re.Pattern[str]]
    counted: list[tuple[re.Pattern[str], str]]


def relative_measures(model: SemanticModel) -> Relatives:
    """The names of measures relative to a base (a unit such as "times the Jan 2018 price"), after a word
    saying so; and the measures that are a percentage of something (share_measures)."""
    names = {p.lower() for ds in model.datasets for m in ds.measures if "\u00d7" in (m.unit or "")
             for p in (m.label, *m.synonyms)}  # fmt: skip
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w){_RELATIVE}\s+(?=(?:{body})(?!\w))", re.IGNORECASE) if names else None
    return Relatives(pattern, share_measures(model), unit_ranges(model), counted_values(model))


def counted_values(model: SemanticModel) -> list[tuple[re.Pattern[str], str]]:
    """ "Canada's golds, silvers and bronzes": a value made plural, of the dimension a measure's unit counts
    (a "medal" is Gold, Silver or Bronze; the medals measure is in "medals"), is that many of the unit: "gold
    medals". Only a unit that is a plural word naming the dimension (its label, made plural)."""
    found = []
    for ds in model.datasets:
        for m in ds.measures:
            unit = (m.unit or "").lower().strip()
            if not re.fullmatch(r"[a-z]+s", unit):
                continue
            for dim in ds.dimensions:
                if f"{dim.label.lower()}s" != unit:
                    continue
                names = sorted({str(v).lower() for v in dim.order or ()}, key=len, reverse=True)
                if names:
                    body = "|".join(re.escape(n) for n in names if re.fullmatch(r"[a-z]+", n))
                    found.append((re.compile(rf"(?<![\w-])(?P<v>{body})s(?![\w-])", re.IGNORECASE), unit))
    return found


_END = r"(?P<{}>\d{{1,3}}(?:\.\d+)?)(?![\d.,])"


def unit_ranges(model: SemanticModel) -> list[re.Pattern[str]]:
    """ "a life expectancy from 40 to 60 years", "petal length of 1 to 2 cm": a range said with the unit
    of the measure named just before it (a word: "years", "cm") is a range of that measure, never a
    period ("from 40 to 60 years" is not 2040 to 2060). Numbers of four digits are left as years."""
    found = []
    for ds in model.datasets:
        for m in ds.measures:
            unit = (m.unit or "").lower().strip()
            if not re.fullmatch(r"[a-z]+", unit):
                continue
            said = rf"(?:{re.escape(unit)}|{re.escape(unit.rstrip('s'))})"
            names = sorted({p.lower() for p in (m.label, *m.synonyms)}, key=len, reverse=True)
            body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
            found.append(
                re.compile(
                    rf"(?<!\w)(?P<m>{body})\s+(?:(?:of|is|was|ranging|in\s+the\s+range)\s+)?(?:from\s+)?"
                    rf"{_END.format('a')}\s*(?:{said}\s+)?(?:to|-|\u2013)\s*{_END.format('b')}\s*{said}(?!\w)",
                    re.IGNORECASE,
                )
            )
    return found


_SHARE = r"(?:percentage|percent|share|proportion|fraction)"
_GAVE = r"(?:leave|left|leaves|give|gave|gives|pay|paid|pays|spend|spent)"


def share_measures(model: SemanticModel) -> list[tuple[re.Pattern[str], str]]:
    """ "the percentage of observations" (wind frequency, in "% of observations"), "the tip as a share of
    the bill" and "what percentage of the bill did tables leave as a tip" (the tip percentage, in "% of
    the bill"): a measure whose unit is a percentage of what is named, said by its unit."""
    found = []
    for ds in model.datasets:
        for m in ds.measures:
            of = re.fullmatch(r"%\s+of\s+(?:the\s+)?([a-z ]+)", (m.unit or "").lower().strip())
            if of is None:
                continue
            noun = r"\s+".join(map(re.escape, of[1].split()))
            base = next((b for b in ds.measures if b.name == m.column and b is not m), None)
            said = {p.lower() for p in (base.label, *base.synonyms)} if base is not None else set()
            base_body = "|".join(re.escape(p) for p in sorted(said, key=len, reverse=True)) or "(?!)"
            patterns = [
                # The measure named with its unit first: "the tip as a share of the bill".
                rf"(?:{base_body})\s+as\s+(?:an?\s+)?{_SHARE}\s+of\s+(?:the\s+|their\s+|its\s+)?{noun}",
                rf"(?:the\s+)?{_SHARE}\s+of\s+(?:the\s+|their\s+|its\s+)?{noun}(?:\s+(?:that\s+)?"
                rf"(?:(?:did|do|does)\s+)?(?:[a-z]+\s+){{0,2}}?{_GAVE}\s+as\s+(?:an?\s+)?(?:{base_body})"
                # "what percentage of the bill was the tip": the measure named again as its subject.
                rf"|\s+(?:was|is|were|are)\s+(?:the\s+|their\s+|its\s+)?(?:{base_body}))?",
            ]
            found += [(re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE), m.label) for p in patterns]
    return found


def unit_words(text: str, relative: Relatives | None = None) -> str:
    """`text` with "US dollars" and "US$" written as "dollars", "normalised" dropped before a measure that
    is normalised, and a percentage of what a measure's unit names written as that measure (`relative`,
    from relative_measures)."""
    if relative is not None:
        text = relative.normalised.sub("", text) if relative.normalised is not None else text
        for pattern, label in relative.shares:
            text = pattern.sub(label, text)
        for pattern, unit in relative.counted:
            text = pattern.sub(rf"\g<v> {unit}", text)
        for pattern in relative.ranges:
            text = pattern.sub(lambda m: f"{m['m']} between {m['a']} and {m['b']}", text)
    return _US_MONEY.sub("dollars", text)


def reads_as_unit(words: str) -> bool:
    """Whether "in <words>" names a unit check_units reads ("US dollars", "euros", "people", "months"), and
    so checks against the measure it follows."""
    said = f"in {normalize(words)}"
    return any(p.fullmatch(said) is not None for p in (_UNIT, _DURATION, _SOFT))


def _said(unit: str) -> str:
    unit = " ".join(unit.lower().split())
    first, _, rest = unit.partition(" ")
    first = _SAME.get(first.rstrip("s"), _SAME.get(first, first))
    rest = re.sub(r"^of\s+(?:the\s+)?", "of ", rest)
    return f"{first} {rest}".strip()


def _agrees(unit: str, measure: Measure) -> bool:
    has = (measure.unit or "").lower().replace("the ", "")
    if unit in _MONEY:
        return "$" in has or "usd" in has or "dollar" in has
    return re.search(rf"(?<!\w){re.escape(unit)}", has) is not None or (
        unit.startswith("%") and has.startswith(unit)
    )


def _named_before(scan: Scan, vocab: Vocabulary, at: int) -> str | None:
    """The measure named last before position `at` of the question."""
    pattern, names = vocab.measures
    found = [m for m in pattern.finditer(scan.text, 0, at)] if pattern is not None else []
    return names.get(normalize(found[-1][0])) if found else None


def check_units(scan: Scan, vocab: Vocabulary, measures: list[Measure]) -> None:
    """Each unit said must be the unit of the measure it follows (or of the question's measures); it is
    then read, as it changes nothing. A unit another measure is in stops the question."""
    ds = vocab.ds
    for soft, pattern in ((False, _UNIT), (False, _DURATION), (True, _SOFT)):
        for m in pattern.finditer(scan.text):
            if any(scan.used[m.start("u") : m.end("u")]):
                continue
            unit = _said(m["u"])
            named = _named_before(scan, vocab, m.start())
            them = [ds.measure(named)] if named is not None else measures
            wrong = next((x for x in them if not _agrees(unit, x)), None)
            if wrong is not None and soft:
                continue
            if wrong is not None:
                raise UnchartableQuestion(
                    f"{wrong.label} is measured in {wrong.unit or 'its own units'}, not in "
                    f"\u201c{scan.excerpt(m.span('u'))}\u201d, and chartq does not convert units. "
                    f"Try e.g. \u201c{wrong.label.lower()}\u201d without the unit."
                )
            scan.claim(m.span())

"""Spelt out before a question is read (worker.planner.voices): numbers and dates written in historical or
unusual notations, as the digits the readers already take.

- Roman numerals in capitals that form a valid numeral: a year anywhere ("in MMVII" is 2007, "MDCCCXC"
  1890, refused later as outside the data); a quarter or half ("Q-IV MMXIX" is Q4 2019, "H-II" H2; "Q-V"
  is refused); a small number only where a number is expected: after "top", "of", "the", "districts",
  "strength" and the like, before "best" or "most", or in a list after one ("districts XI, XII and XIII",
  "parties of II to IV"). A lone "I" is the pronoun and a lone "X" a placeholder ("the top X"), and a
  capital word that is a value of the data stays a value ("MIX", "CD" and "DC" are no numbers here).
  Unicode numerals ("Ⅷ") are numbers (the planner reads them after NFKC, as "VIII").
- "strength V and above (5-6 and 6+)": the gloss naming the bands comes off; "strength III" alone falls
  between two bands and is refused.
- A count that restates the values named or all of them ("each of the III nations", "the II species
  versicolor and virginica") comes off: it is no limit.
- "the last survey of the twentieth century": the one survey year it names however the century is counted
  (1900-1999 or 1901-2000), else refused as ambiguous ("the first year of the twenty-first century").
- Apostrophe years ("from '18 to '19"): 19xx for '52-'99, else 20xx; a span that is the whole data is no
  period at all.
- Vulgar fractions ("2½" is 2.5); "the tip was more than one quarter of the bill" is a tip percentage over 25.
"""

from __future__ import annotations

import re
import unicodedata

from worker.planner.errors import NotInTheData
from worker.planner.refusals import suggest
from worker.planner.relative_times import datasets_named
from worker.semantic import Dataset, Dimension, SemanticModel

__all__ = ["unnumeral"]

_ROMAN_VALUES = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_UNICODE_ROMAN = re.compile(r"[\u2160-\u2188]+")
_QUARTER = re.compile(r"\b(?P<p>[QqHh])[-\u2013](?P<r>[IVX]+)\b")
_TOKEN = re.compile(r"(?<![\w'\u2019-])(?P<r>[MDCLXVI]+)(?![\w'\u2019]|-\w)")
_YEAR_RANGE = (1500, 2999)
# Words after which a small numeral is a count or a number.
_BEFORE = frozenset(
    ("top bottom of the than district districts strength size sizes band bands since before after until"  # noqa: SIM905
     " parties party tables table first last next best worst over under above below").split()
)  # fmt: skip
_AFTER = frozenset(
    ("best worst most least largest biggest highest lowest smallest"  # noqa: SIM905
     " richest poorest greatest").split()
)  # fmt: skip
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|to|through|till|until|-|\u2013)\s+)")
_BAND_LIST = r"[\d+\-\u2013.,\s]*(?:and|or)?[\d+\-\u2013.,\s]*"
# "strength V and above (5-6 and 6+)": a gloss naming the bands the number already picks.
_GLOSS = re.compile(rf"\s+(?:and|or)\s+(?:above|more|over|up|higher)\s*(?P<g>\({_BAND_LIST}\))")
_SIDE = re.compile(r"\s+(?:and|or)\s+(?:above|more|over|up|higher|below|less|under|lower|fewer)\b")
_BAND = re.compile(r"(?P<a>\d+)-(?P<b>\d+)")
_COUNTED = re.compile(
    r"\b(?:each\s+of\s+)?the\s+(?P<n>\d{1,2})\s+(?P<noun>[a-z]+)\b"
    r"(?!\s+(?:with|by|that|most|least|best|worst))"
)
_ORDINALS = {"nineteenth": 19, "twentieth": 20, "twenty first": 21, "twenty second": 22}
_ORDINALS |= {"19th": 19, "20th": 20, "21st": 21, "22nd": 22}
_CENTURY = re.compile(
    r"(?P<in>\bin\s+)?\bthe\s+(?P<e>first|earliest|last|latest|final)\s+(?P<u>survey|year)(?:\s+year)?"
    r"\s+of\s+the\s+(?P<c>nineteenth|twentieth|twenty[\s-]first|twenty[\s-]second|19th|20th|21st|22nd)"
    r"[\s-]+century\b",
    re.IGNORECASE,
)
_BARE_BEFORE = frozenset({"from", "since", "to", "until", "and", "before", "after", "through"})
_APOSTROPHE = r"['\u2019](?P<{}>\d\d)(?![\w'\u2019%]|[.,]\d)"
_SPAN = re.compile(
    r"(?P<lead>,?\s*)\bfrom\s+"
    + _APOSTROPHE.format("a")
    + r"\s+(?P<to>to|until|through|till|-|\u2013)\s+"
    + _APOSTROPHE.format("b")
)
_SHORT_YEAR = re.compile(
    r"\b(?P<w>from|to|in|since|until|till|through|between|and|before|after)\s+" + _APOSTROPHE.format("y")
)
# A fraction only after a whole number: "the last ½ year" is read by the readers of halves.
_FRACTION = re.compile(r"(?P<n>\d+)\s?(?P<f>[\u00bc-\u00be\u2150-\u215e])")
# The planner reads NFKC text, where "2½" is "21\u20442": a vulgar fraction's numerator is one digit.
_SLASHED = re.compile(r"(?<![\d.])(?P<n>\d+)\s?(?P<a>\d)\u2044(?P<b>\d{1,2})(?![\d.])")
_PARTS = {"quarter": 25, "third": 33.33, "fifth": 20, "tenth": 10, "half": 50}
_TIP_PART = re.compile(
    r"\b(?P<t>tips?)\s+(?P<v>was|were|is|are)\s+(?P<cmp>more\s+than|over|above|greater\s+than|at\s+least"
    r"|less\s+than|under|below|at\s+most)\s+(?:one|a)\s+(?P<f>quarter|third|fifth|tenth|half)\s+of\s+"
    r"(?:the|their|its)\s+(?:total\s+)?(?:bill|check)s?\b",
    re.IGNORECASE,
)
_ONE_PART = re.compile(
    r"\bone\s+(?P<f>quarter|third|fifth|tenth)(?=\s+of\s+(?:the|their|its)\s+(?:total\s+)?bill)", re.I
)


def unnumeral(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    text = _UNICODE_ROMAN.sub(_unicode, text)
    text = _QUARTER.sub(lambda m: _quarter(m, model), text)
    text = _numerals(text, model)
    text = _uncount(text, model)
    text = _CENTURY.sub(lambda m: _century(m, model), text)
    text = _SPAN.sub(lambda m: _span(m, model), text)
    text = _SHORT_YEAR.sub(lambda m: f"{m['w']} {_full_year(m['y'])}", text)
    text = _FRACTION.sub(lambda m: _number(int(m["n"]) + unicodedata.numeric(m["f"])), text)
    text = _SLASHED.sub(lambda m: _number(int(m["n"]) + int(m["a"]) / int(m["b"])), text)
    text = _TIP_PART.sub(lambda m: f"{m['t']} percentage {m['v']} {m['cmp']} {_PARTS[m['f'].lower()]}", text)
    return _ONE_PART.sub(lambda m: f"a {m['f']}", text)


def _number(value: float) -> str:
    return f"{round(value, 4):g}"


def _unicode(m: re.Match[str]) -> str:
    """ "Ⅷ" -> "8": a numeral written as one character is always a number."""
    value = _roman(unicodedata.normalize("NFKC", m[0]))
    return m[0] if value is None else str(value)


def _roman(letters: str) -> int | None:
    """The value of a canonically written Roman numeral ("MCMLXXVII" 1977), None for any other letters."""
    value, rest = 0, letters
    for amount, symbol in _ROMAN_VALUES:
        while rest.startswith(symbol):
            value, rest = value + amount, rest[len(symbol) :]
    return value if value and not rest and _written(value) == letters else None


def _written(value: int) -> str:
    out = ""
    for amount, symbol in _ROMAN_VALUES:
        count, value = divmod(value, amount)
        out += symbol * count
    return out


def _quarter(m: re.Match[str], model: SemanticModel) -> str:
    value = _roman(m["r"])
    if value is None:
        return m[0]
    most = 4 if m["p"] in "Qq" else 2
    if not 1 <= value <= most:
        kind = "quarters" if most == 4 else "halves"
        raise NotInTheData(
            f"\u201c{m[0]}\u201d is no part of a year: a year has {most} {kind}, "
            f"{m['p']}-I to {m['p']}-{_written(most)} ({m['p'].upper()}1 to {m['p'].upper()}{most}). "
            + _try(m.string, model)
        )
    return f"{m['p']}{value}"


def _numerals(text: str, model: SemanticModel) -> str:
    """Capital Roman numerals read as numbers where a year or a number is expected."""
    values = {str(v) for ds in model.datasets for d in ds.dimensions for v in d.values}
    out, last, converted_end = [], 0, -1
    for m in _TOKEN.finditer(text):
        letters, value = m["r"], _roman(m["r"])
        listed = converted_end >= 0 and _LIST_GAP.fullmatch(text, converted_end, m.start()) is not None
        # A lone "X" is a placeholder ("the top X") unless it follows numerals in a list ("IX and X").
        if value is None or letters in values or letters == "I" or (letters == "X" and not listed):
            continue
        is_year = len(letters) >= 3 and _YEAR_RANGE[0] <= value <= _YEAR_RANGE[1]
        if not is_year and not (set(letters) <= set("IVX") and (listed or _expected(text, m))):
            continue
        _refuse_between_bands(text, m, value, model)
        out.append(text[last : m.start()] + str(value))
        last = converted_end = m.end()
        gloss = _GLOSS.match(text, m.end())
        if gloss is not None:
            out.append(text[m.end() : gloss.start("g")].rstrip())
            last = gloss.end()
    return "".join(out) + text[last:]


def _expected(text: str, m: re.Match[str]) -> bool:
    """Whether a number is expected where the numeral stands."""
    before = re.search(r"(?P<w>[\w']+)\s+$", text[: m.start()])
    after = re.match(r"\s+(?P<w>[a-z]+)", text[m.end() :])
    word = before["w"].lower() if before else ""
    if word == "the":
        return after is not None
    return word in _BEFORE or (after is not None and after["w"] in _AFTER)


def _refuse_between_bands(text: str, m: re.Match[str], value: int, model: SemanticModel) -> None:
    """ "strength III": a number that ends one band and starts the next names neither."""
    before = re.search(r"(?P<w>\w+)\s+$", text[: m.start()])
    if before is None or _SIDE.match(text, m.end()):
        return
    for ds, dim in _dimensions_called(before["w"], model):
        bands = [b for v in dim.values if (b := _BAND.fullmatch(str(v)))]
        below = [b[0] for b in bands if int(b["b"]) == value and int(b["a"]) < value]
        above = [b[0] for b in bands if int(b["a"]) == value and int(b["b"]) > value]
        if below and above:
            raise NotInTheData(
                f"\u201c{before['w']} {m[0]}\u201d falls between the {below[0]} and {above[0]} "
                f"{dim.label.lower()} bands. Try e.g. \u201c{ds.measures[0].label.lower()} for "
                f"{dim.label.lower()} {above[0]}\u201d or \u201c{before['w']} {m[0]} and above\u201d."
            )


def _dimensions_called(word: str, model: SemanticModel) -> list[tuple[Dataset, Dimension]]:
    word = word.lower()
    return [
        (ds, d)
        for ds in model.datasets
        for d in ds.dimensions
        if word in {d.name.lower(), d.label.lower(), *(s.lower() for s in d.synonyms)}
    ]


def _uncount(text: str, model: SemanticModel) -> str:
    """ "the 3 nations" where the data has 3 nations, or the 3 are named: a restated count, no limit."""

    def restates(d: Dimension, n: int) -> bool:
        named = [v for v in d.values if re.search(rf"\b{re.escape(str(v))}\b", text, re.IGNORECASE)]
        return bool(d.values) and n in (len(d.values), len(named))

    def drop(m: re.Match[str]) -> str:
        # "the 3 countries" restates the medals data's three nations, not gapminder's 142: every
        # dimension the word can name must agree.
        called = [d for _, d in _dimensions_called(m["noun"], model)]
        if called and all(restates(d, int(m["n"])) for d in called):
            return m[0].replace(f"{m['n']} ", "", 1)
        return m[0]

    return _COUNTED.sub(drop, text)


def _century(m: re.Match[str], model: SemanticModel) -> str:
    """ "the last survey of the twentieth century": the one year both ways of counting the century pick."""
    base = (_ORDINALS[re.sub(r"[\s-]+", " ", m["c"].lower())] - 1) * 100
    first = m["e"].lower() in ("first", "earliest")
    ds = _owner(m.string, model)
    years = ds.periods if ds is not None and m["u"].lower() == "survey" else list(range(base, base + 101))
    picks = set()
    for lo, hi in ((base, base + 99), (base + 1, base + 100)):
        inside = [y for y in years if lo <= y <= hi]
        if inside:
            picks.add(min(inside) if first else max(inside))
    if len(picks) != 1:
        phrase = m[0].removeprefix(m["in"] or "")
        said = (
            f"is {' or '.join(map(str, sorted(picks)))}, as the century is counted from its year 00 or 01"
            if picks
            else "has no survey in the data"
        )
        raise NotInTheData(f"\u201c{phrase}\u201d {said}. {_try(m.string, model)}")
    year = picks.pop()
    before = m.string[: m.start()].rstrip()
    prev = re.search(r"(\w+)$", before)
    if m["in"] is None and prev is not None and prev[1].lower() in _BARE_BEFORE:
        return str(year)
    starts = not before or before.endswith((".", ":", "?", "!"))
    return f"{m['in'].rstrip() if m['in'] else 'In' if starts else 'in'} {year}"


def _try(text: str, model: SemanticModel) -> str:
    """ "Try e.g. “stock price by company”.": a question that works about the dated data named."""
    ds = _owner(text, model)
    if ds is None:
        return "".join(f"Try e.g. \u201c{e}\u201d." for e in model.examples[:1])
    return suggest(ds)


def _owner(text: str, model: SemanticModel) -> Dataset | None:
    """The one dated dataset the question names, else the one dataset of survey years."""
    dated = [d for d in datasets_named(text, model) if d.time is not None]
    if len(dated) != 1:
        dated = [d for d in model.datasets if d.periods]
    return dated[0] if len(dated) == 1 else None


def _full_year(two: str) -> int:
    return 1900 + int(two) if int(two) >= 52 else 2000 + int(two)


def _span(m: re.Match[str], model: SemanticModel) -> str:
    """ "from '18 to '19": the years, or nothing when they are the whole of the data's dates."""
    start, end = _full_year(m["a"]), _full_year(m["b"])
    ds = _owner(m.string, model)
    whole = ds is not None and ds.time_min and ds.time_max and (int(ds.time_min[:4]), int(ds.time_max[:4]))
    if whole == (start, end):
        return ""
    return f"{m['lead']}from {start} {m['to']} {end}"

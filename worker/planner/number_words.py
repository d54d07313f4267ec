"""Numbers a user spells out or writes loosely, written as digits where they are values, before the
question is read (the readers after this know digits, and small counts in words, but not these forms).

- A value with its unit or currency: "five cm", "fifteen bucks" (bucks are dollars), "ninety percent".
- "one and a half" is 1.5, "two and a quarter" 2.25; "one point five" is 1.5 (each digit after the point
  said as a word, "two point two five" is 2.25).
- Ranges and open bands: "five to six cm", "strength three to four" (a band of the wind's strength is
  written "3-4"), "four and above".
- Quarters said aloud, "Q-one", and days of a month said as ordinals, "the first of March" (1 March);
  "30 June, 2019" loses its comma so the year reads with the date.
- "N percent of its January 2018 level": the stock price is a multiple of its January 2018 price, so
  this is the ratio N / 100 (read as a time range, the chart would silently be January 2018 only).
- "more than a quarter of the bill as a tip" is a tip percentage above 25.
- "the three directions with the most X" is a ranking, "the top 3 directions ...".
- "petals over 5 cm" (a length unit with a plain comparison on a plural part) is the petal length.
- "districts eleven, twelve and thirteen": places named by their number; given the model, written as
  its values that begin with that number ("11-Sault-au-Récollet").

Counts and ordinals that are ordinary words are left alone: "one line per continent", "the first half",
"top five" (the ranking readers know them), "the fifth quarter" (refused later as a period that does not
exist), "force ten" (no band holds it), "about thirty dollars" keeps its hedge and is refused later.
"""

from __future__ import annotations

import re

from worker.planner.spoken import NUMBER_WORDS, spoken_years
from worker.semantic import SemanticModel

__all__ = ["unword_numbers"]

_WORD = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_NUM = rf"(?:\d+(?:\.\d+)?|{_WORD})"
_LENGTH = r"cm|mm|centimet(?:er|re)s?|millimet(?:er|re)s?|inch(?:es)?"
_UNITS = rf"{_LENGTH}|dollars?|bucks?|euros?|pounds?|usd|percent|per\s+cent|%"
_UNIT_AFTER = rf"(?=\s*(?:{_UNITS})(?![\w-]))"

# "five cm", "fifteen bucks", "five to six cm": the numbers before a unit (and the first of a range).
_VALUE = re.compile(
    rf"(?<![\w-])(?P<a>{_WORD})(?P<to>\s+(?:to|and)\s+|\s*[-\u2013]\s*)(?P<b>{_WORD}){_UNIT_AFTER}"
    rf"|(?<![\w-])(?P<n>{_WORD}){_UNIT_AFTER}",
    re.IGNORECASE,
)
# "four and above", "six and over": an open band said in words.
_OPEN = re.compile(
    rf"(?<![\w-])(?P<n>{_WORD})(?=\s+and\s+(?:above|over|up|upwards|higher|more|below|under|less)(?![\w-]))",
    re.IGNORECASE,
)
_DIGIT_WORDS = {"zero": 0, "oh": 0, "o": 0, **{w: NUMBER_WORDS[w] for w in ("one", "two", "three", "four",
                "five", "six", "seven", "eight", "nine")}}  # fmt: skip
_DIGIT = "|".join(_DIGIT_WORDS)
# "one point five", "zero point two five": a decimal said aloud, each digit after the point in a word.
_DECIMAL = re.compile(
    rf"(?<![\w.-])(?P<n>{_WORD}|zero|\d+)\s+point\s+(?P<d>(?:{_DIGIT})(?:\s+(?:{_DIGIT}))*)(?![\w-])",
    re.IGNORECASE,
)
_HALVES = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_AND_A_HALF = re.compile(rf"(?<![\w-])(?P<n>{_NUM})\s+and\s+a\s+(?P<f>half|quarter)(?![\w-])", re.I)
_BUCKS = re.compile(r"(?<=\d)(?P<s>\s*)bucks?(?![\w-])", re.IGNORECASE)
_BAND = re.compile(
    rf"(?<![\w-])(?P<k>strength|strengths|bands?)\s+(?:of\s+)?(?P<a>{_NUM})\s*(?:to|[-\u2013])\s*(?P<b>{_NUM})"
    r"(?![\w.-])(?!\s*(?:%|percent))",
    re.IGNORECASE,
)
_QUARTER = re.compile(r"(?<![\w-])Q(?:[\s-]+|(?=\d))(?P<n>one|two|three|four|\d)(?![\w-])", re.IGNORECASE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")  # fmt: skip
_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth"]  # fmt: skip
_ORDINALS: dict[str, int] = {
    **{w: i for i, w in enumerate(_ORDINAL_WORDS, 1)},
    "twentieth": 20,
    "thirtieth": 30,
    **{f"twenty{sep}{w}": 20 + i for i, w in enumerate(_ORDINAL_WORDS[:9], 1) for sep in (" ", "-")},
    "thirty-first": 31,
    "thirty first": 31,
}
_ORDINAL = "|".join(sorted((re.escape(w) for w in _ORDINALS), key=len, reverse=True))
_DAY = rf"(?P<o>{_ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))"
# "the first of March", "March the first": a day of a month (not "the first half", "the fifth quarter").
_DAY_OF = re.compile(
    rf"(?<![\w-])(?:the\s+)?{_DAY}\s+of\s+(?P<m>{_MONTHS})(?![\w-])"
    rf"|(?<![\w-])(?P<m2>{_MONTHS})\s+the\s+{_DAY.replace('?P<o>', '?P<o2>')}(?![\w-])",
    re.IGNORECASE,
)
# What follows a day of a month: its year, said aloud or after a comma ("30 June, twenty-nineteen").
_DATE_YEAR = re.compile(rf"(?<![\w-])(?P<d>\d{{1,2}}\s+(?:{_MONTHS}))(?:\s*,)?\s+", re.IGNORECASE)
_YEAR_FIRST = re.compile(r"\d{4}(?![\w-])")
# "below ninety percent of its January 2018 level": the stock price's own base (its unit is a multiple of
# the Jan 2018 price).
_OF_BASE = re.compile(
    rf"(?<![\w-])(?P<n>{_NUM})\s*(?:percent|per\s+cent|%)\s+of\s+(?:its|their|the)\s+"
    r"(?:(?:january|jan\.?)\s+2018|starting|initial|opening|base|baseline)\s+(?:levels?|prices?|values?)(?![\w-])",
    re.IGNORECASE,
)
_CMP = r"more\s+than|over|above|greater\s+than|at\s+least|less\s+than|under|below|at\s+most"
_FRACTIONS = {"a quarter": 25, "a third": 33.33, "half": 50, "a half": 50, "a fifth": 20, "a tenth": 10}
_FRACTION = "|".join(f.replace(" ", r"\s+") for f in _FRACTIONS)
# "left more than a quarter of the bill as a tip": the tip as a percentage of the bill.
_TIP_SHARE = re.compile(
    rf"(?<![\w-])(?P<cmp>{_CMP})\s+(?:(?P<f>{_FRACTION})|(?P<n>{_NUM})\s*(?:percent|per\s+cent|%))\s+of\s+"
    r"(?:the|their|its)\s+(?:total\s+)?(?:bill|check)s?\s+(?:as\s+(?:an?\s+)?|in\s+)(?:tips?|gratuity)(?![\w-])",
    re.IGNORECASE,
)
_MOST = r"most|fewest|least"
# "the three directions with the most six-plus winds": a count of the things ranked.
_RANKED = re.compile(
    rf"(?<![\w-])(?P<the>the)\s+(?P<n>{_NUM})\s+(?P<noun>[a-z]+s)\s+(?P<with>with|having|that\s+had|that\s+have)\s+"
    rf"the\s+(?P<most>{_MOST})(?![\w-])",
    re.IGNORECASE,
)
# "districts eleven, twelve and thirteen": places named by their number (the data's district values begin
# with it, "11-Sault-au-Récollet").
_NUMBERED = re.compile(
    rf"(?<![\w-])(?P<noun>district|ward|riding|precinct)s?\s+(?:numbers?\s+)?(?:{_WORD}|\d+)"
    rf"(?:\s*,\s*(?:{_WORD}|\d+))*(?:,?\s+(?:and|or)\s+(?:{_WORD}|\d+))?(?![\w-])"
    # the number names the place only where the phrase ends: "by district, one line each" is a count
    r"(?=\s*(?:$|[,.;:?!)]|(?:and|or|in|for|by|with|from|vs|versus|against)\b))",
    re.IGNORECASE,
)
_ONE_WORD = re.compile(rf"(?<![\w-])(?:{_WORD}|\d+)(?![\w-])", re.IGNORECASE)
_NUMBERED_VALUE = re.compile(r"(\d+)-\S")
_PART = r"(?P<part>(?!(?:length|width|height|depth|size|value|measurement)s\b)[a-z]+)s"
# "petals over 5 cm", "sepals of 5 to 6 cm": a length unit says which measurement of the part.
_PART_LENGTH = re.compile(
    rf"(?<![\w-]){_PART}(?=\s+(?:(?:{_CMP})\s+\d+(?:\.\d+)?|(?:of|from|between)\s+\d+(?:\.\d+)?\s*"
    rf"(?:to|and|[-\u2013])\s*\d+(?:\.\d+)?)\s*(?:{_LENGTH})(?![\w-])(?!\s+(?:wide|long|tall|high|deep|across|in)\b))",
    re.IGNORECASE,
)


def _digits(word: str) -> str:
    """A number word ("fifteen", "sixty-five") or a number in digits, as digits."""
    return str(NUMBER_WORDS.get(word.lower().replace("  ", " "), word))


def _number(word: str) -> float:
    return float(_digits(word))


def _shown(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _value(m: re.Match[str]) -> str:
    if m["n"]:
        return _digits(m["n"])
    return f"{_digits(m['a'])}{m['to']}{_digits(m['b'])}"


def _day_of(m: re.Match[str]) -> str:
    said = (m["o"] or m["o2"]).lower()
    day = _ORDINALS.get(said) or int(re.sub(r"\D", "", said))
    return f"{day} {m['m'] or m['m2']}"


def _date_years(text: str) -> str:
    """Each day of a month followed by its year as "30 June 2019", the year in digits."""
    at = 0
    while m := _DATE_YEAR.search(text, at):
        rest = spoken_years(text[m.end() :])
        if _YEAR_FIRST.match(rest):
            text = f"{text[: m.start()]}{m['d']} {rest}"
        at = m.start() + len(m["d"])
    return text


def _tip_share(m: re.Match[str]) -> str:
    pct = _FRACTIONS[re.sub(r"\s+", " ", m["f"].lower())] if m["f"] else _number(m["n"])
    return f"a tip percentage {m['cmp']} {_shown(float(pct))}"


def _ranked(m: re.Match[str]) -> str:
    count = _number(m["n"])
    if count < 2 or not count.is_integer():
        return m[0]  # "the one country with the most" names one thing, not a ranking
    end = "bottom" if m["most"].lower() in {"fewest", "least"} else "top"
    return f"{m['the']} {end} {_shown(count)} {m['noun']} {m['with']} the {m['most']}"


def _decimal(m: re.Match[str]) -> str:
    whole = "0" if m["n"].lower() == "zero" else _digits(m["n"])
    return f"{whole}." + "".join(str(_DIGIT_WORDS[d.lower()]) for d in m["d"].split())


def _rewrite_values(text: str) -> str:
    text = _DECIMAL.sub(_decimal, text)
    text = _AND_A_HALF.sub(lambda m: _shown(_number(m["n"]) + _HALVES[m["f"].lower()]), text)
    text = _OF_BASE.sub(lambda m: _shown(_number(m["n"]) / 100), text)
    text = _TIP_SHARE.sub(_tip_share, text)
    text = _VALUE.sub(_value, text)
    text = _OPEN.sub(lambda m: _digits(m["n"]), text)
    text = _BUCKS.sub(lambda m: f"{m['s'] or ' '}dollars", text)
    return _BAND.sub(lambda m: f"{m['k']} {_digits(m['a'])}-{_digits(m['b'])}", text)


def _numbered_values(noun: str, model: SemanticModel | None) -> dict[str, str]:
    """The number -> value of the dimension the noun names whose values begin with a number and a hyphen
    ("11" -> "11-Sault-au-Récollet"); empty without a model."""
    for dim in (d for ds in (model.datasets if model else []) for d in ds.dimensions):
        if noun in {dim.name.lower(), dim.label.lower(), *(s.lower() for s in dim.synonyms)}:
            found = ((_NUMBERED_VALUE.match(str(v)), str(v)) for v in dim.values)
            return {m[1]: value for m, value in found if m}
    return {}


def _numbered(m: re.Match[str], model: SemanticModel | None) -> str:
    # wards, ridings and precincts are electoral districts, whatever the model calls them
    values = _numbered_values(m["noun"].lower(), model) or _numbered_values("district", model)
    return _ONE_WORD.sub(lambda n: values.get(_digits(n[0]), _digits(n[0])), m[0])


def unword_numbers(text: str, model: SemanticModel | None = None) -> str:
    """`text` with the numbers said in words that are values written as digits (see the module); with a
    model, places named by their number are written as the model's values."""
    text = _QUARTER.sub(lambda m: f"Q{_digits(m['n'])}", text)
    text = _DAY_OF.sub(_day_of, text)
    text = _date_years(text)
    text = _rewrite_values(text)
    text = _NUMBERED.sub(lambda m: _numbered(m, model), text)
    text = _RANKED.sub(_ranked, text)
    return _PART_LENGTH.sub(lambda m: f"{m['part']} length", text)

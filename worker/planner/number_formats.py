"""Quantities written in many notations, spelt as the plain numbers the readers know, before a question is
read (worker.planner.voices).

- Exponents and spelt scales: "1e9" is 1000000000, "half a million" 500000, "a billion" 1000000000.
- Thousands grouped with spaces: "5 000 000" is 5000000 ("between 2,500 and 5 000" keeps its comma, which
  the readers know).
- A decimal comma that cannot group thousands, before a unit: "4,5 cm" is 4.5 cm; a unit glued to its
  number, "2.5cm", is written apart.
- A share of what a measure's unit is a percentage of: "tipped at least 0.15 of the bill" and "tipped more
  than 15 per cent" are the tip percentage (its unit is "% of the bill").
- A fraction of a base level ("below three-quarters of its January 2018 level") as a percentage of it,
  and "120 per cent or more of" / "20 per cent or more below" it as a multiple of it ("at least 1.2
  times", "at most 0.8 times"), which the readers of a price relative to that level know.
- Counting words by their agreed numbers: "a couple of" 2, "a handful" 5, "half a dozen" 6, "a dozen" 12
  ("a handful of the poorest countries" is the 5 poorest); "counting only X" is "only X"; "the last ½
  year" is the last 6 months.
- Votes a candidate "took" or "polled" are votes got, not a district won; "continents had a combined
  population of more than ..." is said "with a combined ...", the condition on an aggregate refused later.

Refused here, with what can be asked: an approximate amount ("20-ish dollars", "roughly 1.2bn"): a filter
needs an exact bound, and no tolerance is agreed. check_money (called by worker.planner.conditions)
refuses a dollar amount on a measure that is not money ("weeks above $150" of a relative price).
"""

from __future__ import annotations

import re
from functools import partial

from worker.planner.errors import UnchartableQuestion
from worker.semantic import Dataset, SemanticModel

__all__ = ["check_money", "unnumber"]

_I = re.IGNORECASE
_CMP = (
    r"more\s+than|over|above|greater\s+than|higher\s+than|at\s+least|no\s+less\s+than|less\s+than|"
    r"fewer\s+than|under|below|lower\s+than|at\s+most|no\s+more\s+than"
)
_EXPONENT = re.compile(r"(?<![\w.])(?P<m>\d+(?:\.\d+)?)e(?P<e>\+?\d{1,2})(?![\w.])", _I)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_PARTS = {"half": 0.5, "a quarter": 0.25, "three quarters": 0.75}
_SPELT_SCALE = re.compile(
    r"(?<![\w-])(?:(?P<p>half|a\s+quarter|three[\s-]quarters)\s+(?:of\s+)?)?an?\s+(?P<s>thousand|million|"
    r"billion)(?![\w-])",
    _I,
)
_SPACED = re.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)(?![\d]|[.,]\d)")
_UNIT = r"cm|mm|%|per\s*cent|percent|dollars?|usd|euros?|years?"
_DECIMAL_COMMA = re.compile(
    rf"(?<![\d.,])(?P<w>\d+),(?P<f>\d{{1,2}})(?![\d]|,\d)(?=\s*(?:{_UNIT})(?!\w))", _I
)
_GLUED = re.compile(r"(?<=\d)(?=(?:cm|mm)(?!\w))", _I)
_BASE = (
    r"\s+(?:its|their|the)\s+(?:(?:january|jan\.?)\s+\d{4}|starting|initial|opening|base|baseline)\s+"
    r"(?:level|price|value)s?(?!\w)"
)
_FRACTIONS = {"half": 50, "a half": 50, "a quarter": 25, "three quarters": 75, "a fifth": 20, "a tenth": 10}
_FRACTION_OF_BASE = re.compile(
    r"(?<![\w-])(?P<f>half|a\s+half|a\s+quarter|three[\s-]quarters|a\s+fifth|a\s+tenth)(?=\s+of"
    + _BASE
    + ")",
    _I,
)
_PERCENT_OR_MORE = re.compile(
    r"(?<!\w)(?:at\s+)?(?P<n>\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)\s+or\s+(?:(?P<up>more|higher|above)|"
    r"(?P<down>less|lower|below))\s+(?P<dir>of|above|over|below|under)(?=" + _BASE + ")",
    _I,
)
_COUNTS = {"couple": 2, "handful": 5, "half dozen": 6, "dozen": 12}
_COUNT_WORD = r"(?P<c>couple|handful|half[\s-]dozen|dozen)"
# "a handful of the poorest countries": the 5 poorest, a ranking.
_OF_RANKED = re.compile(
    rf"(?<![\w-])(?:an?|the)\s+(?:top\s+)?{_COUNT_WORD}\s+of\s+the\s+(?=(?:[a-z]+est|most|least)(?!\w))", _I
)
_COUNTED = re.compile(
    rf"(?<![\w-])(?:half\s+a\s+(?P<h>dozen)|(?:(?P<a>an?|the)\s+|(?<=top\s)){_COUNT_WORD})"
    r"(?:\s+of(?=\s+(?!the\b)[a-z]))?(?![\w-])",
    _I,
)
_COUNTING_ONLY = re.compile(r"(?<!\w)counting\s+only\s+", _I)
# "only rows above 0.5%": the rows are what any condition keeps; the condition is on the measure.
_ONLY_ROWS = re.compile(rf"(?<!\w)(only\s+)(?:the\s+)?(?:rows|records|entries)\s+(?=(?:{_CMP})\s)", _I)
_HALF_YEAR = re.compile(
    r"(?<!\w)(?P<w>last|past|latest)\s+(?:\u00bd|1\s*[\u2044/]\s*2|half(?:\s+a|-a)?)[\s-]+year(?!\w)", _I
)
_GOT = re.compile(rf"(?<!\w)(?:took|polled)(?=\s+(?:{_CMP}|between)\s+\$?\d)", _I)
# "which continents had a combined population of ...": the group's aggregate, said as the reader of
# conditions on aggregates knows it (and refuses).
_HAD_AGGREGATE = re.compile(r"(?<!\w)(?:had|have|has)\s+(?=an?\s+(?:combined|overall|aggregate)\s)", _I)
_ISH = re.compile(
    r"(?<![\w.])[$\u20ac\u00a3]?\d[\d,.]*\s*(?:k|bn|m)?-?ish(?:\s+(?:dollars?|people|votes))?(?!\w)", _I
)
_ROUGHLY = re.compile(
    r"(?<!\w)(?:roughly|approximately|approx\.?|about|around|circa|some|~)\s*[$\u20ac\u00a3]?"
    r"\d[\d,]*(?:\.\d+)?\s*(?:k|bn|mn|m|thousand|million|billion)(?!\w)",
    _I,
)
_MONEY = re.compile(r"\$|(?<!\w)(?:dollars?|usd)(?!\w)", _I)


def _words(said: str) -> str:
    return re.sub(r"[\s-]+", " ", said.lower())


def _shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _refuse_approximate(text: str, model: SemanticModel) -> None:
    """An approximate bound has no agreed tolerance, so no exact filter can say it."""
    said = _ISH.search(text) or _ROUGHLY.search(text)
    if said is None:
        return
    amount = said[0].strip()
    number = re.search(r"\d[\d,.]*(?:\s*(?:k|bn|mn|m|thousand|million|billion)(?!\w))?", amount, _I)
    labels = [m.label.lower() for ds in model.datasets for m in ds.measures]
    # the measure the question names, else one in the amount's unit, so the example can be asked
    named = [x for x in labels if re.search(rf"(?<!\w){re.escape(x)}", text, _I)]
    after = text[said.end() :].lower()
    named += [m.label.lower() for ds in model.datasets for m in ds.measures if _unit_after(m.unit, after)]
    money = [m.label.lower() for ds in model.datasets for m in ds.measures if "$" in (m.unit or "")]
    label = (named or (money if _MONEY.search(amount) else []) or labels or ["the measure"])[0]
    raise UnchartableQuestion(
        f"chartq filters only on exact numbers, and \u201c{amount}\u201d is an approximate amount. Try "
        f"e.g. \u201c{label} over {number[0] if number else 10}\u201d or a range with both ends."
    )


def _unit_after(unit: str | None, after: str) -> bool:
    """Whether `after` begins with the unit's word ("people" of a population)."""
    word = re.match(r"[a-z]+", (unit or "").lower())
    return word is not None and re.match(rf"\s*{word[0]}(?!\w)", after) is not None


def _exponent(m: re.Match[str]) -> str:
    """ "1e9" as 1000000000; not a code call's own argument ("head(1e3)"), which pandas would refuse."""
    if m.string[m.start() - 1 : m.start()] == "(" and m.string[m.end() : m.end() + 1] == ")":
        return m[0]
    return _shown(round(float(m["m"]) * 10 ** int(m["e"]), 6))


def _notations(text: str) -> str:
    text = _EXPONENT.sub(_exponent, text)
    text = _SPELT_SCALE.sub(
        lambda m: _shown(_PARTS.get(_words(m["p"] or ""), 1) * _SCALES[m["s"].lower()]),
        text,
    )
    text = _SPACED.sub(lambda m: re.sub(r"\D", "", m["n"]), text)
    text = _DECIMAL_COMMA.sub(lambda m: f"{m['w']}.{m['f']}", text)
    return _GLUED.sub(" ", text)


def _of_base(text: str) -> str:
    text = _FRACTION_OF_BASE.sub(lambda m: f"{_FRACTIONS[_words(m['f'])]} percent", text)
    return _PERCENT_OR_MORE.sub(_times_base, text)


def _times_base(m: re.Match[str]) -> str:
    """ "120 per cent or more of", "20 per cent or more below" its base level: as a multiple of it, the
    bound on the side the words say ("or more below" is at most 0.8 times)."""
    n, below = float(m["n"]) / 100, m["dir"].lower() in ("below", "under")
    factor = n if m["dir"].lower() == "of" else 1 - n if below else 1 + n
    op = "at least" if bool(m["up"]) != below else "at most"
    return f"{op} {_shown(round(factor, 6))} times"


def _counts(text: str) -> str:
    def number(m: re.Match[str]) -> str:
        return str(_COUNTS[_words(m["c"])] if m["c"] else 6)

    text = _OF_RANKED.sub(lambda m: f"the {number(m)} ", text)
    return _COUNTED.sub(lambda m: ("the " if (m["a"] or "").lower() == "the" else "") + number(m), text)


def _shares(text: str, model: SemanticModel) -> str:
    """ "tipped at least 0.15 of the bill", "tipped more than 15 per cent": the measure whose unit is a
    percentage of the bill, when the base measure's verb ("tipped") or a giving verb says it."""
    for ds in model.datasets:
        for m in ds.measures:
            of = re.fullmatch(r"%\s+of\s+(?:the\s+)?([a-z ]+)", (m.unit or "").lower().strip())
            base = next((b for b in ds.measures if b.name == m.column and b is not m), None)
            if of is None or base is None:
                continue
            noun = r"\s+".join(map(re.escape, of[1].split()))
            verb = rf"{re.escape(base.label.lower())}(?:ped|ed)|left|gave|paid"
            share = re.compile(
                rf"(?<!\w)(?:(?:that|who|which)\s+)?(?:{verb})\s+(?P<cmp>{_CMP})\s+(?:(?P<d>0?\.\d+)|"
                rf"(?P<n>\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent))(?P<of>\s+of\s+(?:the|their|its)\s+"
                rf"{noun}s?)?(?!\w)(?!\s+(?:as|in|of)\b)",
                _I,
            )
            text = share.sub(partial(_share, label=m.label.lower()), text)
    return text


def _share(m: re.Match[str], label: str) -> str:
    if m["d"] is not None and m["of"] is None:
        return m[0]  # "tipped over 0.15" without "of the bill" is the tip itself
    pct = float(m["d"]) * 100 if m["d"] is not None else float(m["n"])
    return f"with a {label} of {m['cmp']} {_shown(round(pct, 6))}"


def unnumber(text: str, model: SemanticModel) -> str:
    """`text` with the quantities this module reads spelt as plain numbers (see the module); unchanged
    when it has none. Raises UnchartableQuestion for an approximate amount."""
    _refuse_approximate(text, model)
    text = _notations(text)
    text = _of_base(text)
    text = _counts(text)
    text = _ONLY_ROWS.sub(r"\1", _COUNTING_ONLY.sub("only ", text))
    text = _HALF_YEAR.sub(lambda m: f"{m['w']} 6 months", text)
    text = _GOT.sub("got", text)
    text = _HAD_AGGREGATE.sub("with ", text)
    return _shares(text, model)


def check_money(ds: Dataset, column: str, said: str) -> None:
    """Refuse a condition said in dollars ("above $150") on a measure whose unit is not money."""
    measure = next((m for m in ds.measures if m.name == column), None)
    unit = (measure.unit or "").lower() if measure is not None else ""
    if measure is None or not _MONEY.search(said) or "$" in unit or "usd" in unit or "dollar" in unit:
        return
    raise UnchartableQuestion(
        f"{measure.label} is measured in {measure.unit or 'its own units'}, not in dollars, and chartq does "
        f"not convert units. Try e.g. \u201c{measure.label.lower()}\u201d with a number in its own unit."
    )

"""Numeric conditions: on a measure or number dimension ("population over 100 million", "tips above $5",
"life expectancy of 80 or more"), on the size of a row ("parties of 3 or more", "tables of four", "groups
smaller than 3", "tables of 2 to 4 people") and by comparison ("petals longer than 5 cm").

A condition whose subject the question doesn't name applies to the dataset's only measure ("did each
stock close above 1.5"); with several measures it is returned unread, so the planner can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from worker.plan import Filter
from worker.planner.number_formats import check_money
from worker.planner.spending import spent_on
from worker.planner.spoken import NUMBER_WORDS
from worker.planner.time_phrases import COUNT, parse_count
from worker.planner.vocabulary import Scan, Vocabulary, normalize, phrases

__all__ = ["Conditions", "numeric_names", "read_bands", "read_conditions", "size_conditions"]

_OPS = {
    "gt": r"over|above|more\s+than|greater\s+than|higher\s+than|larger\s+than|bigger\s+than|exceeding|>",
    "gte": r"at\s+least|no\s+less\s+than|>=",
    "lt": r"under|below|less\s+than|lower\s+than|fewer\s+than|smaller\s+than|<",
    "lte": r"at\s+most|no\s+more\s+than|<=",
}
# Numbers written as words in a condition ("a life expectancy over seventy", "over sixty-five").
_NUMBER_WORDS = NUMBER_WORDS
_WORDS = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_NUMBER = r"\$?\s*(?P<{0}>\d[\d,]*(?:\.\d+)?|" + _WORDS + r")\s*(?P<{0}s>million|billion|thousand|mn|bn|k|m)?"
_UNIT = r"(?:\s*(?:%|percent|dollars?|usd|us\$|years?|cm|centimet(?:er|re)s?)(?!\w))?"
_OR_MORE = (
    r"or\s+(?:(?P<up>more|greater|higher|above|over|larger|bigger|up)|(?P<down>less|fewer|lower|below|under))"
)
_OP_GROUPS = "|".join(f"(?P<{k}>{v})" for k, v in _OPS.items())
_CONDITION = re.compile(
    rf"(?<!\w)(?:(?P<op>{_OP_GROUPS})\s*(?:of\s+)?"
    rf"{_NUMBER.format('a')}|between\s+{_NUMBER.format('lo')}{_UNIT}\s+and\s+{_NUMBER.format('hi')}|"
    rf"(?:of\s+)?{_NUMBER.format('n')}{_UNIT}\s+{_OR_MORE})"
    rf"(?!\w){_UNIT}",
    re.IGNORECASE,
)
CONDITION = _CONDITION  # read by worker.planner.either
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
# What may stand between a measure and its condition: "life expectancy is over 80", "population of 5m".
_FILLER = re.compile(
    r"^(?:\s|,|\b(?:is|was|were|are|be|of|a|an|the|with|where|when|has|had|have|its|their|that|which|still|"
    r"ever|only|just|already|yet)\b)*$"
)
_WHO = r"(?:people|persons|diners|guests|members)(?!\w)"
_PEOPLE = rf"(?:\s+{_WHO})?"
_SIZE = (
    rf"(?:of|with|having)\s+(?:(?P<lo>{COUNT})\s*(?:to|-|\u2013)\s*(?P<hi>{COUNT}){_PEOPLE}|"
    # "parties of 2 and 4", "tables of 1, 2 or 3 people": those sizes, not the range between them.
    rf"(?P<set>(?:{COUNT})(?:\s*,\s*(?:{COUNT}))*,?\s+(?:and|or|&)\s+(?:{COUNT})(?!\s*(?:%|\.\d))){_PEOPLE}|"
    rf"(?P<n>{COUNT}){_PEOPLE}\s*(?:\+|{_OR_MORE}){_PEOPLE}|(?P<eq>{COUNT})(?!\s*(?:%|\.\d)){_PEOPLE})|"
    rf"(?:(?:of|with|having)\s+)?(?P<op>{_OP_GROUPS})\s+(?P<a>{COUNT}){_PEOPLE}|"
    # "parties between 2 and 4", "tables of between 2 and 4 people": the range, both ends kept.
    rf"(?:(?:of|with|having)\s+)?between\s+(?P<blo>{COUNT})\s*(?:and|to|-|\u2013)\s*(?P<bhi>{COUNT}){_PEOPLE}"
)
# A comparative or superlative adjective -> the word of the measure it is about, and its direction.
_ADJECTIVES = {
    "length": ("longer", "shorter", "longest", "shortest"),
    "width": ("wider", "narrower", "widest", "narrowest"),
    "weight": ("heavier", "lighter", "heaviest", "lightest"),
    "age": ("older", "younger", "oldest", "youngest"),
}
_COMPARED = {a[i]: (word, op) for word, a in _ADJECTIVES.items() for i, op in ((0, "gt"), (1, "lt"))}
_SUPERLATIVE = {a[i]: (word, low) for word, a in _ADJECTIVES.items() for i, low in ((2, False), (3, True))}
_SUPERLATIVES = re.compile(rf"(?<!\w)(?P<sup>{'|'.join(_SUPERLATIVE)})\s+(?P<noun>[a-z]+)(?!\w)")
_COMPARISON = re.compile(
    # "petals longer than 5 cm", "whose sepal is wider than 3 cm", "a sepal that is wider than 3.5"
    rf"(?<!\w)(?P<noun>[a-z]+)\s+(?:(?:that|which)\s+)?(?:(?:is|are|was|were)\s+)?"
    rf"(?P<cmp>{'|'.join(_COMPARED)})\s+than\s+{_NUMBER.format('a')}(?!\w){_UNIT}"
)


@dataclass
class Conditions:
    """The conditions read, and the text of those whose subject the question doesn't say."""

    filters: list[Filter] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)


def numeric_names(vocab: Vocabulary) -> dict[str, str]:
    """Normalised phrase -> name of every measure and number dimension a condition may apply to."""
    ds = vocab.ds
    names = dict(vocab.measures[1])
    for dim in ds.dimensions:
        if dim.type == "number":
            names |= {normalize(p): dim.name for p in (dim.label, *dim.synonyms)}
    return names


def _number(m: re.Match[str], group: str) -> int | float:
    said = m[group].lower()
    number = _NUMBER_WORDS[said] if said in _NUMBER_WORDS else float(said.replace(",", ""))
    value = float(number) * _SCALE.get((m[f"{group}s"] or "").lower(), 1)
    return int(value) if value.is_integer() else value


def _op(m: re.Match[str]) -> str:
    return next(k for k in _OPS if m[k])


def read_sizes(scan: Scan, sizes: dict[str, str]) -> list[Filter]:
    """ "parties of 3 or more", "tables of four", "groups smaller than 3": conditions on the number
    dimension whose rows the noun names (`sizes`, from worker.planner.lexicon.row_nouns)."""
    pattern = _size_pattern(sizes)
    if pattern is None:
        return []
    found = []
    for m in scan.take(pattern):
        column = sizes[m["noun"].lower()] if m["noun"] else next(iter(sizes.values()))
        if m["set"]:
            size = _make(column, "in", [parse_count(n) for n in re.findall(COUNT, m["set"], re.IGNORECASE)])
        elif m["lo"] or m["blo"]:
            low, high = (m["lo"], m["hi"]) if m["lo"] else (m["blo"], m["bhi"])
            size = _make(column, "between", [parse_count(low), parse_count(high)])
        elif m["n"]:
            size = _make(column, "lte" if m["down"] else "gte", parse_count(m["n"]))
        elif m["eq"]:
            size = _make(column, "eq", parse_count(m["eq"]))
        else:
            size = _make(column, _op(m), parse_count(m["a"]))
        found.append(_left_out(scan, m.start(), size))
    return _together(found)


def _together(sizes: list[Filter]) -> list[Filter]:
    """ "parties of 2 versus parties of 4": each size said apart is one of the sizes compared, where two
    conditions "= 2" and "= 4" would keep no row at all."""
    equal = [f for f in sizes if f.op in ("eq", "in")]
    if len({f.column for f in equal}) != 1 or len(equal) < 2:
        return sizes
    values = sorted({v for f in equal for v in (f.value if isinstance(f.value, list) else [f.value])})
    return [f for f in sizes if f not in equal] + [_make(equal[0].column, "in", values)]


def _size_pattern(sizes: dict[str, str]) -> re.Pattern[str] | None:
    if not sizes:
        return None
    nouns = "|".join(sorted(map(re.escape, sizes), key=len, reverse=True))
    # "Sunday dinners of 3 to 5 people": a size said of rows named otherwise, known by the people it
    # counts; the noun is left to its own reader. Only for data with one size to mean.
    one = len(set(sizes.values())) == 1
    people = rf"|(?=(?:of|with|having)\s[\w\s-]{{0,24}}?\b{_WHO})" if one else ""
    return re.compile(rf"(?<!\w)(?:(?P<noun>{nouns})\s+{people})(?:{_SIZE})(?!\w)", re.IGNORECASE)


def size_conditions(text: str, sizes: dict[str, str]) -> int:
    """How many size conditions `text` has ("tables with 3 people or more"): for choosing the dataset, so
    "people" there is no population."""
    pattern = _size_pattern(sizes)
    return sum(1 for _ in pattern.finditer(text)) if pattern is not None else 0


_LEAVING_OUT = re.compile(
    r"(?<!\w)(?:excluding|excl\.?|except(?:\s+for)?|without|w/o|(?:leaving|leave)\s+out|not\s+counting|"
    r"ignoring|apart\s+(?:from|of)|other\s+than|no)\s+(?:the\s+|any\s+)?$"
)
_OPPOSITE = {"eq": "ne", "in": "not_in", "gt": "lte", "gte": "lt", "lt": "gte", "lte": "gt"}


def _left_out(scan: Scan, at: int, size: Filter) -> Filter:
    """ "leave out parties of 1", "excl tables of 1": the rows the size condition does not keep."""
    before = _LEAVING_OUT.search(scan.text[:at])
    if before is None or size.op not in _OPPOSITE or not scan.free((before.start(), at)):
        return size
    scan.claim((before.start(), at))
    return _make(size.column, _OPPOSITE[size.op], size.value)


def read_comparisons(scan: Scan, vocab: Vocabulary) -> list[Filter]:
    """ "petals longer than 5 cm": the measure named by the noun and the comparison's dimension word
    ("petal length"), when the dataset has it."""
    found = []
    for m in list(_COMPARISON.finditer(scan.text)):
        word, op = _COMPARED[m["cmp"]]
        noun = m["noun"][:-1] if m["noun"].endswith("s") else m["noun"]
        name = vocab.measures[1].get(f"{noun} {word}")
        if name is not None and not any(scan.used[m.start() : m.end()]):
            scan.claim(m.span())
            found.append(_make(name, op, _number(m, "a")))
    return found


# A value of a banded dimension: "0-1", "4-5", "6+".
_BAND = re.compile(r"(?P<lo>\d+(?:\.\d+)?)(?:-(?P<hi>\d+(?:\.\d+)?)|(?P<plus>\+))")


def _bands(values: list[Any]) -> list[tuple[str, float, float]] | None:
    """(value, low, high) of every value, when all are numeric bands."""
    bands = []
    for value in values:
        m = _BAND.fullmatch(str(value))
        if m is None:
            return None
        lo = float(m["lo"])
        bands.append((str(value), lo, float("inf") if m["plus"] else float(m["hi"])))
    return bands or None


def _keeps(op: str, n: float, lo: float, hi: float) -> bool:
    """Whether a band lies wholly on the asked side of `n` (a band touching it counts for >=, <=)."""
    return {"gte": lo >= n, "gt": lo >= n and hi > n, "lte": hi <= n, "lt": hi <= n and lo < n}.get(op, False)


_STRONG, _WEAK = r"strong|high|heavy", r"weak|light|calm|gentle|low"


def read_bands(scan: Scan, vocab: Vocabulary) -> list[Filter]:
    """ "winds of 4 or more", "wind speed below 2": a condition on a dimension whose values are numeric
    bands ("0-1", "4-5", "6+") keeps the bands wholly on its side. The subject is the dimension, its
    bands, or the rows themselves (the dataset's own name: "winds")."""
    ds, found = vocab.ds, []
    for dim in ds.dimensions:
        bands = _bands(dim.order or dim.values)
        if bands is None:
            continue
        subjects = sorted(
            {normalize(w) for w in (*dim.synonyms, dim.label, *ds.synonyms)}, key=len, reverse=True
        )
        # Its values are bands, so it may be called so: "the (strength) bands above 5".
        pattern = re.compile(
            rf"(?<!\w)(?:(?P<adj>{_STRONG}|{_WEAK})\s+)?"
            rf"(?:(?:{'|'.join(map(re.escape, subjects))})(?:\s+bands?)?|bands?)\s+"
            rf"(?:of\s+|at\s+)?(?={_CONDITION.pattern})",
            re.IGNORECASE,
        )
        for m in list(pattern.finditer(scan.text)):
            cond = _CONDITION.match(scan.text, m.end())
            if cond is None or cond["lo"] or any(scan.used[m.start() : cond.end()]):
                continue
            if re.search(r"%|percent", cond[0]):  # "winds over 2%": the frequency, not the strength
                continue
            op = ("lte" if cond["down"] else "gte") if cond["n"] else _op(cond)
            n = _number(cond, "n" if cond["n"] else "a")
            kept = [value for value, lo, hi in bands if _keeps(op, n, lo, hi)]
            # "strong winds of 5 or more": an adjective that agrees with the condition says nothing more.
            agrees = not m["adj"] or bool(re.fullmatch(_STRONG if op in ("gt", "gte") else _WEAK, m["adj"]))
            if kept:
                scan.claim((m.start() if agrees else m.start() + len(m["adj"]), cond.end()))
                found.append(_make(dim.name, "in", kept))
    return found


def superlatives(text: str, vocab: Vocabulary) -> int:
    """How many superlatives name a measure of `vocab` ("the widest petals"): for choosing the dataset."""
    return sum(1 for m in _SUPERLATIVES.finditer(text) if _superlative_measure(m, vocab) is not None)


def _superlative_measure(m: re.Match[str], vocab: Vocabulary) -> str | None:
    noun = m["noun"][:-1] if m["noun"].endswith("s") else m["noun"]
    return vocab.measures[1].get(f"{noun} {_SUPERLATIVE[m['sup']][0]}")


def read_superlative(scan: Scan, vocab: Vocabulary) -> tuple[str, bool] | None:
    """ "the widest petals": (the measure named by the noun and the adjective's dimension word, lowest
    first?), when the dataset has that measure ("petal width"). Claims the words."""
    for m in _SUPERLATIVES.finditer(scan.text):
        name, low = _superlative_measure(m, vocab), _SUPERLATIVE[m["sup"]][1]
        if name is not None and not any(scan.used[m.start() : m.end()]):
            scan.claim(m.span())
            return name, low
    return None


def read_conditions(scan: Scan, vocab: Vocabulary) -> Conditions:
    """Numeric conditions on a measure or number dimension: "countries with population over 100 million",
    "tips above 5 dollars", "bills between 10 and 20 dollars", "more than 100 million people"."""
    names = numeric_names(vocab)
    pattern = phrases(names)[0]
    read = Conditions()
    if pattern is None:
        return read
    measures = {m.name for m in vocab.ds.measures}
    for m in scan.take(_CONDITION):
        subject = _subject(scan, pattern, m)
        if subject is not None:
            scan.claim(subject.span())
            column = names[normalize(subject[0])]
        elif (spent := spent_on(scan, vocab, m)) is not None:
            column = spent
        elif len(measures) == 1:
            column = next(iter(measures))
        else:
            read.unread.append(scan.excerpt(m.span()))
            continue
        check_money(vocab.ds, column, m[0])
        read.filters.append(_filter(column, m))
    return read


def _subject(scan: Scan, pattern: re.Pattern[str], m: re.Match[str]) -> re.Match[str] | None:
    """The measure the condition is about: named just after it, or before it with only filler between."""
    rest = scan.text[m.end() :]
    after = pattern.match(scan.text, m.end() + len(rest) - len(rest.lstrip()))
    if after is not None and not any(scan.used[after.start() : after.end()]):
        return after
    before = [
        b for b in pattern.finditer(scan.text, 0, m.start()) if _FILLER.match(scan.text[b.end() : m.start()])
    ]
    if before and not any(scan.used[before[-1].start() : before[-1].end()]):
        return before[-1]
    return None


def _filter(column: str, m: re.Match[str]) -> Filter:
    if m["lo"]:
        return _make(column, "between", [_number(m, "lo"), _number(m, "hi")])
    if m["n"]:
        return _make(column, "lte" if m["down"] else "gte", _number(m, "n"))
    return _make(column, _op(m), _number(m, "a"))


def _make(column: str, op: str, value: object) -> Filter:
    return Filter.model_validate({"column": column, "op": op, "value": value})

"""A statistician's vocabulary spelt out in the words the readers know, before a question is read.

A scientist or statistician asking for a chart says:
- "subset where X = V", "for the subset X = V", "conditional on X = V" (X a field the model names, the
  operator one of = != < > <= >=): the condition X = V, spelt as the SQL condition the SQL readers
  already read ("where X = 'V'", a word value quoted, a number left bare); a condition on the time column
  ("subset where year = 1962") is read there as the period;
- "conditional on <a condition in words>" ("conditional on a party size of at least 3"): "for" the
  condition, as "for parties of at least 3" is read;
- "2007 observations only", "for the 1982 observations", "observations restricted to (calendar) year
  2018": the rows of that year, i.e. "in 2007";
- "frequency of (weekly) observations" / "frequency of observations": the number of rows, "count of
  rows" (the rows' grain, "weekly", is what each row already is);
- "univariate distribution of X": the histogram of X; "bivariate scatter of X against Y": the scatter;
- "stratified by Z": "split by Z" (a series after a grouping, the colour on a scatter);
- "expressed as a pie": "as a pie";
- "(relative to the January 2018 base)": the unit a rebased price is already in, which adds nothing;
- "<statistic> weekly X ... over the full sample period": the statistic over the whole sample, one value
  per group; "weekly" there names the rows being summarised, not a line over the weeks.
Text without these words is returned unchanged, so an SQL "where x = 'v'" the user wrote stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from worker.semantic import SemanticModel

__all__ = ["unstatistic"]

_I = re.IGNORECASE

_OP = r"(?:<=|>=|!=|<>|=|<|>)"
# A value: a quoted string, a number, or up to three words (a multi-word value such as "United States");
# it ends at punctuation, "and", or the end.
# a word may hold an inner dot or hyphen ("St.-Louis"), not a sentence's full stop
_WORD = r"[A-Za-z][\w-]*(?:\.[\w-]+)*"
_VALUE = (
    rf"(?P<v>'[^']*'|\"[^\"]*\"|-?\d+(?:\.\d+)?|{_WORD}(?:\s+(?!and\b|or\b)(?=(?-i:[A-Z])){_WORD}){{0,2}})"
)
# "the 2007 observations", "1982 observations only": a four-digit year owning the rows.
_YEAR_ROWS = re.compile(r"\b(?:for\s+|from\s+)?(?:the\s+)?(?P<y>\d{4})\s+observations(?:\s+only)?\b", _I)
_RESTRICTED = re.compile(
    r"\b(?:observations\s+)?restricted\s+to\s+(?:the\s+)?(?:calendar\s+|survey\s+)?year\s+(?P<y>\d{4})\b",
    _I,
)
_FREQUENCY = re.compile(
    r"\bfrequency\s+of\s+(?:(?:weekly|daily|monthly|yearly|annual)\s+)?observations\b", _I
)
_UNIVARIATE = re.compile(r"\bunivariate\s+distribution\s+of\b", _I)
_BIVARIATE = re.compile(r"\bbivariate\s+(?=scatter)", _I)
_STRATIFIED = re.compile(r"\bstratified\s+(?=by\b)", _I)
_EXPRESSED = re.compile(r"\bexpressed\s+(?=as\s+an?\s+\w+)", _I)
_REBASED = re.compile(r"\s*\(\s*relative\s+to\s+the\s+(?:\w+\s+)?\d{4}\s+base(?:\s+level)?\s*\)", _I)
# "over the full sample period": the whole sample; the grain word after the statistic goes with it.
_FULL_SAMPLE = re.compile(
    r"\s*,?\s*\b(?:over|across|for)\s+the\s+(?:full|whole|entire)\s+sample(?:\s+period)?\b", _I
)
_STATISTIC_GRAIN = re.compile(
    r"\b(?P<stat>mean|average|median|minimum|maximum|min|max|total|sum\s+of)\s+(?:weekly|daily)\s+",
    _I,
)
_CONDITIONAL = re.compile(r"\bconditional\s+(?:up)?on\s+", _I)


def _alternatives(phrases: Iterable[str]) -> str:
    # longest first, so "petal length" wins over "petal" and "wind direction" over "direction"
    words = sorted({p.lower() for p in phrases if p}, key=len, reverse=True)
    return "|".join(r"[\s_]+".join(re.escape(w) for w in re.split(r"[\s_]+", p)) for p in words)


def _field_words(model: SemanticModel) -> str:
    """Every field's name, label and synonyms, plus the time column ("year", "date")."""
    words: list[str] = ["year", "date", "week"]
    for ds in model.datasets:
        for m in ds.measures:
            words += [m.name, m.label, *m.synonyms]
        for d in ds.dimensions:
            words += [d.name, d.label, *d.synonyms]
    return _alternatives(words)


def _subset(model: SemanticModel) -> re.Pattern[str]:
    """ "subset where X op V", "for the subset X op V", "conditional on X op V"."""
    lead = (
        r"(?:\bfor\s+)?(?:\bthe\s+|\ba\s+)?\bsubset\s+(?:where\s+|with\s+)?"
        r"|\bconditional\s+(?:up)?on\s+(?:the\s+)?"
    )
    return re.compile(rf"(?P<lead>{lead})(?P<x>{_field_words(model)})\s*(?P<op>{_OP})\s*{_VALUE}", _I)


def _condition(match: re.Match[str]) -> str:
    value = match["v"]
    if not re.fullmatch(r"-?\d+(?:\.\d+)?|'[^']*'|\"[^\"]*\"", value):
        value = f"'{value}'"
    op = "!=" if match["op"] == "<>" else match["op"]
    return f"where {match['x']} {op} {value}"


def unstatistic(text: str, model: SemanticModel) -> str:
    """The question with a statistician's words spelt as the readers read them (see the module)."""
    text = _subset(model).sub(_condition, text)
    text = _CONDITIONAL.sub("for ", text)
    text = _RESTRICTED.sub(lambda m: f"in {m['y']}", text)
    text = _FREQUENCY.sub("count of rows", text)
    text = _YEAR_ROWS.sub(lambda m: f"in {m['y']}", text)
    text = _UNIVARIATE.sub("histogram of", text)
    text = _BIVARIATE.sub("", text)
    text = _STRATIFIED.sub("split ", text)
    text = _EXPRESSED.sub("", text)
    text = _REBASED.sub("", text)
    if _FULL_SAMPLE.search(text):
        text = _FULL_SAMPLE.sub("", text)
        text = _STATISTIC_GRAIN.sub(lambda m: f"{m['stat']} ", text)
    return text

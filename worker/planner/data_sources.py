"""A data person's names for the data: its real-world source ("the seaborn tips data", "Fisher's iris
data", "plotly's stocks dataset") and its raw CSV columns ("the day column", "the GOOG column", "the
Coderre, Bergeron and Joly columns", "where smoker is Yes", "only the rows with sex = Female").

The source only says which data, which the rest of the question names anyway, so it comes off. A column
named for a value of a melted table (the stocks data's GOOG, the election's candidates, the medals'
gold, silver and bronze) holds that value's measure, so "the GOOG column" is GOOG's stock price; a column
named for a measure or a dimension is that measure or dimension ("column" then adds nothing, and is no
"column chart"). "where smoker is Yes" is the condition smoker = Yes; "summed over all districts" adds
them up, which is no grouping by district; "a line chart with markers" is a line chart. Text not
recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData
from worker.planner.refusals import suggest
from worker.planner.versus_names import names_of
from worker.semantic import SemanticModel

__all__ = ["unsource"]

_I = re.IGNORECASE
# "the seaborn tips data", "Fisher's iris data", "From the plotly stocks dataset": before the data's name.
_SOURCE = re.compile(
    r"\b(?:seaborn|plotly|fisher|anderson|kaggle|vega|r)(?:'s|\u2019s)?\s+"
    r"(?=(?:[\w'-]+\s+){0,3}?(?:data(?:set|frame)?|table|csv|sample)\b)",
    _I,
)
# "the GOOG column", "the Coderre, Bergeron and Joly columns", but not "a column chart".
_COLUMN = re.compile(r"\s+columns?\b(?!\s*(?:chart|graph|plot)s?\b)", _I)
# "where smoker is Yes": a condition, not a test for missing values ("is null", "is not null").
_WHERE_IS = re.compile(
    r"\bwhere\s+(?P<c>[a-z_]+)\s+is\s+(?!(?:not|null|missing|empty|nan|none)\b)(?P<v>[\w-]+)", _I
)
_ROWS = re.compile(r"\b(?:only\s+)?(?:the\s+|those\s+)?rows\s+with\b(?P<eq>(?=\s+[a-z_]+\s*=))?", _I)
_SUMMED_OVER = re.compile(
    r"\b(?:summed|added\s+up|totall?ed|combined|aggregated)\s+(?:over|across)\s+(?:all\s+|every\s+|the\s+)?"
    r"(?:the\s+)?[a-z]+s\b",
    _I,
)
_MARKERS = re.compile(r"(?<=\bchart)\s+with\s+(?:markers|dots|points)\b", _I)


def unsource(text: str, model: SemanticModel) -> str:
    """`text` with a data source's name and raw column names read as the data they name."""
    text = _SOURCE.sub("", text)
    text = _COLUMN.sub(lambda m: _column(text, m, model), text)
    text = _WHERE_IS.sub(lambda m: f"subset where {m['c']} = {m['v']}", text)
    # "the rows with smoker = No": the condition as the statistician's reader takes it ("No" is no value).
    text = _ROWS.sub(
        lambda m: "subset where" if m["eq"] is not None else "only with", _undated_year(text, model)
    )
    text = _SUMMED_OVER.sub("in total", text)
    return _MARKERS.sub("", text)


def _column(text: str, m: re.Match[str], model: SemanticModel) -> str:
    """What "column" after a name stands for: a value's measure, or nothing after a measure or a
    dimension's own name; left as written after anything else."""
    names = names_of(model)
    before = text[max(0, m.start() - 80) : m.start()]
    value = names.ends_with_value.search(before)
    if value is not None:
        said = value[0].strip().removesuffix("'s").lower()
        return f" {names.measure_of.get(said, '')}".rstrip()
    last = re.search(r"([A-Za-z_]+)\s*$", before)
    if last is not None and _names_field(last[1], model):
        return ""
    if last is not None and last[1].lower() == "total":
        # "the election's total column": the data's own measure added up, when one dataset is named.
        named = [
            ds
            for ds in model.datasets
            if any(re.search(rf"\b{re.escape(n)}\b", text, _I) for n in ds.synonyms)
        ]
        if len(named) == 1:
            return f" {named[0].measures[0].label.lower()}"
    return m[0]


def _names_field(word: str, model: SemanticModel) -> bool:
    said = word.lower().replace("_", " ")
    fields = [(m.name, m.label, m.synonyms) for ds in model.datasets for m in ds.measures]
    fields += [(d.name, d.label, d.synonyms) for ds in model.datasets for d in ds.dimensions]
    return any(said in {n.replace("_", " "), label.lower(), *map(str.lower, syn)} for n, label, syn in fields)


def _undated_year(text: str, model: SemanticModel) -> str:
    """ "the 2013 Montreal mayoral election": on data without dates, the year its description names, said
    before the data's own name, is part of that name, not a period to show."""
    for ds in model.datasets:
        # Only the year the data's own description names: "the 2017 election" is another election.
        years = re.findall(r"\b(?:19|20)\d\d\b", ds.description)
        if ds.time is None and ds.synonyms and years:
            names = "|".join(re.escape(n) for n in sorted(ds.synonyms, key=len, reverse=True))
            before = re.compile(rf"\b(?P<y>(?:19|20)\d\d)\s+(?=(?:[A-Za-z]+\s+){{0,2}}?(?:{names})\b)", _I)
            other = next((m["y"] for m in before.finditer(text) if m["y"] not in years), None)
            if other is not None:
                raise NotInTheData(
                    f"The {ds.name} data is {ds.description[0].lower()}{ds.description[1:].rstrip('.')}; "
                    f"it has nothing from {other}. {suggest(ds)}"
                )
            text = before.sub("", text)
    return text

"""A search engine's keyword operators, typed as a chart question: "average tips by day -sunday", "\"life
expectancy\" by continent 2007", "medals by nation \"gold\" OR \"silver\"", "site:gapminder population asia
2007", "count of tables by day smoker:yes", "\"life expectancy\" asia after:2010".

Each operator is spelt as the plain words the readers know. A minus sign before a word (or a quoted
phrase) leaves it out ("-sunday" is "excluding sunday"; "-sunday -saturday" is "excluding sunday and
saturday"): read as a bare word it would keep only that value, the opposite of what was asked. Quotes
around a phrase only keep its words together, so they come off. "A OR B" between values of one column is
"for A or B" (the values as a filter, not a series); across two columns it is left as "or", which the
readers refuse (worker.planner.either). "site:<data>" names the dataset; a "field:value" tag is the
condition "where field = value"; "after:2010" is "after 2010".

Operators that ask for no chart of the data are refused, naming them: "define:" (a definition), "site:"
naming a website rather than one of the datasets ("near me" is left to the readers, which name "near" as
a word the data does not know). Text with no
operator is returned exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from worker.planner.errors import UnchartableQuestion
from worker.planner.model_cache import per_model
from worker.planner.owners import example_for
from worker.semantic import SemanticModel

__all__ = ["unsearch"]

_I = re.IGNORECASE
# A word or quoted phrase after a minus sign that follows a space: not "post-war", "-5" nor " - ".
_EXCLUDED = r"-(?:\"[^\"]+\"|\u201c[^\u201d]+\u201d|[A-Za-z][\w'&]*)"
_MINUS = re.compile(rf"(?<!\S){_EXCLUDED}(?:\s+{_EXCLUDED})*(?![\w-])")
# A quoted phrase of plain words between spaces: not a formula's argument ("AVERAGEIFS(tip, time,
# \"Dinner\")", "SUMIF(day, \"Sun\", tip)") nor a pandas column (df["day"]), which their readers take.
_QUOTED = re.compile(r"(?<!\S)[\"\u201c]([A-Za-z][A-Za-z0-9 ]*)[\"\u201d](?=[\s.?!]|$)")
_SITE = re.compile(r"(?<![\w:])site:\s*(?P<site>[\w.-]+?)(?:\.(?:com|org|net|io|ca|gov))?(?![\w.-])", _I)
# "after:2010", "before:2000-01-01": the period operator as its plain word.
_PERIOD = re.compile(r"(?<![\w:])(after|before|since|until):\s*(?=\d)", _I)
_TAG = re.compile(r"(?<![\w:])(?P<field>[A-Za-z_]+):(?P<value>[\w+-]+)(?![\w:])")
_DEFINE = re.compile(r"(?<![\w:])define:", _I)
# A preposition already before the values ("for apple OR microsoft"): no second "for".
_PREPOSITION = re.compile(r"\b(?:for|in|of|on|at|from|with|among|between|only)\s*$", _I)
_OR = re.compile(r"\s+OR\s+")


@dataclass(frozen=True)
class _Lexicon:
    """The words the operators name: datasets, dimensions ("smoker", "size") with their raw columns, and
    category values (each value's columns, as (dataset, dimension))."""

    datasets: dict[str, str]
    fields: dict[str, dict[tuple[str, str], str]]
    values: dict[str, set[tuple[str, str]]]
    value_pattern: re.Pattern[str] | None


@per_model
def _lexicon(model: SemanticModel) -> _Lexicon:
    datasets: dict[str, str] = {}
    fields: dict[str, dict[tuple[str, str], str]] = {}
    values: dict[str, set[tuple[str, str]]] = {}
    for ds in model.datasets:
        datasets.update({s.lower(): ds.name for s in (ds.name, *ds.synonyms)})
        for d in ds.dimensions:
            # The raw column ("size", "time") is the name every reader takes in "where size = 2".
            for word in (d.name, d.name.replace("_", " "), d.column, d.label, *d.synonyms):
                fields.setdefault(word.lower(), {})[(ds.name, d.name)] = d.column
            if d.type != "category":
                continue
            for v in (*map(str, d.values), *d.value_synonyms):
                values.setdefault(v.lower(), set()).add((ds.name, d.name))
    words = sorted(values, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    # "gold OR silver OR bronze": values joined by the operator, written in capitals.
    pattern = (
        re.compile(rf"(?<![\w+-])(?:{body})(?:\s+(?-i:OR)\s+(?:{body}))+(?![\w+-])", _I) if words else None
    )
    return _Lexicon(datasets, fields, values, pattern)


def unsearch(text: str, model: SemanticModel) -> str:
    """`text` with a search engine's operators spelt as plain words; unchanged when it has none."""
    lexicon = _lexicon(model)
    _refuse(text, model, lexicon)
    text = _MINUS.sub(_excluding, text)
    text = _QUOTED.sub(lambda m: m[1], text)
    text = _SITE.sub(lambda m: m["site"], text)
    text = _PERIOD.sub(lambda m: f"{m[1]} ", text)
    text = _TAG.sub(lambda m: _tag(m, lexicon), text)
    if lexicon.value_pattern is not None:
        text = lexicon.value_pattern.sub(lambda m: _either(m, text, lexicon), text)
    return text


def _excluding(m: re.Match[str]) -> str:
    """ "-sunday -saturday": "excluding sunday and saturday"."""
    words = [w[1:].strip('"\u201c\u201d') for w in re.findall(_EXCLUDED, m[0])]
    listed = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
    return f"excluding {listed}"


def _tag(m: re.Match[str], lexicon: _Lexicon) -> str:
    """ "smoker:yes": "where smoker = yes", when the field is a dimension and the value one of its own;
    "year:2007": "in 2007"."""
    if m["field"].lower() in ("year", "date") and m["value"][:1].isdigit():
        return f"in {m['value']}"
    columns = lexicon.fields.get(m["field"].lower().replace("_", " ")) or lexicon.fields.get(
        m["field"].lower()
    )
    if not columns:
        return m[0]
    value = m["value"].lower()
    for column, column_name in columns.items():
        if column in lexicon.values.get(value, set()) or value.replace(".", "", 1).isdigit():
            return f"where {column_name} = {m['value']}"
    return m[0]


def _either(m: re.Match[str], text: str, lexicon: _Lexicon) -> str:
    """ "gold OR silver": "for gold or silver" when both are values of one column; across two columns
    "gold or lunch", for the readers to refuse."""
    named = _OR.split(m[0])
    shared = set.intersection(*(lexicon.values.get(v.lower(), set()) for v in named))
    joined = " or ".join(named)
    if not shared or _PREPOSITION.search(text[: m.start()]):
        return joined
    return f"for {joined}"


def _refuse(text: str, model: SemanticModel, lexicon: _Lexicon) -> None:
    """Refuses operators that ask for no chart of the data: a definition, a website that is none of the
    datasets."""
    names = ", ".join(ds.name for ds in model.datasets)
    example = example_for(text, model)
    if (m := _DEFINE.search(text)) is not None:
        raise UnchartableQuestion(
            f"\u201c{m[0]}\u201d asks for a definition, and chartq only charts what the data holds; ask "
            f"for a measure of the data ({names}) instead. {example}".strip()
        )
    for m in _SITE.finditer(text):
        if m["site"].lower() not in lexicon.datasets:
            raise UnchartableQuestion(
                f"\u201c{m[0]}\u201d names a website, and chartq charts only its own data ({names}); "
                f"name one of them, e.g. \u201csite:{model.datasets[0].name}\u201d. {example}".strip()
            )

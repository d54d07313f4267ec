# The notation is this module's subject: its symbols ("∨", "σ", "×") are meant, not confusable letters.
# ruff: noqa: RUF001, RUF002, RUF003
"""A request written in mathematical notation ("x̄(tip) per day | meal = Dinner", "Σ pop per continent,
sorted ↓", "t ∈ [1962, 2002]") spelt out in words.

Only a text that carries the notation is read: a symbol of it (x̄, Σ, ∀, ∈, ∉, ≠, ≥, ≤, ∧, ∨, ↓, ↑, σ, Δ,
ρ, ...), a function written the mathematician's way (n(tables), med(total_bill), price(t), year(t)), the
time as t ("t ≥ 1972") or, in ASCII, "|" for "given" after an aggregate ("mean(tip) per day | smoker =
No"). Every other text is returned as it is (key=value pairs split by "|" are worker.planner.key_values').

What is read:
- aggregates: x̄ / x̄(tip) / mean() / μ() the average, Σ the total, med() / x̃ the median, max() and min(),
  n(tables) the number of rows, a measure of time ("price(t)") the measure over time, and a measure of a
  value ("votes(Joly)") the measure for that value;
- conditions, after "|" (given), "for", "with" or "where" or on their own, joined by "," "∧" or "and":
  "meal = Dinner", "species ≠ setosa", "size ≥ 4", "life_exp > 70", "day ∈ {Sat, Sun}", "day ∉ {...}",
  "price ∈ [10, 20]", and "day = Sat ∨ day = Sun" (one column's values); column names are the model's
  (names, columns, labels or synonyms: "size" and "party size" are the party size, "time" the meal) and the
  words are the SQL reader's (worker.planner.sql_conditions): "for Dinner only", "excluding setosa",
  "parties of 4 or more", "with life expectancy over 70";
- the time span: "t ∈ [a, b]" (from a to b), "t ≥ 1972" (since), "year(t) = 2018" or "year = 2007" (in);
- a scatter's pair "(petal_length, petal_width)" (x vs y), "colour = continent" (coloured by), "∀ flowers
  with ..." (for all flowers ...), "per day × sex" (split by sex), and the order: "sorted ↓" (highest
  first), "↑" (lowest first), "top 5 ↓" (top 5), "bottom 3 ↑" (bottom 3).

What a plan cannot express is refused naming it (NotInTheData, so no reading charts the rest of the
request): a standard deviation (σ) or variance, a correlation (ρ), a change or difference (Δ, −), a ratio
or product of quantities ("Σ tip / Σ total_bill"), a derivative, an integral, a transform (√, log), an "or"
(∨) between conditions on different columns, "top 5 ↑" (which five?), and any notation left unread.
"""

from __future__ import annotations

import re

from worker.planner.errors import NotInTheData, UnchartableQuestion
from worker.planner.maths_conditions import Condition, either, quoted, runs, unquote
from worker.planner.maths_functions import BAR, TILDE, Refused, aggregates, key, shapes
from worker.planner.sql_conditions import on_time
from worker.planner.sql_syntax import SqlReader
from worker.semantic import SemanticModel

__all__ = ["unmaths"]

# Symbols that make a text mathematical notation, and that must all be read before the text is handed on.
_SYMBOLS = "Σ∑∀∃∈∉≠≥≤⩾⩽∧∨¬↓↑σΔ∆ρμ∂∫√−∞≈∝÷"
_NOTATION = re.compile(
    rf"[{_SYMBOLS}]|x[{BAR}{TILDE}]|\b(?:n|N|med)\(|\bE\[|\b[A-Za-z_]\w*\(\s*t\s*\)"
    r"|(?<![\w'’])t\s*(?:[=<>]|!=)\s*[\d\[]"  # "t = 1952": the variable t for the time
)
# In ASCII, "|" for "given" after an aggregate written as a function: "mean(tip) per day | smoker = No".
_GIVEN_BAR = re.compile(r"\b(?:mean|avg|sum|max|min|median)\s*\(.*\|\s*[A-Za-z_][\w ]*?\s*(?:[=<>]|!=)", re.S)

_I = re.IGNORECASE
# What no plan can draw, with the words naming it.
_CANNOT = [
    (re.compile(r"σ\s*(?:²|\^?\s*2)|(?i:\bvar)\s*\("), "a variance (“σ²”)"),
    (re.compile(r"σ|(?i:\b(?:sd|std|stdev|stddev))\s*\("), "a standard deviation (“σ”)"),
    (re.compile(r"ρ|(?i:\b(?:corr?|r))\s*\("), "a correlation (“ρ”)"),
    (re.compile(r"[∂′]|\bd\w*\s*/\s*dt\b"), "a derivative"),
    (re.compile(r"[Δ∆]"), "a change or difference between values (“Δ”)"),
    (re.compile(r"∫"), "an integral (“∫”)"),
    (re.compile(r"√|(?i:\b(?:log|ln|exp|sqrt))\s*\("), "a transformed value (a root or a logarithm)"),
    (re.compile(r"−"), "a difference between two quantities (“−”)"),
    (re.compile(r"÷"), "a ratio of two quantities (“÷”)"),
    (re.compile(r"∃"), "“there exists” (“∃”)"),
]

# Arithmetic between two quantities ("Σ tip / Σ total_bill", "Σ medals / pop"): the sign, spaced or after
# a bracket, and what it is; the quantity after it is checked by _Speller._arithmetic.
_ARITHMETIC = re.compile(r"(?:(?<=\S)\s+|(?<=\)))(?P<sign>[-/+×*·])\s*(?=\S)")
_SIGNS = {
    "-": "a difference between two quantities (“-”)",
    "/": "a ratio of two quantities (“/”)",
    "+": "a sum of two different quantities (“+”)",
}
_SIGNS |= dict.fromkeys("×*·", "a product of two quantities (“×”)")
_QUANTITY = re.compile(
    r"\s*(?:[Σ∑μ(]|x[\u0304\u0305\u0303]|(?i:(?:mean|avg|sum|med|median|max|min|n)\s*\()|(?P<name>[A-Za-z_]\w*))"
)
# A condition's operator; its column is read to the left of it, its value or values to the right.
_OPERATOR = re.compile(r"\s*(?P<op>≠|≥|≤|⩾|⩽|!=|<>|>=|<=|==|=|<|>|∉|∈)\s*")
_SQL_OPS = {"≠": "!=", "<>": "!=", "≥": ">=", "⩾": ">=", "≤": "<=", "⩽": "<=", "==": "=", "∈": "in"}
_SQL_OPS["∉"] = "not in"
_COLUMN = re.compile(r"(?P<words>(?:[A-Za-z_][\w.]*\s+){0,2}[A-Za-z_][\w.]*(?:\s*\(\s*t\s*\))?)\s*$")
_STOP = r"per|by|for|with|over|as|sorted|sort|top|bottom|one|split|colou?red|and|or|from|since|until"
_WORD = r"[^\s,;|∧∨&{}\[\]()↓↑]+"
# A condition's value: a set "{Sat, Sun}", a span "[1962, 2002]", an open interval or a list "(a, b)", a
# quoted value, a number with thousands separators, or words up to a comma, a joiner or a word of the request.
_VALUE = re.compile(
    r"(?P<set>\{[^{}]*\})|(?P<span>\[[^\[\]]*\])|(?P<open>\([^()]*,[^()]*\))"
    r"|(?P<one>'[^']*'|\"[^\"]*\"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
    rf"|{_WORD}(?:\s+(?!(?:{_STOP})\b){_WORD})*)",
    _I,
)
# Words before a condition that only say "where": the spelt condition carries its own preposition.
_GIVEN = re.compile(r"(?:\||∀|\bgiven\b|\bwhere\b|\bwith\b|\bfor\b|\bs\.t\.|\bsuch\s+that\b|:)\s*$", _I)
_TIME_NAMES = {"t", "year(t)", "yr(t)", "date(t)", "time(t)"}
_PRESENTATION = {"colour", "color", "hue", "series", "split", "group", "legend"}
_YEARISH = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def unmaths(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    if not (_NOTATION.search(text) or _GIVEN_BAR.search(text)):
        return text
    try:
        return _Speller(model).spell(text)
    except Refused as exc:
        raise NotInTheData(
            f"chartq cannot chart {exc.what}. It reads requests in mathematical notation with x̄ or mean() "
            "(the average), Σ (the total), med(), n(), max() and min(), conditions after “|” joined by “,” "
            "or “∧” (=, ≠, <, >, ≤, ≥, ∈ {…}, ∉ {…}), a time span t ∈ [a, b], and ↓ or ↑ for the order. "
            "Try e.g. “x̄(tip) per day | meal = Dinner” (the average tip per day at dinner)."
        ) from None


class _Speller:
    def __init__(self, model: SemanticModel) -> None:
        # Each name of a column, spaces for underscores, -> (kind, the model's name). A dimension's own name
        # or column comes first, then a measure's names, then a dimension's label and synonyms (as the SQL
        # reader reads them: "medal" is the medal dimension, "medals" the measure).
        names: dict[str, tuple[str, str]] = {}
        for ds in model.datasets:
            if ds.time is not None:
                names.setdefault(key(ds.time.column), ("time", ds.time.column))
            for d in ds.dimensions:
                for n in (d.name, d.column):
                    names.setdefault(key(n), ("dimension", d.name))
        for ds in model.datasets:
            for m in ds.measures:
                computed = m.divide_by or m.multiply_by
                for n in (m.name, m.label, *m.synonyms, *(() if computed else (m.column,))):
                    names.setdefault(key(n), ("measure", m.name))
        for ds in model.datasets:
            for d in ds.dimensions:
                for n in (d.label, *d.synonyms):
                    names.setdefault(key(n), ("dimension", d.name))
        self._names = names
        self._dims = {d.name: d for ds in reversed(model.datasets) for d in ds.dimensions}
        self._sql = SqlReader(model)

    def spell(self, text: str) -> str:
        # "per day × sex": a second grouping, not a product.
        text = re.sub(r"\b(per\s+[A-Za-z_][\w ]*?)\s*×\s*", r"\1 split by ", text)
        for pattern, what in _CANNOT:
            if pattern.search(text):
                raise Refused(what)
        self._arithmetic(text)
        text = self._conditions(text)
        text = aggregates(text, self._names)
        text = shapes(text)
        left = re.search(rf"(?:[\w.]+\s*)?(?P<sign>[{_SYMBOLS}×]|x?[{BAR}{TILDE}])(?:\s*[^\s,;|]+)?", text)
        if left:
            raise Refused(f"“{left[0]}” (chartq could not read what “{left['sign']}” says there)")
        text = re.sub(r"\s*\|\s*", " ", text)
        text = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(text.split()))
        return re.sub(r",(?:\s*,)+", ",", text).strip(" ,")

    def _arithmetic(self, text: str) -> None:
        """Refuses arithmetic between two quantities; a ratio inside an aggregate's brackets ("x̄(tip /
        total_bill)", the tip percentage) is left to the SQL reader, which knows the measures so defined."""
        text = re.sub(r"\(\s*[A-Za-z_]\w*\s*/\s*[A-Za-z_]\w*\s*\)", "(ratio)", text)
        for sign in _ARITHMETIC.finditer(text):
            after = _QUANTITY.match(text, sign.end())
            if after and (not after["name"] or self._names.get(key(after["name"]), ("",))[0] == "measure"):
                raise Refused(_SIGNS[sign["sign"]])

    # --- conditions -------------------------------------------------------------------------------------
    def _conditions(self, text: str) -> str:
        found = self._find(text)
        if not found:
            return text
        out, pos = [], 0
        for run in runs(text, found):
            said = self._say_run(run)
            before = text[pos : run[0][0].start]
            if said is not None:
                before = _GIVEN.sub("", before.rstrip())
            out.append(before.rstrip() + " " if before.strip() else before)
            out.append(said if said is not None else text[run[0][0].start : run[-1][0].end])
            pos = run[-1][0].end
        out.append(text[pos:])
        return "".join(out)

    def _find(self, text: str) -> list[Condition]:
        found: list[Condition] = []
        for op in _OPERATOR.finditer(text):
            if found and op.start() < found[-1].end:
                continue
            column = _COLUMN.search(text, 0, op.start())
            value = _VALUE.match(text, op.end())
            if column is None or value is None:
                continue
            named = self._column(column["words"], value)
            if named is None:
                continue
            start, kind, name = column.start("words") + named[0], named[1], named[2]
            if found and start < found[-1].end:
                continue
            listed = value["set"] or value["span"] or value["open"]
            if listed:
                values = tuple(unquote(v.strip()) for v in listed[1:-1].split(",") if v.strip())
            else:
                values = (unquote(value["one"].strip()),)
            brackets = listed[0] if listed else ""
            found.append(Condition(start, value.end(), name, kind, op["op"], values, brackets))
        return found

    def _column(self, words: str, value: re.Match[str]) -> tuple[int, str, str] | None:
        """Where in `words` the column named just before an operator starts, what it is and its name."""
        pieces = list(re.finditer(r"[A-Za-z_][\w.]*(?:\s*\(\s*t\s*\))?", words))
        for at in range(len(pieces)):
            phrase = re.sub(r"\s*\(\s*t\s*\)$", "(t)", key(words[pieces[at].start() :]))
            if phrase.endswith("(t)") and phrase not in _TIME_NAMES:
                phrase = phrase[:-3].strip()  # "price(t) > 100": a condition on the price
            if phrase in _TIME_NAMES:
                return pieces[at].start(), "time", "<time>"
            if phrase in _PRESENTATION and self._names.get(key(value[0]), ("",))[0] == "dimension":
                return pieces[at].start(), "presentation", self._names[key(value[0])][1]
            kind, name = self._names.get(phrase, ("", ""))
            if kind == "dimension" and phrase == "time" and _YEARISH.match(unquote(value[0].strip("[]{} "))):
                return pieces[at].start(), "time", "<time>"
            if kind:
                return pieces[at].start(), kind, name
        return None

    def _say_run(self, run: list[tuple[Condition, str]]) -> str | None:
        """A run of conditions joined by "and" or "or", in words; None when one is not read."""
        groups: list[list[Condition]] = [[run[0][0]]]
        for cond, joiner in run[1:]:
            if joiner == "or":
                groups[-1].append(cond)
            else:
                groups.append([cond])
        said = []
        for group in groups:
            cond = group[0] if len(group) == 1 else either(group)
            phrase = self._say(cond)
            if phrase is None:
                return None
            said.append(phrase)
        return " ".join(said)

    def _say(self, cond: Condition) -> str | None:
        op = _SQL_OPS.get(cond.op, cond.op)
        if cond.kind == "presentation":
            return f"coloured by {self._label(cond.column)}"
        spans = cond.kind != "dimension" or self._dims[cond.column].type == "number"
        if cond.brackets == "(" and spans:
            raise Refused(f"an open interval (“{cond.op} ({', '.join(cond.values)})”); write the span [a, b]")
        if cond.kind == "time":
            if cond.brackets == "[" and op == "in" and len(cond.values) == 2:
                return f"from {cond.values[0]} to {cond.values[1]}"
            if op == "in" and len(cond.values) > 1:
                raise Refused(
                    f"separate periods (“{cond.op} {{{', '.join(cond.values)}}}”); ask for one, or a span "
                    "t ∈ [a, b]"
                )
            if op == "in":
                return f"in {cond.values[0]}"
            if op in ("!=", "not in"):
                raise Refused(f"a time span with “{cond.op}” (a period left out)")
            return on_time(op, cond.values[0], None)
        if cond.kind == "measure" and any(
            key(v) in self._names or _NOTATION.search(v) or re.search(r"[\u0300-\u036f]", v)
            for v in cond.values
        ):
            raise Refused(f"a condition comparing {cond.column} with “{', '.join(cond.values)}”")
        if cond.brackets == "[" and spans:
            if op not in ("in", "not in") or len(cond.values) != 2:
                raise Refused(f"a condition on {cond.column} with “{cond.op}” and a span")
            where = f"where {cond.column} {'not ' if op == 'not in' else ''}between "
            where += f"{quoted(cond.values[0])} and {quoted(cond.values[1])}"
        elif op in ("in", "not in"):
            where = f"where {cond.column} {op} ({', '.join(quoted(v) for v in cond.values)})"
        else:
            where = f"where {cond.column} {op} {quoted(cond.values[0])}"
        try:
            said = self._sql.rewrite(where)
        except UnchartableQuestion as exc:
            raise Refused(f"“{cond.column} {cond.op} {', '.join(cond.values)}” ({exc})") from None
        return None if said.lower().startswith("where ") else said

    def _label(self, name: str) -> str:
        return self._dims[name].label.lower() if name in self._dims else name

# The notation is this module's subject: its symbols ("Σ", "μ") are meant, not confusable letters.
"""The functions and marks of a request in mathematical notation (worker.planner.maths_notation) spelt in
words: aggregates ("x̄(tip)" the average tip, "Σ pop" the total population, "med(total_bill)", "n(tables)"
the number of tables), a measure of time or of a value ("price(t)" over time, "votes(Joly)" for Joly), a
scatter's pair "(petal_length, petal_width)", "∀ flowers", and the order ("sorted ↓", "top 5 ↓").
"""

from __future__ import annotations

import re

from worker.planner.versus_names import listed

__all__ = ["BAR", "TILDE", "Refused", "aggregates", "key", "shapes"]

BAR = "\u0304\u0305"  # combining macron and overline: x̄
TILDE = "\u0303"  # combining tilde: x̃, the median
_I = re.IGNORECASE


class Refused(Exception):
    """Notation no plan can draw; `what` names it for the refusal."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


# --- aggregates and functions --------------------------------------------------------------------------
# Each aggregate: its functions' names, the symbols written before a measure, its word and its SQL name.
_AGGREGATES = [
    (r"mean|avg|average|μ|E", rf"x[{BAR}]|μ", "average", "avg"),
    (r"sum|Σ|∑", r"[Σ∑]", "total", "sum"),
    (r"med|median", rf"x{TILDE}", "median", "median"),
    (r"max", None, "maximum", "max"),
    (r"min", None, "minimum", "min"),
]


def aggregates(text: str, names: dict[str, tuple[str, str]]) -> str:
    # "n(tables)", "#tables": the number of rows.
    text = re.sub(
        r"\b[nN]\(\s*([^()]+?)\s*\)|#\s*\(?\s*([A-Za-z_]\w*)\s*\)?",
        lambda m: f"number of {m[1] or m[2]}",
        text,
    )
    # A measure of time or of values: "price(t)" over time, "votes(Joly)" for Joly.
    text = re.sub(r"\b([A-Za-z_]\w*)\(\s*([^()|]*?)\s*\)", lambda m: _of(m, names), text)
    for functions, symbols, word, sql in _AGGREGATES:
        # "x̄(tip | smoker = No)": the condition inside is said after the measure; "x̄(tip / total_bill)"
        # is left to the SQL reader, which knows the measures defined as ratios.
        def said(m: re.Match[str], word: str = word, sql: str = sql) -> str:
            given = m[2] or ""
            if names.get(key(given), ("",))[0] == "dimension":
                given = f"per {given}"  # "x̄(tip | day)": the average given the day, per day
            if "/" in m[1]:
                return f"{sql}({m[1]})" + (f" {given}" if given else "")
            return f"{word} {m[1]}" + (f" {given}" if given else "")

        opener = rf"(?:{symbols}|(?<![\w])(?:{functions}))" if symbols else rf"\b(?:{functions})"
        text = re.sub(rf"{opener}\s*[(\[]\s*([^()\[\]|]+?)\s*(?:\|\s*([^()\[\]]*?)\s*)?[)\]]", said, text)
        if symbols:
            text = re.sub(rf"(?:{symbols})\s*_?\s*(?=[A-Za-z_])", f"{word} ", text)
    return text


def _of(m: re.Match[str], names: dict[str, tuple[str, str]]) -> str:
    name, args = m[1], [a.strip() for a in m[2].split(",") if a.strip()]
    if names.get(key(name), ("",))[0] != "measure" or not args:
        return m[0]
    over_time = "t" in args
    values = [a for a in args if a != "t"]
    said = name + (f" for {listed(values)}" if values else "")
    return said + (" over time" if over_time else "")


# --- the chart's shape and order --------------------------------------------------------------------------
def shapes(text: str) -> str:
    # A scatter's pair: "(petal_length, petal_width)".
    text = re.sub(
        rf"(?<![\w{BAR}{TILDE}])\(\s*([A-Za-z_][\w ]*?)\s*,\s*([A-Za-z_][\w ]*?)\s*\)", r"\1 vs \2", text
    )
    text = re.sub(r"∀\s*", "for all ", text)
    ambiguous = re.search(r"\b(?:top\s+\d+\s*↑|bottom\s+\d+\s*↓)", text, _I)
    if ambiguous:
        raise Refused(
            f"“{ambiguous[0]}” (the lowest ones, or the highest ones shown lowest first?): ask for the top "
            "or the bottom ones"
        )
    text = re.sub(r"\b(top|bottom)\s+(\d+)\s*[↓↑]", r"\1 \2", text, flags=_I)
    # "sorted ↓", or an arrow that ends a clause ("Σ pop per continent ↓"); "tips ↑ on Sundays" is left
    # unread (and refused) as a rise is no order.
    sorted_ = r"\b(?:sorted|sort|ordered|order|ranked)\s*(?:by\s+[\w ]+?\s*)?(?P<a>[↓↑])"
    ending = r"(?P<b>[↓↑])(?=\s*(?:[,;.)]|$))"
    text = re.sub(
        rf"{sorted_}|{ending}",
        lambda m: "highest first" if (m["a"] or m["b"]) == "↓" else "lowest first",
        text,
        flags=_I,
    )
    return re.sub(r"∧", " and ", text)


# --- small helpers ---------------------------------------------------------------------------------------
def key(name: str) -> str:
    """A name as looked up: lower case, spaces for underscores."""
    return " ".join(name.lower().replace("_", " ").split())

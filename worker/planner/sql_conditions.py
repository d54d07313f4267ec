"""The conditions of a SQL-flavoured WHERE clause said in the words the readers know (for
worker.planner.sql_syntax): on the time column ("year >= 1977" is "since 1977"), on a measure ("with total
bill between 10 and 20") and on a dimension ("for Sat and Sun only", "excluding Africa", "excluding parties
of 2", "for non-smokers only")."""

from __future__ import annotations

from worker.planner.errors import UnchartableQuestion
from worker.planner.lexicon import row_nouns
from worker.semantic import Dataset, Dimension

__all__ = ["on_dimension", "on_measure", "on_time"]


def on_time(op: str, value: str, hi: str | None) -> str:
    if "between" in op:
        return f"from {value} to {hi}"
    return {
        "=": f"in {value}",
        "==": f"in {value}",
        ">=": f"since {value}",
        ">": f"after {value}",
        "<=": f"until {value}",
        "<": f"before {value}",
    }.get(op, f"{op} {value}")


def on_measure(label: str, op: str, value: str, hi: str | None) -> str:
    if "between" in op:
        return f"with {label} {'not ' if 'not' in op else ''}between {value} and {hi}"
    words = {">": "over", ">=": "at least", "<": "under", "<=": "at most", "=": "of", "==": "of"}
    if op not in words:
        raise UnchartableQuestion(f"chartq cannot keep {label} {op} {value}; use a range instead.")
    return f"with {label} {words[op]} {value}"


def on_dimension(ds: Dataset, dim: Dimension, op: str, values: list[str], hi: str | None = None) -> str:
    said = [_value(ds, dim, v) for v in values]
    listed = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
    if op in ("!=", "<>", "not in"):
        return f"excluding {listed}"
    if op in ("=", "==", "in"):
        return f"for {listed} only"
    if dim.type == "number" and op in (">", ">=", "<", "<="):
        noun = next((n for n, d in row_nouns(ds).items() if d == dim.name and n.endswith("s")), None)
        said_op = {
            ">": "of more than {}",
            ">=": "of {} or more",
            "<": "of fewer than {}",
            "<=": "of {} or fewer",
        }
        if noun:
            return f"{noun} {said_op[op].format(values[0])}"
    # "size between 2 and 5": a range on a number dimension, both ends kept.
    if dim.type == "number" and op == "between" and hi is not None:
        noun = next((n for n, d in row_nouns(ds).items() if d == dim.name and n.endswith("s")), None)
        if noun:
            return f"{noun} of {values[0]} to {hi}"
    raise UnchartableQuestion(f"chartq cannot compare {dim.label.lower()} with “{op}”; name its values.")


def _value(ds: Dataset, dim: Dimension, value: str) -> str:
    """A value as the readers know it: the data's own spelling, a synonym where bare values are not read
    ("smoker = 'No'" is "non-smokers"), or a number dimension's rows ("size = 2" is "parties of 2")."""
    if dim.type == "number":
        noun = next((n for n, d in row_nouns(ds).items() if d == dim.name and n.endswith("s")), None)
        return f"{noun} of {value}" if noun else f"{dim.label.lower()} {value}"
    known = next((v for v in dim.values if str(v).lower() == value.lower()), value)
    if dim.match_values:
        return str(known)
    synonym = next((s for s, v in dim.value_synonyms.items() if str(v).lower() == value.lower()), None)
    return synonym or f"{dim.label.lower()} {known}"

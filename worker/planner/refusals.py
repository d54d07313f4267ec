"""The sentences of the rule planner's refusals: what the data lacks, what it has instead, and a question
that works ("Try e.g. “votes by district”"), worded from the semantic model.
"""

from __future__ import annotations

import re

from worker.planner.shape import Reading
from worker.planner.time_phrases import TimePeriod
from worker.planner.titles import join_names, lower_label
from worker.planner.vocabulary import Scan, entity_dimensions
from worker.semantic import Dataset

__all__ = ["lacks", "no_such_group", "outside_the_data", "suggest", "what_it_has"]


def _label(ds: Dataset, r: Reading | None) -> str:
    return lower_label(ds.measure(r.measures[0] if r and r.measures else ds.measures[0].name).label)


def suggest(ds: Dataset, r: Reading | None = None) -> str:
    """ "Try e.g. “average tip by day”.": a question about the dataset that works."""
    label = _label(ds, r)
    dims = [d for d in ds.dimensions if d.type == "category" and d.values] or ds.dimensions
    return (
        f"Try e.g. \u201c{label} by {dims[0].label.lower()}\u201d."
        if dims
        else f"Try e.g. \u201c{label}\u201d."
    )


def what_it_has(ds: Dataset) -> str:
    """ "it can measure tip, total bill, …, by day, meal, sex, smoker and party size"."""
    measures = join_names([lower_label(m.label) for m in ds.measures])
    dims = join_names([d.label.lower() for d in ds.dimensions]) if ds.dimensions else ""
    time = f" over {ds.time.label.lower()}s" if ds.time is not None else ""
    return f"the {ds.name} data has {measures}" + (f", by {dims}" if dims else "") + time


def lacks(ds: Dataset, r: Reading, names: list[str]) -> str:
    """Names the entities the data has, for a question about ones it hasn't ("Tesla stock price")."""
    dim = min(entity_dimensions(ds), key=lambda d: len(d.values))
    values = [str(v) for v in dim.values]
    kind = lower_label(dim.label)
    has = f"{join_names(values)} ({kind})"
    if len(values) > 8:
        has = f"{len(values)} {kind} values, such as {join_names(values[:3])}"
    label = _label(ds, r)
    verb = "isn't" if len(names) == 1 else "aren't"
    return (
        f"The {ds.name} data has {label} for {has}; {join_names(names)} {verb} among them. "
        f"Try e.g. \u201c{label} {dim.preposition} {values[0]}\u201d."
    )


def no_such_group(ds: Dataset, r: Reading, group: str) -> str:
    """Names the dimensions a dataset can group by, for a grouping it hasn't ("by payment method")."""
    dims = [lower_label(d.label) for d in ds.dimensions]
    label = _label(ds, r)
    if not dims:
        return f"The {ds.name} data has nothing to group by. Try e.g. \u201c{label}\u201d."
    return (
        f"The {ds.name} data has no \u201c{group}\u201d to group by; it can group by {join_names(dims)}. "
        f"Try e.g. \u201c{label} by {dims[0]}\u201d."
    )


def outside_the_data(ds: Dataset, period: TimePeriod, scan: Scan) -> str:
    """Says which period the data covers and suggests the question with a period inside it instead."""
    low, high = str(ds.time_min), str(ds.time_max)
    yearly = ds.time is not None and ds.time.grain == "year"
    asked = " and ".join(f"\u201c{scan.excerpt(span)}\u201d" for span in period.spans)
    if yearly:
        inside = f"from {max(int(low[:4]), int(high[:4]) - 10)} to {high[:4]}"
    else:
        inside = f"in {high[:4]}" if high[:4] > low[:4] else f"from {low} to {high}"
    example = _with_period(scan.without(period.spans), inside)
    covers = f"{low}\u2013{high}" if yearly else f"{low} to {high}"
    return (
        f"The {ds.name} data covers {covers}, so {asked} is outside it; {what_it_has(ds)}. "
        f"Try a period inside it, e.g. \u201c{example}\u201d."
    )


# Words left hanging once the period is cut out ("by the end of 2020" -> "by the end").
_DANGLING = re.compile(
    r"(?:\s+(?:(?:at|by|to|until|till|from|since|in|for|during|before|after|around|towards?)\s+)?"
    r"(?:the\s+)?(?:very\s+)?(?:end|start|beginning|middle|close)(?:\s+of)?"
    r"|\s+(?:at|by|to|until|till|from|since|in|for|of|during|before|after|around|through))+\s*$",
    re.IGNORECASE,
)


# A preposition left before a mark where the period was cut out ("price across , as a line").
_HOLE = re.compile(
    r"\s+(?:in|from|since|across|through|throughout|over|during|until|till|by|for|of|at)(?=\s*[,;:])|\s+(?=[,;:])",
    re.IGNORECASE,
)


def _with_period(rest: str, inside: str) -> str:
    """The question with the period put back at its end, and its closing mark after it."""
    rest = _HOLE.sub("", rest.strip())
    mark = rest[-1] if rest.endswith(("?", "!", ".")) else ""
    rest = _DANGLING.sub("", rest.rstrip("?!. ")).rstrip(" ,;:")
    # "..., please" stays the question's last words: the period goes before them.
    polite = re.search(r",?\s+(?P<p>(?:if\s+you\s+)?please|pls|thanks|thank\s+you)$", rest, re.IGNORECASE)
    if polite is not None:
        return f"{rest[: polite.start()]} {inside}, {polite['p']}{mark}".strip()
    return f"{rest} {inside}{mark}".strip()

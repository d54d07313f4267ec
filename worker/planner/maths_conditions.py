"""Conditions written in mathematical notation (worker.planner.maths_notation): each one found ("meal =
Dinner", "t ∈ [2000, 2007]"), the runs they form when joined by "," / "∧" (and) or "∨" (or), and a run of
"or"s on one column read as one "∈" condition ("day = Sat ∨ day = Sun" is "day ∈ {Sat, Sun}")."""
# The notation's own symbols (∨, ∧, ∈) are the point here, not look-alike letters.
# ruff: noqa: RUF001, RUF002, RUF003

from __future__ import annotations

import re
from dataclasses import dataclass

from worker.planner.maths_functions import Refused

__all__ = ["Condition", "either", "quoted", "runs", "unquote"]

_AND = re.compile(r"\s*(?:,|∧|&&?|\band\b)\s*", re.IGNORECASE)
_OR = re.compile(r"\s*(?:∨|\|\||\bor\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Condition:
    start: int
    end: int
    column: str  # the model's name, "<time>" or a presentation key
    kind: str  # "time", "measure", "dimension" or "presentation"
    op: str  # as written
    values: tuple[str, ...]
    brackets: str  # "{" for a set, "[" for a span, "(" for an open interval or a list, "" for one value


def runs(text: str, found: list[Condition]) -> list[list[tuple[Condition, str]]]:
    """Conditions next to each other, each with the joiner before it ("and" or "or"; "" for the first)."""
    found_runs: list[list[tuple[Condition, str]]] = []
    for cond in found:
        if found_runs:
            between = text[found_runs[-1][-1][0].end : cond.start]
            if _AND.fullmatch(between) or not between.strip():
                found_runs[-1].append((cond, "and"))
                continue
            if _OR.fullmatch(between):
                found_runs[-1].append((cond, "or"))
                continue
        found_runs.append([(cond, "")])
    return found_runs


def either(group: list[Condition]) -> Condition:
    """Conditions joined by "or" ("∨"), as one: only values of one column, each kept ("∈")."""
    columns = {c.column for c in group}
    if len(columns) > 1 or any(c.kind != "dimension" or c.op not in ("=", "==", "∈") for c in group):
        raise Refused("an “or” (“∨”) between conditions on different columns or ranges; ask for each in turn")
    values = tuple(v for c in group for v in c.values)
    first = group[0]
    return Condition(first.start, group[-1].end, first.column, first.kind, "∈", values, "{")


def unquote(value: str) -> str:
    return value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"" else value


def quoted(value: str) -> str:
    return value if re.fullmatch(r"-?\d+(?:\.\d+)?", value) else "'" + value.replace("'", "") + "'"

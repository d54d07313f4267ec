"""Chart forms said in words, which set the chart's series (or keep it to one):

- "the continents in different colours", "with a separate colour for each continent", "a separate bar for
  each candidate", "one series per ticker", "a line for every species": the dimension named colours the
  chart (its series), whatever else is on the x axis;
- "with a separate bar for lunch and dinner", "one line each for Apple and Google": the same, named by
  the dimension's values (kept to those values when they are not all of them);
- "one series each", "as separate series": the values named are drawn one each, as they are anyway;
- "as a single line", "plot a single line of …": the values named drawn as one line, so combined.
"""

from __future__ import annotations

import re

from worker.planner.entities import split_by_values
from worker.planner.vocabulary import Scan, Vocabulary, normalize
from worker.semantic import DimensionValue

__all__ = ["ONE_LINE", "claim_series_each", "separate_groups", "separate_values"]

# What is drawn once per value: a colour, a bar, a line, a series.
_MARK = r"(?:colou?r|bar|column|line|series|slice)s?"
_SEPARATE = r"(?:separate|different|distinct|individual)"
# "as a single line", "plot a single line of …": one line for everything named.
# A terse "one line" is too, unless a value or grouping follows ("one line per country", "one line each").
ONE_LINE = re.compile(
    r"(?<!\w)(?:(?:as|in|on)\s+(?:a\s+)?(?:single|one)|a\s+single"
    r"|one(?=\s+line\s*(?:$|[,.;?!]|(?:19|20)\d\d\b|(?:of|in|since|from|over|for\s+all)\b)))(?=\s+line(?!s))"
)
# "with a separate bar for lunch and dinner", "one line each for Apple and Google".
_FOR_VALUES = re.compile(
    rf"(?<!\w)(?:with\s+)?(?:(?:a|one)\s+(?:{_SEPARATE}\s+)?|{_SEPARATE}\s+){_MARK}\s+(?:each\s+)?"
    r"(?:for|per)\s+(?:each\s+of\s+)?(?:the\s+)?"
)
# "one series each", "as separate series", "with a separate line for each": the mark word ("line") is left
# for the chart type.
_EACH = re.compile(
    rf"(?P<pre>(?<!\w)(?:(?:with|as|in)\s+)?(?:(?:one|a|its\s+own|their\s+own)\s+(?:{_SEPARATE}\s+)?|"
    rf"{_SEPARATE}\s+))(?:series(?:\s+(?:each|apiece))?(?!\w)|(?P<mark>{_MARK})\s+"
    r"(?P<post>each|apiece|for\s+each(?:\s+(?:one|of\s+them))?)(?=\s*(?:$|[?.!,;:])))"
)

# "lunch and dinner as separate bars", "men and women in separate colours": the values named before it are
# drawn one each, as they are anyway; the mark word ("bars") is left for the chart type.
# "as separate series" is read whole below.
_AS_SEPARATE = re.compile(
    rf"(?<!\w)(?:as|in)\s+{_SEPARATE}(?=\s+(?:colou?r|bar|column|line|slice)s?\s*(?:$|[?.!,;:]))"
)


def separate_groups(scan: Scan, vocab: Vocabulary) -> list[tuple[str, bool, bool]]:
    """ "the continents in different colours", "each species in (as) its own colour", "a separate bar for each
    candidate", "one series per ticker": the dimensions that colour the chart (its series), each with
    whether it asked for lines ("one line per company" is a line over time, not a bar) and whether it is the
    chart's axis instead ("silver and bronze medals by nation, as one bar per nation": one bar each, the
    values named added together). Claims them."""
    dims = vocab.dims[0]
    if dims is None:
        return []
    pattern = re.compile(
        rf"(?<!\w)(?:with\s+)?(?:the\s+|each\s+)?(?P<d>{dims.pattern})\s+(?:in|as)\s+(?:{_SEPARATE}|its\s+own|"
        r"their\s+own)\s+colou?rs?(?!\w)|"
        rf"(?<!\w)(?:with\s+)?(?:(?P<one>one|a\s+single)\s+(?P<mark>{_MARK})|(?:(?:a|one)\s+(?:{_SEPARATE}\s+)?|{_SEPARATE}\s+)"
        rf"(?P<mark2>{_MARK}))\s+(?:for|per)\s+(?:each\s+|every\s+)?(?P<e>{dims.pattern})(?!\w)"
    )
    found = []
    for m in scan.take(pattern):
        dim = vocab.dims[1][normalize(m["d"] or m["e"])]
        mark = (m["mark"] or m["mark2"] or "").lower()
        axis = bool(m["one"]) and mark.startswith("bar") and _grouped_by(scan, vocab, dim)
        found.append((dim, mark.startswith("line"), axis))
    return found


def _grouped_by(scan: Scan, vocab: Vocabulary, dim: str) -> bool:
    """Whether the question groups by `dim` ("by nation", "of each nation") outside what was read, and by
    no other dimension ("the votes of each candidate, by districts, one bar per candidate" colours by it)."""
    dims = vocab.dims[0]
    if dims is None:
        return False
    said = re.finditer(rf"(?<!\w)(?:by|per|each|every)\s+(?:the\s+)?(?P<d>{dims.pattern})(?!\w)", scan.text)
    grouped = {vocab.dims[1][normalize(m["d"])] for m in said if scan.free(m.span())}
    return grouped == {dim}


def separate_values(scan: Scan, vocab: Vocabulary) -> tuple[str, list[DimensionValue]] | None:
    """ "with a separate bar for lunch and dinner": the dimension of the values named is the series."""
    return split_by_values(scan, vocab, _FOR_VALUES)


def claim_series_each(scan: Scan) -> None:
    """ "one series each", "as separate series", "with a separate line for each", "as separate bars": one
    line (or bar) per value named, which the chart draws anyway."""
    for m in list(_AS_SEPARATE.finditer(scan.text)):
        if scan.free(m.span()):
            scan.claim(m.span())
    for m in list(_EACH.finditer(scan.text)):
        if scan.free(m.span()):
            scan.claim(m.span() if m["mark"] is None else m.span("pre"))
            if m["post"] is not None:
                scan.claim(m.span("post"))

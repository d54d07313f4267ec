"""Values left out that the general exclusion reader (worker.planner.exclusions) does not see as values:

- Codes written in capitals as the data stores them, for a dimension whose values are not matched as
  words: "every direction apart from N, E, S and W" leaves out those four compass points. Lower-case "n"
  or "s" could be "and" or a plural, so only the capitals as stored are read, and only after an
  exclusion word.
- The kind of result the rows had, said as who or what decided them: "not counting the ones decided by
  a plurality", "except those won by a majority" leave out the rows of that value ([result, ne,
  plurality]). A winner named this way ("the ones won by Joly") is read before, as a winner.
"""

from __future__ import annotations

import re

from worker.planner.entities import JOIN, Found, winner_dimensions
from worker.planner.vocabulary import Scan, Vocabulary, normalize

__all__ = ["excluded_codes", "excluded_kinds"]


def excluded_codes(scan: Scan, vocab: Vocabulary, at: int) -> tuple[Found, int]:
    """ "apart from N, E, S and W": capital codes of a dimension whose values are not read as words."""
    if scan.shown == scan.text:
        return [], at  # the question's capitals are not known: a lone "n" may be "and"
    for dim in vocab.ds.dimensions:
        codes = {str(v): v for v in dim.values if re.fullmatch(r"[A-Z]{1,4}", str(v))}
        if dim.type != "category" or dim.match_values or not codes:
            continue
        body = "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))
        item = re.compile(rf"(?:the\s+)?(?P<v>{body})(?![\w+-])")
        found: Found = []
        end = at
        while (v := item.match(scan.shown, end)) is not None and scan.free(v.span()):
            found.append((dim.name, codes[v["v"]]))
            end = v.end()
            join = JOIN.match(scan.text, end)
            if join is None or not join.group().strip() or item.match(scan.shown, join.end()) is None:
                break
            end = join.end()
        if found:
            return found, end
    return [], at


# "decided by a plurality", "won with a majority" (a transcript's "won with" for "decided by").
_DECIDED = (
    r"\s+(?:(?:that|which)\s+(?:were|was)\s+)?(?:decided|won|carried|taken|settled)"
    r"\s+(?:by|with)\s+(?:an?\s+)?"
)


def excluded_kinds(scan: Scan, vocab: Vocabulary, at: int) -> tuple[Found, int]:
    """ "not counting the ones decided by a plurality": the rows of that value, left out."""
    values, nouns = vocab.values[0], vocab.dims[0]
    if values is None:
        return [], at
    rows = rf"(?:those|ones|the\s+ones{'|' + nouns.pattern if nouns is not None else ''})"
    head = re.compile(rows + _DECIDED, re.IGNORECASE).match(scan.text, at)
    if head is None:
        return [], at
    v = values.match(scan.text, head.end())
    if v is None or not scan.free(v.span()):
        return [], at
    value = vocab.values[1][normalize(v[0])]
    if any(value[0] == d.name for d in winner_dimensions(vocab.ds)):
        return [], at  # "the ones won by Joly": a winner, read as one before
    return [value], v.end()

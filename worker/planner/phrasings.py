"""Ways of saying things that the other readers would miss, each read into what it means:

- "break the votes down by district", "a breakdown by type": the parts of something, which names no chart
  type (bars, unless a chart is named);
- "for the setosa and versicolor flowers only": values named as a restriction, not compared one by one;
- "how does the tip change with the size of the party", "vary from day to day": a grouping, not time;
- "only the 10 first", "the first 5": how many a ranking shows;
- "counting every strength band", "over the whole two years" (of two years of data), "the biggest
  population of one country for each continent": all of the data, which the chart shows anyway.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.planner.time_phrases import COUNT, parse_count
from worker.planner.vocabulary import Scan, Vocabulary, normalize

__all__ = [
    "claim_breakdowns",
    "claim_wholes",
    "read_divided",
    "read_first_count",
    "read_in_order",
    "read_restricted",
    "read_varying",
]

# "a cross-tab of tables by day and sex" is a breakdown by two groupings, which the question names.
_BREAKDOWN = re.compile(
    r"(?<!\w)(?:breakdown|break(?:s|ing)?\s+(?:it\s+|them\s+)?down|cross[-\s]?tab(?:ulation|ulate)?s?)(?!\w)"
)
# "Break China's and Canada's medal tallies down by colour": the verb and its particle apart.
_BREAK_APART = re.compile(
    r"(?<!\w)(?P<b>break(?:s|ing)?)\s+(?:[\w'-]+\s+){1,6}?(?P<d>down)(?=\s+(?:by|into|per|between)\b)"
)


def claim_breakdowns(scan: Scan) -> None:
    """Reads "breakdown" and "break … down": the parts, by the grouping the question names."""
    list(scan.take(_BREAKDOWN))
    for m in _BREAK_APART.finditer(scan.text):
        if scan.free(m.span("b")) and scan.free(m.span("d")):
            scan.claim(m.span("b"))
            scan.claim(m.span("d"))


def read_restricted(scan: Scan, vocab: Vocabulary) -> list[str]:
    """ "for the setosa and versicolor flowers only", "virginica and versicolor irises", "the setosa and
    versicolor species", "only versicolor and virginica": the dimensions of several values named before
    the dataset's own noun, their dimension's noun or "only", or after "only", which keep those rows rather
    than compare them (unless they are all of them)."""
    values, names, dims = vocab.values[0], vocab.datasets[0], vocab.dims[0]
    if values is None:
        return []
    nouns = "|".join(p.pattern for p in (names, dims) if p is not None)
    tail = rf"(?:(?:{nouns})\s*)?(?:only|alone)|{nouns}" if nouns else "only|alone"
    listed = rf"(?P<v>(?:{values.pattern})(?:\s*(?:,|\band\b|\bor\b|&|/)\s*(?:{values.pattern}))+)"
    found = []
    # "…, only versicolor and virginica", "just …", "solely …": before the values it keeps them the same.
    leading = re.finditer(rf"(?<!\w)(?:only|just|solely)\s+(?:the\s+)?{listed}(?P<t>)(?!\w)", scan.text)
    # "on saturdays and sundays": days said as habits keep their rows, as "on weekends" does.
    habits = (m for m in re.finditer(rf"(?<!\w)on\s+{listed}(?P<t>)(?!\w)", scan.text) if _habitual(m["v"]))
    for m in [*re.finditer(rf"{listed}\s+(?P<t>{tail})(?!\w)", scan.text), *leading, *habits]:
        said = {vocab.values[1][normalize(v[0])] for v in values.finditer(m["v"])}
        dims_named = {dim for dim, _ in said}
        noun = vocab.dims[1].get(normalize(m["t"]))
        # Every value of the dimension named ("the lunch and dinner meals") keeps nothing out: compared.
        every = len(said) >= len(vocab.ds.dimension(next(iter(dims_named))).values)
        if len(dims_named) == 1 and noun in (None, *dims_named) and not every:
            found.append(dims_named.pop())
    return found


def _habitual(listed: str) -> bool:
    """Whether every value of a list is said in the plural ("saturdays and sundays", not "sat and sun")."""
    said = [w for w in re.split(r"\s*(?:,|\band\b|\bor\b|&|/)\s*", listed) if w]
    return len(said) > 1 and all(re.fullmatch(r"[a-z]{3,}days", w) for w in said)


_VARY = (
    r"change|changes|changed|changing|vary|varies|varied|varying|differ|differs|differed|differing|"
    r"depend|depends|depended|depending|evolve|evolves|go|goes|move|moves"
)


def read_varying(scan: Scan, vocab: Vocabulary) -> list[str]:
    """ "how does the tip change with the size of the party", "the bill varies from day to day": the
    dimension something changes with is the grouping (not a time axis). Claims the words."""
    dims = vocab.dims[0]
    if dims is None:
        return []
    name = dims.pattern
    pattern = re.compile(
        rf"(?<!\w)(?:(?:{_VARY})\s+(?:with|by|across|between|among|according\s+to|on)\s+(?:the\s+|each\s+)?"
        rf"(?P<d>{name})(?:\s+of\s+(?:the\s+|a\s+)?(?P<d2>{name}))?|"
        rf"(?:(?:{_VARY})\s+)?from\s+(?:one\s+)?(?P<a>{name})\s+to\s+(?:another|the\s+next|(?P=a)))(?!\w)"
    )
    found = []
    for m in list(pattern.finditer(scan.text)):
        said = [vocab.dims[1][normalize(m[g])] for g in ("d", "d2", "a") if m[g]]
        if len(set(said)) == 1 and scan.free(m.span()):
            scan.claim(m.span())
            found.append(said[0])
    return found


# "divided among", "shared between"; "split" only after "was" / "were" ("split between" alone colours).
_DIVIDED = r"(?:divided|shared|apportioned)(?:\s+(?:up|out))?"
_COPULA = r"(?:was|is|were|are|gets|got|been)"


def read_divided(scan: Scan, vocab: Vocabulary) -> str | None:
    """ "how the population was divided among the continents": the parts of a whole, one per value of the
    dimension named (a pie, unless a chart is named). Claims the words."""
    dims = vocab.dims[0]
    if dims is None:
        return None
    pattern = re.compile(
        rf"(?<!\w)(?:(?:{_COPULA}\s+)?{_DIVIDED}|{_COPULA}\s+split(?:\s+up)?)\s+(?:among|between|across|amongst)\s+"
        rf"(?:the\s+|all\s+the\s+|its\s+|their\s+)?(?P<d>{dims.pattern})(?!\w)"
    )
    for m in scan.take(pattern):
        return vocab.dims[1][normalize(m["d"])]
    return None


_IN_ORDER = re.compile(
    r"(?<!\w)(?:(?P<noun>(?!(?:kept|left|shown|listed|put|sorted|ordered|arranged)\b)[a-z]+)\s+)?"
    r"(?:(?:kept|left|shown|listed|put|sorted|ordered|arranged)\s+)?in\s+(?:(?:their|its|the)\s+)?"
    r"(?:numeric(?:al)?|calendar|chronological|natural|usual|weekday|original|own)\s+order(?!\w)"
)

_ORDER_OF = re.compile(
    r"(?<!\w)in\s+(?:ascending|increasing|rising)\s+order\s+of\s+(?:the\s+|their\s+)?(?P<d>[a-z]+(?:\s+[a-z]+)?)(?!\w)"
)


# "from the weakest band to the strongest": the bands' own order; said the other way round, or "in reverse
# order", an order no plan keeps (a plan sorts by a measure or keeps the dimension's order).
_STRENGTHS = r"(?:\s+(?:band|one|wind|value)s?)?"
_WEAK_TO_STRONG = re.compile(
    rf"(?<!\w)(?:(?:ordered|sorted|listed|arranged|going)\s+)?from\s+(?:the\s+)?(?:weakest|calmest|calm|lightest|"
    rf"gentlest){_STRENGTHS}\s+(?:up\s+)?to\s+(?:the\s+)?strongest{_STRENGTHS}(?!\w)"
)
# "[Keep The Band Order]", "keeping the days' order", "days kept in (compass) order": the dimension's own
# order.
_KEEP_ORDER = re.compile(
    r"(?<!\w)(?:keep|keeping|kept)\s+(?:(?:the|its|their)\s+(?:[a-z']+\s+)?|in\s+(?:(?:the|its|their)\s+)?"
    r"(?:[a-z']+\s+)?)order(?!\w)"
)
_REVERSED = re.compile(
    rf"(?<!\w)from\s+(?:the\s+)?strongest{_STRENGTHS}\s+(?:down\s+)?to\s+(?:the\s+)?(?:weakest|calmest|calm|"
    rf"lightest|gentlest){_STRENGTHS}(?!\w)|(?<!\w)in\s+reversed?\s+(?:[a-z]+\s+)?order(?!\w)|"
    r"(?<!\w)(?:reversed|backwards)(?!\w)"
)


def read_in_order(scan: Scan, vocab: Vocabulary) -> bool:
    """ "days kept in calendar order", "sizes in numeric order": the dimension's own order, so no sort.
    A noun before it is read with it when it is a word of a dimension ("sizes" of party size)."""
    for m in scan.take(_REVERSED):
        raise UnchartableQuestion(
            f"chartq cannot yet show an order reversed (\u201c{m[0]}\u201d): it keeps a dimension's own "
            f"order or sorts by the measure, highest or lowest first. {suggest(vocab.ds)}"
        )
    for _ in scan.take(_WEAK_TO_STRONG):
        return True
    for _ in scan.take(_KEEP_ORDER):
        return True
    dim_words = {w for k in vocab.dims[1] for w in k.split()}
    # "in ascending order of party size": a dimension's own order, not the measure's.
    for m in list(_ORDER_OF.finditer(scan.text)):
        if normalize(m["d"]) in vocab.dims[1] and scan.free(m.span()):
            scan.claim(m.span())
            return True
    for m in list(_IN_ORDER.finditer(scan.text)):
        start = m.start("noun") if m["noun"] else m.start()
        noun = m["noun"] or ""
        grouping = re.search(r"(?:by|per|each|every|across)\s+$", scan.text[:start])
        if noun and (grouping or (noun not in dim_words and noun.removesuffix("s") not in dim_words)):
            start = m.end("noun")  # "by continent in natural order": the grouping is read on its own
        if scan.free((start, m.end())):
            scan.claim((start, m.end()))
            return True
    return False


_FIRST = re.compile(
    rf"(?<!\w)(?:(?:only|just)\s+)?(?:the\s+)?(?:(?P<n>{COUNT})\s+first|first\s+(?P<m>{COUNT}))(?!\w)"
    r"(?!\s+(?:years?|decades?|months?|weeks?|days?|quarters?|half|halves)\b)",
    re.IGNORECASE,
)


def read_first_count(scan: Scan) -> int | None:
    """ "only the 10 first", "the first 5": how many a ranking shows, in the order asked."""
    for m in scan.take(_FIRST):
        return parse_count(m["n"] or m["m"])
    return None


_EXTREMES = (
    r"biggest|largest|highest|greatest|smallest|lowest|most|least|max|min|maximum|minimum|best|worst|"
    r"longest|shortest|widest|narrowest|richest|poorest"
)


_FULL_SAMPLE = re.compile(
    r"(?<!\w)(?:over|across|for|in|during|throughout)\s+the\s+(?:full|whole|entire)\s+sample(?:\s+period)?(?!\w)"
)


def claim_wholes(scan: Scan, vocab: Vocabulary) -> None:
    """Phrases naming all of the data: "counting every strength band" (a sum over them, which a chart by
    direction is), "over the whole two years" of data that covers two years, and "of one country" in a
    per-group extreme ("the biggest population of one country for each continent"), "over the full sample"."""
    dims = vocab.dims[0]
    if dims is not None:
        every = (
            rf"(?<!not\s)(?<!\w)(?:counting|including)\s+(?:every|each|all(?:\s+the)?)\s+(?:{dims.pattern})"
        )
        list(scan.take(re.compile(rf"{every}(?:\s+bands?)?(?!\w)")))
        # "the 4 directions ..., all strengths (every strength band, every band) added up": what the sum is
        # over, no grouping ("added up" is left to say the sum).
        # Said as a clause too: "once every strength band is summed".
        summed = re.compile(
            rf"(?<!\w)(?P<all>(?:(?:once|when)\s+)?(?:all|every)\s+(?:the\s+)?(?:(?:{dims.pattern})(?:\s+bands?)?"
            r"|bands?)(?:\s+(?:is|are|has\s+been|have\s+been))?)\s+"
            r"(?=(?:added\s+(?:up|together)|combined|summed|put\s+together)(?!\w))",
            re.IGNORECASE,
        )
        # And after the sum: "summed over every band", "added up across all strengths", "by total frequency
        # over every band".
        summed_over = re.compile(
            r"(?<!\w)(?:added\s+(?:up|together)|summed|totall?ed|combined|total(?:\s+[a-z]+){0,2}?)\s+"
            r"(?P<all>(?:over|across)\s+"
            rf"(?:all|every)\s+(?:the\s+)?(?:(?:{dims.pattern})(?:\s+bands?)?|bands?))(?!\w)",
            re.IGNORECASE,
        )
        for m in [*summed.finditer(scan.text), *summed_over.finditer(scan.text)]:
            if scan.free(m.span("all")):
                scan.claim(m.span("all"))
        one = re.compile(
            rf"(?<!\w)(?:{_EXTREMES})\s+(?:[\w-]+\s+){{0,3}}?(?P<of>(?:of|in|for|by)\s+(?:one|a|a\s+single|any|"
            rf"an\s+individual)\s+(?:{dims.pattern}))(?=\s+(?:for|in|per|by|of|within|across)\s+(?:each|every)\b|"
            r"\s+per\b)"
        )
        for m in list(one.finditer(scan.text)):
            if scan.free(m.span("of")):
                scan.claim(m.span("of"))
        _claim_single_at_end(scan, dims.pattern)
    _claim_summed_over(scan, vocab)
    if vocab.datasets[0] is not None:  # "across all 150 flowers": every row, however many the data has
        names = vocab.datasets[0].pattern
        every = rf"(?<!\w)(?:across|over|of|for|among)\s+all\s+(?:the\s+)?(?:{COUNT})\s+(?:{names})(?!\w)"
        list(scan.take(re.compile(every, re.IGNORECASE)))
    # "over the full sample": every row the data has (a finance word for the whole period of the data).
    list(scan.take(_FULL_SAMPLE))
    years = _years_covered(vocab)
    if years is not None:
        whole = re.compile(
            rf"(?<!\w)(?:over|during|for|across|in)?\s*(?:all\s+the|the\s+(?:whole|entire|full|all))\s+(?P<n>{COUNT})\s+years(?!\w)"
        )
        for m in list(whole.finditer(scan.text)):
            if parse_count(m["n"]) == years and scan.free(m.span()):
                scan.claim(m.span())


def _claim_single_at_end(scan: Scan, dims: str) -> None:
    """ "the maximum votes each candidate received in a single district": with an extreme and a grouping
    by "each", "in a single <dimension>" closing the clause is the rows the extreme is taken over."""
    extreme = re.search(rf"(?<!\w)(?:{_EXTREMES})(?!\w)", scan.text)
    grouped = re.search(rf"(?<!\w)(?:each|every|per)\s+(?:{dims})", scan.text)
    single = re.compile(
        rf"(?<!\w)(?:in|of|for|from)\s+(?:one|a\s+single|any\s+one|an\s+individual)\s+(?:{dims})(?=\s*(?:$|[?.!,;]))"
    )
    if extreme is not None and grouped is not None:
        for m in list(single.finditer(scan.text)):
            if m.start() > extreme.end() and scan.free(m.span()):
                scan.claim(m.span())


def _claim_summed_over(scan: Scan, vocab: Vocabulary) -> None:
    """ "the sum of GDP over Asian countries": the countries a total (or average) is taken over, named with a
    value that keeps them; one total, not a line per country."""
    dims, values = vocab.dims[0], vocab.values[0]
    if dims is None or values is None:
        return
    pattern = re.compile(
        r"(?<!\w)(?:sum|total|average|mean)\s+(?:of\s+)?(?:[\w-]+\s+){1,4}?(?:over|across)\s+(?:all\s+)?(?:the\s+)?"
        rf"(?:{values.pattern})\s+(?P<d>{dims.pattern})(?!\w)"
    )
    for m in list(pattern.finditer(scan.text)):
        if scan.free(m.span("d")):
            scan.claim(m.span("d"))


def _years_covered(vocab: Vocabulary) -> int | None:
    ds = vocab.ds
    if ds.time is None or ds.time_min is None or ds.time_max is None:
        return None
    return int(str(ds.time_max)[:4]) - int(str(ds.time_min)[:4]) + 1

"""Values a question names in ways beyond a value's own name: a winner ("the districts Coderre won", "won
by Coderre"), a weekend (Saturday and Sunday), an ordered value written bare ("when it's 6+") or a list
of codes in capitals ("N, NNE and NE winds"), and the value whose share a question asks for ("what share
of China's medals were gold?" splits China's medals by medal type).
"""

from __future__ import annotations

import re

from worker.planner.vocabulary import Scan, Vocabulary, normalize, phrases
from worker.semantic import Dataset, Dimension, DimensionValue

__all__ = [
    "COMBINED",
    "JOIN",
    "ordered_dimensions",
    "read_codes",
    "read_demonyms",
    "read_strength_words",
    "read_symbols",
    "read_weekend",
    "read_winners",
    "share_split",
    "split_by_values",
    "winner_dimensions",
]

Found = list[tuple[str, DimensionValue]]

# "N, NNE and NE winds combined", "all three nations combined": added up, not split.
# "across all" adds the values named up; "across all the survey years" is over time, each value its own.
COMBINED = re.compile(
    r"(?<!\w)(?:combined|altogether|all\s+together|in\s+total|put\s+together|taken\s+together|together|across\s+all"
    r"(?!\s+(?:the\s+|of\s+the\s+)?(?:survey\s+)?(?:years|dates|weeks|months|surveys|periods|time)\b))(?!\w)"
)
_WIN = re.compile(r"\bwin", re.IGNORECASE)
_SHARE = re.compile(
    r"\b(?:shares?|percentages?|percent|proportions?|fractions?)\s+of\b.*?\b(?:were|was|is|are|(?:came|comes?|go|goes|went)"
    r"\s+(?:from|to)|(?:were|are)\s+from)\s+(?:the\s+)?",
)
# What joins values in a list: "N, NNE and NE", "thu/fri", "US/Canada/Mexico".
JOIN = re.compile(r"\s*(?:,|\band\b|\bor\b|&|/)\s*")


def winner_dimensions(ds: Dataset) -> list[Dimension]:
    """Dimensions of winners: not matched by their values (another dimension has the same names)."""
    return [d for d in ds.dimensions if not d.match_values and d.values and _WIN.search(" ".join(
        [d.label, *d.synonyms]))]  # fmt: skip


def read_winners(scan: Scan, vocab: Vocabulary) -> Found:
    """ "in the districts Coderre won", "only districts won by Coderre": a value of the winner dimension.
    The dimension word of a clause after "in" ("in the districts Coderre won") only says where; without
    it ("the districts Bergeron won") it is left to say what to show."""
    found: Found = []
    for dim in winner_dimensions(vocab.ds):
        names = {k: v for k, (_, v) in vocab.values[1].items() if v in dim.values}
        body = phrases(names)[0]
        if body is None:
            continue
        nouns = vocab.dims[0].pattern if vocab.dims[0] is not None else "(?!)"
        patterns = [
            rf"(?P<where>(?:in|from|among|within|across)\s+(?:the\s+|all\s+)?(?:{nouns})\s+)?"
            rf"(?:that\s+|where\s+|which\s+)?(?P<v>{body.pattern})(?:\s+(?:her|him|them)sel(?:f|ves))?"
            r"\s+(?:won|wins|win|carried|took)(?!\w)",
            rf"(?<!\w)(?:won|carried|taken)\s+by\s+(?P<v>{body.pattern})",
            # "the districts where Joly was the winner": won by her.
            rf"(?<!\w)(?:where|in\s+which)\s+(?P<v>{body.pattern})\s+(?:was|is|were)\s+(?:the\s+)?(?:winner|victor)\b",
            # "where winner = Bergeron" (spelt "for district winner Bergeron only"), "the winner is Joly".
            rf"(?<!\w)(?:{_names_of(dim)})\s*(?:is\s+|was\s+|=\s*|:\s*)?(?P<v>{body.pattern})",
        ]
        for pattern in patterns:
            for m in scan.take(re.compile(pattern, re.I)):
                found.append((dim.name, names[normalize(m["v"])]))
                found += _own_measure(scan, vocab, body, normalize(m["v"]))
                if m.groupdict().get("where") and _named_elsewhere(scan.text, body, m.span()):
                    # "Joly's votes in the districts Bergeron won": one candidate's votes, so the
                    # districts are what is shown, one bar each, as with "the districts she won".
                    scan.used[m.start("where") : m.end("where")] = [False] * len(m["where"])
        found += _won_by_pronoun(scan, body, names, dim.name)
    return found


def _own_measure(scan: Scan, vocab: Vocabulary, body: re.Pattern[str], name: str) -> Found:
    """ "For each district Joly carried, her votes": the measure said as the winner's own is hers (the
    candidate too), not every candidate's in those districts, when she is the only one named."""
    measures = vocab.measures[0]
    if measures is None or len({normalize(m[0]) for m in body.finditer(scan.text)}) != 1:
        return []
    own = re.compile(rf"(?<!\w)(?:her|his)\s+(?:own\s+)?(?:total\s+)?(?=(?:{measures.pattern})(?!\w))", re.I)
    claimed = [m.span() for m in own.finditer(scan.text) if scan.free(m.span())]
    for span in claimed:
        scan.claim(span)
    return [vocab.values[1][name]] if claimed else []


def _named_elsewhere(text: str, body: re.Pattern[str], span: tuple[int, int]) -> bool:
    """Whether one value of `body`, and only one, is named outside `span` of `text` (two are compared)."""
    outside = {normalize(m[0]) for m in body.finditer(text) if m.end() <= span[0] or span[1] <= m.start()}
    return len(outside) == 1


def _names_of(dim: Dimension) -> str:
    """A dimension's own names as one pattern, longest first."""
    said = {normalize(dim.label), *(normalize(w) for w in dim.synonyms)}
    return "|".join(re.escape(w) for w in sorted(said, key=len, reverse=True))


def _won_by_pronoun(scan: Scan, body: re.Pattern[str], names: dict[str, DimensionValue], dim: str) -> Found:
    """ "Joly's votes in the districts she won": the one candidate the question names, won by. The
    districts stay what is shown (one bar each)."""
    named = {names[normalize(m[0])] for m in body.finditer(scan.text)}
    if len(named) != 1:
        return []
    pronoun = re.compile(
        # "where he won the most votes" is the votes he got, not the districts he won.
        r"(?<!\w)(?:that\s+|where\s+|which\s+)?(?:she|he|they)\s+(?:won|wins?|carried|took)(?!\w)"
        r"(?!\s+(?:the\s+)?(?:most|fewest|least|more|fewer|highest|lowest|biggest|\d+)\b)"
        # "where she was the winner"
        r"|(?<!\w)(?:where|in\s+which)\s+(?:she|he|they)\s+(?:was|is|were)\s+(?:the\s+)?(?:winner|victor)\b",
        re.I,
    )
    return [(dim, value) for value in named for _ in scan.take(pronoun)]


_DEMONYM = re.compile(r"(?:ians?|ans?|ese|ns?|s)")


def read_demonyms(scan: Scan, vocab: Vocabulary) -> Found:
    """ "Chadians", "Canadians", "the Japanese": the people of one named thing (a key value of one word),
    read as it."""
    keys = set(vocab.ds.key)
    bases: dict[str, set[tuple[str, DimensionValue]]] = {}
    for k, (dim, value) in vocab.values[1].items():
        if dim in keys and re.fullmatch(r"[a-z]{4,}", k):
            bases.setdefault(k[:-1] if k[-1] in "aeiouy" else k, set()).add((dim, value))
    found: Found = []
    for m in re.finditer(r"(?<![\w-])[a-z]{5,}(?![\w-])", scan.text):
        if any(scan.used[m.start() : m.end()]):
            continue
        named = {v for base, values in bases.items() if m[0].startswith(base) for v in values
                 if _DEMONYM.fullmatch(m[0][len(base):])}  # fmt: skip
        if len(named) == 1:
            scan.claim(m.span())
            found.append(named.pop())
    return found


_STRENGTH_WORDS = re.compile(r"(?<!\w)(?P<w>strongest|weakest|calmest|lightest)(?!\w)", re.IGNORECASE)


def read_strength_words(scan: Scan, ds: Dataset) -> Found:
    """ "the strongest winds", "the calmest band": the last or first value of an ordered dimension of
    strength, not a ranking by some measure."""
    dims = [d for d in ordered_dimensions(ds) if any("strength" in n.lower() for n in (d.label, *d.synonyms))]
    if not dims:
        return []
    found: Found = []
    for m in scan.take(_STRENGTH_WORDS):
        found.append((dims[0].name, dims[0].order[-1 if m["w"].lower() == "strongest" else 0]))
    return found


def read_weekend(scan: Scan, vocab: Vocabulary) -> Found:
    """ "on weekends": the values named Saturday and Sunday, when a dimension has them."""
    days = [vocab.values[1].get(d) for d in ("saturday", "sunday")]
    if not all(days) or not any(scan.take(re.compile(r"(?<!\w)week-?ends?(?!\w)"))):
        return []
    return [d for d in days if d is not None]


def ordered_dimensions(ds: Dataset) -> list[Dimension]:
    return [d for d in ds.dimensions if not d.match_values and d.order]


def read_symbols(scan: Scan, ds: Dataset) -> Found:
    """ "when it's 6+": an ordered value written with a symbol ("6+", "0-1") is read on its own."""
    found: Found = []
    for dim in ordered_dimensions(ds):
        values = {str(v).lower(): v for v in dim.order if re.search(r"\d[^\w\s]", str(v))}
        if values:
            body = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
            pattern = re.compile(rf"(?<![\w.])(?:{body})(?![\w+])")
            found += [(dim.name, values[m[0]]) for m in scan.take(pattern)]
    return found


def read_codes(scan: Scan, ds: Dataset) -> Found:
    """ "N, NNE and NE winds": ordered values that are codes in capitals, read when written in capitals
    in a question that isn't all capitals, and either listed together or longer than one letter."""
    letters = re.findall(r"[^\W\d_]+", scan.shown)
    if scan.shown == scan.text or sum(w.isupper() for w in letters) > 0.5 * len(letters):
        return []
    found: Found = []
    for dim in ordered_dimensions(ds):
        codes = {str(v): v for v in dim.order if str(v).isalpha() and str(v).isupper()}
        if not codes:
            continue
        body = "|".join(sorted(codes, key=len, reverse=True))
        matches = [m for m in re.finditer(rf"(?<![\w'-])(?:{body})(?![\w'-])", scan.shown)]
        for run in _runs(scan, matches):
            if len(run) > 1 or len(run[0][0]) > 1:
                for m in run:
                    scan.claim(m.span())
                found += [(dim.name, codes[m[0]]) for m in run]
    return found


_VERSUS = re.compile(r"\s+(?:vs\.?|versus|v\.?)\s+")


def _runs(scan: Scan, matches: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Matches nothing else read, grouped into lists ("N, NNE and NE")."""
    runs: list[list[re.Match[str]]] = []
    for m in matches:
        if any(scan.used[m.start() : m.end()]):
            continue
        between = scan.text[runs[-1][-1].end() : m.start()] if runs else ""
        if runs and (JOIN.fullmatch(between) or _VERSUS.fullmatch(between)):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def share_split(scan: Scan, vocab: Vocabulary) -> str | None:
    """ "what share of China's medals were gold": the dimension of the value after "were", which the share
    is split by (a pie of China's medals by medal type) rather than filtered to."""
    share = _SHARE.search(scan.text)
    values = vocab.values[0]
    if share is None or values is None:
        return None
    m = values.match(scan.text, share.end())
    return None if m is None else vocab.values[1][normalize(m[0])][0]


# "split by smokers vs non-smokers": the values of a split may also be set against each other.
_SPLIT_JOIN = re.compile(r"\s*(?:,|\band\b|\bor\b|&|/|\bvs\b\.?|\bversus\b)\s*")
_SPLIT_BY = re.compile(r"(?<!\w)(?:split|broken\s+down|colou?red|shaded)\s+(?:up\s+)?(?:by|into|between)\s+")


def split_by_values(
    scan: Scan, vocab: Vocabulary, split: re.Pattern[str] = _SPLIT_BY
) -> tuple[str, list[DimensionValue]] | None:
    """ "split by lunch and dinner": a grouping named by its values instead of its name, so the chart's
    series is their dimension (kept to the values named when they are not all of them). `split` is the
    wording before the values. Claims it."""
    values = vocab.values[0]
    if values is None:
        return None
    for m in split.finditer(scan.text):
        found: Found = []
        at = end = m.end()
        while (v := values.match(scan.text, at)) is not None and not any(scan.used[v.start() : v.end()]):
            found.append(vocab.values[1][normalize(v[0])])
            end = v.end()
            joint = _SPLIT_JOIN.match(scan.text, end)
            if joint is None:
                break
            at = joint.end()
        dims = {dim for dim, _ in found}
        if len(found) > 1 and len(dims) == 1 and not any(scan.used[m.start() : end]):
            scan.claim((m.start(), end))
            return dims.pop(), [value for _, value in found]
    return None

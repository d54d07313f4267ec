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
    "coloured_groups",
    "read_codes",
    "read_demonyms",
    "read_exclusions",
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
COMBINED = re.compile(
    r"(?<!\w)(?:combined|altogether|all\s+together|in\s+total|put\s+together|taken\s+together|together|across\s+all)(?!\w)"
)
_WIN = re.compile(r"\bwin", re.IGNORECASE)
_SHARE = re.compile(
    r"\b(?:shares?|percentages?|percent|proportions?|fractions?)\s+of\b.*?\b(?:were|was|is|are|(?:came|comes?|go|goes|went)"
    r"\s+(?:from|to)|(?:were|are)\s+from)\s+(?:the\s+)?",
)
_JOIN = re.compile(r"\s*(?:,|\band\b|\bor\b|&)\s*")


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
            rf"(?:(?:in|from|among|within|across)\s+(?:the\s+|all\s+)?(?:{nouns})\s+)?"
            rf"(?:that\s+|where\s+|which\s+)?(?P<v>{body.pattern})"
            r"\s+(?:won|wins|win|carried|took)(?!\w)",
            rf"(?<!\w)(?:won|carried|taken)\s+by\s+(?P<v>{body.pattern})",
        ]
        for pattern in patterns:
            found += [(dim.name, names[normalize(m["v"])]) for m in scan.take(re.compile(pattern, re.I))]
    return found


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


_EXCLUDING = re.compile(
    r"(?<!\w)(?:excluding|excl\.?|except(?:\s+for)?|without|w/o|other\s+than|apart\s+from|but\s+not|"
    r"(?:everything|everyone|anything|all|every\s+\w+)\s+but|ignoring|disregarding|"
    r"(?<!with\s)(?<!had\s)(?<!has\s)(?<!have\s)(?<!having\s)(?<!were\s)(?<!was\s)no|"
    r"(?:leaving|leave|leaves|left)\s+out|not\s+counting|not\s+including|minus)"
    r"\s+(?:the\s+)?"
)


def read_exclusions(scan: Scan, vocab: Vocabulary) -> Found:
    """ "population by continent excluding Oceania", "every ticker except Apple and Amazon", "without the
    weekend", "other than the 0-1 and 6+ strength bands": left out."""
    values = vocab.values[0]
    found: Found = []
    for m in list(_EXCLUDING.finditer(scan.text)):
        for read in (_excluded_weekend, _excluded_symbols):
            named, end = read(scan, vocab, m.end())
            if named:
                scan.claim((m.start(), end))
                found += named
                break
    if values is None:
        return found
    for m in list(_EXCLUDING.finditer(scan.text)):
        if not scan.free(m.span()):
            continue
        at, spans = m.end(), []
        while (v := values.match(scan.text, at)) is not None and scan.free(v.span()):
            spans.append(v.span())
            found.append(vocab.values[1][normalize(v[0])])
            join = _JOIN.match(scan.text, v.end())
            at = v.end() + (join.end() - join.start() if join and join.group().strip() else 0)
            at += len(scan.text[at:]) - len(scan.text[at:].lstrip())
        if spans:
            scan.claim((m.start(), spans[-1][1]))
    return found


def _excluded_weekend(scan: Scan, vocab: Vocabulary, at: int) -> tuple[Found, int]:
    """ "excluding the weekend": Saturday and Sunday, when a dimension has them."""
    days = [vocab.values[1].get(d) for d in ("saturday", "sunday")]
    m = re.compile(r"week-?ends?(?!\w)").match(scan.text, at)
    if m is None or not all(days) or not scan.free(m.span()):
        return [], at
    return [d for d in days if d is not None], m.end()


# Words that describe a band as it is named ("the calm 0-1 band"), read with it.
_BAND_ADJECTIVES = (
    r"(?:calm|calmest|light|lightest|gentle|weak|weakest|strong|strongest|low|lowest|top|high|highest)"
)


def _excluded_symbols(scan: Scan, vocab: Vocabulary, at: int) -> tuple[Found, int]:
    """ "other than 5-6 and 6+", "without the 0-1 strength band": ordered values written with a symbol."""
    for dim in _ordered(vocab.ds):
        values = {str(v).lower(): v for v in dim.order if re.search(r"\d[^\w\s]", str(v))}
        names = phrases((dim.label, *dim.synonyms))[0]
        if not values or names is None:
            continue
        body = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
        item = re.compile(
            rf"(?:the\s+)?(?:{_BAND_ADJECTIVES}\s+)?(?P<v>{body})(?![\w+])(?:\s+(?:{names.pattern}))?(?:\s+bands?)?",
            re.I,
        )
        found: Found = []
        end = at
        while (v := item.match(scan.text, end)) is not None and scan.free(v.span()):
            found.append((dim.name, values[v["v"].lower()]))
            end = v.end()
            join = _JOIN.match(scan.text, end)
            if join is None or not join.group().strip() or item.match(scan.text, join.end()) is None:
                break
            end = join.end()
        if found:
            return found, end
    return [], at


_STRENGTH_WORDS = re.compile(r"(?<!\w)(?P<w>strongest|weakest|calmest|lightest)(?!\w)", re.IGNORECASE)


def read_strength_words(scan: Scan, ds: Dataset) -> Found:
    """ "the strongest winds", "the calmest band": the last or first value of an ordered dimension of
    strength, not a ranking by some measure."""
    dims = [d for d in _ordered(ds) if any("strength" in n.lower() for n in (d.label, *d.synonyms))]
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


def _ordered(ds: Dataset) -> list[Dimension]:
    return [d for d in ds.dimensions if not d.match_values and d.order]


def read_symbols(scan: Scan, ds: Dataset) -> Found:
    """ "when it's 6+": an ordered value written with a symbol ("6+", "0-1") is read on its own."""
    found: Found = []
    for dim in _ordered(ds):
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
    for dim in _ordered(ds):
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
        if runs and (_JOIN.fullmatch(between) or _VERSUS.fullmatch(between)):
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


_SPLIT_BY = re.compile(r"(?<!\w)(?:split|broken\s+down|colou?red|shaded)\s+(?:up\s+)?(?:by|into|between)\s+")


def split_by_values(scan: Scan, vocab: Vocabulary) -> tuple[str, list[DimensionValue]] | None:
    """ "split by lunch and dinner": a grouping named by its values instead of its name, so the chart's
    series is their dimension (kept to the values named when they are not all of them). Claims it."""
    values = vocab.values[0]
    if values is None:
        return None
    for m in _SPLIT_BY.finditer(scan.text):
        found: Found = []
        at = end = m.end()
        while (v := values.match(scan.text, at)) is not None and not any(scan.used[v.start() : v.end()]):
            found.append(vocab.values[1][normalize(v[0])])
            end = v.end()
            joint = _JOIN.match(scan.text, end)
            if joint is None:
                break
            at = joint.end()
        dims = {dim for dim, _ in found}
        if len(found) > 1 and len(dims) == 1 and not any(scan.used[m.start() : end]):
            scan.claim((m.start(), end))
            return dims.pop(), [value for _, value in found]
    return None


def coloured_groups(scan: Scan, vocab: Vocabulary) -> list[str]:
    """ "the continents in different colours", "each species in its own colour": what colours the chart
    (its series). Claims the words."""
    dims = vocab.dims[0]
    if dims is None:
        return []
    pattern = re.compile(
        rf"(?<!\w)(?:with\s+)?(?:the\s+|each\s+)?(?P<d>{dims.pattern})\s+in\s+(?:different|separate|distinct|"
        r"its\s+own|their\s+own)\s+colou?rs?(?!\w)"
    )
    return [vocab.dims[1][normalize(m["d"])] for m in scan.take(pattern)]

"""Counts written away from their ranking ("which four African nations had the highest ...", "Of the
European countries, which 7 were the most populous", "the two tickers with the lowest price") and counts
that name every value of a dimension ("the three candidates", "all six companies"), which ask for nothing
more than the chart shows anyway; and counts of rows ("how many tables", "how many african countries").
"""

from __future__ import annotations

import re

from worker.plan import Aggregation
from worker.planner import words as pw
from worker.planner.lexicon import Lexicon
from worker.planner.shape import Reading
from worker.planner.time_phrases import COUNT, parse_count
from worker.planner.vocabulary import Scan, Vocabulary, normalize
from worker.semantic import Dataset

__all__ = ["claim_counts_of_all", "place_counts", "ranking_count", "read_counts"]

# A count may end a sentence ("Rank the top 6."), but a decimal ("6.5") is no count.
_COUNT = re.compile(rf"(?<![\w.,$-])(?P<n>{COUNT})(?![\w%$+-]|[.,]\d)", re.IGNORECASE)
_BEFORE = re.compile(r"(?:\bwhich|\bwhat|\bthe|\btop|\bshow|\blist|\bname|\bme|\bonly|\bjust)\s+$")
_MAX_RANKED = 100
# Counts said after the fact: "which countries, eight of them, had the largest GDP" is "which eight
# countries"; "the countries with the most people, the top ten of them" and "... ? Rank the top 6." are
# a top ten / top 6.
_OF_THEM = re.compile(rf"\b(?P<noun>[a-z]+),\s+(?P<n>{COUNT})\s+of\s+them\s*,\s*", re.IGNORECASE)
_TOP_OF_THEM = re.compile(
    rf"(?:\brank\s+)?(?:the\s+)?\b(?P<d>top|bottom)\s+(?P<n>{COUNT})(?:\s+of\s+(?:them|those|these))?\b",
    re.IGNORECASE,
)


def place_counts(text: str) -> str:
    """`text` with counts said after their noun ("countries, eight of them,") put before it."""
    text = _OF_THEM.sub(lambda m: f"{m['n']} {m['noun']} ", text)
    return _TOP_OF_THEM.sub(lambda m: f"{m['d']} {m['n']}", text)


def _nouns(vocab: Vocabulary, rows: re.Pattern[str] | None) -> str:
    bodies = [p.pattern for p in (vocab.dims[0], vocab.measures[0], rows) if p is not None]
    bodies += [re.escape(k) for k in vocab.group_names]
    return "|".join(bodies)


def ranking_count(scan: Scan, vocab: Vocabulary, rows: re.Pattern[str] | None) -> int | None:
    """How many a ranking shows, from a count nothing else read: after "which" or "the", or just before
    what is ranked (with up to two words between: "four African nations"). Claims the count."""
    nouns = _nouns(vocab, rows)
    if not nouns:
        return None
    before_noun = re.compile(rf"\s+(?:[\w'-]+\s+){{0,2}}?(?:{nouns})", re.IGNORECASE)
    for m in _COUNT.finditer(scan.text):
        if any(scan.used[m.start() : m.end()]):
            continue
        value = parse_count(m["n"])
        if not 0 < value <= _MAX_RANKED:
            continue
        if _OF_ALL.search(scan.text[: m.start()]) and _counts_all(scan.text, m.end(), value, vocab):
            continue  # "which of the six companies": all six, among which the ranking picks
        before = _BEFORE.search(scan.text[: m.start()])
        if before is not None or before_noun.match(scan.text, m.end()):
            # "…, top 8": the word "top" is read with its count.
            word = before[0].lstrip() if before is not None else ""
            start = m.start() - len(word) if word.startswith("top") else m.start()
            scan.claim((start, m.end()))
            _claim_repeats(scan, value)
            return value
    return None


_OF_ALL = re.compile(r"\b(?:of|among|from)\s+(?:all\s+)?the\s+$", re.IGNORECASE)


def _counts_all(text: str, at: int, value: int, vocab: Vocabulary) -> bool:
    """Whether the count ending at `at` is the number of values of the dimension named right after it."""
    dims = vocab.dims[0]
    said = dims.match(text, at + 1) if dims is not None and text[at : at + 1] == " " else None
    if said is None:
        return False
    dim = vocab.ds.dimension(vocab.dims[1][normalize(said[0])])
    return len(dim.values) == value


def _claim_repeats(scan: Scan, value: int) -> None:
    """ "which three companies …? I only need the top three": the same count said again."""
    for m in list(re.finditer(rf"(?<!\w)top\s+(?P<n>{COUNT})(?!\w)", scan.text, re.IGNORECASE)):
        if parse_count(m["n"]) == value and scan.free(m.span()):
            scan.claim(m.span())


def claim_counts_of_all(scan: Scan, vocab: Vocabulary) -> None:
    """ "the three candidates", "all six companies": a count just before a dimension that equals the number
    of its values says "all of them", so it is read (it changes nothing)."""
    dims = vocab.dims[0]
    if dims is None:
        return
    pattern = re.compile(rf"(?<![\w.-])(?P<n>{COUNT})\s+(?:[\w'-]+\s+)?(?P<d>{dims.pattern})", re.IGNORECASE)
    for m in list(pattern.finditer(scan.text)):
        if any(scan.used[m.start("n") : m.end("n")]):
            continue
        dim = vocab.ds.dimension(vocab.dims[1][normalize(m["d"])])
        if dim.values and len(dim.values) == parse_count(m["n"]):
            scan.claim(m.span("n"))
    # "stocks avg all 6 one line": "all" and the number of the dataset's entities, with no noun after.
    key = vocab.ds.dimension(vocab.ds.key[0]) if vocab.ds.key else None
    for m in re.finditer(rf"(?<!\w)all\s+(?P<n>{COUNT})(?![\w.%$+-])", scan.text, re.IGNORECASE):
        counts_all = key is not None and key.values and len(key.values) == parse_count(m["n"])
        if counts_all and not any(scan.used[m.start("n") : m.end("n")]):
            scan.claim(m.span("n"))


def read_counts(scan: Scan, lex: Lexicon, r: Reading) -> tuple[list[Aggregation], bool]:
    """ "number of bills", "how many countries", "how many tables": a count of rows (or the sum of a
    measure that is itself a count: "how many medals", which the second value says)."""
    vocab = lex.vocab
    count_rows, countable = pw.counted_measure(scan, vocab)
    r.measures = pw.measures_around_counts(scan, vocab, lex.counting)
    for m in scan.take(lex.counting):
        if normalize(m["what"]) in vocab.values[1]:
            r.add(*vocab.values[1][normalize(m["what"])])
            _claim_counted_noun(scan, vocab, m.end())
            if _counts_things(vocab.ds):  # "how many golds": the medals, which the data already counts
                countable = True
                continue
        count_rows = True
        if normalize(m["what"]) in vocab.dims[1] and r.counted is None:
            r.counted = (vocab.dims[1][normalize(m["what"])], m["what"].lower())
    r.count_rows = count_rows
    return (["count"] if count_rows else []), countable


def _claim_counted_noun(scan: Scan, vocab: Vocabulary, at: int) -> None:
    """ "how many african countries": the dimension after the value is what is counted, not a grouping."""
    noun = re.compile(r"\s+(?:" + vocab.dims[0].pattern + r")") if vocab.dims[0] is not None else None
    m = noun.match(scan.text, at) if noun is not None else None
    if m is not None and not any(scan.used[m.start() : m.end()]):
        scan.claim(m.span())


def _counts_things(ds: Dataset) -> bool:
    """Whether the dataset's first measure is itself a count (medals), which "how many" adds up."""
    measure = ds.measures[0]
    return measure.additive and measure.decimals == 0

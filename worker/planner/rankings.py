"""Rankings of a question: "top 5", "the 3 largest", "which four … the highest", "the 10 richest", and the
smallest or largest of each group or named value ("smallest bill per day", "the highest price Google and
Amazon reached", "the largest number of votes each candidate got"), which is an aggregation, not a ranking.
"""

from __future__ import annotations

import dataclasses
import re

from worker.plan import Aggregation
from worker.planner import phrasings as ph
from worker.planner import words as pw
from worker.planner.conditions import read_superlative
from worker.planner.counts import ranking_count
from worker.planner.errors import UnchartableQuestion
from worker.planner.lexicon import Lexicon
from worker.planner.read_time import PERIODS
from worker.planner.refusals import suggest
from worker.planner.shape import Reading, Top
from worker.planner.spoken import NUMBER_WORDS
from worker.planner.time_phrases import parse_count
from worker.planner.vocabulary import Scan, Vocabulary, normalize
from worker.semantic import Dataset

__all__ = ["check_ranked_by", "read_ranked_by", "read_ranking"]

# "which directions does the wind come from most (least) often": ranked by the measure, which counts how
# often.
_OFTEN = re.compile(r"\s+(?:often|frequently|commonly)(?!\w)")


# "Who won the most …?", "Where does the wind blow from most often?": a question for the leader; "who
# are the top countries" asks for several, so it keeps its ranking's default count.
_WHO = re.compile(r"\W*(?:who|where)\b(?!\s+(?:are|were)\b)", re.IGNORECASE)
# "which strength bands are": the dimension's word followed by a plural, so not "which one".
_PLURAL_AFTER = re.compile(r"\s+[a-z'-]+s\s+(?:are|were|have|do)(?!\w)", re.IGNORECASE)


# "Rank them.", "Rank all three.", "rank every one": every one of them in order, however many "which" asked.
_RANK_ALL = re.compile(
    r"(?<!\w)rank\s+(?:(?P<all>all|every\s+one|each)(?:\s+of\s+them|\s+(?:\d+|[a-z]+))?|them(?:\s+(?P<all2>all))?)"
    r"(?=\s*(?:[.?!,;]|$))"
)


# "Which nation has the most medals? Show all three nations' medals": "all" and the count of the ranking
# ask for every one of them, in order, not a top three (the grouping has three values).
_ALL_COUNTED = re.compile(r"(?<!\w)all\s+(?:the\s+)?(?P<n>\d+|[a-z]+)\b", re.IGNORECASE)
# "the 2 directions ... most often. Just those two.": the count said again adds nothing.
_RESTATED = re.compile(
    r"(?<!\w)(?:just|only)\s+(?:those|these|the)\s+(?P<n>\d+|[a-z]+)(?=\s*(?:[.!]|$))", re.I
)


def read_ranking(scan: Scan, lex: Lexicon, r: Reading) -> list[Aggregation]:
    """A ranking, unless "rank them" or "rank all three" asks for every one of the bars in order, or a
    question asks who without a count ("Who won the most gold medals?"): every one ranked, the answer
    the first bar, not an arbitrary ten."""
    aggs = _read_ranking(scan, lex, r)
    if r.top is not None and not r.top.counted and _WHO.match(scan.text):
        _rank_every_one(r)
    for m in _RANK_ALL.finditer(scan.text):
        if r.top is not None and (m["all"] or m["all2"] or not r.top.counted or r.top.limit == 1):
            _rank_every_one(r)
            scan.claim(m.span())
    for m in _RESTATED.finditer(scan.text):
        said = m["n"].lower()
        n = int(said) if said.isdigit() else NUMBER_WORDS.get(said)
        if r.top is not None and r.top.counted and n == r.top.limit and scan.free(m.span()):
            scan.claim(m.span())
    for m in _ALL_COUNTED.finditer(scan.text):
        said = m["n"].lower()
        n = int(said) if said.isdigit() else NUMBER_WORDS.get(said)
        if r.top is not None and r.top.counted and n == r.top.limit:
            # As if no count were said: every one when the grouping has no more values than that.
            r.top = dataclasses.replace(r.top, counted=False)
    return aggs


def _rank_every_one(r: Reading) -> None:
    assert r.top is not None
    if r.top.by is not None and r.top.by not in r.measures:
        r.measures.append(r.top.by)  # "the richest …, rank them all": still ranked by wealth
    r.sort, r.top, r.ranked = ("asc" if r.top.low else "desc"), None, True


def _read_ranking(scan: Scan, lex: Lexicon, r: Reading) -> list[Aggregation]:
    """ "top 5", "the 3 largest", "which four … the highest", "the 10 richest"; or, before a measure and
    with a grouping, the smallest or largest of each group ("smallest bill per day")."""
    vocab = lex.vocab
    superlative = read_superlative(scan, vocab)
    if superlative is not None:
        measure, low = superlative
        r.measures.append(measure)
        if r.groups:
            return ["min" if low else "max"]
        # "which were the richest …? Rank the top 6.": the count said apart from the superlative.
        said = ranking_count(scan, vocab, lex.rows) or _which_one(scan, vocab)
        r.top = Top(low, said or 10, said is not None, measure)
        return []
    rank = pw.read_rank_word(scan, lex.ds, lex.ranks)
    if rank is not None:
        limit, counted = rank.limit, rank.counted
        # "which continent is richest": one, as "which continent has the highest GDP per capita".
        if (
            not counted
            and (said := ranking_count(scan, vocab, lex.rows) or _which_one(scan, vocab)) is not None
        ):
            limit, counted = said, True
        r.top = Top(rank.low, limit, counted, rank.measure)
        _claim_said_again(scan, vocab, rank.low)
        return []
    top, follows = _top(scan, vocab)
    if top is None:
        if (first := ph.read_first_count(scan)) is not None:  # "the biggest first, only the 10 first"
            r.top = Top(r.sort == "asc", first, True)
        return []
    low = top["dir"].lower() in pw.LOW_WORDS
    n = top["n"] or top["n0"]
    if not n and follows and r.groups and _sizes_of_things(scan, vocab, top.end()):
        # "the biggest economies by continent": each group's economy, largest first, not its largest one.
        r.sort = "asc" if low else "desc"
        return []
    if not n and follows and (each := _each_one(scan, vocab)) is not None and each not in r.groups:
        r.groups.append(each)
    if not n and follows and (r.groups or _several_named(scan, vocab)):
        # "smallest bill per day", "the highest price Google and Amazon reached", "the six companies: the
        # highest price each one reached": the smallest (largest) of each group or value named, not a
        # ranking of them.
        return ["min" if low else "max"]
    count = parse_count(n) if n else ranking_count(scan, vocab, lex.rows)
    count = count or _which_one(scan, vocab)
    r.top = Top(low, count or 10, count is not None)
    _claim_said_again(scan, vocab, low)
    return []


def _sizes_of_things(scan: Scan, vocab: Vocabulary, at: int) -> bool:
    """Whether a superlative at `at` comes before a measure that adds up, named in the plural of a thing
    that has a size ("economies"): the size of each group's whole, not its largest part."""
    measures = vocab.measures[0]
    after = re.match(r"(?:\s+the)?\s+", scan.text[at:])
    found = measures.match(scan.text, at + (after.end() if after else 0)) if measures is not None else None
    if found is None or not found[0].endswith("s"):
        return False
    measure = vocab.ds.measure(vocab.measures[1][normalize(found[0])])
    singular = found[0][:-3] + "y" if found[0].endswith("ies") else found[0][:-1]
    # The model names the thing in the singular ("economy"); a plural it lists itself ("votes") is a count.
    declared = {normalize(p) for p in (measure.label, *measure.synonyms)}
    return measure.additive and singular in declared and normalize(found[0]) not in declared


def _claim_said_again(scan: Scan, vocab: Vocabulary, low: bool) -> None:
    """ "The world's biggest economies …: which eight countries had the largest total GDP?": the same
    ranking said again, in the same direction and before a measure, is read with the first. A ranking the
    other way is left to be refused."""
    measures = vocab.measures[0]
    if (
        measures is None
        or len({vocab.measures[1][normalize(m[0])] for m in measures.finditer(scan.text)}) != 1
    ):
        return  # only when one measure is named: "the biggest economies with the largest population" is two
    for top in pw.TOP.finditer(scan.text):
        if top["n"] or top["n0"] or not scan.free(top.span()) or (top["dir"].lower() in pw.LOW_WORDS) != low:
            continue
        after = re.match(r"\s+(?:the\s+)?(?:(?:total|average|mean|combined)\s+)?", scan.text[top.end() :])
        at = top.end() + (after.end() if after else 0)
        if measures.match(scan.text, at) is not None:
            scan.claim(top.span())


def _several_named(scan: Scan, vocab: Vocabulary) -> bool:
    """Whether the question names several values of one dimension and asks no "which": bars for each of
    them, so an extreme before the measure is each one's own ("which of A and B had the highest" ranks)."""
    values = vocab.values[0]
    if values is None or re.search(r"(?<!\w)which(?!\w)", scan.text):
        return False
    dims = [vocab.values[1][normalize(m[0])][0] for m in values.finditer(scan.text)]
    return any(dims.count(d) > 1 for d in set(dims))


# "each one reached", "each of them had" ("each one" may already be "each"), before the verb of its extreme.
_EACH_ONE = re.compile(
    r"(?<!\w)each(?:\s+one|\s+of\s+them)?\s+(?:ever\s+)?(?=(?:[a-z]+ed|had|got|hit|won|made|saw|set|ran)(?!\w))",
    re.IGNORECASE,
)


def _each_one(scan: Scan, vocab: Vocabulary) -> str | None:
    """The dimension "each one" (or "each of them") points back to, named by its word before it ("the six
    companies: the highest price each one reached"): its groups are what the extreme is of."""
    dims, each = vocab.dims[0], _EACH_ONE.search(scan.text)
    named = None if dims is None or each is None else dims.search(scan.text, 0, each.start())
    return None if named is None else vocab.dims[1][normalize(named[0])]


def _which_one(scan: Scan, vocab: Vocabulary) -> int | None:
    """ "which nation won the fewest gold medals": one, when the ranked thing is named in the singular."""
    dims = vocab.dims[0]
    if dims is None:
        return None
    m = re.search(
        rf"(?<!\w)(?P<w>which|what)\s+(?:(?P<owner>{dims.pattern})['\u2019]s\s+|[a-z'-]+\s+)?(?P<d>{dims.pattern})"
        r"(?:(?P<verb>\s+(?:has|is|was|does))|(?P<past>\s+(?:had|did|won|got)))?",
        scan.text,
    )
    if m is None:
        return _the_one(scan, dims)
    # "which iris species has": a noun the same in both numbers, said with a verb in the singular;
    # "which strength bands are": a plural after the dimension's word. "what day has the highest tip" asks
    # the same as "which"; "what" without a verb ("what day-by-day tips") asks for no one. A verb in the
    # past ("had", "won") says no number: the noun's does.
    if (
        m is None
        or _PLURAL_AFTER.match(scan.text, m.end("d"))
        or (m["w"] == "what" and not m.end() > m.end("d"))
    ):
        return None
    # "which continent's countries": the one continent is asked for, whatever its countries' number.
    owner = m["owner"] if m["owner"] and not m["owner"].lower().endswith("s") else None
    return 1 if owner or not m["d"].lower().endswith("s") or m["verb"] else None


# "the richest country in Asia", "which is the most populous country": a superlative before a thing named
# once, which is one of them, not the top ten.
_SUPERLATIVE = r"(?:[a-z-]+est|most\s+[a-z-]+|least\s+[a-z-]+|best|worst|top)"


def _the_one(scan: Scan, dims: re.Pattern[str]) -> int | None:
    """ "the richest country", "which is the poorest continent": one, when a superlative stands before the
    ranked thing in the singular (not "of each", which asks for one per group)."""
    m = re.search(
        rf"(?<![\w-])(?<!\d\s)the\s+{_SUPERLATIVE}\s+(?P<d>{dims.pattern})(?![\w'\u2019-])"
        r"(?!\s+(?:in|of|for|per|from)\s+(?:each|every|all)\b)",
        scan.text,
    )
    return 1 if m is not None and not m["d"].lower().endswith("s") else None


_KEEP = re.compile(r"(?<!\w)(?:keep|keeping)(?=\s+(?:just\s+|only\s+)?(?:the\s+)?$)", re.IGNORECASE)


def _top(scan: Scan, vocab: Vocabulary) -> tuple[re.Match[str] | None, bool]:
    """The first ranking word nothing read (claimed), and whether a measure follows it ("most" and
    "fewest" rank only when one does: "the most votes")."""
    for top in pw.TOP.finditer(scan.text):
        if any(scan.used[top.start() : top.end()]):
            continue
        after = re.match(
            # "best-ever", "highest ever": the extreme over every period, still before its measure.
            r"(?:-ever|\s+ever)?\s+(?:the\s+|closing\s+|single\s+|individual\s+|weekly\s+|daily\s+)*",
            scan.text[top.end() :],
        )
        at = lead = top.end() + (after.end() if after else 0)
        # A value may stand between: "the fewest gold medals".
        value = vocab.values[0].match(scan.text, at) if vocab.values[0] is not None else None
        if value is not None:
            at = value.end() + len(scan.text[value.end() :]) - len(scan.text[value.end() :].lstrip())
        follows = vocab.measures[0] is not None and vocab.measures[0].match(scan.text, at) is not None
        # "the most gold": a value of data with one measure stands for it ("gold" medals).
        follows = follows or (value is not None and len(vocab.ds.measures) == 1)
        # "the most wind": the name of data with one measure stands for it too (its frequency), and so
        # does nothing at all ("the 5 districts where he got the most.").
        named = vocab.datasets[0].match(scan.text, at) if vocab.datasets[0] is not None else None
        ends = re.match(r"\s*(?:[.?!,;]|$)", scan.text[top.end() :]) is not None
        # "where does the wind come from most?", "blows least in the 0-1 band": a bare "most" ending its
        # clause, or after the wind's verb, ranks too ("from most to fewest" is an order, read apart).
        bare = top["dir"].lower() in ("most", "least") and (
            ends
            or (_BLOWS.search(scan.text, 0, top.start()) is not None and not _TO.match(scan.text, top.end()))
        )
        ends = ends and re.search(r"(?<!\w)the\s+$", scan.text[: top.start()]) is not None
        follows = follows or ((named is not None or ends or bare) and len(vocab.ds.measures) == 1)
        # "the largest number of votes", "the highest tally": the count a measure of counted things holds.
        follows = follows or (_COUNTED.match(scan.text, lead) is not None and _counts_things(vocab.ds))
        often = top["dir"].lower() in ("most", "least") and _OFTEN.match(scan.text, top.end()) is not None
        if top["dir"].lower() in pw.MEASURE_RANKS and not follows and not often:
            continue
        if often:
            scan.claim((top.start(), _OFTEN.match(scan.text, top.end()).end()))  # type: ignore[union-attr]
            return top, False
        scan.claim((top.start(), lead) if follows else top.span())
        if (keep := _KEEP.search(scan.text, 0, top.start())) is not None and scan.free(keep.span()):
            scan.claim(keep.span())  # "and keep the top 3": the ranking's bars, nothing of the data
        if _ranks_periods(scan, vocab, top.end()):
            raise UnchartableQuestion(
                f"chartq cannot yet rank periods (\u201c{scan.excerpt((top.start(), top.end() + 8)).strip()}"
                "\u2026\u201d); "
                f"it can show the values over time. {suggest(vocab.ds)}"
            )
        return top, follows
    return None, False


def _ranks_periods(scan: Scan, vocab: Vocabulary, at: int) -> bool:
    """Whether the ranking at `at` ranks periods ("the top 3 years by …"), which no plan makes; a period
    word the data groups by ("the top 3 days" of tips, whose day is a category) ranks its values."""
    period = PERIODS.match(scan.text, at)
    if period is None:
        return False
    word = period[0].split()[-1]
    return not (word in vocab.group_names or word.rstrip("s") in vocab.group_names)


_COUNTED = re.compile(r"(?:number|count|tally)(?!\w)")
_BLOWS = re.compile(r"(?<!\w)(?:from|blows?|comes?)\s+$", re.IGNORECASE)
_TO = re.compile(r"\s+to(?!\w)", re.IGNORECASE)


def _counts_things(ds: Dataset) -> bool:
    """Whether the dataset's first measure is itself a count (votes, medals)."""
    return ds.measures[0].additive and ds.measures[0].decimals == 0


# "ranked by their average price", "ordered by population", "sorted by the total bill": an order by a measure.
_RANKED_BY = re.compile(
    r"(?<!\w)(?:ranked|ordered|sorted|rank(?:ing)?\s+(?:them|it))\s+(?:by|on|according\s+to)\s+"
    r"(?:their\s+|its\s+|the\s+)?(?:(?:average|mean|total|median|overall)\s+)?",
    re.IGNORECASE,
)


def read_ranked_by(scan: Scan, vocab: Vocabulary) -> str | None:
    """The measure the question ranks (or sorts) what it shows by ("the six tech stocks ranked by their
    average price in 2019"): highest first, one bar each, never a line over time. Sorting by a dimension
    ("sorted by day") is its own order and is left alone (None)."""
    measures = vocab.measures[0]
    if measures is None:
        return None
    for m in _RANKED_BY.finditer(scan.text):
        named = measures.match(scan.text, m.end())
        if named is not None and not any(scan.used[m.start() : m.end()]):
            scan.claim((m.start(), m.end()))
            return vocab.measures[1][normalize(named[0])]
    return None


def check_ranked_by(ranked_by: str | None, measures: list[str], vocab: Vocabulary) -> None:
    """A chart is sorted by the measure it shows first: "petal width by species, sorted by sepal length"
    charted the sepal length beside it and sorted by the petal width, a chart that looked sorted as
    asked and was not."""
    if ranked_by is None or not measures or measures[0] == ranked_by:
        return
    ds = vocab.ds
    shown, by = ds.measure(measures[0]).label.lower(), ds.measure(ranked_by).label.lower()
    raise UnchartableQuestion(
        f"chartq sorts a chart by the measure it shows first, and this one would show {shown} sorted by "
        f"{by}. Ask for {by} itself, or put it first: \u201c{by} and {shown} by \u2026\u201d."
    )

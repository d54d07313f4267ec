"""Words that name a question's dataset itself rather than anything in it: "the tips data" (not the tip
measure), "tell me about the irises" (conversation, no chart asked), "by waiter" or "which table" (a grouping
the data has not: the dataset's own word, or its rows, which have no names)."""

from __future__ import annotations

import re

from worker.planner import words as pw
from worker.planner.accounts import HARMLESS
from worker.planner.lexicon import Lexicon
from worker.planner.vocabulary import Scan, words

__all__ = ["OVERVIEW", "claim_data_names", "conversational", "names_only", "which_dataset"]

OVERVIEW = words("|".join(sorted(pw.OVERVIEW_WORDS)))


def claim_data_names(scan: Scan, lex: Lexicon) -> None:
    """ "the tips data", "the tips sheet": the dataset's name before a word for data names the data, not a
    measure that shares the word (the tip)."""
    names = lex.vocab.datasets[0]
    if names is None:
        return
    for m in names.finditer(scan.text):
        if re.match(r"\s+(?:data|dataset|data\s+set|table|sheet|file)\b", scan.text[m.end() :]):
            scan.claim(m.span())


# A chart of the rows themselves: a scatter or a histogram, where every row is a point or is counted.
_RAW_CHART = re.compile(r"(?<!\w)(?:scatter|histogram|dot\s+plot)", re.IGNORECASE)


def claim_each_row(scan: Scan, lex: Lexicon) -> None:
    """ "tips and bills of every table as a scatter", "for every flower": on a chart of the rows themselves
    each row is already its own point; the words name the rows, no grouping the data lacks."""
    if _RAW_CHART.search(scan.text) is None:
        return
    nouns = {w.removesuffix("s") for w in lex.about} | {
        w.removesuffix("s") for w in re.findall(r"[a-z]+", lex.rows.pattern if lex.rows else "")
    }
    each = re.compile(
        r"(?<!\w)(?:of|for|per|from)\s+(?:every|each)\s+(?:single\s+|individual\s+)?(?P<w>[a-z]+)(?!\w)"
    )
    # A dimension's own word ("for each species") is a grouping, never the rows.
    dims = {k.removesuffix("s") for k in lex.vocab.dims[1]}
    for m in list(each.finditer(scan.text)):
        if m["w"].removesuffix("s") in nouns - dims and scan.free(m.span()):
            scan.claim(m.span())


_REQUEST = re.compile(
    r"(?<!\w)(?:show|shows|plot|chart|graph|draw|display|give|data|dataset|visuali[sz]e|view|see)(?!\w)"
)


def conversational(scan: Scan, lex: Lexicon) -> bool:
    """ "tell me about the irises": words besides the dataset's names, and none asking for a chart."""
    names = lex.vocab.datasets[0]
    rest = names.sub(" ", scan.text) if names is not None else scan.text
    asks = _REQUEST.search(scan.text) or OVERVIEW.search(scan.text)
    return bool(re.search(r"[a-z]{2,}", rest)) and not asks


def names_only(lex: Lexicon) -> frozenset[str]:
    """Words that only name the dataset ("waiter" of the tips): "by waiter" is a grouping it lacks."""
    v = lex.vocab
    named = {w for k in v.datasets[1] for w in k.split()}
    other = {
        w
        for table in (v.measures[1], v.dims[1], v.values[1], v.group_names)
        for k in table
        for w in k.split()
    }
    return frozenset(named - other)


# "who was the best-tipped waiter on Saturdays": the noun a "who" question ranks, after its modifiers.
_WHO_WAS = re.compile(
    r"(?<!\w)who\s+(?:was|is|were|are)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?P<w>[a-z]+)"
    r"(?=\s*(?:$|[?.,!;]|(?:on|in|at|for|of|by|with|during)\b))"
)


def which_dataset(scan: Scan, lex: Lexicon) -> str | None:
    """ "which waiter earned the most", "the tip of each waiter": "which", "what", "each" or "every"
    before a word naming the dataset rather than one of its dimensions asks for a grouping the data
    hasn't; so does "which table" (one row: the rows have no names to group by)."""
    for m in (*re.finditer(r"(?<!\w)(?:which|what|each|every)\s+(?P<w>[a-z]+)(?!\w)", scan.text),
              *_WHO_WAS.finditer(scan.text)):  # fmt: skip
        word = m["w"]
        if word in lex.vocab.group_names or any(scan.used[m.start("w") : m.end("w")]):
            continue
        # "for each iris species": the dataset's name before one of its dimensions only says which data.
        after = re.match(r"\s+([a-z]+)", scan.text[m.end() :])
        if after is not None and after[1] in lex.vocab.group_names:
            continue
        if any(word in k.split() for k in lex.vocab.datasets[1]) and word not in HARMLESS:
            return word
        if word in lex.sizes:  # "which table left the most": rows, which have no names
            return word
    return None

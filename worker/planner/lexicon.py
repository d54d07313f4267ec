"""What the rule planner knows of each dataset, built once per semantic model: its vocabulary, the phrases
that count its rows or rank it, the names other datasets have, and the words that are simply its own.

A dataset's rows are named by its number dimensions of the form "<noun> size" ("table size": the rows are
tables, so "how many tables" counts rows and "tables of four" are those of size 4) and, with a time column,
by time units ("how many weeks").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from worker.planner import words as pw
from worker.planner.typos import Speller
from worker.planner.vocabulary import PLAIN, PhraseMatcher, Vocabulary, entity_dimensions, phrases, words
from worker.semantic import Dataset

__all__ = ["AGGS", "CHARTS", "Lexicon", "build_lexicons", "row_nouns", "time_rows", "verb_forms"]

CHARTS = {k: words(v) for k, v in pw.CHART_WORDS.items()}
AGGS = {k: words(v) for k, v in pw.AGG_WORDS.items()}
_EVERY = {"hourly": "hours", "daily": "days", "weekly": "weeks", "monthly": "months", "quarterly": "quarters",
          "yearly": "years", "annual": "years"}  # fmt: skip


# What any dataset's rows may be called: "how many rows", "number of observations per species".
_ROWS = r"rows|records|observations|entries|data\s+points|samples"


def time_rows(ds: Dataset) -> str | None:
    """The time unit of one row, when the dataset's description says it ("Weekly share prices": weeks);
    a count of those counts rows."""
    if ds.time is None:
        return None
    said = re.search(rf"\b({'|'.join(_EVERY)})\b", ds.description.lower())
    return _EVERY[said[1]] if said else None


def row_nouns(ds: Dataset) -> dict[str, str]:
    """Nouns naming the rows, by the number dimension they have the size of: "tables" -> party_size."""
    nouns: dict[str, str] = {}
    for dim in ds.dimensions:
        if dim.type != "number":
            continue
        for phrase in (dim.label, *dim.synonyms):
            parts = phrase.lower().split()
            if len(parts) == 2 and parts[1] == "size":
                noun = parts[0]
                plural = noun[:-1] + "ies" if re.search(r"[^aeiou]y$", noun) else noun + "s"
                nouns |= {noun: dim.name, plural: dim.name}
    return nouns


@dataclass(frozen=True)
class Lexicon:
    """One dataset's readers: its vocabulary and the patterns built from it."""

    vocab: Vocabulary
    counting: re.Pattern[str] | None
    ranks: re.Pattern[str] | None
    rows: re.Pattern[str] | None
    sizes: dict[str, str]
    # Entity names of the other datasets ("the United States" beside the medal nations).
    elsewhere: PhraseMatcher
    # Words that are never a name of this dataset, whatever their case.
    ordinary: frozenset[str]
    # Every word of this dataset's own phrases (measures, dimensions, values, names).
    own: frozenset[str]
    # Words the data is about without naming anything to filter: its rows ("tables") and the words of
    # its description ("strength band"), which a question may use freely.
    about: frozenset[str]
    # "tables", "parties": nouns for the rows (from worker.planner.lexicon.row_nouns), or None.
    size_nouns: re.Pattern[str] | None

    @property
    def ds(self) -> Dataset:
        return self.vocab.ds


def verb_forms(vocabs: list[Vocabulary], known: set[str] | frozenset[str]) -> dict[str, str]:
    """ "billed" -> "bill", "voted" -> "vote": verbs made of a one-word measure phrase, unless a word."""
    forms: dict[str, str] = {}
    for v in vocabs:
        for phrase in v.measures[1]:
            if " " in phrase or len(phrase) < 3 or phrase.endswith("s"):
                continue
            stem = phrase[:-1] if phrase.endswith("e") else phrase
            for form in (stem + "ed", phrase + phrase[-1] + "ed", stem + "ing", phrase + phrase[-1] + "ing"):
                if form not in known:
                    forms[form] = phrase
    return forms


def _named(v: Vocabulary) -> frozenset[str]:
    """The words of the dataset's own names ("tech" of "tech stocks", "olympic")."""
    return frozenset(w for name in v.datasets[1] for w in name.split())


def _described(ds: Dataset) -> frozenset[str]:
    """The words of four letters or more of the dataset's description (not its measures'), and the
    plurals of those that name no measure ("all the bands" of a description's "strength band"; "the
    most petals" is no measure, so not a word to pass over)."""
    found = re.findall(r"[a-z]{4,}", ds.description.lower())
    measured = {
        w
        for m in ds.measures
        for w in re.findall(r"[a-z]+", " ".join([m.name, m.label, *m.synonyms]).lower())
    }
    return frozenset([*found, *(w + "s" for w in found if not w.endswith("s") and w not in measured)])


def build_lexicons(vocabs: list[Vocabulary], speller: Speller, lexicon_words: list[str]) -> list[Lexicon]:
    built = []
    for v in vocabs:
        names = {k: str(x) for o in vocabs if o is not v for k, (d, x) in o.values[1].items()
                 if k not in v.values[1] and d in {e.name for e in entity_dimensions(o.ds)}}  # fmt: skip
        own_all = {w for k in lexicon_words if k not in names for w in re.findall(r"[^\W\d_]+", k)}
        ordinary = frozenset(PLAIN | own_all | (speller.keep - speller.known))
        sizes = row_nouns(v.ds)
        rows = "|".join([*map(re.escape, sizes), *filter(None, [time_rows(v.ds)]), _ROWS])
        own = {
            w
            for table in (v.measures[1], v.dims[1], v.values[1], v.datasets[1], v.group_names)
            for k in table
            for w in re.findall(r"[^\W\d_]+", k)
        }
        built.append(
            Lexicon(
                vocab=v,
                counting=pw.counting_pattern(v, rows),
                ranks=pw.rank_pattern(v.ds),
                rows=words(rows) if rows else None,
                sizes=sizes,
                elsewhere=(phrases(names)[0], names),
                ordinary=ordinary,
                own=frozenset(own | set(sizes)),
                about=frozenset(sizes) | _described(v.ds) | _named(v),
                size_nouns=words("|".join(map(re.escape, sizes))) if sizes else None,
            )
        )
    return built

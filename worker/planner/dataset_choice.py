"""Which dataset a question is about: the one whose names it says most (worker.planner.rules).

Measures and rankings weigh most, then the dataset's own names, then its values and dimensions; a year
named counts for data with dates. A question naming only values of one dataset with one measure can be
about nothing else ("top 5 districts for Joly").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from worker.planner.conditions import size_conditions, superlatives
from worker.planner.errors import NamesNothing
from worker.planner.lexicon import Lexicon
from worker.planner.unread import no_measure
from worker.planner.vocabulary import Scan

_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d\d(?![\d.])")


def choose_dataset(scan: Scan, lexicons: Sequence[Lexicon], with_help: Callable[[str], str]) -> Lexicon:
    """The lexicon of the dataset `scan` names most; `with_help` words the refusal when it names none."""
    best, best_score = None, 0
    dated = _YEAR.search(scan.text) is not None
    for lex in lexicons:
        vocab = lex.vocab
        named = 3 * scan.count(vocab.measures[0]) + 2 * scan.count(vocab.datasets[0])
        named += scan.count(lex.counting) + 3 * scan.count(lex.ranks) + scan.count(lex.size_nouns)
        named += 3 * superlatives(scan.text, vocab) + 3 * size_conditions(scan.text, lex.sizes)
        # Its values and dimensions decide between datasets named as much ("observations per species").
        dims = scan.count(vocab.dims[0])
        score = named + scan.count(vocab.values[0]) + dims
        # A year named counts for data with dates and against data without ("in 2019").
        score += (1 if lex.ds.time is not None else -1) if dated else 0
        # Dated data with one measure may be named by a dimension and a year ("each company ... in 2019").
        by_dims = dims and dated and lex.ds.time is not None and len(lex.ds.measures) == 1
        if (named or by_dims) and score > best_score:
            best, best_score = lex, score
    best = best or _only_one_measured(scan, lexicons)
    if best is None:
        # The words it could not read are named (worker.planner.unread), else a generic sentence.
        raise NamesNothing(with_help(no_measure(scan, lexicons)))
    return best


def _only_one_measured(scan: Scan, lexicons: Sequence[Lexicon]) -> Lexicon | None:
    """Names (values, dimensions) of one dataset only, which has one measure: the question is about it.
    Values two datasets share ("Canada and China") decide nothing when one of them names values of its own
    ("... for gold, silver and bronze": the medals)."""
    # Values only: a dimension's word ("nations") may be another dataset's too, its values are its own.
    said = {id(lex): _values_said(scan, lex) for lex in lexicons}
    named = [lex for lex in lexicons if said[id(lex)]]
    widest = [lex for lex in named if all(_covers(said[id(lex)], said[id(x)]) for x in named if x is not lex)]
    named = widest or named
    if len(named) == 1 and len(named[0].ds.measures) == 1:
        return named[0]
    return None


def _covers(wide: set[str], other: set[str]) -> bool:
    """Whether `wide` names more values than `other`, each of other's inside one of its own ("south" of the
    wind's directions inside "south korea")."""
    return len(wide) > len(other) and all(any(v in w for w in wide) for v in other)


def _values_said(scan: Scan, lex: Lexicon) -> set[str]:
    pattern = lex.vocab.values[0]
    return {m[0].lower() for m in pattern.finditer(scan.text)} if pattern is not None else set()

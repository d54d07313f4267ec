"""People described by what the data holds only per country: "people over 90" (an age) and "the 5 richest
people in Europe" (a person's wealth). The gapminder data counts people and averages their wealth per
country; read as a population ranked, or a population over 90 million, either kept every country and the
chart answered another question. Refused by name, saying what can be asked.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.planner.vocabulary import Scan, Vocabulary

__all__ = ["check_people"]

# "people over 90": an age, where a count of people is a measure ("people over 90 million" is not).
_AGED = re.compile(
    r"\b(?:people|persons|residents|inhabitants|citizens)\s+(?:(?:who\s+are\s+)?(?:over|under|above|below"
    r"|older\s+than|younger\s+than|aged)|of\s+(?:age\s+)?(?:over|under))\s+(?P<n>\d{1,3})\b"
    r"(?!\s*(?:[.,]\d|%|k\b|m\b|bn\b|thousand|million|billion|crore|lakh|per\s*cent|percent))",
    re.IGNORECASE,
)


def _check_ages(scan: Scan, vocab: Vocabulary) -> None:
    """ "How many people over 90 live in each continent": an age the data does not have. Read as a
    population over 90 it kept every country, and the chart answered another question."""
    m = _AGED.search(scan.text)
    if m is not None and not any(scan.used[m.start() : m.end()]):
        raise UnchartableQuestion(
            f"The {vocab.ds.name} data counts people, not people by age, so it cannot show "
            f"\u201c{scan.excerpt(m.span())}\u201d. {suggest(vocab.ds)}"
        )


# "the 5 richest people in Europe", "the poorest citizens": people ranked by a wealth the data keeps only as
# each country's average ("which country has the richest people" is the richest country: everyday_words).
_RICHEST = re.compile(
    r"\b(?:the\s+)?(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?P<rank>richest|poorest|wealthiest"
    r"|(?:least|most)\s+wealthy?)\s+(?:people|persons|individuals|citizens|inhabitants|residents"
    r"|men|women|billionaires|millionaires)\b",
    re.IGNORECASE,
)


def _check_wealth(scan: Scan, vocab: Vocabulary) -> None:
    """ "the 5 richest people in Europe": persons ranked by wealth, which the data does not have. Read as
    the richest rank word over "people" (the population), it ranked the most populous countries."""
    m = _RICHEST.search(scan.text)
    if m is not None:
        raise UnchartableQuestion(
            f"The {vocab.ds.name} data has each country's GDP per capita, not the wealth of a person, so it "
            f"cannot show \u201c{scan.excerpt(m.span())}\u201d; it can rank the countries (\u201cthe "
            f"{'poorest' if m['rank'].lower().startswith(('poor', 'least')) else 'richest'} countries\u201d)."
            f" {suggest(vocab.ds)}"
        )


def check_people(scan: Scan, vocab: Vocabulary) -> None:
    """Refuse people said by an age or a wealth, on data that counts people (its population)."""
    if "people" not in vocab.measures[1]:
        return
    _check_ages(scan, vocab)
    _check_wealth(scan, vocab)

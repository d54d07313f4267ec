"""A child's or young learner's simple words for the data, read as the request they make.

- Iris: "which kind of flower" / "each type of flower" is the species; "draw dots for how long and how
  wide the petals are" is a scatter of petal length and petal width (the planner reads "with a different
  colour for each species" itself). "The biggest petals" (length or width?) is refused, naming the words;
  "the smallest sepal width" names its measure and is left alone.
- Gapminder: "how long do people live in Japan" is life expectancy, "how many people are there in" the
  population; "going up over the years" and "show me how it changed" are over time; "are there more
  people in India or in China?" compares the two, one bar each, in the data's latest year.
- Tips: "how much does a dinner cost" is the average total bill for dinner; "how big were the tips" is
  how much they were; "when there were 4 people at the table" is tables of 4; "give the waiters the most
  money, all added up" is tip the most, in total.
- Wind: "which way does the wind blow from the most?" ranks the directions by wind frequency; "the
  really strong 6+ wind" is the 6+ wind (the band named says which).
- Election: "each person running for mayor" is each candidate; "each place she won" each district.

Each pattern needs the child's phrase whole; text it does not recognise is left unchanged.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unyoung"]

_I = re.IGNORECASE
_WHO = r"(?:(?:the\s+)?(?:people|customers|diners|guests|grown[\s-]?ups|adults)|they|everyone|everybody)"
_WAITER = r"(?:the\s+)?(?:waiters?|waitress(?:es)?|servers?)"
_PERSON = r"(?:person|one|lady|man|woman|guy)"

# Sizes a child gives to a flower's parts say neither length nor width.
_BIG_PART = re.compile(
    r"\b(?:biggest|largest|smallest|tiniest|bigger|larger|smaller|big|large|small|tiny)\s+"
    r"(?:petals?|sepals?|flowers?|irises)\b(?!\s+(?:lengths?|widths?|areas?|sizes?))",
    _I,
)
_MORE_PEOPLE = re.compile(
    r"\b(?:(?:are|were|is|was)\s+there\s+more\s+people(?:\s+living)?|do(?:es)?\s+more\s+people\s+live|"
    r"(?:are|were)\s+more\s+people\s+living)\s+in\s+(?P<a>(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*)*)"
    r"\s+or\s+(?:in\s+)?(?P<b>(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*)*)\s*(?=[?.!]|$)",
    _I,
)
_DATED = re.compile(r"\b(?:1[89]|20)\d\d\b|\bover\s+(?:the\s+)?(?:years|time)\b|\bwhen\b", _I)
_ALL_SHOWN = re.compile(r"\b(?:show|draw|give)\s+(?:me\s+|us\s+)?all\s+(?:of\s+)?(?:the\s+)?\w+", _I)
_WIND_MOST = re.compile(
    r"\b(?:which|what)\s+(?:way|direction)\s+(?:does|do|did)\s+the\s+wind\s+(?:blow|come|blows)\s+"
    r"(?:from\s+)?(?:the\s+)?most(?:\s+often)?(?:\s+from)?\s*\?",
    _I,
)

_SAID: list[tuple[str, str]] = [
    # Iris. The species are what a child calls the kinds of flower.
    (r"\b(?:kinds?|types?|sorts?)\s+of\s+flowers?\b", "species"),
    (
        r"\bhow\s+long\s+and\s+how\s+wide\s+(?:the\s+)?(?P<p>petal|sepal)s?\s+(?:are|were|is|was)\b",
        r"\g<p> length and \g<p> width",
    ),
    (
        r"\bhow\s+wide\s+and\s+how\s+long\s+(?:the\s+)?(?P<p>petal|sepal)s?\s+(?:are|were|is|was)\b",
        r"\g<p> width and \g<p> length",
    ),
    (r"\b(?:draw|make|show)\s+(?:me\s+)?(?:some\s+|the\s+)?dots\s+(?:for|of|showing)\b", "draw a scatter of"),
    # Gapminder.
    (
        r"\bhow\s+long\s+(?:do|did|does)\s+(?:the\s+)?(?:people|folks?|persons)\s+(?:usually\s+)?live\b",
        "life expectancy",
    ),
    (r"\bhow\s+many\s+people\s+(?:are|were)\s+there\s+(?=in\b)", "the population "),
    (
        r"\b(?:going|go|goes|went)\s+up(?:\s+and\s+down)?\s+(?=over\s+(?:the\s+)?(?:years|time)\b)",
        "",
    ),
    (
        r"\b(?:show\s+(?:me|us)|draw|tell\s+me)\s+how\s+(?:it|they|that|this)\s+(?:has\s+|have\s+)?"
        r"(?:changed|change|changes|went|moved)(?:\s+over\s+(?:the\s+)?(?:years|time))?",
        "show it over time",
    ),
    # Tips.
    (
        r"\bhow\s+much\s+(?:does|did|do)\s+(?:a|an|the|one)?\s*(?P<m>dinner|lunch|meal)s?\s+cost\b",
        r"the average total bill for \g<m>",
    ),
    (r"\bhow\s+big\s+(?P<v>were|are|was|is)\s+(?P<t>(?:the\s+)?(?:tips?|bills?))\b", r"how much \g<v> \g<t>"),
    (
        r"\b(?:when|where)\s+there\s+(?:were|was|are|is)\s+(?P<n>\d+)\s+(?:people|persons|diners|guests)\s+"
        r"(?:at|around|on)\s+the\s+tables?\b",
        r"for tables of \g<n>",
    ),
    (
        r"\b(?:with|for)\s+(?P<n>\d+)\s+(?:people|persons|diners|guests)\s+(?:at|around|on)\s+the\s+tables?\b",
        r"for tables of \g<n>",
    ),
    # "give the waiters the most money": tip the most; "all added up" after it, in total.
    (
        rf"\b{_WHO}\s+(?:give|gave|gives|leave|left|leaves)\s+{_WAITER}\s+the\s+(?P<m>most|least)\s+money"
        r",?\s+(?:all\s+)?added\s+(?:up|together)\b",
        r"people tip the \g<m>, in total",
    ),
    (
        rf"\b{_WHO}\s+(?:give|gave|gives|leave|left|leaves)\s+{_WAITER}\s+the\s+(?P<m>most|least)\s+money\b",
        r"people tip the \g<m>",
    ),
    # Wind: the band named says how strong.
    (
        r"\b(?:really\s+|very\s+|super\s+)?(?:strong|weak|gentle|light)\s+(?=\d[\d.+-]*\s+winds?\b)",
        "",
    ),
    # Election.
    (
        rf"\b{_PERSON}\s+(?:who\s+(?:was|were|is|are)\s+|who\s+)?(?:running|standing|ran|stood)\s+"
        r"(?:for|as)\s+(?:the\s+)?(?:mayor|election)\b",
        "candidate",
    ),
    (
        r"\b(?P<e>each|every|the)\s+(?:place|area|part\s+of\s+(?:the\s+)?(?:city|town))s?\s+"
        r"(?=(?:she|he|they|(?-i:[A-Z])\w+)\s+won\b)",
        r"\g<e> district ",
    ),
]
_YOUNG = [(re.compile(pattern, _I), said) for pattern, said in _SAID]


def unyoung(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none."""
    if (big := _BIG_PART.search(text)) is not None:
        sentence = f"chartq cannot tell whether “{big.group(0)}” means their length or their width"
        raise UnchartableQuestion(with_example(sentence, text, model))
    text = _wind_ranking(text)
    for pattern, said in _YOUNG:
        text = pattern.sub(said, text)
    return _more_people(text, model)


def _wind_ranking(text: str) -> str:
    """ "Which way does the wind blow from the most?": the directions by wind frequency, highest first; only
    the top one unless the child asks to see them all."""
    if (m := _WIND_MOST.search(text)) is None:
        return text
    rest = text[m.end() :]
    if _ALL_SHOWN.search(rest) is not None:
        said = "Wind frequency by direction, highest first."
        rest = _ALL_SHOWN.sub("", rest, count=1).strip(" .!?")
        rest = f" {rest}" if rest else ""
    else:
        said = "Which direction has the highest wind frequency?"
    return f"{text[: m.start()]}{said}{rest}"


def _more_people(text: str, model: SemanticModel) -> str:
    """ "Are there more people in India or in China?": the two populations side by side, in the latest
    period of the data that has a population (unless the question names its own time)."""
    if (m := _MORE_PEOPLE.search(text)) is None:
        return text
    latest = next(
        (
            ds.time_max
            for ds in model.datasets
            if ds.time_max and any("population" in ms.synonyms for ms in ds.measures)
        ),
        None,
    )
    if latest is None:
        return text
    when = "" if _DATED.search(text) else f" in {latest[:4]}"
    said = f"Population of {m['a']} vs {m['b']}{when}"
    return f"{text[: m.start()]}{said}{text[m.end() :]}"

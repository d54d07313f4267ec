"""A journalist's headline openers and metaphors, read before the question is ("Falling behind: average life
expectancy by continent", "Big tables, small tips? Tip percentage by party size", "China vs India: the
population race over time").

An opener (a short phrase before a colon, or a short question before the real one) is dropped only when
the rest of the question says everything it says: each of its words is a function word, a headline word
that names nothing in the data ("falling behind", "giants", "underwater", "the daily take"), or a word the
rest repeats, directly or in another form ("Asia's" / "Asia", "longest petals" / "petal length ... longest
first", "still under 60" / "below 60", "daily" / "each day"). An opener with anything else in it (a value,
a year, a chart form, a name) is kept and read with the question, so nothing that changes the plan is lost.

Metaphors of a contest ("race", "duel", "showdown") are harmless only where the question compares values
or groups (`metaphors`); "strongholds" only where it ranks; otherwise they are refused like other words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from worker.planner.shape import Reading

__all__ = ["Openers", "metaphors"]

_I = re.IGNORECASE
_OPENER = re.compile(r"^\s*(?P<o>[^:?!.;]{2,80}?)\s*(?P<p>[:?])\s+(?P<rest>\S.*)$", re.DOTALL)
_MAX_WORDS = 8
_FUNCTION = frozenset(
    """a an the of in on for to and its their his her our my it they do does did is are was were be
    where when how who still all ones one so just now""".split()  # noqa: SIM905
)
# Headline words that name nothing in the data; they are only ever dropped from an opener.
_HEADLINE = frozenset(
    """falling fell fall falls behind ahead lagging laggards leading pulling giants giant underwater
    take takings story tale tales rough patch world winners losers boom slump climb climbers
    strongholds stronghold""".split()  # noqa: SIM905
)
# In a question asked before the real one ("Big tables, small tips?", "Do long sepals mean wide ones?"),
# adjectives of size ask what the chart will show; the question after it says how.
_ASKED = frozenset(
    "big small long short wide narrow high low mean means tall large better worse more less".split()  # noqa: SIM905
)
# Other forms of a word the rest may use.
_SAME = {
    "daily": ("day", "days"),
    "weekly": ("week", "weeks"),
    "yearly": ("year", "years"),
    "annual": ("year", "years"),
    "long": ("length", "longest", "longer"),
    "longest": ("length", "long"),
    "wide": ("width", "widest", "wider"),
    "widest": ("width", "wide"),
    "under": ("below", "less", "fewer", "lower", "<"),
    "below": ("under", "less", "fewer", "lower", "<"),
    "over": ("above", "more", "greater", "higher", ">"),
    "above": ("over", "more", "greater", "higher", ">"),
    "combined": ("total", "sum", "together", "altogether", "told"),
    "told": ("total", "sum", "combined", "altogether"),
    "total": ("sum", "combined", "told", "altogether"),
    "record": ("peak", "highest", "maximum", "max", "lowest", "minimum", "min"),
    "highs": ("peak", "highest", "maximum", "max"),
    "lows": ("lowest", "minimum", "min"),
}
# "The world of 1952 in one pie": as a pie.
_ONE_PIE = re.compile(r"\bin\s+(?:one|a\s+single)\s+pie(?:\s+chart)?\b", _I)
_GROUP_NAME = re.compile(r"^\s*[A-Z][a-z]{3,}(?:\s+(?:combined|together|altogether))?\s*$")
_LISTED = re.compile(r"\b[A-Z][\w-]+(?:\s*,\s*[A-Z][\w-]+)*\s*,?\s+(?:and|&)\s+[A-Z][\w-]+")
_WORD = re.compile(r"[\w<>]+(?:['\u2019-]\w+)*")


def _stem(word: str) -> str:
    word = re.sub(r"['\u2019]s?$", "", word.lower())
    return re.sub(r"(?<=[a-z]{3})(?:es|s)$", "", word)


class Openers:
    """Drops openers whose every word the rest of the question says again; `about` are words the datasets
    are about (their rows, their descriptions: "tables", "montreal", "mayoral"), none of which names a
    measure, dimension or value ("medals: korea, by type" keeps its measure)."""

    def __init__(self, about: Iterable[str]) -> None:
        self._about = frozenset(w.lower() for w in about)

    def drop(self, text: str) -> tuple[str, frozenset[str], frozenset[str]]:
        """`text` without an opener the rest repeats; the headline words of an opener kept (harmless:
        "Where Europe fell behind in 1977: ..." keeps the place and the year, and "fell behind" says
        nothing more); and the other words of an opener kept, which no metaphor makes harmless ("Africa's
        longevity race: …" is no comparison of Africa)."""
        text = _ONE_PIE.sub("as a pie", text)
        m = _OPENER.match(text)
        if m is None:
            return text, frozenset(), frozenset()
        opener = _WORD.findall(m["o"])
        if not opener or len(opener) > _MAX_WORDS:
            return text, frozenset(), frozenset()
        said = _WORD.findall(m["rest"])
        rest = {_stem(w) for w in said} | {w.lower() for w in said}
        asked = m["p"] == "?"
        # "Scandinavia combined: ... Sweden, Norway and Denmark": a name for the values the rest lists.
        group = _GROUP_NAME.match(m["o"]) is not None and _LISTED.search(m["rest"]) is not None
        headline = (
            frozenset(w.lower() for w in opener if w.lower() in _HEADLINE) if m["p"] == ":" else frozenset()
        )
        for at, word in enumerate(opener):
            low = re.sub(r"['\u2019]s$", "", word.lower())
            if low in _FUNCTION or low in _HEADLINE or low in _CONTEST or low in self._about:
                continue
            if asked and low in _ASKED:
                continue
            if low in rest or _stem(low) in rest or any(s in rest for s in _SAME.get(low, ())):
                continue
            if group and at == 0:
                continue
            kept = frozenset(w.lower() for w in opener) - headline
            return text, headline, kept - {w.lower() for w in said}
        return m["rest"], frozenset(), frozenset()


# Metaphors of a contest: the question compares ("China vs India: the population race").
_CONTEST = frozenset("race races duel duels battle battles showdown contest rivalry horse-race".split())  # noqa: SIM905
# "Coderre's strongholds: the districts where he drew the most votes": where one ranks highest.
_RANKED = frozenset("strongholds stronghold heartland heartlands bastions".split())  # noqa: SIM905


def metaphors(r: Reading) -> frozenset[str]:
    """Headline words this reading makes harmless."""
    compared = r.vs or bool(r.groups) or any(len(v) > 1 for v in r.entities.values())
    found: set[str] = set()
    if compared:
        found |= _CONTEST
    if r.top is not None and r.entities:
        found |= _RANKED
    return frozenset(found)

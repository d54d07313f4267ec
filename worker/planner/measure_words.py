"""Names for measures beyond the model's own phrases:

- everyday and domain words for a measure the model names by the key's phrase: a country's "headcount" is
  its population, "per-capita output" (or "per-capita GDP") its GDP per capita, a restaurant's "revenue"
  or "takings" its bills;
- a phrase built on another measure's phrase, said with that measure's other one-word names: the "tip
  rate" is the tip percentage and the tip is also the "gratuity", so the "gratuity rate" is the tip
  percentage too, and the "tip as a percentage of the check" is the "… of the bill";
- a stock's close said as a noun after a word that qualifies it ("the lowest close", "weekly closes"): its
  closing price.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set

__all__ = ["EVERYDAY", "more_names", "spell_closes"]

EVERYDAY = {
    "population": ("headcount", "headcounts", "head count"),
    "total bill": ("revenue", "revenues", "takings"),
    "gdp per capita": (
        *("per-capita gdp", "per capita gdp", "per-capita output", "per capita output", "per-capita income"),
        *("per capita income", "output per capita", "output per person", "output per head"),
    ),
}


def more_names(measures: Mapping[str, str], taken: Set[str]) -> dict[str, str]:
    """The names a measure has beyond `measures` (normalised phrase -> measure): everyday words and
    phrases built on another measure's phrase with its other one-word names. None is a phrase in `taken`
    (a dimension's, a value's or the dataset's) or already a measure's."""
    found = {
        also: name
        for phrase, name in measures.items()
        for also in EVERYDAY.get(phrase, ())
        if also not in taken and also not in measures
    }
    words: dict[str, list[str]] = {}
    for phrase, name in measures.items():
        if " " not in phrase:
            words.setdefault(name, []).append(phrase)
    for phrase, name in measures.items():
        parts = phrase.split()
        for cut in range(1, len(parts)):
            for part, rest, first in ((" ".join(parts[:cut]), parts[cut:], True),
                                      (" ".join(parts[cut:]), parts[:cut], False)):  # fmt: skip
                other = measures.get(part)
                if other is None or other == name:
                    continue
                for word in words.get(other, ()):
                    said = " ".join([word, *rest] if first else [*rest, word])
                    if word != part and said not in taken and said not in measures:
                        found.setdefault(said, name)
    return found


_CLOSE = re.compile(
    r"(?P<pre>(?<!\w)(?:lowest|highest|average|avg|mean|median|max|min|maximum|minimum|peak|weekly|daily|"
    r"final|latest|record|low|high)\s+)close(?P<s>s?)(?![\w-])"
    r"(?!\s+(?:to|than)\b)",
    re.IGNORECASE,
)


def spell_closes(text: str) -> str:
    """ "Lowest close per ticker", "MSFT weekly closes": the close as a noun, written as the closing price
    (a word qualifies it, so it is no verb: "did each stock close above 1.5" stays)."""
    return _CLOSE.sub(lambda m: f"{m['pre']}closing price{m['s']}", text)

"""A second-language speaker's constructions spelt out in the English the planner reads, before the other
voices are read (worker.planner.learners reads word order and false friends later, after the hesitations).

- "How much countries / tables / weeks": "how much" said for "how many" (as "combien" / "cuánto" / "wie
  viel" serve both), so a count of rows. Only before a plural the data counts (a dimension's or dataset's
  noun, a row noun, a period such as "weeks", or "rows", "times" ...): "how much money / tip / revenue" asks
  an amount, and "how much votes / medals / bills" names a measure, which is summed as written.
- "more big than 60", "more small than": a comparative built with "more", as in Romance languages, written
  "bigger than" / "smaller than"; "more than 60" and "much more" have no adjective and stay.
- "where the wind blows the more often", "who tips the more": "the more" said for "the most" ("le plus" /
  "lo más" are both); "the more X, the more Y" is English and stays.
- "the action(s) of Facebook", "the Apple actions": "action" / "acción" / "Aktie" is a share, so the price
  of a company's shares, when the model has a measure called a share or stock price. Only before or after a
  capitalised name, so "the action of the wind" or "action movies" are left as written.
- "week for week", "year for year": "semaine pour semaine" is week by week.
- "in all the two years": "dans toutes les deux années" is over both years, all of the data.

Text holding none of these is returned exactly as written.
"""

from __future__ import annotations

import re

from worker.semantic import SemanticModel

__all__ = ["unsecond"]

_I = re.IGNORECASE
# Short adjectives whose comparative is "-er": "more big than" is "bigger than".
_COMPARATIVE = {
    "big": "bigger", "small": "smaller", "high": "higher", "low": "lower", "large": "larger",
    "long": "longer", "short": "shorter", "wide": "wider", "narrow": "narrower", "rich": "richer",
    "poor": "poorer", "old": "older", "young": "younger", "few": "fewer", "strong": "stronger",
    "weak": "weaker", "great": "greater", "tall": "taller", "cheap": "cheaper", "fast": "faster",
    "slow": "slower", "early": "earlier", "late": "later", "heavy": "heavier", "light": "lighter",
}  # fmt: skip
_MORE_THAN = re.compile(rf"\bmore\s+(?P<a>{'|'.join(_COMPARATIVE)})\s+than\b", _I)
# "the more often" ranks; "the more ..., the more ..." compares, and is read as it is.
_THE_MORE = re.compile(r"\bthe\s+(?P<w>more|less)(?=\s+(?:often|frequently|commonly)\b|\s*(?:[?.!,;]|$))", _I)
_CORRELATIVE = re.compile(r"\bthe\s+(?:more|less)\b.*\bthe\s+(?:more|less)\b", _I | re.DOTALL)
# Plurals any data is counted in, beside the model's own nouns.
_COUNTED = frozenset((
    "rows", "records", "entries", "observations", "lines", "times", "cases", "kinds", "types", "sorts",
    "values", "people", "persons", "peoples", "days", "weeks", "months", "years", "quarters", "dates",
    "periods",
))  # fmt: skip
# Plurals asking an amount in every language: "how much sales" is what they came to.
_AMOUNTS = frozenset((
    "sales", "earnings", "revenues", "profits", "costs", "taxes", "savings", "losses", "funds", "proceeds",
    "wages",
))  # fmt: skip
_HOW_MUCH = re.compile(r"\bhow\s+much\s+(?P<d>(?:different|distinct|separate)\s+)?(?P<n>[a-z][a-z'-]*)\b", _I)
_NAME = r"[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)?"
# "the price of the action(s)" is read by worker.planner.learners; here "action" follows no price.
_ACTION_OF = re.compile(
    rf"(?<!of\s)(?<!of\sthe\s)\b(?P<d>(?:[Tt]he\s+)?)(?P<a>[Aa]ctions?)\s+(?P<p>of|from)\s+(?=(?:the\s+)?{_NAME})"
)
_NAME_ACTION = re.compile(rf"\b(?P<d>[Tt]he\s+)(?P<c>{_NAME})\s+(?P<a>actions?)\b")
_PRICE_OF = re.compile(r"\b(?:prices?|values?)\s+of\s+$", _I)
_PERIOD_FOR = re.compile(r"\b(?P<p>day|week|month|quarter|year)\s+for\s+(?P=p)\b", _I)
_ALL_TWO = re.compile(r"\b(?:in|during|for)\s+all\s+the\s+(?:two|2)\s+(?P<u>years|periods|seasons)\b", _I)


def _plural(word: str) -> str:
    """The plural of a one-word noun as the model's synonyms would write it ("company" -> "companies")."""
    if word.endswith("s"):
        return word
    return word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + "s"


def _nouns(model: SemanticModel) -> tuple[frozenset[str], frozenset[str]]:
    """The plurals the model counts rows by, and the one-word names of its measures (which are summed)."""
    counted: set[str] = set(_COUNTED)
    measured: set[str] = set(_AMOUNTS)
    for ds in model.datasets:
        for phrase in ds.synonyms:
            counted.update(_plural(w) for w in phrase.lower().split()[-1:])
        for dim in ds.dimensions:
            for phrase in (dim.label, dim.name, *dim.synonyms):
                words = phrase.lower().split()
                counted.add(_plural(words[-1]))
                if len(words) == 2 and words[1] == "size":  # "table size": the rows are "tables"
                    counted.add(_plural(words[0]))
        for m in ds.measures:
            for phrase in (m.label, m.name, *m.synonyms):
                if len(phrase.split()) == 1:
                    measured |= {phrase.lower(), _plural(phrase.lower())}
    return frozenset(counted - measured), frozenset(measured)


def _how_many(text: str, model: SemanticModel) -> str:
    """ "how much tables" -> "how many tables", when the plural is one the data is counted in."""
    if not re.search(r"\bhow\s+much\b", text, _I):
        return text
    counted, _ = _nouns(model)

    def said(m: re.Match[str]) -> str:
        if m["n"].lower() not in counted:
            return m[0]
        many = "How many" if m[0][0] == "H" else "how many"
        return f"{many} {m['d'] or ''}{m['n']}"

    return _HOW_MUCH.sub(said, text)


def _share_price(model: SemanticModel) -> str | None:
    """The model's own words for a share's price ("share price"), if any of its measures is one."""
    for ds in model.datasets:
        for m in ds.measures:
            for phrase in (m.label.lower(), *m.synonyms):
                if phrase in ("share price", "stock price"):
                    return phrase
    return None


def _actions(text: str, model: SemanticModel) -> str:
    """ "the action of Facebook" -> "the share price of Facebook"; "the Apple actions" -> its share prices."""
    if not re.search(r"\bactions?\b", text, _I):
        return text
    price = _share_price(model)
    if price is None:
        return text

    def of(m: re.Match[str]) -> str:
        prices = price + ("s" if m["a"].lower().endswith("s") else "")
        return f"{m['d']}{prices} {m['p']} "

    def named(m: re.Match[str]) -> str:
        if _PRICE_OF.search(m.string, 0, m.start()):
            return m[0]  # "the price of the Apple action": worker.planner.learners reads it as its stock
        return f"{m['d']}{m['c']} {price}{'s' if m['a'].endswith('s') else ''}"

    return _NAME_ACTION.sub(named, _ACTION_OF.sub(of, text))


def _the_most(text: str) -> str:
    """ "blows the more often" -> "blows the most often", unless "the more ..., the more ..." compares."""
    if _CORRELATIVE.search(text):
        return text
    return _THE_MORE.sub(lambda m: "the most" if m["w"].lower() == "more" else "the least", text)


def unsecond(text: str, model: SemanticModel) -> str:
    """`text` with a second-language speaker's "how much", comparatives and false friends in plain English."""
    text = _MORE_THAN.sub(lambda m: f"{_COMPARATIVE[m['a'].lower()]} than", text)
    text = _the_most(_how_many(text, model))
    text = _PERIOD_FOR.sub(lambda m: f"{m['p']} by {m['p']}", _actions(text, model))
    return _ALL_TWO.sub(lambda m: f"over both {m['u']}", text)

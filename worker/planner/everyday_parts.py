"""The parts of things in the model's words: an iris's parts and a company's shares (read by
worker.planner.everyday_words after the data's everyday terms).

- Iris: "the flower's outer leaves" are the sepals (the model's sepal is the leaf-like part that protects
  the bud); "how long / how wide the sepals / petals are" is their length / width, and "how wide they
  are" after a part named is that part's width.
- Stocks: "the shares of Apple", "Apple's shares" are its share price, never a share of a whole as "the
  shares of Asia" are.
"""

from __future__ import annotations

import re

from worker.semantic import SemanticModel

__all__ = ["company_shares", "iris_parts"]

_I = re.IGNORECASE
_OWNER = r"(?:the\s+)?(?:flower'?s'?\s+|iris'?s?'?\s+|irises'\s+)?"
_PART = rf"{_OWNER}(?P<part>outer\s+leaves|sepals?|petals?)"
_PART2 = rf"{_OWNER}(?P<part2>outer\s+leaves)"
# The parts of the iris: "how long the flower's outer leaves are" (sepal length), "how wide they are" after
# a part named (that part's width), and "the outer leaves" alone (the sepals).
_IRIS = re.compile(
    rf"\bhow\s+(?P<dim>long|wide)\s+(?:{_PART}|(?P<they>they|those))\s+(?:are|were|is|was)\b|\b{_PART2}\b", _I
)


def iris_parts(text: str) -> str:
    """The iris's parts in the model's words, each "they" read as the last part named."""
    last = ""

    def said(m: re.Match[str]) -> str:
        nonlocal last
        part = m["part"] or m["part2"]
        if part is not None:
            last = "sepal" if part.lower().startswith(("outer", "sepal")) else "petal"
        if m["dim"] is None:
            return "the sepals"
        if not last:
            return m.group(0)
        return f"{last} {'length' if m['dim'].lower() == 'long' else 'width'}"

    return _IRIS.sub(said, text)


def company_shares(text: str, model: SemanticModel) -> str:
    """ "the shares of Apple", "Apple's shares": a company's shares are its share price (on data whose
    measure is one), never a share of a whole as "the shares of Asia" are."""
    names = [
        str(name)
        for ds in model.datasets
        if any("share price" in m.synonyms for m in ds.measures)
        for d in ds.dimensions
        if d.name in ds.key
        for name in (*d.values, *d.value_synonyms)
    ]
    if not names:
        return text
    said = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    text = re.sub(
        rf"\b(?:the\s+)?shares\s+(?:of|in)\s+(?=(?:{said})\b)", "the share price of ", text, flags=_I
    )
    return re.sub(rf"\b(?P<n>{said})(?P<s>'s?)\s+shares\b", r"\g<n>\g<s> share price", text, flags=_I)

"""What a spending verb just before a condition on money is about: "tables that spent over $30",
"customers paying more than 40 dollars" put the condition on the bill, when the data names one.
"""

from __future__ import annotations

import re

from worker.planner.vocabulary import Scan, Vocabulary

__all__ = ["spent_on", "unspend"]

# "tables that spent over $30", "customers paying more than 40 dollars": what was spent is the bill.
_SPENDING = re.compile(r"(?<!\w)(?:spent|spend|spends|spending|paid|pay|pays|paying)\s*$")
_SPENT_NAMES = ("total bill", "bill", "check", "cost", "spending")


def spent_on(scan: Scan, vocab: Vocabulary, m: re.Match[str]) -> str | None:
    """The measure a spending verb just before a condition on money is about, if the data names one."""
    said = _SPENDING.search(scan.text, 0, m.start())
    money = re.search(r"\$|dollar|usd", m[0], re.IGNORECASE)
    names = vocab.measures[1]
    spent = next((names[n] for n in _SPENT_NAMES if n in names), None)
    if said is None or money is None or spent is None:
        return None
    scan.claim(said.span())
    return spent


# "how much did the tables spend", "how much do customers pay": what they spent is the bill, not the tip.
_HOW_MUCH_SPENT = re.compile(
    r"\bhow\s+much\s+(?:did|do|does)\s+(?P<who>(?:the\s+|all\s+the\s+)?(?:[\w-]+\s+)?(?:tables?|customers?|"
    r"diners?|parties|party|guests?|people|groups?|men|women|smokers|non-smokers))\s+(?:spend|pay)\b",
    re.IGNORECASE,
)


def unspend(text: str) -> str:
    """ "how much did the tables spend in total" -> "the bill of the tables in total": the amount spent is
    the bill (a dataset without one refuses the word "bill" by name)."""
    return _HOW_MUCH_SPENT.sub(lambda m: f"the bill of {m['who']}", text)

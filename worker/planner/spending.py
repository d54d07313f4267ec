"""What a spending verb just before a condition on money is about: "tables that spent over $30",
"customers paying more than 40 dollars" put the condition on the bill, when the data names one; what a
bill "came to", what was left "in tips", who "tips more per person" and what "brings in more money".
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


# "where the bill came to more than $30", "tips that amounted to at least 5": the amount was that.
_CAME_TO = re.compile(
    r"\b(?:(?:came|comes|come|amounted|amounts|amount|ran|runs|added\s+up)\s+to|totall?ed|totals)\s+"
    r"(?=(?:more|less|over|under|above|below|at\s+least|at\s+most|no\s+more|no\s+less|fewer|greater)\b|\$|\d)",
    re.IGNORECASE,
)
# "how much did each party size leave in tips": what it tipped.
_LEFT_IN_TIPS = re.compile(
    r"\b(?:leave|leaves|left|leaving|give|gives|gave|giving|pay|pays|paid|paying)\s+in\s+(?:tips|gratuities)\b",
    re.IGNORECASE,
)
# "who tips more per person": who has the higher tip per person.
_TIPS_PER = re.compile(
    r"\b(?:tips|tip|tipped)\s+(?P<c>more|less)\s+(?P<p>per\s+(?:person|head|diner|guest))\b",
    re.IGNORECASE,
)
_HIGHER = {"more": "the higher", "less": "the lower"}
# "which meal brings in more money": the more revenue (a dataset without revenue refuses the word).
_MONEY_IN = re.compile(
    r"\b(?:brings?|brought|bringing|takes?|took|taking)\s+in\s+(?P<c>more|less|the\s+most|the\s+least)\s+"
    r"(?:money|cash)\b",
    re.IGNORECASE,
)


def unspend(text: str) -> str:
    """ "how much did the tables spend in total" -> "the bill of the tables in total": the amount spent is
    the bill (a dataset without one refuses the word "bill" by name). "The bill came to more than $30" is
    the bill more than $30; "leave in tips" is tip; "who tips more per person" has the higher tip per person;
    "brings in more money" brings in more revenue."""
    text = _HOW_MUCH_SPENT.sub(lambda m: f"the bill of {m['who']}", text)
    text = _CAME_TO.sub("was ", text)
    text = _LEFT_IN_TIPS.sub("tip", text)
    text = _TIPS_PER.sub(lambda m: f"has {_HIGHER[m['c'].lower()]} tip {m['p']}", text)
    return _MONEY_IN.sub(lambda m: f"brings in {m['c']} revenue", text)

"""A dimension said as the members of another: "which continent's countries are richest", "the continent's
countries", "which continent has the longest-lived countries". The countries are what each continent's
figure is taken over, not a second grouping: one bar per continent, not a bar per country in each."""

from __future__ import annotations

import re
from itertools import pairwise

__all__ = ["members_said"]

# Between the owner and its members: a possessive ("continent's countries"), or "has the ..." after the
# owner ("continent has the richest countries", up to three words between).
_BETWEEN = re.compile(
    r"(?:['\u2019]s|s['\u2019])\s+(?:own\s+)?|\s+(?:has|had|have)\s+the\s+(?:[\w-]+\s+){0,3}", re.IGNORECASE
)


def members_said(text: str, said: list[re.Match[str]]) -> list[re.Match[str]]:
    """The dimension words in `said` (in the order of `text`) that name another one's members."""
    return [
        m
        for owner, m in pairwise(said)
        if m[0].lower().endswith("s") and _BETWEEN.fullmatch(text, owner.end(), m.start()) is not None
    ]

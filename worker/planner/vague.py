"""Shares of the groups said without a number chartq can use: a rank-based share ("the bottom two-thirds
of nations", "the top quarter of countries", "half of the districts", "the top 10% of tables") or no
number at all ("most of the countries", "some of the biggest tips", "several nations"). Read as numbers
they charted something else ("two-thirds" became a top 2); they are refused, naming the words.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion

__all__ = ["check_vague_shares"]

_I = re.IGNORECASE
_FRACTION = (
    r"(?:half|(?:a|one|two)[\s-]+thirds?|(?:a|one|three)[\s-]+quarters?|"
    r"\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent))"
)
# "the bottom two-thirds of nations", "half of the countries": a share of the groups, not of a value.
_SHARE = re.compile(
    rf"\b(?:(?:the\s+)?(?:top|bottom|upper|lower|first|last)\s+)?{_FRACTION}\s+of\s+(?:the\s+|all\s+)?"
    r"(?:[a-z-]+\s+)?(?:countries|nations|companies|stocks|tickers|districts|tables|days|species|flowers|"
    r"directions|bands|candidates|continents|parties|weeks|groups|bills|rows)\b",
    _I,
)
# "most of the countries", "some of the biggest tips": no number at all ("the most of" is a superlative,
# "how many of each" a count).
_VAGUE = re.compile(
    r"(?<!\bthe\s)(?<!\bhow\s)(?<!\bso\s)\b(?:most|some|several|many|a\s+bunch)\s+of\s+(?:the\s+)?(?=[a-z])",
    _I,
)


def check_vague_shares(text: str) -> None:
    """Refuses a share of the groups or a count with no number (see the module's docstring)."""
    found = _SHARE.search(text) or _VAGUE.search(text)
    if found is None:
        return
    said = found[0].strip()
    raise UnchartableQuestion(
        f"chartq needs a number of groups to show, and \u201c{said}\u201d gives none it can use (a share of "
        "the groups needs each one's rank first). Name how many, e.g. \u201cthe top 5\u201d or \u201cthe "
        "bottom 10\u201d."
    )

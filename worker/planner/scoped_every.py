"""A scope written as "for every X except V" after a grouping ("wind frequency by strength for every
direction except north and south"): the values left out of the rows charted, not a second grouping by X.
Spelt "excluding V" before the question is read. Without a grouping of its own ("population for every
continent but Oceania, one line each") the words are left as they are: there X is what is charted.
"""

from __future__ import annotations

import re

__all__ = ["unscope"]

_SCOPE = re.compile(
    r"(?<!\w)(?:for|across|over|among)\s+(?:every|each|all(?:\s+the)?|all\s+of\s+the)\s+[a-z]+\s+"
    r"(?:except(?:\s+for)?|but|other\s+than|apart\s+from|save)(?!\w)",
    re.IGNORECASE,
)
_GROUPED = re.compile(r"(?<!\w)(?:by|per)\s+[a-z]", re.IGNORECASE)
_SPLIT = re.compile(
    r"(?<!\w)(?:one\s+(?:line|bar|series)|split|stacked|broken\s+down|side\s+by\s+side|each\s+one|separately|"
    r"its\s+own)(?!\w)",
    re.IGNORECASE,
)


def unscope(text: str) -> str:
    """ "X by Y for every Z except V" as "X by Y excluding V"."""
    m = _SCOPE.search(text)
    if m is None or not _GROUPED.search(text[: m.start()]) or _SPLIT.search(text):
        return text
    return f"{text[: m.start()]}excluding{text[m.end() :]}"

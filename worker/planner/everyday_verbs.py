"""Everyday verbs around a request, spelt out in the words the planner reads (read with
worker.planner.everyday_words):

- "Canada's haul broken up by medal type" is broken down by it;
- "Counting gold medals only, rank the nations" / "counting only the lunch tables" keep those alone;
- "how many weeks did each company's price stay above 1.5" is the weeks it was above 1.5 ("stayed",
  "remained" and "sat" alike);
- "Set China beside Canada" compares the two, as "China versus Canada" does;
- "what did people pay per head" is the bill per person.
"""

from __future__ import annotations

import re

__all__ = ["unverb"]

_I = re.IGNORECASE

_SAID: list[tuple[str, str]] = [
    (r"\bbroken\s+up\s+(?=(?:by|into|between)\b)", "broken down "),
    (r"\bcounting\s+(?P<x>(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)\s+only\b", r"\g<x> only"),
    (r"\bcounting\s+only\s+(?=(?:the\s+)?[a-z])", "only "),
    (
        r"\b(?:stay|stays|stayed|staying|remain|remains|remained|sit|sits|sat)\s+(?=(?:above|below|over|under)"
        r"\s+\d)",
        "",
    ),
    (
        r"\bset\s+(?P<a>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?)\s+(?:beside|next\s+to|alongside|against)\s+"
        r"(?=(?-i:[A-Z]))",
        r"\g<a> versus ",
    ),
]
_PAID = r"(?:people|diners|customers|guests|they|(?:the\s+)?tables?)\s+(?:pay|paid|spend|spent)"
_SAID += [
    (
        rf"\b(?P<w>what|how\s+much)\s+(?:did|do|does)\s+{_PAID}\s+per\s+(?:head|person)\b",
        r"\g<w> was the bill per person",
    ),
]
_VERBS = [(re.compile(pattern, _I), said) for pattern, said in _SAID]


def unverb(text: str) -> str:
    """`text` with the everyday verbs above in the words the planner reads."""
    for pattern, said in _VERBS:
        text = pattern.sub(said, text)
    return text

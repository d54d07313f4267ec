"""A superlative said after its noun ("whose sepals are widest", "which species' petals are the shortest",
"which country's people are the richest"), spelt as the readers know it: "which has the widest sepals",
"which species has the shortest petals". The noun is the measure's, so the superlative ranks by it; a
noun that names no measure is refused downstream as before."""

from __future__ import annotations

import re

__all__ = ["unpredicate"]

_SUPERLATIVE = r"[a-z]+est|(?:most|least)\s+[a-z]+"
_SAID_AFTER = re.compile(
    r"\b(?:(?P<whose>whose)|which\s+(?P<owner>[a-z]+?)(?:['\u2019]s|(?<=s)['\u2019]))\s+"
    rf"(?P<noun>[a-z]+(?:\s+[a-z]+)?)\s+(?:are|is|were|was)\s+(?:the\s+)?(?P<sup>{_SUPERLATIVE})\b",
    re.IGNORECASE,
)
# Words that end in "est" and rank nothing.
_NOT_SUPERLATIVE = frozenset(("interest", "forest", "test", "west", "rest", "harvest", "request", "latest"))


def unpredicate(text: str) -> str:
    """`text` with a superlative said after its noun put before it."""
    return _SAID_AFTER.sub(_before_its_noun, text)


def _before_its_noun(m: re.Match[str]) -> str:
    if m["sup"].lower() in _NOT_SUPERLATIVE:
        return m[0]
    if m["whose"]:
        return f"which has the {m['sup']} {m['noun']}"
    owner = m["owner"]
    # "which species' petals": one species asked for; "which countries' people": several.
    verb = "have" if owner.lower().endswith("s") and owner.lower() not in ("species", "series") else "has"
    return f"which {owner} {verb} the {m['sup']} {m['noun']}"

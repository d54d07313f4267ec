"""A wedding officiant's words ("Dearly beloved, we are gathered here") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unwed"]


def unwed(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text

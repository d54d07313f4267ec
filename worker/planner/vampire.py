"""A vampire, whose patter is set aside around the one request it carries (to be written)."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unvampire"]


def unvampire(text: str, model: SemanticModel) -> str:
    """`text` with a vampire's patter set aside around the request it carries; other text unchanged."""
    return text

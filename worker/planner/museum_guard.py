"""A museum guard on the floor, whose patter is set aside around the one request it carries (being
written)."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unguard"]


def unguard(text: str, model: SemanticModel) -> str:
    """`text` unchanged (the reader is being written)."""
    return text

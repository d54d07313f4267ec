"""A chess commentator's calls ("Knight to f3!", "checkmate in three") around the one request it carries."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unchess"]


def unchess(text: str, model: SemanticModel) -> str:
    """`text` with the voice set aside; unchanged when it does not speak it."""
    return text

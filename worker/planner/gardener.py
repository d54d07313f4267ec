"""A gardener's notes ("Planted 40 tulip bulbs today.", "First frost is due on the 3rd.") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["ungarden"]


def ungarden(text: str, model: SemanticModel) -> str:
    return text

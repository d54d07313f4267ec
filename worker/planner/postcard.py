"""A holiday postcard ("Greetings from Lisbon!", "Wish you were here!", "P.S.") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unpostcard"]


def unpostcard(text: str, model: SemanticModel) -> str:
    return text

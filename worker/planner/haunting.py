"""A ghost haunting an old house ("Boooo...", "I have haunted this manor since 1890") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unhaunt"]


def unhaunt(text: str, model: SemanticModel) -> str:
    return text

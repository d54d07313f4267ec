"""A fisherman's tales ("Caught a 12-pound pike!", "High tide at 6:15") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unfishing"]


def unfishing(text: str, model: SemanticModel) -> str:
    return text

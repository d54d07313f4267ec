"""A personal trainer's calls ("Three sets of 12 reps!", "Drop and give me 20!") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["untrain"]


def untrain(text: str, model: SemanticModel) -> str:
    return text

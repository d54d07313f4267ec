"""A tennis umpire's calls ("Fifteen-love.", "Advantage Joly.", "Out!") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unumpire"]


def unumpire(text: str, model: SemanticModel) -> str:
    return text

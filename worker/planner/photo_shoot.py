"""A photographer at a shoot ("Say cheese!", "Shoot at f/2.8, 1/250 s") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unphoto_shoot"]


def unphoto_shoot(text: str, model: SemanticModel) -> str:
    return text

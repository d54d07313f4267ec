"""A parrot's squawks and echoes ("Squawk!", "Pretty bird!", the request said twice) around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unparrot"]


def unparrot(text: str, model: SemanticModel) -> str:
    return text

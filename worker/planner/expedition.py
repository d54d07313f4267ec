"""A mountaineer on an expedition ("Base camp, 5,364 m.", "Summit push at 2 a.m.") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unexpedition"]


def unexpedition(text: str, model: SemanticModel) -> str:
    return text

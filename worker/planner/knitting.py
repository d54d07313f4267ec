"""A knitter's pattern lines ("Cast on 40 stitches.", "K2, P2 to the end of the row.") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unknit"]


def unknit(text: str, model: SemanticModel) -> str:
    return text

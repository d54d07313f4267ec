"""A bartender's patter ("Last orders!", "Another round for table 6!") around the request.
Not read yet: the text is returned unchanged."""

from __future__ import annotations

from worker.semantic import SemanticModel

__all__ = ["unbartender"]


def unbartender(text: str, model: SemanticModel) -> str:
    return text
